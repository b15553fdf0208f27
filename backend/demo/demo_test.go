package demo_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/demo"
	"cartera/backend/sqlite"
	"cartera/backend/taxid"
)

var today = date.MustParse("2026-11-24")

func generate(t *testing.T, opt demo.Options) (string, demo.Summary) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.cartera")
	opt.Today = today
	s, err := demo.Generate(context.Background(), path, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	return path, s
}

func open(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestGenerate_EveryCountryPassesCheckWithValidTaxIDs(t *testing.T) {
	for _, country := range ar.Countries {
		t.Run(country, func(t *testing.T) {
			path, sum := generate(t, demo.Options{Country: country, Clients: 60, Invoices: 1500})
			if sum.Clients != 60 || sum.Invoices != 1500 {
				t.Fatalf("summary %+v; want 60 clients and 1500 invoices", sum)
			}
			db := open(t, path)
			vs, err := db.Check(context.Background(), 5)
			if err != nil || len(vs) > 0 {
				t.Fatalf("check: %v %v", err, vs)
			}
			rows, err := db.SQL().Query(`SELECT tax_id, legal_name FROM clients`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			seen := map[string]bool{}
			for rows.Next() {
				var id, name string
				rows.Scan(&id, &name)
				if r := taxid.Check(country, id); r.Severity != taxid.OK {
					t.Errorf("client %q has tax ID %q: %v %s", name, id, r.Severity, r.Reason)
				}
				if seen[id] {
					t.Errorf("tax ID %s given twice", id)
				}
				seen[id] = true
			}
			var cur string
			db.SQL().QueryRow(`SELECT currency FROM portfolio`).Scan(&cur)
			if want := map[string]string{"CL": "CLP", "CO": "COP", "MX": "MXN", "PE": "PEN", "AR": "ARS"}[country]; cur != want {
				t.Errorf("portfolio currency %s, want %s", cur, want)
			}
		})
	}
}

// A demo must show every situation a collector meets: paid, partly paid,
// overdue, current, credited, and a client credit from an overpayment.
func TestGenerate_HasEveryPaymentBehaviour(t *testing.T) {
	path, sum := generate(t, demo.Options{Clients: 200, Invoices: 5000})
	db := open(t, path)
	d := today.String()
	counts := map[string]string{
		"paid":          `SELECT count(*) FROM documents WHERE kind = 'invoice' AND open_minor = 0 AND credited_minor < amount_minor`,
		"partly paid":   `SELECT count(*) FROM documents WHERE kind = 'invoice' AND open_minor > 0 AND open_minor < amount_minor - credited_minor`,
		"overdue 90+":   `SELECT count(*) FROM documents WHERE kind = 'invoice' AND open_minor > 0 AND due_date < date('` + d + `', '-90 days')`,
		"not yet due":   `SELECT count(*) FROM documents WHERE kind = 'invoice' AND open_minor > 0 AND due_date >= '` + d + `'`,
		"credited":      `SELECT count(*) FROM documents WHERE kind = 'invoice' AND credited_minor = amount_minor`,
		"client credit": `SELECT count(*) FROM payments WHERE unallocated_minor > 0`,
		"late payment":  `SELECT count(*) FROM allocations a JOIN payments p ON p.id = a.payment_id JOIN documents i ON i.id = a.document_id WHERE p.date > date(i.due_date, '+30 days')`,
	}
	for what, q := range counts {
		var n int
		if err := db.SQL().QueryRow(q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("no %s invoices in a demo of %d", what, sum.Invoices)
		}
	}
	var first, last string
	db.SQL().QueryRow(`SELECT min(issue_date), max(issue_date) FROM documents`).Scan(&first, &last)
	if first > today.AddMonths(-17).String() || last > d || last < today.AddDays(-7).String() {
		t.Errorf("invoices from %s to %s; want about a year and a half up to %s", first, last, d)
	}
}

func TestGenerate_SameSeedSamePortfolio(t *testing.T) {
	digest := func(seed int64) string {
		path, _ := generate(t, demo.Options{Clients: 40, Invoices: 800, Seed: seed})
		db := open(t, path)
		var s string
		err := db.SQL().QueryRow(`SELECT group_concat(x, '|') FROM (
			SELECT legal_name || tax_id AS x FROM clients
			UNION ALL SELECT number || issue_date || amount_minor || open_minor FROM documents
			UNION ALL SELECT date || amount_minor FROM payments)`).Scan(&s)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	a, b, c := digest(7), digest(7), digest(8)
	if a != b {
		t.Error("the same seed gave two different portfolios")
	}
	if a == c {
		t.Error("different seeds gave the same portfolio")
	}
}

func TestGenerate_CancelLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.cartera")
	ctx, cancel := context.WithCancel(context.Background())
	_, err := demo.Generate(ctx, path, demo.Options{Clients: 300, Invoices: 30000, Today: today}, func(stage string, done, total int64) {
		if stage == "invoices" && done > 5000 {
			cancel()
		}
	})
	var e *ar.Error
	if !errors.As(err, &e) || e.Code != ar.ECanceled {
		t.Fatalf("err = %v; want %s", err, ar.ECanceled)
	}
	left, _ := os.ReadDir(dir)
	for _, f := range left {
		t.Errorf("cancelled generation left %s", f.Name())
	}
}

func TestGenerate_RefusesExistingFileAndBadOptions(t *testing.T) {
	path, _ := generate(t, demo.Options{Clients: 3, Invoices: 10})
	before, _ := os.ReadFile(path)
	_, err := demo.Generate(context.Background(), path, demo.Options{Clients: 3, Invoices: 10}, nil)
	var e *ar.Error
	if !errors.As(err, &e) || e.Code != ar.EConflict {
		t.Errorf("over an existing file: %v; want %s", err, ar.EConflict)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the existing file was changed")
	}
	for _, o := range []demo.Options{
		{Country: "BR"}, {Clients: -1}, {Clients: demo.MaxClients + 1}, {Clients: 10, Invoices: 5}, {Invoices: demo.MaxInvoices + 1},
	} {
		err := o.Check()
		if !errors.As(err, &e) || e.Code != ar.EInvalid || len(e.Issues) == 0 || e.Issues[0].Field == "" {
			t.Errorf("%+v: %v; want an invalid-field error", o, err)
		}
	}
}
