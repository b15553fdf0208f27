package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"cartera/backend/ar"
)

// Loader writes a large number of records into a new portfolio fast: one
// transaction, no journal, secondary indexes built at the end, rows sent in
// multi-row INSERTs by a goroutine of their own so that the caller prepares
// the next rows while SQLite stores the last ones. It is for files nobody else
// has yet (the demo generator, a first import into a fresh file): a crash
// leaves a file to throw away, so callers write to a temporary name and
// rename it when Finish succeeds.
//
// A Loader is used from one goroutine. Errors from the writer come back on a
// later call.
type Loader struct {
	db      *sql.DB
	tx      *sql.Tx
	ctx     context.Context
	now     string
	indexes []string
	batches map[string]*batch
	work    chan loadJob
	free    chan []any
	done    chan struct{}
	err     error // the writer's first error; read after done is closed or via failed
	errOnce sync.Once
	failed  chan struct{}
	stmts   map[string]*sql.Stmt // the writer's prepared full-batch statements
}

// batch accumulates rows of one table until a multi-row INSERT is worth it.
type batch struct {
	table string // "name (col, col…)"
	row   string // "(?,?,…,'stamp')"
	cols  int    // bound columns
	rows  int
	args  []any
}

// loadJob is one multi-row INSERT for the writer.
type loadJob struct {
	table string
	row   string
	rows  int
	args  []any
}

const loaderBatch = 500

