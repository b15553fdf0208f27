package ar

import (
	"sort"
	"strings"
	"unicode"

	"cartera/backend/date"
)

// The rules of this file decide how an imported export's balances become
// records: what part of an invoice another program already saw paid, and
// where a credit note the program already applied is applied here, so that
// after an import every document's open amount and every client's balance
// equal the file's.

// BalancePayment is what an imported invoice or debit note had been paid
// before it came into Cartera: its amount less the open balance the file
// says, or 0 when the file says no balance (or one above the amount).
func BalancePayment(amount, balance int64) int64 {
	if balance < 0 || balance >= amount {
		return 0
	}
	return amount - balance
}

// ImportedCredit is a credit note of an imported file that the program it
// came from had applied, in whole or in part.
type ImportedCredit struct {
	ID        int64  // the credit note
	Line      int    // its row in the file
	Applied   int64  // the part the file says was applied: its amount less its balance
	AppliesTo string // the number of the document it corrects, as the file writes it ("" when it does not say)
	// OnOpen is true when the file gives no balance for the note but names
	// the document it corrects: the note is then applied to that document's
	// open amount (at most Applied), as the program would have.
	OnOpen bool
}

// ImportedReceivable is an imported invoice or debit note of the same client
// and currency that a credit note can be applied to.
type ImportedReceivable struct {
	ID        int64
	Number    string
	IssueDate date.Date
	Open      int64 // what it owes
	// Paid is the part of it recorded as paid by the import (its balance
	// payment), which an applied credit note explains instead.
	Paid      int64
	PaymentID int64 // the balance payment (0 when Paid is 0)
}

// CreditLink applies part of a credit note to a document.
type CreditLink struct {
	CreditNoteID int64
	DocumentID   int64
	Amount       int64
	// PaymentID is the balance payment the link replaces (its amount goes
	// down by Amount and the document's open amount stays), or 0 when the
	// link lowers the document's open amount.
	PaymentID int64
}

// CreditPlan is where the applied credit notes of a file go.
type CreditPlan struct {
	Links []CreditLink
	// Left holds, per note, the applied part no document of the file explains.
	Left map[int64]int64
	// Corrects holds, per note that names a document of the file, that document.
	Corrects map[int64]int64
	// NotFound lists the notes that name a document the file does not have.
	NotFound []int64
}

// PlanImportedCredits applies the credit notes a file shows applied to the
// client's documents of the same file, so that the file's balances hold
// without the note being left as credit to apply again. The part of a note
// the file shows applied is taken from what the file shows paid on the
// document it names first, then on the client's other documents, oldest
// first; a note without a balance in the file that names its document is
// applied to that document's open amount. Notes that name their document go
// first, so that notes that do not cannot take what is theirs. It takes
// time in proportion to the notes and documents, not their product.
func PlanImportedCredits(credits []ImportedCredit, docs []ImportedReceivable) CreditPlan {
	plan := CreditPlan{Left: map[int64]int64{}, Corrects: map[int64]int64{}}
	ds := make([]ImportedReceivable, len(docs))
	copy(ds, docs)
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].IssueDate != ds[j].IssueDate {
			return ds[i].IssueDate.Before(ds[j].IssueDate)
		}
		return ds[i].ID < ds[j].ID
	})
	ix := NewNumberIndex(ds)
	cs := make([]ImportedCredit, len(credits))
	copy(cs, credits)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].AppliesTo != "" && cs[j].AppliesTo == "" })
	next := 0 // every document before it has nothing paid left to explain
	for _, c := range cs {
		rest := c.Applied
		target := -1
		if c.AppliesTo != "" {
			if target = ix.Find(c.AppliesTo); target >= 0 {
				plan.Corrects[c.ID] = ds[target].ID
			} else {
				plan.NotFound = append(plan.NotFound, c.ID)
			}
		}
		if c.OnOpen {
			if target >= 0 && rest > 0 {
				if n := min(rest, ds[target].Open); n > 0 {
					plan.Links = append(plan.Links, CreditLink{CreditNoteID: c.ID, DocumentID: ds[target].ID, Amount: n})
					ds[target].Open -= n
				}
			}
			continue // not applied in the program: what is left stays open
		}
		take := func(i int) {
			n := min(rest, ds[i].Paid)
			if n <= 0 {
				return
			}
			plan.Links = append(plan.Links, CreditLink{CreditNoteID: c.ID, DocumentID: ds[i].ID, Amount: n, PaymentID: ds[i].PaymentID})
			ds[i].Paid -= n
			rest -= n
		}
		if target >= 0 {
			take(target)
		}
		for i := next; i < len(ds) && rest > 0; i++ {
			take(i)
		}
		for next < len(ds) && ds[next].Paid == 0 {
			next++
		}
		if rest > 0 {
			plan.Left[c.ID] = rest
		}
	}
	return plan
}

// NumberIndex finds documents by the numbers references give them (see Find).
type NumberIndex struct {
	exact map[string]int
	tails map[string][]int // NumberKey and each of its ends after a "-", to the documents that have it
}

