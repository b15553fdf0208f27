package synth

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"cartera/backend/money"
	"cartera/backend/reconcile"
	"cartera/backend/taxid"
)

// The same seed and Config give the same dataset; another seed another one.
func TestGenerate_Deterministic(t *testing.T) {
	cfg := Config{Country: "AR", Clients: 60, Invoices: 500, Lines: 400}
	a, b := Generate(9, cfg), Generate(9, cfg)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two datasets from one seed differ")
	}
	if c := Generate(10, cfg); reflect.DeepEqual(a.Lines, c.Lines) {
		t.Fatal("two seeds give the same lines")
	}
}

// Clients have valid tax IDs of their country, normalized as backend/ar
// stores them, and distinct legal names; documents are numbered as the
// country numbers them, once each.
func TestGenerate_ClientsAndDocuments(t *testing.T) {
	for _, country := range []string{"CL", "CO", "MX", "PE", "AR"} {
		ds := Generate(1, Config{Country: country, Clients: 200, Invoices: 2000, Lines: 100})
		names, ids := map[string]bool{}, map[string]bool{}
		for _, c := range ds.Clients {
			// A Colombian person's cédula + DV is nine digits, which backend/taxid
			// can only grade as a warning (it may be a company NIT without its DV).
			r := taxid.Check(country, c.TaxID)
			if r.Severity == taxid.Invalid || r.Normalized != c.TaxID || (r.Severity == taxid.Warning && country != "CO") {
				t.Errorf("%s client %q tax ID %q: %s %s", country, c.LegalName, c.TaxID, r.Severity, r.Reason)
			}
			if names[c.LegalName] || ids[c.TaxID] {
				t.Errorf("%s: %q or %q repeated", country, c.LegalName, c.TaxID)
			}
			names[c.LegalName], ids[c.TaxID] = true, true
		}
		numbers := map[string]bool{}
		var invoices int
		for _, d := range ds.Documents {
			key := string(d.Kind) + " " + d.Number
			if numbers[key] || d.Open <= 0 || d.Currency != ds.Currency || d.DueDate.Before(d.IssueDate) {
				t.Errorf("%s document %+v", country, d)
			}
			numbers[key] = true
			if d.Kind == "invoice" {
				invoices++
			}
		}
		if invoices != 2000 {
			t.Errorf("%s: %d invoices for 2000 asked", country, invoices)
		}
	}
}

// Labels are consistent with the lines and the book: a paying deposit's
// allocations, credit notes and remainder add up to its amount; documents
// belong to the client who pays; no document is paid beyond what it owed;
// lines that are not deposits carry no client.
func TestGenerate_LabelsAddUp(t *testing.T) {
	for _, country := range []string{"CL", "CO", "MX", "PE", "AR"} {
		ds := Generate(2, Config{Country: country, Clients: 150, Invoices: 1500, Lines: 3000})
		open := map[int64]int64{}
		owner := map[int64]int64{}
		for _, d := range ds.Documents {
			open[d.ID], owner[d.ID] = d.Open, d.ClientID
		}
		for i, l := range ds.Lines {
			lab := ds.Labels[i]
			if !lab.PaysInvoices() {
				if lab.ClientID != 0 || len(lab.Allocs) > 0 {
					t.Errorf("%s line %d: %+v", country, l.ID, lab)
				}
				continue
			}
			sum := lab.Remainder
			for _, a := range lab.Allocs {
				sum += a.Amount
				open[a.DocumentID] -= a.Amount
				if owner[a.DocumentID] != lab.ClientID || open[a.DocumentID] < 0 || a.Amount <= 0 {
					t.Errorf("%s line %d pays document %d of client %d beyond its open amount: %+v", country, l.ID, a.DocumentID, owner[a.DocumentID], lab)
				}
			}
			for _, c := range lab.Credits {
				open[c.CreditNoteID] -= c.Amount
				open[c.DocumentID] -= c.Amount
				if owner[c.CreditNoteID] != lab.ClientID || open[c.CreditNoteID] < 0 || open[c.DocumentID] < 0 {
					t.Errorf("%s line %d: credit note misused: %+v", country, l.ID, lab)
				}
			}
			if sum != l.Amount || lab.Category != reconcile.CategoryDeposit {
				t.Errorf("%s line %d amount %d, label adds to %d: %+v", country, l.ID, l.Amount, sum, lab)
			}
		}
	}
}

// The statement has the mix real ones have: most lines deposits that pay
// invoices, a fifth to a third of those hard, every shape present.
func TestGenerate_Mix(t *testing.T) {
	ds := Generate(4, Config{Country: "CL", Clients: 500, Invoices: 10000, Lines: 5000})
	count := map[string]int{}
	paying, hard := 0, 0
	for _, lab := range ds.Labels {
		count[lab.Case]++
		if lab.PaysInvoices() {
			paying++
			if lab.Hard() {
				hard++
			}
		}
		for _, tr := range lab.Traits {
			count[tr]++
		}
	}
	share := func(n int) float64 { return float64(n) / float64(paying) }
	if p := float64(paying) / float64(len(ds.Lines)); p < 0.6 || p > 0.75 {
		t.Errorf("paying deposits are %.0f%% of lines", 100*p)
	}
	if h := share(hard); h < 0.2 || h > 0.4 {
		t.Errorf("hard cases are %.0f%% of paying deposits", 100*h)
	}
	for _, k := range []string{"single", "multi", "credit-note", "partial", "overpay", "short", "unknown", "fee", "tax",
		"transfer", "outgoing", "reversal", "no-payer", "third-party", "twin", "typo", "same-amount", "bare-ref", "tax-id", "truncated", "rule"} {
		if count[k] == 0 {
			t.Errorf("no %s line", k)
		}
	}
	t.Logf("%d lines, %d paying, %.0f%% hard; %v", len(ds.Lines), paying, 100*share(hard), count)
}

// WriteFiles writes every client, document, line and label, readable back
// as CSV with the amounts as they were.
func TestWriteFiles(t *testing.T) {
	ds := Generate(5, Config{Country: "MX", Clients: 40, Invoices: 300, Lines: 200})
	dir := t.TempDir()
	if err := ds.WriteFiles(dir); err != nil {
		t.Fatal(err)
	}
	read := func(name string) [][]string {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return rows
	}
	if rows := read(ClientsFile); len(rows) != len(ds.Clients)+1 || rows[1][0] != ds.Clients[0].TaxID || rows[0][0] != "RFC" {
		t.Errorf("clients: %d rows, first %v", len(rows), rows[:2])
	}
	docs := read(DocumentsFile)
	if len(docs) != len(ds.Documents)+1 || docs[1][1] != ds.Documents[0].Number {
		t.Errorf("documents: %d rows, first %v", len(docs), docs[:2])
	}
	if want := money.FormatPlain(ds.Documents[0].Open, "MXN", money.StyleUngrouped); docs[1][7] != want {
		t.Errorf("open amount written %q, want %q", docs[1][7], want)
	}
	lines := read(StatementFile)
	if len(lines) != len(ds.Lines)+1 || lines[1][1] != ds.Lines[0].Description {
		t.Errorf("statement: %d rows, first %v", len(lines), lines[:2])
	}
	if labels := read(LabelsFile); len(labels) != len(ds.Labels)+1 || labels[1][1] != string(ds.Labels[0].Category) {
		t.Errorf("labels: %d rows, first %v", len(labels), labels[:2])
	}
}
