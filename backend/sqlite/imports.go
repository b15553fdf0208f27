package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"cartera/backend/ar"
	"cartera/backend/date"
)

// ImportFile describes the file an import reads, for its history.
type ImportFile struct {
	Target   string `json:"target"`
	Name     string `json:"name"`
	Hash     string `json:"hash"`
	Size     int64  `json:"size"`
	Settings string `json:"settings"` // JSON
}

// ImportCounts says what an import did.
type ImportCounts struct {
	Rows           int `json:"rows"`
	Created        int `json:"created"`
	Unchanged      int `json:"unchanged"`
	Updated        int `json:"updated"`
	Skipped        int `json:"skipped"`
	ClientsCreated int `json:"clientsCreated"`
	Payments       int `json:"payments"` // payments recorded (imported, or for a balance below the amount)
}

// Outcome is what happened to one row, told by the store as it learns it.
type Outcome struct {
	Line   int
	Kind   string // "duplicate_in_file", "conflict", "balance_higher", "lower_than_paid", "invoice_not_found", "unchanged"
	Field  string // the import field concerned ("amount", "dueDate"…)
	Params map[string]string
}

// ImportClient is a client as an import finds it.
type ImportClient struct {
	ID    int64
	Terms int
}

// Importer writes one import inside one transaction: Commit stores all of it,
// Rollback (or any error) none. It is used from one goroutine.
type Importer struct {
	db       *DB
	tx       *Tx
	conn     *sql.Conn
	ctx      context.Context
	id       int64
	file     ImportFile
	accept   bool // accept changed rows of a re-import
	report   func(Outcome)
	Counts   ImportCounts
	byTax    map[string]ImportClient
	byName   map[string]ImportClient
	withDocs map[int64]bool // clients that had documents before this import
	nextDoc  int64
	nextPay  int64
	terms    int
	dropped  []string // indexes to rebuild at Commit
	docs     []pendingDoc
	stmts    map[string]*sql.Stmt
	findDoc  *sql.Stmt
	payNote  string
	today    date.Date
	keys     map[uint64]int64 // without the unique index: hash of (client, kind, number) → document id
	collided map[string]int64 // keys whose hash another key had first
	credits  []pendingCredit  // credit notes of the file applied (in part) in the program it came from
	firstDoc int64            // the first document id of the import
	lines    []int32          // the row of each document of the import, by id from firstDoc
	clientAt map[int64]int    // the row of each client a clients file created
	refs     map[string]string
}

// DocBalance is what a file says of a document's balance besides its amount.
type DocBalance struct {
	Open      int64  // the balance the file says (the amount when it says none)
	Given     bool   // the file has a balance for the row
	AppliesTo string // credit notes: the document the note corrects, as the file writes it
}

type pendingCredit struct {
	ar.ImportedCredit
	client   int64
	currency string
	number   string
}

// MapReferences gives the numbers of documents the file names otherwise
// (a CFDI's UUID → its series and folio), for credit notes that refer to
// them that way.
func (im *Importer) MapReferences(refs map[string]string) { im.refs = refs }

type pendingDoc struct {
	line    int
	d       ar.Document
	balance int64
}

// importBatch is how many documents go in one INSERT.
const importBatch = 250

// BeginImport starts an import: it opens the write transaction (other writers
// wait until Commit or Rollback), records the import and loads what matching
// rows needs. report is told about duplicates and conflicts as they are found.
func (db *DB) BeginImport(ctx context.Context, f ImportFile, acceptChanges bool, today date.Date, report func(Outcome)) (*Importer, error) {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return nil, mapErr(err)
	}
	// A bigger cache for the length of the import, and the file read through
	// it rather than mapped, which would count a whole large file in memory.
	// Foreign keys are not checked row by row: every id the import writes
	// comes from the rows it found or created in this transaction, and a
	// multi-row INSERT that checks them must keep a statement journal
	// (Commit runs foreign_key_check before it commits).
	if _, err := conn.ExecContext(ctx, `PRAGMA cache_size = -32000; PRAGMA mmap_size = 0; PRAGMA foreign_keys = OFF`); err != nil {
		conn.Close()
		return nil, mapErr(err)
	}
	stx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		conn.Close()
		return nil, mapErr(err)
	}
	im := &Importer{db: db, conn: conn, ctx: ctx, file: f, accept: acceptChanges, report: report, today: today,
		tx: &Tx{Tx: stx, now: db.now().UTC(), user: db.user}, byTax: map[string]ImportClient{}, byName: map[string]ImportClient{},
		withDocs: map[int64]bool{}, stmts: map[string]*sql.Stmt{}}
	if err := im.begin(); err != nil {
		im.Rollback()
		return nil, mapErr(err)
	}
	return im, nil
}

