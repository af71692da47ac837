#!/usr/bin/env bash
# The local 1C for ./clinic up: 1C:Медицина's HTTP services (the contract in
# integration-1c-service/README.md) and 1C:Бухгалтерия's OData, on WireMock, seeded with the demo
# clinic's schedule (the doctors and slots of deploy/local/seed.mjs). It is a test class of
# integration-1c-service; that module's build writes the classpath it needs.
#
#   deploy/local/1c-simulator.sh            # port 8095 (YAVKA_1C_SIMULATOR_PORT), Basic yavka/simulator
#   curl http://127.0.0.1:8095/__sim/health # ready check; /__sim/state shows what Yavka sent
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
module="$root/integration-1c-service"
classpath="$module/target/simulator.classpath"

if [[ ! -s "$classpath" || ! -d "$module/target/test-classes/ru/yavka/integration/simulator" ]]; then
  echo "error: the 1C simulator is not built; run: mvn -B -q -pl integration-1c-service -am -DskipTests install" >&2
  exit 1
fi
exec java -Xmx256m -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$module/target/test-classes:$(cat "$classpath")" \
  ru.yavka.integration.simulator.OneCSimulator \
  --port "${YAVKA_1C_SIMULATOR_PORT:-8095}" \
  --password "${YAVKA_1C_SIMULATOR_PASSWORD:-simulator}" \
  --seed demo
