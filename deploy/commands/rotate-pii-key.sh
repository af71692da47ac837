#!/usr/bin/env bash
# ./clinic rotate-pii-key: rotates the local stack's personal-data key (docs/KEY-ROTATION.md).
# Both services that encrypt with it take part: booking-service (patients) and telegram-gateway
# (chat ids, queued messages).
# 1. the new key becomes current and the old one "previous" (reads accept both);
# 2. both services restart with both keys; 3. each re-encrypts its rows under the new key, called
#    until nothing remains; 4. only then is the old key dropped and both restart with the new key
#    alone. Stopped part-way (or failed), it resumes at step 3 when run again.
set -euo pipefail
YAVKA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/local/lib.sh
source "$YAVKA_ROOT/deploy/local/lib.sh"
keys="$YAVKA_KEYS"
run="$YAVKA_RUN"

# The services that hold data under the key: "name base-url".
SERVICES=(
  "booking-service http://127.0.0.1:${YAVKA_BOOKING_PORT:-8081}"
  "telegram-gateway http://127.0.0.1:${YAVKA_TELEGRAM_PORT:-8086}"
)
# Rows a request holds at the moment are skipped and left for the next call: a few calls, a little apart.
ATTEMPTS=10

[[ -s "$keys/pii.key" ]] || die "no local key in $keys; run ./clinic up first"
for entry in "${SERVICES[@]}"; do
  read -r name base <<<"$entry"
  # A service that is not running now would keep rows under the old key after it is gone.
  curl -fsS -m 5 "$base/q/health/ready" >/dev/null 2>&1 \
    || die "$name is not ready at $base; run ./clinic up first"
done

# Stops the named services, then lets ./clinic up start them again with the keys now in $keys.
restart() {
  local name
  echo "rotate: restarting $*"
  for name in "$@"; do
    stop_group "$run/$name.pid" 20
  done
  "$YAVKA_ROOT/clinic" up >/dev/null
}

# The services that started before the current key was written: they do not have both keys yet
# (also when an earlier run stopped between writing the keys and restarting).
started_before_key() {
  local entry name
  for entry in "${SERVICES[@]}"; do
    read -r name _ <<<"$entry"
    [[ "$run/$name.pid" -nt "$keys/pii.key" ]] || printf '%s\n' "$name"
  done
}

# Calls $2/api/admin/pii/re-encrypt until it answers "remaining":0; fails after $ATTEMPTS calls.
reencrypt() {
  local name="$1" base="$2" token="$3" result i
  for ((i = 1; i <= ATTEMPTS; i++)); do
    if ! result="$(curl -sS -m 600 -X POST -H "Authorization: Bearer $token" -w '\n%{http_code}' \
      "$base/api/admin/pii/re-encrypt")"; then
      err "$name: re-encryption request failed"
      return 1
    fi
    if [[ "${result##*$'\n'}" != 200 ]]; then
      err "$name: re-encryption refused (HTTP ${result##*$'\n'}): ${result%$'\n'*}"
      return 1
    fi
    result="${result%$'\n'*}"
    echo "rotate: $name re-encrypted $result"
    if [[ "$result" =~ \"remaining\":0[,}] ]]; then
      return 0
    fi
    sleep 2
  done
  err "$name: rows remain under the old key after $ATTEMPTS calls; run ./clinic rotate-pii-key again"
  return 1
}

if [[ ! -s "$keys/pii-previous.key" ]]; then
  (umask 077 && cp "$keys/pii.key" "$keys/pii-previous.key" \
    && head -c 48 /dev/urandom | base64 | tr -d '\n' >"$keys/pii.key.new" \
    && mv "$keys/pii.key.new" "$keys/pii.key")
  echo "rotate: new key in place, old key kept as previous"
else
  echo "rotate: resuming an unfinished rotation"
fi
mapfile -t stale < <(started_before_key)
((${#stale[@]} == 0)) || restart "${stale[@]}"

token="$("$YAVKA_ROOT/clinic" token admin key-rotation@yavka.local)"
failed=0
for entry in "${SERVICES[@]}"; do
  read -r name base <<<"$entry"
  reencrypt "$name" "$base" "$token" || failed=1
done
# The old key stays until every service is done with it: dropped earlier, their rows are lost.
((failed == 0)) || die "the old key is kept (rotation unfinished); see above"

rm -f "$keys/pii-previous.key"
echo "rotate: old key dropped; both services go on with the new key alone"
restart booking-service telegram-gateway
echo "rotate: done"
