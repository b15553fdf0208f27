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
		res, err := tx.ExecContext(ctx, `INSERT INTO clients (legal_name, trade_name, tax_id, tax_id_status, country, payment_terms_days, credit_limit_minor, segment, tags, notes, search_text, created_at, updated_at)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`, c.LegalName, c.TradeName, c.TaxID, c.TaxIDStatus, c.Country, c.PaymentTermsDays, c.CreditLimit,
			c.Segment, strings.Join(c.Tags, "\t"), c.Notes, searchText(c), ts(tx.now), ts(tx.now))
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
		if _, err := tx.ExecContext(ctx, `UPDATE clients SET legal_name=?, trade_name=?, tax_id=?, tax_id_status=?, country=?, payment_terms_days=?, credit_limit_minor=?, segment=?, tags=?, notes=?, search_text=?, updated_at=? WHERE id=?`,
			c.LegalName, c.TradeName, c.TaxID, c.TaxIDStatus, c.Country, c.PaymentTermsDays, c.CreditLimit, c.Segment, strings.Join(c.Tags, "\t"), c.Notes, searchText(c), ts(tx.now), id); err != nil {
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
	Receivable  int64          `json:"receivable"`
	Overdue     int64          `json:"overdue"`
	CreditLimit int64          `json:"creditLimit"`
}

// ClientPage is a page of the client list and how many rows the filter matches.
type ClientPage struct {
	Rows  []ClientRow `json:"rows"`
	Total int         `json:"total"`
}

// receivableSQL and overdueSQL are a client c's open receivables in currency
// ?1, and the part of them due before ?2, read from the covering partial index.
const (
	receivableSQL = `(SELECT COALESCE(SUM(d.open_minor),0) FROM documents d WHERE d.client_id = c.id AND d.currency = ?1 AND d.open_minor > 0 AND d.voided_at IS NULL AND d.kind <> 'credit_note')`
	overdueSQL    = `(SELECT COALESCE(SUM(d.open_minor),0) FROM documents d WHERE d.client_id = c.id AND d.currency = ?1 AND d.open_minor > 0 AND d.voided_at IS NULL AND d.kind <> 'credit_note' AND d.due_date < ?2)`
)

