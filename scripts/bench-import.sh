#!/usr/bin/env bash
# Figures for docs/performance.md: `cartera import` of a generated ERP export
# of ROWS open documents into an empty portfolio, side by side with the
# sqlite3 command line's `.import` of the same rows, in one run. Not a test:
# it prints figures and never fails on a slow machine.
#
# Two sqlite3 tables are loaded, both in WAL mode with the 32 MB page cache the
# import uses:
#   key      the file's 8 columns and the unique key Cartera enforces
#            (tax ID, type, number): the least any import must do;
#   indexed  the same plus the three other indexes Cartera's documents table
#            keeps (issue date, open by due date, open by client): the
#            equivalent of what Cartera stores.
# Cartera's import also checks every value, normalizes tax IDs, dates and
# amounts, creates the clients, and records a payment for each balance below
# its amount.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${ROWS:-1000000}
clients=${CLIENTS:-20000}
work=${BENCH_DIR:-$(mktemp -d)}
command -v sqlite3 >/dev/null || { echo "bench-import: needs the sqlite3 command (apt-get install sqlite3)" >&2; exit 1; }
bin="$work/cartera"
mkdir -p frontend/dist && [ -e frontend/dist/index.html ] || touch frontend/dist/gitkeep
go build -o "$bin" .
export CARTERA_CONFIG_DIR="$work/config" CARTERA_TODAY=${CARTERA_TODAY:-2026-11-24}
csv="$work/cxc-$rows.csv"
[ -s "$csv" ] || "$bin" demo-file --out "$csv" --rows "$rows" --clients "$clients"
ls -l "$csv"
# The rows alone (no title, header or totals lines) for sqlite3.
body="$work/body.csv"
tail -n +5 "$csv" | grep -v '^Total;' | grep -v '^\s*$' >"$body"

time_it() { /usr/bin/time -f "%e %M" "$@" 2>"$work/time" >/dev/null; cat "$work/time" | tail -1; }

rm -f "$work"/p.cartera*
"$bin" new --out "$work/p.cartera" --name Bench --country CL >/dev/null
echo "== cartera import invoices ($rows rows, clients created on the way)"
read -r t_cartera m_cartera < <(time_it "$bin" import invoices "$csv" --portfolio "$work/p.cartera" --create-clients)
echo "wall $t_cartera s, peak RSS $((m_cartera / 1024)) MB"
"$bin" check "$work/p.cartera"

table='CREATE TABLE docs (rut TEXT NOT NULL, razon TEXT NOT NULL, tipo TEXT NOT NULL, folio TEXT NOT NULL, emision TEXT NOT NULL, vence TEXT NOT NULL, monto TEXT NOT NULL, saldo TEXT NOT NULL);
CREATE UNIQUE INDEX docs_key ON docs (rut, tipo, folio);'
more='CREATE INDEX docs_issue ON docs (emision);
CREATE INDEX docs_due ON docs (vence) WHERE saldo <> '"'0'"';
CREATE INDEX docs_client_open ON docs (rut, vence, saldo, tipo) WHERE saldo <> '"'0'"';'
for variant in key indexed; do
	db="$work/sqlite-$variant.db"
	rm -f "$db"*
	schema="$table"
	[ "$variant" = indexed ] && schema="$table $more"
	sqlite3 "$db" "PRAGMA journal_mode=WAL; $schema" >/dev/null
	echo "== sqlite3 .import into the $variant table"
	read -r t m < <(time_it sqlite3 "$db" -cmd "PRAGMA cache_size=-32000" -cmd "PRAGMA synchronous=NORMAL" -cmd ".mode csv" -cmd ".separator ;" ".import $body docs")
	n=$(sqlite3 "$db" "SELECT count(*) FROM docs")
	echo "wall $t s, peak RSS $((m / 1024)) MB, $n rows"
	eval "t_$variant=$t"
done
awk -v c="$t_cartera" -v k="$t_key" -v i="$t_indexed" 'BEGIN { printf "== ratio: cartera/sqlite3 key table %.2f×, cartera/sqlite3 indexed table %.2f×\n", c / k, c / i }'
