#!/usr/bin/env bash
# Single instance, with two real processes under Xvfb: `cartera A.cartera`
# opens portfolio A; `cartera B.cartera`, started second from another folder
# with a relative path, hands B to the running window (over D-Bus on Linux)
# and exits; the first window then shows B — its title names B's portfolio
# and OCR reads B's name on screen — A's lock is released, and the first
# process is the only Cartera left.
set -euo pipefail
bin=$(realpath "${1:-build/bin/cartera}")
out=${SMOKE_OUT:-build/bin/smoke}
mkdir -p "$out"
out=$(realpath "$out")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARTERA_HOME="$work/portfolios" CARTERA_CONFIG_DIR="$work/config" NO_AT_BRIDGE=1 CARTERA_LANG=es
mkdir -p "$work/a" "$work/b"
"$bin" new --out "$work/a/A.cartera" --name "Alfa Uno" --country CL >/dev/null
"$bin" new --out "$work/b/B.cartera" --name "Beta Dos" --country CL >/dev/null

xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c '
	set -u
	bin=$1 work=$2 shot=$3
	fail() { echo "single-instance: $*" >&2; kill $first 2>/dev/null; exit 1; }
	waitname() { for _ in $(seq 80); do xdotool search --name "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done; return 1; }
	cd "$work/a" && "$bin" A.cartera >"$work/first.log" 2>&1 & first=$!
	waitname "Alfa Uno" || fail "the first window never showed portfolio A"
	echo "single-instance: first process $first shows “$(xdotool getwindowname "$(xdotool search --name "Alfa Uno" | head -1)")”"
	[ -e "$work/a/A.cartera-lock" ] || fail "A is shown but not locked by the first process"
	cd "$work/b" && "$bin" B.cartera >"$work/second.log" 2>&1 & second=$!
	for _ in $(seq 40); do kill -0 $second 2>/dev/null || break; sleep 0.5; done
	if kill -0 $second 2>/dev/null; then kill $second; fail "the second process did not exit: two Carteras are running"; fi
	wait $second; code=$?
	echo "single-instance: second process $second exited (code $code) after handing B over"
	waitname "Beta Dos" || fail "the first window did not switch to portfolio B (title: $(xdotool search --name Cartera getwindowname 2>/dev/null))"
	kill -0 $first 2>/dev/null || fail "the first process is gone"
	echo "single-instance: first process $first still running, now shows “$(xdotool getwindowname "$(xdotool search --name "Beta Dos" | head -1)")”"
	wins=$(xdotool search --onlyvisible --name "Cartera" | wc -l)
	[ "$wins" = 1 ] || fail "$wins Cartera windows, want 1"
	[ ! -e "$work/a/A.cartera-lock" ] || fail "A is still locked after switching to B"
	[ -e "$work/b/B.cartera-lock" ] || fail "B is not locked by the first process"
	sleep 2
	import -window root "$shot"
	kill $first; wait $first 2>/dev/null
	exit 0' _ "$bin" "$work" "$out/single-instance.png"

convert "$out/single-instance.png" -colorspace Gray -resize 200% "$work/ocr.png"
text=$(tesseract "$work/ocr.png" - 2>/dev/null | tr '\n' ' ')
grep -q "Beta Dos" <<<"$text" || { echo "single-instance: OCR does not read “Beta Dos” on screen: ${text:0:300}" >&2; exit 1; }
if grep -q "Alfa Uno" <<<"$text"; then echo "single-instance: portfolio A is still on screen" >&2; exit 1; fi
echo "single-instance: OCR reads “Beta Dos” on the screen ($out/single-instance.png)"
echo "single-instance: ok"
