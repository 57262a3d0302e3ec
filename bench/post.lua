-- Sustained creates: every request makes a new gist.
dofile("bench/report.lua")
local token = os.getenv("BENCH_TOKEN")
local n = 0
request = function()
  n = n + 1
  local body = string.format(
    '{"public":true,"description":"bench %d","files":{"bench%d.txt":{"content":"written by the benchmark %d\\n"}}}',
    n, n, n)
  return wrk.format("POST", "/api/gists",
    { ["Authorization"] = "token " .. token, ["Content-Type"] = "application/json" }, body)
end