// FindClients returns a page of clients with what each owes in the portfolio
// currency, as of f.Today.
func (db *DB) FindClients(ctx context.Context, f ClientFilter) (ClientPage, error) {
	p, err := db.Portfolio(ctx)
	if err != nil {
		return ClientPage{}, err
	}
	var where []string
	var args []any
	switch f.Archived {
	case "archived":
		where = append(where, "c.archived_at IS NOT NULL")
	case "all":
	default:
		where = append(where, "c.archived_at IS NULL")
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		for _, w := range strings.Fields(ar.Fold(s)) {
			where = append(where, "c.search_text LIKE ? ESCAPE '\\'")
			args = append(args, "%"+likeEscape(w)+"%")
		}
	}
	if f.Segment != "" {
		where = append(where, "c.segment = ?")
		args = append(args, f.Segment)
	}
	today := f.Today.String()
	// Balances come from the partial index of open documents: a handful of rows per client.
	recv, over := receivableSQL, overdueSQL
	if f.Overdue {
		where = append(where, over+" > 0")
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	order := map[string]string{"name": "c.legal_name COLLATE NOCASE", "taxId": "c.tax_id", "segment": "c.segment COLLATE NOCASE",
		"balance": "receivable", "overdue": "overdue"}[f.Sort]
	if order == "" {
		order = "c.legal_name COLLATE NOCASE"
	}
	dir := "ASC"
	if f.Desc {
		dir = "DESC"
	}
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	// ?1 and ?2 are the currency and today; numbered so they can repeat.
	all := append([]any{p.Currency, today}, args...)
	renum := renumber(cond, 3)
	var page ClientPage
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM clients c `+renum, all...).Scan(&page.Total); err != nil {
		return page, mapErr(err)
	}
	q := fmt.Sprintf(`SELECT c.id, c.legal_name, c.trade_name, c.tax_id, c.tax_id_status, c.country, c.segment, c.archived_at IS NOT NULL, c.credit_limit_minor,
		%s AS receivable, %s AS overdue FROM clients c %s ORDER BY %s %s, c.id %s LIMIT %d OFFSET %d`, recv, over, renum, order, dir, dir, limit, max(0, f.Offset))
	rows, err := db.sql.QueryContext(ctx, q, all...)
	if err != nil {
		return page, mapErr(err)
	}
	defer rows.Close()
	page.Rows = []ClientRow{}
	for rows.Next() {
		var r ClientRow
		if err := rows.Scan(&r.ID, &r.LegalName, &r.TradeName, &r.TaxID, &r.TaxIDStatus, &r.Country, &r.Segment, &r.Archived, &r.CreditLimit, &r.Receivable, &r.Overdue); err != nil {
			return page, mapErr(err)
		}
		page.Rows = append(page.Rows, r)
	}
	return page, mapErr(rows.Err())
}

// renumber turns the plain "?" placeholders of cond into ?N, ?N+1, … so they
// can follow the numbered ones.
func renumber(cond string, from int) string {
	var b strings.Builder
	n := from
	for _, r := range cond {
		if r == '?' {
			fmt.Fprintf(&b, "?%d", n)
			n++
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
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

// CurrencyBalance is what a client owes and holds in one currency.
type CurrencyBalance struct {
	Currency     string `json:"currency"`
	Receivable   int64  `json:"receivable"`   // open invoices and debit notes
	Overdue      int64  `json:"overdue"`      // the part of Receivable past due
	Credit       int64  `json:"credit"`       // unallocated payments and unapplied credit notes
	Balance      int64  `json:"balance"`      // Receivable − Credit
	OpenCount    int    `json:"openCount"`    // open documents
	OverdueCount int    `json:"overdueCount"` // of which past due
	OldestDays   int    `json:"oldestDays"`   // days past due of the oldest overdue document
}

// ClientSummary is the header of a client's page.
type ClientSummary struct {
	Client     ar.Client         `json:"client"`
	Balances   []CurrencyBalance `json:"balances"`   // portfolio currency first
	CreditUsed int               `json:"creditUsed"` // percent of the credit limit used by the portfolio-currency receivable; -1 without limit
}

// FindClientSummary returns a client with its balances as of today.
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
	byCur := map[string]*CurrencyBalance{}
	get := func(cur string) *CurrencyBalance {
		if b, ok := byCur[cur]; ok {
			return b
		}
		b := &CurrencyBalance{Currency: cur}
		byCur[cur] = b
		return b
	}
	get(p.Currency)
	rows, err := db.sql.QueryContext(ctx, `SELECT currency, kind, open_minor, due_date FROM documents
		WHERE client_id = ? AND open_minor > 0 AND voided_at IS NULL`, id)
	if err != nil {
		return s, mapErr(err)
	}
	for rows.Next() {
		var cur, kind string
		var open int64
		var due date.Date
		if err := rows.Scan(&cur, &kind, &open, &due); err != nil {
			rows.Close()
			return s, mapErr(err)
		}
		b := get(cur)
		if ar.Kind(kind) == ar.KindCreditNote {
			b.Credit += open
			continue
		}
		b.Receivable += open
		b.OpenCount++
		if due.Before(today) {
			b.Overdue += open
			b.OverdueCount++
			b.OldestDays = max(b.OldestDays, today.DaysSince(due))
		}
	}
	rows.Close()
	rows, err = db.sql.QueryContext(ctx, `SELECT currency, SUM(unallocated_minor) FROM payments WHERE client_id = ? AND reversed_at IS NULL AND unallocated_minor > 0 GROUP BY currency`, id)
	if err != nil {
		return s, mapErr(err)
	}
	for rows.Next() {
		var cur string
		var v int64
		rows.Scan(&cur, &v)
		get(cur).Credit += v
	}
	rows.Close()
	s.Balances = append(s.Balances, *byCur[p.Currency])
	delete(byCur, p.Currency)
	var others []string
	for k := range byCur {
		others = append(others, k)
	}
	sortStrings(others)
	for _, k := range others {
		s.Balances = append(s.Balances, *byCur[k])
	}
	for i := range s.Balances {
		s.Balances[i].Balance = s.Balances[i].Receivable - s.Balances[i].Credit
	}
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
