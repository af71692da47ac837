#!/usr/bin/env bash
# Seeds the demo clinic through booking-service's API (run by ./clinic up, env loaded).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
YAVKA_SEED_TOKEN="$("$root/clinic" token admin seed@yavka.local)"
export YAVKA_SEED_TOKEN
exec node "$here/seed.mjs"
