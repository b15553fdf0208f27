package ar

import (
	"reflect"
	"testing"
	"time"

	"cartera/backend/date"
)

func TestClientBalances(t *testing.T) {
	today := date.MustParse("2026-11-24")
	voided := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	inv := func(cur string, open int64, due string) Document {
		return Document{Kind: KindInvoice, Currency: cur, Amount: open, Open: open, DueDate: date.MustParse(due)}
	}
	cn := func(cur string, open int64) Document {
		return Document{Kind: KindCreditNote, Currency: cur, Amount: open, Open: open, DueDate: date.MustParse("2026-10-01")}
	}
	pay := func(cur string, unallocated int64) Payment {
		return Payment{Currency: cur, Amount: unallocated, Unallocated: unallocated}
	}
	tests := []struct {
		name string
		docs []Document
		pays []Payment
		want []CurrencyBalance
	}{
		{"NothingRecordedIsAZeroBalanceInThePortfolioCurrency", nil, nil,
			[]CurrencyBalance{{Currency: "CLP"}}},
		{"OnlyACreditNoteIsANegativeBalance", []Document{cn("CLP", 145_000)}, nil,
			[]CurrencyBalance{{Currency: "CLP", Credit: 145_000, Balance: -145_000}}},
		{"AnUnallocatedPaymentIsCredit", nil, []Payment{pay("CLP", 50_000)},
			[]CurrencyBalance{{Currency: "CLP", Credit: 50_000, Balance: -50_000}}},
		{"DebtsMinusCreditNotesAndUnallocatedPayments",
			[]Document{inv("CLP", 200_000, "2026-10-01"), inv("CLP", 200_000, "2026-12-20"), cn("CLP", 50_000)},
			[]Payment{pay("CLP", 20_000)},
			[]CurrencyBalance{{Currency: "CLP", Receivable: 400_000, Overdue: 200_000, Credit: 70_000, Balance: 330_000, OpenCount: 2, OverdueCount: 1, OldestDays: 54}}},
		{"ADebitNoteIsOwedLikeAnInvoice",
			[]Document{{Kind: KindDebitNote, Currency: "CLP", Amount: 9_000, Open: 9_000, DueDate: today}}, nil,
			[]CurrencyBalance{{Currency: "CLP", Receivable: 9_000, Balance: 9_000, OpenCount: 1}}},
		{"DueTodayIsNotOverdue", []Document{inv("CLP", 1_000, "2026-11-24")}, nil,
			[]CurrencyBalance{{Currency: "CLP", Receivable: 1_000, Balance: 1_000, OpenCount: 1}}},
		{"VoidedDocumentsReversedPaymentsAndClosedItemsCountForNothing",
			[]Document{
				{Kind: KindInvoice, Currency: "CLP", Amount: 5_000, Open: 5_000, DueDate: date.MustParse("2026-01-01"), VoidedAt: &voided},
				{Kind: KindCreditNote, Currency: "CLP", Amount: 5_000, Open: 5_000, VoidedAt: &voided},
				{Kind: KindInvoice, Currency: "CLP", Amount: 5_000, Open: 0, DueDate: date.MustParse("2026-01-01")},
			},
			[]Payment{{Currency: "CLP", Amount: 7_000, Unallocated: 7_000, ReversedAt: &voided}, {Currency: "CLP", Amount: 7_000}},
			[]CurrencyBalance{{Currency: "CLP"}}},
		{"EachCurrencyOnItsOwnPortfolioCurrencyFirstThenAlphabetical",
			[]Document{inv("USD", 10_00, "2026-12-31"), inv("EUR", 5_00, "2026-12-31"), cn("USD", 3_00)},
			[]Payment{pay("CLP", 1_000)},
			[]CurrencyBalance{
				{Currency: "CLP", Credit: 1_000, Balance: -1_000},
				{Currency: "EUR", Receivable: 5_00, Balance: 5_00, OpenCount: 1},
				{Currency: "USD", Receivable: 10_00, Credit: 3_00, Balance: 7_00, OpenCount: 1},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ClientBalances(tt.docs, tt.pays, "CLP", today)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestCurrencyBalance_InCreditOnlyWhenCreditExceedsDebt(t *testing.T) {
	for _, tt := range []struct {
		b    CurrencyBalance
		want bool
	}{
		{CurrencyBalance{Balance: -1}, true},
		{CurrencyBalance{Balance: 0}, false},
		{CurrencyBalance{Balance: 1}, false},
	} {
		if got := tt.b.InCredit(); got != tt.want {
			t.Errorf("InCredit(%d) = %v; want %v", tt.b.Balance, got, tt.want)
		}
	}
}
