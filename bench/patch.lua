-- Sustained edits spread over many gists: each request is one new revision.
dofile("bench/report.lua")
local token = os.getenv("BENCH_TOKEN")
local ids = {}
for id in string.gmatch(os.getenv("BENCH_PATCH_IDS"), "[^,]+") do ids[#ids + 1] = id end
local n = 0
request = function()
  n = n + 1
  local id = ids[math.random(#ids)]
  local body = string.format('{"files":{"edit.txt":{"content":"edit %d\\n"}}}', n)
  return wrk.format("PATCH", "/api/gists/" .. id,
    { ["Authorization"] = "token " .. token, ["Content-Type"] = "application/json" }, body)
end
