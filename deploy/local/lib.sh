# shellcheck shell=bash
# Helpers shared by deploy/local/stack.sh and ./clinic (sourced, not executed).
# Expects YAVKA_ROOT to be set to the repository root.
# shellcheck disable=SC2034  # the variables below are used by the sourcing scripts

: "${YAVKA_ROOT:?YAVKA_ROOT must be set before sourcing lib.sh}"
YAVKA_HOME="${YAVKA_HOME:-$YAVKA_ROOT/.yavka}"
YAVKA_LOGS="$YAVKA_HOME/logs"
YAVKA_DATA="$YAVKA_HOME/data"
YAVKA_RUN="$YAVKA_HOME/run"
YAVKA_TOOLS="$YAVKA_HOME/tools"
YAVKA_KEYS="$YAVKA_HOME/keys"

PG_PORT="${YAVKA_PG_PORT:-5432}"
REDIS_PORT="${YAVKA_REDIS_PORT:-6379}"
KAFKA_PORT="${YAVKA_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${YAVKA_KAFKA_CONTROLLER_PORT:-9093}"
CHROMA_PORT="${YAVKA_CHROMA_PORT:-8000}"

info() { printf '%s\n' "$*"; }
err() { printf 'error: %s\n' "$*" >&2; }
die() { err "$*"; exit 1; }

ensure_dirs() {
  mkdir -p "$YAVKA_LOGS" "$YAVKA_DATA" "$YAVKA_RUN" "$YAVKA_TOOLS"
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# "pid 1234 java" for whoever listens on port $1, or "unknown process".
port_holder() {
  local line pid name
  line="$(ss -Hltnp "sport = :$1" 2>/dev/null | head -n 1 || true)"
  pid="$(sed -n 's/.*pid=\([0-9]*\).*/\1/p' <<<"$line")"
  name="$(sed -n 's/.*users:(("\([^"]*\)".*/\1/p' <<<"$line")"
  if [[ -n "$pid" ]]; then
    printf 'pid %s %s' "$pid" "${name:-?}"
  else
    printf 'unknown process'
  fi
}

# Fail with one line if port $1 is taken; $2 names what we wanted to start, $3 the env var.
require_free_port() {
  if port_open "$1"; then
    die "port $1 ($2) is held by another process ($(port_holder "$1")); stop it or set $3"
  fi
}

# Pid stored in pid file $1 if that process is alive and its command line
# contains $2 (guards against a recycled pid); empty otherwise.
live_pid() {
  local file="$1" pattern="$2" pid
  [[ -f "$file" ]] || return 0
  pid="$(cat "$file" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$pattern"; then
    printf '%s' "$pid"
  fi
}

# Start "$@" detached in its own session (so its whole process group can be
# signalled later), stdout/stderr to log $1, pid to file $2.
spawn() {
  local log="$1" pidfile="$2"
  shift 2
  # Without job control a background child is not a group leader, so setsid
  # does not fork and $! is the new session leader (pid == pgid).
  # fd 9 is stack.sh's lock: the long-lived child must not inherit (and hold) it.
  setsid nohup "$@" >>"$log" 2>&1 </dev/null 9>&- &
  printf '%s\n' "$!" >"$pidfile"
}

# Stop the process group led by the pid in file $1: SIGTERM, wait up to $2 s,
# then SIGKILL. Also catches children (npx spawns node). Removes the pid file.
stop_group() {
  local pidfile="$1" grace="${2:-20}" pid pgid i
  [[ -f "$pidfile" ]] || return 0
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  rm -f "$pidfile"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  kill -0 "$pid" 2>/dev/null || { pkill -TERM -g "$pid" 2>/dev/null || true; return 0; }
  pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ' || true)"
  if [[ "$pgid" == "$pid" ]]; then
    kill -TERM -- "-$pgid" 2>/dev/null || true
  else
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
  fi
  for ((i = 0; i < grace * 2; i++)); do
    if ! kill -0 "$pid" 2>/dev/null && ! pgrep -g "$pid" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  err "pid $pid did not stop within ${grace}s; sending SIGKILL"
  kill -KILL -- "-$pid" 2>/dev/null || true
  pkill -KILL -P "$pid" 2>/dev/null || true
  kill -KILL "$pid" 2>/dev/null || true
}

# Wait up to $2 seconds for command "${@:3}" to succeed; $1 is a pid that must
# stay alive meanwhile (empty: don't check). Returns 1 on timeout or death.
wait_for() {
  local pid="$1" timeout="$2" deadline
  shift 2
  deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    "$@" && return 0
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      return 1
    fi
    sleep 1
  done
  return 1
}

# True when http://127.0.0.1:$1$2 answers 200.
http_ok() {
  [[ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$1$2" 2>/dev/null)" == 200 ]]
}

log_tail() {
  local log="$1"
  if [[ -f "$log" ]]; then
    err "last lines of $log:"
    tail -n "${2:-40}" "$log" >&2
  fi
}

# Run a command as root (sudo only when we are not root).
as_root() {
  if [[ "$(id -u)" == 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "need root to run '$*' (no sudo available)"
  fi
}
