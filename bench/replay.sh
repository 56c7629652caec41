#!/usr/bin/env bash
# Switchboard cost-quality harness: replays recorded model answers through the real gateway and measures what each
# routing policy costs and how good its answers are, against always-strong and always-weak.
#
#   bench/replay.sh                      the samples in ../shared/routing-data-sample (3-5 minutes with the build)
#   bench/replay.sh --no-build           reuse the jars already built
#   bench/replay.sh --routellm DIR --routerarena DIR [--routerarena-models a,b] [--limit N]
#                                        other recordings, e.g. full checkouts of RouteLLM and RouterArena
#   Any other flag goes to the harness (--concurrency 8, --stream-every 4, --ledger-wait-s 60); see docs/replay.md.
#
# Environment: JAVA_HOME (JDK 21+), SWITCHBOARD_DATABASE_URL (empty: the gateway's embedded PostgreSQL under a
# temporary data dir), GATEWAY_JAVA_OPTS (default -Xmx256m), MAVEN_ARGS (e.g. -o), BENCH_REPLAY_GATEWAY_PORT
# (default 18090), BENCH_REPLAY_TIMEOUT_S (the harness's bound, default 1800: the samples need about 90 s).
#
# Results: bench/results/replay-<timestamp>.{md,png,json} (git-ignored) and the table on stdout.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
SAMPLE="$ROOT/../shared/routing-data-sample"
SCRIPT_START=$(date +%s)
. "$ROOT/.ci/select-jdk.sh"

BUILD=true
SOURCES=()
HARNESS_ARGS=()
while (($#)); do
  case "$1" in
    --no-build) BUILD=false ;;
    --routellm|--routerarena|--routerarena-models|--limit) SOURCES+=("$1" "$2"); shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    --*) HARNESS_ARGS+=("$1" "$2"); shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
if ((${#SOURCES[@]} == 0)); then
  [[ -d $SAMPLE ]] || { echo "no recordings: $SAMPLE is missing; pass --routellm/--routerarena" >&2; exit 2; }
  SOURCES=(--routellm "$SAMPLE/RouteLLM" --routerarena "$SAMPLE/RouterArena")
fi
GATEWAY_PORT=${BENCH_REPLAY_GATEWAY_PORT:-18090}

log() { printf '[replay %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

JAVA="$JAVA_HOME/bin/java"
command -v curl >/dev/null || die "please install curl"
# The plot is drawn with Java2D, which needs a font; a minimal Debian has none.
if ! fc-list 2>/dev/null | grep -q .; then
  command -v apt-get >/dev/null || die "please install a font (fontconfig and fonts-dejavu-core)"
  log "installing fontconfig and fonts-dejavu-core from Debian"
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  timeout 300 $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 300 $sudo apt-get install -y -qq fontconfig fonts-dejavu-core >/dev/null
fi
if ss -Hltn "sport = :$GATEWAY_PORT" 2>/dev/null | grep -q .; then
  die "port $GATEWAY_PORT is in use; set BENCH_REPLAY_GATEWAY_PORT"
fi

cd "$ROOT"
if $BUILD; then
  log "building gateway-app and the replay harness"
  # shellcheck disable=SC2086 # MAVEN_ARGS is a list of flags
  timeout 900 ./mvnw -B -q ${MAVEN_ARGS:-} -DskipTests -pl gateway-app,bench/replay -am package
fi
GATEWAY_JAR="$ROOT/gateway-app/target/switchboard.jar"
REPLAY_CP="$BENCH/replay/target/classes:$(cat "$BENCH/replay/target/classpath.txt")"
[[ -f "$GATEWAY_JAR" ]] || die "missing $GATEWAY_JAR (run without --no-build)"

WORK="$(mktemp -d -t switchboard-replay.XXXXXX)"
PIDS=()
. "$BENCH/processes.sh"
trap cleanup EXIT
trap 'exit 130' INT TERM

ADMIN_KEY="sb-replay-admin-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# The access log would be 7,000 lines of noise; the usage ledger keeps the same facts.
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS--Xmx256m} LOGGING_LEVEL_SWITCHBOARD_ACCESS=WARN \
  start_gateway "$GATEWAY_JAR" "$GATEWAY_PORT" "$ADMIN_KEY"

status=0
timeout "${BENCH_REPLAY_TIMEOUT_S:-1800}" "$JAVA" -XX:+UseSerialGC -Xmx512m -Djava.awt.headless=true \
  --enable-native-access=ALL-UNNAMED -cp "$REPLAY_CP" ai.switchboard.bench.replay.harness.ReplayHarness \
  --gateway "http://127.0.0.1:$GATEWAY_PORT" --admin-key "$ADMIN_KEY" --out "$BENCH/results" \
  "${SOURCES[@]}" "${HARNESS_ARGS[@]}" || status=$?
((status == 0)) || log "harness exited $status"
log "total $(( $(date +%s) - SCRIPT_START ))s"
exit "$status"
