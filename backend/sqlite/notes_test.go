package sqlite_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/i18n"
	"cartera/backend/sqlite"
)

func creditNote(t *testing.T, db *sqlite.DB, clientID int64, number string, amount, appliesTo int64) ar.Document {
	t.Helper()
	d, err := db.CreateDocument(ctx, ar.DocumentInput{ClientID: clientID, Kind: ar.KindCreditNote, Number: number, IssueDate: date.MustParse("2026-11-20"),
		Currency: "CLP", Amount: amount, AppliesToID: appliesTo})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func doc(t *testing.T, db *sqlite.DB, id int64) sqlite.DocumentDetail {
	t.Helper()
	d, err := db.FindDocumentByID(ctx, id, today)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func balance(t *testing.T, db *sqlite.DB, clientID int64) ar.CurrencyBalance {
	t.Helper()
	s, err := db.FindClientSummary(ctx, clientID, today)
	if err != nil || len(s.Balances) == 0 {
		t.Fatalf("summary %+v %v", s, err)
	}
	return s.Balances[0]
}

func issueOf(t *testing.T, err error) ar.Issue {
	t.Helper()
	var e *ar.Error
	if !errors.As(err, &e) || len(e.Issues) != 1 {
		t.Fatalf("err = %v; want one issue", err)
	}
	return e.Issues[0]
}

// A credit note saved without the invoice it corrects is applied later, partly,
// to two invoices; each line can be undone and undoing restores exactly what
// was there, with the audit log telling both.
func TestCreditNote_AppliedLaterToTwoInvoicesPartlyAndUndone(t *testing.T) {
	db := newPortfolio(t)
	c := client(t, db, "Cliente", "76.123.456-0")
	a := invoice(t, db, c.ID, "2001", "2026-11-10", 100_000)
	b := invoice(t, db, c.ID, "2002", "2026-11-15", 200_000)
	nc := creditNote(t, db, c.ID, "NC-1", 150_000, 0)
	if s := doc(t, db, nc.ID).Status; s != ar.StatusAvailable {
		t.Fatalf("new note %s; want available", s)
	}
	aBefore, balBefore := doc(t, db, a.ID), balance(t, db, c.ID)

	// More than the note has left is refused, and nothing is applied.
	_, err := db.ApplyCreditNote(ctx, nc.ID, []ar.Line{{DocumentID: a.ID, Amount: 100_000}, {DocumentID: b.ID, Amount: 60_000}})
	wantCode(t, err, ar.EInvalid, "allocations")
	if d := doc(t, db, a.ID); d.Document.Open != 100_000 {
		t.Fatalf("a refused application changed invoice 2001: %+v", d.Document)
	}

	note, err := db.ApplyCreditNote(ctx, nc.ID, []ar.Line{{DocumentID: a.ID, Amount: 60_000}, {DocumentID: b.ID, Amount: 50_000}})
	if err != nil {
		t.Fatal(err)
	}
	if note.Open != 40_000 || doc(t, db, nc.ID).Status != ar.StatusAvailable {
		t.Errorf("note after applying 110.000 of 150.000: open %d; want 40.000 left, still available", note.Open)
	}
	for _, w := range []struct {
		id             int64
		open, credited int64
	}{{a.ID, 40_000, 60_000}, {b.ID, 150_000, 50_000}} {
		d := doc(t, db, w.id)
		if d.Document.Open != w.open || d.Document.Credited != w.credited || d.Status != ar.StatusPartlyCredited {
			t.Errorf("invoice %s: open %d credited %d status %s; want %d, %d, partly credited", d.Document.Number, d.Document.Open, d.Document.Credited, d.Status, w.open, w.credited)
		}
	}
	// What the client owes does not change by applying its own credit: it moves from "credit" to lower invoices.
	if bal := balance(t, db, c.ID); bal.Receivable != 190_000 || bal.Credit != 40_000 || bal.Balance != balBefore.Balance {
		t.Errorf("balance after applying %+v; want receivable 190.000, credit 40.000, balance %d", bal, balBefore.Balance)
	}
	mustCheck(t, db)

	lines := doc(t, db, nc.ID).Allocations
	if len(lines) != 2 || lines[0].DocumentNumber != "2001" || lines[1].DocumentNumber != "2002" || lines[0].CreditNoteNumber != "NC-1" {
		t.Fatalf("the note's drawer lines %+v", lines)
	}
	hist, _ := db.FindAudit(ctx, "allocation", lines[0].ID, 10)
	if len(hist) != 1 || hist[0].Action != "allocate" || !strings.Contains(hist[0].After, `"creditNoteId":`+itoa(nc.ID)) {
		t.Errorf("audit of the application %+v", hist)
	}

	// Undo the line on 2001: the invoice is exactly as before, the note has it back.
	if err := db.Unallocate(ctx, lines[0].ID); err != nil {
		t.Fatal(err)
	}
	aAfter := doc(t, db, a.ID)
	if aAfter.Document.Open != aBefore.Document.Open || aAfter.Document.Credited != aBefore.Document.Credited || aAfter.Status != aBefore.Status {
		t.Errorf("invoice 2001 after undo %+v %s; before it was %+v %s", aAfter.Document, aAfter.Status, aBefore.Document, aBefore.Status)
	}
	if d := doc(t, db, nc.ID); d.Document.Open != 100_000 || d.Allocations[0].ReversedAt == nil || d.Allocations[1].ReversedAt != nil {
		t.Errorf("note after undoing 60.000: open %d, lines %+v", d.Document.Open, d.Allocations)
	}
	if err := db.Unallocate(ctx, lines[0].ID); code(err) != ar.ENotFound {
		t.Errorf("undoing twice: %v", err)
	}
	hist, _ = db.FindAudit(ctx, "allocation", lines[0].ID, 10)
	if len(hist) != 2 || hist[0].Action != "unallocate" || !strings.Contains(hist[0].After, `"reversedAt":"20`) || strings.Contains(hist[0].Before, `"reversedAt":"20`) {
		t.Errorf("audit of the undo %+v", hist)
	}
	if err := db.Unallocate(ctx, lines[1].ID); err != nil {
		t.Fatal(err)
	}
	if bal := balance(t, db, c.ID); bal != balBefore {
		t.Errorf("balance after undoing everything %+v; before applying %+v", bal, balBefore)
	}
	if d := doc(t, db, nc.ID); d.Document.Open != 150_000 || d.Status != ar.StatusAvailable {
		t.Errorf("note after undoing everything %+v", d.Document)
	}
	mustCheck(t, db)
}

// Voiding an invoice with a credit note applied is refused with a sentence
// that names the note and says what to do; with the user's consent the note is
// un-applied and the invoice voided in one step. Payments still block.
func TestVoid_InvoiceWithCreditNoteNamesItAndUnappliesWithConsent(t *testing.T) {
	db := newPortfolio(t)
	c := client(t, db, "Cliente", "76.123.456-0")
	inv := invoice(t, db, c.ID, "1001", "2026-11-10", 100_000)
	nc := creditNote(t, db, c.ID, "NC-7", 30_000, inv.ID)
	if d := doc(t, db, inv.ID); d.Status != ar.StatusPartlyCredited {
		t.Fatalf("invoice with a note applied at issue: %s; want partly credited", d.Status)
	}

	_, err := db.VoidDocument(ctx, inv.ID, "emitida por error")
	wantCode(t, err, ar.EConflict, "documentId")
	is := issueOf(t, err)
	msg := i18n.Message("es", is.Key, is.Params)
	if is.Key != "document.has_credit_note" || !strings.Contains(msg, "1001") || !strings.Contains(msg, "NC-7") || !strings.Contains(msg, "primero desaplique la nota") {
		t.Errorf("refusal %q (%s)", msg, is.Key)
	}
	if d := doc(t, db, inv.ID); d.Document.VoidedAt != nil || d.Document.Credited != 30_000 {
		t.Fatalf("the refused void changed the invoice: %+v", d.Document)
	}

	// A second note: both are named.
	creditNote(t, db, c.ID, "NC-8", 10_000, inv.ID)
	_, err = db.VoidDocument(ctx, inv.ID, "emitida por error")
	if is := issueOf(t, err); is.Key != "document.has_credit_notes" || is.Params["notes"] != "NC-7, NC-8" {
		t.Errorf("two notes: %+v", is)
	}

	// A payment applied too: even with consent the void is refused, and nothing is un-applied.
	p, err := db.CreatePayment(ctx, ar.PaymentInput{ClientID: c.ID, Date: today, Currency: "CLP", Amount: 5_000, Allocations: []ar.Line{{DocumentID: inv.ID, Amount: 5_000}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.VoidDocumentUnapplyingNotes(ctx, inv.ID, "emitida por error")
	if is := issueOf(t, err); is.Key != "document.has_allocations" {
		t.Errorf("with a payment: %+v", is)
	}
	if d := doc(t, db, inv.ID); d.Document.Credited != 40_000 || d.Document.VoidedAt != nil {
		t.Fatalf("a refused void un-applied notes: %+v", d.Document)
	}
	if _, err := db.ReversePayment(ctx, p.ID, "mal imputado"); err != nil {
		t.Fatal(err)
	}

	v, err := db.VoidDocumentUnapplyingNotes(ctx, inv.ID, "emitida por error")
	if err != nil || v.VoidedAt == nil || v.Open != 100_000 || v.Credited != 0 || v.Amount != 100_000 {
		t.Fatalf("void with consent: %+v %v", v, err)
	}
	if d := doc(t, db, nc.ID); d.Document.Open != 30_000 || d.Status != ar.StatusAvailable {
		t.Errorf("the un-applied note: open %d %s; want 30.000 available again", d.Document.Open, d.Status)
	}
	if bal := balance(t, db, c.ID); bal.Receivable != 0 || bal.Credit != 40_000 {
		t.Errorf("balance after the void %+v; want nothing owed and both notes as credit", bal)
	}
	hist, _ := db.FindAudit(ctx, "document", inv.ID, 10)
	if len(hist) == 0 || hist[0].Action != "void" {
		t.Errorf("the void is not in the audit log: %+v", hist)
	}
	var undone int
	db.SQL().QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'unallocate'`).Scan(&undone)
	if undone != 3 { // the payment's line (reversal) and both notes'
		t.Errorf("%d un-allocations in the audit log; want 3", undone)
	}
	mustCheck(t, db)
}

// The status filter of the document list selects exactly the documents whose
// status ar.StatusOf gives, for every status.
func TestStatusSQL_MatchesStatusOf(t *testing.T) {
	db := newPortfolio(t)
	c := client(t, db, "Cliente", "76.123.456-0")
	notDue := func(n string, amount int64) ar.Document { return invoice(t, db, c.ID, n, "2026-11-20", amount) }
	pastDue := func(n string, amount int64) ar.Document { return invoice(t, db, c.ID, n, "2026-09-01", amount) }
	open := notDue("1", 100)
	paidPart, creditedPart, mixed := notDue("2", 100), notDue("3", 100), notDue("4", 100)
	paidAll, creditedAll, mixedAll := notDue("5", 100), notDue("6", 100), notDue("7", 100)
	overdue, overdueCredited := pastDue("8", 100), pastDue("9", 100)
	voided := notDue("10", 100)
	creditNote(t, db, c.ID, "NC-1", 30, creditedPart.ID)
	creditNote(t, db, c.ID, "NC-2", 100, creditedAll.ID)
	creditNote(t, db, c.ID, "NC-3", 20, mixed.ID)
	creditNote(t, db, c.ID, "NC-4", 50, mixedAll.ID)
	creditNote(t, db, c.ID, "NC-5", 10, overdueCredited.ID)
	creditNote(t, db, c.ID, "NC-6", 500, 0)
	if _, err := db.CreatePayment(ctx, ar.PaymentInput{ClientID: c.ID, Date: today, Currency: "CLP", Amount: 1_000, Allocations: []ar.Line{
		{DocumentID: paidPart.ID, Amount: 40}, {DocumentID: mixed.ID, Amount: 30}, {DocumentID: paidAll.ID, Amount: 100}, {DocumentID: mixedAll.ID, Amount: 50}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.VoidDocument(ctx, voided.ID, "error"); err != nil {
		t.Fatal(err)
	}
	_ = open
	_ = overdue
	all, err := db.FindDocuments(ctx, sqlite.DocumentFilter{Today: today, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	want := map[ar.Status]int{}
	for _, r := range all.Rows {
		want[r.Status]++
	}
	if want[ar.StatusPartlyCredited] != 1 || want[ar.StatusPartlyPaid] != 2 || want[ar.StatusCredited] != 1 || want[ar.StatusPaid] != 2 {
		t.Fatalf("statuses %v; the fixture misses a case", want)
	}
	for _, s := range append(ar.Statuses, ar.StatusAvailable, ar.StatusApplied) {
		page, err := db.FindDocuments(ctx, sqlite.DocumentFilter{Status: s, Today: today, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != want[s] || len(page.Rows) != want[s] {
			t.Errorf("filter %s: %d documents; StatusOf gives %d", s, page.Total, want[s])
		}
		for _, r := range page.Rows {
			if r.Status != s {
				t.Errorf("filter %s lists %s, whose status is %s", s, r.Number, r.Status)
			}
		}
	}
}

// LargestAmount is the scale of a portfolio's amounts per currency, leaving
// out voided documents and reversed payments.
func TestLargestAmount_OfLiveDocumentsAndPayments(t *testing.T) {
	db := newPortfolio(t)
	if n, err := db.LargestAmount(ctx, "CLP"); n != 0 || err != nil {
		t.Fatalf("empty portfolio: %d %v", n, err)
	}
	c := client(t, db, "Cliente", "76.123.456-0")
	invoice(t, db, c.ID, "1", "2026-11-01", 500_000)
	big := invoice(t, db, c.ID, "2", "2026-11-01", 90_000_000)
	db.VoidDocument(ctx, big.ID, "error")
	db.CreatePayment(ctx, ar.PaymentInput{ClientID: c.ID, Date: today, Currency: "CLP", Amount: 700_000})
	if n, _ := db.LargestAmount(ctx, "CLP"); n != 700_000 {
		t.Errorf("largest CLP %d; want the 700.000 payment", n)
	}
	if n, _ := db.LargestAmount(ctx, "USD"); n != 0 {
		t.Errorf("largest USD %d", n)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// LargestAmount is read each time a document or payment form opens; it scans
// the documents of a currency (no index holds amounts).
func BenchmarkLargestAmount(b *testing.B) {
	db := openBench(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := db.LargestAmount(ctx, "CLP"); err != nil {
			b.Fatal(err)
		}
	}
}