// NewNumberIndex indexes docs by number.
func NewNumberIndex(docs []ImportedReceivable) NumberIndex {
	ix := NumberIndex{exact: make(map[string]int, len(docs)), tails: make(map[string][]int, len(docs))}
	for i, d := range docs {
		if _, ok := ix.exact[d.Number]; ok {
			ix.exact[d.Number] = -1
		} else {
			ix.exact[d.Number] = i
		}
		k := NumberKey(d.Number)
		for k != "" {
			ix.tails[k] = append(ix.tails[k], i)
			_, k, _ = strings.Cut(k, "-")
		}
	}
	return ix
}

// Find returns the document a reference names: the same number, or the
// same once case, spaces, punctuation and leading zeros are set aside
// ("F001-00000123" names "F001-123"), or the number's end ("0003-00012001"
// names "A 0003-00012001"). It returns -1 when none or more than one does.
func (ix NumberIndex) Find(ref string) int {
	if i, ok := ix.exact[ref]; ok {
		return i
	}
	if m := ix.tails[NumberKey(ref)]; len(m) == 1 {
		return m[0]
	}
	return -1
}

// FindNumber finds the document of docs a reference names (see NumberIndex.Find).
func FindNumber(docs []ImportedReceivable, ref string) int {
	return NewNumberIndex(docs).Find(ref)
}

// NumberKey writes a document number as its runs of letters and digits,
// upper case and without leading zeros, joined by "-": "A 0003-00012001" is
// "A-3-12001" and "f001-123" is "F-1-123".
func NumberKey(s string) string {
	var parts []string
	var cur []rune
	digits := false
	flush := func() {
		if len(cur) > 0 {
			p := string(cur)
			if digits {
				p = strings.TrimLeft(p, "0")
				if p == "" {
					p = "0"
				}
			}
			parts = append(parts, p)
		}
		cur = cur[:0]
	}
	for _, r := range strings.ToUpper(s) {
		isDigit := unicode.IsDigit(r)
		switch {
		case isDigit || unicode.IsLetter(r):
			if len(cur) > 0 && isDigit != digits {
				flush()
			}
			digits = isDigit
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return strings.Join(parts, "-")
}

// Recorded is a document as the portfolio records it, as a re-imported row
// of the same client, kind and number is compared with it.
type Recorded struct {
	Kind      Kind
	Amount    int64
	Open      int64
	IssueDate date.Date
	DueDate   date.Date
	Voided    bool
}

// Reimported is what a row of a file says of a document already recorded.
type Reimported struct {
	Amount     int64
	IssueDate  date.Date
	DueDate    date.Date
	Balance    int64
	HasBalance bool // the file gives balances (otherwise it says nothing of payments)
}

// ReimportOutcome is what a re-imported row does to the recorded document.
type ReimportOutcome struct {
	Changed       []string // fields that differ: "amount", "dueDate", "issueDate", in that order
	Conflict      bool     // they differ and changes are not accepted: nothing changes
	LowerThanPaid int64    // when above 0: the new amount is below what is paid or applied (this much), and nothing changes
	Update        bool     // the amount and dates take the row's
	Open          int64    // the open amount afterwards
	// BalancePayment is what the file shows paid that the portfolio does
	// not know of: recorded as a payment from the import (Open counts it).
	BalancePayment int64
	BalanceHigher  bool // the file's balance is above the open amount: payments recorded here the file does not know; nothing changes for it
	// CreditApplied is, for a credit note, what the file shows applied that
	// the portfolio has not: told, for the user to apply it here (nothing
	// changes by itself, since the file does not say to what).
	CreditApplied int64
}

// Reimport decides what a row of a file does to the document recorded
// under its client, kind and number: nothing when they agree; a conflict
// when the amount or dates differ, unless changes are accepted, and then
// an update that keeps what was paid (refused when the new amount is below
// it). A balance below the open amount is a payment the other program
// knows of; a credit note's balance, or a voided document's, changes nothing.
func Reimport(rec Recorded, row Reimported, acceptChanges bool) ReimportOutcome {
	out := ReimportOutcome{Open: rec.Open}
	if rec.Amount != row.Amount {
		out.Changed = append(out.Changed, "amount")
	}
	if rec.DueDate != row.DueDate {
		out.Changed = append(out.Changed, "dueDate")
	}
	if rec.IssueDate != row.IssueDate {
		out.Changed = append(out.Changed, "issueDate")
	}
	if len(out.Changed) > 0 && !rec.Voided {
		if !acceptChanges {
			out.Conflict = true
			return out
		}
		if paid := rec.Amount - rec.Open; row.Amount < paid {
			out.LowerThanPaid = paid
			return out
		}
		out.Update = true
		out.Open = rec.Open + row.Amount - rec.Amount
	}
	if !row.HasBalance || rec.Voided {
		return out
	}
	switch {
	case rec.Kind == KindCreditNote && row.Balance < out.Open:
		out.CreditApplied = out.Open - row.Balance
	case row.Balance < out.Open:
		out.BalancePayment = out.Open - row.Balance
		out.Open = row.Balance
	case row.Balance > out.Open:
		out.BalanceHigher = true
	}
	return out
}
