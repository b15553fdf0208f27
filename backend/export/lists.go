package export

import (
	"cartera/backend/i18n"
	"context"
	"strings"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/sqlite"
	"cartera/backend/taxid"
)

// Lists that can be exported, by the name the command line uses.
var Lists = []string{"clients", "invoices", "payments"}

// Progress is told how many rows have been written.
type Progress func(rows int64)

// Title is the name of a list in lang ("Clientes", "Documents"…), for sheets and file names.
func Title(lang, list string) string { return word(lang, list) }

func word(lang, key string) string { return i18n.Word(lang, key) }

func cols(lang string, spec ...any) []Column {
	var out []Column
	for i := 0; i < len(spec); i += 2 {
		out = append(out, Column{Header: word(lang, spec[i].(string)), Kind: spec[i+1].(Kind)})
	}
	return out
}

// Filters says which rows of a list an export writes and in which order: the
// filter the list on screen uses (its offset and limit are ignored). A nil
// filter is All's.
type Filters struct {
	Clients   *sqlite.ClientFilter
	Documents *sqlite.DocumentFilter
	Payments  *sqlite.PaymentFilter
}

// All selects every row of each list (archived clients, voided documents and
// reversed payments included) in the order of names, issue dates or payment dates.
func All() Filters {
	return Filters{Clients: &sqlite.ClientFilter{Archived: "all"}, Documents: &sqlite.DocumentFilter{Sort: "issueDate"},
		Payments: &sqlite.PaymentFilter{Sort: "date"}}
}

// List writes one whole list of the portfolio to path (.xlsx or .csv) in
// lang, as of today, and returns how many rows it wrote. On error or
// cancellation nothing is left at path.
func List(ctx context.Context, db *sqlite.DB, list, path, lang string, today date.Date, progress Progress) (int64, error) {
	return ListOf(ctx, db, list, Filters{}, path, lang, today, progress)
}

// ListOf is List for the rows f selects, in its order: what the list on screen shows.
func ListOf(ctx context.Context, db *sqlite.DB, list string, f Filters, path, lang string, today date.Date, progress Progress) (int64, error) {
	all := All()
	cf, df, pf := *all.Clients, *all.Documents, *all.Payments
	if f.Clients != nil {
		cf = *f.Clients
	}
	if f.Documents != nil {
		df = *f.Documents
	}
	if f.Payments != nil {
		pf = *f.Payments
	}
	cf.Today, df.Today = today, today
	p, err := db.Portfolio(ctx)
	if err != nil {
		return 0, err
	}
	if progress == nil {
		progress = func(int64) {}
	}
	yesNo := func(b bool) string {
		if b {
			return word(lang, "yes")
		}
		return word(lang, "no")
	}
	var columns []Column
	var run func(w *Writer, tick func() error) error
	switch list {
	case "clients":
		columns = cols(lang, "legalName", Text, "tradeName", Text, "taxId", Text, "country", Text, "segment", Text, "tags", Text,
			"terms", Int, "creditLimit", Money, "balance", Money, "overdue", Money, "email", Text, "phone", Text, "archived", Text)
		run = func(w *Writer, tick func() error) error {
			return db.EachClientOf(ctx, cf, func(c sqlite.ClientExport) error {
				if err := w.Row(c.LegalName, c.TradeName, taxid.Format(c.Country, c.TaxID), c.Country, c.Segment, strings.ReplaceAll(c.Tags, "\t", ", "),
					c.PaymentTermsDays, Amount{c.CreditLimit, p.Currency}, Amount{c.Balance, p.Currency}, Amount{c.Overdue, p.Currency},
					c.Email, c.Phone, yesNo(c.Archived)); err != nil {
					return err
				}
				return tick()
			})
		}
	case "invoices":
		columns = cols(lang, "kind", Text, "number", Text, "client", Text, "taxId", Text, "issue", Date, "due", Date, "currency", Text,
			"amount", Money, "open", Money, "status", Text, "daysOverdue", Int, "description", Text)
		run = func(w *Writer, tick func() error) error {
			return db.EachDocumentOf(ctx, df, func(r sqlite.DocumentRow, tax string) error {
				d, client := r.Document, r.ClientName
				amount, open := signed(d)
				if err := w.Row(word(lang, string(d.Kind)), d.Number, client, taxid.Format(p.Country, tax), d.IssueDate, d.DueDate, d.Currency,
					Amount{amount, d.Currency}, Amount{open, d.Currency}, word(lang, "status."+string(ar.StatusOf(d, today))),
					ar.DaysOverdue(d, today), d.Description); err != nil {
					return err
				}
				return tick()
			})
		}
	case "payments":
		columns = cols(lang, "date", Date, "client", Text, "taxId", Text, "currency", Text, "amount", Money, "unallocated", Money,
			"method", Text, "reference", Text, "reversed", Text)
		run = func(w *Writer, tick func() error) error {
			return db.EachPaymentOf(ctx, pf, func(r sqlite.PaymentRow, tax string) error {
				pay, client := r.Payment, r.ClientName
				if err := w.Row(pay.Date, client, taxid.Format(p.Country, tax), pay.Currency, Amount{pay.Amount, pay.Currency},
					Amount{ar.Available(pay), pay.Currency}, word(lang, pay.Method), pay.Reference, yesNo(pay.ReversedAt != nil)); err != nil {
					return err
				}
				return tick()
			})
		}
	default:
		return 0, ar.Errorf(ar.EInvalid, "list", "export.list", "value", list, "lists", strings.Join(Lists, ", "))
	}
	return write(ctx, path, word(lang, list), p.Country, columns, run, progress)
}

