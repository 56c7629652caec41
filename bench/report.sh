#!/usr/bin/env bash
# Prints the table of one bench/run.sh result file: bench/report.sh bench/results/<timestamp>.json
set -euo pipefail
FILE=${1:?usage: report.sh results.json}
command -v jq >/dev/null || { echo "jq is required" >&2; exit 1; }

jq -r '
  def ms: if . == null then "-" else (. / 1000 * 1000 | round / 1000 | tostring) end;
  def added(a; b): if a == null or b == null then "-" else ((a - b) / 1000 * 1000 | round / 1000 | tostring) end;
  def f0: if . == null then "-" else (. | round | tostring) end;
  . as $r
  | "Switchboard bench \(.timestamp)  commit \(.commit)  \(.java)  cpus \(.nproc)  load \(.loadavg_before) -> \(.loadavg_after)",
    "database \(.database)  routing \(.routing)  rate limits \(.rate_limits // "off")  budget \(.budget // "off")  gateway idle CPU \(.gateway_idle_cpu_ms_per_s) ms/s  JVM opts \"\(.gateway_java_opts)\"",
    "",
    (["scenario", "target", "rps", "p50 ms", "p90 ms", "p99 ms", "+p50 ms", "+p99 ms", "TTFT p50", "+TTFT", "CPU us/req", "RSS MB"] | @tsv),
    ( .wrk | group_by(.kind, .concurrency)[] as $g
      | ($g | map(select(.target == "direct"))[0]) as $d
      | ($g | map(select(.target == "gateway"))[0]) as $w
      | ($r.driver | map(select(.phase == "ttft-c\($g[0].concurrency)" and $g[0].kind == "stream"))) as $t
      | ($t | map(select(.target == "direct"))[0].driver.first_token.p50_us) as $td
      | ($t | map(select(.target == "gateway"))[0].driver.first_token.p50_us) as $tw
      | ( [ "\($g[0].kind) c=\($g[0].concurrency)", "direct", ($d.wrk.rps | f0), ($d.wrk.p50_us | ms), ($d.wrk.p90_us | ms),
            ($d.wrk.p99_us | ms), "", "", ($td | ms), "", "mock \($d.mock_cpu_us_per_req | f0)", "" ] | @tsv ),
        ( [ "", "gateway", ($w.wrk.rps | f0), ($w.wrk.p50_us | ms), ($w.wrk.p90_us | ms), ($w.wrk.p99_us | ms),
            added($w.wrk.p50_us; $d.wrk.p50_us), added($w.wrk.p99_us; $d.wrk.p99_us), ($tw | ms), added($tw; $td),
            ($w.gateway_cpu_us_per_req | f0), ($w.gateway_rss_mb | f0) ] | @tsv ),
        ( ($g | map(select(.target == "cache-miss"))[0]) as $m
          | ($g | map(select(.target == "cache-hit"))[0]) as $h
          | if $m == null or $h == null then empty else
              ( [ "", "cache-miss", ($m.wrk.rps | f0), ($m.wrk.p50_us | ms), ($m.wrk.p90_us | ms), ($m.wrk.p99_us | ms),
                  added($m.wrk.p50_us; $w.wrk.p50_us), added($m.wrk.p99_us; $w.wrk.p99_us), "", "",
                  ($m.gateway_cpu_us_per_req | f0), ($m.gateway_rss_mb | f0) ] | @tsv ),
              ( [ "", "cache-hit", ($h.wrk.rps | f0), ($h.wrk.p50_us | ms), ($h.wrk.p90_us | ms), ($h.wrk.p99_us | ms),
                  added($h.wrk.p50_us; $m.wrk.p50_us), added($h.wrk.p99_us; $m.wrk.p99_us), "", "",
                  ($h.gateway_cpu_us_per_req | f0), ($h.gateway_rss_mb | f0) ] | @tsv )
            end ) ),
    "(cache-miss: + against gateway without a cache policy; cache-hit: + against cache-miss; CPU is the gateway'"'"'s per request)",
    "",
    "stream pacing (upstream: first chunk after \(.paced.first_ms) ms, then one per \(.paced.gap_ms) ms, \(.paced.chunks) chunks):",
    ( .driver | map(select(.phase == "pacing"))[]
      | "  \(.target): TTFT p50 \(.driver.first_token.p50_us | ms) ms, chunk gap p50 \(.driver.token_gap.p50_us | ms) ms min \(.driver.token_gap.min_us | ms) ms, batched reads \(.driver.batched_reads) of \(.driver.reads), errors \(.driver.errors)" ),
    "open loop (fixed rate, latency from schedule):",
    ( .driver | map(select(.phase | startswith("open-")))[]
      | "  \(.phase) \(.target): \(.driver.rps | f0) rps p50 \(.driver.latency.p50_us | ms) ms p90 \(.driver.latency.p90_us | ms) ms p99 \(.driver.latency.p99_us | ms) ms max \(.driver.latency.max_us | ms) ms errors \(.driver.errors)" ),
    ( if (.soak | length) > 0 then
        "soak RSS (requests -> MB): " + (.soak | map("\(.requests)->\(.rss_mb | round)") | join(" "))
      else empty end ),
    "errors: " + ([.wrk[] | "\(.target)/\(.kind)/c\(.concurrency)=\(.wrk.errors | add)"] | join(" ")),
    "elapsed \(.elapsed_s) s"
' "$FILE" | awk -F'\t' 'NF > 1 { printf "%-10s %-8s %8s %8s %8s %8s %8s %8s %9s %7s %11s %7s\n", $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12; next } { print }'
