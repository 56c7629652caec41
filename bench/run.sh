#!/usr/bin/env bash
# Switchboard performance harness: direct-to-mock vs through-gateway, on loopback.
#
#   bench/run.sh                 full run (about 6-8 minutes on 2 cores, build included)
#   bench/run.sh --quick         smoke run (short phases, no soak), about 2-3 minutes
#   bench/run.sh --soak 1000000  also drive N requests through the gateway, sampling RSS (default 200000 full, 0 quick)
#   bench/run.sh --profile       record a JFR profile of the gateway during the JSON c=32 run and print hot methods
#   bench/run.sh --no-build      reuse the jars already built
#   bench/run.sh --compare a.json b.json   print two result files side by side
#
# Environment: JAVA_HOME (JDK 21+), SWITCHBOARD_DATABASE_URL (empty: the gateway's embedded PostgreSQL under a
# temporary data dir), GATEWAY_JAVA_OPTS (JVM flags for the gateway; default -Xmx256m, see below), MAVEN_ARGS (e.g. -o),
# BENCH_GATEWAY_PORT / BENCH_MOCK_PORT / BENCH_PACED_PORT (defaults 18080 / 18081 / 18082),
# BENCH_ROUTE_JSON (body for POST /admin/v1/routes when that endpoint exists),
# BENCH_KEY_RATE_LIMIT (rate limits on the benchmark key: "on" for limits no run reaches, or a JSON object such as
# '{"requests_per_minute":1000000,"tokens_per_minute":2000000000}'; compare a run with it and one without),
# BENCH_KEY_BUDGET ("on": a monthly USD budget on the benchmark key that no run exhausts, with prices on the
# benchmark models so every request is reserved and settled; compare a run with it and one without).
#
# Results: one table on stdout and bench/results/<timestamp>.json (git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
RESULTS_DIR="$BENCH/results"
SCRIPT_START=$(date +%s)
# A fresh machine of this kind has Java 17 as its default; the build needs 21 or newer.
. "$ROOT/.ci/select-jdk.sh"

QUICK=false
BUILD=true
PROFILE=false
SOAK=""
SOAK_ARG=""
while (($#)); do
  case "$1" in
    --quick) QUICK=true ;;
    --no-build) BUILD=false ;;
    --profile) PROFILE=true ;;
    --soak) SOAK="$2"; SOAK_ARG="$2"; shift ;;
    --compare) exec "$BENCH/compare.sh" "$2" "$3" ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

if $QUICK; then
  WARMUP_S=5; DURATION_S=3; DRIVER_S=2; SOAK=${SOAK:-0}
  WARM_JSON=10000; WARM_STREAM=3000; WARM_MAX_S=30
else
  WARMUP_S=5; DURATION_S=10; DRIVER_S=6; SOAK=${SOAK:-200000}
  WARM_JSON=50000; WARM_STREAM=15000; WARM_MAX_S=75
