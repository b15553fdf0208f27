package reconcile

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"cartera/backend/date"
)

// FuzzMatch feeds arbitrary bank text to the matcher: it must not panic, and
// what it proposes must hold together: confidences in [0, 1], best first;
// each proposal's allocations and remainder add up to the deposit, none
// beyond what a document owes; automatic only when sure. The seeds are the
// lines of the hand-written statements in testdata.
func FuzzMatch(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*.json")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		var fx struct {
			Lines []struct {
				Amount      int64  `json:"amount"`
				Description string `json:"description"`
				Reference   string `json:"reference"`
				Payer       string `json:"payer"`
			} `json:"lines"`
		}
		if err := json.Unmarshal(data, &fx); err != nil {
			f.Fatal(err)
		}
		for _, l := range fx.Lines {
			f.Add(l.Description, l.Reference, l.Payer, l.Amount)
		}
	}
	for _, s := range []string{"", "N°", "nº/°-..--//", "FACT", "FACT 1234/", "0000000000000000000000001234",
		"A 0003-", "NC NC NC 88", "1/2/3/4/5/6", "\xff\xfe\u00a0\u2212ñÑ", "ＦＡＣＴ １２３４"} {
		f.Add(s, s, s, int64(1234))
	}
	f.Fuzz(func(t *testing.T, desc, ref, payer string, amount int64) {
		b, _ := scenarioBook(t)
		l := Line{ID: 1, Date: date.MustParse("2025-02-14"), Amount: amount, Description: desc, Reference: ref, Payer: payer, PayerID: ref}
		opt := Options{}.withDefaults()
		r := b.Match(l, opt)
		switch r.Category {
		case CategoryDeposit, CategoryFee, CategoryTax, CategoryTransfer, CategoryOutgoing, CategoryIgnored, CategoryReversal:
		default:
			t.Fatalf("category %q", r.Category)
		}
		if len(r.Proposals) > opt.MaxProposals || (r.Category != CategoryDeposit && len(r.Proposals) > 0) {
			t.Fatalf("%s with %d proposals", r.Category, len(r.Proposals))
		}
		if r.Auto && (len(r.Proposals) == 0 || r.Proposals[0].Confidence < opt.AutoThreshold) {
			t.Fatalf("automatic without a sure proposal: %+v", r)
		}
		prev := 1.0
		for _, p := range r.Proposals {
			if p.Confidence < 0 || p.Confidence > 1 || p.Confidence > prev+1e-12 {
				t.Fatalf("confidences out of order: %+v", r.Proposals)
			}
			prev = p.Confidence
			sum := p.Remainder
			for _, a := range p.Allocs {
				i := b.docIndex(a.DocumentID)
				if i < 0 || a.Amount <= 0 || a.Amount > b.docs[i].open {
					t.Fatalf("allocation %+v of document open %d", a, b.docs[i].open)
				}
				sum += a.Amount
			}
			if sum != amount || p.Remainder < 0 {
				t.Fatalf("proposal adds up to %d for a deposit of %d: %+v", sum, amount, p)
			}
		}
	})
}
