#!/usr/bin/env bash
# Local infrastructure for Yavka without Docker: PostgreSQL 15, Redis 7,
# a single-node KRaft Kafka 4.1 and ChromaDB 1.0.
#
#   deploy/local/stack.sh up | down | status
#
# PostgreSQL and Redis already answering on their ports are used as they are
# ("external") and never stopped. Whatever this script starts is recorded in
# $YAVKA_HOME/run so that `down` stops exactly that and nothing else.
set -euo pipefail

YAVKA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$YAVKA_ROOT/deploy/local"
# shellcheck source=deploy/local/lib.sh
source "$HERE/lib.sh"

PG_VERSION=15
PG_CLUSTER=main
DATABASES=(yavka_booking yavka_reminder yavka_triage yavka_integration
  yavka_notification yavka_telegram yavka_audit)
TOPICS=(AppointmentBooked:6 AppointmentConfirmed:6 AppointmentCancelled:6
  AppointmentRescheduled:6 AppointmentArrived:6 SlotReleased:3 ReminderDue:6
  NoShowDetected:3 WaitlistOffered:3 DataAccessed:6 PatientErasureRequested:3
  PatientDataErased:3 # the same names and counts as contracts' Topics.ALL
  DataAccessed-dlq:1 PatientDataErased-dlq:1) # audit-service's dead letters: records that can never be stored

KAFKA_HOME="$YAVKA_TOOLS/kafka"
KAFKA_PID="$YAVKA_RUN/kafka.pid"
KAFKA_LOG="$YAVKA_LOGS/kafka.log"
KAFKA_DATA="$YAVKA_DATA/kafka"
CHROMA_HOME="$YAVKA_TOOLS/chroma"
CHROMA_PID="$YAVKA_RUN/chroma.pid"
CHROMA_LOG="$YAVKA_LOGS/chroma.log"
REDIS_PID="$YAVKA_RUN/redis.pid"

apt_install() {
  info "installing $* with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >"$YAVKA_LOGS/apt.log" 2>&1 || true
  as_root apt-get install -y -qq "$@" >>"$YAVKA_LOGS/apt.log" 2>&1 ||
    { log_tail "$YAVKA_LOGS/apt.log" 20; die "apt-get install $* failed"; }
}

# --------------------------------------------------------------- PostgreSQL
pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; }

psql_pg() {
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"
}

pg_start_local() {
  if [[ ! -x /usr/lib/postgresql/$PG_VERSION/bin/postgres ]]; then
    apt_install "postgresql-$PG_VERSION" postgresql-contrib
  fi
  require_free_port "$PG_PORT" PostgreSQL YAVKA_PG_PORT
  local cluster_port
  cluster_port="$(pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { print $3 }')"
  [[ -n "$cluster_port" ]] || die "no PostgreSQL cluster $PG_VERSION/$PG_CLUSTER; create it with 'pg_createcluster $PG_VERSION $PG_CLUSTER'"
  [[ "$cluster_port" == "$PG_PORT" ]] ||
    die "PostgreSQL cluster $PG_VERSION/$PG_CLUSTER is configured for port $cluster_port, not $PG_PORT; set YAVKA_PG_PORT=$cluster_port"
  info "postgres: starting cluster $PG_VERSION/$PG_CLUSTER"
  as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" start
  touch "$YAVKA_RUN/postgres.managed"
  wait_for "" 30 pg_ready || die "PostgreSQL did not become ready on port $PG_PORT (see /var/log/postgresql/)"
}

# The services and tests connect as postgres over TCP without a password.
# A fresh Debian cluster wants scram there, so a cluster we manage gets a
# trust line for postgres on 127.0.0.1; an external one is left alone.
pg_ensure_trust() {
  psql_pg -c 'select 1' >/dev/null 2>&1 && return 0
  [[ -f "$YAVKA_RUN/postgres.managed" ]] ||
    die "cannot connect to PostgreSQL on 127.0.0.1:$PG_PORT as postgres without a password; allow trust for 127.0.0.1 in pg_hba.conf or export PGPASSWORD"
  local hba="/etc/postgresql/$PG_VERSION/$PG_CLUSTER/pg_hba.conf"
  info "postgres: allowing trust auth for postgres on 127.0.0.1 in $hba"
  as_root sed -i '1i host all postgres 127.0.0.1/32 trust' "$hba"
  as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" reload
  sleep 1
  psql_pg -c 'select 1' >/dev/null || die "still cannot connect to PostgreSQL as postgres on 127.0.0.1:$PG_PORT"
}

