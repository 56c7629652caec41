#!/usr/bin/env bash
# Runs the JMH hot-path benchmarks briefly (about 3 minutes on 2 cores):
#   bench/jmh.sh                 all benchmarks, short iterations
#   bench/jmh.sh Routing         only benchmarks whose name matches the regex
#   bench/jmh.sh --no-build ...  reuse the last build
# Extra JMH flags can follow the regex (e.g. -prof gc). Results: bench/results/jmh-<timestamp>.json.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/.ci/select-jdk.sh"
BUILD=true
if [[ ${1:-} == --no-build ]]; then BUILD=false; shift; fi
if [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="$(command -v java)"; fi
cd "$ROOT"
if $BUILD; then
  # shellcheck disable=SC2086 # MAVEN_ARGS is a list of flags
  timeout 900 ./mvnw -B -q ${MAVEN_ARGS:-} -DskipTests -pl bench/jmh -am package
fi
CP="$ROOT/bench/jmh/target/classes:$(cat "$ROOT/bench/jmh/target/classpath.txt")"
# A build without -am resolves the Switchboard modules from ~/.m2, i.e. some older snapshot: refuse to measure it.
if grep -q '/ai/switchboard/' "$ROOT/bench/jmh/target/classpath.txt"; then
  echo "bench/jmh/target/classpath.txt points at installed Switchboard jars, not this tree; run without --no-build" >&2
  exit 1
fi
mkdir -p "$ROOT/bench/results"
OUT="$ROOT/bench/results/jmh-$(date -u +%Y%m%dT%H%M%SZ).json"
FILTER=${1:-.}
shift || true
# Short iterations keep the run bounded; the annotations' defaults are for a quiet machine.
timeout 1200 "$JAVA" -cp "$CP" org.openjdk.jmh.Main "$FILTER" -wi 3 -w 2s -i 3 -r 1s -f 1 \
  -rf json -rff "$OUT" "$@"
echo "results: $OUT"
