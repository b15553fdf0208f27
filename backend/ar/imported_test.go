package ar

import (
	"fmt"
	"testing"

	"cartera/backend/date"
)

func TestBalancePayment(t *testing.T) {
	cases := []struct{ amount, balance, want int64 }{
		{1000, 1000, 0}, {1000, 400, 600}, {1000, 0, 1000}, {1000, 1200, 0}, {1000, -5, 0},
	}
	for _, c := range cases {
		if got := BalancePayment(c.amount, c.balance); got != c.want {
			t.Errorf("BalancePayment(%d, %d) = %d, want %d", c.amount, c.balance, got, c.want)
		}
	}
}

func TestNumberKey_SetsAsideZerosCaseAndPunctuation(t *testing.T) {
	cases := map[string]string{
		"A 0003-00012001": "A-3-12001", "0003-00012001": "3-12001", "f001-123": "F-1-123", "F001-00000123": "F-1-123",
		"FV1001": "FV-1001", "FV-1001": "FV-1001", "  ": "", "000": "0",
	}
	for in, want := range cases {
		if got := NumberKey(in); got != want {
			t.Errorf("NumberKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFindNumber(t *testing.T) {
	docs := []ImportedReceivable{{ID: 1, Number: "A 0003-00012001"}, {ID: 2, Number: "A 0004-00012001"}, {ID: 3, Number: "F001-123"}, {ID: 4, Number: "F002-123"}}
	cases := []struct {
		ref  string
		want int
	}{
		{"A 0003-00012001", 0}, {"0003-00012001", 0}, {"0004-12001", 1}, {"F001-00000123", 2},
		{"123", -1},   // two series end in 123: not a guess
		{"12001", -1}, // likewise
		{"9999", -1}, {"", -1},
	}
	for _, c := range cases {
		if got := FindNumber(docs, c.ref); got != c.want {
			t.Errorf("FindNumber(%q) = %d, want %d", c.ref, got, c.want)
		}
	}
}

func TestPlanImportedCredits(t *testing.T) {
	day := func(s string) date.Date { return date.MustParse(s) }
	docs := []ImportedReceivable{
		{ID: 10, Number: "FV-1", IssueDate: day("2026-01-10"), Open: 600, Paid: 400, PaymentID: 100},
		{ID: 11, Number: "FV-2", IssueDate: day("2026-01-05"), Open: 0, Paid: 1000, PaymentID: 101},
		{ID: 12, Number: "FV-3", IssueDate: day("2026-02-01"), Open: 500, Paid: 0},
	}
	cases := []struct {
		name    string
		credits []ImportedCredit
		want    string
		left    string
	}{
		{"a note applied to the invoice it names explains that invoice's paid part",
			[]ImportedCredit{{ID: 1, Applied: 300, AppliesTo: "FV-1"}},
			"[{1 10 300 100}]", "map[]"},
		{"what the named invoice cannot explain goes to the others, oldest first",
			[]ImportedCredit{{ID: 1, Applied: 700, AppliesTo: "FV-1"}},
			"[{1 10 400 100} {1 11 300 101}]", "map[]"},
		{"a note that names nothing goes oldest first",
			[]ImportedCredit{{ID: 1, Applied: 1200}},
			"[{1 11 1000 101} {1 10 200 100}]", "map[]"},
		{"notes that name their invoice go first, whatever the file's order",
			[]ImportedCredit{{ID: 1, Applied: 1000}, {ID: 2, Applied: 400, AppliesTo: "FV-1"}},
			"[{2 10 400 100} {1 11 1000 101}]", "map[]"},
		{"an applied part no invoice of the file explains is left over",
			[]ImportedCredit{{ID: 1, Applied: 1500}},
			"[{1 11 1000 101} {1 10 400 100}]", "map[1:100]"},
		{"a note without a balance applies to the open amount of the invoice it names",
			[]ImportedCredit{{ID: 1, Applied: 800, AppliesTo: "FV-3", OnOpen: true}},
			"[{1 12 500 0}]", "map[]"},
		{"a note without a balance that names no invoice of the file stays open",
			[]ImportedCredit{{ID: 1, Applied: 800, AppliesTo: "FV-9", OnOpen: true}},
			"[]", "map[]"},
	}
	for _, c := range cases {
		plan := PlanImportedCredits(c.credits, docs)
		links, left := plan.Links, plan.Left
		if got := fmt.Sprint(links); got != c.want && !(len(links) == 0 && c.want == "[]") {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
		if got := fmt.Sprint(left); got != c.left {
			t.Errorf("%s: left %s, want %s", c.name, got, c.left)
		}
	}
	if docs[0].Paid != 400 {
		t.Error("the plan changed its input")
	}
}

func TestReimport(t *testing.T) {
	day := func(s string) date.Date { return date.MustParse(s) }
	rec := Recorded{Kind: KindInvoice, Amount: 1000, Open: 600, IssueDate: day("2026-10-01"), DueDate: day("2026-10-31")}
	same := Reimported{Amount: 1000, IssueDate: day("2026-10-01"), DueDate: day("2026-10-31"), Balance: 600, HasBalance: true}
	with := func(f func(*Reimported)) Reimported { r := same; f(&r); return r }
	cases := []struct {
		name   string
		rec    Recorded
		row    Reimported
		accept bool
		want   string
	}{
		{"the same row changes nothing", rec, same, false, "{[] false 0 false 600 0 false 0}"},
		{"a lower balance is a payment the other program knows of", rec, with(func(r *Reimported) { r.Balance = 100 }), false, "{[] false 0 false 100 500 false 0}"},
		{"a higher balance is told and changes nothing", rec, with(func(r *Reimported) { r.Balance = 900 }), false, "{[] false 0 false 600 0 true 0}"},
		{"a file without balances says nothing of payments", rec, with(func(r *Reimported) { r.Balance, r.HasBalance = 1000, false }), false, "{[] false 0 false 600 0 false 0}"},
		{"another amount is a conflict unless accepted", rec, with(func(r *Reimported) { r.Amount = 1200 }), false, "{[amount] true 0 false 600 0 false 0}"},
		{"an accepted amount keeps what was paid", rec, with(func(r *Reimported) { r.Amount, r.Balance = 1200, 800 }), true, "{[amount] false 0 true 800 0 false 0}"},
		{"an amount below what was paid is refused", rec, with(func(r *Reimported) { r.Amount = 300 }), true, "{[amount] false 400 false 600 0 false 0}"},
		{"other dates are named", rec, with(func(r *Reimported) { r.DueDate, r.IssueDate = day("2026-11-30"), day("2026-10-02") }), false, "{[dueDate issueDate] true 0 false 600 0 false 0}"},
		{"a credit note's lower balance is not a payment, but is told", Recorded{Kind: KindCreditNote, Amount: 1000, Open: 1000}, Reimported{Amount: 1000, Balance: 0, HasBalance: true}, false, "{[] false 0 false 1000 0 false 1000}"},
		{"a voided document changes nothing", Recorded{Kind: KindInvoice, Amount: 1000, Open: 1000, Voided: true}, Reimported{Amount: 900, Balance: 0, HasBalance: true}, true, "{[amount] false 0 false 1000 0 false 0}"},
	}
	for _, c := range cases {
		if got := fmt.Sprint(Reimport(c.rec, c.row, c.accept)); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

func TestPlanImportedCredits_SaysWhatNotesCorrect(t *testing.T) {
	docs := []ImportedReceivable{{ID: 10, Number: "FV-1", Paid: 100, PaymentID: 1}}
	plan := PlanImportedCredits([]ImportedCredit{{ID: 1, Applied: 50, AppliesTo: "FV-1"}, {ID: 2, Applied: 10, AppliesTo: "FV-9"}}, docs)
	if plan.Corrects[1] != 10 || len(plan.NotFound) != 1 || plan.NotFound[0] != 2 {
		t.Errorf("%+v", plan)
	}
}

// Many notes and documents take linear time: 20,000 of each plan in well
// under a second (the product would take minutes).
func TestPlanImportedCredits_ScalesLinearly(t *testing.T) {
	const n = 20000
	docs := make([]ImportedReceivable, n)
	credits := make([]ImportedCredit, n)
	for i := range docs {
		docs[i] = ImportedReceivable{ID: int64(i + 1), Number: fmt.Sprint("FV-", i), Paid: 100, PaymentID: int64(i + 1)}
		credits[i] = ImportedCredit{ID: int64(n + i + 1), Applied: 40}
		if i%2 == 0 {
			credits[i].AppliesTo = fmt.Sprint("FV-", i)
		}
	}
	plan := PlanImportedCredits(credits, docs)
	if len(plan.Left) != 0 || len(plan.Links) < n {
		t.Errorf("%d links, %d left", len(plan.Links), len(plan.Left))
	}
}
