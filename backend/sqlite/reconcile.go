package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/reconcile"
)

// BankLine is one stored statement line with where it stands.
type BankLine struct {
	ID          int64     `json:"id"`
	AccountID   int64     `json:"accountId"`
	ImportID    int64     `json:"importId"`
	FileName    string    `json:"fileName"`
	Row         int       `json:"row"`
	Date        date.Date `json:"date" ts_type:"string"`
	Amount      int64     `json:"amount"`
	Currency    string    `json:"currency"`
	Description string    `json:"description"`
	Reference   string    `json:"reference"`
	Payer       string    `json:"payer"`
	PayerID     string    `json:"payerId"`
	Category    string    `json:"category"` // deposit, fee, tax, transfer, outgoing, ignored, reversal
	Status      string    `json:"status"`   // pending, matched, ignored
	// Suggestions are the matcher's ranked proposals at its last run (pending deposits).
	Suggestions []reconcile.Proposal `json:"suggestions"`
	// Match is the accepted match of a matched line.
	Match *BankMatch `json:"match"`
}

// BankMatch is a deposit accepted as a payment.
type BankMatch struct {
	ID         int64              `json:"id"`
	PaymentID  int64              `json:"paymentId"`
	ClientID   int64              `json:"clientId"`
	ClientName string             `json:"clientName"`
	RunID      int64              `json:"runId"`
	Kind       string             `json:"kind"` // auto or manual
	Confidence float64            `json:"confidence"`
	Reasons    []reconcile.Reason `json:"reasons"`
	Documents  []string           `json:"documents"` // numbers of the documents it paid
	At         time.Time          `json:"at" ts_type:"string"`
	User       string             `json:"user"`
}

// BankLineFilter selects a page of statement lines.
type BankLineFilter struct {
	AccountID int64 `json:"accountId"`
	ImportID  int64 `json:"importId"`
	// Status: "queue" (pending deposits, the default), "matched", "ignored",
	// "other" (fees, taxes, transfers, money out), or "all".
	Status string `json:"status"`
	Search string `json:"search"` // description, reference, payer or amount as written
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"`
}

// BankLinePage is a page of lines, how many match, and the queue's counts.
type BankLinePage struct {
	Rows    []BankLine `json:"rows"`
	Total   int        `json:"total"`
	Pending int        `json:"pending"` // deposits waiting, over all accounts
	Auto    int        `json:"auto"`    // lines matched automatically and not undone
	Matched int        `json:"matched"` // all matched lines
	// Accounts is how many bank accounts the portfolio keeps (none: nothing imported yet).
	Accounts int `json:"accounts"`
}

var bankLineStatusSQL = map[string]string{
	"queue":   "l.status = 'pending' AND l.category = 'deposit'",
	"matched": "l.status = 'matched'",
	"ignored": "l.status = 'ignored'",
	"other":   "l.status = 'pending' AND l.category <> 'deposit'",
	"all":     "l.status <> 'removed'",
}

const bankLineColumns = `l.id, l.account_id, s.import_id, i.file_name, l.row, l.date, l.amount_minor, l.currency, l.description, l.reference, l.payer, l.payer_id, l.category, l.status, l.suggestions`

