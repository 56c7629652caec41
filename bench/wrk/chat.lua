-- wrk script: POSTs one OpenAI chat request per call and prints the result as one JSON line.
-- Environment: BENCH_KEY (bearer key, optional), BENCH_MODEL, BENCH_STREAM ("true"/"false"), BENCH_UNIQUE (a
-- nonce: every request asks something no earlier one asked, so that a response cache never holds its answer).
local key = os.getenv("BENCH_KEY") or ""
local model = os.getenv("BENCH_MODEL") or "bench-model"
local stream = os.getenv("BENCH_STREAM") == "true"
local unique = os.getenv("BENCH_UNIQUE") or ""

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
if key ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. key
end
wrk.body = '{"model":"' .. model .. '","messages":[{"role":"system","content":"You are a terse assistant."},'
  .. '{"role":"user","content":"Say something about benchmarks in one short paragraph."}],'
  .. '"temperature":0.2,"max_tokens":128' .. (stream and ',"stream":true' or '') .. '}'

if unique ~= "" then
  local threads = 0
  function setup(thread)
    threads = threads + 1
    thread:set("thread_id", threads)
  end
  local sent = 0
  local before = wrk.body:gsub("one short paragraph%.", "one short paragraph (%%s).")
  function request()
    sent = sent + 1
    return wrk.format(nil, nil, nil, string.format(before, unique .. "-" .. tostring(thread_id) .. "-" .. sent))
  end
end

-- Latencies are in microseconds; status and socket errors are reported so a broken run cannot pass as fast.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"rps":%.1f,'
    .. '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f,'
    .. '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration, summary.bytes, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout))
end