// signed is a document's amount and open amount as the documents export
// writes them: a credit note's are negative (it lowers what the client owes,
// as ERP exports write it), so the sum of the open column is what is owed
// net of credit notes; a voided document is owed by nobody.
func signed(d ar.Document) (amount, open int64) {
	amount, open = d.Amount, d.Open
	if d.VoidedAt != nil {
		open = 0
	}
	if !d.Kind.Receivable() {
		amount, open = -amount, -open
	}
	return amount, open
}

// write runs rows into a new file at path, counting them; on error or
// cancellation nothing is left at path.
func write(ctx context.Context, path, title, country string, columns []Column, run func(w *Writer, tick func() error) error, progress Progress) (int64, error) {
	w, err := New(path, title, country, columns)
	if err != nil {
		return 0, err
	}
	var n int64
	tick := func() error {
		n++
		if n%10000 == 0 {
			progress(n)
			if err := ctx.Err(); err != nil {
				return ar.Wrap(ar.ECanceled, err, "canceled")
			}
		}
		return nil
	}
	if err := run(w, tick); err != nil {
		w.Abort()
		return 0, err
	}
	if err := w.Close(); err != nil {
		return 0, err
	}
	progress(n)
	return n, nil
}

// Ledger writes a client's account (what the client page shows: every
// document and payment with the running balance) to path, and returns how
// many rows it wrote.
func Ledger(ctx context.Context, db *sqlite.DB, clientID int64, path, lang string, today date.Date, progress Progress) (int64, error) {
	p, err := db.Portfolio(ctx)
	if err != nil {
		return 0, err
	}
	entries, err := db.ClientLedger(ctx, clientID, today)
	if err != nil {
		return 0, err
	}
	if progress == nil {
		progress = func(int64) {}
	}
	columns := cols(lang, "date", Date, "entry", Text, "reference", Text, "description", Text, "currency", Text,
		"debit", Money, "credit", Money, "balance", Money, "status", Text)
	return write(ctx, path, word(lang, "ledger"), p.Country, columns, func(w *Writer, tick func() error) error {
		for _, e := range entries {
			var debit, credit any
			if e.Debit != 0 {
				debit = Amount{e.Debit, e.Currency}
			}
			if e.Credit != 0 {
				credit = Amount{e.Credit, e.Currency}
			}
			status := ""
			if e.Status != "" {
				status = word(lang, "status."+string(e.Status))
			}
			if err := w.Row(e.Date, word(lang, e.Type), e.Reference, e.Description, e.Currency, debit, credit, Amount{e.Balance, e.Currency}, status); err != nil {
				return err
			}
			if err := tick(); err != nil {
				return err
			}
		}
		return nil
	}, progress)
}
