#!/usr/bin/env bash
# Checks the Windows installer built on Linux (make installer): its name
# carries `cartera version`; `7z l` lists the program, the uninstaller, the
# icon of .cartera files and the WebView2 bootstrapper; its script writes the
# .cartera association and the uninstall entry (read from the installer's
# header by scripts/release, since Debian's 7z does not show NSIS scripts);
# the uninstaller inside says on its page that portfolios, backups and
# settings stay; the program inside is a Windows executable whose version
# resource carries the same version.
set -euo pipefail
installer=${1:?usage: installer-check.sh Cartera-VERSION-setup.exe build/bin/cartera}
linux_bin=${2:?usage: installer-check.sh Cartera-VERSION-setup.exe build/bin/cartera}
cd "$(dirname "$0")/.."
fail() { echo "installer-check: $*" >&2; exit 1; }

[ -s "$installer" ] || fail "no installer at $installer"
version=$("$linux_bin" version | awk '{print $2}')
[ -n "$version" ] || fail "cartera version printed nothing"
want="Cartera-$version-setup.exe"
[ "$(basename "$installer")" = "$want" ] || fail "installer is named $(basename "$installer"), want $want (cartera version: $version)"
echo "installer-check: $(basename "$installer"), $(stat -c %s "$installer") bytes, version $version as \`cartera version\` says"

listing=$(7z l "$installer")
grep -q '^Type = Nsis' <<<"$listing" || fail "7z does not see an NSIS installer"
for f in cartera.exe uninstall.exe portfolio.ico '$PLUGINSDIR/webview2bootstrapper/MicrosoftEdgeWebview2Setup.exe'; do
	grep -qF " $f" <<<"$listing" || fail "7z l does not list $f"
done
echo "installer-check: 7z l lists:"
grep -E ' (cartera\.exe|uninstall\.exe|portfolio\.ico|\$PLUGINSDIR/webview2bootstrapper/.*)$' <<<"$listing" | sed 's/^/  /'

script=$(go run ./scripts/release -strings "$installer")
for s in \
	'Software\Classes\.cartera' \
	'Cartera.Portfolio' \
	'Software\Classes\Cartera.Portfolio\DefaultIcon' \
	'Software\Classes\Cartera.Portfolio\shell\open\command' \
	'"$\cartera.exe" "%1"' \
	'Cartera de cobranza' \
	'Cartera portfolio' \
	'Software\Microsoft\Windows\CurrentVersion\Uninstall\Cartera' \
	'$\Programs\Cartera' \
	'$\Cartera.lnk' \
	"$version"; do
	grep -qxF -- "$s" <<<"$script" || fail "the installer's script lacks “$s”"
done
echo "installer-check: its script writes:"
grep -E '^(Software\\Classes\\|"\$\\cartera.exe" "%1"|Cartera de cobranza$|Cartera portfolio$|Software\\Microsoft\\Windows)' <<<"$script" | sed 's/^/  /'

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
7z x -y -o"$work" "$installer" cartera.exe uninstall.exe >/dev/null
unscript=$(go run ./scripts/release -strings "$work/uninstall.exe")
for s in 'Software\Classes\.cartera' 'Software\Microsoft\Windows\CurrentVersion\Uninstall\Cartera' \
	'Se quitará el programa Cartera de este equipo. Sus carteras (archivos .cartera), sus copias de seguridad y su configuración NO se borran: quedan donde están.' \
	'The Cartera program will be removed from this computer. Your portfolios (.cartera files), their backups and your settings are NOT deleted: they stay where they are.'; do
	grep -qxF -- "$s" <<<"$unscript" || fail "the uninstaller lacks “$s”"
done
echo "installer-check: the uninstaller removes the association and says on its page:"
grep -E 'NO se borran|are NOT deleted' <<<"$unscript" | sed 's/^/  /'
[ "$(head -c 2 "$work/cartera.exe")" = "MZ" ] || fail "the cartera.exe inside is not a Windows executable"
resource=$(7z e -so "$work/cartera.exe" .rsrc/0/version.txt 2>/dev/null | iconv -f UTF-16LE -t UTF-8)
grep -q "\"ProductVersion\", *\"$version\"" <<<"$resource" || fail "cartera.exe's version resource does not say $version"
echo "installer-check: cartera.exe inside ($(stat -c %s "$work/cartera.exe") bytes) says ProductVersion $version"
echo "installer-check: ok"