fi
# The soak stops here even if it has not reached SOAK requests: 150 s keeps the default run under 10 minutes; an
# explicit --soak gets 15 minutes (1M requests at 2-5k rps).
if [[ -n $SOAK_ARG ]]; then SOAK_MAX_S=900; else SOAK_MAX_S=150; fi
OPEN_LOOP_RATE=500        # requests per second for the open-loop run: well below saturation on 2 cores
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18080}
MOCK_PORT=${BENCH_MOCK_PORT:-18081}
PACED_PORT=${BENCH_PACED_PORT:-18082}
PACED_CHUNKS=10; PACED_FIRST_MS=50; PACED_GAP_MS=20

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- prerequisites
if [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="$(command -v java || true)"; fi
[[ -x "$JAVA" ]] || die "no java: set JAVA_HOME to a JDK 21+"
JAVA_BIN="$(dirname "$(readlink -f "$JAVA")")"
export JAVA_HOME="${JAVA_HOME:-$(dirname "$JAVA_BIN")}"

install_packages() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v jq >/dev/null || missing+=(jq)
  command -v curl >/dev/null || missing+=(curl)
  ((${#missing[@]} == 0)) && return 0
  local sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  command -v apt-get >/dev/null || die "please install: ${missing[*]}"
  log "installing ${missing[*]} from Debian"
  timeout 300 $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 300 $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
install_packages

for port in "$GATEWAY_PORT" "$MOCK_PORT" "$PACED_PORT"; do
  if ss -Hltn "sport = :$port" 2>/dev/null | grep -q .; then die "port $port is in use; set BENCH_*_PORT"; fi
done

# ---------------------------------------------------------------- build
cd "$ROOT"
if $BUILD; then
  log "building gateway-app, mock provider and load driver"
  # shellcheck disable=SC2086 # MAVEN_ARGS is a list of flags
  timeout 900 ./mvnw -B -q ${MAVEN_ARGS:-} -DskipTests -pl gateway-app,bench/mock-provider,bench/load-driver -am package
fi
GATEWAY_JAR="$ROOT/gateway-app/target/switchboard.jar"
MOCK_CP="$BENCH/mock-provider/target/classes:$(cat "$BENCH/mock-provider/target/classpath.txt")"
DRIVER_CP="$BENCH/load-driver/target/classes:$(cat "$BENCH/load-driver/target/classpath.txt")"
[[ -f "$GATEWAY_JAR" ]] || die "missing $GATEWAY_JAR (run without --no-build)"

# ---------------------------------------------------------------- processes, stopped by PID on exit
WORK="$(mktemp -d -t switchboard-bench.XXXXXX)"
PIDS=()
. "$BENCH/processes.sh"
trap cleanup EXIT
trap 'exit 130' INT TERM

STARTED_PID=""
start_mock() { # name port extra-flags... ; sets STARTED_PID (not a subshell, so PIDS is kept for cleanup)
  local name=$1 port=$2; shift 2
  "$JAVA" -XX:+UseSerialGC -Xms64m -Xmx256m --enable-native-access=ALL-UNNAMED -cp "$MOCK_CP" \
    ai.switchboard.bench.mock.MockProvider --port "$port" "$@" >"$WORK/$name.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
}

start_mock mock "$MOCK_PORT"; MOCK_PID=$STARTED_PID
start_mock paced "$PACED_PORT" --chunks $PACED_CHUNKS --first-delay-ms $PACED_FIRST_MS \
  --chunk-delay-ms $PACED_GAP_MS
PACED_PID=$STARTED_PID
wait_http "http://127.0.0.1:$MOCK_PORT/health" 30 "$MOCK_PID"
wait_http "http://127.0.0.1:$PACED_PORT/health" 30 "$PACED_PID"

# The gateway's heap is capped as a container limit would cap it (256 MB is what a 512 MB container gets at
# MaxRAMPercentage=50). Uncapped, the JVM sizes the heap from the machine's RAM (a quarter of 24 GB here) and G1 grows
# into it, and the RSS column would measure the machine rather than the gateway. Set GATEWAY_JAVA_OPTS= to measure
# uncapped.
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS--Xmx256m}
ADMIN_KEY="sb-bench-admin-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
start_gateway "$GATEWAY_JAR" "$GATEWAY_PORT" "$ADMIN_KEY"

# ---------------------------------------------------------------- registry
GW="http://127.0.0.1:$GATEWAY_PORT"
admin() { # method path [json]
  curl -sS --max-time 30 -X "$1" -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' \
    ${3:+--data "$3"} -w '\n%{http_code}' "$GW$2"
}
admin_ok() {
  local out; out=$(admin "$@")
  local code=${out##*$'\n'}
  [[ $code == 2* ]] || die "admin $1 $2 -> $code: ${out%$'\n'*}"
  printf '%s' "${out%$'\n'*}"
}
admin_ok POST /admin/v1/providers "{\"name\":\"mock-fast\",\"type\":\"openai\",\"base_url\":\"http://127.0.0.1:$MOCK_PORT/v1\",\"api_key\":\"x\"}" >/dev/null
admin_ok POST /admin/v1/providers "{\"name\":\"mock-paced\",\"type\":\"openai\",\"base_url\":\"http://127.0.0.1:$PACED_PORT/v1\",\"api_key\":\"x\"}" >/dev/null
admin_ok POST /admin/v1/models '{"name":"bench-model","provider":"mock-fast","upstream_model":"mock-model","capabilities":["chat","streaming"]}' >/dev/null
admin_ok POST /admin/v1/models '{"name":"bench-paced","provider":"mock-paced","upstream_model":"mock-model","capabilities":["chat","streaming"]}' >/dev/null
admin_ok POST /admin/v1/models '{"name":"bench-cached","provider":"mock-fast","upstream_model":"mock-model","capabilities":["chat","streaming"]}' >/dev/null
# Sampled requests too (the wrk body has temperature 0.2): the bench measures the cache, not the policy's rules.
admin_ok POST /admin/v1/cache-policies '{"target_type":"model","target":"bench-cached","deterministic_only":false}' >/dev/null
KEY=$(admin_ok POST /admin/v1/keys '{"name":"bench","scopes":["inference"],"allowed_models":["*"]}' | jq -r .key)
[[ $KEY == sk-* ]] || die "could not create an inference key"

# Rate limits on the benchmark key, to measure what enforcing them costs the hot path. The default values are far
# above anything the bench sends, so every request is admitted and the runs stay comparable.
RATE_LIMIT_STATE="off"
if [[ -n ${BENCH_KEY_RATE_LIMIT:-} ]]; then
  limits=$BENCH_KEY_RATE_LIMIT
  [[ $limits == on ]] && limits='{"requests_per_minute":2000000000,"tokens_per_minute":2000000000}'
  limit_json=$(jq -c '. + {target_type: "key", target: "bench"}' <<<"$limits") \
    || die "BENCH_KEY_RATE_LIMIT must be \"on\" or a JSON object"
  admin_ok POST /admin/v1/rate-limits "$limit_json" >/dev/null
  RATE_LIMIT_STATE="on $(jq -c 'del(.target_type, .target)' <<<"$limit_json")"
fi
log "rate limits on the bench key: $RATE_LIMIT_STATE"

# A budget on the benchmark key, to measure what reserving and settling costs the hot path: priced models, so each
# request reserves its worst case and settles its real cost, and a limit no run reaches.
BUDGET_STATE="off"
if [[ -n ${BENCH_KEY_BUDGET:-} ]]; then
  for model in bench-model bench-paced; do
    admin_ok PATCH /admin/v1/models/$model '{"input_price_per_mtok":0.15,"output_price_per_mtok":0.6}' >/dev/null
  done
  admin_ok POST /admin/v1/budgets \
    '{"name":"bench-budget","scope_type":"key","scope":"bench","period":"monthly","limit_usd":1000000}' >/dev/null
  BUDGET_STATE="on (key bench, \$1,000,000 monthly, priced models)"
fi
log "budget on the bench key: $BUDGET_STATE"

# Routing: when the routes API exists, serve the measured traffic through a route so policy cost is counted.
GW_MODEL=bench-model
ROUTE_STATE="absent"
routes_code=$(admin GET /admin/v1/routes | tail -1)
if [[ $routes_code != 404 && $routes_code != 405 ]]; then
  route_json=${BENCH_ROUTE_JSON:-'{"name":"bench-route","policy":"fallback","config":{"targets":["bench-model"]}}'}
  route_out=$(admin POST /admin/v1/routes "$route_json")
  if [[ ${route_out##*$'\n'} == 2* ]]; then
    GW_MODEL=$(jq -r '.name' <<<"$route_json"); ROUTE_STATE="on ($GW_MODEL)"
  else
    ROUTE_STATE="present, route not created (${route_out##*$'\n'}); set BENCH_ROUTE_JSON"
    log "routes API exists but the route was refused: ${route_out%$'\n'*}"
  fi
fi
log "routing: $ROUTE_STATE"
# Fail early and clearly if the path does not work at all.
curl -sf --max-time 10 -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d "{\"model\":\"$GW_MODEL\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}" \
  "$GW/v1/chat/completions" >/dev/null || die "chat through the gateway failed; see $WORK/gateway.log"

# ---------------------------------------------------------------- measurement helpers
CLK_TCK=$(getconf CLK_TCK)
RECORDS="$WORK/records.ndjson"
: >"$RECORDS"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

run_wrk() { # target(direct|gateway|cache-miss|cache-hit) kind(json|stream) concurrency seconds -> prints WRK_JSON
  local url model key="" unique=""
  case $1 in
    direct) url="http://127.0.0.1:$MOCK_PORT/v1/chat/completions"; model=mock-model ;;
    gateway) url="$GW/v1/chat/completions"; model=$GW_MODEL; key=$KEY ;;
    # A model under a cache policy: the same body again and again is a hit; a new body each time a miss (stored).
    cache-hit) url="$GW/v1/chat/completions"; model=bench-cached; key=$KEY ;;
    cache-miss) url="$GW/v1/chat/completions"; model=bench-cached; key=$KEY
      unique="$(date +%s%N)" ;;
  esac
  local threads=1; (( $3 > 1 )) && threads=2
  BENCH_UNIQUE=$unique BENCH_KEY=$key BENCH_MODEL=$model BENCH_STREAM=$([[ $2 == stream ]] && echo true || echo false) \
    timeout $(( $4 + 30 )) wrk -t"$threads" -c"$3" -d"${4}s" --timeout 10s -s "$BENCH/wrk/chat.lua" "$url" \
    | sed -n 's/^WRK_JSON //p'
}

run_driver() { # target kind concurrency seconds [extra args...] -> prints DRIVER_JSON payload
  local target=$1 kind=$2 conc=$3 secs=$4; shift 4
  local url model key=""
  case $target in
    direct) url="http://127.0.0.1:$MOCK_PORT/v1/chat/completions"; model=mock-model ;;
    direct-paced) url="http://127.0.0.1:$PACED_PORT/v1/chat/completions"; model=mock-model ;;
    gateway) url="$GW/v1/chat/completions"; model=$GW_MODEL; key=$KEY ;;
    gateway-paced) url="$GW/v1/chat/completions"; model=bench-paced; key=$KEY ;;
  esac
  timeout $(( secs + 60 )) "$JAVA" -XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1 \
    --enable-native-access=ALL-UNNAMED -cp "$DRIVER_CP" ai.switchboard.bench.driver.LoadDriver \
    --url "$url" --model "$model" --key "$key" --stream "$([[ $kind == stream ]] && echo true || echo false)" \
    --concurrency "$conc" --warmup-s 2 --duration-s "$secs" "$@" 2>>"$WORK/driver.log" \
    | sed -n 's/^DRIVER_JSON //p'
}

