package ar

import (
	"sort"

	"cartera/backend/date"
)

// CurrencyBalance is what a client owes and holds in one currency on a given day.
type CurrencyBalance struct {
	Currency     string `json:"currency"`
	Receivable   int64  `json:"receivable"`   // open invoices and debit notes
	Overdue      int64  `json:"overdue"`      // the part of Receivable past due
	Credit       int64  `json:"credit"`       // unapplied credit notes and unallocated payments
	Balance      int64  `json:"balance"`      // Receivable − Credit: negative when the client is in credit
	OpenCount    int    `json:"openCount"`    // open invoices and debit notes
	OverdueCount int    `json:"overdueCount"` // of which past due
	OldestDays   int    `json:"oldestDays"`   // days past due of the oldest overdue document
}

// InCredit reports whether the client holds more credit than it owes in this currency.
func (b CurrencyBalance) InCredit() bool { return b.Balance < 0 }

// ClientBalances sums a client's account per currency as of today: open
// invoices and debit notes are owed (and overdue once their due date has
// passed), open credit notes and the unallocated part of payments are the
// client's credit, and the balance is the difference, signed. Voided
// documents and reversed payments count for nothing. The first currency
// (the portfolio's) always comes first, even when empty; the others follow
// alphabetically. The client list (backend/sqlite) computes the same balance
// in SQL; a store test keeps the two in step.
func ClientBalances(docs []Document, pays []Payment, first string, today date.Date) []CurrencyBalance {
	byCur := map[string]*CurrencyBalance{first: {Currency: first}}
	get := func(cur string) *CurrencyBalance {
		b := byCur[cur]
		if b == nil {
			b = &CurrencyBalance{Currency: cur}
			byCur[cur] = b
		}
		return b
	}
	for _, d := range docs {
		if d.VoidedAt != nil || d.Open <= 0 {
			continue
		}
		b := get(d.Currency)
		if !d.Kind.Receivable() {
			b.Credit += d.Open
			continue
		}
		b.Receivable += d.Open
		b.OpenCount++
		if d.DueDate.Before(today) {
			b.Overdue += d.Open
			b.OverdueCount++
			b.OldestDays = max(b.OldestDays, today.DaysSince(d.DueDate))
		}
	}
	for _, p := range pays {
		if p.ReversedAt != nil || p.Unallocated <= 0 {
			continue
		}
		get(p.Currency).Credit += p.Unallocated
	}
	others := make([]string, 0, len(byCur)-1)
	for cur := range byCur {
		if cur != first {
			others = append(others, cur)
		}
	}
	sort.Strings(others)
	out := make([]CurrencyBalance, 0, len(byCur))
	for _, cur := range append([]string{first}, others...) {
		b := *byCur[cur]
		b.Balance = b.Receivable - b.Credit
		out = append(out, b)
	}
	return out
}
