-- wrk script: every request a different camera (/camalarm/alarm/bench/d<thread>x<n>), so that with
-- the history on each push is a new event (an unknown camera: the inbox), never a repeat.
-- Body and Content-Type as alarm.lua: $BENCH_BODY_FILE, $BENCH_CTYPE.
local f = assert(io.open(os.getenv("BENCH_BODY_FILE"), "rb"))
local body = f:read("*a")
f:close()
local headers = { ["Content-Type"] = os.getenv("BENCH_CTYPE") or "application/json" }
local threads = 0
local n = 0

function setup(thread)
  threads = threads + 1
  thread:set("prefix", "d" .. threads .. "x")
end

function request()
  n = n + 1
  return wrk.format("POST", "/camalarm/alarm/bench/" .. prefix .. n, headers, body)
end

function done(summary, latency, requests)
  io.write(string.format('DISTINCT {"requests":%d,"rps":%.1f,"non2xx":%d}\n',
    summary.requests, summary.requests / (summary.duration / 1e6), summary.errors.status))
end
