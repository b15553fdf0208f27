package sqlite

import (
	"context"
	"fmt"

	"cartera/backend/ar"
)

// Violation is one thing wrong with a portfolio file.
type Violation struct {
	Rule   string `json:"rule"`
	Detail string `json:"detail"`
}

// Check verifies the file (SQLite integrity and foreign keys) and the money
// invariants: no allocation takes more than its payment, credit note or
// document has; every cached open, credited and unallocated amount equals what
// the allocations say; every client's stored sort keys follow its name and
// tax ID. It returns every violation found (at most limit per rule).
func (db *DB) Check(ctx context.Context, limit int) ([]Violation, error) {
	if limit <= 0 {
		limit = 20
	}
	var out []Violation
	add := func(rule, format string, a ...any) { out = append(out, Violation{rule, fmt.Sprintf(format, a...)}) }

	// One connection with a large cache and the file mapped in memory: the
	// checks read the whole file several times, and re-reading it through a
	// small cache costs twice the time.
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return nil, mapErr(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA cache_size = -200000; PRAGMA mmap_size = 4294967296`); err != nil {
		return nil, mapErr(err)
	}
	defer conn.ExecContext(context.Background(), `PRAGMA cache_size = -16000; PRAGMA mmap_size = 0`)
	rows, err := conn.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return nil, mapErr(err)
	}
	for rows.Next() {
		var s string
		rows.Scan(&s)
		if s != "ok" {
			add("integrity", "%s", s)
		}
	}
	rows.Close()
	rows, err = conn.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return nil, mapErr(err)
	}
	for rows.Next() {
		var table, parent string
		var rowid, fkid any
		rows.Scan(&table, &rowid, &parent, &fkid)
		add("foreign_key", "%s row %v points to a missing %s", table, rowid, parent)
	}
	rows.Close()

	// Sums of live allocations per document, per credit note and per payment,
	// each computed in one pass instead of a subquery per row.
	const byDoc = `(SELECT document_id AS id, SUM(amount_minor) AS total,
			SUM(CASE WHEN credit_note_id IS NOT NULL THEN amount_minor ELSE 0 END) AS credited
			FROM allocations WHERE reversed_at IS NULL GROUP BY document_id)`
	const byCN = `(SELECT credit_note_id AS id, SUM(amount_minor) AS total FROM allocations
			WHERE reversed_at IS NULL AND credit_note_id IS NOT NULL GROUP BY credit_note_id)`
	const byPay = `(SELECT payment_id AS id, SUM(amount_minor) AS total FROM allocations
			WHERE reversed_at IS NULL AND payment_id IS NOT NULL GROUP BY payment_id)`
	checks := []struct{ rule, q string }{
		{"document_open", `SELECT d.id, d.number, d.open_minor, d.amount_minor - COALESCE(s.total, 0)
			FROM documents d LEFT JOIN ` + byDoc + ` s ON s.id = d.id
			WHERE d.kind <> 'credit_note' AND d.open_minor <> d.amount_minor - COALESCE(s.total, 0)`},
		{"document_credited", `SELECT d.id, d.number, d.credited_minor, COALESCE(s.credited, 0)
			FROM documents d LEFT JOIN ` + byDoc + ` s ON s.id = d.id
			WHERE d.credited_minor <> COALESCE(s.credited, 0)`},
		{"credit_note_open", `SELECT d.id, d.number, d.open_minor, d.amount_minor - COALESCE(s.total, 0)
			FROM documents d LEFT JOIN ` + byCN + ` s ON s.id = d.id
			WHERE d.kind = 'credit_note' AND d.open_minor <> d.amount_minor - COALESCE(s.total, 0)`},
		{"payment_unallocated", `SELECT p.id, p.reference, p.unallocated_minor, p.amount_minor - COALESCE(s.total, 0)
			FROM payments p LEFT JOIN ` + byPay + ` s ON s.id = p.id
			WHERE p.unallocated_minor <> p.amount_minor - COALESCE(s.total, 0)`},
	}
	for _, c := range checks {
		rows, err := conn.QueryContext(ctx, c.q+fmt.Sprintf(" LIMIT %d", limit))
		if err != nil {
			return nil, mapErr(err)
		}
		for rows.Next() {
			var id int64
			var ref string
			var stored, want int64
			rows.Scan(&id, &ref, &stored, &want)
			add(c.rule, "id %d (%s): stored %d, allocations say %d", id, ref, stored, want)
		}
		rows.Close()
	}

	// Allocations that break the rules no cache can hide.
	rules := []struct{ rule, q string }{
		{"allocation_over_payment", `SELECT p.id, p.amount_minor, SUM(a.amount_minor) FROM allocations a JOIN payments p ON p.id = a.payment_id
			WHERE a.reversed_at IS NULL GROUP BY p.id HAVING SUM(a.amount_minor) > p.amount_minor`},
		{"allocation_over_document", `SELECT d.id, d.amount_minor, SUM(a.amount_minor) FROM allocations a JOIN documents d ON d.id = a.document_id
			WHERE a.reversed_at IS NULL GROUP BY d.id HAVING SUM(a.amount_minor) > d.amount_minor`},
		{"allocation_over_credit_note", `SELECT d.id, d.amount_minor, SUM(a.amount_minor) FROM allocations a JOIN documents d ON d.id = a.credit_note_id
			WHERE a.reversed_at IS NULL GROUP BY d.id HAVING SUM(a.amount_minor) > d.amount_minor`},
		{"allocation_reversed_payment", `SELECT a.id, a.payment_id, a.amount_minor FROM allocations a JOIN payments p ON p.id = a.payment_id
			WHERE a.reversed_at IS NULL AND p.reversed_at IS NOT NULL`},
		{"allocation_voided_document", `SELECT a.id, a.document_id, a.amount_minor FROM allocations a JOIN documents d ON d.id = a.document_id OR d.id = a.credit_note_id
			WHERE a.reversed_at IS NULL AND d.voided_at IS NOT NULL`},
		// A matched bank line has exactly one live match; a line waiting has none.
		{"bank_line_matches", `SELECT l.id, l.status = 'matched', (SELECT count(*) FROM bank_matches m WHERE m.line_id = l.id AND m.undone_at IS NULL) AS n
			FROM bank_lines l WHERE n <> (l.status = 'matched')`},
		// A live match's payment is live and of the line's amount, currency and date.
		{"bank_match_payment", `SELECT m.id, l.amount_minor, p.amount_minor FROM bank_matches m JOIN bank_lines l ON l.id = m.line_id JOIN payments p ON p.id = m.payment_id
			WHERE m.undone_at IS NULL AND (p.reversed_at IS NOT NULL OR p.amount_minor <> l.amount_minor OR p.currency <> l.currency OR p.date <> l.date)`},
		// Credit notes applied with a match are undone with it.
		{"bank_match_credit", `SELECT a.id, a.bank_match_id, a.amount_minor FROM allocations a JOIN bank_matches m ON m.id = a.bank_match_id
			WHERE a.reversed_at IS NULL AND m.undone_at IS NOT NULL`},
		{"allocation_other_client", `SELECT a.id, a.document_id, a.amount_minor FROM allocations a JOIN documents d ON d.id = a.document_id
			LEFT JOIN payments p ON p.id = a.payment_id LEFT JOIN documents cn ON cn.id = a.credit_note_id
			WHERE COALESCE(p.client_id, cn.client_id) <> d.client_id OR COALESCE(p.currency, cn.currency) <> d.currency`},
	}
	for _, r := range rules {
		rows, err := conn.QueryContext(ctx, r.q+fmt.Sprintf(" LIMIT %d", limit))
		if err != nil {
			return nil, mapErr(err)
		}
		for rows.Next() {
			var a, b, c int64
			rows.Scan(&a, &b, &c)
			add(r.rule, "%d: %d vs %d", a, b, c)
		}
		rows.Close()
	}

	// The client balance identity: what the ledger says equals what the open
	// amounts say, per client and currency.
	rows, err = conn.QueryContext(ctx, `
		WITH ledger AS (
			SELECT client_id, currency, SUM(CASE WHEN kind = 'credit_note' THEN -amount_minor ELSE amount_minor END) AS v FROM documents WHERE voided_at IS NULL GROUP BY 1, 2
			UNION ALL SELECT client_id, currency, -SUM(amount_minor) FROM payments WHERE reversed_at IS NULL GROUP BY 1, 2),
		open AS (
			SELECT client_id, currency, SUM(CASE WHEN kind = 'credit_note' THEN -open_minor ELSE open_minor END) AS v FROM documents WHERE voided_at IS NULL GROUP BY 1, 2
			UNION ALL SELECT client_id, currency, -SUM(unallocated_minor) FROM payments WHERE reversed_at IS NULL GROUP BY 1, 2),
		l AS (SELECT client_id, currency, SUM(v) v FROM ledger GROUP BY 1, 2),
		o AS (SELECT client_id, currency, SUM(v) v FROM open GROUP BY 1, 2)
		SELECT l.client_id, l.currency, l.v, COALESCE(o.v, 0) FROM l LEFT JOIN o USING (client_id, currency) WHERE l.v <> COALESCE(o.v, 0) LIMIT ?`, limit)
	if err != nil {
		return nil, mapErr(err)
	}
	for rows.Next() {
		var id int64
		var cur string
		var l, o int64
		rows.Scan(&id, &cur, &l, &o)
		add("client_balance", "client %d %s: invoices − credit notes − payments = %d, open documents − unapplied credit = %d", id, cur, l, o)
	}
	rows.Close()

	// The stored sort keys of the client list follow each client's name and tax ID.
	rows, err = conn.QueryContext(ctx, `SELECT id, legal_name, tax_id, name_key, tax_id_key FROM clients`)
	if err != nil {
		return nil, mapErr(err)
	}
	bad := 0
	for rows.Next() {
		var c ar.Client
		var nk, tk string
		rows.Scan(&c.ID, &c.LegalName, &c.TaxID, &nk, &tk)
		if (nk != nameKey(c) || tk != taxIDKey(c)) && bad < limit {
			bad++
			add("client_sort_key", "client %d (%s): stored keys %q, %q; want %q, %q", c.ID, c.LegalName, nk, tk, nameKey(c), taxIDKey(c))
		}
	}
	rows.Close()
	return out, nil
}
