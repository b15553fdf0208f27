package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"cartera/backend/ar"
	"cartera/backend/date"
)

const docColumns = `d.id, d.client_id, d.kind, d.number, d.issue_date, d.due_date, d.currency, d.amount_minor, d.open_minor, d.credited_minor,
	COALESCE(d.applies_to_id, 0), d.description, d.source, d.voided_at, d.void_reason, d.created_at`

func scanDoc(s interface{ Scan(...any) error }, extra ...any) (ar.Document, error) {
	var d ar.Document
	var voided sql.NullString
	var created string
	err := s.Scan(append([]any{&d.ID, &d.ClientID, &d.Kind, &d.Number, &d.IssueDate, &d.DueDate, &d.Currency, &d.Amount, &d.Open, &d.Credited,
		&d.AppliesToID, &d.Description, &d.Source, &voided, &d.VoidReason, &created}, extra...)...)
	d.VoidedAt, d.CreatedAt = parseTSPtr(voided), parseTS(created)
	return d, err
}

func (db *DB) findDocs(ctx context.Context, where string, args ...any) ([]ar.Document, error) {
	return findDocsQ(ctx, db.sql, where, args...)
}

func findDocsQ(ctx context.Context, q querier, where string, args ...any) ([]ar.Document, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+docColumns+` FROM documents d `+where, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []ar.Document{}
	for rows.Next() {
		d, err := scanDoc(rows)
		if err != nil {
			return nil, mapErr(err)
		}
		out = append(out, d)
	}
	return out, mapErr(rows.Err())
}

