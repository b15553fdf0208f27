package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/taxid"
)

// Portfolio returns the portfolio's settings.
func (db *DB) Portfolio(ctx context.Context) (ar.Portfolio, error) {
	p, err := readPortfolio(ctx, db.sql)
	return p, mapErr(err)
}

func readPortfolio(ctx context.Context, q querier) (ar.Portfolio, error) {
	var p ar.Portfolio
	var created string
	err := q.QueryRowContext(ctx, `SELECT name, legal_name, tax_id, country, currency, fiscal_year_start_month, default_terms_days, created_at FROM portfolio WHERE id = 1`).
		Scan(&p.Name, &p.LegalName, &p.TaxID, &p.Country, &p.Currency, &p.FiscalYearStartMonth, &p.DefaultTermsDays, &created)
	if err != nil {
		return p, err
	}
	p.CreatedAt = parseTS(created)
	return p, nil
}

// UpdatePortfolio changes the portfolio's name and fiscal settings. Country
// and currency are fixed once documents exist, since amounts depend on them.
func (db *DB) UpdatePortfolio(ctx context.Context, p ar.Portfolio) (ar.Portfolio, error) {
	if err := ar.CheckPortfolio(&p); err != nil {
		return p, err
	}
	err := db.write(ctx, func(tx *Tx) error {
		// Read in the transaction, so that the audit's before is what this change replaced.
		before, err := readPortfolio(ctx, tx)
		if err != nil {
			return err
		}
		if before.Currency != p.Currency || before.Country != p.Country {
			var n int
			tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM documents LIMIT 1)`).Scan(&n)
			if n > 0 {
				return ar.Errorf(ar.EConflict, "currency", "portfolio.currency_fixed")
			}
		}
		p.CreatedAt = before.CreatedAt
		if _, err := tx.ExecContext(ctx, `UPDATE portfolio SET name=?, legal_name=?, tax_id=?, country=?, currency=?, fiscal_year_start_month=?, default_terms_days=? WHERE id=1`,
			p.Name, p.LegalName, p.TaxID, p.Country, p.Currency, p.FiscalYearStartMonth, p.DefaultTermsDays); err != nil {
			return err
		}
		return tx.audit("update", "portfolio", 1, before, p)
	})
	return p, err
}

// CreateClient validates and stores a new client.
func (db *DB) CreateClient(ctx context.Context, in ar.ClientInput) (ar.Client, error) {
	c, err := ar.CheckClient(in)
	if err != nil {
		return c, err
	}
	err = db.write(ctx, func(tx *Tx) error {
		if err := checkTaxIDFree(ctx, tx, c.TaxID, 0); err != nil {
			return err
		}
		c.CreatedAt, c.UpdatedAt = tx.now, tx.now
		res, err := tx.ExecContext(ctx, `INSERT INTO clients (legal_name, trade_name, tax_id, tax_id_status, country, payment_terms_days, credit_limit_minor, segment, tags, notes, search_text, name_key, tax_id_key, created_at, updated_at)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, c.LegalName, c.TradeName, c.TaxID, c.TaxIDStatus, c.Country, c.PaymentTermsDays, c.CreditLimit,
			c.Segment, strings.Join(c.Tags, "\t"), c.Notes, searchText(c), nameKey(c), taxIDKey(c), ts(tx.now), ts(tx.now))
		if err != nil {
			return err
		}
		c.ID, _ = res.LastInsertId()
		if err := writeContacts(ctx, tx, c.ID, c.Contacts); err != nil {
			return err
		}
		c, err = findClient(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		return tx.audit("create", "client", c.ID, nil, c)
	})
	return c, err
}

