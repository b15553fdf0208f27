package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"cartera/backend/ar"
	"cartera/backend/date"
)

const payColumns = `p.id, p.client_id, p.date, p.currency, p.amount_minor, p.unallocated_minor, p.method, p.reference, p.notes, p.source, p.reversed_at, p.reversal_reason, p.created_at`

func scanPay(s interface{ Scan(...any) error }, extra ...any) (ar.Payment, error) {
	var p ar.Payment
	var reversed sql.NullString
	var created string
	dest := append([]any{&p.ID, &p.ClientID, &p.Date, &p.Currency, &p.Amount, &p.Unallocated, &p.Method, &p.Reference, &p.Notes, &p.Source, &reversed, &p.ReversalReason, &created}, extra...)
	err := s.Scan(dest...)
	p.ReversedAt, p.CreatedAt = parseTSPtr(reversed), parseTS(created)
	return p, err
}

func (db *DB) findPays(ctx context.Context, where string, args ...any) ([]ar.Payment, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+payColumns+` FROM payments p `+where, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []ar.Payment{}
	for rows.Next() {
		p, err := scanPay(rows)
		if err != nil {
			return nil, mapErr(err)
		}
		out = append(out, p)
	}
	return out, mapErr(rows.Err())
}

func findPay(ctx context.Context, q querier, id int64) (ar.Payment, error) {
	p, err := scanPay(q.QueryRowContext(ctx, `SELECT `+payColumns+` FROM payments p WHERE p.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, ar.Errorf(ar.ENotFound, "paymentId", "payment.not_found", "id", fmt.Sprint(id))
	}
	return p, err
}

// PaymentDetail is a payment with the documents it was applied to, its
// status, what of it is still available, and who reversed it.
type PaymentDetail struct {
	Payment     ar.Payment       `json:"payment"`
	ClientName  string           `json:"clientName"`
	Status      ar.PaymentStatus `json:"status"`
	Available   int64            `json:"available"`  // what can still be applied: 0 once reversed
	ReversedBy  string           `json:"reversedBy"` // the user who reversed it, from the audit log
	Allocations []AllocationLine `json:"allocations"`
}

// FindPaymentByID returns a payment with its allocations.
func (db *DB) FindPaymentByID(ctx context.Context, id int64) (PaymentDetail, error) {
	var out PaymentDetail
	p, err := findPay(ctx, db.sql, id)
	if err != nil {
		return out, mapErr(err)
	}
	out.Payment, out.Status, out.Available = p, ar.PaymentStatusOf(p), ar.Available(p)
	db.sql.QueryRowContext(ctx, `SELECT legal_name FROM clients WHERE id = ?`, p.ClientID).Scan(&out.ClientName)
	if p.ReversedAt != nil {
		db.sql.QueryRowContext(ctx, `SELECT os_user FROM audit_log WHERE entity = 'payment' AND entity_id = ? AND action = 'reverse' ORDER BY id DESC LIMIT 1`, id).Scan(&out.ReversedBy)
	}
	out.Allocations, err = db.allocations(ctx, "a.payment_id = ?", id)
	return out, err
}

// CreatePayment records money received and applies it as the lines say, all
// in one transaction; what the lines leave over stays as the client's credit.
func (db *DB) CreatePayment(ctx context.Context, in ar.PaymentInput) (ar.Payment, error) {
	p, err := ar.CheckPayment(in)
	if err != nil {
		return p, err
	}
	err = db.write(ctx, func(tx *Tx) error {
		if _, err := findClient(ctx, tx, p.ClientID); err != nil {
			return err
		}
		id, err := insertPayment(ctx, tx, p, "")
		if err != nil {
			return err
		}
		if err := tx.audit("create", "payment", id, nil, p); err != nil {
			return err
		}
		if len(in.Allocations) > 0 {
			if err := allocate(ctx, tx, source{payment: id}, in.Allocations); err != nil {
				return err
			}
		}
		p, err = findPay(ctx, tx, id)
		return err
	})
	return p, err
}

func insertPayment(ctx context.Context, tx *Tx, p ar.Payment, sourceRef string) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO payments (client_id, date, currency, amount_minor, unallocated_minor, method, reference, notes, source, source_ref, created_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?)`, p.ClientID, p.Date, p.Currency, p.Amount, p.Amount, p.Method, p.Reference, p.Notes, p.Source, sourceRef, ts(tx.now))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// Allocate applies more of a payment (its unallocated credit) to open documents.
func (db *DB) Allocate(ctx context.Context, paymentID int64, lines []ar.Line) (ar.Payment, error) {
	var p ar.Payment
	err := db.write(ctx, func(tx *Tx) error {
		if err := allocate(ctx, tx, source{payment: paymentID}, lines); err != nil {
			return err
		}
		var err error
		p, err = findPay(ctx, tx, paymentID)
		return err
	})
	return p, err
}

// ApplyCreditNote applies an available credit note to open documents.
func (db *DB) ApplyCreditNote(ctx context.Context, creditNoteID int64, lines []ar.Line) (ar.Document, error) {
	var d ar.Document
	err := db.write(ctx, func(tx *Tx) error {
		if err := allocate(ctx, tx, source{creditNote: creditNoteID}, lines); err != nil {
			return err
		}
		var err error
		d, err = findDoc(ctx, tx, creditNoteID)
		return err
	})
	return d, err
}

// source is what an allocation draws on: a payment or a credit note.
type source struct{ payment, creditNote int64 }

// allocate checks lines against the source's unallocated amount and the
// client's open items, then records them and keeps the cached amounts.
func allocate(ctx context.Context, tx *Tx, src source, lines []ar.Line) error {
	var clientID, available int64
	var currency string
	var dead sql.NullString
	if src.payment != 0 {
		err := tx.QueryRowContext(ctx, `SELECT client_id, currency, unallocated_minor, reversed_at FROM payments WHERE id = ?`, src.payment).Scan(&clientID, &currency, &available, &dead)
		if errors.Is(err, sql.ErrNoRows) {
			return ar.Errorf(ar.ENotFound, "paymentId", "payment.not_found", "id", fmt.Sprint(src.payment))
		}
		if err != nil {
			return err
		}
		if dead.Valid {
			return ar.Errorf(ar.EConflict, "paymentId", "payment.reversed")
		}
	} else {
		cn, err := findDoc(ctx, tx, src.creditNote)
		if err != nil {
			return err
		}
		if cn.Kind != ar.KindCreditNote {
			return ar.Errorf(ar.EInvalid, "creditNoteId", "note.not_credit_note", "document", cn.Number)
		}
		if cn.VoidedAt != nil {
			return ar.Errorf(ar.EConflict, "creditNoteId", "note.voided", "document", cn.Number)
		}
		clientID, currency, available = cn.ClientID, cn.Currency, cn.Open
	}
	open, err := openItems(ctx, tx, clientID, currency)
	if err != nil {
		return err
	}
	if err := ar.CheckAllocation(lines, available, currency, open); err != nil {
		return err
	}
	var pay, cn any
	if src.payment != 0 {
		pay = src.payment
	} else {
		cn = src.creditNote
	}
	var total int64
	for _, l := range lines {
		res, err := tx.ExecContext(ctx, `INSERT INTO allocations (document_id, payment_id, credit_note_id, amount_minor, created_at) VALUES (?,?,?,?,?)`,
			l.DocumentID, pay, cn, l.Amount, ts(tx.now))
		if err != nil {
			return err
		}
		credited := int64(0)
		if src.creditNote != 0 {
			credited = l.Amount
		}
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET open_minor = open_minor - ?, credited_minor = credited_minor + ? WHERE id = ?`, l.Amount, credited, l.DocumentID); err != nil {
			return err
		}
		aid, _ := res.LastInsertId()
		if err := tx.audit("allocate", "allocation", aid, nil, ar.Allocation{ID: aid, DocumentID: l.DocumentID, PaymentID: src.payment, CreditNoteID: src.creditNote, Amount: l.Amount, CreatedAt: tx.now}); err != nil {
			return err
		}
		total += l.Amount
	}
	if src.payment != 0 {
		_, err = tx.ExecContext(ctx, `UPDATE payments SET unallocated_minor = unallocated_minor - ? WHERE id = ?`, total, src.payment)
	} else {
		_, err = tx.ExecContext(ctx, `UPDATE documents SET open_minor = open_minor - ? WHERE id = ?`, total, src.creditNote)
	}
	return err
}

// Unallocate undoes one allocation: the document owes it again and the
// payment or credit note has it available again. The allocation is kept, marked.
func (db *DB) Unallocate(ctx context.Context, allocationID int64) error {
	return db.write(ctx, func(tx *Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM allocations WHERE id = ? AND reversed_at IS NULL`, allocationID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return ar.Errorf(ar.ENotFound, "allocationId", "allocation.not_found", "id", fmt.Sprint(allocationID))
		}
		return unallocateWhere(ctx, tx, "id = ?", allocationID)
	})
}

