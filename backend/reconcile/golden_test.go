package reconcile_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/money"
	"cartera/backend/reconcile"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden from the matcher's output")

// fixture is a small portfolio and statement written by hand in one
// country's bank phrasing (testdata/<country>.json).
type fixture struct {
	Country string `json:"country"`
	Note    string `json:"note"`
	Clients []struct {
		ID        int64  `json:"id"`
		TaxID     string `json:"taxId"`
		LegalName string `json:"legalName"`
		TradeName string `json:"tradeName"`
	} `json:"clients"`
	Documents []struct {
		ID        int64  `json:"id"`
		Client    int64  `json:"client"`
		Kind      string `json:"kind"`
		Number    string `json:"number"`
		Issue     string `json:"issue"`
		Due       string `json:"due"`
		Open      int64  `json:"open"`
		AppliesTo int64  `json:"appliesTo"`
	} `json:"documents"`
	Lines []struct {
		ID          int64  `json:"id"`
		Date        string `json:"date"`
		Amount      int64  `json:"amount"`
		Description string `json:"description"`
		Reference   string `json:"reference"`
		Payer       string `json:"payer"`
		PayerID     string `json:"payerId"`
	} `json:"lines"`
}

func loadFixture(t *testing.T, path string) (fixture, []reconcile.Client, []reconcile.Document, []reconcile.Line) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f fixture
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	cur := money.CurrencyFor(f.Country)
	var clients []reconcile.Client
	for _, c := range f.Clients {
		clients = append(clients, reconcile.Client{ID: c.ID, TaxID: c.TaxID, LegalName: c.LegalName, TradeName: c.TradeName, Country: f.Country})
	}
	var docs []reconcile.Document
	for _, d := range f.Documents {
		docs = append(docs, reconcile.Document{ID: d.ID, ClientID: d.Client, Kind: ar.Kind(d.Kind), Number: d.Number,
			IssueDate: date.MustParse(d.Issue), DueDate: date.MustParse(d.Due), Currency: cur, Open: d.Open, AppliesToID: d.AppliesTo})
	}
	var lines []reconcile.Line
	for _, l := range f.Lines {
		lines = append(lines, reconcile.Line{ID: l.ID, Date: date.MustParse(l.Date), Amount: l.Amount, Currency: cur,
			Description: l.Description, Reference: l.Reference, Payer: l.Payer, PayerID: l.PayerID})
	}
	return f, clients, docs, lines
}

// render writes what the matcher said of each line, as a person checks it:
// the line, its category, and each proposal with its client, what it pays
// and its reasons in Spanish and English.
func render(f fixture, clients []reconcile.Client, docs []reconcile.Document, lines []reconcile.Line, results []reconcile.Result) string {
	cur := money.CurrencyFor(f.Country)
	style := money.StyleFor(f.Country)
	amount := func(v int64) string { return money.FormatPlain(v, cur, style) }
	clientName := map[int64]string{}
	for _, c := range clients {
		clientName[c.ID] = c.LegalName
	}
	number := map[int64]string{}
	for _, d := range docs {
		number[d.ID] = d.Number
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", f.Note)
	for i, r := range results {
		l := lines[i]
		fmt.Fprintf(&b, "\nline %d  %s  %s  %q", l.ID, l.Date, amount(l.Amount), l.Description)
		if l.Reference != "" {
			fmt.Fprintf(&b, "  ref %q", l.Reference)
		}
		if l.Payer != "" {
			fmt.Fprintf(&b, "  payer %q", l.Payer)
		}
		fmt.Fprintf(&b, "\n  %s", r.Category)
		if r.Auto {
			b.WriteString(", automatic")
		}
		b.WriteString("\n")
		for k, p := range r.Proposals {
			var pays []string
			for _, a := range p.Allocs {
				pays = append(pays, number[a.DocumentID]+" "+amount(a.Amount))
			}
			for _, c := range p.Credits {
				pays = append(pays, fmt.Sprintf("credit note %s %s to %s", number[c.CreditNoteID], amount(c.Amount), number[c.DocumentID]))
			}
			if p.Remainder != 0 {
				pays = append(pays, "credit left "+amount(p.Remainder))
			}
			fmt.Fprintf(&b, "  %d. %.3f  %s: %s\n", k+1, p.Confidence, clientName[p.ClientID], strings.Join(pays, "; "))
			fmt.Fprintf(&b, "     es: %s\n     en: %s\n", reconcile.Describe("es", p.Reasons), reconcile.Describe("en", p.Reasons))
		}
	}
	return b.String()
}

// The matcher's answers on hand-written statements of the five countries
// are those checked by eye in testdata/golden (refresh with -update, and
// read the diff before committing it).
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.json")
	if err != nil || len(paths) < 5 {
		t.Fatalf("fixtures: %v %v", paths, err)
	}
	for _, path := range paths {
		f, clients, docs, lines := loadFixture(t, path)
		book := reconcile.NewBook(f.Country, clients, docs, reconcile.DefaultRules())
		got := render(f, clients, docs, lines, book.Run(lines, reconcile.Options{}))
		golden := filepath.Join("testdata", "golden", strings.TrimSuffix(filepath.Base(path), ".json")+".txt")
		if *update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s:\n%s", path, golden, got)
		}
	}
}
