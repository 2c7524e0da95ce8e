#!/usr/bin/env bash
# Runs Keystead locally, for `make start` (which first runs setup and builds the core into pkg/):
#   1. builds the extension (dist/) and the demo dApp (dist-demo/) with webpack;
#   2. starts a local chain, anvil, on 127.0.0.1:$ANVIL_PORT (chain id 31337);
#   3. serves dist-demo/ on 127.0.0.1:$DEMO_PORT;
#   4. when a display is available, opens Chromium ($CHROMIUM, else /usr/bin/chromium or
#      chromium on PATH) with the extension loaded and a fresh profile; otherwise prints how
#      to load the extension by hand.
# It runs until Ctrl-C (or until that browser is closed), then stops everything it started.
# Needs no stdin, so it also runs in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

HOST=127.0.0.1
ANVIL_PORT="${ANVIL_PORT:-8545}"
DEMO_PORT="${DEMO_PORT:-5173}"
CHAIN_ID=31337
MNEMONIC="test test test test test test test test test test test junk"
RPC_URL="http://$HOST:$ANVIL_PORT"
DEMO_URL="http://$HOST:$DEMO_PORT/"
if [ "$ANVIL_PORT" != 8545 ]; then DEMO_URL+="?rpc=$RPC_URL"; fi
DIST="$ROOT/dist"

say() { printf '[start] %s\n' "$*"; }
die() { printf '[start] error: %s\n' "$*" >&2; exit 1; }

# True when something accepts TCP connections on host $1, port $2.
port_taken() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# Waits up to 15 s for $4 (pid $3) to listen on host $1, port $2; on failure shows its log ($5).
wait_for_port() {
  local host="$1" port="$2" pid="$3" name="$4" log="${5:-/dev/null}"
  for _ in $(seq 150); do
    if port_taken "$host" "$port"; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$log" >&2
      die "$name exited before listening on $host:$port (its output is above)"
    fi
    sleep 0.1
  done
  tail -n 20 "$log" >&2
  die "$name did not listen on $host:$port within 15 s"
}

RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/keystead-start.XXXXXX")"
PIDS=()

# Stops what was started (TERM, then KILL after 5 s) and removes the temporary profile.
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$RUN_DIR"
  if [ "${#PIDS[@]}" -gt 0 ]; then say "stopped everything it started"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Fail early, before building, when the ports are not free.
if port_taken "$HOST" "$ANVIL_PORT"; then
  die "$HOST:$ANVIL_PORT is already in use (another anvil or node?). Stop it (\`ss -ltnp 'sport = :$ANVIL_PORT'\` shows who holds it) or run: make start ANVIL_PORT=<free port>"
fi
if port_taken "$HOST" "$DEMO_PORT"; then
  die "$HOST:$DEMO_PORT is already in use. Stop what listens there or run: make start DEMO_PORT=<free port>"
fi
[ -x node_modules/.bin/anvil ] || die "node_modules/.bin/anvil is missing: run make setup (npm installs @foundry-rs/anvil-linux-amd64)"

say "building the extension (dist/) and the demo (dist-demo/) with webpack"
node_modules/.bin/webpack --stats errors-warnings </dev/null || die "webpack failed (errors above)"

say "starting anvil on $RPC_URL (chain id $CHAIN_ID)"
# Children run in their own session (setsid), so Ctrl-C reaches only this script, which then
# stops them in order (cleanup) instead of racing them to exit.
setsid node_modules/.bin/anvil --host "$HOST" --port "$ANVIL_PORT" --chain-id "$CHAIN_ID" --mnemonic "$MNEMONIC" \
  </dev/null >"$RUN_DIR/anvil.log" 2>&1 &
PIDS+=("$!")
wait_for_port "$HOST" "$ANVIL_PORT" "$!" anvil "$RUN_DIR/anvil.log"

setsid node scripts/serve.mjs --dir dist-demo --port "$DEMO_PORT" </dev/null &
PIDS+=("$!")
wait_for_port "$HOST" "$DEMO_PORT" "$!" "the demo server"

cat <<INFO

  Keystead is running.
    demo dApp   $DEMO_URL
    RPC         $RPC_URL  (anvil, chain id $CHAIN_ID = 0x7a69)
    extension   $DIST
  Funded test accounts (10000 ETH each on anvil): import this Secret Recovery Phrase in Keystead:
    $MNEMONIC
  It is public: never send real funds to its accounts.

INFO

# $CHROMIUM picks another Chromium-based browser binary (e.g. google-chrome).
BROWSER="${CHROMIUM:-}"
if [ -z "$BROWSER" ] && [ -x /usr/bin/chromium ]; then BROWSER=/usr/bin/chromium; fi
if [ -z "$BROWSER" ]; then BROWSER="$(command -v chromium || true)"; fi

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -n "$BROWSER" ]; then
  flags=(--user-data-dir="$RUN_DIR/profile" --no-first-run --no-default-browser-check
         --load-extension="$DIST" --disable-extensions-except="$DIST")
  # Chromium refuses to start as root unless its sandbox is off.
  if [ "$(id -u)" -eq 0 ]; then flags+=(--no-sandbox); fi
  say "opening $BROWSER with the extension loaded (fresh profile); close it or press Ctrl-C to stop"
  setsid "$BROWSER" "${flags[@]}" "$DEMO_URL" </dev/null >"$RUN_DIR/chromium.log" 2>&1 &
  PIDS+=("$!")
  status=0
  wait "$!" || status=$?
  if [ "$status" -gt 128 ]; then exit "$status"; fi # a signal (Ctrl-C) reached the browser too
  say "the browser was closed"
else
  if [ -z "$BROWSER" ]; then
    say "no Chromium found (\$CHROMIUM, /usr/bin/chromium or chromium on PATH), so none was opened."
  else
    say "no display (\$DISPLAY and \$WAYLAND_DISPLAY are unset), so no browser was opened."
  fi
  cat <<HOWTO
  To try Keystead in Chromium or Chrome:
    1. Open chrome://extensions and switch on "Developer mode" (top right).
    2. Click "Load unpacked" and choose this folder: $DIST
    3. Create a wallet, or import the phrase above to get funded accounts.
    4. Open the demo dApp: $DEMO_URL

HOWTO
  say "press Ctrl-C to stop anvil and the demo server"
  status=0
  wait -n "${PIDS[@]}" || status=$?
  if [ "$status" -gt 128 ]; then exit "$status"; fi # a signal (Ctrl-C) reached them too
  die "anvil or the demo server exited (status $status); stopping the other one too"
fi