// UpdateClient replaces a client's details (its documents are untouched).
func (db *DB) UpdateClient(ctx context.Context, id int64, in ar.ClientInput) (ar.Client, error) {
	c, err := ar.CheckClient(in)
	if err != nil {
		return c, err
	}
	err = db.write(ctx, func(tx *Tx) error {
		before, err := findClient(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := checkTaxIDFree(ctx, tx, c.TaxID, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE clients SET legal_name=?, trade_name=?, tax_id=?, tax_id_status=?, country=?, payment_terms_days=?, credit_limit_minor=?, segment=?, tags=?, notes=?, search_text=?, name_key=?, tax_id_key=?, updated_at=? WHERE id=?`,
			c.LegalName, c.TradeName, c.TaxID, c.TaxIDStatus, c.Country, c.PaymentTermsDays, c.CreditLimit, c.Segment, strings.Join(c.Tags, "\t"), c.Notes, searchText(c), nameKey(c), taxIDKey(c), ts(tx.now), id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM contacts WHERE client_id = ?`, id); err != nil {
			return err
		}
		if err := writeContacts(ctx, tx, id, c.Contacts); err != nil {
			return err
		}
		c, err = findClient(ctx, tx, id)
		if err != nil {
			return err
		}
		return tx.audit("update", "client", id, before, c)
	})
	return c, err
}

// ArchiveClient hides a client from daily lists (or brings it back); nothing is deleted.
func (db *DB) ArchiveClient(ctx context.Context, id int64, archived bool) (ar.Client, error) {
	var c ar.Client
	err := db.write(ctx, func(tx *Tx) error {
		before, err := findClient(ctx, tx, id)
		if err != nil {
			return err
		}
		var at any
		action := "unarchive"
		if archived {
			at, action = ts(tx.now), "archive"
		}
		if _, err := tx.ExecContext(ctx, `UPDATE clients SET archived_at=?, updated_at=? WHERE id=?`, at, ts(tx.now), id); err != nil {
			return err
		}
		c, err = findClient(ctx, tx, id)
		if err != nil {
			return err
		}
		return tx.audit(action, "client", id, before, c)
	})
	return c, err
}

func checkTaxIDFree(ctx context.Context, tx *Tx, taxID string, self int64) error {
	if taxID == "" {
		return nil
	}
	var id int64
	var name string
	err := tx.QueryRowContext(ctx, `SELECT id, legal_name FROM clients WHERE tax_id = ? AND id <> ? LIMIT 1`, taxID, self).Scan(&id, &name)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return ar.Errorf(ar.EConflict, "taxId", "client.tax_id_taken", "client", name, "value", taxID)
}

func writeContacts(ctx context.Context, tx *Tx, clientID int64, cs []ar.Contact) error {
	for i, ct := range cs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO contacts (client_id, position, name, role, email, phone, channel) VALUES (?,?,?,?,?,?,?)`,
			clientID, i, ct.Name, ct.Role, ct.Email, ct.Phone, string(ct.Channel)); err != nil {
			return err
		}
	}
	return nil
}

func searchText(c ar.Client) string {
	return ar.Fold(strings.Join([]string{c.LegalName, c.TradeName, c.TaxID, c.Segment, strings.Join(c.Tags, " ")}, " "))
}

// nameKey and taxIDKey are what the client list sorts by (name_key,
// tax_id_key); every write of a client's name or tax ID stores them.
func nameKey(c ar.Client) string  { return ar.NameSortKey(c.LegalName) }
func taxIDKey(c ar.Client) string { return taxid.SortKey(c.TaxID) }

// fillClientKeys gives the clients of a portfolio written before migration
// 3 their sort keys.
func fillClientKeys(ctx context.Context, tx *sql.Tx) error {
	type key struct {
		id          int64
		name, taxID string
	}
	var keys []key
	rows, err := tx.QueryContext(ctx, `SELECT id, legal_name, tax_id FROM clients`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var c ar.Client
		if err := rows.Scan(&id, &c.LegalName, &c.TaxID); err != nil {
			rows.Close()
			return err
		}
		keys = append(keys, key{id, nameKey(c), taxIDKey(c)})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	st, err := tx.PrepareContext(ctx, `UPDATE clients SET name_key = ?, tax_id_key = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, k := range keys {
		if _, err := st.ExecContext(ctx, k.name, k.taxID, k.id); err != nil {
			return err
		}
	}
	return nil
}

// querier is what both *sql.DB and *Tx offer for reads.
type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

// FindClientByID returns one client with its contacts.
func (db *DB) FindClientByID(ctx context.Context, id int64) (ar.Client, error) {
	c, err := findClient(ctx, db.sql, id)
	return c, mapErr(err)
}

func findClient(ctx context.Context, q querier, id int64) (ar.Client, error) {
	var c ar.Client
	var tags, created, updated string
	var archived sql.NullString
	err := q.QueryRowContext(ctx, `SELECT id, legal_name, trade_name, tax_id, tax_id_status, country, payment_terms_days, credit_limit_minor, segment, tags, notes, archived_at, created_at, updated_at FROM clients WHERE id = ?`, id).
		Scan(&c.ID, &c.LegalName, &c.TradeName, &c.TaxID, &c.TaxIDStatus, &c.Country, &c.PaymentTermsDays, &c.CreditLimit, &c.Segment, &tags, &c.Notes, &archived, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ar.Errorf(ar.ENotFound, "clientId", "client.not_found", "id", fmt.Sprint(id))
	}
	if err != nil {
		return c, err
	}
	c.Tags = splitTags(tags)
	c.ArchivedAt, c.CreatedAt, c.UpdatedAt = parseTSPtr(archived), parseTS(created), parseTS(updated)
	rows, err := q.QueryContext(ctx, `SELECT id, name, role, email, phone, channel FROM contacts WHERE client_id = ? ORDER BY position`, id)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	c.Contacts = []ar.Contact{}
	for rows.Next() {
		var ct ar.Contact
		if err := rows.Scan(&ct.ID, &ct.Name, &ct.Role, &ct.Email, &ct.Phone, &ct.Channel); err != nil {
			return c, err
		}
		c.Contacts = append(c.Contacts, ct)
	}
	return c, rows.Err()
}

func splitTags(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, "\t")
}

