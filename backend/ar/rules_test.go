package ar

import (
	"errors"
	"testing"
	"time"

	"cartera/backend/date"
)

// StatusOf tells credited from paid by what lowered the invoice, and overdue
// outranks both while something is still owed.
func TestStatusOf_CreditNotesReadAsCreditedPaymentsAsPaid(t *testing.T) {
	today := date.MustParse("2026-11-24")
	due, past := date.MustParse("2026-12-01"), date.MustParse("2026-11-01")
	voided := time.Now()
	inv := func(amount, open, credited int64, dueDate date.Date) Document {
		return Document{Kind: KindInvoice, Amount: amount, Open: open, Credited: credited, DueDate: dueDate}
	}
	cases := []struct {
		name string
		doc  Document
		want Status
	}{
		{"NothingAppliedIsOpen", inv(100, 100, 0, due), StatusOpen},
		{"OnlyAPaymentIsPartlyPaid", inv(100, 60, 0, due), StatusPartlyPaid},
		{"OnlyACreditNoteIsPartlyCredited", inv(100, 70, 30, due), StatusPartlyCredited},
		{"TwoCreditNotesArePartlyCredited", inv(100, 10, 90, due), StatusPartlyCredited},
		{"CreditNoteAndPaymentArePartlyPaid", inv(100, 40, 30, due), StatusPartlyPaid},
		{"FullyCreditedIsCredited", inv(100, 0, 100, due), StatusCredited},
		{"CreditNoteAndPaymentCoveringAllIsPaid", inv(100, 0, 30, due), StatusPaid},
		{"FullyPaidIsPaid", inv(100, 0, 0, due), StatusPaid},
		{"PartlyCreditedPastDueIsOverdue", inv(100, 70, 30, past), StatusOverdue},
		{"PartlyPaidPastDueIsOverdue", inv(100, 70, 0, past), StatusOverdue},
		{"CreditedPastDueIsCredited", inv(100, 0, 100, past), StatusCredited},
		{"DueTodayIsNotOverdue", inv(100, 70, 30, today), StatusPartlyCredited},
		{"VoidedOutranksEverything", Document{Kind: KindInvoice, Amount: 100, Open: 100, DueDate: past, VoidedAt: &voided}, StatusVoided},
		{"DebitNoteFollowsInvoices", Document{Kind: KindDebitNote, Amount: 100, Open: 50, Credited: 50, DueDate: due}, StatusPartlyCredited},
		{"CreditNoteNotAppliedIsAvailable", Document{Kind: KindCreditNote, Amount: 100, Open: 100}, StatusAvailable},
		{"CreditNotePartlyAppliedIsAvailable", Document{Kind: KindCreditNote, Amount: 100, Open: 40}, StatusAvailable},
		{"CreditNoteFullyAppliedIsApplied", Document{Kind: KindCreditNote, Amount: 100, Open: 0}, StatusApplied},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := StatusOf(c.doc, today); got != c.want {
				t.Errorf("StatusOf(%+v) = %s; want %s", c.doc, got, c.want)
			}
		})
	}
}

// A negative or zero amount is "not positive" on the amount field, and an
// amount above the ceiling is refused, for documents and payments alike.
func TestCheckAmount_NegativeZeroAndAboveCeilingAreRefused(t *testing.T) {
	cases := []struct {
		name   string
		amount int64
		key    string // "" when accepted
	}{
		{"Negative", -5_000, "amount.positive"},
		{"Zero", 0, "amount.positive"},
		{"One", 1, ""},
		{"FifteenNines", 999_999_999_999_999, ""},
		{"AtTheCeiling", MaxAmount, ""},
		{"AboveTheCeiling", MaxAmount + 1, "amount.range"},
		{"NearInt64", 9_000_000_000_000_000_000, "amount.range"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, derr := CheckDocument(DocumentInput{ClientID: 1, Kind: KindInvoice, Number: "1", IssueDate: date.MustParse("2026-11-01"), Currency: "CLP", Amount: c.amount}, 30)
			_, perr := CheckPayment(PaymentInput{ClientID: 1, Date: date.MustParse("2026-11-01"), Currency: "CLP", Amount: c.amount,
				Allocations: []Line{{DocumentID: 9, Amount: 1_000}}})
			for what, err := range map[string]error{"document": derr, "payment": perr} {
				if got := amountKey(err); got != c.key {
					t.Errorf("%s of %d: issue on amount = %q; want %q (err %v)", what, c.amount, got, c.key, err)
				}
			}
		})
	}
}

func amountKey(err error) string {
	var e *Error
	if !errors.As(err, &e) {
		return ""
	}
	for _, is := range e.Issues {
		if is.Field == "amount" {
			return is.Key
		}
	}
	return ""
}
