-- Every request a URL of its own (an extra `_` parameter the server ignores), so none is
-- answered from the response cache: this measures the database and render path.
dofile("bench/report.lua")
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end
local n = 0
request = function()
  n = n + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "_=" .. id .. "-" .. n)
end