// FindBankLines returns a page of lines, oldest first.
func (db *DB) FindBankLines(ctx context.Context, f BankLineFilter) (BankLinePage, error) {
	page := BankLinePage{Rows: []BankLine{}}
	if f.Status == "" {
		f.Status = "queue"
	}
	cond, ok := bankLineStatusSQL[f.Status]
	if !ok {
		return page, ar.Errorf(ar.EInvalid, "status", "status.unknown", "value", f.Status)
	}
	where, args := []string{cond}, []any{}
	if f.AccountID > 0 {
		where, args = append(where, "l.account_id = ?"), append(args, f.AccountID)
	}
	if f.ImportID > 0 {
		where, args = append(where, "s.import_id = ?"), append(args, f.ImportID)
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		like := "%" + likeEscape(s) + "%"
		c := `(l.description LIKE ? ESCAPE '\' OR l.reference LIKE ? ESCAPE '\' OR l.payer LIKE ? ESCAPE '\'`
		args = append(args, like, like, like)
		if digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, s); digits != "" && len(digits) >= len(strings.TrimSpace(s))/2 {
			c += ` OR CAST(l.amount_minor AS TEXT) LIKE ?`
			args = append(args, digits+"%")
		}
		where = append(where, c+")")
	}
	from := ` FROM bank_lines l JOIN bank_statements s ON s.id = l.statement_id JOIN bank_imports i ON i.id = s.import_id WHERE ` + strings.Join(where, " AND ")
	// Counting needs the statement only to filter by import.
	counted := ` FROM bank_lines l WHERE ` + strings.Join(where, " AND ")
	if f.ImportID > 0 {
		counted = from
	}
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*)`+counted, args...).Scan(&page.Total); err != nil {
		return page, mapErr(err)
	}
	if f.Status == "queue" && f.AccountID == 0 && f.ImportID == 0 && strings.TrimSpace(f.Search) == "" {
		page.Pending = page.Total
	} else {
		db.sql.QueryRowContext(ctx, `SELECT count(*) FROM bank_lines WHERE status = 'pending' AND category = 'deposit'`).Scan(&page.Pending)
	}
	db.sql.QueryRowContext(ctx, `SELECT count(*), COALESCE(SUM(kind = 'auto'), 0) FROM bank_matches WHERE undone_at IS NULL`).Scan(&page.Matched, &page.Auto)
	db.sql.QueryRowContext(ctx, `SELECT count(*) FROM bank_accounts`).Scan(&page.Accounts)
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 200
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+bankLineColumns+from+fmt.Sprintf(` ORDER BY l.date, l.id LIMIT %d OFFSET %d`, limit, max(0, f.Offset)), args...)
	if err != nil {
		return page, mapErr(err)
	}
	err = each(rows, func(rows *sql.Rows) error {
		l, err := scanBankLine(rows)
		page.Rows = append(page.Rows, l)
		return err
	})
	rows.Close()
	if err != nil {
		return page, err
	}
	for i := range page.Rows {
		if page.Rows[i].Status == "matched" {
			m, err := db.matchOfLine(ctx, db.sql, page.Rows[i].ID)
			if err != nil {
				return page, err
			}
			page.Rows[i].Match = m
		}
	}
	return page, nil
}

func scanBankLine(s interface{ Scan(...any) error }) (BankLine, error) {
	var l BankLine
	var sugg string
	err := s.Scan(&l.ID, &l.AccountID, &l.ImportID, &l.FileName, &l.Row, &l.Date, &l.Amount, &l.Currency, &l.Description, &l.Reference, &l.Payer, &l.PayerID, &l.Category, &l.Status, &sugg)
	l.Suggestions = []reconcile.Proposal{}
	if sugg != "" && l.Status == "pending" {
		json.Unmarshal([]byte(sugg), &l.Suggestions)
	}
	return l, err
}

// FindBankLine returns one line.
func (db *DB) FindBankLine(ctx context.Context, id int64) (BankLine, error) {
	return findBankLine(ctx, db.sql, id)
}

func findBankLine(ctx context.Context, q querier, id int64) (BankLine, error) {
	l, err := scanBankLine(q.QueryRowContext(ctx, `SELECT `+bankLineColumns+` FROM bank_lines l JOIN bank_statements s ON s.id = l.statement_id JOIN bank_imports i ON i.id = s.import_id
		WHERE l.id = ? AND l.status <> 'removed'`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return l, ar.Errorf(ar.ENotFound, "lineId", "bank.line_not_found", "id", fmt.Sprint(id))
	}
	if err != nil {
		return l, err
	}
	if l.Status == "matched" {
		l.Match, err = (&DB{}).matchOfLine(ctx, q, id)
	}
	return l, err
}

// pendingLine is a line still waiting for a decision.
func pendingLine(ctx context.Context, q querier, id int64) (BankLine, error) {
	l, err := findBankLine(ctx, q, id)
	if err == nil && l.Status != "pending" {
		err = ar.Errorf(ar.EConflict, "lineId", "bank.line_not_pending")
	}
	return l, err
}

func (db *DB) matchOfLine(ctx context.Context, q querier, lineID int64) (*BankMatch, error) {
	var m BankMatch
	var run sql.NullInt64
	var reasons, at string
	err := q.QueryRowContext(ctx, `SELECT m.id, m.payment_id, p.client_id, c.legal_name, m.run_id, m.kind, m.confidence, m.reasons, m.created_at, m.os_user
		FROM bank_matches m JOIN payments p ON p.id = m.payment_id JOIN clients c ON c.id = p.client_id
		WHERE m.line_id = ? AND m.undone_at IS NULL ORDER BY m.id DESC LIMIT 1`, lineID).
		Scan(&m.ID, &m.PaymentID, &m.ClientID, &m.ClientName, &run, &m.Kind, &m.Confidence, &reasons, &at, &m.User)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	m.RunID, m.At = run.Int64, parseTS(at)
	json.Unmarshal([]byte(reasons), &m.Reasons)
	rows, err := q.QueryContext(ctx, `SELECT d.number FROM allocations a JOIN documents d ON d.id = a.document_id
		WHERE a.reversed_at IS NULL AND (a.payment_id = ? OR a.bank_match_id = ?) AND d.kind <> 'credit_note' GROUP BY d.id ORDER BY d.due_date, d.id`, m.PaymentID, m.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m.Documents = []string{}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		m.Documents = append(m.Documents, n)
	}
	return &m, rows.Err()
}

// ReconcileOptions say how a reconciliation run works.
type ReconcileOptions struct {
	// AutoThreshold is the confidence from which an unambiguous match is
	// accepted without asking; 0 takes the matcher's default.
	AutoThreshold float64
	// NoAuto computes suggestions only.
	NoAuto bool
	DryRun bool
	Today  date.Date
}

// ReconcileResult is one line of a run with what the matcher made of it.
type ReconcileResult struct {
	Line   BankLine         `json:"line"`
	Result reconcile.Result `json:"result"`
}

// ReconcileReport is what a run did (or, dry, would do).
type ReconcileReport struct {
	RunID      int64             `json:"runId"`
	Lines      int               `json:"lines"`     // lines looked at
	Deposits   int               `json:"deposits"`  // of them, deposits to match
	Auto       int               `json:"auto"`      // accepted automatically
	Suggested  int               `json:"suggested"` // deposits with at least one suggestion left for the user
	Unmatched  int               `json:"unmatched"` // deposits with no suggestion
	Classified map[string]int    `json:"classified"`
	Results    []ReconcileResult `json:"results"`
	DryRun     bool              `json:"dryRun"`
}

// Reconcile runs the matcher over every pending line: it classifies fees,
// taxes, transfers and money out by the rules, records the unambiguous
// high-confidence matches as payments (the same records a manual payment
// makes) and keeps the ranked suggestions of the rest for the user. All in
// one transaction: a run is recorded whole or not at all. With DryRun nothing
// is written and the report says what would be.
func (db *DB) Reconcile(ctx context.Context, opt ReconcileOptions) (ReconcileReport, error) {
	rep := ReconcileReport{DryRun: opt.DryRun, Classified: map[string]int{}}
	err := db.writeOrDry(ctx, opt.DryRun, func(tx *Tx) error {
		if err := ensureDefaultRules(ctx, tx); err != nil {
			return err
		}
		country, clients, docs, rules, err := bookInputs(ctx, tx)
		if err != nil {
			return err
		}
		// The matcher builds its indexes on one core while the lines are read on the other.
		bookc := make(chan *reconcile.Book, 1)
		go func() { bookc <- reconcile.NewBook(country, clients, docs, rules) }()
		lines, stored, err := pendingLines(ctx, tx)
		book := <-bookc
		if err != nil {
			return err
		}
		rep.Lines = len(lines)
		mopt := reconcile.Options{AutoThreshold: opt.AutoThreshold, Today: opt.Today}
		if opt.NoAuto {
			mopt.AutoThreshold = 2 // above any confidence
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO reconcile_runs (at, os_user, lines, auto) VALUES (?,?,?,0)`, ts(tx.now), tx.user, len(lines))
		if err != nil {
			return err
		}
		rep.RunID, _ = res.LastInsertId()
		if err := createRunTables(ctx, tx); err != nil {
			return err
		}
		w, err := newRunWriter(ctx, tx, rep.RunID)
		if err != nil {
			return err
		}
		rep.Results = make([]ReconcileResult, len(lines))
		// What the matcher settles is stored while it matches the next lines.
		type stretch struct {
			from    int
			results []reconcile.Result
		}
		work := make(chan stretch, 512)
		werr := make(chan error, 1)
		go func() {
			var first error
			for st := range work {
				for k, r := range st.results {
					if first == nil {
						first = w.result(&rep, st.from+k, stored[st.from+k], r)
					}
				}
			}
			werr <- first
		}()
		book.RunEach(lines, mopt, func(from int, rs []reconcile.Result) { work <- stretch{from, rs} })
		close(work)
		if err := <-werr; err != nil {
			return err
		}
		if err := w.finish(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE reconcile_runs SET auto = ? WHERE id = ?`, rep.Auto, rep.RunID); err != nil {
			return err
		}
		return tx.audit("reconcile", "reconcile_run", rep.RunID, nil, map[string]int{"lines": rep.Lines, "auto": rep.Auto})
	})
	if opt.DryRun {
		rep.RunID = 0
	}
	return rep, err
}

// bookInputs reads what the matcher needs: clients, open documents and rules.
// The million open documents of a large portfolio are scanned as raw bytes
// (no string per date, kind or currency), which halves the time it takes.
func bookInputs(ctx context.Context, tx *Tx) (country string, clients []reconcile.Client, docs []reconcile.Document, rules []reconcile.Rule, err error) {
	if err = tx.QueryRowContext(ctx, `SELECT country FROM portfolio`).Scan(&country); err != nil {
		return
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, tax_id, legal_name, trade_name, country FROM clients WHERE archived_at IS NULL`)
	if err != nil {
		return
	}
	for rows.Next() {
		var c reconcile.Client
		if err = rows.Scan(&c.ID, &c.TaxID, &c.LegalName, &c.TradeName, &c.Country); err != nil {
			rows.Close()
			return
		}
		clients = append(clients, c)
	}
	rows.Close()
	if err = rows.Err(); err != nil {
		return
	}
	// The largest id bounds how many documents there are, without a count that reads them all.
	var n int
	tx.QueryRowContext(ctx, `SELECT COALESCE(max(id), 0) FROM documents`).Scan(&n)
	docs = make([]reconcile.Document, 0, min(n, 10_000_000))
	rows, err = tx.QueryContext(ctx, `SELECT id, client_id, kind, number, issue_date, due_date, currency, open_minor, COALESCE(applies_to_id, 0) FROM documents WHERE open_minor > 0 AND voided_at IS NULL`)
	if err != nil {
		return
	}
	var kind, issue, due, cur sql.RawBytes
	currencies := map[string]string{}
	for rows.Next() {
		var d reconcile.Document
		if err = rows.Scan(&d.ID, &d.ClientID, &kind, &d.Number, &issue, &due, &cur, &d.Open, &d.AppliesToID); err != nil {
			rows.Close()
			return
		}
		switch string(kind) {
		case string(ar.KindInvoice):
			d.Kind = ar.KindInvoice
		case string(ar.KindCreditNote):
			d.Kind = ar.KindCreditNote
		default:
			d.Kind = ar.KindDebitNote
		}
		c, ok := currencies[string(cur)]
		if !ok {
			c = string(cur)
			currencies[c] = c
		}
		d.Currency = c
		d.IssueDate, _ = date.Parse(string(issue))
		d.DueDate, _ = date.Parse(string(due))
		docs = append(docs, d)
	}
	rows.Close()
	if err = rows.Err(); err != nil {
		return
	}
	rules, err = bankRules(ctx, tx)
	return
}

