# Sourced by bench/run.sh and bench/replay.sh: starting the packaged gateway on loopback and stopping every process a
# run started, by PID. The caller defines log and die, sets JAVA, WORK (a temporary folder) and the PIDS array, and
# installs `trap cleanup EXIT`.

# Stops every PID in PIDS, then any embedded PostgreSQL a killed gateway left in WORK, removes WORK and exits with the
# status the script had; after a failure it shows the end of the gateway's log first, since WORK goes with it.
cleanup() {
  local status=$?
  if ((status != 0)) && [[ -s $WORK/gateway.log ]]; then
    log "the gateway's log ends:"
    tail -30 "$WORK/gateway.log" >&2
  fi
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    # Graceful shutdown flushes the usage queue and stops the embedded database; bounded, then forced.
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  # An embedded PostgreSQL left behind by a killed gateway: stop it by the PID it wrote.
  while IFS= read -r pidfile; do
    local pg; pg=$(head -1 "$pidfile" 2>/dev/null || true)
    [[ "$pg" =~ ^[0-9]+$ ]] && kill -TERM "$pg" 2>/dev/null || true
  done < <(find "$WORK" -name postmaster.pid 2>/dev/null)
  sleep 1
  rm -rf "$WORK"
  exit "$status"
}

wait_http() { # url seconds pid
  local deadline=$(( $(date +%s) + $2 ))
  until curl -sf -o /dev/null "$1"; do
    kill -0 "$3" 2>/dev/null || die "process $3 died while starting ($1)"
    (( $(date +%s) < deadline )) || die "timed out waiting for $1"
    sleep 0.5
  done
}

# Starts the gateway jar on 127.0.0.1:port with its data under WORK (the embedded PostgreSQL unless
# SWITCHBOARD_DATABASE_URL is set), waits until it is ready and sets GATEWAY_PID. GATEWAY_JAVA_OPTS are its JVM flags;
# other SWITCHBOARD_* or LOGGING_* settings can be given as environment on the call.
start_gateway() { # jar port admin-key
  log "starting gateway on 127.0.0.1:$2 (database: ${SWITCHBOARD_DATABASE_URL:-embedded})"
  # shellcheck disable=SC2086 # GATEWAY_JAVA_OPTS is a list of flags
  SWITCHBOARD_PORT=$2 \
  SWITCHBOARD_DATABASE_URL="${SWITCHBOARD_DATABASE_URL:-}" \
  SWITCHBOARD_DATA_DIR="$WORK/data" \
  SWITCHBOARD_ADMIN_KEY="$3" \
  SWITCHBOARD_MASTER_KEY="$(head -c 32 /dev/urandom | base64)" \
  SERVER_ADDRESS=127.0.0.1 \
    "$JAVA" ${GATEWAY_JAVA_OPTS:-} -jar "$1" >"$WORK/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  PIDS+=("$GATEWAY_PID")
  wait_http "http://127.0.0.1:$2/actuator/health/readiness" 300 "$GATEWAY_PID"
  log "gateway ready (pid $GATEWAY_PID)"
}