// unallocateWhere reverses the live allocations matching cond.
func unallocateWhere(ctx context.Context, tx *Tx, cond string, args ...any) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, document_id, COALESCE(payment_id,0), COALESCE(credit_note_id,0), amount_minor, created_at FROM allocations WHERE reversed_at IS NULL AND `+cond, args...)
	if err != nil {
		return err
	}
	var list []ar.Allocation
	for rows.Next() {
		var a ar.Allocation
		var created string
		if err := rows.Scan(&a.ID, &a.DocumentID, &a.PaymentID, &a.CreditNoteID, &a.Amount, &created); err != nil {
			rows.Close()
			return err
		}
		a.CreatedAt = parseTS(created)
		list = append(list, a)
	}
	rows.Close()
	for _, a := range list {
		credited := int64(0)
		if a.CreditNoteID != 0 {
			credited = a.Amount
		}
		if _, err := tx.ExecContext(ctx, `UPDATE allocations SET reversed_at = ? WHERE id = ?`, ts(tx.now), a.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET open_minor = open_minor + ?, credited_minor = credited_minor - ? WHERE id = ?`, a.Amount, credited, a.DocumentID); err != nil {
			return err
		}
		if a.PaymentID != 0 {
			_, err = tx.ExecContext(ctx, `UPDATE payments SET unallocated_minor = unallocated_minor + ? WHERE id = ?`, a.Amount, a.PaymentID)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE documents SET open_minor = open_minor + ? WHERE id = ?`, a.Amount, a.CreditNoteID)
		}
		if err != nil {
			return err
		}
		after := a
		after.ReversedAt = &tx.now
		if err := tx.audit("unallocate", "allocation", a.ID, a, after); err != nil {
			return err
		}
	}
	return nil
}

// ReversePayment undoes a payment recorded by mistake (or a bounced check):
// its allocations are undone and the payment is marked reversed, never deleted.
func (db *DB) ReversePayment(ctx context.Context, id int64, reason string) (ar.Payment, error) {
	var p ar.Payment
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return p, ar.Errorf(ar.EInvalid, "reason", "required")
	}
	err := db.write(ctx, func(tx *Tx) error {
		before, err := findPay(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.ReversedAt != nil {
			return ar.Errorf(ar.EConflict, "paymentId", "payment.reversed")
		}
		if err := unallocateWhere(ctx, tx, "payment_id = ?", id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE payments SET reversed_at = ?, reversal_reason = ? WHERE id = ?`, ts(tx.now), reason, id); err != nil {
			return err
		}
		p, err = findPay(ctx, tx, id)
		if err != nil {
			return err
		}
		return tx.audit("reverse", "payment", id, before, p)
	})
	return p, err
}

