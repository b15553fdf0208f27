package ar

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"cartera/backend/date"
)

// LedgerEntry is one line of a client's account: what raised or lowered the
// balance, and the balance after it in that currency.
type LedgerEntry struct {
	Date        date.Date `json:"date" ts_type:"string"`
	Type        string    `json:"type"` // invoice, debit_note, credit_note, payment, payment_reversal, void
	DocumentID  int64     `json:"documentId"`
	PaymentID   int64     `json:"paymentId"`
	Reference   string    `json:"reference"`
	Description string    `json:"description"`
	Currency    string    `json:"currency"`
	Debit       int64     `json:"debit"`  // raises what the client owes
	Credit      int64     `json:"credit"` // lowers it
	Balance     int64     `json:"balance"`
	Status      Status    `json:"status"`
	seq         int64
}

// Ledger builds a client's account from its documents and payments, oldest
// first, with a running balance per currency. Voided documents and reversed
// payments stay, followed by the entry that cancels them, so that history
// reads as it happened.
func Ledger(docs []Document, pays []Payment, today date.Date) []LedgerEntry {
	var out []LedgerEntry
	for _, d := range docs {
		e := LedgerEntry{Date: d.IssueDate, Type: string(d.Kind), DocumentID: d.ID, Reference: d.Number,
			Description: d.Description, Currency: d.Currency, Status: StatusOf(d, today), seq: d.ID}
		if d.Kind.Receivable() {
			e.Debit = d.Amount
		} else {
			e.Credit = d.Amount
		}
		out = append(out, e)
		if d.VoidedAt != nil {
			v := LedgerEntry{Date: date.Of(d.VoidedAt.Local()), Type: "void", DocumentID: d.ID, Reference: d.Number,
				Description: d.VoidReason, Currency: d.Currency, Debit: e.Credit, Credit: e.Debit, seq: d.ID}
			out = append(out, v)
		}
	}
	for _, p := range pays {
		e := LedgerEntry{Date: p.Date, Type: "payment", PaymentID: p.ID, Reference: p.Reference,
			Description: p.Method, Currency: p.Currency, Credit: p.Amount, seq: p.ID}
		out = append(out, e)
		if p.ReversedAt != nil {
			out = append(out, LedgerEntry{Date: date.Of(p.ReversedAt.Local()), Type: "payment_reversal", PaymentID: p.ID,
				Reference: p.Reference, Description: p.ReversalReason, Currency: p.Currency, Debit: p.Amount, seq: p.ID})
		}
	}
	rank := map[string]int{"invoice": 0, "debit_note": 1, "credit_note": 2, "payment": 3, "void": 4, "payment_reversal": 5}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if c := a.Date.Compare(b.Date); c != 0 {
			return c < 0
		}
		if rank[a.Type] != rank[b.Type] {
			return rank[a.Type] < rank[b.Type]
		}
		return a.seq < b.seq
	})
	bal := map[string]int64{}
	for i := range out {
		bal[out[i].Currency] += out[i].Debit - out[i].Credit
		out[i].Balance = bal[out[i].Currency]
	}
	return out
}

// Fold lowers s and strips accents, so "Peña" is found by "pena".
func Fold(s string) string {
	if r, ok := foldCommon(s); ok {
		return r
	}
	return foldSlow(s)
}

func foldSlow(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	r, _, err := transform.String(t, s)
	if err != nil {
		r = s
	}
	return strings.ToLower(r)
}

// foldCommon folds the letters Spanish and Portuguese names use without the
// Unicode tables; it reports false for anything else (then Fold decomposes).
func foldCommon(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		case strings.ContainsRune("áàâäãÁÀÂÄÃ", r):
			r = 'a'
		case strings.ContainsRune("éèêëÉÈÊË", r):
			r = 'e'
		case strings.ContainsRune("íìîïÍÌÎÏ", r):
			r = 'i'
		case strings.ContainsRune("óòôöõÓÒÔÖÕ", r):
			r = 'o'
		case strings.ContainsRune("úùûüÚÙÛÜ", r):
			r = 'u'
		case r == 'ñ' || r == 'Ñ':
			r = 'n'
		case r == 'ç' || r == 'Ç':
			r = 'c'
		case r == 'º' || r == 'ª' || r == '°' || r == '\u00a0':
		default:
			return "", false
		}
		b.WriteRune(r)
	}
	return b.String(), true
}
