-- Replays a list of paths, one per line, as wrk's requests: thread k of n asks for lines offset+k, offset+k+n, …
-- (wrapping at the end), so the threads share one sequence without repeating each other's paths. Sends
-- Accept-Encoding like a browser, and counts per response what wrk alone does not: answers from the output cache
-- (they carry an Age header; a rendered page does not) and status classes.
--   wrk -tN … -s bench/traffic/replay.lua http://127.0.0.1:PORT -- PATHS_FILE OFFSET N [plain]
-- "plain" counts nothing per response, so wrk skips parsing them: for the static file, whose ceiling would otherwise
-- measure this script (about a third less requests/s on 2 cores).
-- Prints one line: RESULT rps p50 p95 p99 status_errors socket_errors requests cache_hits responses bytes 3xx
-- (latencies in ms; status_errors: 4xx and 5xx; socket_errors: connect, read, write, timeout).

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local paths, count, position, step, requests_ready
hits, responses, redirects, client_errors, server_errors = 0, 0, 0, 0, 0

function init(args)
  local file = assert(args[1], "replay.lua: give the paths file after --")
  paths = {}
  for line in io.lines(file) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  count = #paths
  assert(count > 0, "replay.lua: no paths in " .. file)
  wrk.headers["Accept-Encoding"] = "gzip, br"
  step = tonumber(args[3] or "1")
  if args[4] == "plain" then response = nil end
  position = ((tonumber(args[2] or "0") + id) % count) + 1
  -- A short list (the static file) is formatted once, so its client cost stays that of plain wrk.
  if count <= 1000 then
    requests_ready = {}
    for i, path in ipairs(paths) do requests_ready[i] = wrk.format("GET", path) end
  end
end

function request()
  local i = position
  position = ((position - 1 + step) % count) + 1
  if requests_ready then return requests_ready[i] end
  return wrk.format("GET", paths[i])
end

function response(status, headers, body)
  responses = responses + 1
  if headers["Age"] or headers["age"] then hits = hits + 1 end
  if status >= 500 then server_errors = server_errors + 1
  elseif status >= 400 then client_errors = client_errors + 1
  elseif status >= 300 then redirects = redirects + 1 end
end

function done(summary, latency, requests)
  local total = { hits = 0, responses = 0, redirects = 0, client_errors = 0, server_errors = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(total) do total[name] = total[name] + (thread:get(name) or 0) end
  end
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.3f %.3f %.3f %d %d %d %d %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, summary.requests,
    total.hits, total.responses, summary.bytes, total.redirects))
end