// pendingLines are the lines a run looks at: every pending one (a rule
// added since may classify one that was a deposit, or the reverse).
func pendingLines(ctx context.Context, tx *Tx) ([]reconcile.Line, []BankLine, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+bankLineColumns+`, a.number FROM bank_lines l JOIN bank_statements s ON s.id = l.statement_id
		JOIN bank_imports i ON i.id = s.import_id JOIN bank_accounts a ON a.id = l.account_id
		WHERE l.status = 'pending' AND l.reversal = 0 ORDER BY l.date, l.id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var lines []reconcile.Line
	var stored []BankLine
	for rows.Next() {
		var account string
		var sugg string
		var l BankLine
		if err := rows.Scan(&l.ID, &l.AccountID, &l.ImportID, &l.FileName, &l.Row, &l.Date, &l.Amount, &l.Currency, &l.Description, &l.Reference, &l.Payer, &l.PayerID, &l.Category, &l.Status, &sugg, &account); err != nil {
			return nil, nil, err
		}
		stored = append(stored, l)
		lines = append(lines, reconcile.Line{ID: l.ID, Date: l.Date, Amount: l.Amount, Currency: l.Currency, Description: l.Description,
			Reference: l.Reference, Payer: l.Payer, PayerID: l.PayerID, Account: account})
	}
	return lines, stored, rows.Err()
}

// matchWriter records accepted matches with prepared statements, so that a
// run accepting tens of thousands of deposits stays quick.
type matchWriter struct {
	ctx                                     context.Context
	tx                                      *Tx
	pay, alloc, docOpen, payUnalloc, cnOpen *sql.Stmt
	match, line, audit                      *sql.Stmt
}

func newMatchWriter(ctx context.Context, tx *Tx) (*matchWriter, error) {
	w := &matchWriter{ctx: ctx, tx: tx}
	for _, p := range []struct {
		s **sql.Stmt
		q string
	}{
		{&w.pay, `INSERT INTO payments (client_id, date, currency, amount_minor, unallocated_minor, method, reference, notes, source, source_ref, created_at) VALUES (?,?,?,?,?,'transfer',?,?,'bank',?,?)`},
		{&w.alloc, `INSERT INTO allocations (document_id, payment_id, credit_note_id, amount_minor, created_at, bank_match_id) VALUES (?,?,?,?,?,?)`},
		{&w.docOpen, `UPDATE documents SET open_minor = open_minor - ?1, credited_minor = credited_minor + ?2 WHERE id = ?3 AND client_id = ?4 AND open_minor >= ?1 AND voided_at IS NULL AND kind <> 'credit_note'`},
		{&w.payUnalloc, `UPDATE payments SET unallocated_minor = unallocated_minor - ? WHERE id = ?`},
		{&w.cnOpen, `UPDATE documents SET open_minor = open_minor - ?1 WHERE id = ?2 AND client_id = ?3 AND open_minor >= ?1 AND voided_at IS NULL AND kind = 'credit_note'`},
		{&w.match, `INSERT INTO bank_matches (line_id, payment_id, run_id, kind, confidence, reasons, created_at, os_user) VALUES (?,?,?,?,?,?,?,?)`},
		{&w.line, `UPDATE bank_lines SET status = 'matched', suggestions = '' WHERE id = ? AND status = 'pending'`},
		{&w.audit, `INSERT INTO audit_log (at, os_user, action, entity, entity_id, before, after) VALUES (?,?,?,?,?,'',?)`},
	} {
		s, err := tx.PrepareContext(ctx, p.q)
		if err != nil {
			w.close()
			return nil, err
		}
		*p.s = s
	}
	return w, nil
}

func (w *matchWriter) close() {
	for _, s := range []*sql.Stmt{w.pay, w.alloc, w.docOpen, w.payUnalloc, w.cnOpen, w.match, w.line, w.audit} {
		if s != nil {
			s.Close()
		}
	}
}

// errStale is a proposal whose documents changed since the matcher saw them.
func errStale(number string) error {
	return ar.Errorf(ar.EConflict, "lineId", "bank.match_stale", "document", number)
}

// record accepts proposal p for line l: a payment of the line's amount for
// the client, applied as p says (and p's credit notes applied to their
// invoices), the rest left as the client's credit. Every amount is checked
// against what is open in the same transaction.
func (w *matchWriter) record(l BankLine, p reconcile.Proposal, kind string, runID int64, strict bool) (int64, error) {
	ctx, tx := w.ctx, w.tx
	if l.Amount <= 0 {
		return 0, ar.Errorf(ar.EInvalid, "lineId", "bank.match_not_deposit")
	}
	var applied int64
	for _, a := range p.Allocs {
		if a.Amount <= 0 {
			return 0, ar.Errorf(ar.EInvalid, "amount", "amount.positive")
		}
		applied += a.Amount
	}
	if applied > l.Amount {
		return 0, ar.Errorf(ar.EInvalid, "amount", "bank.match_over_amount", "amount", fmt.Sprint(applied), "line", fmt.Sprint(l.Amount))
	}
	ref := l.Reference
	if ref == "" {
		ref = truncateRunes(l.Description, 60)
	}
	now := ts(tx.now)
	res, err := w.pay.ExecContext(ctx, p.ClientID, l.Date, l.Currency, l.Amount, l.Amount, ref, truncateRunes(l.Description, 500), fmt.Sprintf("bank_line:%d", l.ID), now)
	if err != nil {
		return 0, err
	}
	payID, _ := res.LastInsertId()
	var runArg any
	if runID != 0 {
		runArg = runID
	}
	reasons, _ := json.Marshal(p.Reasons)
	res, err = w.match.ExecContext(ctx, l.ID, payID, runArg, kind, p.Confidence, string(reasons), now, tx.user)
	if err != nil {
		return 0, err
	}
	matchID, _ := res.LastInsertId()
	// Credit notes first: they lower the invoices the deposit then pays.
	for _, c := range p.Credits {
		if c.Amount <= 0 {
			return 0, ar.Errorf(ar.EInvalid, "amount", "amount.positive")
		}
		if err := w.changed(w.cnOpen.ExecContext(ctx, c.Amount, c.CreditNoteID, p.ClientID)); err != nil {
			return 0, w.stale(err, c.CreditNoteID)
		}
		if err := w.changed(w.docOpen.ExecContext(ctx, c.Amount, c.Amount, c.DocumentID, p.ClientID)); err != nil {
			return 0, w.stale(err, c.DocumentID)
		}
		if _, err := w.alloc.ExecContext(ctx, c.DocumentID, nil, c.CreditNoteID, c.Amount, now, matchID); err != nil {
			return 0, err
		}
	}
	for _, a := range p.Allocs {
		if err := w.changed(w.docOpen.ExecContext(ctx, a.Amount, 0, a.DocumentID, p.ClientID)); err != nil {
			return 0, w.stale(err, a.DocumentID)
		}
		if _, err := w.alloc.ExecContext(ctx, a.DocumentID, payID, nil, a.Amount, now, matchID); err != nil {
			return 0, err
		}
	}
	if applied > 0 {
		if _, err := w.payUnalloc.ExecContext(ctx, applied, payID); err != nil {
			return 0, err
		}
	}
	if err := w.changed(w.line.ExecContext(ctx, l.ID)); err != nil {
		return 0, ar.Errorf(ar.EConflict, "lineId", "bank.line_not_pending")
	}
	after, _ := json.Marshal(map[string]any{"line": l.ID, "payment": payID, "client": p.ClientID, "allocs": p.Allocs, "credits": p.Credits, "kind": kind, "confidence": p.Confidence})
	if _, err := w.audit.ExecContext(ctx, now, tx.user, "reconcile."+kind, "bank_match", matchID, string(after)); err != nil {
		return 0, err
	}
	return matchID, nil
}

var errNotChanged = errors.New("no row changed")

// changed turns an UPDATE that changed no row into errNotChanged.
func (w *matchWriter) changed(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNotChanged
	}
	return nil
}

// stale explains errNotChanged on a document: its number, as the user knows it.
func (w *matchWriter) stale(err error, docID int64) error {
	if !errors.Is(err, errNotChanged) {
		return err
	}
	var number string
	if w.tx.QueryRowContext(w.ctx, `SELECT number FROM documents WHERE id = ?`, docID).Scan(&number) != nil {
		return ar.Errorf(ar.ENotFound, "documentId", "document.not_found", "id", fmt.Sprint(docID))
	}
	return errStale(number)
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

// AcceptMatch records the user's match of a deposit: the proposal as shown,
// or as the user changed it (other invoices, other amounts, a split over
// several invoices); what it leaves is the client's credit.
func (db *DB) AcceptMatch(ctx context.Context, lineID int64, p reconcile.Proposal) (BankLine, error) {
	var out BankLine
	err := db.write(ctx, func(tx *Tx) error {
		l, err := pendingLine(ctx, tx, lineID)
		if err != nil {
			return err
		}
		if _, err := findClient(ctx, tx, p.ClientID); err != nil {
			return err
		}
		seen := map[int64]bool{}
		for _, a := range p.Allocs {
			if seen[a.DocumentID] {
				return ar.Errorf(ar.EInvalid, "documentId", "allocation.duplicate")
			}
			seen[a.DocumentID] = true
		}
		w, err := newMatchWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		if _, err := w.record(l, p, "manual", 0, true); err != nil {
			return err
		}
		out, err = findBankLine(ctx, tx, lineID)
		return err
	})
	return out, err
}

// UndoMatch undoes one accepted match: its payment is reversed (kept, marked),
// the credit notes it applied are unapplied, and the line waits again.
func (db *DB) UndoMatch(ctx context.Context, matchID int64) error {
	return db.write(ctx, func(tx *Tx) error { return undoMatch(ctx, tx, matchID) })
}

func undoMatch(ctx context.Context, tx *Tx, matchID int64) error {
	var lineID, payID int64
	var undone sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT line_id, payment_id, undone_at FROM bank_matches WHERE id = ?`, matchID).Scan(&lineID, &payID, &undone)
	if errors.Is(err, sql.ErrNoRows) {
		return ar.Errorf(ar.ENotFound, "matchId", "bank.match_not_found", "id", fmt.Sprint(matchID))
	}
	if err != nil {
		return err
	}
	if undone.Valid {
		return ar.Errorf(ar.EConflict, "matchId", "bank.match_undone")
	}
	if err := unallocateWhere(ctx, tx, "bank_match_id = ? AND credit_note_id IS NOT NULL", matchID); err != nil {
		return err
	}
	if err := unallocateWhere(ctx, tx, "payment_id = ?", payID); err != nil {
		return err
	}
	before, err := findPay(ctx, tx, payID)
	if err != nil {
		return err
	}
	if before.ReversedAt == nil {
		if _, err := tx.ExecContext(ctx, `UPDATE payments SET reversed_at = ?, reversal_reason = ? WHERE id = ?`, ts(tx.now), "conciliación deshecha", payID); err != nil {
			return err
		}
		after, _ := findPay(ctx, tx, payID)
		if err := tx.audit("reverse", "payment", payID, before, after); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE bank_matches SET undone_at = ?, undone_by = ? WHERE id = ?`, ts(tx.now), tx.user, matchID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE bank_lines SET status = 'pending' WHERE id = ?`, lineID); err != nil {
		return err
	}
	return tx.audit("undo", "bank_match", matchID, nil, nil)
}