// ClientFilter selects and orders a page of the client list.
type ClientFilter struct {
	Search   string    `json:"search"`
	Segment  string    `json:"segment"`
	Archived string    `json:"archived"` // "" or "active", "archived", "all"
	Overdue  bool      `json:"overdue"`  // only clients with something overdue
	Sort     string    `json:"sort"`     // name, taxId, segment, balance, overdue
	Desc     bool      `json:"desc"`
	Offset   int       `json:"offset"`
	Limit    int       `json:"limit"`
	Today    date.Date `json:"today" ts_type:"string"`
}

// ClientRow is one line of the client list; amounts are in the portfolio currency.
type ClientRow struct {
	ID          int64          `json:"id"`
	LegalName   string         `json:"legalName"`
	TradeName   string         `json:"tradeName"`
	TaxID       string         `json:"taxId"`
	TaxIDStatus ar.TaxIDStatus `json:"taxIdStatus"`
	Country     string         `json:"country"`
	Segment     string         `json:"segment"`
	Archived    bool           `json:"archived"`
	Receivable  int64          `json:"receivable"` // open invoices and debit notes
	Overdue     int64          `json:"overdue"`    // the part of Receivable past due
	Credit      int64          `json:"credit"`     // unapplied credit notes and unallocated payments
	Balance     int64          `json:"balance"`    // Receivable − Credit, as ar.ClientBalances: negative when in credit
	CreditLimit int64          `json:"creditLimit"`
}

// ClientPage is a page of the client list and how many rows the filter matches.
type ClientPage struct {
	Rows  []ClientRow `json:"rows"`
	Total int         `json:"total"`
}

// receivableSQL, overdueSQL and creditSQL are a client c's open receivables
// in currency ?1, the part of them due before ?2, and its credit (open credit
// notes and unallocated payments) in ?1; balanceSQL is receivable − credit in
// two lookups instead of three, for sorting every client by it. They are the
// client list's figures of ar.ClientBalances, each read from a covering
// partial index.
const (
	receivableSQL = `(SELECT COALESCE(SUM(d.open_minor),0) FROM documents d WHERE d.client_id = c.id AND d.currency = ?1 AND d.open_minor > 0 AND d.voided_at IS NULL AND d.kind <> 'credit_note')`
	overdueSQL    = `(SELECT COALESCE(SUM(d.open_minor),0) FROM documents d WHERE d.client_id = c.id AND d.currency = ?1 AND d.open_minor > 0 AND d.voided_at IS NULL AND d.kind <> 'credit_note' AND d.due_date < ?2)`
	creditSQL     = `((SELECT COALESCE(SUM(d.open_minor),0) FROM documents d WHERE d.client_id = c.id AND d.currency = ?1 AND d.open_minor > 0 AND d.voided_at IS NULL AND d.kind = 'credit_note')
		+ (SELECT COALESCE(SUM(p.unallocated_minor),0) FROM payments p WHERE p.client_id = c.id AND p.currency = ?1 AND p.unallocated_minor > 0 AND p.reversed_at IS NULL))`
	balanceSQL = `((SELECT COALESCE(SUM(CASE WHEN d.kind = 'credit_note' THEN -d.open_minor ELSE d.open_minor END),0) FROM documents d WHERE d.client_id = c.id AND d.currency = ?1 AND d.open_minor > 0 AND d.voided_at IS NULL)
		- (SELECT COALESCE(SUM(p.unallocated_minor),0) FROM payments p WHERE p.client_id = c.id AND p.currency = ?1 AND p.unallocated_minor > 0 AND p.reversed_at IS NULL))`
)

