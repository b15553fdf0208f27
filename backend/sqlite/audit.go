package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"cartera/backend/ar"
	"cartera/backend/date"
)

// FindAudit returns the changes to one record, newest first, as stored, or
// the newest changes to any record when entity is "".
func (db *DB) FindAudit(ctx context.Context, entity string, id int64, limit int) ([]ar.AuditEntry, error) {
	if limit <= 0 || limit > 1000 {
		limit = 200
	}
	q := `SELECT id, at, os_user, action, entity, entity_id, before, after FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT ?`
	args := []any{entity, id, limit}
	if entity == "" {
		q = `SELECT id, at, os_user, action, entity, entity_id, before, after FROM audit_log ORDER BY id DESC LIMIT ?`
		args = []any{limit}
	}
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []ar.AuditEntry{}
	for rows.Next() {
		var e ar.AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.User, &e.Action, &e.Entity, &e.EntityID, &e.Before, &e.After); err != nil {
			return nil, mapErr(err)
		}
		e.At = parseTS(at)
		out = append(out, e)
	}
	return out, mapErr(rows.Err())
}

// HistoryKinds maps each kind of record the history filters by to the
// entities of the audit log it covers (allocations belong with payments).
var HistoryKinds = map[string][]string{
	"clients":   {"client"},
	"documents": {"document"},
	"payments":  {"payment", "allocation"},
	"imports":   {"import"},
	"portfolio": {"portfolio"},
}

// AuditFilter selects a page of the history.
type AuditFilter struct {
	Entity   string    `json:"entity"`                // with EntityID, one record's history
	EntityID int64     `json:"entityId"`              //
	ClientID int64     `json:"clientId"`              // a client's history: the client, its documents, its payments and their allocations
	Kinds    []string  `json:"kinds"`                 // keys of HistoryKinds; none means every kind
	From     date.Date `json:"from" ts_type:"string"` // local calendar days, inclusive
	To       date.Date `json:"to" ts_type:"string"`
	Offset   int       `json:"offset"`
	Limit    int       `json:"limit"` // at most 500; 100 when 0
}

// HistoryPage is a page of the history, newest first, and whether older entries follow.
type HistoryPage struct {
	Rows []ar.HistoryEntry `json:"rows"`
	More bool              `json:"more"`
}

