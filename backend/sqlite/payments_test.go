package sqlite_test

import (
	"testing"

	"cartera/backend/ar"
	"cartera/backend/sqlite"
)

// payments lists the references of the payments f finds, newest first.
func payments(t *testing.T, db *sqlite.DB, f sqlite.PaymentFilter) map[string]sqlite.PaymentRow {
	t.Helper()
	page, err := db.FindPayments(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != len(page.Rows) {
		t.Errorf("filter %+v: total %d but %d rows", f, page.Total, len(page.Rows))
	}
	out := map[string]sqlite.PaymentRow{}
	for _, r := range page.Rows {
		out[r.Reference] = r
	}
	return out
}

func TestPayments_ReversedAreListedWithTheirStatus_FoundBySearch_AndHiddenByTheFilter(t *testing.T) {
	db := newPortfolio(t)
	c := client(t, db, "Comercial Peña Ltda", "76.123.456-0")
	inv := invoice(t, db, c.ID, "1001", "2026-10-01", 1_000_000)
	pay := func(ref string, amount, applied int64) ar.Payment {
		in := ar.PaymentInput{ClientID: c.ID, Date: today, Currency: "CLP", Amount: amount, Method: "transfer", Reference: ref}
		if applied > 0 {
			in.Allocations = []ar.Line{{DocumentID: inv.ID, Amount: applied}}
		}
		p, err := db.CreatePayment(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	pay("TEF-ALL", 200_000, 200_000)
	pay("TEF-PART", 300_000, 100_000)
	pay("TEF-NONE", 150_000, 0)
	bounced := pay("CHQ-REV", 300_000, 0)
	if _, err := db.ReversePayment(ctx, bounced.ID, "cheque protestado"); err != nil {
		t.Fatal(err)
	}

	all := payments(t, db, sqlite.PaymentFilter{})
	want := map[string]ar.PaymentStatus{"TEF-ALL": ar.PaymentAllocated, "TEF-PART": ar.PaymentPartial, "TEF-NONE": ar.PaymentUnallocated, "CHQ-REV": ar.PaymentReversed}
	if len(all) != len(want) {
		t.Fatalf("the list shows %d payments; want all %d, the reversed one too", len(all), len(want))
	}
	for ref, st := range want {
		if all[ref].Status != st {
			t.Errorf("%s: status %q; want %q", ref, all[ref].Status, st)
		}
	}
	if r := all["CHQ-REV"]; r.Available != 0 || r.ReversedAt == nil {
		t.Errorf("the reversed payment shows %d available (reversed at %v); want nothing available", r.Available, r.ReversedAt)
	}
	if r := all["TEF-PART"]; r.Available != 200_000 {
		t.Errorf("the partial payment shows %d available; want 200.000", r.Available)
	}

	// Search finds the reversed payment by its reference and by its client.
	if got := payments(t, db, sqlite.PaymentFilter{Search: "chq-rev"}); len(got) != 1 || got["CHQ-REV"].Status != ar.PaymentReversed {
		t.Errorf("search by reference found %v; want the reversed payment", got)
	}
	if got := payments(t, db, sqlite.PaymentFilter{Search: "pena"}); len(got) != 4 {
		t.Errorf("search by client found %d payments; want 4 with the reversed one", len(got))
	}

	// Each status filter finds exactly the payments of that status.
	for _, st := range ar.PaymentStatuses {
		got := payments(t, db, sqlite.PaymentFilter{Status: string(st)})
		if len(got) != 1 {
			t.Errorf("filter %s found %d payments; want 1", st, len(got))
		}
		for ref, r := range got {
			if want[ref] != st || r.Status != st {
				t.Errorf("filter %s found %s (%s)", st, ref, r.Status)
			}
		}
	}
	live := payments(t, db, sqlite.PaymentFilter{Status: "live"})
	if _, ok := live["CHQ-REV"]; ok || len(live) != 3 {
		t.Errorf("the filter that hides reversed payments found %v", live)
	}
	// "With an amount available" never lists a reversed payment, though it keeps its unallocated amount.
	for _, f := range []sqlite.PaymentFilter{{Status: "open"}, {Unallocated: true}} {
		open := payments(t, db, f)
		if _, ok := open["CHQ-REV"]; ok || len(open) != 2 {
			t.Errorf("filter %+v found %v; want the partial and the unallocated payments", f, open)
		}
	}
	if _, err := db.FindPayments(ctx, sqlite.PaymentFilter{Status: "bogus"}); code(err) != ar.EInvalid {
		t.Errorf("unknown status: %v; want invalid", err)
	}
}

func TestPayments_ReversedPaymentDetailSaysWhoWhenWhy_AndCountsNowhere(t *testing.T) {
	db := newPortfolio(t)
	c := client(t, db, "Cliente", "76.123.456-0")
	inv := invoice(t, db, c.ID, "1001", "2026-10-01", 1_000_000)
	p, err := db.CreatePayment(ctx, ar.PaymentInput{ClientID: c.ID, Date: today, Currency: "CLP", Amount: 300_000, Method: "check", Reference: "CHQ 7",
		Allocations: []ar.Line{{DocumentID: inv.ID, Amount: 100_000}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ReversePayment(ctx, p.ID, "cheque protestado"); err != nil {
		t.Fatal(err)
	}
	d, err := db.FindPaymentByID(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Status != ar.PaymentReversed || d.Available != 0 {
		t.Errorf("detail status %q, available %d; want reversed with nothing available", d.Status, d.Available)
	}
	if d.ReversedBy != "tester" || d.Payment.ReversedAt == nil || d.Payment.ReversalReason != "cheque protestado" {
		t.Errorf("detail says reversed by %q at %v because %q; want who, when and why", d.ReversedBy, d.Payment.ReversedAt, d.Payment.ReversalReason)
	}

	// The client's credit and balance do not count it.
	s, err := db.FindClientSummary(ctx, c.ID, today)
	if err != nil {
		t.Fatal(err)
	}
	if b := s.Balances[0]; b.Credit != 0 || b.Receivable != 1_000_000 || b.Balance != 1_000_000 {
		t.Errorf("balances %+v; want no credit from the reversed payment and the invoice fully owed", b)
	}
	// Its ledger ends where it would without the payment.
	ledger, err := db.ClientLedger(ctx, c.ID, today)
	if err != nil {
		t.Fatal(err)
	}
	if last := ledger[len(ledger)-1]; last.Type != "payment_reversal" || last.Balance != 1_000_000 {
		t.Errorf("ledger ends with %+v; want the reversal and a balance of 1.000.000", last)
	}
	mustCheck(t, db)
}
