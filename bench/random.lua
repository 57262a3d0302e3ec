-- What a visitor to any of thousands of gists meets: every request a gist picked at random
-- from the seeded spread (BENCH_PATHS, one path per line), so neither the response cache
-- nor a warm row or repository serves the same answer twice in a row. The URL's path is
-- the prefix: `/api/gists/` + id, or `/` + user/id (+ `/raw/HEAD/` + file).
dofile("bench/report.lua")
local kind = os.getenv("BENCH_KIND")
-- BENCH_ACCEPT: an Accept-Encoding to send, as a browser does (compression's cost).
local accept = os.getenv("BENCH_ACCEPT")
local headers = {}
if accept and accept ~= "" then
  headers["Accept-Encoding"] = accept
end
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  local user, id, file = line:match("^([^/]+)/([^/]+)/(.+)$")
  if kind == "api" then
    paths[#paths + 1] = "/api/gists/" .. id
  elseif kind == "raw" then
    paths[#paths + 1] = "/" .. user .. "/" .. id .. "/raw/HEAD/" .. file
  else
    paths[#paths + 1] = "/" .. user .. "/" .. id
  end
end
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end
local n = 0
init = function()
  math.randomseed(id * 7919)
end
request = function()
  n = n + 1
  local path = paths[math.random(#paths)]
  return wrk.format(nil, path .. "?_=" .. id .. "-" .. n, headers)
end
