#!/usr/bin/env bash
# ./clinic triage-eval [FILE.jsonl]: runs an evaluation set through the running triage-service
# (start it with ./clinic up) and prints per-specialty accuracy, then one JSON line:
# {"n","top1","top3","emergency_recall","emergency_false_alarm","p50_ms","p99_ms"}.
# Lines: {"text": "...", "specialty": "<code>"} or {"text": "...", "emergency": true}.
# Our own set: triage-service/src/test/resources/eval/triage-eval.jsonl.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# Without an argument, our own evaluation set.
file="${1:-$root/triage-service/src/test/resources/eval/triage-eval.jsonl}"
[[ -f "$file" ]] || { echo "error: no such file: $file" >&2; exit 2; }
base="${YAVKA_TRIAGE_URL:-http://127.0.0.1:${YAVKA_TRIAGE_PORT:-8083}}"

curl -fsS "$base/q/health/ready" >/dev/null 2>&1 \
  || { echo "error: triage-service is not ready at $base; start it with ./clinic up" >&2; exit 1; }
token="$("$root/clinic" token service triage-eval@yavka.local)"
exec java "$here/TriageEval.java" "$base" "$token" "$file"
