#!/usr/bin/env bash
# ./clinic bench 1c [healthy-seconds] [flaky-seconds] [workers] [visits-per-phase]
# Booking load against booking-service while the 1C simulator first behaves, then times out 30%
# of all 1C calls at random (default 60 s healthy, 120 s flaky). Prints booking p99 for both
# phases and their ratio, then waits for integration-1c-service to bill every completed visit
# and prints the invoices lost or duplicated (both must be 0; the exit status says so).
# Needs ./clinic up: booking-service, integration-1c-service and the 1C simulator running.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
healthy="${1:-60}" flaky="${2:-120}" workers="${3:-16}" visits="${4:-40}"
booking="${YAVKA_BOOKING_URL:-http://127.0.0.1:${YAVKA_BOOKING_PORT:-8081}}"
integration="${YAVKA_INTEGRATION_URL:-http://127.0.0.1:${YAVKA_INTEGRATION_PORT:-8084}}"
simulator="${YAVKA_1C_SIMULATOR_URL:-http://127.0.0.1:${YAVKA_1C_SIMULATOR_PORT:-8095}}"

ready() { curl -fsS -m 5 "$1" >/dev/null 2>&1; }
ready "$booking/q/health/ready" \
  || { echo "error: booking-service is not ready at $booking; start it with ./clinic up" >&2; exit 1; }
ready "$integration/q/health/ready" \
  || { echo "error: integration-1c-service is not ready at $integration; start it with ./clinic up" >&2; exit 1; }
ready "$simulator/__sim/health" \
  || { echo "error: the 1C simulator is not running at $simulator (deploy/local/1c-simulator.sh; ./clinic up starts it)" >&2; exit 1; }

token="${YAVKA_BENCH_TOKEN:-$("$root/clinic" token registrar bench@yavka.local)}"
exec java "$here/OneCBench.java" "$booking" "$integration" "$simulator" "$token" "$healthy" "$flaky" "$workers" "$visits"