// RunRecord is one reconciliation run in the history.
type RunRecord struct {
	ID       int64      `json:"id"`
	At       time.Time  `json:"at" ts_type:"string"`
	User     string     `json:"user"`
	Lines    int        `json:"lines"`
	Auto     int        `json:"auto"`
	Live     int        `json:"live"` // automatic matches not undone
	UndoneAt *time.Time `json:"undoneAt" ts_type:"string"`
}

// ReconcileRuns lists the runs, newest first.
func (db *DB) ReconcileRuns(ctx context.Context) ([]RunRecord, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT r.id, r.at, r.os_user, r.lines, r.auto, r.undone_at,
		(SELECT count(*) FROM bank_matches m WHERE m.run_id = r.id AND m.undone_at IS NULL) FROM reconcile_runs r ORDER BY r.id DESC LIMIT 200`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []RunRecord{}
	for rows.Next() {
		var r RunRecord
		var at string
		var undone sql.NullString
		if err := rows.Scan(&r.ID, &at, &r.User, &r.Lines, &r.Auto, &undone, &r.Live); err != nil {
			return nil, mapErr(err)
		}
		r.At, r.UndoneAt = parseTS(at), parseTSPtr(undone)
		out = append(out, r)
	}
	return out, mapErr(rows.Err())
}

// UndoRun undoes every automatic match of a run that is still in place.
func (db *DB) UndoRun(ctx context.Context, runID int64) (int, error) {
	n := 0
	err := db.write(ctx, func(tx *Tx) error {
		var undone sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT undone_at FROM reconcile_runs WHERE id = ?`, runID).Scan(&undone)
		if errors.Is(err, sql.ErrNoRows) {
			return ar.Errorf(ar.ENotFound, "runId", "bank.run_not_found", "id", fmt.Sprint(runID))
		}
		if err != nil {
			return err
		}
		if undone.Valid {
			return ar.Errorf(ar.EConflict, "runId", "bank.run_undone")
		}
		rows, err := tx.QueryContext(ctx, `SELECT id FROM bank_matches WHERE run_id = ? AND undone_at IS NULL`, runID)
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			ids = append(ids, id)
		}
		rows.Close()
		for _, id := range ids {
			if err := undoMatch(ctx, tx, id); err != nil {
				return err
			}
		}
		n = len(ids)
		if _, err := tx.ExecContext(ctx, `UPDATE reconcile_runs SET undone_at = ?, undone_by = ? WHERE id = ?`, ts(tx.now), tx.user, runID); err != nil {
			return err
		}
		return tx.audit("undo", "reconcile_run", runID, nil, map[string]int{"matches": n})
	})
	return n, err
}

