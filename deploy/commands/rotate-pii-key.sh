#!/usr/bin/env bash
# ./clinic rotate-pii-key: rotates the local stack's personal-data key (docs/KEY-ROTATION.md).
# 1. the new key becomes current and the old one "previous" (reads accept both);
# 2. booking-service restarts with both; 3. every row is re-encrypted under the new key;
# 4. the old key is dropped and booking-service restarts with the new key alone.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
keys="${YAVKA_HOME:-$root/.yavka}/keys"
run="${YAVKA_HOME:-$root/.yavka}/run"
base="http://127.0.0.1:${YAVKA_BOOKING_PORT:-8081}"

[[ -s "$keys/pii.key" ]] || { echo "error: no local key in $keys; run ./clinic up first" >&2; exit 1; }
curl -fsS "$base/q/health/ready" >/dev/null 2>&1 \
  || { echo "error: booking-service is not ready at $base; run ./clinic up first" >&2; exit 1; }

restart_booking() {
  local pid
  pid="$(cat "$run/booking-service.pid" 2>/dev/null || true)"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
  fi
  "$root/clinic" up >/dev/null
}

if [[ ! -s "$keys/pii-previous.key" ]]; then
  (umask 077 && cp "$keys/pii.key" "$keys/pii-previous.key" \
    && head -c 48 /dev/urandom | base64 | tr -d '\n' >"$keys/pii.key.new" \
    && mv "$keys/pii.key.new" "$keys/pii.key")
  echo "rotate: new key in place, old key kept as previous; restarting booking-service"
  restart_booking
else
  echo "rotate: resuming an unfinished rotation"
fi

token="$("$root/clinic" token admin key-rotation@yavka.local)"
result="$(curl -fsS -X POST -H "Authorization: Bearer $token" "$base/api/admin/pii/re-encrypt")"
echo "rotate: re-encrypted $result"
grep -q '"remaining":0' <<<"$result" || { echo "error: rows remain under the old key; run again" >&2; exit 1; }

rm -f "$keys/pii-previous.key"
echo "rotate: old key dropped; restarting booking-service with the new key alone"
restart_booking
echo "rotate: done"
