// Package sqlite stores a Cartera portfolio in one SQLite file through the
// pure-Go modernc.org/sqlite driver: schema migrations, the lock that keeps a
// second Cartera out, transactions that write the audit log, and the queries
// behind every list and balance.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/user"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"cartera/backend/ar"
)

// ApplicationID marks a SQLite file as a Cartera portfolio ("CART").
const ApplicationID = 0x43415254

// Ext is the file extension of portfolios.
const Ext = ".cartera"

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one embedded schema change: its file name and statements.
type migration struct {
	name string
	sql  string
}

// migrations returns the embedded migrations in order; migration i (from 0)
// brings the schema to version i+1.
func migrations() []migration {
	names, err := migrationFS.ReadDir("migrations")
	if err != nil {
		panic(err) // embedded at build time: cannot fail
	}
	sort.Slice(names, func(i, j int) bool { return names[i].Name() < names[j].Name() })
	out := make([]migration, len(names))
	for i, n := range names {
		b, _ := migrationFS.ReadFile("migrations/" + n.Name())
		out[i] = migration{name: n.Name(), sql: string(b)}
	}
	return out
}

// migrationSteps compute, in Go, what a migration's SQL cannot (keys made by
// rules in backend/ar); each runs after the statements of the migration file
// it is named by, in the same transaction.
var migrationSteps = map[string]func(ctx context.Context, tx *sql.Tx) error{
	"0003_client_keys.sql": fillClientKeys,
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int { return len(migrations()) }

// Options tune how a portfolio is opened.
type Options struct {
	// Now returns the current time; tests inject a fixed clock.
	Now func() time.Time
	// User names who makes the changes in the audit log; defaults to the OS user.
	User string
	// Holder describes this program in the lock file (e.g. "Cartera 0.1 (ventana)").
	Holder string
}

// DB is an open portfolio.
type DB struct {
	sql    *sql.DB
	path   string
	lock   *fileLock
	now    func() time.Time
	user   string
	mu     sync.Mutex
	bg     sync.WaitGroup
	cancel context.CancelFunc
	bgCtx  context.Context
}

// Path is the portfolio's file.
func (db *DB) Path() string { return db.path }

// SQL exposes the underlying handle for read-only tooling and tests in this module.
func (db *DB) SQL() *sql.DB { return db.sql }

// Create makes a new, empty portfolio file at path; it refuses to overwrite a file.
func Create(ctx context.Context, path string, p ar.Portfolio, opt Options) (*DB, error) {
	if err := ar.CheckPortfolio(&p); err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); err == nil {
		return nil, ar.Errorf(ar.EConflict, "path", "portfolio.exists", "path", path)
	}
	if err := checkDirWritable(filepath.Dir(path)); err != nil {
		return nil, err
	}
	db, err := open(ctx, path, opt, true)
	if err != nil {
		os.Remove(path)
		return nil, err
	}
	p.CreatedAt = db.now().UTC()
	err = db.write(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO portfolio (id, name, legal_name, tax_id, country, currency, fiscal_year_start_month, default_terms_days, created_at)
			VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`, p.Name, p.LegalName, p.TaxID, p.Country, p.Currency, p.FiscalYearStartMonth, p.DefaultTermsDays, ts(p.CreatedAt))
		if err != nil {
			return err
		}
		return tx.audit("create", "portfolio", 1, nil, p)
	})
	if err != nil {
		db.Close()
		removePortfolioFiles(path)
		return nil, err
	}
	return db, nil
}

// Open opens an existing portfolio, migrating it (after copying it aside)
// when it was written by an older Cartera.
func Open(ctx context.Context, path string, opt Options) (*DB, error) {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, ar.Errorf(ar.ENotFound, "path", "portfolio.missing", "path", path)
		}
		return nil, ar.Wrap(ar.EInternal, err, "portfolio.cannot_read", "path", path)
	}
	if st.IsDir() {
		return nil, ar.Errorf(ar.ENotPortfolio, "path", "portfolio.not_cartera", "path", path)
	}
	if err := sniff(path); err != nil {
		return nil, err
	}
	return open(ctx, path, opt, false)
}

// sniff refuses files that are not SQLite databases before SQLite sees them,
// so that a spreadsheet opened by mistake gets a clear message.
func sniff(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return ar.Wrap(ar.EInternal, err, "portfolio.cannot_read", "path", path)
	}
	defer f.Close()
	head := make([]byte, 100)
	n, _ := io.ReadFull(f, head)
	if n < 100 || string(head[:16]) != "SQLite format 3\x00" {
		return ar.Errorf(ar.ENotPortfolio, "path", "portfolio.not_cartera", "path", path)
	}
	appID := uint32(head[68])<<24 | uint32(head[69])<<16 | uint32(head[70])<<8 | uint32(head[71])
	if appID != ApplicationID {
		return ar.Errorf(ar.ENotPortfolio, "path", "portfolio.not_cartera", "path", path)
	}
	return nil
}

func dsn(path string) string {
	q := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "busy_timeout(5000)", "journal_mode(WAL)", "synchronous(NORMAL)", "cache_size(-16000)", "mmap_size(1073741824)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	q.Set("_time_format", "sqlite")
	return "file:" + filepath.ToSlash(path) + "?" + q.Encode()
}

func open(ctx context.Context, path string, opt Options, create bool) (*DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, ar.Wrap(ar.EInternal, err, "portfolio.cannot_read", "path", path)
	}
	if !create {
		if err := checkFileWritable(abs); err != nil {
			return nil, err
		}
	}
	lk, err := acquireLock(abs, opt.Holder)
	if err != nil {
		return nil, err
	}
	sdb, err := sql.Open("sqlite", dsn(abs))
	if err != nil {
		lk.release()
		return nil, ar.Wrap(ar.EInternal, err, "portfolio.cannot_read", "path", path)
	}
	db := &DB{sql: sdb, path: abs, lock: lk, now: opt.Now, user: opt.User}
	if db.now == nil {
		db.now = time.Now
	}
	if db.user == "" {
		db.user = osUser()
	}
	db.bgCtx, db.cancel = context.WithCancel(context.Background())
	if err := db.migrate(ctx, create); err != nil {
		sdb.Close()
		lk.release()
		return nil, err
	}
	return db, nil
}

// Close waits for background work (a backup) to stop and releases the file.
func (db *DB) Close() error {
	db.cancel()
	db.bg.Wait()
	err := db.sql.Close()
	db.lock.release()
	return err
}

func (db *DB) migrate(ctx context.Context, create bool) error {
	var version, appID int
	if err := db.sql.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return mapErr(err)
	}
	if err := db.sql.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return mapErr(err)
	}
	migs := migrations()
	if !create && appID != ApplicationID {
		return ar.Errorf(ar.ENotPortfolio, "path", "portfolio.not_cartera", "path", db.path)
	}
	if version > len(migs) {
		return ar.Errorf(ar.ENewerVersion, "path", "portfolio.newer_version", "path", db.path,
			"version", fmt.Sprint(version), "supported", fmt.Sprint(len(migs)))
	}
	if version == len(migs) {
		return nil
	}
	if version > 0 {
		if err := db.copyAside(ctx, fmt.Sprintf(".v%d-before-migration", version)); err != nil {
			return err
		}
	}
	if create {
		if _, err := db.sql.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
			return mapErr(err)
		}
	}
	for v := version; v < len(migs); v++ {
		tx, err := db.sql.BeginTx(ctx, nil)
		if err != nil {
			return mapErr(err)
		}
		if _, err := tx.ExecContext(ctx, migs[v].sql); err != nil {
			tx.Rollback()
			return ar.Wrap(ar.EInternal, fmt.Errorf("migration %d: %w", v+1, err), "portfolio.migration_failed", "version", fmt.Sprint(v+1))
		}
		if step := migrationSteps[migs[v].name]; step != nil {
			if err := step(ctx, tx); err != nil {
				tx.Rollback()
				return ar.Wrap(ar.EInternal, fmt.Errorf("migration %d: %w", v+1, err), "portfolio.migration_failed", "version", fmt.Sprint(v+1))
			}
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return mapErr(err)
		}
		if err := tx.Commit(); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// copyAside writes a consistent copy of the portfolio next to it, named with suffix.
func (db *DB) copyAside(ctx context.Context, suffix string) error {
	dst := strings.TrimSuffix(db.path, Ext) + suffix + Ext
	os.Remove(dst)
	if _, err := db.sql.ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		return mapErr(err)
	}
	return nil
}

// Tx is a write transaction that carries one timestamp and the user for the audit log.
type Tx struct {
	*sql.Tx
	now  time.Time
	user string
}

// write runs fn in one immediate transaction, committing only if fn succeeds.
func (db *DB) write(ctx context.Context, fn func(tx *Tx) error) error {
	stx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	tx := &Tx{Tx: stx, now: db.now().UTC(), user: db.user}
	defer stx.Rollback()
	if err := fn(tx); err != nil {
		return mapErr(err)
	}
	if err := stx.Commit(); err != nil {
		return mapErr(err)
	}
	return nil
}

// errDry is what writeOrDry's fn is rolled back with when nothing must stay.
var errDry = errors.New("sqlite: dry run")

// writeOrDry is write, except that with dry the transaction does all its
// work (so that its checks and counts are real) and is then rolled back.
func (db *DB) writeOrDry(ctx context.Context, dry bool, fn func(tx *Tx) error) error {
	err := db.write(ctx, func(tx *Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		if dry {
			return errDry
		}
		return nil
	})
	if errors.Is(err, errDry) {
		return nil
	}
	return err
}

// audit records one change; before and after are marshalled to JSON (nil → "").
func (tx *Tx) audit(action, entity string, id int64, before, after any) error {
	_, err := tx.Exec(`INSERT INTO audit_log (at, os_user, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		ts(tx.now), tx.user, action, entity, id, jsonText(before), jsonText(after))
	return err
}

func jsonText(v any) string {
	if v == nil {
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%q", fmt.Sprint(v))
	}
	return string(b)
}

// ts formats a timestamp as stored: UTC, RFC 3339 with milliseconds.
func ts(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

func parseTS(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

func parseTSPtr(s sql.NullString) *time.Time {
	if !s.Valid || s.String == "" {
		return nil
	}
	t := parseTS(s.String)
	return &t
}

func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, k := range []string{"USER", "USERNAME", "LOGNAME"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return "?"
}

// mapErr turns driver errors into domain errors the user can act on.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	var e *ar.Error
	if errors.As(err, &e) {
		return err
	}
	if errors.Is(err, context.Canceled) {
		return ar.Wrap(ar.ECanceled, err, "canceled")
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_FULL:
			return ar.Wrap(ar.EDiskFull, err, "disk_full")
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN:
			return ar.Wrap(ar.EReadOnly, err, "read_only")
		case sqlite3.SQLITE_NOTADB:
			return ar.Wrap(ar.ENotPortfolio, err, "portfolio.not_cartera")
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return ar.Wrap(ar.ELocked, err, "portfolio.busy")
		case sqlite3.SQLITE_CORRUPT:
			return ar.Wrap(ar.EInternal, err, "portfolio.corrupt")
		case sqlite3.SQLITE_INTERRUPT:
			return ar.Wrap(ar.ECanceled, err, "canceled")
		}
	}
	if errors.Is(err, os.ErrPermission) {
		return ar.Wrap(ar.EReadOnly, err, "read_only")
	}
	return ar.Wrap(ar.EInternal, err, "internal")
}

// checkDirWritable proves a folder accepts new files by creating and removing one.
func checkDirWritable(dir string) error {
	f, err := os.CreateTemp(dir, ".cartera-write-test-*")
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return ar.Errorf(ar.ENotFound, "path", "folder.missing", "path", dir)
		}
		return ar.Wrap(ar.EReadOnly, err, "folder.read_only", "path", dir)
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return nil
}

// checkFileWritable refuses a portfolio that could be read but not saved:
// better to say so at once than after the user has typed a form.
func checkFileWritable(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return ar.Wrap(ar.EReadOnly, err, "portfolio.read_only", "path", path)
	}
	f.Close()
	return checkDirWritable(filepath.Dir(path))
}

// removePortfolioFiles deletes a portfolio and its SQLite side files.
func removePortfolioFiles(path string) {
	for _, s := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + s)
	}
}

// RemoveFiles deletes a portfolio file with its WAL, shared-memory, journal
// and lock files; for temporary files a failed or cancelled job leaves.
func RemoveFiles(path string) {
	removePortfolioFiles(path)
	os.Remove(path + "-lock")
}
