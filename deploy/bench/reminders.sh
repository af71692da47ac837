#!/usr/bin/env bash
# ./clinic bench reminders [--appointments=100000] [--peak=10000] [--warmup=500] [--batch=500] [--interval-ms=1000]
#                          [--quartz-threads=10] [--timeout-s=300] [--keep]
#
# Peak-minute dispatch lag of reminder-service against one-Quartz-trigger-per-reminder, on
# fresh databases (created and dropped per run, named with a timestamp) on the local
# PostgreSQL and fresh topics on the local Kafka. Not part of `mvn verify`.
set -euo pipefail

YAVKA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/local/lib.sh
source "$YAVKA_ROOT/deploy/local/lib.sh"

ensure_dirs
if ! port_open "$PG_PORT" || ! port_open "$KAFKA_PORT"; then
  info "bench: PostgreSQL or Kafka is not answering; starting the local stack"
  "$YAVKA_ROOT/deploy/local/stack.sh" up
fi

cd "$YAVKA_ROOT"
LOG="$YAVKA_LOGS/bench-reminders-build.log"
CLASSPATH_FILE="$YAVKA_ROOT/reminder-service/target/bench.classpath"
info "bench: building reminder-service and its test classes (log: $LOG)"
{
  mvn -B -q -f contracts/pom.xml install -DskipTests &&
    mvn -B -q -f reminder-service/pom.xml test-compile dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE"
} >"$LOG" 2>&1 || { log_tail "$LOG" 30; die "build failed"; }

export YAVKA_PG_PORT="$PG_PORT"
export YAVKA_KAFKA_BOOTSTRAP="${YAVKA_KAFKA_BOOTSTRAP:-127.0.0.1:$KAFKA_PORT}"
exec java -Xmx1g \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dlogging.configuration="file:$YAVKA_ROOT/reminder-service/src/test/resources/bench-logging.properties" \
  -cp "reminder-service/target/test-classes:reminder-service/target/classes:$(cat "$CLASSPATH_FILE")" \
  ru.yavka.reminder.bench.ReminderBench "$@"
