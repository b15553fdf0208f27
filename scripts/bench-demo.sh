#!/usr/bin/env bash
# Figures for docs/performance.md: the demo generator on a large portfolio
# (time and peak memory) and `cartera check` on the result. Not a test: it
# prints figures and never fails on a slow machine.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${CLIENTS:-20000}
invoices=${INVOICES:-1000000}
work=${BENCH_DIR:-$(mktemp -d)}
bin="$work/cartera"
go build -o "$bin" .
out="$work/bench.cartera"
rm -f "$out"
echo "== cartera demo --clients $clients --invoices $invoices"
/usr/bin/time -f "wall %e s, peak RSS %M KB" "$bin" demo --out "$out" --clients "$clients" --invoices "$invoices" --quiet
ls -l "$out"
echo "== cartera check"
/usr/bin/time -f "wall %e s, peak RSS %M KB" "$bin" check "$out"
echo "== store benchmarks on this file"
CARTERA_BENCH_FILE="$out" go test -run '^$' -bench 'Portfolio' -benchtime 20x ./backend/sqlite/
