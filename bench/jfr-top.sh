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
# Hot frames grouped by the first Switchboard or framework frame, for a per-stage view of the request path.
echo "== samples by package (top frame)"
timeout 120 "$JFR" print --events jdk.ExecutionSample "$FILE" \
  | awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/\(.*/, ""); n = split($0, p, "."); pkg = p[1]; for (i = 2; i <= n - 2 && i <= 3; i++) pkg = pkg "." p[i]; count[pkg]++; total++ }
         END { for (k in count) printf "%6.1f%%  %s\n", 100 * count[k] / total, k }' | sort -rn | head -20
