package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"cartera/backend/ar"
	"cartera/backend/bankfile"
	"cartera/backend/date"
)

// BankAccount is one of the business's own bank accounts, into which
// statements are imported.
type BankAccount struct {
	ID         int64      `json:"id"`
	Bank       string     `json:"bank"`
	Number     string     `json:"number"`
	Currency   string     `json:"currency"`
	Name       string     `json:"name"`
	CreatedAt  time.Time  `json:"createdAt" ts_type:"string"`
	ArchivedAt *time.Time `json:"archivedAt" ts_type:"string"`
	// Figures for the account list.
	Lines       int       `json:"lines"`                     // lines imported
	Pending     int       `json:"pending"`                   // deposits waiting for a match
	LastDate    date.Date `json:"lastDate" ts_type:"string"` // the newest line's date
	LastBalance *int64    `json:"lastBalance"`               // the newest closing balance a statement gave
}

// accountKey is an account number with only its letters and digits, upper
// case: "00-123-45678-09" and "0012345678 09" are one account.
func accountKey(number string) string {
	var b strings.Builder
	for _, r := range number {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// BankAccounts lists the accounts with their figures, archived ones last.
// The figures come from one pass over the lines, not one per account.
func (db *DB) BankAccounts(ctx context.Context) ([]BankAccount, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT a.id, a.bank, a.number, a.currency, a.name, a.created_at, a.archived_at,
		COALESCE(f.lines, 0), COALESCE(f.pending, 0), COALESCE(f.last, ''),
		(SELECT s.closing_minor FROM bank_statements s JOIN bank_imports i ON i.id = s.import_id
			WHERE s.account_id = a.id AND i.undone_at IS NULL AND s.closing_minor IS NOT NULL ORDER BY s.closing_date DESC, s.id DESC LIMIT 1)
		FROM bank_accounts a LEFT JOIN (SELECT account_id, count(*) AS lines, SUM(status = 'pending' AND category = 'deposit') AS pending, max(date) AS last
			FROM bank_lines WHERE status <> 'removed' GROUP BY account_id) f ON f.account_id = a.id
		ORDER BY a.archived_at IS NOT NULL, a.bank, a.number`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []BankAccount{}
	for rows.Next() {
		var a BankAccount
		var created, last string
		var archived sql.NullString
		var bal sql.NullInt64
		if err := rows.Scan(&a.ID, &a.Bank, &a.Number, &a.Currency, &a.Name, &created, &archived, &a.Lines, &a.Pending, &last, &bal); err != nil {
			return nil, mapErr(err)
		}
		a.CreatedAt, a.ArchivedAt = parseTS(created), parseTSPtr(archived)
		if last != "" {
			a.LastDate, _ = date.Parse(last)
		}
		if bal.Valid {
			a.LastBalance = &bal.Int64
		}
		out = append(out, a)
	}
	return out, mapErr(rows.Err())
}

// SaveBankAccount creates an account (ID 0) or renames one; its number and
// currency cannot change once it has lines.
func (db *DB) SaveBankAccount(ctx context.Context, a BankAccount) (BankAccount, error) {
	a.Bank, a.Number, a.Name, a.Currency = strings.TrimSpace(a.Bank), strings.TrimSpace(a.Number), strings.TrimSpace(a.Name), strings.ToUpper(strings.TrimSpace(a.Currency))
	var is ar.Issues
	if a.Number == "" {
		is.Add("number", "required")
	}
	if a.Bank == "" {
		is.Add("bank", "required")
	}
	if len(a.Bank) > 100 || len(a.Number) > 60 || len(a.Name) > 100 {
		is.Add("name", "too_long", "max", "100")
	}
	err := db.write(ctx, func(tx *Tx) error {
		if a.Currency == "" {
			if err := tx.QueryRowContext(ctx, `SELECT currency FROM portfolio`).Scan(&a.Currency); err != nil {
				return err
			}
		}
		if len(is) > 0 {
			return is.Err()
		}
		if a.ID == 0 {
			id, err := insertAccount(ctx, tx, a)
			if err != nil {
				return err
			}
			a.ID = id
			return tx.audit("create", "bank_account", id, nil, a)
		}
		before, err := findAccount(ctx, tx, a.ID)
		if err != nil {
			return err
		}
		var lines int
		tx.QueryRowContext(ctx, `SELECT count(*) FROM bank_lines WHERE account_id = ? AND status <> 'removed'`, a.ID).Scan(&lines)
		if lines > 0 && (accountKey(before.Number) != accountKey(a.Number) || before.Currency != a.Currency) {
			return ar.Errorf(ar.EConflict, "number", "bank.account_has_lines", "lines", fmt.Sprint(lines))
		}
		if _, err := tx.ExecContext(ctx, `UPDATE bank_accounts SET bank = ?, number = ?, number_key = ?, currency = ?, name = ? WHERE id = ?`,
			a.Bank, a.Number, accountKey(a.Number), a.Currency, a.Name, a.ID); err != nil {
			return dupAccount(err)
		}
		a.CreatedAt = before.CreatedAt
		return tx.audit("update", "bank_account", a.ID, before, a)
	})
	return a, err
}

func dupAccount(err error) error {
	if err != nil && strings.Contains(err.Error(), "UNIQUE") {
		return ar.Errorf(ar.EConflict, "number", "bank.account_exists")
	}
	return err
}

func insertAccount(ctx context.Context, tx *Tx, a BankAccount) (int64, error) {
	key := accountKey(a.Number)
	if key == "" {
		key = "BANK:" + accountKey(a.Bank)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO bank_accounts (bank, number, number_key, currency, name, created_at) VALUES (?,?,?,?,?,?)`,
		a.Bank, a.Number, key, a.Currency, a.Name, ts(tx.now))
	if err != nil {
		return 0, dupAccount(err)
	}
	return res.LastInsertId()
}

func findAccount(ctx context.Context, q querier, id int64) (BankAccount, error) {
	var a BankAccount
	var created string
	var archived sql.NullString
	err := q.QueryRowContext(ctx, `SELECT id, bank, number, currency, name, created_at, archived_at FROM bank_accounts WHERE id = ?`, id).
		Scan(&a.ID, &a.Bank, &a.Number, &a.Currency, &a.Name, &created, &archived)
	if errors.Is(err, sql.ErrNoRows) {
		return a, ar.Errorf(ar.ENotFound, "accountId", "bank.account_not_found", "id", fmt.Sprint(id))
	}
	a.CreatedAt, a.ArchivedAt = parseTS(created), parseTSPtr(archived)
	return a, err
}

// StatementImport is a statement file read by backend/bankfile, to be stored.
type StatementImport struct {
	FileName string
	FileHash string // SHA-256, hex
	FileSize int64
	File     bankfile.File
	// AccountID puts every statement of the file into that account; 0 finds
	// the account by the number the file gives (creating it the first time),
	// or takes the only account when the file names none.
	AccountID int64
	// BankName names a new account when the file gives no bank (the profile's bank).
	BankName string
	DryRun   bool
}

// StatementSummary is what one statement of an imported file brought.
type StatementSummary struct {
	AccountID  int64     `json:"accountId"`
	Account    string    `json:"account"` // bank and number, as the list shows them
	NewAccount bool      `json:"newAccount"`
	Currency   string    `json:"currency"`
	From       date.Date `json:"from" ts_type:"string"`
	To         date.Date `json:"to" ts_type:"string"`
	Lines      int       `json:"lines"`
	New        int       `json:"new"`        // lines not imported before
	Duplicates int       `json:"duplicates"` // lines already in the account (this file or an overlapping one imported before)
	Opening    *int64    `json:"opening"`
	Closing    *int64    `json:"closing"`
	Check      string    `json:"check"` // "ok", "mismatch" or "none"
	Diff       int64     `json:"diff"`  // closing − (opening + movements) when "mismatch"
	Gap        *Gap      `json:"gap"`   // the previous statement of the account does not lead into this one
}

// Gap is a break between the previous statement of an account and a new one.
type Gap struct {
	PreviousTo date.Date `json:"previousTo" ts_type:"string"`
	From       date.Date `json:"from" ts_type:"string"`
	// Balances is true when both statements give the balances that disagree.
	Balances        bool  `json:"balances"`
	PreviousClosing int64 `json:"previousClosing"`
	Opening         int64 `json:"opening"`
	Amount          int64 `json:"amount"` // Opening − PreviousClosing
	Days            int   `json:"days"`   // days between them no statement covers
}

// StatementReport is what importing a statement file did (or would do).
type StatementReport struct {
	ImportID   int64              `json:"importId"`
	Format     string             `json:"format"`
	Profile    string             `json:"profile"`
	Statements []StatementSummary `json:"statements"`
	Lines      int                `json:"lines"`
	New        int                `json:"new"`
	Duplicates int                `json:"duplicates"`
	DryRun     bool               `json:"dryRun"`
}

// ImportStatement stores the lines of a statement file that are not in their
// account yet, all or nothing, and records the import so that it can be
// undone; each statement's balances are checked and a gap with the account's
// previous statement is reported. With DryRun nothing is written.
func (db *DB) ImportStatement(ctx context.Context, in StatementImport) (StatementReport, error) {
	rep := StatementReport{Format: string(in.File.Format), Profile: in.File.Profile, DryRun: in.DryRun, Statements: []StatementSummary{}}
	err := db.writeOrDry(ctx, in.DryRun, func(tx *Tx) error {
		var portfolioCurrency string
		if err := tx.QueryRowContext(ctx, `SELECT currency FROM portfolio`).Scan(&portfolioCurrency); err != nil {
			return err
		}
		for _, s := range in.File.Statements {
			rep.Lines += len(s.Lines)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO bank_imports (at, os_user, file_name, file_hash, file_size, format, profile, lines_total, lines_new) VALUES (?,?,?,?,?,?,?,?,0)`,
			ts(tx.now), tx.user, in.FileName, in.FileHash, in.FileSize, string(in.File.Format), in.File.Profile, rep.Lines)
		if err != nil {
			return err
		}
		rep.ImportID, _ = res.LastInsertId()
		insLine, err := tx.PrepareContext(ctx, `INSERT INTO bank_lines (account_id, statement_id, row, date, value_date, amount_minor, currency, description, reference,
			bank_txn_id, payer, payer_id, balance_minor, reversal, code, dedupe_key, category) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING`)
		if err != nil {
			return err
		}
		defer insLine.Close()
		for i, s := range in.File.Statements {
			if s.Currency == "" {
				s.Currency = portfolioCurrency
			}
			acc, created, err := resolveAccount(ctx, tx, in, s, i)
			if err != nil {
				return err
			}
			sum := StatementSummary{AccountID: acc.ID, Account: strings.TrimSpace(acc.Bank + " " + acc.Number), NewAccount: created, Currency: s.Currency,
				From: s.From, To: s.To, Lines: len(s.Lines)}
			if sum.From.IsZero() || sum.To.IsZero() {
				for _, l := range s.Lines {
					if sum.From.IsZero() || l.Date.Before(sum.From) {
						sum.From = l.Date
					}
					if l.Date.After(sum.To) {
						sum.To = l.Date
					}
				}
			}
			if s.Opening != nil {
				sum.Opening = &s.Opening.Amount
			}
			if s.Closing != nil {
				sum.Closing = &s.Closing.Amount
			}
			switch c := s.Check(); {
			case !c.Checked:
				sum.Check = "none"
			case c.OK:
				sum.Check = "ok"
			default:
				sum.Check, sum.Diff = "mismatch", c.Difference
			}
			if sum.Gap, err = gapBefore(ctx, tx, acc.ID, s, sum.From); err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO bank_statements (import_id, account_id, stmt_ref, period_from, period_to, opening_minor, opening_date,
				closing_minor, closing_date, lines_total, lines_new, balance_check, balance_diff_minor, gap) VALUES (?,?,?,?,?,?,?,?,?,?,0,?,?,?)`,
				rep.ImportID, acc.ID, s.ID, dateText(sum.From), dateText(sum.To), sum.Opening, balanceDate(s.Opening), sum.Closing, balanceDate(s.Closing),
				len(s.Lines), sum.Check, sum.Diff, gapText(sum.Gap))
			if err != nil {
				return err
			}
			stmtID, _ := res.LastInsertId()
			keys := bankfile.Keys(s.Lines)
			for j, l := range s.Lines {
				r, err := insLine.ExecContext(ctx, acc.ID, stmtID, l.Row, l.Date, dateText(l.ValueDate), l.Amount, s.Currency, l.Description, l.Reference,
					l.BankTxnID, l.Payer, l.PayerID, l.Balance, l.Reversal, l.Code, keys[j], initialCategory(l))
				if err != nil {
					return err
				}
				if n, _ := r.RowsAffected(); n > 0 {
					sum.New++
				}
			}
			sum.Duplicates = sum.Lines - sum.New
			if _, err := tx.ExecContext(ctx, `UPDATE bank_statements SET lines_new = ? WHERE id = ?`, sum.New, stmtID); err != nil {
				return err
			}
			rep.New += sum.New
			rep.Duplicates += sum.Duplicates
			rep.Statements = append(rep.Statements, sum)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE bank_imports SET lines_new = ? WHERE id = ?`, rep.New, rep.ImportID); err != nil {
			return err
		}
		return tx.audit("import", "bank_import", rep.ImportID, nil, map[string]any{"file": in.FileName, "hash": in.FileHash, "lines": rep.Lines, "new": rep.New})
	})
	if in.DryRun {
		rep.ImportID = 0
	}
	return rep, err
}

// initialCategory is what a line is before the matcher classifies it: money
// out is never a deposit to match.
func initialCategory(l bankfile.Line) string {
	switch {
	case l.Reversal:
		return "reversal"
	case l.Amount <= 0:
		return "outgoing"
	}
	return "deposit"
}

func dateText(d date.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func balanceDate(b *bankfile.Balance) string {
	if b == nil {
		return ""
	}
	return dateText(b.Date)
}

func gapText(g *Gap) string {
	if g == nil {
		return ""
	}
	b, _ := json.Marshal(g)
	return string(b)
}

// resolveAccount finds (or, the first time, creates) the account statement s
// of the file goes into.
func resolveAccount(ctx context.Context, tx *Tx, in StatementImport, s bankfile.Statement, index int) (BankAccount, bool, error) {
	if in.AccountID != 0 {
		a, err := findAccount(ctx, tx, in.AccountID)
		if err != nil {
			return a, false, err
		}
		if a.Currency != s.Currency {
			return a, false, ar.Errorf(ar.EInvalid, "accountId", "bank.currency_mismatch", "account", a.Number, "currency", a.Currency, "file", s.Currency)
		}
		if s.Account != "" && accountKey(a.Number) != "" && accountKey(s.Account) != accountKey(a.Number) && !strings.HasSuffix(accountKey(s.Account), accountKey(a.Number)) && !strings.HasSuffix(accountKey(a.Number), accountKey(s.Account)) {
			return a, false, ar.Errorf(ar.EInvalid, "accountId", "bank.account_mismatch", "account", a.Number, "file", s.Account)
		}
		return a, false, nil
	}
	bank := s.Bank
	if bank == "" {
		bank = in.BankName
	}
	if s.Account != "" {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM bank_accounts WHERE number_key = ? AND currency = ?`, accountKey(s.Account), s.Currency).Scan(&id)
		if err == nil {
			a, err := findAccount(ctx, tx, id)
			return a, false, err
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return BankAccount{}, false, err
		}
		if bank == "" {
			bank = "Banco"
		}
		a := BankAccount{Bank: bank, Number: s.Account, Currency: s.Currency, CreatedAt: tx.now}
		if a.ID, err = insertAccount(ctx, tx, a); err != nil {
			return a, false, err
		}
		return a, true, tx.audit("create", "bank_account", a.ID, nil, a)
	}
	// The file does not say which account: the account of its bank (a new
	// one the first time), or, when the bank is not known either, the only
	// account in its currency.
	q, args := `SELECT id FROM bank_accounts WHERE currency = ? AND archived_at IS NULL`, []any{s.Currency}
	if bank != "" {
		q, args = q+` AND bank = ? COLLATE NOCASE`, append(args, bank)
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return BankAccount{}, false, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	switch len(ids) {
	case 1:
		a, err := findAccount(ctx, tx, ids[0])
		return a, false, err
	case 0:
		if bank == "" {
			bank = "Banco"
		}
		a := BankAccount{Bank: bank, Number: "", Currency: s.Currency, CreatedAt: tx.now}
		a.ID, err = insertAccount(ctx, tx, a)
		if err != nil {
			return a, false, ar.Errorf(ar.EInvalid, "accountId", "bank.choose_account")
		}
		return a, true, tx.audit("create", "bank_account", a.ID, nil, a)
	}
	return BankAccount{}, false, ar.Errorf(ar.EInvalid, "accountId", "bank.choose_account")
}

// gapBefore compares statement s with the account's latest earlier statement
// (bankfile.Gap decides): balances that do not follow, or days no statement
// covers, are a gap.
func gapBefore(ctx context.Context, tx *Tx, accountID int64, s bankfile.Statement, from date.Date) (*Gap, error) {
	if from.IsZero() {
		return nil, nil
	}
	var closing sql.NullInt64
	var closingDate, periodFrom, periodTo string
	err := tx.QueryRowContext(ctx, `SELECT s.closing_minor, s.closing_date, s.period_from, s.period_to FROM bank_statements s JOIN bank_imports i ON i.id = s.import_id
		WHERE s.account_id = ? AND i.undone_at IS NULL AND s.period_to <> '' AND s.period_to < ?
		ORDER BY s.period_to DESC, s.id DESC LIMIT 1`, accountID, from.String()).Scan(&closing, &closingDate, &periodFrom, &periodTo)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var prev bankfile.Statement
	prev.From, _ = date.Parse(periodFrom)
	prev.To, _ = date.Parse(periodTo)
	if closing.Valid {
		d, _ := date.Parse(closingDate)
		prev.Closing = &bankfile.Balance{Date: d, Amount: closing.Int64}
	}
	next := s
	next.From = from
	missing, amount, days := bankfile.Gap(prev, next)
	if !missing {
		return nil, nil
	}
	g := &Gap{PreviousTo: prev.To, From: from, Days: days, Amount: amount}
	if prev.Closing != nil && s.Opening != nil {
		g.PreviousClosing, g.Opening, g.Balances = prev.Closing.Amount, s.Opening.Amount, true
	}
	return g, nil
}

// BankImportRecord is one statement file in the history of imports.
type BankImportRecord struct {
	ID         int64              `json:"id"`
	At         time.Time          `json:"at" ts_type:"string"`
	User       string             `json:"user"`
	FileName   string             `json:"fileName"`
	FileHash   string             `json:"fileHash"`
	Format     string             `json:"format"`
	Profile    string             `json:"profile"`
	Lines      int                `json:"lines"`
	New        int                `json:"new"`
	Matched    int                `json:"matched"` // lines of it matched to payments now
	Statements []StatementSummary `json:"statements"`
	UndoneAt   *time.Time         `json:"undoneAt" ts_type:"string"`
	UndoneBy   string             `json:"undoneBy"`
}

// BankImports lists the statement files imported, newest first.
func (db *DB) BankImports(ctx context.Context) ([]BankImportRecord, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT i.id, i.at, i.os_user, i.file_name, i.file_hash, i.format, i.profile, i.lines_total, i.lines_new, i.undone_at, i.undone_by,
		(SELECT count(*) FROM bank_lines l JOIN bank_statements s ON s.id = l.statement_id WHERE s.import_id = i.id AND l.status = 'matched')
		FROM bank_imports i ORDER BY i.id DESC`)
	if err != nil {
		return nil, mapErr(err)
	}
	out := []BankImportRecord{}
	for rows.Next() {
		var r BankImportRecord
		var at string
		var undone sql.NullString
		if err := rows.Scan(&r.ID, &at, &r.User, &r.FileName, &r.FileHash, &r.Format, &r.Profile, &r.Lines, &r.New, &undone, &r.UndoneBy, &r.Matched); err != nil {
			rows.Close()
			return nil, mapErr(err)
		}
		r.At, r.UndoneAt = parseTS(at), parseTSPtr(undone)
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, mapErr(err)
	}
	for i := range out {
		if out[i].Statements, err = db.statementsOf(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (db *DB) statementsOf(ctx context.Context, importID int64) ([]StatementSummary, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT s.account_id, a.bank, a.number, a.currency, s.period_from, s.period_to, s.lines_total, s.lines_new,
		s.opening_minor, s.closing_minor, s.balance_check, s.balance_diff_minor, s.gap
		FROM bank_statements s JOIN bank_accounts a ON a.id = s.account_id WHERE s.import_id = ? ORDER BY s.id`, importID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []StatementSummary{}
	for rows.Next() {
		var s StatementSummary
		var bank, number, from, to, gap string
		var opening, closing sql.NullInt64
		if err := rows.Scan(&s.AccountID, &bank, &number, &s.Currency, &from, &to, &s.Lines, &s.New, &opening, &closing, &s.Check, &s.Diff, &gap); err != nil {
			return nil, mapErr(err)
		}
		s.Account = strings.TrimSpace(bank + " " + number)
		s.From, _ = date.Parse(from)
		s.To, _ = date.Parse(to)
		s.Duplicates = s.Lines - s.New
		if opening.Valid {
			s.Opening = &opening.Int64
		}
		if closing.Valid {
			s.Closing = &closing.Int64
		}
		if gap != "" {
			s.Gap = &Gap{}
			json.Unmarshal([]byte(gap), s.Gap)
		}
		out = append(out, s)
	}
	return out, mapErr(rows.Err())
}

// UndoBankImport takes out the lines a statement file brought (they stay
// recorded, marked removed, so a later import of the same file brings them
// again), when none of them is matched to a payment (otherwise it names them:
// undo those matches first). The import stays in the history, marked undone.
func (db *DB) UndoBankImport(ctx context.Context, id int64) error {
	return db.write(ctx, func(tx *Tx) error {
		var undone sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT undone_at FROM bank_imports WHERE id = ?`, id).Scan(&undone)
		if errors.Is(err, sql.ErrNoRows) {
			return ar.Errorf(ar.ENotFound, "importId", "import.unknown_import", "id", fmt.Sprint(id))
		}
		if err != nil {
			return err
		}
		if undone.Valid {
			return ar.Errorf(ar.EConflict, "importId", "import.already_undone")
		}
		rows, err := tx.QueryContext(ctx, `SELECT l.row, l.date, l.amount_minor FROM bank_lines l JOIN bank_statements s ON s.id = l.statement_id
			WHERE s.import_id = ? AND l.status = 'matched' ORDER BY l.row LIMIT 5`, id)
		if err != nil {
			return err
		}
		var is ar.Issues
		for rows.Next() {
			var row int
			var d string
			var amount int64
			rows.Scan(&row, &d, &amount)
			is.Add("importId", "bank.undo_matched", "row", fmt.Sprint(row), "date", d)
		}
		rows.Close()
		if len(is) > 0 {
			e := is.Err().(*ar.Error)
			e.Code = ar.EConflict
			return e
		}
		if _, err := tx.ExecContext(ctx, `UPDATE bank_lines SET status = 'removed' WHERE statement_id IN (SELECT id FROM bank_statements WHERE import_id = ?)`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE bank_imports SET undone_at = ?, undone_by = ? WHERE id = ?`, ts(tx.now), tx.user, id); err != nil {
			return err
		}
		return tx.audit("undo", "bank_import", id, nil, nil)
	})
}

// BankProfiles are the statement layouts the user mapped in this portfolio.
func (db *DB) BankProfiles(ctx context.Context) ([]bankfile.Profile, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT profile FROM bank_profiles ORDER BY name`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []bankfile.Profile
	for rows.Next() {
		var text string
		if err := rows.Scan(&text); err != nil {
			return nil, mapErr(err)
		}
		var p bankfile.Profile
		if json.Unmarshal([]byte(text), &p) == nil {
			out = append(out, p)
		}
	}
	return out, mapErr(rows.Err())
}

// SaveBankProfile keeps a layout the user mapped, under its name (replacing
// the one of that name).
func (db *DB) SaveBankProfile(ctx context.Context, p bankfile.Profile) error {
	name := strings.TrimSpace(p.Name)
	if name == "" {
		return ar.Errorf(ar.EInvalid, "name", "required")
	}
	b, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return db.write(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO bank_profiles (name, profile, created_at) VALUES (?,?,?) ON CONFLICT (name) DO UPDATE SET profile = excluded.profile`,
			name, string(b), ts(tx.now)); err != nil {
			return err
		}
		return tx.audit("save", "bank_profile", 0, nil, p)
	})
}
