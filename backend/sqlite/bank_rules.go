package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"cartera/backend/ar"
	"cartera/backend/reconcile"
)

// BankRule is a stored rule with the client's name for the list.
type BankRule struct {
	reconcile.Rule
	ClientName string `json:"clientName"`
	Builtin    bool   `json:"builtin"`
	Uses       int    `json:"uses"` // pending or classified lines it decided
}

// ensureDefaultRules stores the matcher's built-in rules (fees, taxes…) the
// first time a portfolio reconciles, so that the user can edit or delete them.
func ensureDefaultRules(ctx context.Context, tx *Tx) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM bank_rules WHERE builtin = 1`).Scan(&n); err != nil || n > 0 {
		return err
	}
	for _, r := range reconcile.DefaultRules() {
		if _, err := tx.ExecContext(ctx, `INSERT INTO bank_rules (kind, pattern, note, direction, builtin, created_at) VALUES (?,?,?,?,1,?)`, string(r.Kind), r.Pattern, r.Note, r.Direction, ts(tx.now)); err != nil {
			return err
		}
	}
	return nil
}

func bankRules(ctx context.Context, q querier) ([]reconcile.Rule, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, kind, pattern, COALESCE(client_id, 0), note, direction FROM bank_rules WHERE deleted_at IS NULL ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []reconcile.Rule
	for rows.Next() {
		var r reconcile.Rule
		if err := rows.Scan(&r.ID, &r.Kind, &r.Pattern, &r.ClientID, &r.Note, &r.Direction); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// BankRules lists the rules in force (the built-in ones are stored the first
// time this is asked, as a run would).
func (db *DB) BankRules(ctx context.Context) ([]BankRule, error) {
	if err := db.write(ctx, func(tx *Tx) error { return ensureDefaultRules(ctx, tx) }); err != nil {
		return nil, err
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT r.id, r.kind, r.pattern, COALESCE(r.client_id, 0), r.note, r.direction, COALESCE(c.legal_name, ''), r.builtin,
		(SELECT count(*) FROM bank_lines l WHERE l.rule_id = r.id AND l.status <> 'removed')
		FROM bank_rules r LEFT JOIN clients c ON c.id = r.client_id WHERE r.deleted_at IS NULL ORDER BY r.kind = 'client' DESC, r.id`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []BankRule{}
	for rows.Next() {
		var r BankRule
		if err := rows.Scan(&r.ID, &r.Kind, &r.Pattern, &r.ClientID, &r.Note, &r.Direction, &r.ClientName, &r.Builtin, &r.Uses); err != nil {
			return nil, mapErr(err)
		}
		out = append(out, r)
	}
	return out, mapErr(rows.Err())
}

var ruleKinds = map[reconcile.RuleKind]bool{"client": true, "fee": true, "tax": true, "transfer": true, "outgoing": true, "ignore": true}

// SaveBankRule creates a rule (ID 0) or changes one. A rule for a payer
// names a client; the others classify lines (fees, taxes, transfers…).
func (db *DB) SaveBankRule(ctx context.Context, r reconcile.Rule) (reconcile.Rule, error) {
	r.Pattern, r.Note = strings.TrimSpace(r.Pattern), strings.TrimSpace(r.Note)
	var is ar.Issues
	if !ruleKinds[r.Kind] {
		is.Add("kind", "bank.rule_kind")
	}
	if r.Pattern == "" {
		is.Add("pattern", "required")
	}
	if len(r.Pattern) > 200 || len(r.Note) > 200 {
		is.Add("pattern", "too_long", "max", "200")
	}
	if r.Kind == "client" && r.ClientID == 0 {
		is.Add("clientId", "required")
	}
	if len(is) > 0 {
		return r, is.Err()
	}
	if r.Kind != "client" {
		r.ClientID = 0
	}
	if r.Direction < -1 || r.Direction > 1 {
		r.Direction = 0
	}
	err := db.write(ctx, func(tx *Tx) error {
		var client any
		if r.ClientID != 0 {
			if _, err := findClient(ctx, tx, r.ClientID); err != nil {
				return err
			}
			client = r.ClientID
		}
		if r.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO bank_rules (kind, pattern, client_id, note, direction, created_at) VALUES (?,?,?,?,?,?)`, string(r.Kind), r.Pattern, client, r.Note, r.Direction, ts(tx.now))
			if err != nil {
				return err
			}
			r.ID, _ = res.LastInsertId()
			return tx.audit("create", "bank_rule", r.ID, nil, r)
		}
		var before reconcile.Rule
		err := tx.QueryRowContext(ctx, `SELECT id, kind, pattern, COALESCE(client_id, 0), note, direction FROM bank_rules WHERE id = ? AND deleted_at IS NULL`, r.ID).
			Scan(&before.ID, &before.Kind, &before.Pattern, &before.ClientID, &before.Note, &before.Direction)
		if errors.Is(err, sql.ErrNoRows) {
			return ar.Errorf(ar.ENotFound, "ruleId", "bank.rule_not_found", "id", fmt.Sprint(r.ID))
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE bank_rules SET kind = ?, pattern = ?, client_id = ?, note = ?, direction = ? WHERE id = ?`, string(r.Kind), r.Pattern, client, r.Note, r.Direction, r.ID); err != nil {
			return err
		}
		return tx.audit("update", "bank_rule", r.ID, before, r)
	})
	return r, err
}

// DeleteBankRule retires a rule (kept, marked, for the history); lines it
// classified keep their class until the next run looks at them again.
func (db *DB) DeleteBankRule(ctx context.Context, id int64) error {
	return db.write(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE bank_rules SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`, ts(tx.now), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ar.Errorf(ar.ENotFound, "ruleId", "bank.rule_not_found", "id", fmt.Sprint(id))
		}
		// Lines it kept out of the queue are looked at again by the next run.
		if _, err := tx.ExecContext(ctx, `UPDATE bank_lines SET category = 'deposit', rule_id = NULL WHERE rule_id = ? AND status = 'pending' AND amount_minor > 0 AND reversal = 0`, id); err != nil {
			return err
		}
		return tx.audit("delete", "bank_rule", id, nil, nil)
	})
}
