#!/usr/bin/env bash
# Smoke run of the built desktop binary: start it under Xvfb with an empty
# configuration, take a screenshot of the real window, and check that it shows
# the first screen — its text read back by OCR, not merely a non-blank window.
set -euo pipefail
bin=${1:-build/bin/cartera}
out=${SMOKE_OUT:-build/bin/smoke}
mkdir -p "$out"
work=$(mktemp -d)
export CARTERA_HOME="$work/portfolios" CARTERA_CONFIG_DIR="$work/config" NO_AT_BRIDGE=1 CARTERA_LANG=es
shot="$out/first-screen.png"
rm -f "$shot"
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c '
	"$0" & app=$!
	for i in $(seq 60); do xdotool search --name "^Cartera$" >/dev/null 2>&1 && break; sleep 0.5; done
	sleep 5
	import -window root "$1"
	kill $app; wait $app 2>/dev/null || true' "$(realpath "$bin")" "$shot"
[ -s "$shot" ] || { echo "smoke: no screenshot" >&2; exit 1; }
colours=$(convert "$shot" -format %k info:)
echo "smoke: screenshot $shot has $colours colours"
if [ "$colours" -lt 50 ]; then echo "smoke: the window looks blank" >&2; exit 1; fi
convert "$shot" -colorspace Gray -resize 200% "$work/ocr.png"
text=$(tesseract "$work/ocr.png" - 2>/dev/null | tr '\n' ' ')
echo "smoke: OCR read: ${text:0:300}"
for want in "Cartera" "Nueva cartera"; do
	if ! grep -qi "$want" <<<"$text"; then echo "smoke: the first screen does not show “$want”" >&2; exit 1; fi
done
echo "smoke: the first screen is shown"
