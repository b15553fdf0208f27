package reconcile

import (
	"slices"
	"strings"
	"testing"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/taxid"
)

// scenarioBook is a small Chilean portfolio: twins (Comercial Sur SpA and
// Comercial del Sur Ltda.), a person paying with a truncated name, two
// invoices of one amount, a credit note.
func scenarioBook(t *testing.T) (*Book, map[string]string) {
	t.Helper()
	ruts := map[string]string{
		"sur":    withDV(t, "CL", "76123456"),
		"delsur": withDV(t, "CL", "77654321"),
		"palma":  withDV(t, "CL", "16268796"),
		"roble":  withDV(t, "CL", "76987654"),
	}
	clients := []Client{
		{ID: 1, TaxID: ruts["sur"], LegalName: "Comercial Sur SpA", Country: "CL"},
		{ID: 2, TaxID: ruts["delsur"], LegalName: "Comercial del Sur Ltda.", Country: "CL"},
		{ID: 3, TaxID: ruts["palma"], LegalName: "Alejandro Palma Saldivia", Country: "CL"},
		{ID: 4, TaxID: ruts["roble"], LegalName: "Ferretería El Roble Ltda.", TradeName: "El Roble", Country: "CL"},
	}
	d := date.MustParse
	inv := func(id, client int64, number string, due string, open int64) Document {
		return Document{ID: id, ClientID: client, Kind: ar.KindInvoice, Number: number, IssueDate: d(due).AddDays(-30),
			DueDate: d(due), Currency: "CLP", Open: open}
	}
	docs := []Document{
		inv(10, 1, "1234", "2025-02-04", 1_190_000),
		inv(11, 1, "1235", "2025-02-05", 595_000),
		inv(12, 1, "1236", "2025-02-20", 238_000),
		{ID: 13, ClientID: 1, Kind: ar.KindCreditNote, Number: "88", IssueDate: d("2025-01-20"), DueDate: d("2025-01-20"),
			Currency: "CLP", Open: 95_000, AppliesToID: 11},
		inv(20, 2, "1240", "2025-02-06", 595_000),
		inv(21, 2, "1241", "2025-02-07", 357_000),
		inv(30, 3, "1250", "2025-02-10", 300_000),
		inv(31, 3, "1251", "2025-03-10", 300_000),
		inv(40, 4, "1260", "2025-02-12", 476_000),
	}
	return NewBook("CL", clients, docs, DefaultRules()), ruts
}

func keys(rs []Reason) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Key)
	}
	return out
}

func allocs(p Proposal) map[int64]int64 {
	m := map[int64]int64{}
	for _, a := range p.Allocs {
		m[a.DocumentID] = a.Amount
	}
	return m
}

