#!/usr/bin/env bash
# ./clinic chat — talk to the clinic's Telegram bot from the terminal, through the local Bot API
# stand-in (no Telegram needed). Run ./clinic up first.
#
# Interactive on a terminal. Scripted when standard input is not a terminal:
#   a plain line                 is sent as a text message
#   > Label                      presses the button with that label
#   > contact +7XXXXXXXXXX       shares that phone as the sender's own contact
# Every bot message is printed, followed by its buttons as [Label]; the chat ends at the end of
# the input once the bot has gone quiet.
#
#   printf '%s\n' /start '> Согласен' '> contact +79990000001' '📅 Записаться' | ./clinic chat
#
# The gateway started by ./clinic up is used when it already polls the stand-in (it does when it
# runs with YAVKA_TELEGRAM_API_URL=http://127.0.0.1:$YAVKA_TELEGRAM_STANDIN_PORT/bot); otherwise
# this command starts a gateway of its own for the session, with the same stack and database.
set -euo pipefail

YAVKA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/local/lib.sh
source "$YAVKA_ROOT/deploy/local/lib.sh"

APP="$YAVKA_ROOT/telegram-gateway/target/quarkus-app"
STANDIN_PORT="${YAVKA_TELEGRAM_STANDIN_PORT:-8089}"
GATEWAY_PORT="${YAVKA_TELEGRAM_PORT:-8086}"
STANDIN_URL="http://127.0.0.1:$STANDIN_PORT/bot"
GATEWAY_PID=""

[[ -f "$APP/quarkus-run.jar" ]] || die "telegram-gateway is not built ($APP); run ./clinic up first"
[[ -f "$YAVKA_HOME/yavka.env" ]] || die "no $YAVKA_HOME/yavka.env; run ./clinic up first"
if port_open "$STANDIN_PORT"; then
  die "port $STANDIN_PORT (Bot API stand-in) is held by another process ($(port_holder "$STANDIN_PORT")); stop it or set YAVKA_TELEGRAM_STANDIN_PORT"
fi

# True when the gateway on $1 reports (in /q/health) that it polls this stand-in.
polls_stand_in() {
  curl -s -m 2 "http://127.0.0.1:$1/q/health/ready" 2>/dev/null |
    tr -d ' \n' | grep -q "\"api\":\"http://127.0.0.1:$STANDIN_PORT\""
}

free_port() {
  local port
  for port in $(seq 18086 18186); do
    port_open "$port" || { printf '%s' "$port"; return 0; }
  done
  die "no free port in 18086-18186 for a chat gateway"
}

# shellcheck disable=SC2317  # runs from the EXIT trap
stop_own_gateway() {
  if [[ -n "$GATEWAY_PID" ]] && kill -0 "$GATEWAY_PID" 2>/dev/null; then
    kill -TERM "$GATEWAY_PID" 2>/dev/null || true
    wait "$GATEWAY_PID" 2>/dev/null || true
  fi
}

start_own_gateway() {
  local port log
  port="$(free_port)"
  ensure_dirs
  log="$YAVKA_LOGS/telegram-gateway-chat.log"
  printf '\n=== %s chat gateway on port %s, Bot API %s\n' "$(date '+%F %T')" "$port" "$STANDIN_URL" >>"$log"
  (
    set -a
    # shellcheck source=/dev/null
    source "$YAVKA_HOME/yavka.env"
    # shellcheck source=/dev/null
    [[ ! -f "$YAVKA_ROOT/deploy/local/env/common.env" ]] || source "$YAVKA_ROOT/deploy/local/env/common.env"
    # shellcheck source=/dev/null
    [[ ! -f "$YAVKA_ROOT/deploy/local/env/telegram-gateway.env" ]] || source "$YAVKA_ROOT/deploy/local/env/telegram-gateway.env"
    set +a
    export YAVKA_TELEGRAM_TOKEN="local-stand-in" YAVKA_TELEGRAM_API_URL="$STANDIN_URL" YAVKA_TELEGRAM_MODE=polling
    export QUARKUS_HTTP_PORT="$port"
    cd "$YAVKA_ROOT"
    exec java -Xmx384m -jar "$APP/quarkus-run.jar"
  ) >>"$log" 2>&1 </dev/null &
  GATEWAY_PID=$!
  trap stop_own_gateway EXIT
  echo "chat: started a gateway for this session (port $port, log $log)" >&2
}

if polls_stand_in "$GATEWAY_PORT"; then
  echo "chat: using the running telegram-gateway on port $GATEWAY_PORT" >&2
else
  start_own_gateway
fi

args=(--port "$STANDIN_PORT")
if [[ -t 0 ]]; then
  # A person keeps the same chat (and so their registration) from one session to the next.
  ensure_dirs
  chat_id_file="$YAVKA_RUN/chat-user-id"
  [[ -s "$chat_id_file" ]] || printf '%s' "$((800000000 + RANDOM * 1000 + RANDOM % 1000))" >"$chat_id_file"
  args+=(--chat-id "$(cat "$chat_id_file")")
fi

status=0
java -cp "$APP/app/*:$APP/lib/main/*" ru.yavka.telegram.standin.ChatTerminal "${args[@]}" || status=$?
exit "$status"