func (im *Importer) begin() error {
	tx, ctx := im.tx, im.ctx
	res, err := tx.ExecContext(ctx, `INSERT INTO imports (at, os_user, target, file_name, file_hash, file_size, settings) VALUES (?,?,?,?,?,?,?)`,
		ts(tx.now), tx.user, im.file.Target, im.file.Name, im.file.Hash, im.file.Size, im.file.Settings)
	if err != nil {
		return err
	}
	im.id, _ = res.LastInsertId()
	if err := tx.QueryRowContext(ctx, `SELECT default_terms_days FROM portfolio`).Scan(&im.terms); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, tax_id, legal_name, payment_terms_days FROM clients`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var c ImportClient
		var taxID, name string
		if err := rows.Scan(&c.ID, &taxID, &name, &c.Terms); err != nil {
			rows.Close()
			return err
		}
		if taxID != "" {
			im.byTax[taxID] = c
		}
		im.byName[ar.Fold(name)] = c
	}
	rows.Close()
	var docs int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM documents`).Scan(&docs); err != nil {
		return err
	}
	im.nextDoc = docs + 1
	im.firstDoc = im.nextDoc
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) + 1 FROM payments`).Scan(&im.nextPay); err != nil {
		return err
	}
	if im.file.Target == "invoices" && docs == 0 {
		// Into an empty portfolio the indexes cost less built once at the end;
		// repeated numbers are found by a set of key hashes meanwhile.
		if err := im.dropIndexes(); err != nil {
			return err
		}
		im.keys = map[uint64]int64{}
	} else if docs > 0 {
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT client_id FROM documents`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			im.withDocs[id] = true
		}
		rows.Close()
	}
	im.findDoc, err = tx.PrepareContext(ctx, `SELECT id, amount_minor, open_minor, issue_date, due_date, COALESCE(import_id, 0), voided_at IS NOT NULL
		FROM documents WHERE client_id = ? AND kind = ? AND number = ?`)
	im.payNote = cutText("Saldo según "+im.file.Name, ar.MaxNameLen)
	return err
}

