#!/usr/bin/env bash
# Compares two bench/run.sh result files: bench/compare.sh before.json after.json
set -euo pipefail
A=${1:?usage: compare.sh before.json after.json}
B=${2:?usage: compare.sh before.json after.json}
command -v jq >/dev/null || { echo "jq is required" >&2; exit 1; }

jq -r -n --slurpfile a "$A" --slurpfile b "$B" '
  def pct(x; y): if x == null or y == null or x == 0 then "-" else (((y - x) / x * 1000 | round) / 10 | tostring) + "%" end;
  def f1: if . == null then "-" else ((. * 10 | round) / 10 | tostring) end;
  $a[0] as $A | $b[0] as $B
  | "before: \($A.timestamp) \($A.commit) load \($A.loadavg_before)",
    "after:  \($B.timestamp) \($B.commit) load \($B.loadavg_before)",
    "",
    (["scenario", "metric", "before", "after", "change"] | @tsv),
    ( $A.wrk[] as $x
      | ($B.wrk | map(select(.target == $x.target and .kind == $x.kind and .concurrency == $x.concurrency))[0]) as $y
      | select($y != null)
      | ("\($x.kind) c=\($x.concurrency) \($x.target)") as $s
      | ([$s, "rps", ($x.wrk.rps | f1), ($y.wrk.rps | f1), pct($x.wrk.rps; $y.wrk.rps)] | @tsv),
        ([$s, "p50 us", ($x.wrk.p50_us | f1), ($y.wrk.p50_us | f1), pct($x.wrk.p50_us; $y.wrk.p50_us)] | @tsv),
        ([$s, "p99 us", ($x.wrk.p99_us | f1), ($y.wrk.p99_us | f1), pct($x.wrk.p99_us; $y.wrk.p99_us)] | @tsv),
        (if $x.target == "gateway" then
          ([$s, "CPU us/req", ($x.gateway_cpu_us_per_req | f1), ($y.gateway_cpu_us_per_req | f1),
            pct($x.gateway_cpu_us_per_req; $y.gateway_cpu_us_per_req)] | @tsv),
          ([$s, "RSS MB", ($x.gateway_rss_mb | f1), ($y.gateway_rss_mb | f1), pct($x.gateway_rss_mb; $y.gateway_rss_mb)] | @tsv)
         else empty end) ),
    ( $A.driver[] as $x
      | ($B.driver | map(select(.phase == $x.phase and .target == $x.target))[0]) as $y
      | select($y != null and $x.kind == "stream")
      | ["\($x.phase) \($x.target)", "TTFT p50 us", ($x.driver.first_token.p50_us | f1), ($y.driver.first_token.p50_us | f1),
         pct($x.driver.first_token.p50_us; $y.driver.first_token.p50_us)] | @tsv )
' | awk -F'\t' 'NF > 1 { printf "%-28s %-12s %12s %12s %9s\n", $1,$2,$3,$4,$5; next } { print }'
