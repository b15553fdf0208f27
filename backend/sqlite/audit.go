package sqlite

import (
	"context"

	"cartera/backend/ar"
)

// FindAudit returns the changes to one record, newest first. For a client it
// also lists the changes to its documents and payments when all is true.
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
