#!/usr/bin/env bash
# ./clinic bench triage [seconds] [workers]: latency (p50/p99) and throughput of /api/triage on the
# running triage-service (start it with ./clinic up), one worker and then [workers] at once; then the
# embedding step alone (ms per text, single and batched) with the service's own jars and model.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-20}" workers="${2:-4}"
base="${YAVKA_TRIAGE_URL:-http://127.0.0.1:${YAVKA_TRIAGE_PORT:-8083}}"
texts="$root/triage-service/src/test/resources/eval/triage-eval.jsonl"
app="$root/triage-service/target/quarkus-app"

curl -fsS "$base/q/health/ready" >/dev/null 2>&1 \
  || { echo "error: triage-service is not ready at $base; start it with ./clinic up" >&2; exit 1; }
[[ -d "$app" ]] || { echo "error: $app is missing; build with mvn -B -pl triage-service package -DskipTests" >&2; exit 1; }
token="$("$root/clinic" token service bench@yavka.local)"
java "$here/TriageBench.java" "$base" "$token" "$texts" "$seconds" 1
java "$here/TriageBench.java" "$base" "$token" "$texts" "$seconds" "$workers"
# The embedding step alone (the running service shares the two cores: numbers are with it idle).
java -Xmx512m -cp "$app/app/*:$app/lib/main/*" ru.yavka.triage.embedding.EmbeddingBench \
  "${YAVKA_TRIAGE_MODEL_DIR:--}" "$((seconds / 2 > 4 ? seconds / 2 : 4))"