measure_wrk() { # target kind concurrency
  local target=$1 kind=$2 conc=$3
  local g0 m0 g1 m1 wrk_json
  g0=$(cpu_ticks "$GATEWAY_PID"); m0=$(cpu_ticks "$MOCK_PID")
  wrk_json=$(run_wrk "$target" "$kind" "$conc" "$DURATION_S")
  g1=$(cpu_ticks "$GATEWAY_PID"); m1=$(cpu_ticks "$MOCK_PID")
  [[ -n $wrk_json ]] || die "wrk produced no result for $target $kind c=$conc"
  jq -c --arg target "$target" --arg kind "$kind" --argjson conc "$conc" \
    --argjson gticks $((g1 - g0)) --argjson mticks $((m1 - m0)) --argjson tck "$CLK_TCK" \
    --argjson rss "$(rss_kb "$GATEWAY_PID")" --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" \
    '{record:"wrk", target:$target, kind:$kind, concurrency:$conc, wrk:.,
      gateway_cpu_us_per_req: (if .requests > 0 then ($gticks * 1e6 / $tck / .requests) else null end),
      mock_cpu_us_per_req: (if .requests > 0 then ($mticks * 1e6 / $tck / .requests) else null end),
      gateway_rss_mb: ($rss / 1024), loadavg: $load}' <<<"$wrk_json" >>"$RECORDS"
  log "$(tail -1 "$RECORDS" | jq -r '"\(.target) \(.kind) c=\(.concurrency): \(.wrk.rps|floor) rps p50 \(.wrk.p50_us)us p99 \(.wrk.p99_us)us gw-cpu \(.gateway_cpu_us_per_req|floor)us/req errors \(.wrk.errors|add)"')"
}

