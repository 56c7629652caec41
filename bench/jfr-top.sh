#!/usr/bin/env bash
# Summarises a JFR recording of the gateway: hot methods (CPU samples), allocation by class, GC pauses.
#   bench/jfr-top.sh recording.jfr
set -euo pipefail
FILE=${1:?usage: jfr-top.sh recording.jfr}
if [[ -n "${JAVA_HOME:-}" ]]; then JFR="$JAVA_HOME/bin/jfr"; else JFR="$(dirname "$(readlink -f "$(command -v java)")")/jfr"; fi
[[ -x "$JFR" ]] || { echo "no jfr tool: set JAVA_HOME to a JDK 21+" >&2; exit 1; }

echo "== hot methods (top frames of execution samples)"
timeout 120 "$JFR" view --width 160 hot-methods "$FILE" | head -40
echo "== allocation by class"
timeout 120 "$JFR" view --width 160 allocation-by-class "$FILE" | head -25
echo "== GC pauses"
timeout 120 "$JFR" view --width 160 gc-pauses "$FILE" | head -15
# Inclusive view: the share of CPU samples whose stack passes through each stage of the request path.
echo "== inclusive samples by request-path stage"
timeout 180 "$JFR" print --stack-depth 96 --events jdk.ExecutionSample "$FILE" \
  | awk -f "$(dirname "$0")/jfr-inclusive.awk" | sort -rn \
  | grep -E 'ai\.switchboard|Observation(SignalListener|Handler)\.|AbstractJackson(De|En)coder\.(decode|encode)$|DataBufferUtils\$CompositeMatcher\.match|ExchangeFunctions\$DefaultExchangeFunction\.lambda|AbstractEpollUnsafe\.flush0|logback\.classic\.Logger\.' \
  | head -40