func findDoc(ctx context.Context, q querier, id int64) (ar.Document, error) {
	d, err := scanDoc(q.QueryRowContext(ctx, `SELECT `+docColumns+` FROM documents d WHERE d.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return d, ar.Errorf(ar.ENotFound, "documentId", "document.not_found", "id", fmt.Sprint(id))
	}
	return d, err
}

// DocumentDetail is a document with what was applied to it (or, for a
// credit note, what it was applied to) and the client it belongs to.
type DocumentDetail struct {
	Document    ar.Document      `json:"document"`
	Status      ar.Status        `json:"status"`
	DaysOverdue int              `json:"daysOverdue"`
	ClientName  string           `json:"clientName"`
	Allocations []AllocationLine `json:"allocations"`
}

// AllocationLine is an allocation with the numbers a person recognizes.
type AllocationLine struct {
	ar.Allocation
	DocumentNumber   string    `json:"documentNumber"`
	PaymentDate      date.Date `json:"paymentDate" ts_type:"string"`
	PaymentReference string    `json:"paymentReference"`
	CreditNoteNumber string    `json:"creditNoteNumber"`
}

// FindDocumentByID returns a document with its allocations, as of today.
func (db *DB) FindDocumentByID(ctx context.Context, id int64, today date.Date) (DocumentDetail, error) {
	var out DocumentDetail
	d, err := findDoc(ctx, db.sql, id)
	if err != nil {
		return out, mapErr(err)
	}
	out.Document, out.Status, out.DaysOverdue = d, ar.StatusOf(d, today), ar.DaysOverdue(d, today)
	db.sql.QueryRowContext(ctx, `SELECT legal_name FROM clients WHERE id = ?`, d.ClientID).Scan(&out.ClientName)
	col := "a.document_id"
	if d.Kind == ar.KindCreditNote {
		col = "a.credit_note_id"
	}
	out.Allocations, err = db.allocations(ctx, col+" = ?", id)
	return out, err
}

func (db *DB) allocations(ctx context.Context, where string, args ...any) ([]AllocationLine, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT a.id, a.document_id, COALESCE(a.payment_id,0), COALESCE(a.credit_note_id,0), a.amount_minor, a.created_at, a.reversed_at,
		d.number, COALESCE(p.date, ''), COALESCE(p.reference, ''), COALESCE(cn.number, '')
		FROM allocations a JOIN documents d ON d.id = a.document_id
		LEFT JOIN payments p ON p.id = a.payment_id LEFT JOIN documents cn ON cn.id = a.credit_note_id
		WHERE `+where+` ORDER BY a.id`, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []AllocationLine{}
	for rows.Next() {
		var l AllocationLine
		var created string
		var reversed sql.NullString
		var pdate string
		if err := rows.Scan(&l.ID, &l.DocumentID, &l.PaymentID, &l.CreditNoteID, &l.Amount, &created, &reversed,
			&l.DocumentNumber, &pdate, &l.PaymentReference, &l.CreditNoteNumber); err != nil {
			return nil, mapErr(err)
		}
		l.CreatedAt, l.ReversedAt = parseTS(created), parseTSPtr(reversed)
		if pdate != "" {
			l.PaymentDate, _ = date.Parse(pdate)
		}
		out = append(out, l)
	}
	return out, mapErr(rows.Err())
}

// CreateDocument issues an invoice, credit note or debit note. A credit note
// that names the invoice it corrects is applied to it at once, up to what the
// invoice still owes; the rest stays as the client's credit.
func (db *DB) CreateDocument(ctx context.Context, in ar.DocumentInput) (ar.Document, error) {
	var d ar.Document
	err := db.write(ctx, func(tx *Tx) error {
		var terms int
		if in.ClientID > 0 {
			c, err := findClient(ctx, tx, in.ClientID)
			if err != nil {
				return err
			}
			terms = c.PaymentTermsDays
		}
		var err error
		d, err = ar.CheckDocument(in, terms)
		if err != nil {
			return err
		}
		var target ar.Document
		if d.AppliesToID != 0 {
			target, err = findDoc(ctx, tx, d.AppliesToID)
			if err != nil {
				return ar.Errorf(ar.EInvalid, "appliesToId", "document.not_found", "id", fmt.Sprint(d.AppliesToID))
			}
			var is ar.Issues
			switch {
			case target.ClientID != d.ClientID:
				is.Add("appliesToId", "note.other_client", "document", target.Number)
			case !target.Kind.Receivable():
				is.Add("appliesToId", "note.not_invoice", "document", target.Number)
			case target.VoidedAt != nil:
				is.Add("appliesToId", "note.voided", "document", target.Number)
			case target.Currency != d.Currency:
				is.Add("currency", "allocation.currency_mismatch", "document", target.Number, "currency", target.Currency, "payment_currency", d.Currency)
			}
			if err := is.Err(); err != nil {
				return err
			}
		}
		var exists int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE client_id = ? AND kind = ? AND number = ?`, d.ClientID, d.Kind, d.Number).Scan(&exists)
		if err == nil {
			return ar.Errorf(ar.EConflict, "number", "document.number_taken", "number", d.Number)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		id, err := insertDoc(ctx, tx, d)
		if err != nil {
			return err
		}
		if err := tx.audit("create", "document", id, nil, d); err != nil {
			return err
		}
		if d.Kind == ar.KindCreditNote && d.AppliesToID != 0 && target.Open > 0 {
			l := ar.Line{DocumentID: target.ID, Amount: min(target.Open, d.Amount)}
			if err := allocate(ctx, tx, source{creditNote: id}, []ar.Line{l}); err != nil {
				return err
			}
		}
		d, err = findDoc(ctx, tx, id)
		return err
	})
	return d, err
}

func insertDoc(ctx context.Context, tx *Tx, d ar.Document) (int64, error) {
	var applies any
	if d.AppliesToID != 0 {
		applies = d.AppliesToID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO documents (client_id, kind, number, issue_date, due_date, currency, amount_minor, open_minor, credited_minor, applies_to_id, description, source, created_at)
		VALUES (?,?,?,?,?,?,?,?,0,?,?,?,?)`, d.ClientID, d.Kind, d.Number, d.IssueDate, d.DueDate, d.Currency, d.Amount, d.Amount, applies, d.Description, d.Source, ts(tx.now))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// VoidDocument cancels a document issued by mistake. It is refused while
// payments or credit notes are applied to it: those are undone first, on
// purpose, and the refusal names the credit notes to un-apply.
// A voided credit note gives back what it had covered.
func (db *DB) VoidDocument(ctx context.Context, id int64, reason string) (ar.Document, error) {
	return db.voidDocument(ctx, id, reason, false)
}

// VoidDocumentUnapplyingNotes un-applies the credit notes applied to an
// invoice and voids it, in one transaction, when the user has agreed to both;
// the notes become available again. It is still refused while payments apply.
func (db *DB) VoidDocumentUnapplyingNotes(ctx context.Context, id int64, reason string) (ar.Document, error) {
	return db.voidDocument(ctx, id, reason, true)
}

func (db *DB) voidDocument(ctx context.Context, id int64, reason string, unapplyNotes bool) (ar.Document, error) {
	var d ar.Document
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return d, ar.Errorf(ar.EInvalid, "reason", "required")
	}
	err := db.write(ctx, func(tx *Tx) error {
		before, err := findDoc(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.VoidedAt != nil {
			return ar.Errorf(ar.EConflict, "documentId", "document.already_voided", "number", before.Number)
		}
		if before.Kind.Receivable() && before.Open != before.Amount {
			notes, paid, err := appliedNotes(ctx, tx, id)
			if err != nil {
				return err
			}
			switch {
			case paid || len(notes) == 0:
				return ar.Errorf(ar.EConflict, "documentId", "document.has_allocations", "number", before.Number)
			case !unapplyNotes && len(notes) == 1:
				return ar.Errorf(ar.EConflict, "documentId", "document.has_credit_note", "number", before.Number, "notes", notes[0])
			case !unapplyNotes:
				return ar.Errorf(ar.EConflict, "documentId", "document.has_credit_notes", "number", before.Number, "notes", strings.Join(notes, ", "))
			}
			if err := unallocateWhere(ctx, tx, "document_id = ? AND credit_note_id IS NOT NULL", id); err != nil {
				return err
			}
		}
		if before.Kind == ar.KindCreditNote {
			if err := unallocateWhere(ctx, tx, "credit_note_id = ?", id); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET voided_at = ?, void_reason = ? WHERE id = ?`, ts(tx.now), reason, id); err != nil {
			return err
		}
		d, err = findDoc(ctx, tx, id)
		if err != nil {
			return err
		}
		return tx.audit("void", "document", id, before, d)
	})
	return d, err
}

// appliedNotes lists the numbers of the credit notes applied to a document
// (live allocations), and whether a payment is applied to it too.
func appliedNotes(ctx context.Context, tx *Tx, id int64) (notes []string, paid bool, err error) {
	rows, err := tx.QueryContext(ctx, `SELECT COALESCE(cn.number, ''), a.payment_id IS NOT NULL FROM allocations a
		LEFT JOIN documents cn ON cn.id = a.credit_note_id WHERE a.document_id = ? AND a.reversed_at IS NULL ORDER BY a.id`, id)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() {
		var number string
		var isPayment bool
		if err := rows.Scan(&number, &isPayment); err != nil {
			return nil, false, err
		}
		if isPayment {
			paid = true
		} else if !seen[number] {
			seen[number] = true
			notes = append(notes, number)
		}
	}
	return notes, paid, rows.Err()
}

// LargestAmount is the largest amount of a live document or payment in
// currency (0 in an empty portfolio): the scale against which a form asks
// whether a much larger amount is really meant.
func (db *DB) LargestAmount(ctx context.Context, currency string) (int64, error) {
	var n int64
	err := db.sql.QueryRowContext(ctx, `SELECT max(
		COALESCE((SELECT max(amount_minor) FROM documents WHERE currency = ?1 AND voided_at IS NULL), 0),
		COALESCE((SELECT max(amount_minor) FROM payments WHERE currency = ?1 AND reversed_at IS NULL), 0))`, currency).Scan(&n)
	return n, mapErr(err)
}

// DocumentFilter selects and orders a page of the document list.
type DocumentFilter struct {
	ClientID int64     `json:"clientId"`
	Kind     ar.Kind   `json:"kind"`
	Status   ar.Status `json:"status"`
	DueFrom  date.Date `json:"dueFrom" ts_type:"string"`
	DueTo    date.Date `json:"dueTo" ts_type:"string"`
	Search   string    `json:"search"` // document number or client name
	Sort     string    `json:"sort"`   // issueDate, dueDate, number, amount, open, client
	Desc     bool      `json:"desc"`
	Offset   int       `json:"offset"`
	Limit    int       `json:"limit"`
	Today    date.Date `json:"today" ts_type:"string"`
}

// DocumentRow is one line of the document list.
type DocumentRow struct {
	ar.Document
	ClientName  string    `json:"clientName"`
	Status      ar.Status `json:"status"`
	DaysOverdue int       `json:"daysOverdue"`
}

// DocumentPage is a page of documents and how many match the filter.
type DocumentPage struct {
	Rows  []DocumentRow `json:"rows"`
	Total int           `json:"total"`
}

// statusSQL is ar.StatusOf as a condition on documents d with the date ?today;
// TestStatusSQLMatchesStatusOf keeps the two in step.
func statusSQL(s ar.Status) string {
	recv := "d.kind <> 'credit_note' AND d.voided_at IS NULL"
	switch s {
	case ar.StatusVoided:
		return "d.voided_at IS NOT NULL"
	case ar.StatusApplied:
		return "d.kind = 'credit_note' AND d.voided_at IS NULL AND d.open_minor = 0"
	case ar.StatusAvailable:
		return "d.kind = 'credit_note' AND d.voided_at IS NULL AND d.open_minor > 0"
	case ar.StatusCredited:
		return recv + " AND d.open_minor = 0 AND d.credited_minor = d.amount_minor"
	case ar.StatusPaid:
		return recv + " AND d.open_minor = 0 AND d.credited_minor <> d.amount_minor"
	case ar.StatusOverdue:
		return recv + " AND d.open_minor > 0 AND d.due_date < ?"
	case ar.StatusPartlyCredited:
		return recv + " AND d.open_minor > 0 AND d.due_date >= ? AND d.open_minor < d.amount_minor AND d.credited_minor = d.amount_minor - d.open_minor"
	case ar.StatusPartlyPaid:
		return recv + " AND d.open_minor > 0 AND d.due_date >= ? AND d.open_minor < d.amount_minor AND d.credited_minor <> d.amount_minor - d.open_minor"
	case ar.StatusOpen:
		return recv + " AND d.open_minor > 0 AND d.due_date >= ? AND d.open_minor = d.amount_minor"
	case "unpaid": // everything still owed, overdue or not
		return recv + " AND d.open_minor > 0"
	}
	return ""
}

// FindDocuments returns a page of documents as of f.Today.
func (db *DB) FindDocuments(ctx context.Context, f DocumentFilter) (DocumentPage, error) {
	page := DocumentPage{Rows: []DocumentRow{}}
	err := db.documents(ctx, f, &page.Total, func(r DocumentRow, _ string) error {
		page.Rows = append(page.Rows, r)
		return nil
	})
	return page, err
}

// EachDocumentOf calls fn for every document the list would show for f (its
// filters, search and order, without paging), with the client's tax ID.
func (db *DB) EachDocumentOf(ctx context.Context, f DocumentFilter, fn func(r DocumentRow, taxID string) error) error {
	return db.documents(ctx, f, nil, fn)
}

// documents runs the document list's query for f: one page of it, counting
// every match into total, or every row when total is nil.
func (db *DB) documents(ctx context.Context, f DocumentFilter, total *int, fn func(r DocumentRow, taxID string) error) error {
	var where []string
	var args []any
	if f.ClientID > 0 {
		where, args = append(where, "d.client_id = ?"), append(args, f.ClientID)
	}
	if f.Kind != "" {
		where, args = append(where, "d.kind = ?"), append(args, f.Kind)
	}
	if f.Status != "" {
		cond := statusSQL(f.Status)
		if cond == "" {
			return ar.Errorf(ar.EInvalid, "status", "status.unknown", "value", string(f.Status))
		}
		where = append(where, cond)
		if strings.Contains(cond, "?") {
			args = append(args, f.Today)
		}
	}
	if !f.DueFrom.IsZero() {
		where, args = append(where, "d.due_date >= ?"), append(args, f.DueFrom)
	}
	if !f.DueTo.IsZero() {
		where, args = append(where, "d.due_date <= ?"), append(args, f.DueTo)
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		// The number as written, or the client by name or tax ID in any written form.
		byClient, cargs := clientMatch("d.client_id", s)
		where = append(where, `(d.number LIKE ? ESCAPE '\' OR `+byClient+`)`)
		args = append(append(args, "%"+likeEscape(s)+"%"), cargs...)
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	order := map[string]string{"issueDate": "d.issue_date", "dueDate": "d.due_date", "number": "d.number", "amount": "d.amount_minor",
		"open": "d.open_minor", "client": "c.name_key"}[f.Sort]
	if order == "" {
		order = "d.issue_date"
		if f.Sort == "" {
			f.Desc = true
		}
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
		if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM documents d `+cond, args...).Scan(total); err != nil {
			return mapErr(err)
		}
		paging = fmt.Sprintf(" LIMIT %d OFFSET %d", limit, max(0, f.Offset))
	}
	rows, err := db.sql.QueryContext(ctx, fmt.Sprintf(`SELECT `+docColumns+`, c.legal_name, c.tax_id FROM documents d JOIN clients c ON c.id = d.client_id %s ORDER BY %s %s, d.id %s`,
		cond, order, dir, dir)+paging, args...)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	return each(rows, func(rows *sql.Rows) error {
		var r DocumentRow
		var tax string
		d, err := scanDoc(rows, &r.ClientName, &tax)
		if err != nil {
			return mapErr(err)
		}
		r.Document = d
		r.Status, r.DaysOverdue = ar.StatusOf(d, f.Today), ar.DaysOverdue(d, f.Today)
		return fn(r, tax)
	})
}

// OpenItems lists a client's invoices and debit notes that still owe
// something in currency, oldest first: what a payment can be applied to.
func (db *DB) OpenItems(ctx context.Context, clientID int64, currency string) ([]ar.OpenItem, error) {
	return openItems(ctx, db.sql, clientID, currency)
}

func openItems(ctx context.Context, q querier, clientID int64, currency string) ([]ar.OpenItem, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, kind, number, issue_date, due_date, currency, amount_minor, open_minor FROM documents
		WHERE client_id = ? AND currency = ? AND open_minor > 0 AND voided_at IS NULL AND kind <> 'credit_note'`, clientID, currency)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []ar.OpenItem{}
	for rows.Next() {
		var it ar.OpenItem
		if err := rows.Scan(&it.DocumentID, &it.Kind, &it.Number, &it.IssueDate, &it.DueDate, &it.Currency, &it.Amount, &it.Open); err != nil {
			return nil, mapErr(err)
		}
		out = append(out, it)
	}
	ar.SortOldestFirst(out)
	return out, mapErr(rows.Err())
}

func sortStrings(s []string) { sort.Strings(s) }

// Document returns one document without its ledger (see FindDocumentByID).
func (db *DB) Document(ctx context.Context, id int64) (ar.Document, error) {
	d, err := findDoc(ctx, db.sql, id)
	return d, mapErr(err)
}
