package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"cartera/backend/ar"
)

// Loader writes a large number of records into a new portfolio fast: one
// transaction, no journal, secondary indexes built at the end, rows sent in
// multi-row INSERTs. It is for files nobody else has yet (the demo generator,
// a first import into a fresh file): a crash leaves a file to throw away, so
// callers write to a temporary name and rename it when Finish succeeds.
type Loader struct {
	db      *sql.DB
	tx      *sql.Tx
	ctx     context.Context
	now     string
	indexes []string
	batches map[string]*batch
}

// batch accumulates rows of one table until a multi-row INSERT is worth it.
type batch struct {
	table string
	cols  int
	rows  int
	args  []any
	stmt  *sql.Stmt // for a full batch
}

const loaderBatch = 200

// NewLoader opens the portfolio at path (created with Create and closed) for bulk loading.
func NewLoader(ctx context.Context, path string, now time.Time) (*Loader, error) {
	q := "file:" + path + "?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)&_pragma=foreign_keys(0)&_pragma=cache_size(-400000)&_pragma=temp_store(MEMORY)&_pragma=locking_mode(EXCLUSIVE)"
	db, err := sql.Open("sqlite", q)
	if err != nil {
		return nil, mapErr(err)
	}
	db.SetMaxOpenConns(1)
	l := &Loader{db: db, ctx: ctx, now: ts(now), batches: map[string]*batch{}}
	rows, err := db.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`)
	if err != nil {
		db.Close()
		return nil, mapErr(err)
	}
	var names []string
	for rows.Next() {
		var name, s string
		rows.Scan(&name, &s)
		names = append(names, name)
		l.indexes = append(l.indexes, s)
	}
	rows.Close()
	for _, n := range names {
		if _, err := db.ExecContext(ctx, "DROP INDEX "+n); err != nil {
			db.Close()
			return nil, mapErr(err)
		}
	}
	if l.tx, err = db.BeginTx(ctx, nil); err != nil {
		db.Close()
		return nil, mapErr(err)
	}
	return l, nil
}

func (l *Loader) add(table string, cols []string, vals ...any) error {
	b := l.batches[table]
	if b == nil {
		b = &batch{table: table + " (" + strings.Join(cols, ", ") + ")", cols: len(cols)}
		l.batches[table] = b
	}
	b.args = append(b.args, vals...)
	b.rows++
	if b.rows == loaderBatch {
		return l.flush(b)
	}
	return nil
}

func (l *Loader) flush(b *batch) error {
	if b.rows == 0 {
		return nil
	}
	if err := l.ctx.Err(); err != nil {
		return ar.Wrap(ar.ECanceled, err, "canceled")
	}
	var err error
	if b.rows == loaderBatch {
		if b.stmt == nil {
			if b.stmt, err = l.tx.PrepareContext(l.ctx, insertSQL(b.table, b.cols, b.rows)); err != nil {
				return mapErr(err)
			}
		}
		_, err = b.stmt.ExecContext(l.ctx, b.args...)
	} else {
		_, err = l.tx.ExecContext(l.ctx, insertSQL(b.table, b.cols, b.rows), b.args...)
	}
	b.rows, b.args = 0, b.args[:0]
	return mapErr(err)
}

func insertSQL(table string, cols, rows int) string {
	row := "(" + strings.Repeat("?,", cols-1) + "?)"
	return "INSERT INTO " + table + " VALUES " + strings.Repeat(row+",", rows-1) + row
}

var (
	clientCols  = []string{"id", "legal_name", "trade_name", "tax_id", "tax_id_status", "country", "payment_terms_days", "credit_limit_minor", "segment", "tags", "notes", "search_text", "source", "created_at", "updated_at"}
	contactCols = []string{"client_id", "position", "name", "role", "email", "phone", "channel"}
	docCols     = []string{"id", "client_id", "kind", "number", "issue_date", "due_date", "currency", "amount_minor", "open_minor", "credited_minor", "applies_to_id", "description", "source", "created_at"}
	payCols     = []string{"id", "client_id", "date", "currency", "amount_minor", "unallocated_minor", "method", "reference", "source", "created_at"}
	allocCols   = []string{"document_id", "payment_id", "credit_note_id", "amount_minor", "created_at"}
)

// Client adds a client with the ID the caller chose, and its contacts.
func (l *Loader) Client(c ar.Client) error {
	if err := l.add("clients", clientCols, c.ID, c.LegalName, c.TradeName, c.TaxID, string(c.TaxIDStatus), c.Country, c.PaymentTermsDays, c.CreditLimit,
		c.Segment, strings.Join(c.Tags, "\t"), c.Notes, searchText(c), "demo", l.now, l.now); err != nil {
		return err
	}
	for i, ct := range c.Contacts {
		if err := l.add("contacts", contactCols, c.ID, i, ct.Name, ct.Role, ct.Email, ct.Phone, string(ct.Channel)); err != nil {
			return err
		}
	}
	return nil
}

// Document adds a document with its ID, open and credited amounts already
// computed by the caller (Check verifies them afterwards).
func (l *Loader) Document(d ar.Document) error {
	var applies any
	if d.AppliesToID != 0 {
		applies = d.AppliesToID
	}
	return l.add("documents", docCols, d.ID, d.ClientID, string(d.Kind), d.Number, d.IssueDate.String(), d.DueDate.String(), d.Currency,
		d.Amount, d.Open, d.Credited, applies, d.Description, string(d.Source), l.now)
}

// Payment adds a payment with its ID and unallocated amount.
func (l *Loader) Payment(p ar.Payment) error {
	return l.add("payments", payCols, p.ID, p.ClientID, p.Date.String(), p.Currency, p.Amount, p.Unallocated, p.Method, p.Reference, string(p.Source), l.now)
}

// Allocation adds an allocation.
func (l *Loader) Allocation(a ar.Allocation) error {
	var pay, cn any
	if a.PaymentID != 0 {
		pay = a.PaymentID
	} else {
		cn = a.CreditNoteID
	}
	return l.add("allocations", allocCols, a.DocumentID, pay, cn, a.Amount, l.now)
}

// Audit records in the audit log what the load was (one entry, not one per row).
func (l *Loader) Audit(action string, detail any) error {
	_, err := l.tx.ExecContext(l.ctx, `INSERT INTO audit_log (at, os_user, action, entity, entity_id, before, after) VALUES (?,?,?,?,?,?,?)`,
		l.now, osUser(), action, "portfolio", 1, "", jsonText(detail))
	return mapErr(err)
}

// Finish writes what is pending, builds the indexes, commits and closes.
// progress is told as each index is built.
func (l *Loader) Finish(progress func(done, total int)) error {
	for _, t := range []string{"clients", "contacts", "documents", "payments", "allocations"} {
		if b := l.batches[t]; b != nil {
			if err := l.flush(b); err != nil {
				l.Abort()
				return err
			}
			if b.stmt != nil {
				b.stmt.Close()
			}
		}
	}
	for i, s := range l.indexes {
		if progress != nil {
			progress(i, len(l.indexes))
		}
		if _, err := l.tx.ExecContext(l.ctx, s); err != nil {
			l.Abort()
			return mapErr(fmt.Errorf("%s: %w", s, err))
		}
	}
	if _, err := l.tx.ExecContext(l.ctx, "PRAGMA analysis_limit = 400; ANALYZE"); err != nil {
		l.Abort()
		return mapErr(err)
	}
	if err := l.tx.Commit(); err != nil {
		l.db.Close()
		return mapErr(err)
	}
	if _, err := l.db.ExecContext(l.ctx, "PRAGMA journal_mode = WAL"); err != nil {
		l.db.Close()
		return mapErr(err)
	}
	return mapErr(l.db.Close())
}

// Abort gives up: nothing is committed.
func (l *Loader) Abort() {
	l.tx.Rollback()
	l.db.Close()
}