func cutText(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

var importDropped = []string{"documents_number", "documents_issue", "documents_due_open", "documents_client_open", "documents_applies_to",
	"payments_client_date", "payments_date", "allocations_document", "allocations_payment"}

func (im *Importer) dropIndexes() error {
	for _, name := range importDropped {
		var s string
		if err := im.tx.QueryRowContext(im.ctx, `SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`, name).Scan(&s); err != nil {
			return err
		}
		if _, err := im.tx.ExecContext(im.ctx, "DROP INDEX "+name); err != nil {
			return err
		}
		im.dropped = append(im.dropped, s)
	}
	return nil
}

// ID is the import's id.
func (im *Importer) ID() int64 { return im.id }

// FindClient finds a client by tax ID, else by name (folded).
func (im *Importer) FindClient(taxID, name string) (ImportClient, bool) {
	if taxID != "" {
		c, ok := im.byTax[taxID]
		return c, ok
	}
	c, ok := im.byName[ar.Fold(name)]
	return c, ok
}

// CreateClient adds a client the file names and the portfolio lacks.
// PaymentTermsDays below zero means the portfolio's default.
func (im *Importer) CreateClient(c ar.Client) (ImportClient, error) {
	if c.PaymentTermsDays < 0 {
		c.PaymentTermsDays = im.terms
	}
	tx := im.tx
	res, err := tx.ExecContext(im.ctx, `INSERT INTO clients (legal_name, trade_name, tax_id, tax_id_status, country, payment_terms_days, credit_limit_minor, segment, tags, notes, search_text, name_key, tax_id_key, source, import_id, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, c.LegalName, c.TradeName, c.TaxID, c.TaxIDStatus, c.Country, c.PaymentTermsDays, c.CreditLimit,
		c.Segment, strings.Join(c.Tags, "\t"), c.Notes, searchText(c), nameKey(c), taxIDKey(c), ar.SourceImport, im.id, ts(tx.now), ts(tx.now))
	if err != nil {
		return ImportClient{}, mapErr(err)
	}
	id, _ := res.LastInsertId()
	if err := writeContacts(im.ctx, tx, id, c.Contacts); err != nil {
		return ImportClient{}, mapErr(err)
	}
	ic := ImportClient{ID: id, Terms: c.PaymentTermsDays}
	if c.TaxID != "" {
		im.byTax[c.TaxID] = ic
	}
	im.byName[ar.Fold(c.LegalName)] = ic
	im.Counts.ClientsCreated++
	return ic, nil
}

// DefaultTerms is the portfolio's usual payment terms.
func (im *Importer) DefaultTerms() int { return im.terms }

func (im *Importer) tell(line int, kind, field string, kv ...string) {
	o := Outcome{Line: line, Kind: kind, Field: field}
	if len(kv) > 0 {
		o.Params = map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			o.Params[kv[i]] = kv[i+1]
		}
	}
	im.report(o)
}

// Document adds an invoice, debit note or credit note with the open balance
// the file gives; a balance below the amount is recorded as a payment from
// the import, so that balances agree with the program the file came from.
// A document already in the portfolio (same client, kind and number) is left
// as it is when the file agrees, and reported as a conflict when it does not
// (or changed, when the import accepts changes).
func (im *Importer) Document(line int, d ar.Document, b DocBalance) error {
	im.Counts.Rows++
	balance := b.Open
	if im.withDocs[d.ClientID] {
		done, err := im.existing(line, d, balance, b.Given)
		if err != nil || done {
			return err
		}
	}
	d.ID = im.nextDoc
	if im.keys != nil {
		first, err := im.seen(d)
		if err != nil || first != 0 {
			if first != 0 {
				im.tellDuplicate(line, d.Number, first)
			}
			return err
		}
	}
	im.nextDoc++
	im.lines = append(im.lines, int32(line))
	im.docs = append(im.docs, pendingDoc{line: line, d: d, balance: balance})
	if d.Kind == ar.KindCreditNote {
		c := ar.ImportedCredit{ID: d.ID, Line: line, AppliesTo: b.AppliesTo}
		switch {
		case b.Given && balance < d.Amount:
			c.Applied = d.Amount - balance
		case !b.Given && b.AppliesTo != "":
			c.Applied, c.OnOpen = d.Amount, true
		}
		if c.Applied > 0 {
			im.credits = append(im.credits, pendingCredit{ImportedCredit: c, client: d.ClientID, currency: d.Currency, number: d.Number})
		}
	}
	if len(im.docs) == importBatch {
		return im.flushDocs()
	}
	return nil
}

// tellDuplicate says that row line repeats the number of the document the
// import already has as first, naming the row that one came from.
func (im *Importer) tellDuplicate(line int, number string, first int64) {
	kv := []string{"value", number}
	if i := first - im.firstDoc; i >= 0 && i < int64(len(im.lines)) {
		kv = append(kv, "first", fmt.Sprint(im.lines[i]))
	}
	im.tell(line, "duplicate_in_file", "number", kv...)
}

// seen returns the document the import already has with d's client, kind
// and number (0 when none), remembering d's key otherwise.
func (im *Importer) seen(d ar.Document) (int64, error) {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d\x00%s\x00%s", d.ClientID, d.Kind, d.Number)
	key := h.Sum64()
	first, ok := im.keys[key]
	if !ok {
		im.keys[key] = d.ID
		return 0, nil
	}
	full := fmt.Sprintf("%d\x00%s\x00%s", d.ClientID, d.Kind, d.Number)
	if id, ok := im.collided[full]; ok {
		return id, nil
	}
	// Same hash: compare with the document that has it (pending, or stored).
	var other ar.Document
	found := false
	for _, p := range im.docs {
		if p.d.ID == first {
			other, found = p.d, true
		}
	}
	if !found {
		if err := im.tx.QueryRowContext(im.ctx, `SELECT client_id, kind, number FROM documents WHERE id = ?`, first).Scan(&other.ClientID, &other.Kind, &other.Number); err != nil {
			return 0, mapErr(err)
		}
	}
	if other.ClientID == d.ClientID && other.Kind == d.Kind && other.Number == d.Number {
		return first, nil
	}
	if im.collided == nil {
		im.collided = map[string]int64{}
	}
	im.collided[full] = d.ID
	return 0, nil
}

// existing handles a row whose client had documents: done is true when the
// document is already recorded.
func (im *Importer) existing(line int, d ar.Document, balance int64, given bool) (bool, error) {
	var id, amount, open, importID int64
	var issue, due string
	var voided bool
	err := im.findDoc.QueryRowContext(im.ctx, d.ClientID, d.Kind, d.Number).Scan(&id, &amount, &open, &issue, &due, &importID, &voided)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, mapErr(err)
	}
	if importID == im.id {
		im.tellDuplicate(line, d.Number, id)
		return true, nil
	}
	issueDate, _ := date.Parse(issue)
	dueDate, _ := date.Parse(due)
	out := ar.Reimport(ar.Recorded{Kind: d.Kind, Amount: amount, Open: open, IssueDate: issueDate, DueDate: dueDate, Voided: voided},
		ar.Reimported{Amount: d.Amount, IssueDate: d.IssueDate, DueDate: d.DueDate, Balance: balance, HasBalance: given}, im.accept)
	switch {
	case out.Conflict:
		kv := []string{"currency", d.Currency, "value", d.Number}
		for _, f := range out.Changed {
			switch f {
			case "amount":
				kv = append(kv, "amountBefore", fmt.Sprint(amount), "amountAfter", fmt.Sprint(d.Amount))
			case "dueDate":
				kv = append(kv, "dueBefore", due, "dueAfter", d.DueDate.String())
			case "issueDate":
				kv = append(kv, "issueBefore", issue, "issueAfter", d.IssueDate.String())
			}
		}
		im.tell(line, "conflict", out.Changed[0], kv...)
		return true, nil
	case out.LowerThanPaid > 0:
		im.tell(line, "lower_than_paid", "amount", "paid", fmt.Sprint(out.LowerThanPaid))
		return true, nil
	case out.Update:
		before, err := findDoc(im.ctx, im.tx, id)
		if err != nil {
			return true, err
		}
		if _, err := im.tx.ExecContext(im.ctx, `UPDATE documents SET amount_minor = ?, open_minor = ?, issue_date = ?, due_date = ? WHERE id = ?`,
			d.Amount, out.Open+out.BalancePayment, d.IssueDate, d.DueDate, id); err != nil {
			return true, mapErr(err)
		}
		after, err := findDoc(im.ctx, im.tx, id)
		if err != nil {
			return true, err
		}
		if err := im.audit("import.update", "document", id, before, after); err != nil {
			return true, err
		}
		im.Counts.Updated++
	case len(out.Changed) == 0:
		im.Counts.Unchanged++
		im.tell(line, "unchanged", "")
	}
	// The program the file came from knows of payments Cartera does not yet.
	if out.BalancePayment > 0 {
		if err := im.balancePayment(id, d.ClientID, d.Currency, out.BalancePayment); err != nil {
			return true, err
		}
		if _, err := im.tx.ExecContext(im.ctx, `UPDATE documents SET open_minor = ? WHERE id = ?`, out.Open, id); err != nil {
			return true, mapErr(err)
		}
	} else if out.BalanceHigher {
		im.tell(line, "balance_higher", "balance", "open", fmt.Sprint(out.Open))
	} else if out.CreditApplied > 0 {
		im.tell(line, "credit_applied_since", "balance", "value", d.Number, "currency", d.Currency, "applied", fmt.Sprint(out.CreditApplied))
	}
	return true, nil
}

func (im *Importer) audit(action, entity string, id int64, before, after any) error {
	_, err := im.tx.ExecContext(im.ctx, `INSERT INTO audit_log (at, os_user, action, entity, entity_id, before, after, import_id) VALUES (?,?,?,?,?,?,?,?)`,
		ts(im.tx.now), im.tx.user, action, entity, id, jsonText(before), jsonText(after), im.id)
	return mapErr(err)
}

// balancePayment records that amount of a document was paid before it came into Cartera.
func (im *Importer) balancePayment(docID, clientID int64, currency string, amount int64) error {
	pid := im.nextPay
	im.nextPay++
	if _, err := im.exec("pay1", `INSERT INTO payments (id, client_id, date, currency, amount_minor, unallocated_minor, method, reference, notes, source, import_id, created_at)
		VALUES (?,?,?,?,?,0,'other',?,'','import',?,?)`, pid, clientID, im.today, currency, amount, im.payNote, im.id, ts(im.tx.now)); err != nil {
		return err
	}
	if _, err := im.exec("alloc1", `INSERT INTO allocations (document_id, payment_id, amount_minor, created_at) VALUES (?,?,?,?)`, docID, pid, amount, ts(im.tx.now)); err != nil {
		return err
	}
	im.Counts.Payments++
	return nil
}

func (im *Importer) exec(name, q string, args ...any) (sql.Result, error) {
	st := im.stmts[name]
	if st == nil {
		var err error
		if st, err = im.tx.PrepareContext(im.ctx, q); err != nil {
			return nil, mapErr(err)
		}
		im.stmts[name] = st
	}
	res, err := st.ExecContext(im.ctx, args...)
	return res, mapErr(err)
}

const importDocRow = "(?,?,?,?,?,?,?,?,?,0,?,'import',?,?)"

// flushDocs inserts the pending documents in one statement; when one of them
// repeats a number, the statement stores nothing and they go one by one so
// that the repeated rows can be told.
func (im *Importer) flushDocs() error {
	if len(im.docs) == 0 {
		return nil
	}
	now := ts(im.tx.now)
	args := make([]any, 0, len(im.docs)*13)
	for _, p := range im.docs {
		d := p.d
		args = append(args, d.ID, d.ClientID, string(d.Kind), d.Number, d.IssueDate.String(), d.DueDate.String(), d.Currency, d.Amount, p.open(), d.Description, im.id, now)
	}
	name := fmt.Sprintf("docs%d", len(im.docs))
	q := "INSERT OR IGNORE INTO documents (id, client_id, kind, number, issue_date, due_date, currency, amount_minor, open_minor, credited_minor, description, source, import_id, created_at) VALUES " +
		strings.Repeat(importDocRow+",", len(im.docs)-1) + importDocRow
	// Prepared only for full batches; the last, short one runs once. OR
	// IGNORE spares SQLite a statement journal (a statement that cannot fail
	// halfway needs none); rows it ignored are found by the count and tried
	// again one by one, so that each gets its reason.
	var res sql.Result
	var err error
	if len(im.docs) == importBatch {
		res, err = im.exec(name, q, args...)
	} else {
		res, err = im.tx.ExecContext(im.ctx, q, args...)
		err = mapErr(err)
	}
	if err != nil {
		return err
	}
	stored := im.docs
	if n, _ := res.RowsAffected(); int(n) != len(im.docs) {
		stored = stored[:0:0]
		var inserted = map[int64]bool{}
		rows, err := im.tx.QueryContext(im.ctx, `SELECT id FROM documents WHERE id BETWEEN ? AND ?`, im.docs[0].d.ID, im.docs[len(im.docs)-1].d.ID)
		if err != nil {
			return mapErr(err)
		}
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			inserted[id] = true
		}
		rows.Close()
		for _, p := range im.docs {
			if inserted[p.d.ID] {
				stored = append(stored, p)
				continue
			}
			_, err := im.exec("doc1", "INSERT INTO documents (id, client_id, kind, number, issue_date, due_date, currency, amount_minor, open_minor, credited_minor, description, source, import_id, created_at) VALUES "+importDocRow,
				p.d.ID, p.d.ClientID, string(p.d.Kind), p.d.Number, p.d.IssueDate.String(), p.d.DueDate.String(), p.d.Currency, p.d.Amount, p.open(), p.d.Description, im.id, now)
			if isUnique(err) {
				var first int64
				im.tx.QueryRowContext(im.ctx, `SELECT id FROM documents WHERE client_id = ? AND kind = ? AND number = ?`, p.d.ClientID, p.d.Kind, p.d.Number).Scan(&first)
				im.tellDuplicate(p.line, p.d.Number, first)
				continue
			}
			if err != nil {
				return err
			}
			stored = append(stored, p)
		}
		sort.Slice(stored, func(i, j int) bool { return stored[i].d.ID < stored[j].d.ID })
	}
	for _, p := range stored {
		im.Counts.Created++
		if paid := ar.BalancePayment(p.d.Amount, p.balance); paid > 0 && p.d.Kind != ar.KindCreditNote {
			if err := im.balancePayment(p.d.ID, p.d.ClientID, p.d.Currency, paid); err != nil {
				return err
			}
		}
	}
	im.docs = im.docs[:0]
	return nil
}

// open is what the document will owe: the file's balance, except for credit
// notes, which come in unapplied; applyCredits then applies what the file
// shows applied.
func (p pendingDoc) open() int64 {
	if p.d.Kind == ar.KindCreditNote {
		return p.d.Amount
	}
	return p.balance
}

func isUnique(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE
}

// Skip counts a row left out.
func (im *Importer) Skip() { im.Counts.Skipped++ }

// Commit writes what is pending, rebuilds the indexes, records the counts and commits.
func (im *Importer) Commit() error {
	if err := im.flushDocs(); err != nil {
		im.Rollback()
		return err
	}
	for _, s := range im.dropped {
		if _, err := im.tx.ExecContext(im.ctx, s); err != nil {
			im.Rollback()
			return mapErr(err)
		}
	}
	// Foreign keys were not checked row by row (see BeginImport): once, here.
	var bad int
	if err := im.tx.QueryRowContext(im.ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&bad); err != nil || bad > 0 {
		im.Rollback()
		if err == nil {
			err = fmt.Errorf("import: %d rows point to missing records", bad)
		}
		return ar.Wrap(ar.EInternal, err, "internal", "detail", err.Error())
	}
	if _, err := im.tx.ExecContext(im.ctx, `UPDATE imports SET counts = ? WHERE id = ?`, jsonText(im.Counts), im.id); err != nil {
		im.Rollback()
		return mapErr(err)
	}
	if err := im.audit("import", "import", im.id, nil, im.Counts); err != nil {
		im.Rollback()
		return err
	}
	err := im.tx.Commit()
	im.close()
	return mapErr(err)
}

// Flush writes the pending rows (so that the caller can count what was
// stored) and applies the credit notes the file shows applied.
func (im *Importer) Flush() error {
	if err := im.flushDocs(); err != nil {
		return err
	}
	return im.applyCredits()
}

// applyCredits applies the credit notes of the file that the program it came
// from had applied (ar.PlanImportedCredits decides where): a link to a
// document that the import recorded as partly paid takes that part from its
// balance payment, so that the document still owes what the file says and
// the note's applied part is never left as credit to apply again. An applied
// part no document of the file explains lowers the note's amount (recorded
// in the audit log and told), and a note applied entirely that way is left
// out: either way the client's balance is the file's.
func (im *Importer) applyCredits() error {
	if len(im.credits) == 0 {
		return nil
	}
	credits := im.credits
	im.credits = nil
	type group struct {
		client   int64
		currency string
	}
	byGroup := map[group][]ar.ImportedCredit{}
	clients := map[int64]bool{}
	var ids []string
	info := map[int64]pendingCredit{}
	for _, c := range credits {
		c.AppliesTo = im.resolveRef(c.AppliesTo)
		g := group{c.client, c.currency}
		byGroup[g] = append(byGroup[g], c.ImportedCredit)
		info[c.ID] = c
		if !clients[c.client] {
			clients[c.client] = true
			ids = append(ids, fmt.Sprint(c.client))
		}
	}
	in := strings.Join(ids, ",")
	docs := map[group][]ar.ImportedReceivable{}
	at := map[int64]int{} // document → its index in its group
	rows, err := im.tx.QueryContext(im.ctx, `SELECT id, client_id, currency, number, issue_date, open_minor FROM documents
		WHERE import_id = ? AND kind <> 'credit_note' AND client_id IN (`+in+`)`, im.id)
	if err != nil {
		return mapErr(err)
	}
	for rows.Next() {
		var r ar.ImportedReceivable
		var g group
		var issue string
		if err := rows.Scan(&r.ID, &g.client, &g.currency, &r.Number, &issue, &r.Open); err != nil {
			rows.Close()
			return mapErr(err)
		}
		r.IssueDate, _ = date.Parse(issue)
		at[r.ID] = len(docs[g])
		docs[g] = append(docs[g], r)
	}
	rows.Close()
	// The balance payments of those documents, and the client and currency of each.
	docGroup := map[int64]group{}
	for g, ds := range docs {
		for _, d := range ds {
			docGroup[d.ID] = g
		}
	}
	// Found by the allocations' rowid: their indexes may be dropped for the import.
	allocOf := map[int64]int64{} // balance payment → its allocation
	rows, err = im.tx.QueryContext(im.ctx, `SELECT a.id, a.document_id, a.payment_id, a.amount_minor FROM allocations a JOIN payments p ON p.id = a.payment_id
		WHERE p.import_id = ? AND p.reference = ? AND p.client_id IN (`+in+`)`, im.id, im.payNote)
	if err != nil {
		return mapErr(err)
	}
	for rows.Next() {
		var alloc, doc, pay, amount int64
		if err := rows.Scan(&alloc, &doc, &pay, &amount); err != nil {
			rows.Close()
			return mapErr(err)
		}
		allocOf[pay] = alloc
		if g, ok := docGroup[doc]; ok {
			docs[g][at[doc]].Paid, docs[g][at[doc]].PaymentID = amount, pay
		}
	}
	rows.Close()
	// The notes themselves, as stored (one repeated in the file was not).
	stored := map[int64]bool{}
	rows, err = im.tx.QueryContext(im.ctx, `SELECT id FROM documents WHERE import_id = ? AND kind = 'credit_note' AND id >= ?`, im.id, credits[0].ID)
	if err != nil {
		return mapErr(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		stored[id] = true
	}
	rows.Close()
	now := ts(im.tx.now)
	groups := make([]group, 0, len(byGroup))
	for g := range byGroup {
		groups = append(groups, g)
	}
	sort.Slice(groups, func(i, j int) bool {
		return groups[i].client < groups[j].client || groups[i].client == groups[j].client && groups[i].currency < groups[j].currency
	})
	for _, g := range groups {
		var cs []ar.ImportedCredit
		for _, c := range byGroup[g] {
			if stored[c.ID] {
				cs = append(cs, c)
			}
		}
		plan := ar.PlanImportedCredits(cs, docs[g])
		for _, id := range plan.NotFound {
			c := info[id]
			im.tell(c.Line, "reference_not_found", "appliesTo", "value", c.AppliesTo)
		}
		for _, l := range plan.Links {
			if l.PaymentID != 0 {
				if err := im.shrinkBalancePayment(l.PaymentID, allocOf[l.PaymentID], l.Amount); err != nil {
					return err
				}
			}
			if _, err := im.exec("cnalloc", `INSERT INTO allocations (document_id, credit_note_id, amount_minor, created_at) VALUES (?,?,?,?)`, l.DocumentID, l.CreditNoteID, l.Amount, now); err != nil {
				return err
			}
			lower := l.Amount
			if l.PaymentID != 0 {
				lower = 0 // the file's balance already counts the note
			}
			if _, err := im.exec("cndoc", `UPDATE documents SET credited_minor = credited_minor + ?, open_minor = open_minor - ? WHERE id = ?`, l.Amount, lower, l.DocumentID); err != nil {
				return err
			}
			if _, err := im.exec("cnopen", `UPDATE documents SET open_minor = open_minor - ? WHERE id = ?`, l.Amount, l.CreditNoteID); err != nil {
				return err
			}
		}
		for cn, doc := range plan.Corrects {
			if _, err := im.exec("cnrefers", `UPDATE documents SET applies_to_id = ? WHERE id = ?`, doc, cn); err != nil {
				return err
			}
		}
		for _, c := range cs {
			rest := plan.Left[c.ID]
			if rest == 0 {
				continue
			}
			before, err := findDoc(im.ctx, im.tx, c.ID)
			if err != nil {
				return err
			}
			cur := info[c.ID].currency
			if rest >= before.Amount {
				if _, err := im.tx.ExecContext(im.ctx, `DELETE FROM documents WHERE id = ?`, c.ID); err != nil {
					return mapErr(err)
				}
				im.Counts.Created--
				im.Counts.Skipped++
				im.tell(c.Line, "credit_applied_elsewhere_left_out", "balance", "value", before.Number, "currency", cur, "applied", fmt.Sprint(rest))
				continue
			}
			if _, err := im.tx.ExecContext(im.ctx, `UPDATE documents SET amount_minor = amount_minor - ?, open_minor = open_minor - ? WHERE id = ?`, rest, rest, c.ID); err != nil {
				return mapErr(err)
			}
			after, err := findDoc(im.ctx, im.tx, c.ID)
			if err != nil {
				return err
			}
			if err := im.audit("import.credit_applied_elsewhere", "document", c.ID, before, after); err != nil {
				return err
			}
			im.tell(c.Line, "credit_applied_elsewhere", "balance", "value", before.Number, "currency", cur, "applied", fmt.Sprint(rest), "amount", fmt.Sprint(after.Amount))
		}
	}
	return nil
}

// resolveRef turns a credit note's reference into a document number: a
// CFDI's UUID into its series and folio, and a list of references ("UUID1,
// UUID2", as CFDI Relacionados are written) into the first that names a
// document of the file.
func (im *Importer) resolveRef(ref string) string {
	if n, ok := im.refs[ref]; ok {
		return n
	}
	parts := strings.FieldsFunc(ref, func(r rune) bool { return r == ',' || r == ';' || r == '|' })
	if len(parts) < 2 {
		return ref
	}
	for _, p := range parts {
		if n, ok := im.refs[strings.TrimSpace(p)]; ok {
			return n
		}
	}
	return strings.TrimSpace(parts[0])
}

// shrinkBalancePayment takes amount off a balance payment of the import and
// its allocation alloc (removing both when nothing is left): a credit note
// explains that part of what the document was paid.
func (im *Importer) shrinkBalancePayment(pay, alloc, amount int64) error {
	var have int64
	if err := im.tx.QueryRowContext(im.ctx, `SELECT amount_minor FROM payments WHERE id = ?`, pay).Scan(&have); err != nil {
		return mapErr(err)
	}
	if have <= amount {
		if _, err := im.exec("balalloc0", `DELETE FROM allocations WHERE id = ?`, alloc); err != nil {
			return err
		}
		if _, err := im.exec("balpay0", `DELETE FROM payments WHERE id = ?`, pay); err != nil {
			return err
		}
		im.Counts.Payments--
		return nil
	}
	if _, err := im.exec("balalloc", `UPDATE allocations SET amount_minor = amount_minor - ? WHERE id = ?`, amount, alloc); err != nil {
		return err
	}
	_, err := im.exec("balpay", `UPDATE payments SET amount_minor = amount_minor - ? WHERE id = ?`, amount, pay)
	return err
}

// Rollback gives the import up: nothing of it stays.
func (im *Importer) Rollback() {
	im.tx.Rollback()
	im.close()
}

func (im *Importer) close() {
	for _, st := range im.stmts {
		st.Close()
	}
	im.stmts = map[string]*sql.Stmt{}
	if im.findDoc != nil {
		im.findDoc.Close()
		im.findDoc = nil
	}
	if im.conn != nil {
		im.conn.ExecContext(context.Background(), `PRAGMA cache_size = -16000; PRAGMA mmap_size = 1073741824; PRAGMA foreign_keys = ON; PRAGMA temp_store = DEFAULT`)
		im.conn.Close()
		im.conn = nil
	}
}

// Client adds a client from a clients file, or compares it with the one
// recorded under the same tax ID (or name, without one): unchanged, changed
// (a conflict, or updated when the import accepts changes).
func (im *Importer) Client(line int, c ar.Client) error {
	im.Counts.Rows++
	old, ok := im.FindClient(c.TaxID, c.LegalName)
	if !ok {
		ic, err := im.CreateClient(c)
		if err == nil {
			im.Counts.Created++
			if im.clientAt == nil {
				im.clientAt = map[int64]int{}
			}
			im.clientAt[ic.ID] = line
		}
		return err
	}
	before, err := findClient(im.ctx, im.tx, old.ID)
	if err != nil {
		return err
	}
	var importID sql.NullInt64
	im.tx.QueryRowContext(im.ctx, `SELECT import_id FROM clients WHERE id = ?`, old.ID).Scan(&importID)
	if importID.Valid && importID.Int64 == im.id {
		first := fmt.Sprint(im.clientAt[old.ID])
		if ar.Fold(before.LegalName) != ar.Fold(c.LegalName) {
			im.tell(line, "duplicate_tax_id", "taxId", "value", c.TaxID, "first", first, "name", before.LegalName)
		} else {
			im.tell(line, "duplicate_tax_id_same", "taxId", "value", c.TaxID, "first", first)
		}
		im.Skip()
		return nil
	}
	after := before
	after.LegalName, after.TradeName = c.LegalName, orKeep(c.TradeName, before.TradeName)
	after.Segment, after.Notes = orKeep(c.Segment, before.Segment), orKeep(c.Notes, before.Notes)
	if c.PaymentTermsDays >= 0 {
		after.PaymentTermsDays = c.PaymentTermsDays
	}
	if c.CreditLimit > 0 {
		after.CreditLimit = c.CreditLimit
	}
	kv := []string{"value", before.LegalName}
	field := ""
	diff := func(f, a, b string) {
		if a != b {
			kv = append(kv, f+"Before", a, f+"After", b)
			if field == "" {
				field = f
			}
		}
	}
	diff("legalName", before.LegalName, after.LegalName)
	diff("tradeName", before.TradeName, after.TradeName)
	diff("segment", before.Segment, after.Segment)
	diff("paymentTermsDays", fmt.Sprint(before.PaymentTermsDays), fmt.Sprint(after.PaymentTermsDays))
	diff("creditLimit", fmt.Sprint(before.CreditLimit), fmt.Sprint(after.CreditLimit))
	diff("notes", before.Notes, after.Notes)
	if field == "" {
		im.Counts.Unchanged++
		return nil
	}
	if !im.accept {
		im.tell(line, "conflict", field, kv...)
		return nil
	}
	after.UpdatedAt = im.tx.now
	if _, err := im.tx.ExecContext(im.ctx, `UPDATE clients SET legal_name = ?, trade_name = ?, segment = ?, notes = ?, payment_terms_days = ?, credit_limit_minor = ?, search_text = ?, name_key = ?, updated_at = ? WHERE id = ?`,
		after.LegalName, after.TradeName, after.Segment, after.Notes, after.PaymentTermsDays, after.CreditLimit, searchText(after), nameKey(after), ts(im.tx.now), old.ID); err != nil {
		return mapErr(err)
	}
	im.byName[ar.Fold(after.LegalName)] = ImportClient{ID: old.ID, Terms: after.PaymentTermsDays}
	im.Counts.Updated++
	return im.audit("import.update", "client", old.ID, before, after)
}

func orKeep(s, old string) string {
	if s == "" {
		return old
	}
	return s
}

// Payment records a payment from a payments file and applies it: to the
// invoice the row names when it does, else to the client's oldest open
// documents. A payment already recorded (same client, date, amount and
// reference) is left alone.
func (im *Importer) Payment(line int, p ar.Payment, paysNumber string) error {
	im.Counts.Rows++
	var n int
	if err := im.tx.QueryRowContext(im.ctx, `SELECT count(*) FROM payments WHERE client_id = ? AND date = ? AND amount_minor = ? AND reference = ? AND currency = ? AND reversed_at IS NULL`,
		p.ClientID, p.Date, p.Amount, p.Reference, p.Currency).Scan(&n); err != nil {
		return mapErr(err)
	}
	if n > 0 {
		im.Counts.Unchanged++
		return nil
	}
	pid := im.nextPay
	im.nextPay++
	if _, err := im.exec("pay", `INSERT INTO payments (id, client_id, date, currency, amount_minor, unallocated_minor, method, reference, notes, source, import_id, created_at)
		VALUES (?,?,?,?,?,?,?,?,?,'import',?,?)`, pid, p.ClientID, p.Date, p.Currency, p.Amount, p.Amount, p.Method, p.Reference, p.Notes, im.id, ts(im.tx.now)); err != nil {
		return err
	}
	im.Counts.Created++
	open, err := openItems(im.ctx, im.tx, p.ClientID, p.Currency)
	if err != nil {
		return mapErr(err)
	}
	var lines []ar.Line
	if paysNumber != "" {
		for _, it := range open {
			if it.Number == paysNumber {
				lines = []ar.Line{{DocumentID: it.DocumentID, Amount: min(it.Open, p.Amount)}}
			}
		}
		if lines == nil {
			im.tell(line, "invoice_not_found", "number", "value", paysNumber)
		}
	} else {
		lines = ar.ProposeAllocation(open, p.Amount)
	}
	if len(lines) == 0 {
		return nil
	}
	var total int64
	for _, l := range lines {
		if _, err := im.exec("alloc1", `INSERT INTO allocations (document_id, payment_id, amount_minor, created_at) VALUES (?,?,?,?)`, l.DocumentID, pid, l.Amount, ts(im.tx.now)); err != nil {
			return err
		}
		if _, err := im.exec("docpaid", `UPDATE documents SET open_minor = open_minor - ? WHERE id = ?`, l.Amount, l.DocumentID); err != nil {
			return err
		}
		total += l.Amount
	}
	_, err = im.exec("payalloc", `UPDATE payments SET unallocated_minor = unallocated_minor - ? WHERE id = ?`, total, pid)
	return err
}

// LookupClient finds a client by tax ID, else by name, outside any import
// (the wizard's preview).
func (db *DB) LookupClient(ctx context.Context, taxID, name string) (ar.Client, bool, error) {
	q, arg := `SELECT id FROM clients WHERE tax_id = ? LIMIT 1`, taxID
	if taxID == "" {
		q, arg = `SELECT id FROM clients WHERE legal_name = ? COLLATE NOCASE LIMIT 1`, name
	}
	var id int64
	err := db.sql.QueryRowContext(ctx, q, arg).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return ar.Client{}, false, nil
	}
	if err != nil {
		return ar.Client{}, false, mapErr(err)
	}
	c, err := findClient(ctx, db.sql, id)
	return c, err == nil, mapErr(err)
}

// CurrenciesUsed lists the currencies of the portfolio's documents and payments.
func (db *DB) CurrenciesUsed(ctx context.Context) ([]string, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT currency FROM documents GROUP BY currency UNION SELECT currency FROM payments GROUP BY currency`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		rows.Scan(&c)
		out = append(out, c)
	}
	return out, mapErr(rows.Err())
}