// Each kind of evidence leads to the right proposal, automatic only when
// it is sure and unambiguous.
func TestMatch_Scenarios(t *testing.T) {
	b, ruts := scenarioBook(t)
	rut := func(k string) string { return taxid.Format("CL", ruts[k]) }
	day := date.MustParse("2025-02-14")
	cases := []struct {
		name    string
		line    Line
		client  int64
		allocs  map[int64]int64
		credits []CreditUse
		rem     int64
		auto    bool
		reasons []string // keys the first proposal must give
	}{
		{"RUT and exact amount", Line{Description: "ABONO TERCEROS " + rut("sur") + " COMERCIAL SUR", Amount: 238_000},
			1, map[int64]int64{12: 238_000}, nil, 0, true, []string{"bank.reason.exact_amount", "bank.reason.taxid"}},
		{"invoice less its credit note", Line{Description: "TRANSF DE COMERCIAL SUR SPA", Amount: 500_000},
			1, map[int64]int64{11: 500_000}, []CreditUse{{13, 11, 95_000}}, 0, true, []string{"bank.reason.credit_note", "bank.reason.name"}},
		{"two invoices of one amount, no reference", Line{Description: "ABONO TERCEROS " + rut("palma") + " A.PALMA SALDIV", Amount: 300_000},
			3, map[int64]int64{30: 300_000}, nil, 0, false, []string{"bank.reason.exact_amount", "bank.reason.same_amount"}},
		{"two invoices of one amount, one named", Line{Description: "ABONO TERCEROS " + rut("palma") + " A.PALMA SALDIV FACT 1251", Amount: 300_000},
			3, map[int64]int64{31: 300_000}, nil, 0, true, []string{"bank.reason.number", "bank.reason.exact_amount"}},
		{"partial payment of a named invoice", Line{Description: "TRANSF DE FERRETERIA EL ROBLE FACT 1260", Amount: 200_000},
			4, map[int64]int64{40: 200_000}, nil, 0, true, []string{"bank.reason.number", "bank.reason.partial"}},
		{"overpayment of a named invoice", Line{Description: "TRANSF DE FERRETERIA EL ROBLE FACT 1260", Amount: 480_000},
			4, map[int64]int64{40: 476_000}, nil, 4_000, true, []string{"bank.reason.number", "bank.reason.overpayment"}},
		{"two invoices together", Line{Description: "PAGO RECIBIDO PRV 0" + ruts["sur"][:8] + "-" + ruts["sur"][8:] + " BCO ESTAD", Amount: 1_785_000},
			1, map[int64]int64{10: 1_190_000, 11: 595_000}, nil, 0, true, []string{"bank.reason.sum", "bank.reason.taxid"}},
		{"a bare number of another client's invoice does not outrank RUT and amount",
			Line{Description: "ABONO TERCEROS " + rut("sur") + " 1240", Amount: 238_000},
			1, map[int64]int64{12: 238_000}, nil, 0, true, []string{"bank.reason.exact_amount", "bank.reason.taxid"}},
		{"amount alone", Line{Description: "DEP CHEQUE", Amount: 357_000},
			2, map[int64]int64{21: 357_000}, nil, 0, false, []string{"bank.reason.exact_amount", "bank.reason.amount_only"}},
		{"a typo believed of a corroborated client", Line{Description: "TRANSF DE FERRETERIA EL ROBLE FACT 1206", Amount: 476_000},
			4, map[int64]int64{40: 476_000}, nil, 0, true, []string{"bank.reason.number_typo", "bank.reason.exact_amount"}},
		{"the trade name", Line{Description: "TRANSFERENCIA DE", Payer: "EL ROBLE", Amount: 476_000},
			4, map[int64]int64{40: 476_000}, nil, 0, true, []string{"bank.reason.exact_amount", "bank.reason.name"}},
		{"the reference column", Line{Description: "TRANSF DE", Payer: "COMERCIAL SUR SPA", Reference: "FACTURA 1234", Amount: 1_190_000},
			1, map[int64]int64{10: 1_190_000}, nil, 0, true, []string{"bank.reason.number", "bank.reason.exact_amount"}},
	}
	for _, c := range cases {
		c.line.ID, c.line.Date, c.line.Currency = 1, day, "CLP"
		r := b.Match(c.line, Options{})
		if r.Category != CategoryDeposit || len(r.Proposals) == 0 {
			t.Errorf("%s: %s with %d proposals", c.name, r.Category, len(r.Proposals))
			continue
		}
		p := r.Proposals[0]
		why := Describe("es", p.Reasons)
		if p.ClientID != c.client || !mapsEqual(allocs(p), c.allocs) || !slices.Equal(p.Credits, c.credits) || p.Remainder != c.rem {
			t.Errorf("%s: first proposal client %d allocs %v credits %v remainder %d (%s), want client %d allocs %v credits %v remainder %d",
				c.name, p.ClientID, allocs(p), p.Credits, p.Remainder, why, c.client, c.allocs, c.credits, c.rem)
		}
		if r.Auto != c.auto {
			t.Errorf("%s: auto %v at confidence %.3f, want %v (%s)", c.name, r.Auto, p.Confidence, c.auto, why)
		}
		for _, k := range c.reasons {
			if !slices.Contains(keys(p.Reasons), k) {
				t.Errorf("%s: reasons %v lack %s", c.name, keys(p.Reasons), k)
			}
		}
		if p.Confidence < 0 || p.Confidence > 1 {
			t.Errorf("%s: confidence %v", c.name, p.Confidence)
		}
	}
}