// clientSorts are the keys the client list is ordered by, by ClientFilter.Sort.
var clientSorts = map[string]string{"name": "c.name_key", "taxId": "c.tax_id_key", "segment": "lower(c.segment)",
	"balance": balanceSQL, "overdue": overdueSQL}

// FindClients returns a page of clients with what each owes and holds in
// the portfolio currency, as of f.Today.
func (db *DB) FindClients(ctx context.Context, f ClientFilter) (ClientPage, error) {
	page := ClientPage{Rows: []ClientRow{}}
	err := db.clients(ctx, f, &page.Total, func(r ClientExport) error {
		page.Rows = append(page.Rows, r.ClientRow)
		return nil
	})
	return page, err
}

// EachClientOf calls fn for every client the list would show for f (its
// filters, search and order, without paging), with what an export adds.
func (db *DB) EachClientOf(ctx context.Context, f ClientFilter, fn func(ClientExport) error) error {
	return db.clients(ctx, f, nil, fn)
}

// clients runs the client list's query for f: one page of it, counting every
// match into total, or every row, with the export's extra columns, when total is nil.
func (db *DB) clients(ctx context.Context, f ClientFilter, total *int, fn func(ClientExport) error) error {
	p, err := db.Portfolio(ctx)
	if err != nil {
		return err
	}
	// ?1 and ?2 are the currency and today, numbered so they can repeat;
	// every other argument is added with its number by arg.
	args := []any{p.Currency, f.Today.String()}
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("?%d", len(args))
	}
	var where []string
	switch f.Archived {
	case "archived":
		where = append(where, "c.archived_at IS NOT NULL")
	case "all":
	default:
		where = append(where, "c.archived_at IS NULL")
	}
	for _, forms := range ar.SearchWords(f.Search) {
		var or []string
		for _, w := range forms {
			or = append(or, "c.search_text LIKE "+arg("%"+likeEscape(w)+"%")+` ESCAPE '\'`)
		}
		where = append(where, "("+strings.Join(or, " OR ")+")")
	}
	if f.Segment != "" {
		where = append(where, "c.segment = "+arg(f.Segment))
	}
	if f.Overdue {
		// Balances come from the partial index of open documents: a handful of rows per client.
		where = append(where, overdueSQL+" > 0")
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	order := clientSorts[f.Sort]
	if order == "" {
		order = clientSorts["name"]
	}
	dir := "ASC"
	if f.Desc {
		dir = "DESC"
	}
	// The rows are chosen computing only their sort key for every client; the
	// figures shown are computed for the chosen rows alone (a page, or every
	// row for an export, which also reads the terms, tags and first contact).
	inner := fmt.Sprintf(`SELECT c.id AS id, %s AS k FROM clients c %s ORDER BY k %s, c.id %s`, order, cond, dir, dir)
	extra := ", c.payment_terms_days, c.tags, " + firstContactSQL
	if total != nil {
		limit := f.Limit
		if limit <= 0 || limit > 1000 {
			limit = 100
		}
		if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM clients c `+cond, args...).Scan(total); err != nil {
			return mapErr(err)
		}
		inner += fmt.Sprintf(" LIMIT %d OFFSET %d", limit, max(0, f.Offset))
		extra = ", 0, '', '', ''"
	}
	q := fmt.Sprintf(`SELECT c.id, c.legal_name, c.trade_name, c.tax_id, c.tax_id_status, c.country, c.segment, c.archived_at IS NOT NULL, c.credit_limit_minor,
		%s AS receivable, %s AS overdue, %s AS credit%s
		FROM (%s) pg JOIN clients c ON c.id = pg.id
		ORDER BY pg.k %s, pg.id %s`,
		receivableSQL, overdueSQL, creditSQL, extra, inner, dir, dir)
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	return each(rows, func(rows *sql.Rows) error {
		var r ClientExport
		if err := rows.Scan(&r.ID, &r.LegalName, &r.TradeName, &r.TaxID, &r.TaxIDStatus, &r.Country, &r.Segment, &r.Archived, &r.CreditLimit, &r.Receivable, &r.Overdue, &r.Credit,
			&r.PaymentTermsDays, &r.Tags, &r.Email, &r.Phone); err != nil {
			return mapErr(err)
		}
		r.Balance = r.Receivable - r.Credit
		return fn(r)
	})
}

// firstContactSQL is the email and phone of a client's first contact, for exports.
const firstContactSQL = `COALESCE((SELECT email FROM contacts WHERE client_id = c.id ORDER BY position LIMIT 1), ''),
		COALESCE((SELECT phone FROM contacts WHERE client_id = c.id ORDER BY position LIMIT 1), '')`

// clientMatch is a condition on col, a client id, that holds for the clients
// whose search text has every word of s in one of its written forms (a tax
// ID with or without dots and dash), as the client list searches; with its
// arguments, for plain "?" placeholders.
func clientMatch(col, s string) (string, []any) {
	var and []string
	var args []any
	for _, forms := range ar.SearchWords(s) {
		var or []string
		for _, w := range forms {
			or = append(or, `search_text LIKE ? ESCAPE '\'`)
			args = append(args, "%"+likeEscape(w)+"%")
		}
		and = append(and, "("+strings.Join(or, " OR ")+")")
	}
	if len(and) == 0 {
		return "1", nil
	}
	return col + " IN (SELECT id FROM clients WHERE " + strings.Join(and, " AND ") + ")", args
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Segments lists the segments in use, for filters and forms.
func (db *DB) Segments(ctx context.Context) ([]string, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT DISTINCT segment FROM clients WHERE segment <> '' ORDER BY segment COLLATE NOCASE`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var s string
		rows.Scan(&s)
		out = append(out, s)
	}
	return out, mapErr(rows.Err())
}

// ClientSummary is the header of a client's page.
type ClientSummary struct {
	Client     ar.Client            `json:"client"`
	Balances   []ar.CurrencyBalance `json:"balances"`   // portfolio currency first
	CreditUsed int                  `json:"creditUsed"` // percent of the credit limit used by the portfolio-currency receivable; -1 without limit
}

// FindClientSummary returns a client with its balances as of today
// (ar.ClientBalances over its open documents and unallocated payments).
func (db *DB) FindClientSummary(ctx context.Context, id int64, today date.Date) (ClientSummary, error) {
	var s ClientSummary
	c, err := findClient(ctx, db.sql, id)
	if err != nil {
		return s, mapErr(err)
	}
	p, err := db.Portfolio(ctx)
	if err != nil {
		return s, err
	}
	s.Client = c
	var docs []ar.Document
	rows, err := db.sql.QueryContext(ctx, `SELECT currency, kind, open_minor, due_date FROM documents
		WHERE client_id = ? AND open_minor > 0 AND voided_at IS NULL`, id)
	if err != nil {
		return s, mapErr(err)
	}
	for rows.Next() {
		var d ar.Document
		if err := rows.Scan(&d.Currency, &d.Kind, &d.Open, &d.DueDate); err != nil {
			rows.Close()
			return s, mapErr(err)
		}
		docs = append(docs, d)
	}
	rows.Close()
	var pays []ar.Payment
	rows, err = db.sql.QueryContext(ctx, `SELECT currency, unallocated_minor FROM payments WHERE client_id = ? AND reversed_at IS NULL AND unallocated_minor > 0`, id)
	if err != nil {
		return s, mapErr(err)
	}
	for rows.Next() {
		var pay ar.Payment
		if err := rows.Scan(&pay.Currency, &pay.Unallocated); err != nil {
			rows.Close()
			return s, mapErr(err)
		}
		pays = append(pays, pay)
	}
	rows.Close()
	s.Balances = ar.ClientBalances(docs, pays, p.Currency, today)
	s.CreditUsed = -1
	if c.CreditLimit > 0 {
		s.CreditUsed = int(s.Balances[0].Receivable * 100 / c.CreditLimit)
	}
	return s, nil
}

// ClientLedger returns the client's account, oldest first, with running balances.
func (db *DB) ClientLedger(ctx context.Context, id int64, today date.Date) ([]ar.LedgerEntry, error) {
	if _, err := findClient(ctx, db.sql, id); err != nil {
		return nil, mapErr(err)
	}
	docs, err := db.findDocs(ctx, `WHERE d.client_id = ?`, id)
	if err != nil {
		return nil, err
	}
	pays, err := db.findPays(ctx, `WHERE p.client_id = ?`, id)
	if err != nil {
		return nil, err
	}
	return ar.Ledger(docs, pays, today), nil
}
