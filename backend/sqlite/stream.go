package sqlite

import (
	"context"
	"database/sql"

	"cartera/backend/ar"
	"cartera/backend/date"
)

// The Each functions read a whole list in one query, row by row, for exports
// of any size: nothing is held in memory but the current row, and fn's error
// stops the reading.

// ClientExport is one client as an export shows it.
type ClientExport struct {
	ClientRow
	PaymentTermsDays int
	Tags             string // tab-separated
	Email, Phone     string // of the first contact
}

// EachClient calls fn for every client in the list's order by name, with
// its receivable, overdue, credit and signed balance in the portfolio
// currency as of today, as FindClients shows them.
func (db *DB) EachClient(ctx context.Context, today date.Date, fn func(ClientExport) error) error {
	p, err := db.Portfolio(ctx)
	if err != nil {
		return err
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT c.id, c.legal_name, c.trade_name, c.tax_id, c.tax_id_status, c.country, c.segment, c.archived_at IS NOT NULL,
		c.credit_limit_minor, `+receivableSQL+`, `+overdueSQL+`, `+creditSQL+`, c.payment_terms_days, c.tags,
		COALESCE((SELECT email FROM contacts WHERE client_id = c.id ORDER BY position LIMIT 1), ''),
		COALESCE((SELECT phone FROM contacts WHERE client_id = c.id ORDER BY position LIMIT 1), '')
		FROM clients c ORDER BY c.name_key, c.id`, p.Currency, today.String())
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r ClientExport
		if err := rows.Scan(&r.ID, &r.LegalName, &r.TradeName, &r.TaxID, &r.TaxIDStatus, &r.Country, &r.Segment, &r.Archived,
			&r.CreditLimit, &r.Receivable, &r.Overdue, &r.Credit, &r.PaymentTermsDays, &r.Tags, &r.Email, &r.Phone); err != nil {
			return mapErr(err)
		}
		r.Balance = r.Receivable - r.Credit
		if err := fn(r); err != nil {
			return err
		}
	}
	return mapErr(rows.Err())
}

// EachDocument calls fn for every document in order of issue, with its client's name and tax ID.
func (db *DB) EachDocument(ctx context.Context, fn func(d ar.Document, client, taxID string) error) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+docColumns+`, c.legal_name, c.tax_id FROM documents d JOIN clients c ON c.id = d.client_id
		ORDER BY d.issue_date, d.id`)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	return each(rows, func(r *sql.Rows) error {
		var client, tax string
		d, err := scanDoc(r, &client, &tax)
		if err != nil {
			return mapErr(err)
		}
		return fn(d, client, tax)
	})
}

// EachPayment calls fn for every payment by date, with its client's name and tax ID.
func (db *DB) EachPayment(ctx context.Context, fn func(p ar.Payment, client, taxID string) error) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+payColumns+`, c.legal_name, c.tax_id FROM payments p JOIN clients c ON c.id = p.client_id
		ORDER BY p.date, p.id`)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	return each(rows, func(r *sql.Rows) error {
		var client, tax string
		p, err := scanPay(r, &client, &tax)
		if err != nil {
			return mapErr(err)
		}
		return fn(p, client, tax)
	})
}

func each(rows *sql.Rows, fn func(*sql.Rows) error) error {
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return mapErr(rows.Err())
}
