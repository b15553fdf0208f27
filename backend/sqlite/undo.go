package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"cartera/backend/ar"
)

// ImportRecord is one import in the history.
type ImportRecord struct {
	ID       int64        `json:"id"`
	At       time.Time    `json:"at" ts_type:"string"`
	User     string       `json:"user"`
	Target   string       `json:"target"`
	FileName string       `json:"fileName"`
	FileHash string       `json:"fileHash"`
	FileSize int64        `json:"fileSize"`
	Counts   ImportCounts `json:"counts"`
	UndoneAt *time.Time   `json:"undoneAt" ts_type:"string"`
	UndoneBy string       `json:"undoneBy"`
}

// Imports lists the imports, newest first.
func (db *DB) Imports(ctx context.Context) ([]ImportRecord, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, at, os_user, target, file_name, file_hash, file_size, counts, undone_at, undone_by FROM imports ORDER BY id DESC`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []ImportRecord{}
	for rows.Next() {
		var r ImportRecord
		var at, counts string
		var undone sql.NullString
		if err := rows.Scan(&r.ID, &at, &r.User, &r.Target, &r.FileName, &r.FileHash, &r.FileSize, &counts, &undone, &r.UndoneBy); err != nil {
			return nil, mapErr(err)
		}
		r.At, r.UndoneAt = parseTS(at), parseTSPtr(undone)
		json.Unmarshal([]byte(counts), &r.Counts)
		out = append(out, r)
	}
	return out, mapErr(rows.Err())
}

// importDependents are the queries that find what was recorded after an
// import and rests on it; each row is one thing the user must undo first.
var importDependents = []struct{ key, q string }{
	// Payments and credit notes from elsewhere applied to documents of the import.
	{"import.undo_allocated", `SELECT d.number, COALESCE(p.reference, cn.number, '') FROM allocations a
		JOIN documents d ON d.id = a.document_id LEFT JOIN payments p ON p.id = a.payment_id LEFT JOIN documents cn ON cn.id = a.credit_note_id
		WHERE d.import_id = ?1 AND ((a.payment_id IS NOT NULL AND COALESCE(p.import_id, 0) <> ?1) OR (a.credit_note_id IS NOT NULL AND COALESCE(cn.import_id, 0) <> ?1))`},
	// Credit notes of the import applied to documents from elsewhere.
	{"import.undo_note_applied", `SELECT cn.number, d.number FROM allocations a JOIN documents cn ON cn.id = a.credit_note_id JOIN documents d ON d.id = a.document_id
		WHERE cn.import_id = ?1 AND COALESCE(d.import_id, 0) <> ?1`},
	{"import.undo_corrected", `SELECT d.number, n.number FROM documents n JOIN documents d ON d.id = n.applies_to_id WHERE d.import_id = ?1 AND COALESCE(n.import_id, 0) <> ?1`},
	{"import.undo_voided", `SELECT number, '' FROM documents WHERE import_id = ?1 AND voided_at IS NOT NULL`},
	{"import.undo_reversed", `SELECT reference, date FROM payments WHERE import_id = ?1 AND reversed_at IS NOT NULL`},
	{"import.undo_payment_moved", `SELECT p.reference, d.number FROM allocations a JOIN payments p ON p.id = a.payment_id JOIN documents d ON d.id = a.document_id
		WHERE p.import_id = ?1 AND a.reversed_at IS NOT NULL`},
	{"import.undo_client_used", `SELECT c.legal_name, d.number FROM documents d JOIN clients c ON c.id = d.client_id WHERE c.import_id = ?1 AND COALESCE(d.import_id, 0) <> ?1`},
	{"import.undo_client_paid", `SELECT c.legal_name, p.reference FROM payments p JOIN clients c ON c.id = p.client_id WHERE c.import_id = ?1 AND COALESCE(p.import_id, 0) <> ?1`},
	{"import.undo_allocated", `SELECT d.number, COALESCE(p.reference, '') FROM audit_log a JOIN allocations al ON al.document_id = a.entity_id AND al.created_at > a.at
		JOIN documents d ON d.id = al.document_id LEFT JOIN payments p ON p.id = al.payment_id
		WHERE a.import_id = ?1 AND a.action = 'import.update' AND a.entity = 'document' AND COALESCE(p.import_id, 0) <> ?1`},
	{"import.undo_changed_later", `SELECT a.entity, a.entity_id FROM audit_log a WHERE a.import_id = ?1 AND a.action = 'import.update'
		AND EXISTS (SELECT 1 FROM audit_log b WHERE b.entity = a.entity AND b.entity_id = a.entity_id AND b.id > a.id)`},
}

// UndoImport removes everything an import created and restores what it
// changed, in one transaction, when nothing recorded later rests on it;
// otherwise it says what does (at most five of each kind).
func (db *DB) UndoImport(ctx context.Context, id int64) error {
	return db.write(ctx, func(tx *Tx) error {
		var undone sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT undone_at FROM imports WHERE id = ?`, id).Scan(&undone)
		if err == sql.ErrNoRows {
			return ar.Errorf(ar.ENotFound, "importId", "import.unknown_import", "id", fmt.Sprint(id))
		}
		if err != nil {
			return err
		}
		if undone.Valid {
			return ar.Errorf(ar.EConflict, "importId", "import.already_undone")
		}
		var is ar.Issues
		for _, dep := range importDependents {
			rows, err := tx.QueryContext(ctx, dep.q+" LIMIT 5", id)
			if err != nil {
				return err
			}
			for rows.Next() {
				var a, b string
				rows.Scan(&a, &b)
				is.Add("importId", dep.key, "a", a, "b", b)
			}
			rows.Close()
		}
		if len(is) > 0 {
			e := is.Err().(*ar.Error)
			e.Code = ar.EConflict
			return e
		}
		return undoImport(ctx, tx, id)
	})
}