// NewLoader opens the portfolio at path (created with Create and closed) for
// bulk loading. Secondary indexes are dropped and rebuilt by Finish, except
// those named in keep: an index whose key grows with the order rows are
// added in costs less to keep than to rebuild.
func NewLoader(ctx context.Context, path string, now time.Time, keep ...string) (*Loader, error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(OFF)", "synchronous(OFF)", "foreign_keys(0)", "cache_size(-100000)", "temp_store(MEMORY)", "locking_mode(EXCLUSIVE)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?"+q.Encode())
	if err != nil {
		return nil, mapErr(err)
	}
	db.SetMaxOpenConns(1)
	l := &Loader{db: db, ctx: ctx, now: ts(now), batches: map[string]*batch{},
		work: make(chan loadJob, 8), free: make(chan []any, 10), done: make(chan struct{}),
		failed: make(chan struct{}), stmts: map[string]*sql.Stmt{}}
	if _, err := db.ExecContext(ctx, "PRAGMA page_size = 8192; VACUUM"); err != nil {
		db.Close()
		return nil, mapErr(err)
	}
	rows, err := db.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`)
	if err != nil {
		db.Close()
		return nil, mapErr(err)
	}
	var names []string
	for rows.Next() {
		var name, s string
		rows.Scan(&name, &s)
		if slices.Contains(keep, name) {
			continue
		}
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
	go l.write()
	return l, nil
}

// write runs the INSERTs the caller queues, in order, until the queue is closed.
func (l *Loader) write() {
	defer close(l.done)
	for j := range l.work {
		select {
		case <-l.failed: // after a failure (or Abort) the rest is only drained
		default:
			if err := l.exec(j); err != nil {
				l.fail(err)
			}
		}
		select {
		case l.free <- j.args[:0]:
		default:
		}
	}
	for _, st := range l.stmts {
		st.Close()
	}
}

func (l *Loader) fail(err error) {
	l.errOnce.Do(func() {
		l.err = err
		close(l.failed)
	})
}

func (l *Loader) exec(j loadJob) error {
	if err := l.ctx.Err(); err != nil {
		return ar.Wrap(ar.ECanceled, err, "canceled")
	}
	if j.rows != loaderBatch {
		_, err := l.tx.ExecContext(l.ctx, insertSQL(j.table, j.row, j.rows), j.args...)
		return mapErr(err)
	}
	st := l.stmts[j.table]
	if st == nil {
		var err error
		if st, err = l.tx.PrepareContext(l.ctx, insertSQL(j.table, j.row, j.rows)); err != nil {
			return mapErr(err)
		}
		l.stmts[j.table] = st
	}
	_, err := st.ExecContext(l.ctx, j.args...)
	return mapErr(err)
}

func (l *Loader) add(table string, cols []string, vals ...any) error {
	b := l.batches[table]
	if b == nil {
		b = l.newBatch(table, cols)
		l.batches[table] = b
	}
	if b.args == nil {
		select {
		case b.args = <-l.free:
		default:
			b.args = make([]any, 0, loaderBatch*b.cols)
		}
	}
	b.args = append(b.args, vals...)
	b.rows++
	if b.rows == loaderBatch {
		return l.flush(b)
	}
	return nil
}

// flush hands the batch to the writer.
func (l *Loader) flush(b *batch) error {
	if b.rows == 0 {
		return nil
	}
	if err := l.ctx.Err(); err != nil {
		return ar.Wrap(ar.ECanceled, err, "canceled")
	}
	if l.work == nil {
		return ar.Errorf(ar.EInternal, "", "internal") // rows added after Audit or Finish: a bug
	}
	select {
	case l.work <- loadJob{table: b.table, row: b.row, rows: b.rows, args: b.args}:
	case <-l.failed:
		return l.err
	}
	b.rows, b.args = 0, nil
	return nil
}

// flushAll queues the partial batches and waits for the writer to run
// everything: afterwards the transaction is the caller's alone and no more
// rows can be added.
func (l *Loader) flushAll() error {
	for _, t := range []string{"clients", "contacts", "documents", "payments", "allocations"} {
		if b := l.batches[t]; b != nil {
			if err := l.flush(b); err != nil {
				return err
			}
		}
	}
	return l.drain()
}

// drain waits until the writer has run everything queued, and stops it.
func (l *Loader) drain() error {
	if l.work == nil {
		return l.err
	}
	close(l.work)
	<-l.done
	l.work = nil
	return l.err
}

// newBatch prepares the INSERT of a table. Columns named "x=" are not bound
// but take the load's timestamp as a literal: the same for every row, so
// there is no point in binding it millions of times.
func (l *Loader) newBatch(table string, cols []string) *batch {
	names := make([]string, len(cols))
	vals := make([]string, len(cols))
	b := &batch{}
	for i, c := range cols {
		if n, ok := strings.CutSuffix(c, "="); ok {
			names[i], vals[i] = n, "'"+l.now+"'"
			continue
		}
		names[i], vals[i] = c, "?"
		b.cols++
	}
	b.table = table + " (" + strings.Join(names, ", ") + ")"
	b.row = "(" + strings.Join(vals, ",") + ")"
	return b
}

func insertSQL(table, row string, rows int) string {
	return "INSERT INTO " + table + " VALUES " + strings.Repeat(row+",", rows-1) + row
}

var (
	clientCols  = []string{"id", "legal_name", "trade_name", "tax_id", "tax_id_status", "country", "payment_terms_days", "credit_limit_minor", "segment", "tags", "notes", "search_text", "name_key", "tax_id_key", "source", "created_at=", "updated_at="}
	contactCols = []string{"client_id", "position", "name", "role", "email", "phone", "channel"}
	docCols     = []string{"id", "client_id", "kind", "number", "issue_date", "due_date", "currency", "amount_minor", "open_minor", "credited_minor", "applies_to_id", "description", "source", "created_at="}
	payCols     = []string{"id", "client_id", "date", "currency", "amount_minor", "unallocated_minor", "method", "reference", "source", "created_at="}
	allocCols   = []string{"document_id", "payment_id", "credit_note_id", "amount_minor", "created_at="}
)

// Client adds a client with the ID the caller chose, and its contacts.
func (l *Loader) Client(c ar.Client) error {
	if err := l.add("clients", clientCols, c.ID, c.LegalName, c.TradeName, c.TaxID, string(c.TaxIDStatus), c.Country, c.PaymentTermsDays, c.CreditLimit,
		c.Segment, strings.Join(c.Tags, "\t"), c.Notes, searchText(c), nameKey(c), taxIDKey(c), string(c.Source)); err != nil {
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
		d.Amount, d.Open, d.Credited, applies, d.Description, string(d.Source))
}

// Payment adds a payment with its ID and unallocated amount.
func (l *Loader) Payment(p ar.Payment) error {
	return l.add("payments", payCols, p.ID, p.ClientID, p.Date.String(), p.Currency, p.Amount, p.Unallocated, p.Method, p.Reference, string(p.Source))
}

// Allocation adds an allocation.
func (l *Loader) Allocation(a ar.Allocation) error {
	var pay, cn any
	if a.PaymentID != 0 {
		pay = a.PaymentID
	} else {
		cn = a.CreditNoteID
	}
	return l.add("allocations", allocCols, a.DocumentID, pay, cn, a.Amount)
}

// Audit records in the audit log what the load was (one entry, not one per row).
func (l *Loader) Audit(action string, detail any) error {
	if err := l.flushAll(); err != nil {
		return err
	}
	_, err := l.tx.ExecContext(l.ctx, `INSERT INTO audit_log (at, os_user, action, entity, entity_id, before, after) VALUES (?,?,?,?,?,?,?)`,
		l.now, osUser(), action, "portfolio", 1, "", jsonText(detail))
	return mapErr(err)
}

// Finish writes what is pending, builds the indexes, commits and closes.
// progress is told as each index is built.
func (l *Loader) Finish(progress func(done, total int)) error {
	if err := l.flushAll(); err != nil {
		l.Abort()
		return err
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
	l.fail(ar.Wrap(ar.ECanceled, context.Canceled, "canceled"))
	l.drain()
	l.tx.Rollback()
	l.db.Close()
}