pg_ensure_pgcrypto() {
  local n
  n="$(psql_pg -tAc "select count(*) from pg_available_extensions where name = 'pgcrypto'")"
  [[ "$n" == 1 ]] && return 0
  if [[ -d /usr/lib/postgresql ]]; then
    apt_install postgresql-contrib
    n="$(psql_pg -tAc "select count(*) from pg_available_extensions where name = 'pgcrypto'")"
    [[ "$n" == 1 ]] && return 0
  fi
  die "the pgcrypto extension is not available in PostgreSQL on port $PG_PORT; install postgresql-contrib on that server"
}

pg_ensure_databases() {
  local db created=()
  for db in "${DATABASES[@]}"; do
    if [[ -z "$(psql_pg -tAc "select 1 from pg_database where datname = '$db'")" ]]; then
      psql_pg -c "create database \"$db\"" >/dev/null
      created+=("$db")
    fi
  done
  if ((${#created[@]})); then
    info "postgres: created databases ${created[*]}"
  fi
}

pg_up() {
  if ! command -v pg_isready >/dev/null || ! command -v psql >/dev/null; then
    if port_open "$PG_PORT"; then apt_install "postgresql-client-$PG_VERSION"; else apt_install "postgresql-$PG_VERSION" postgresql-contrib; fi
  fi
  if pg_ready; then
    info "postgres: using the one on port $PG_PORT ($(pg_owner))"
  else
    rm -f "$YAVKA_RUN/postgres.managed"
    pg_start_local
  fi
  pg_ensure_trust
  pg_ensure_pgcrypto
  pg_ensure_databases
}

pg_owner() { [[ -f "$YAVKA_RUN/postgres.managed" ]] && echo yavka || echo external; }

pg_down() {
  [[ -f "$YAVKA_RUN/postgres.managed" ]] || return 0
  info "postgres: stopping cluster $PG_VERSION/$PG_CLUSTER"
  as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" stop || true
  rm -f "$YAVKA_RUN/postgres.managed"
}

# -------------------------------------------------------------------- Redis
redis_ready() { [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }

redis_owner() { [[ -f "$YAVKA_RUN/redis.managed" ]] && echo yavka || echo external; }

redis_up() {
  command -v redis-cli >/dev/null || apt_install redis-tools
  if redis_ready; then
    info "redis: using the one on port $REDIS_PORT ($(redis_owner))"
    return 0
  fi
  rm -f "$YAVKA_RUN/redis.managed"
  command -v redis-server >/dev/null || apt_install redis-server
  require_free_port "$REDIS_PORT" Redis YAVKA_REDIS_PORT
  mkdir -p "$YAVKA_DATA/redis"
  info "redis: starting on port $REDIS_PORT"
  # Nothing is persisted: the cache is disposable, like the machine's own Redis.
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" \
    --appendonly no --dir "$YAVKA_DATA/redis" --logfile "$YAVKA_LOGS/redis.log" \
    --pidfile "$REDIS_PID"
  touch "$YAVKA_RUN/redis.managed"
  wait_for "" 15 redis_ready || { log_tail "$YAVKA_LOGS/redis.log"; die "Redis did not answer on port $REDIS_PORT"; }
}

redis_down() {
  [[ -f "$YAVKA_RUN/redis.managed" ]] || return 0
  info "redis: stopping"
  stop_group "$REDIS_PID" 10
  rm -f "$YAVKA_RUN/redis.managed"
}

# -------------------------------------------------------------------- Kafka
# Jars come from Maven Central through a throwaway pom; the stamp holds the
# pom's hash so that editing the recipe triggers a fresh download.
kafka_fetch() {
  local recipe="$HERE/kafka/pom.xml" stamp="$KAFKA_HOME/lib.sha1" sum
  sum="$(sha1sum "$recipe" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$sum" && -d "$KAFKA_HOME/lib" ]]; then
    return 0
  fi
  info "kafka: downloading broker jars with Maven (once)"
  mkdir -p "$KAFKA_HOME"
  rm -rf "${KAFKA_HOME:?}/lib" "${KAFKA_HOME:?}/lib.tmp"
  mvn -B -q -f "$recipe" dependency:copy-dependencies \
    -DoutputDirectory="$KAFKA_HOME/lib.tmp" >"$YAVKA_LOGS/kafka-download.log" 2>&1 ||
    { log_tail "$YAVKA_LOGS/kafka-download.log"; die "could not download the Kafka jars"; }
  mv "$KAFKA_HOME/lib.tmp" "$KAFKA_HOME/lib"
  echo "$sum" >"$stamp"
}

kafka_java() { java -cp "$KAFKA_HOME/lib/*" "$@"; }

kafka_render_config() {
  sed -e "s/127\.0\.0\.1:9092/127.0.0.1:$KAFKA_PORT/g" \
    -e "s/127\.0\.0\.1:9093/127.0.0.1:$KAFKA_CONTROLLER_PORT/g" \
    -e "s|^log\.dirs=.*|log.dirs=$KAFKA_DATA|" \
    "$HERE/kafka/server.properties" >"$KAFKA_HOME/server.properties"
}

# Storage is formatted once; the cluster id is kept next to the data.
kafka_format() {
  [[ -f "$KAFKA_DATA/meta.properties" ]] && return 0
  local id_file="$YAVKA_DATA/kafka-cluster-id" id
  [[ -s "$id_file" ]] || kafka_java kafka.tools.StorageTool random-uuid >"$id_file"
  id="$(tr -d '[:space:]' <"$id_file")"
  info "kafka: formatting storage (cluster id $id)"
  kafka_java kafka.tools.StorageTool format -t "$id" -c "$KAFKA_HOME/server.properties" \
    >"$YAVKA_LOGS/kafka-format.log" 2>&1 ||
    { log_tail "$YAVKA_LOGS/kafka-format.log"; die "Kafka storage format failed"; }
}

kafka_up() {
  local pid
  pid="$(live_pid "$KAFKA_PID" kafka.Kafka)"
  if [[ -n "$pid" ]]; then
    info "kafka: already running (pid $pid)"
  else
    rm -f "$KAFKA_PID"
    require_free_port "$KAFKA_PORT" Kafka YAVKA_KAFKA_PORT
    require_free_port "$KAFKA_CONTROLLER_PORT" "Kafka controller" YAVKA_KAFKA_CONTROLLER_PORT
    kafka_fetch
    kafka_render_config
    kafka_format
    info "kafka: starting on port $KAFKA_PORT"
    spawn "$YAVKA_LOGS/kafka.out" "$KAFKA_PID" java -Xmx512m -Xms128m \
      -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$HERE/kafka/log4j2.properties" \
      -Dyavka.kafka.log="$KAFKA_LOG" \
      -cp "$KAFKA_HOME/lib/*" kafka.Kafka "$KAFKA_HOME/server.properties"
    pid="$(cat "$KAFKA_PID")"
  fi
  if ! wait_for "$pid" 60 port_open "$KAFKA_PORT"; then
    log_tail "$YAVKA_LOGS/kafka.out" 10
    log_tail "$KAFKA_LOG"
    die "Kafka did not open port $KAFKA_PORT within 60 s"
  fi
  kafka_topics
}

kafka_topics() {
  local out
  if ! out="$(java -cp "$KAFKA_HOME/lib/*" "$HERE/tools/CreateTopics.java" \
    "127.0.0.1:$KAFKA_PORT" "${TOPICS[@]}" 2>&1)"; then
    printf '%s\n' "$out" >&2
    die "could not create the Kafka topics"
  fi
  info "kafka: $out"
}

kafka_down() {
  [[ -f "$KAFKA_PID" ]] || return 0
  info "kafka: stopping"
  stop_group "$KAFKA_PID" 30
}

# ------------------------------------------------------------------- Chroma
# npm package chromadb ships the Chroma 1.0 server as native bindings; the
# bindings are pinned to 1.0.5 in package.json because newer ones need glibc 2.38.
chroma_install() {
  local src="$HERE/chroma"
  if [[ -x "$CHROMA_HOME/node_modules/.bin/chroma" ]] &&
    cmp -s "$src/package.json" "$CHROMA_HOME/package.json" &&
    { [[ ! -f "$src/package-lock.json" ]] || cmp -s "$src/package-lock.json" "$CHROMA_HOME/package-lock.json"; }; then
    return 0
  fi
  info "chroma: installing chromadb with npm (once)"
  mkdir -p "$CHROMA_HOME"
  cp "$src/package.json" "$CHROMA_HOME/"
  if [[ -f "$src/package-lock.json" ]]; then
    cp "$src/package-lock.json" "$CHROMA_HOME/"
    (cd "$CHROMA_HOME" && npm ci --no-audit --no-fund --loglevel=error) >"$YAVKA_LOGS/chroma-install.log" 2>&1 ||
      { log_tail "$YAVKA_LOGS/chroma-install.log"; die "npm ci for chromadb failed"; }
  else
    (cd "$CHROMA_HOME" && npm install --no-audit --no-fund --loglevel=error) >"$YAVKA_LOGS/chroma-install.log" 2>&1 ||
      { log_tail "$YAVKA_LOGS/chroma-install.log"; die "npm install for chromadb failed"; }
    cp "$CHROMA_HOME/package-lock.json" "$src/package-lock.json" # worth committing
  fi
}

chroma_ready() { http_ok "$CHROMA_PORT" /api/v2/heartbeat; }

chroma_up() {
  local pid
  pid="$(live_pid "$CHROMA_PID" chroma)"
  if [[ -n "$pid" ]]; then
    info "chroma: already running (pid $pid)"
  else
    rm -f "$CHROMA_PID"
    require_free_port "$CHROMA_PORT" Chroma YAVKA_CHROMA_PORT
    command -v npx >/dev/null || die "npx not found; install Node.js 20+ with npm"
    chroma_install
    mkdir -p "$YAVKA_DATA/chroma"
    info "chroma: starting on port $CHROMA_PORT"
    (cd "$CHROMA_HOME" && spawn "$CHROMA_LOG" "$CHROMA_PID" npx --no chroma run \
      --path "$YAVKA_DATA/chroma" --host 127.0.0.1 --port "$CHROMA_PORT")
    pid="$(cat "$CHROMA_PID")"
  fi
  wait_for "$pid" 60 chroma_ready ||
    { log_tail "$CHROMA_LOG"; die "Chroma did not answer /api/v2/heartbeat on port $CHROMA_PORT within 60 s"; }
}

chroma_down() {
  [[ -f "$CHROMA_PID" ]] || return 0
  info "chroma: stopping"
  stop_group "$CHROMA_PID" 15
}

# ------------------------------------------------------------------- status
status_line() { printf '%-10s %-6s %-8s %s\n' "$@"; }

yavka_owner() { # $1 pid file, $2 cmdline pattern
  local pid
  pid="$(live_pid "$1" "$2")"
  if [[ -n "$pid" ]]; then echo "yavka (pid $pid)"; elif [[ -n "${3:-}" ]]; then echo external; else echo -; fi
}

health() { if "$@"; then echo healthy; else echo down; fi; }

cmd_status() {
  local h
  h="$(health pg_ready)"
  status_line postgres "$PG_PORT" "$h" "$([[ $h == healthy || -f $YAVKA_RUN/postgres.managed ]] && pg_owner || echo -)"
  h="$(health redis_ready)"
  status_line redis "$REDIS_PORT" "$h" "$([[ $h == healthy || -f $YAVKA_RUN/redis.managed ]] && redis_owner || echo -)"
  h="$(health port_open "$KAFKA_PORT")"
  status_line kafka "$KAFKA_PORT" "$h" "$(yavka_owner "$KAFKA_PID" kafka.Kafka "$([[ $h == healthy ]] && echo x)")"
  h="$(health chroma_ready)"
  status_line chroma "$CHROMA_PORT" "$h" "$(yavka_owner "$CHROMA_PID" chroma "$([[ $h == healthy ]] && echo x)")"
}

# Refuse early, before anything is started, when a port we would bind is taken
# by something that is not our own running process.
check_ports() {
  if [[ -z "$(live_pid "$KAFKA_PID" kafka.Kafka)" ]]; then
    require_free_port "$KAFKA_PORT" Kafka YAVKA_KAFKA_PORT
    require_free_port "$KAFKA_CONTROLLER_PORT" "Kafka controller" YAVKA_KAFKA_CONTROLLER_PORT
  fi
  if [[ -z "$(live_pid "$CHROMA_PID" chroma)" ]]; then
    require_free_port "$CHROMA_PORT" Chroma YAVKA_CHROMA_PORT
  fi
}

cmd_up() {
  ensure_dirs
  check_ports
  pg_up
  redis_up
  kafka_up
  chroma_up
  info "stack is up:"
  cmd_status
}

cmd_down() {
  ensure_dirs
  chroma_down
  kafka_down
  redis_down
  pg_down
  info "stack is down (external PostgreSQL/Redis left running)"
}

usage() {
  echo "usage: $0 up|down|status"
}

# Two concurrent `up`s (say a developer and a test run) must not both start Kafka.
lock() {
  ensure_dirs
  exec 9>"$YAVKA_RUN/stack.lock"
  flock -w 300 9 || die "another stack.sh is still running (lock $YAVKA_RUN/stack.lock)"
}

main() {
  case "${1:-}" in
  up) lock && cmd_up ;;
  down) lock && cmd_down ;;
  status) ensure_dirs && cmd_status ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
  esac
}

main "$@"