func undoImport(ctx context.Context, tx *Tx, id int64) error {
	// Records the import changed go back to what they were.
	rows, err := tx.QueryContext(ctx, `SELECT entity, entity_id, before FROM audit_log WHERE import_id = ? AND action = 'import.update' ORDER BY id DESC`, id)
	if err != nil {
		return err
	}
	type change struct {
		entity string
		id     int64
		before string
	}
	var changes []change
	for rows.Next() {
		var c change
		rows.Scan(&c.entity, &c.id, &c.before)
		changes = append(changes, c)
	}
	rows.Close()
	restored := map[int64]bool{}
	for _, c := range changes {
		switch c.entity {
		case "document":
			var d ar.Document
			if err := json.Unmarshal([]byte(c.before), &d); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE documents SET amount_minor = ?, open_minor = ?, issue_date = ?, due_date = ? WHERE id = ?`,
				d.Amount, d.Open, d.IssueDate, d.DueDate, c.id); err != nil {
				return err
			}
			restored[c.id] = true
		case "client":
			var cl ar.Client
			if err := json.Unmarshal([]byte(c.before), &cl); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE clients SET legal_name = ?, trade_name = ?, segment = ?, notes = ?, payment_terms_days = ?, credit_limit_minor = ?, search_text = ?, name_key = ?, updated_at = ? WHERE id = ?`,
				cl.LegalName, cl.TradeName, cl.Segment, cl.Notes, cl.PaymentTermsDays, cl.CreditLimit, searchText(cl), nameKey(cl), ts(cl.UpdatedAt), c.id); err != nil {
				return err
			}
		}
	}
	// What the import's payments paid is owed again (documents restored above already are).
	rows, err = tx.QueryContext(ctx, `SELECT a.document_id, SUM(a.amount_minor) FROM allocations a JOIN payments p ON p.id = a.payment_id
		WHERE p.import_id = ? AND a.reversed_at IS NULL GROUP BY a.document_id`, id)
	if err != nil {
		return err
	}
	owed := map[int64]int64{}
	for rows.Next() {
		var doc, amount int64
		rows.Scan(&doc, &amount)
		owed[doc] = amount
	}
	rows.Close()
	for doc, amount := range owed {
		if restored[doc] {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET open_minor = open_minor + ? WHERE id = ? AND COALESCE(import_id, 0) <> ?`, amount, doc, id); err != nil {
			return err
		}
	}
	for _, q := range []string{
		`DELETE FROM allocations WHERE payment_id IN (SELECT id FROM payments WHERE import_id = ?1)`,
		`DELETE FROM allocations WHERE document_id IN (SELECT id FROM documents WHERE import_id = ?1)`,
		`DELETE FROM payments WHERE import_id = ?1`,
		`DELETE FROM documents WHERE import_id = ?1`,
		`DELETE FROM contacts WHERE client_id IN (SELECT id FROM clients WHERE import_id = ?1)`,
		`DELETE FROM clients WHERE import_id = ?1`,
	} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return fmt.Errorf("%s: %w", strings.Fields(q)[2], err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE imports SET undone_at = ?, undone_by = ? WHERE id = ?`, ts(tx.now), tx.user, id); err != nil {
		return err
	}
	return tx.audit("import.undo", "import", id, nil, nil)
}