measure_driver() { # label target kind concurrency seconds [extra...]
  local label=$1; shift
  local out; out=$(run_driver "$@")
  [[ -n $out ]] || die "load driver produced no result for $label"
  jq -c --arg phase "$label" --arg target "$1" --arg kind "$2" \
    '{record:"driver", phase:$phase, target:$target, kind:$kind, driver:.}' <<<"$out" >>"$RECORDS"
  log "$(tail -1 "$RECORDS" | jq -r '"\(.phase) \(.target): \(.driver.rps|floor) rps p50 \(.driver.latency.p50_us)us ttft p50 \(.driver.first_token.p50_us // "-")us errors \(.driver.errors)"')"
}

# ---------------------------------------------------------------- warm-up (JIT, pools, caches)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# The gateway is warmed by request count, not time: on a busy machine a fixed time leaves it interpreted (we saw
# 4 ms of CPU per request after 5 s fall to 0.1 ms after 40k requests). Each kind stops at its count or time cap.
warm_gateway() { # kind requests max-seconds
  local done_requests=0 start; start=$(date +%s)
  while (( done_requests < $2 && $(date +%s) - start < $3 )); do
    done_requests=$(( done_requests + $(run_wrk gateway "$1" 8 "$WARMUP_S" | jq -r '.requests') ))
  done
  log "warm-up $1: $done_requests requests through the gateway in $(( $(date +%s) - start ))s"
}
log "warming up"
for kind in json stream; do run_wrk direct "$kind" 8 "$WARMUP_S" >/dev/null; done
warm_gateway json "$WARM_JSON" "$WARM_MAX_S"
warm_gateway stream "$WARM_STREAM" "$WARM_MAX_S"
IDLE0=$(cpu_ticks "$GATEWAY_PID"); sleep 3; IDLE1=$(cpu_ticks "$GATEWAY_PID")
IDLE_CPU_MS_PER_S=$(( (IDLE1 - IDLE0) * 1000 / CLK_TCK / 3 ))

# ---------------------------------------------------------------- closed loop: wrk
for kind in json stream; do
  for conc in 1 32; do
    if $PROFILE && [[ $kind == json && $conc == 32 ]]; then
      JFR_FILE="$WORK/gateway-json-c32.jfr"
      "$JAVA_BIN/jcmd" "$GATEWAY_PID" JFR.start name=bench settings=profile filename="$JFR_FILE" >/dev/null
    fi
    for target in direct gateway; do measure_wrk "$target" "$kind" "$conc"; done
    if $PROFILE && [[ $kind == json && $conc == 32 ]]; then
      "$JAVA_BIN/jcmd" "$GATEWAY_PID" JFR.stop name=bench >/dev/null
    fi
  done
done

# ---------------------------------------------------------------- streams: time to first token, pacing
# The response cache: what a hit adds (or saves) per request against a miss, which calls the model and stores its
# answer; both through the same model and policy, after a short warm-up of each path.
for target in cache-miss cache-hit; do run_wrk "$target" json 8 "$WARMUP_S" >/dev/null; done
for conc in 1 32; do
  for target in cache-miss cache-hit; do measure_wrk "$target" json "$conc"; done
done

for conc in 1 32; do
  for target in direct gateway; do measure_driver "ttft-c$conc" "$target" stream "$conc" "$DRIVER_S"; done
done
# A paced upstream (first token after 50 ms, then one chunk per 20 ms): every chunk must arrive on its own.
for target in direct-paced gateway-paced; do measure_driver pacing "$target" stream 4 "$DRIVER_S"; done
# Open loop: a fixed schedule, latency counted from each request's slot (no coordinated omission).
for target in direct gateway; do
  measure_driver "open-$OPEN_LOOP_RATE" "$target" json 1 "$DRIVER_S" --rate "$OPEN_LOOP_RATE" --max-in-flight 64
done

# ---------------------------------------------------------------- soak: RSS across many requests
if (( SOAK > 0 )); then
  log "soak: $SOAK JSON requests at c=32 through the gateway (at most ${SOAK_MAX_S}s), sampling RSS"
  done_requests=0; soak_start=$(date +%s)
  jq -c -n --argjson rss "$(rss_kb "$GATEWAY_PID")" '{record:"soak", requests:0, rss_mb:($rss/1024)}' >>"$RECORDS"
  while (( done_requests < SOAK && $(date +%s) - soak_start < SOAK_MAX_S )); do
    n=$(run_wrk gateway json 32 10 | jq -r '.requests')
    done_requests=$(( done_requests + n ))
    jq -c -n --argjson n "$done_requests" --argjson rss "$(rss_kb "$GATEWAY_PID")" \
      '{record:"soak", requests:$n, rss_mb:($rss/1024)}' >>"$RECORDS"
    log "soak: $done_requests requests, RSS $(( $(rss_kb "$GATEWAY_PID") / 1024 )) MB"
  done
fi

# ---------------------------------------------------------------- report
METRICS_OK=$(curl -sf --max-time 10 "$GW/actuator/prometheus" | grep -c '^http_server_requests_seconds_count' || true)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$RESULTS_DIR"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$RESULTS_DIR/$STAMP.json"
jq -s \
  --arg stamp "$STAMP" --arg commit "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  --arg java "$("$JAVA" -version 2>&1 | head -1)" --argjson nproc "$(nproc)" \
  --arg load_before "$LOAD_BEFORE" --arg load_after "$LOAD_AFTER" --arg route "$ROUTE_STATE" \
  --arg rate_limits "$RATE_LIMIT_STATE" \
  --arg budget "$BUDGET_STATE" \
  --arg db "${SWITCHBOARD_DATABASE_URL:-embedded}" --arg opts "${GATEWAY_JAVA_OPTS:-}" \
  --argjson quick "$QUICK" --argjson duration "$DURATION_S" --argjson idle "$IDLE_CPU_MS_PER_S" \
  --argjson metrics "${METRICS_OK:-0}" --argjson elapsed $(( $(date +%s) - SCRIPT_START )) \
  --argjson paced "{\"chunks\":$PACED_CHUNKS,\"first_ms\":$PACED_FIRST_MS,\"gap_ms\":$PACED_GAP_MS}" \
  '{timestamp:$stamp, commit:$commit, java:$java, nproc:$nproc, loadavg_before:$load_before,
    loadavg_after:$load_after, quick:$quick, duration_s:$duration, database:$db, routing:$route,
    rate_limits:$rate_limits, budget:$budget,    gateway_java_opts:$opts, gateway_idle_cpu_ms_per_s:$idle, prometheus_series:$metrics, paced:$paced,
    wrk: map(select(.record=="wrk")), driver: map(select(.record=="driver")),
    soak: map(select(.record=="soak") | {requests, rss_mb}), elapsed_s:$elapsed}' \
  "$RECORDS" >"$OUT"

"$BENCH/report.sh" "$OUT"
if $PROFILE && [[ -n ${JFR_FILE:-} && -f $JFR_FILE ]]; then
  cp "$JFR_FILE" "$RESULTS_DIR/$STAMP-gateway-json-c32.jfr"
  "$BENCH/jfr-top.sh" "$RESULTS_DIR/$STAMP-gateway-json-c32.jfr"
fi
log "results: $OUT (total $(( $(date +%s) - SCRIPT_START ))s)"
