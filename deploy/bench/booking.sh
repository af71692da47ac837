#!/usr/bin/env bash
# ./clinic bench booking [seconds] [workers] [slots]: concurrent book/cancel traffic against the
# running booking-service (start it with ./clinic up), then a double-booking count straight
# from PostgreSQL.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-30}" workers="${2:-32}" slots="${3:-20}"
base="${YAVKA_BOOKING_URL:-http://127.0.0.1:${YAVKA_BOOKING_PORT:-8081}}"

curl -fsS "$base/q/health/ready" >/dev/null 2>&1 \
  || { echo "error: booking-service is not ready at $base; start it with ./clinic up" >&2; exit 1; }
token="$("$root/clinic" token registrar bench@yavka.local)"
out="$(java "$here/BookingBench.java" "$base" "$token" "$seconds" "$workers" "$slots" | tee /dev/stderr)"
doctor="$(sed -n 's/^doctor: //p' <<<"$out")"

doubles="$(psql -h 127.0.0.1 -p "${YAVKA_PG_PORT:-5432}" -U "${YAVKA_DB_USER:-postgres}" -d yavka_booking -Atc \
  "select count(*) from (select slot_id from appointment
     where doctor_id = '$doctor' and status in ('BOOKED','CONFIRMED','ARRIVED','COMPLETED')
     group by slot_id having count(*) > 1) d")"
echo "double bookings: $doubles"
[[ "$doubles" == "0" ]]