func mapsEqual(a, b map[int64]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// Two invoices of one amount: both are proposed, neither automatically.
func TestMatch_SameAmountIsNeverAutomatic(t *testing.T) {
	b, ruts := scenarioBook(t)
	r := b.Match(Line{ID: 1, Date: date.MustParse("2025-02-14"), Amount: 300_000, Description: "TEF " + ruts["palma"] + " ALEJANDRO PALMA SALDIVIA"}, Options{})
	if r.Auto || len(r.Proposals) < 2 {
		t.Fatalf("auto %v with %d proposals", r.Auto, len(r.Proposals))
	}
	got := []int64{r.Proposals[0].Allocs[0].DocumentID, r.Proposals[1].Allocs[0].DocumentID}
	if !slices.Equal(got, []int64{30, 31}) {
		t.Errorf("proposals pay %v, want the older 30 first, then 31", got)
	}
	// The older one falls due within a week of the deposit: a weak hint, far from sure.
	if c := r.Proposals[0].Confidence; c > 0.7 {
		t.Errorf("first proposal confidence %.3f; two equal invoices are close to a coin toss", c)
	}
}

// A one-digit typo is not believed when nothing else points to the client.
func TestMatch_TypoNeedsACorroboratedClient(t *testing.T) {
	b, _ := scenarioBook(t)
	r := b.Match(Line{ID: 1, Date: date.MustParse("2025-02-14"), Amount: 476_000, Description: "DEP CHEQUE FACT 1206"}, Options{})
	for _, p := range r.Proposals {
		if slices.Contains(keys(p.Reasons), "bank.reason.number_typo") {
			t.Errorf("typo believed without a corroborated client: %s", Describe("es", p.Reasons))
		}
	}
	if r.Auto {
		t.Errorf("automatic match on a cheque deposit with a mistyped number")
	}
}

// Run consumes what automatic matches pay, so a second deposit does not pay
// the same invoice again; Match alone changes nothing.
func TestRun_ConsumesAutomaticMatches(t *testing.T) {
	b, _ := scenarioBook(t)
	line := Line{Date: date.MustParse("2025-02-14"), Amount: 476_000, Description: "TRANSF DE FERRETERIA EL ROBLE FACT 1260"}
	first := b.Match(line, Options{})
	again := b.Match(line, Options{})
	if !first.Auto || !again.Auto {
		t.Fatalf("Match changed the book: auto %v then %v", first.Auto, again.Auto)
	}
	l1, l2 := line, line
	l1.ID, l2.ID = 1, 2
	res := b.Run([]Line{l1, l2}, Options{})
	if !res[0].Auto || res[1].Auto {
		t.Errorf("run: auto %v, %v; want the first only", res[0].Auto, res[1].Auto)
	}
	for _, p := range res[1].Proposals {
		if allocs(p)[40] > 0 {
			t.Errorf("the second deposit still pays invoice 1260: %+v", p)
		}
	}
}

// Apply lowers open amounts; a partial payment leaves the rest to match.
func TestApply_LowersOpenAmounts(t *testing.T) {
	b, _ := scenarioBook(t)
	b.Apply(Proposal{ClientID: 4, Allocs: []Alloc{{DocumentID: 40, Amount: 176_000}}})
	r := b.Match(Line{ID: 1, Date: date.MustParse("2025-02-20"), Amount: 300_000, Description: "TRANSF DE FERRETERIA EL ROBLE"}, Options{})
	if !r.Auto || allocs(r.Proposals[0])[40] != 300_000 {
		t.Errorf("after a partial payment the rest is not matched: %+v", r)
	}
	b.Apply(Proposal{Credits: []CreditUse{{CreditNoteID: 13, DocumentID: 11, Amount: 95_000}}})
	r = b.Match(Line{ID: 2, Date: date.MustParse("2025-02-20"), Amount: 500_000, Description: "TRANSF DE COMERCIAL SUR SPA"}, Options{})
	if len(r.Proposals) == 0 || allocs(r.Proposals[0])[11] != 500_000 || len(r.Proposals[0].Credits) != 0 {
		t.Errorf("after the credit note was applied: %+v", r.Proposals)
	}
}

// Lines in another currency than the open documents match nothing, and
// what is not a deposit gets no proposals.
func TestMatch_CurrencyAndCategories(t *testing.T) {
	b, _ := scenarioBook(t)
	r := b.Match(Line{ID: 1, Date: date.MustParse("2025-02-14"), Amount: 238_000, Currency: "USD", Description: "TRANSF DE COMERCIAL SUR SPA"}, Options{})
	if r.Category != CategoryDeposit || len(r.Proposals) != 0 {
		t.Errorf("USD line: %s with %d proposals", r.Category, len(r.Proposals))
	}
	r = b.Match(Line{ID: 2, Date: date.MustParse("2025-02-14"), Amount: -285, Description: "IVA COMISION"}, Options{})
	if r.Category != CategoryTax || len(r.Proposals) != 0 {
		t.Errorf("IVA on a fee: %+v", r)
	}
	r = b.Match(Line{ID: 3, Date: date.MustParse("2025-02-14"), Amount: 123_456, Description: "TRANSF DE JUAN PEREZ"}, Options{})
	if r.Auto {
		t.Errorf("a stranger's deposit was matched: %+v", r.Proposals[0])
	}
}

// Reasons are said in Spanish and English, every placeholder filled.
func TestDescribe_BothLanguages(t *testing.T) {
	b, ruts := scenarioBook(t)
	r := b.Match(Line{ID: 1, Date: date.MustParse("2025-02-14"), Amount: 1_190_000,
		Description: "ABONO TERCEROS " + taxid.Format("CL", ruts["sur"]) + " COMERCIAL SUR FACT 1234"}, Options{})
	es, en := Describe("es", r.Proposals[0].Reasons), Describe("en", r.Proposals[0].Reasons)
	wantES := "1234 en la descripción; monto exacto; RUT " + taxid.Format("CL", ruts["sur"]) + " del pagador es Comercial Sur SpA"
	if !strings.HasPrefix(es, wantES) || !strings.HasPrefix(en, "1234 in the description; exact amount; payer's RUT") {
		t.Errorf("es: %s\nen: %s", es, en)
	}
	if strings.Contains(es+en, "{") {
		t.Errorf("a placeholder left: %s / %s", es, en)
	}
}
