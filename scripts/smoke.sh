#!/usr/bin/env bash
# Smoke run of the built desktop binary: start it under Xvfb with an empty
# configuration, take a screenshot of the real window, and check that it shows
# the first screen — its text read back by OCR, not merely a non-blank window.
# Then one error path in the real window (the desktop runtime, not wails dev):
# "Nueva cartera" with a wrong company RUT must show the field's sentence, never
# "[object Object]". Clicks and keys go through xdotool; where to click is found
# by OCR of the screen.
set -euo pipefail
bin=${1:-build/bin/cartera}
out=${SMOKE_OUT:-build/bin/smoke}
mkdir -p "$out"
work=$(mktemp -d)
export CARTERA_HOME="$work/portfolios" CARTERA_CONFIG_DIR="$work/config" NO_AT_BRIDGE=1 CARTERA_LANG=es
export SMOKE_WORK="$work"
shot="$out/first-screen.png"
err="$out/desktop-error.png"
rm -f "$shot" "$err"

# ocr FILE prints the text of a screenshot; ocr_box FILE WORD prints the centre
# "x y" of the first word matching WORD, in screen pixels.
cat >"$work/ocr.sh" <<'OCR'
ocr() { convert "$1" -colorspace Gray -resize 200% "$SMOKE_WORK/ocr.png"; tesseract "$SMOKE_WORK/ocr.png" - 2>/dev/null | tr '\n' ' '; }
ocr_box() {
	convert "$1" -colorspace Gray -resize 200% "$SMOKE_WORK/ocr.png"
	tesseract "$SMOKE_WORK/ocr.png" - tsv 2>/dev/null | awk -F'\t' -v w="$2" '$12 ~ w {printf "%d %d\n", ($7+$9/2)/2, ($8+$10/2)/2; exit}'
}
OCR
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c '
	source "$SMOKE_WORK/ocr.sh"
	"$0" & app=$!
	for i in $(seq 60); do xdotool search --name "^Cartera$" >/dev/null 2>&1 && break; sleep 0.5; done
	sleep 5
	import -window root "$1"
	# The error path: open "Nueva cartera", type a name, tab to the tax ID, type a wrong RUT, Enter.
	if at=$(ocr_box "$1" "^Nueva$") && [ -n "$at" ]; then
		xdotool mousemove $at click 1; sleep 2
		xdotool type --delay 40 "Prueba escritorio"
		xdotool key Tab Tab Tab; xdotool type --delay 40 "76.123.456-K"
		sleep 1; import -window root "$2"
		if at=$(ocr_box "$2" "^Crear$") && [ -n "$at" ]; then xdotool mousemove $at click 1; else xdotool key Return; fi
		# The answer comes back through the desktop runtime; wait for it, up to 15 s.
		for i in $(seq 15); do
			sleep 1; import -window root "$2"
			ocr "$2" | grep -qi -e verificador -e object && break
		done
	fi
	kill $app; wait $app 2>/dev/null || true' "$(realpath "$bin")" "$shot" "$err"
[ -s "$shot" ] || { echo "smoke: no screenshot" >&2; exit 1; }
colours=$(convert "$shot" -format %k info:)
echo "smoke: screenshot $shot has $colours colours"
if [ "$colours" -lt 50 ]; then echo "smoke: the window looks blank" >&2; exit 1; fi
source "$work/ocr.sh"
text=$(ocr "$shot")
echo "smoke: OCR read: ${text:0:300}"
for want in "Cartera" "Nueva cartera"; do
	if ! grep -qi "$want" <<<"$text"; then echo "smoke: the first screen does not show “$want”" >&2; exit 1; fi
done
echo "smoke: the first screen is shown"
[ -s "$err" ] || { echo "smoke: could not find “Nueva” on the first screen to click" >&2; exit 1; }
text=$(ocr "$err")
echo "smoke: OCR of the error path: ${text:0:400}"
if grep -qi "object" <<<"$text"; then echo "smoke: the desktop window shows an error object instead of its message" >&2; exit 1; fi
if ! grep -qi "verificador" <<<"$text"; then echo "smoke: the wrong RUT's message (dígito verificador) is not under the field in the desktop window" >&2; exit 1; fi
echo "smoke: the desktop window shows the wrong RUT's message"