// FindHistory returns a page of the audit log as a user reads it: each entry
// names its record (document number, client name, payment, import file) and
// lists the fields it changed. Dates are the user's local calendar days.
func (db *DB) FindHistory(ctx context.Context, f AuditFilter) (HistoryPage, error) {
	page := HistoryPage{Rows: []ar.HistoryEntry{}}
	var where []string
	var args []any
	if f.Entity != "" {
		where, args = append(where, "entity = ? AND entity_id = ?"), append(args, f.Entity, f.EntityID)
	}
	if f.ClientID > 0 {
		where = append(where, `((entity = 'client' AND entity_id = ?)
			OR (entity = 'document' AND entity_id IN (SELECT id FROM documents WHERE client_id = ?))
			OR (entity = 'payment' AND entity_id IN (SELECT id FROM payments WHERE client_id = ?))
			OR (entity = 'allocation' AND entity_id IN (SELECT a.id FROM allocations a JOIN documents d ON d.id = a.document_id WHERE d.client_id = ?)))`)
		args = append(args, f.ClientID, f.ClientID, f.ClientID, f.ClientID)
	}
	if len(f.Kinds) > 0 {
		var in []string
		for _, k := range f.Kinds {
			es, ok := HistoryKinds[k]
			if !ok {
				return page, ar.Errorf(ar.EInvalid, "kinds", "status.unknown", "value", k)
			}
			for _, e := range es {
				in, args = append(in, "?"), append(args, e)
			}
		}
		where = append(where, "entity IN ("+strings.Join(in, ",")+")")
	}
	if !f.From.IsZero() {
		where, args = append(where, "at >= ?"), append(args, ts(f.From.In(time.Local)))
	}
	if !f.To.IsZero() {
		where, args = append(where, "at < ?"), append(args, ts(f.To.AddDays(1).In(time.Local)))
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	limit := f.Limit
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	rows, err := db.sql.QueryContext(ctx, fmt.Sprintf(`SELECT id, at, os_user, action, entity, entity_id, before, after, COALESCE(import_id, 0) FROM audit_log %s ORDER BY id DESC LIMIT %d OFFSET %d`,
		cond, limit+1, max(0, f.Offset)), args...)
	if err != nil {
		return page, mapErr(err)
	}
	var entries []ar.AuditEntry
	var imports []int64
	for rows.Next() {
		var e ar.AuditEntry
		var at string
		var imp int64
		if err := rows.Scan(&e.ID, &at, &e.User, &e.Action, &e.Entity, &e.EntityID, &e.Before, &e.After, &imp); err != nil {
			rows.Close()
			return page, mapErr(err)
		}
		e.At = parseTS(at)
		entries, imports = append(entries, e), append(imports, imp)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return page, mapErr(err)
	}
	if len(entries) > limit {
		entries, page.More = entries[:limit], true
	}
	p, err := db.Portfolio(ctx)
	if err != nil {
		return page, err
	}
	for i, e := range entries {
		h := ar.Describe(e, p.Currency, p.Country)
		h.ImportID = imports[i]
		if h.Record.Kind == "portfolio" && h.Record.Name == "" {
			h.Record.Name = p.Name
		}
		page.Rows = append(page.Rows, h)
	}
	return page, db.nameRecords(ctx, page.Rows)
}

// nameRecords adds to each entry what its snapshot lacks: the client's name,
// an allocation's document and payment, an import's file name. Records that
// no longer exist (an import undone) keep what the snapshot says.
func (db *DB) nameRecords(ctx context.Context, hs []ar.HistoryEntry) error {
	docs, pays, notes := map[int64]bool{}, map[int64]bool{}, map[int64]bool{}
	for _, h := range hs {
		if h.Record.Kind == "allocation" {
			docs[h.Record.DocumentID], pays[h.Record.PaymentID], notes[h.Record.CreditNoteID] = true, true, true
		}
	}
	type doc struct {
		kind, number, currency string
		client                 int64
	}
	docInfo := map[int64]doc{}
	for id := range docs {
		var d doc
		if db.sql.QueryRowContext(ctx, `SELECT kind, number, currency, client_id FROM documents WHERE id = ?`, id).Scan(&d.kind, &d.number, &d.currency, &d.client) == nil {
			docInfo[id] = d
		}
	}
	for id := range notes {
		var d doc
		if id != 0 && db.sql.QueryRowContext(ctx, `SELECT kind, number, currency, client_id FROM documents WHERE id = ?`, id).Scan(&d.kind, &d.number, &d.currency, &d.client) == nil {
			docInfo[-id] = d
		}
	}
	payRef := map[int64]string{}
	for id := range pays {
		var ref string
		if id != 0 && db.sql.QueryRowContext(ctx, `SELECT reference FROM payments WHERE id = ?`, id).Scan(&ref) == nil {
			payRef[id] = ref
		}
	}
	clients := map[int64]string{}
	for i := range hs {
		r := &hs[i].Record
		switch r.Kind {
		case "allocation":
			if d, ok := docInfo[r.DocumentID]; ok {
				r.DocKind, r.Number, r.Currency, r.ClientID = d.kind, d.number, d.currency, d.client
			}
			if r.PaymentID != 0 {
				r.Reference = payRef[r.PaymentID]
			} else if d, ok := docInfo[-r.CreditNoteID]; ok {
				r.Reference = d.number
			}
		case "import":
			var name string
			if db.sql.QueryRowContext(ctx, `SELECT file_name FROM imports WHERE id = ?`, hs[i].EntityID).Scan(&name) == nil {
				r.Name = name
			}
		}
		if r.ClientID != 0 && r.Kind != "client" {
			clients[r.ClientID] = ""
		}
	}
	for id := range clients {
		var name string
		err := db.sql.QueryRowContext(ctx, `SELECT legal_name FROM clients WHERE id = ?`, id).Scan(&name)
		if err != nil && err != sql.ErrNoRows {
			return mapErr(err)
		}
		clients[id] = name
	}
	for i := range hs {
		if r := &hs[i].Record; r.ClientID != 0 && r.Kind != "client" {
			r.Name = clients[r.ClientID]
		}
	}
	return nil
}