// PaymentFilter selects a page of the payment list.
type PaymentFilter struct {
	ClientID    int64     `json:"clientId"`
	From        date.Date `json:"from" ts_type:"string"`
	To          date.Date `json:"to" ts_type:"string"`
	Search      string    `json:"search"`      // reference or client
	Unallocated bool      `json:"unallocated"` // only payments with an amount still available
	// Status is "" for every payment (reversed ones too), "live" for all but
	// the reversed, "open" for those with an amount available (partial or
	// unallocated), or one ar.PaymentStatus.
	Status string `json:"status"`
	Sort   string `json:"sort"` // date, amount, client
	Desc   bool   `json:"desc"`
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"`
}

// PaymentRow is one line of the payment list.
type PaymentRow struct {
	ar.Payment
	ClientName string           `json:"clientName"`
	Status     ar.PaymentStatus `json:"status"`
	Available  int64            `json:"available"` // what can still be applied: 0 once reversed
}

// paymentStatusSQL is the condition of each payment status filter; it must
// agree with ar.PaymentStatusOf (a store test checks every status).
var paymentStatusSQL = map[string]string{
	"live":                        "p.reversed_at IS NULL",
	"open":                        "p.reversed_at IS NULL AND p.unallocated_minor > 0",
	string(ar.PaymentAllocated):   "p.reversed_at IS NULL AND p.unallocated_minor = 0",
	string(ar.PaymentPartial):     "p.reversed_at IS NULL AND p.unallocated_minor > 0 AND p.unallocated_minor < p.amount_minor",
	string(ar.PaymentUnallocated): "p.reversed_at IS NULL AND p.unallocated_minor = p.amount_minor",
	string(ar.PaymentReversed):    "p.reversed_at IS NOT NULL",
}

