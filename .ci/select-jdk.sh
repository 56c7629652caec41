# Sourced by .ci/run and bench/run.sh: exports JAVA_HOME (and PATH) for a JDK 21 or newer. Takes JAVA_HOME when it
# already is one, else the java on the PATH, else the first one under /usr/lib/jvm (this machine's default java is 17).

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}

select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  JAVA_HOME=""
  if command -v java >/dev/null && [ "$(java_major "$(command -v java)")" -ge 21 ] 2>/dev/null; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  else
    for candidate in /usr/lib/jvm/*; do
      if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate/bin/java")" -ge 21 ] 2>/dev/null; then
        JAVA_HOME="$candidate"
        break
      fi
    done
  fi
  if [ -z "$JAVA_HOME" ]; then
    echo "No JDK 21 or newer found (looked at JAVA_HOME, java on PATH and /usr/lib/jvm)" >&2
    return 1
  fi
}

select_jdk || exit 1
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