// SetLineIgnored sets a line aside (a deposit that pays nothing in the
// portfolio) or brings it back to the queue.
func (db *DB) SetLineIgnored(ctx context.Context, lineID int64, ignored bool) error {
	return db.write(ctx, func(tx *Tx) error {
		from, to := "pending", "ignored"
		if !ignored {
			from, to = "ignored", "pending"
		}
		res, err := tx.ExecContext(ctx, `UPDATE bank_lines SET status = ? WHERE id = ? AND status = ?`, to, lineID, from)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ar.Errorf(ar.EConflict, "lineId", "bank.line_not_pending")
		}
		return tx.audit(map[bool]string{true: "ignore", false: "unignore"}[ignored], "bank_line", lineID, nil, nil)
	})
}

// RejectSuggestion drops suggestion index of a pending line; the next moves up.
func (db *DB) RejectSuggestion(ctx context.Context, lineID int64, index int) (BankLine, error) {
	var out BankLine
	err := db.write(ctx, func(tx *Tx) error {
		l, err := pendingLine(ctx, tx, lineID)
		if err != nil {
			return err
		}
		if index < 0 || index >= len(l.Suggestions) {
			return ar.Errorf(ar.ENotFound, "lineId", "bank.suggestion_not_found")
		}
		rejected := l.Suggestions[index]
		rest := append(append([]reconcile.Proposal{}, l.Suggestions[:index]...), l.Suggestions[index+1:]...)
		text := ""
		if len(rest) > 0 {
			b, _ := json.Marshal(rest)
			text = string(b)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE bank_lines SET suggestions = ? WHERE id = ?`, text, lineID); err != nil {
			return err
		}
		if err := tx.audit("reject", "bank_line", lineID, rejected, nil); err != nil {
			return err
		}
		out, err = findBankLine(ctx, tx, lineID)
		return err
	})
	return out, err
}

// ProposalNames are the clients and documents a page of proposals names,
// read at once (a queue page names thousands): of a client its names, tax
// ID and country; of a document its kind, number, due date, currency and
// open amount.
type ProposalNames struct {
	Clients   map[int64]ar.Client
	Documents map[int64]ar.Document
}

// NamesOf reads the clients and documents proposals name.
func (db *DB) NamesOf(ctx context.Context, ps []reconcile.Proposal) (ProposalNames, error) {
	out := ProposalNames{Clients: map[int64]ar.Client{}, Documents: map[int64]ar.Document{}}
	var clients, docs []any
	seenC, seenD := map[int64]bool{}, map[int64]bool{}
	addD := func(id int64) {
		if !seenD[id] {
			seenD[id] = true
			docs = append(docs, id)
		}
	}
	for _, p := range ps {
		if !seenC[p.ClientID] {
			seenC[p.ClientID] = true
			clients = append(clients, p.ClientID)
		}
		for _, a := range p.Allocs {
			addD(a.DocumentID)
		}
		for _, c := range p.Credits {
			addD(c.CreditNoteID)
		}
	}
	for len(clients) > 0 {
		chunk := clients[:min(len(clients), 500)]
		clients = clients[len(chunk):]
		rows, err := db.sql.QueryContext(ctx, `SELECT id, legal_name, trade_name, tax_id, country FROM clients WHERE id IN (`+placeholders(len(chunk))+`)`, chunk...)
		if err != nil {
			return out, mapErr(err)
		}
		for rows.Next() {
			var c ar.Client
			if err := rows.Scan(&c.ID, &c.LegalName, &c.TradeName, &c.TaxID, &c.Country); err != nil {
				rows.Close()
				return out, mapErr(err)
			}
			out.Clients[c.ID] = c
		}
		rows.Close()
	}
	for len(docs) > 0 {
		chunk := docs[:min(len(docs), 500)]
		docs = docs[len(chunk):]
		// Only what a proposal shows: its number, due date and open amount.
		rows, err := db.sql.QueryContext(ctx, `SELECT id, kind, number, due_date, currency, open_minor FROM documents WHERE id IN (`+placeholders(len(chunk))+`)`, chunk...)
		if err != nil {
			return out, mapErr(err)
		}
		for rows.Next() {
			var d ar.Document
			if err := rows.Scan(&d.ID, &d.Kind, &d.Number, &d.DueDate, &d.Currency, &d.Open); err != nil {
				rows.Close()
				return out, mapErr(err)
			}
			out.Documents[d.ID] = d
		}
		rows.Close()
	}
	return out, nil
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }
