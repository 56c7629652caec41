# Inclusive sample counts per method from `jfr print --stack-depth N --events jdk.ExecutionSample`:
# a method counts once per sample whose stack contains it. Prints "percent samples method".
/jdk.ExecutionSample/ { flush(); inStack = 0; next }
/stackTrace = \[/ { inStack = 1; delete seen; next }
inStack && /^[ \t]*\]/ { inStack = 0; total++; next }
inStack {
  line = $0; sub(/^[ \t]+/, "", line); sub(/[ \t]+line:.*/, "", line); sub(/\(.*/, "", line)
  if (line != "" && line != "...") { if (!(line in seen)) { seen[line] = 1; count[line]++ } }
}
function flush() { }
END { for (m in count) printf "%6.1f%% %6d  %s\n", 100 * count[m] / total, count[m], m }