// PaymentPage is a page of payments and how many match.
type PaymentPage struct {
	Rows  []PaymentRow `json:"rows"`
	Total int          `json:"total"`
}

// FindPayments returns a page of payments.
func (db *DB) FindPayments(ctx context.Context, f PaymentFilter) (PaymentPage, error) {
	page := PaymentPage{Rows: []PaymentRow{}}
	err := db.payments(ctx, f, &page.Total, func(r PaymentRow, _ string) error {
		page.Rows = append(page.Rows, r)
		return nil
	})
	return page, err
}

// EachPaymentOf calls fn for every payment the list would show for f (its
// filters, search and order, without paging), with the client's tax ID.
func (db *DB) EachPaymentOf(ctx context.Context, f PaymentFilter, fn func(r PaymentRow, taxID string) error) error {
	return db.payments(ctx, f, nil, fn)
}

// payments runs the payment list's query for f: one page of it, counting
// every match into total, or every row when total is nil.
func (db *DB) payments(ctx context.Context, f PaymentFilter, total *int, fn func(r PaymentRow, taxID string) error) error {
	var where []string
	var args []any
	if f.ClientID > 0 {
		where, args = append(where, "p.client_id = ?"), append(args, f.ClientID)
	}
	if !f.From.IsZero() {
		where, args = append(where, "p.date >= ?"), append(args, f.From)
	}
	if !f.To.IsZero() {
		where, args = append(where, "p.date <= ?"), append(args, f.To)
	}
	if f.Unallocated {
		where = append(where, paymentStatusSQL["open"])
	}
	if f.Status != "" {
		c, ok := paymentStatusSQL[f.Status]
		if !ok {
			return ar.Errorf(ar.EInvalid, "status", "status.unknown", "value", f.Status)
		}
		where = append(where, c)
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		// The number as written, or the client by name or tax ID in any written form.
		byClient, cargs := clientMatch("p.client_id", s)
		where = append(where, `(p.reference LIKE ? ESCAPE '\' OR `+byClient+`)`)
		args = append(append(args, "%"+likeEscape(s)+"%"), cargs...)
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	order := map[string]string{"date": "p.date", "amount": "p.amount_minor", "client": "c.name_key"}[f.Sort]
	if order == "" {
		order, f.Desc = "p.date", true
	}
	dir := "ASC"
	if f.Desc {
		dir = "DESC"
	}
	paging := ""
	if total != nil {
		limit := f.Limit
		if limit <= 0 || limit > 1000 {
			limit = 100
		}
		if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM payments p `+cond, args...).Scan(total); err != nil {
			return mapErr(err)
		}
		paging = fmt.Sprintf(" LIMIT %d OFFSET %d", limit, max(0, f.Offset))
	}
	rows, err := db.sql.QueryContext(ctx, fmt.Sprintf(`SELECT `+payColumns+`, c.legal_name, c.tax_id FROM payments p JOIN clients c ON c.id = p.client_id %s ORDER BY %s %s, p.id %s`,
		cond, order, dir, dir)+paging, args...)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	return each(rows, func(rows *sql.Rows) error {
		var r PaymentRow
		var tax string
		p, err := scanPay(rows, &r.ClientName, &tax)
		if err != nil {
			return mapErr(err)
		}
		r.Payment, r.Status, r.Available = p, ar.PaymentStatusOf(p), ar.Available(p)
		return fn(r, tax)
	})
}
