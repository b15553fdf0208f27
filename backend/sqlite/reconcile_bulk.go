package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"cartera/backend/ar"
	"cartera/backend/reconcile"
)

// runWriter records what a reconciliation run decided with few statements:
// rows go out in multi-row INSERTs and the amounts documents owe are lowered
// by one UPDATE over all of them, so that a run that accepts tens of
// thousands of deposits takes seconds, not minutes. It writes the same
// records a match accepted by hand does (matchWriter); the database's own
// checks (no open amount below zero) and a check of clients at the end guard
// what the matcher proposed, and any failure rolls the whole run back.
type runWriter struct {
	ctx     context.Context
	tx      *Tx
	now     string
	runID   int64
	nextPay int64
	nextMat int64
	nextAll int64
	firstAl int64
	batches map[string]*bulk
	// per document: what the run's payments and notes apply to it
	docs map[int64]*docChange
	cns  map[int64]int64 // per credit note: what the run applies of it
}

type docChange struct{ paid, credited int64 }

// bulk accumulates rows of one table for multi-row INSERTs.
type bulk struct {
	head string // "INSERT INTO t (a, b) VALUES "
	row  string // "(?,?)"
	cols int
	rows int
	args []any
}

const bulkRows = 400

func newRunWriter(ctx context.Context, tx *Tx, runID int64) (*runWriter, error) {
	w := &runWriter{ctx: ctx, tx: tx, now: ts(tx.now), runID: runID, batches: map[string]*bulk{}, docs: map[int64]*docChange{}, cns: map[int64]int64{}}
	for _, q := range []struct {
		n *int64
		t string
	}{{&w.nextPay, "payments"}, {&w.nextMat, "bank_matches"}, {&w.nextAll, "allocations"}} {
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(max(id), 0) + 1 FROM `+q.t).Scan(q.n); err != nil {
			return nil, err
		}
	}
	w.firstAl = w.nextAll
	return w, nil
}

func (w *runWriter) add(table string, cols []string, vals ...any) error {
	b := w.batches[table]
	if b == nil {
		b = &bulk{head: "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ", row: "(" + strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",") + ")", cols: len(cols)}
		w.batches[table] = b
	}
	b.args = append(b.args, vals...)
	b.rows++
	if b.rows == bulkRows {
		// Rows point to rows of the tables before them (a match to its
		// payment, an allocation to its match): those go first.
		for _, t := range bulkOrder {
			if t == table {
				break
			}
			if d := w.batches[t]; d != nil {
				if err := w.flush(d); err != nil {
					return err
				}
			}
		}
		return w.flush(b)
	}
	return nil
}

// bulkOrder is the order tables are written in, each after those its rows refer to.
var bulkOrder = []string{"payments", "bank_matches", "allocations", "audit_log", "temp.run_lines", "temp.run_docs"}

// flushAll writes every pending row, in bulkOrder.
func (w *runWriter) flushAll() error {
	for _, t := range bulkOrder {
		if b := w.batches[t]; b != nil {
			if err := w.flush(b); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *runWriter) flush(b *bulk) error {
	if b.rows == 0 {
		return nil
	}
	q := b.head + strings.TrimSuffix(strings.Repeat(b.row+",", b.rows), ",")
	if _, err := w.tx.ExecContext(w.ctx, q, b.args...); err != nil {
		return err
	}
	b.rows, b.args = 0, b.args[:0]
	return nil
}

var (
	runPayCols   = []string{"id", "client_id", "date", "currency", "amount_minor", "unallocated_minor", "method", "reference", "notes", "source", "source_ref", "created_at"}
	runMatchCols = []string{"id", "line_id", "payment_id", "run_id", "kind", "confidence", "reasons", "created_at", "os_user"}
	runAllocCols = []string{"id", "document_id", "payment_id", "credit_note_id", "amount_minor", "created_at", "bank_match_id"}
	runAuditCols = []string{"at", "os_user", "action", "entity", "entity_id", "before", "after"}
	runLineCols  = []string{"id", "category", "rule_id", "suggestions", "status"}
)

// result stores what the matcher made of line i (l) and counts it in rep:
// its class, its suggestions, or its automatic match.
func (w *runWriter) result(rep *ReconcileReport, i int, l BankLine, r reconcile.Result) error {
	rep.Results[i] = ReconcileResult{Line: l, Result: r}
	rep.Classified[string(r.Category)]++
	var rule any
	if r.RuleID != 0 {
		rule = r.RuleID
	}
	sugg, status := "", "pending"
	if r.Category == reconcile.CategoryDeposit {
		rep.Deposits++
		switch {
		case r.Auto:
			rep.Auto++
			status = "matched"
		case len(r.Proposals) > 0:
			rep.Suggested++
		default:
			rep.Unmatched++
		}
		if !r.Auto && len(r.Proposals) > 0 {
			b, _ := json.Marshal(r.Proposals)
			sugg = string(b)
		}
	}
	if err := w.line(r.LineID, string(r.Category), rule, sugg, status); err != nil {
		return err
	}
	if r.Auto {
		return w.match(l, r.Proposals[0])
	}
	return nil
}

// line records what the run made of a line (its class, its suggestions,
// matched or still pending), applied by finish in one UPDATE.
func (w *runWriter) line(id int64, category string, rule any, suggestions, status string) error {
	return w.add("temp.run_lines", runLineCols, id, category, rule, suggestions, status)
}

// match records an automatic match of line l as proposal p says.
func (w *runWriter) match(l BankLine, p reconcile.Proposal) error {
	var applied int64
	for _, a := range p.Allocs {
		if a.Amount <= 0 {
			return ar.Errorf(ar.EInternal, "lineId", "internal", "detail", fmt.Sprintf("line %d: allocation of %d", l.ID, a.Amount))
		}
		applied += a.Amount
	}
	if l.Amount <= 0 || applied > l.Amount {
		return ar.Errorf(ar.EInternal, "lineId", "internal", "detail", fmt.Sprintf("line %d: %d applied of %d", l.ID, applied, l.Amount))
	}
	payID, matchID := w.nextPay, w.nextMat
	w.nextPay++
	w.nextMat++
	ref := l.Reference
	if ref == "" {
		ref = truncateRunes(l.Description, 60)
	}
	if err := w.add("payments", runPayCols, payID, p.ClientID, l.Date, l.Currency, l.Amount, l.Amount-applied, "transfer", ref,
		truncateRunes(l.Description, 500), "bank", fmt.Sprintf("bank_line:%d", l.ID), w.now); err != nil {
		return err
	}
	reasons, _ := json.Marshal(p.Reasons)
	if err := w.add("bank_matches", runMatchCols, matchID, l.ID, payID, w.runID, "auto", p.Confidence, string(reasons), w.now, w.tx.user); err != nil {
		return err
	}
	for _, c := range p.Credits {
		if c.Amount <= 0 {
			return ar.Errorf(ar.EInternal, "lineId", "internal", "detail", fmt.Sprintf("line %d: credit of %d", l.ID, c.Amount))
		}
		if err := w.add("allocations", runAllocCols, w.nextAll, c.DocumentID, nil, c.CreditNoteID, c.Amount, w.now, matchID); err != nil {
			return err
		}
		w.nextAll++
		w.doc(c.DocumentID).credited += c.Amount
		w.cns[c.CreditNoteID] += c.Amount
	}
	for _, a := range p.Allocs {
		if err := w.add("allocations", runAllocCols, w.nextAll, a.DocumentID, payID, nil, a.Amount, w.now, matchID); err != nil {
			return err
		}
		w.nextAll++
		w.doc(a.DocumentID).paid += a.Amount
	}
	after, _ := json.Marshal(map[string]any{"line": l.ID, "payment": payID, "client": p.ClientID, "allocs": p.Allocs, "credits": p.Credits, "kind": "auto", "confidence": p.Confidence})
	return w.add("audit_log", runAuditCols, w.now, w.tx.user, "reconcile.auto", "bank_match", matchID, "", string(after))
}

func (w *runWriter) doc(id int64) *docChange {
	d := w.docs[id]
	if d == nil {
		d = &docChange{}
		w.docs[id] = d
	}
	return d
}

// finish writes what is pending and applies the amounts and the lines'
// states, then checks that every allocation of the run went to a document
// of its payment's client, in its currency, still owed.
func (w *runWriter) finish() error {
	if err := w.flushAll(); err != nil {
		return err
	}
	ctx, tx := w.ctx, w.tx
	if _, err := tx.ExecContext(ctx, `DELETE FROM temp.run_docs`); err != nil {
		return err
	}
	for id, d := range w.docs {
		if err := w.add("temp.run_docs", []string{"id", "paid", "credited", "note"}, id, d.paid+d.credited, d.credited, 0); err != nil {
			return err
		}
	}
	for id, amount := range w.cns {
		if err := w.add("temp.run_docs", []string{"id", "paid", "credited", "note"}, id, amount, 0, 1); err != nil {
			return err
		}
	}
	if err := w.flushAll(); err != nil {
		return err
	}
	// Open amounts never go below zero (the table's CHECK refuses it).
	if _, err := tx.ExecContext(ctx, `UPDATE documents SET open_minor = open_minor - t.paid, credited_minor = credited_minor + t.credited
		FROM temp.run_docs t WHERE documents.id = t.id`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE bank_lines SET category = t.category, rule_id = t.rule_id, suggestions = t.suggestions, status = t.status
		FROM temp.run_lines t WHERE bank_lines.id = t.id`); err != nil {
		return err
	}
	var bad int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM allocations a JOIN documents d ON d.id = a.document_id
		LEFT JOIN payments p ON p.id = a.payment_id LEFT JOIN documents cn ON cn.id = a.credit_note_id
		WHERE a.id >= ? AND (COALESCE(p.client_id, cn.client_id) <> d.client_id OR COALESCE(p.currency, cn.currency) <> d.currency
			OR d.kind = 'credit_note' OR d.voided_at IS NOT NULL OR (cn.id IS NOT NULL AND (cn.kind <> 'credit_note' OR cn.voided_at IS NOT NULL)))`, w.firstAl).Scan(&bad); err != nil {
		return err
	}
	if bad > 0 {
		return ar.Errorf(ar.EInternal, "runId", "internal", "detail", fmt.Sprintf("%d allocations of the run do not fit their documents", bad))
	}
	return nil
}

// createRunTables makes the temporary tables a run writes through (they live
// with the connection and are emptied for each run).
func createRunTables(ctx context.Context, tx *Tx) error {
	_, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS run_lines (id INTEGER PRIMARY KEY, category TEXT, rule_id INTEGER, suggestions TEXT, status TEXT);
		CREATE TEMP TABLE IF NOT EXISTS run_docs (id INTEGER PRIMARY KEY, paid INTEGER, credited INTEGER, note INTEGER);
		DELETE FROM temp.run_lines; DELETE FROM temp.run_docs;`)
	return err
}
