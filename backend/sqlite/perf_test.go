package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"cartera/backend/date"
	"cartera/backend/demo"
	"cartera/backend/sqlite"
)

// The store's speed goals (docs/performance.md) are measured here, on a real
// demo portfolio: CARTERA_BENCH_FILE names a large one (scripts/bench-demo.sh
// makes 20,000 clients and 1,000,000 invoices); without it a medium one is
// generated once per run.

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
	benchDay  = date.MustParse("2026-11-24")
)

func benchFile(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		if p := os.Getenv("CARTERA_BENCH_FILE"); p != "" {
			benchPath = p
			return
		}
		dir, err := os.MkdirTemp("", "cartera-bench-")
		if err != nil {
			benchErr = err
			return
		}
		benchPath = filepath.Join(dir, "bench.cartera")
		_, benchErr = demo.Generate(context.Background(), benchPath,
			demo.Options{Country: "CL", Clients: 2000, Invoices: 100000, Seed: 1, Today: benchDay}, nil)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

func openBench(b *testing.B) *sqlite.DB {
	b.Helper()
	db, err := sqlite.Open(context.Background(), benchFile(b), sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// BenchmarkPortfolioOpen is what the window waits for when a portfolio is
// opened: open (lock, schema check), its settings, and the first client page.
func BenchmarkPortfolioOpen(b *testing.B) {
	path := benchFile(b)
	ctx := context.Background()
	for b.Loop() {
		db, err := sqlite.Open(ctx, path, sqlite.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.Portfolio(ctx); err != nil {
			b.Fatal(err)
		}
		if _, err := db.FindClients(ctx, sqlite.ClientFilter{Limit: 100, Today: benchDay}); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

// BenchmarkPortfolioClientFirstPage is the client list as it first appears.
func BenchmarkPortfolioClientFirstPage(b *testing.B) {
	db := openBench(b)
	for b.Loop() {
		p, err := db.FindClients(context.Background(), sqlite.ClientFilter{Limit: 100, Today: benchDay})
		if err != nil || len(p.Rows) == 0 {
			b.Fatal(err, len(p.Rows))
		}
	}
}

// BenchmarkPortfolioClientsByOverdue sorts every client by what it owes
// overdue: the worst case of the list, which cannot stop after one page.
func BenchmarkPortfolioClientsByOverdue(b *testing.B) {
	db := openBench(b)
	for b.Loop() {
		if _, err := db.FindClients(context.Background(), sqlite.ClientFilter{Limit: 100, Sort: "overdue", Desc: true, Today: benchDay}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPortfolioClientsByBalance sorts every client by its signed
// balance (owed minus credit notes and unallocated payments).
func BenchmarkPortfolioClientsByBalance(b *testing.B) {
	db := openBench(b)
	for b.Loop() {
		if _, err := db.FindClients(context.Background(), sqlite.ClientFilter{Limit: 100, Sort: "balance", Desc: true, Today: benchDay}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPortfolioClientSearch finds clients by a word of their name.
func BenchmarkPortfolioClientSearch(b *testing.B) {
	db := openBench(b)
	for b.Loop() {
		if _, err := db.FindClients(context.Background(), sqlite.ClientFilter{Search: "gonzalez", Limit: 100, Today: benchDay}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPortfolioLedger is the client page of the busiest client: header and ledger.
func BenchmarkPortfolioLedger(b *testing.B) {
	db := openBench(b)
	ctx := context.Background()
	var id int64
	if err := db.SQL().QueryRow(`SELECT client_id FROM documents GROUP BY client_id ORDER BY count(*) DESC LIMIT 1`).Scan(&id); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := db.FindClientSummary(ctx, id, benchDay); err != nil {
			b.Fatal(err)
		}
		if _, err := db.ClientLedger(ctx, id, benchDay); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPortfolioDocumentsFirstPage is the document list as it first appears.
func BenchmarkPortfolioDocumentsFirstPage(b *testing.B) {
	db := openBench(b)
	for b.Loop() {
		if _, err := db.FindDocuments(context.Background(), sqlite.DocumentFilter{Limit: 100, Today: benchDay}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPortfolioPaymentsFirstPage is the payment list as it first appears:
// every payment, reversed ones too, newest first, with its status.
func BenchmarkPortfolioPaymentsFirstPage(b *testing.B) {
	db := openBench(b)
	for b.Loop() {
		if _, err := db.FindPayments(context.Background(), sqlite.PaymentFilter{Limit: 100}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPortfolioPaymentsWithoutReversed is the list with the filter that hides reversed payments.
func BenchmarkPortfolioPaymentsWithoutReversed(b *testing.B) {
	db := openBench(b)
	for b.Loop() {
		if _, err := db.FindPayments(context.Background(), sqlite.PaymentFilter{Status: "live", Limit: 100}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPortfolioHistoryFirstPage is the change history as it first appears, records named.
func BenchmarkPortfolioHistoryFirstPage(b *testing.B) {
	db := openBench(b)
	for b.Loop() {
		if _, err := db.FindHistory(context.Background(), sqlite.AuditFilter{Limit: 100}); err != nil {
			b.Fatal(err)
		}
	}
}
