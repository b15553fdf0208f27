#!/usr/bin/env bash
# Figures for docs/performance.md (issue 10): a labelled portfolio of
# CLIENTS clients and INVOICES open invoices and its LINES-line statement
# (`cartera demo-bank`), then `cartera import bank` and `cartera reconcile
# --out` on copies of it with the first 10,000, 30,000 and all lines, each
# timed with its peak memory; the matches scored against the labels. Not a
# test: it prints figures and never fails on a slow machine.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${CLIENTS:-20000}
invoices=${INVOICES:-1000000}
lines=${LINES:-100000}
work=${BENCH_DIR:-$(mktemp -d)}
bin="$work/cartera"
mkdir -p frontend/dist && [ -e frontend/dist/index.html ] || touch frontend/dist/gitkeep
go build -o "$bin" .
export CARTERA_CONFIG_DIR="$work/config"
gen="$work/gen"
[ -s "$gen/cartola.csv" ] || /usr/bin/time -f "demo-bank: %e s, %M KB" "$bin" demo-bank --out "$gen" --clients "$clients" --invoices "$invoices" --lines "$lines"
head -6 "$gen/cartola.csv" > "$work/head.csv"
for n in 10000 30000 "$lines"; do
	[ "$n" -le "$lines" ] || continue
	p="$work/p$n.cartera"
	rm -f "$p" "$p-wal" "$p-shm"
	cp "$gen/cartera-banco.cartera" "$p"
	s="$work/cartola-$n.csv"
	{ cat "$work/head.csv"; sed -n "7,$((6 + n))p" "$gen/cartola.csv"; } > "$s"
	/usr/bin/time -f "import bank, $n lines: %e s, %M KB" "$bin" import bank "$s" --portfolio "$p" > /dev/null
	/usr/bin/time -f "reconcile, $n lines: %e s, %M KB" "$bin" reconcile --portfolio "$p" --out "$work/m$n.csv" | head -1
done
# Precision and recall of the automatic matches of the whole statement
# (descriptions hold commas: read as CSV, not split).
python3 - "$gen/etiquetas.csv" "$work/m$lines.csv" <<'PY'
import csv, sys
want, got = {}, {}
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    want.setdefault(r["row"], set()).add((r["client_tax_id"], r["invoice_number"], r["amount_applied_minor"]))
for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")):
    if r["status"] == "auto":
        got.setdefault(r["row"], set()).add((r["client_tax_id"], r["invoice_number"], r["amount_applied_minor"]))
right = sum(1 for k, v in got.items() if want.get(k) == v)
print(f"automatic: {len(got)} of {len(want)} paying deposits, {right} right: precision {100 * right / max(len(got), 1):.2f} %, recall {100 * right / max(len(want), 1):.1f} %")
PY
