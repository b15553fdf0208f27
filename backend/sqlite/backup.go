package sqlite

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"cartera/backend/ar"
)

// Backup is one automatic copy of a portfolio.
type Backup struct {
	Path  string    `json:"path"`
	At    time.Time `json:"at" ts_type:"string"`
	Bytes int64     `json:"bytes"`
}

// BackupDir is where the copies of a portfolio go: a folder beside it, so
// they travel with the file when the bookkeeper moves it.
func BackupDir(portfolio string) string {
	return strings.TrimSuffix(portfolio, Ext) + "-copias"
}

// Milliseconds keep two copies taken in the same second apart (the copy a
// restore takes first must never overwrite the one being restored).
const backupStamp = "20060102-150405.000"

// BackupNow writes a consistent copy of the portfolio with VACUUM INTO and
// keeps the newest keep copies. It reads a snapshot: the user can go on working.
func (db *DB) BackupNow(ctx context.Context, keep int) (Backup, error) {
	dir := BackupDir(db.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Backup{}, ar.Wrap(ar.EReadOnly, err, "folder.read_only", "path", dir)
	}
	at := db.now().UTC().Truncate(time.Millisecond)
	name := ""
	for {
		name = filepath.Join(dir, strings.TrimSuffix(filepath.Base(db.path), Ext)+"-"+at.Format(backupStamp)+Ext)
		if _, err := os.Stat(name); errors.Is(err, os.ErrNotExist) {
			break
		}
		at = at.Add(time.Millisecond)
	}
	tmp := name + ".partial"
	os.Remove(tmp)
	if _, err := db.sql.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return Backup{}, mapErr(err)
	}
	if err := os.Rename(tmp, name); err != nil {
		os.Remove(tmp)
		return Backup{}, mapErr(err)
	}
	st, _ := os.Stat(name)
	b := Backup{Path: name, At: at, Bytes: st.Size()}
	if keep > 0 {
		all, _ := ListBackups(db.path)
		for i := keep; i < len(all); i++ {
			os.Remove(all[i].Path)
		}
	}
	return b, nil
}

// StartAutoBackup takes a backup in the background when the newest one is
// older than every, and then again each time every passes while the portfolio
// is open. Opening never waits for it; Close stops it. The first copy waits
// delay: copying a large portfolio competes with the first screens the user
// opens, which must stay quick.
func (db *DB) StartAutoBackup(delay, every time.Duration, keep int, onError func(error)) {
	db.bg.Add(1)
	go func() {
		defer db.bg.Done()
		select {
		case <-db.bgCtx.Done():
			return
		case <-time.After(delay):
		}
		for {
			wait := time.Duration(0) // no copy yet: take one now
			if all, _ := ListBackups(db.path); len(all) > 0 {
				wait = every - db.now().Sub(all[0].At)
			}
			if wait <= 0 {
				if _, err := db.BackupNow(db.bgCtx, keep); err != nil && ar.ErrorCode(err) != ar.ECanceled && onError != nil {
					onError(err)
				}
				wait = every
			}
			select {
			case <-db.bgCtx.Done():
				return
			case <-time.After(wait):
			}
		}
	}()
}

// ListBackups lists a portfolio's copies, newest first.
func ListBackups(portfolio string) ([]Backup, error) {
	dir := BackupDir(portfolio)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return []Backup{}, nil
	}
	if err != nil {
		return nil, mapErr(err)
	}
	prefix := strings.TrimSuffix(filepath.Base(portfolio), Ext) + "-"
	out := []Backup{}
	for _, e := range entries {
		n := e.Name()
		if !strings.HasPrefix(n, prefix) || !strings.HasSuffix(n, Ext) {
			continue
		}
		at, err := time.Parse(backupStamp, strings.TrimSuffix(strings.TrimPrefix(n, prefix), Ext))
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Backup{Path: filepath.Join(dir, n), At: at, Bytes: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].At.After(out[j].At) })
	return out, nil
}

// RestoreBackup replaces a closed portfolio by one of its copies. The current
// file is first kept as a copy of its own, so a restore can itself be undone.
func RestoreBackup(ctx context.Context, portfolio, backup string, opt Options) error {
	if err := sniff(backup); err != nil {
		return err
	}
	db, err := Open(ctx, portfolio, opt) // takes the lock: refuses if someone has it open
	if err != nil {
		return err
	}
	if _, err := db.BackupNow(ctx, 0); err != nil {
		db.Close()
		return err
	}
	tmp := portfolio + ".restoring"
	if err := copyFile(backup, tmp); err != nil {
		db.Close()
		os.Remove(tmp)
		return mapErr(err)
	}
	// Close first: SQLite removes the WAL on a clean close, so nothing of the
	// old file can be replayed over the restored one.
	if err := db.Close(); err != nil {
		os.Remove(tmp)
		return mapErr(err)
	}
	if err := os.Rename(tmp, portfolio); err != nil {
		os.Remove(tmp)
		return mapErr(err)
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
