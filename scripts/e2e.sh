#!/usr/bin/env bash
# End-to-end: `wails dev` serves the real app, with its Go bindings, to a
# browser at 127.0.0.1:34115; Debian's chromium (driven by playwright-core)
# creates a portfolio, a client, an invoice and a payment in a fresh folder and
# checks the balance. Runs under Xvfb because wails dev also opens the window.
# Arguments name scenarios (files in frontend/e2e without .mjs); none runs all.
# E2E_PORT moves the dev server when another wails dev holds the default port.
# -s: make has installed the frontend's packages (npm ci) and built it; wails dev
# would otherwise run npm ci again on every start.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(go env GOPATH)/bin"
work=$(mktemp -d)
export CARTERA_HOME="$work/portfolios" CARTERA_CONFIG_DIR="$work/config" NO_AT_BRIDGE=1 CARTERA_LANG=es
mkdir -p "$CARTERA_HOME" "$CARTERA_CONFIG_DIR"
log="$work/wails-dev.log"
port=${E2E_PORT:-34115}
if curl -s -o /dev/null "http://127.0.0.1:$port"; then
	echo "e2e: port $port is already in use; stop the other wails dev first" >&2
	exit 1
fi

setsid xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
	wails dev -tags webkit2_41 -s -devserver "127.0.0.1:$port" -loglevel Warning -noreload -nogorebuild -m -nosyncgomod >"$log" 2>&1 &
pgid=$!
cleanup() {
	kill -INT -- -"$pgid" 2>/dev/null || true
	for _ in $(seq 20); do kill -0 -- -"$pgid" 2>/dev/null || break; sleep 0.5; done
	kill -KILL -- -"$pgid" 2>/dev/null || true
}
trap cleanup EXIT

echo "e2e: waiting for wails dev on :$port"
for i in $(seq 300); do
	if curl -s "http://127.0.0.1:$port" | grep -q '<div id="root"'; then break; fi
	if ! kill -0 "$pgid" 2>/dev/null; then echo "e2e: wails dev exited" >&2; cat "$log" >&2; exit 1; fi
	sleep 1
done
curl -s "http://127.0.0.1:$port" | grep -q '<div id="root"' || { echo "e2e: wails dev did not serve the app" >&2; tail -50 "$log" >&2; exit 1; }
# The bindings are ready once the Go side answers through /wails/ipc.js.
sleep 2
status=0
scenarios=("$@")
if [ ${#scenarios[@]} = 0 ]; then
	for f in frontend/e2e/*.mjs; do
		n=$(basename "$f" .mjs)
		[ "$n" = harness ] || scenarios+=("$n")
	done
fi
failed=()
for t in "${scenarios[@]}"; do
	echo "e2e: scenario $t"
	BASE_URL="http://127.0.0.1:$port" E2E_OUT="$PWD/frontend/e2e/out" node "frontend/e2e/$t.mjs" || { status=1; failed+=("$t"); }
done
if [ "$status" != 0 ]; then echo "e2e: failed: ${failed[*]}; wails dev log:" >&2; tail -40 "$log" >&2; fi
exit "$status"
