// Package bankimport brings a statement file into a portfolio: it reads the
// file with backend/bankfile (with the bank layouts the user saved in the
// portfolio), fingerprints it, and has the store keep its new lines. The
// window and the command line both call it, so they import the same way.
package bankimport

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"

	"cartera/backend/ar"
	"cartera/backend/bankfile"
	"cartera/backend/sqlite"
)

// Options say how to import a statement.
type Options struct {
	Portfolio ar.Portfolio // its currency and country are what the file does not say
	AccountID int64        // 0: the account the file names, or the only one
	Profile   string       // a bank layout by name; "" detects it
	DryRun    bool
}

// Read reads a statement file as Import would, without storing anything.
func Read(ctx context.Context, db *sqlite.DB, path string, opt Options) (bankfile.File, error) {
	profiles, err := db.BankProfiles(ctx)
	if err != nil {
		return bankfile.File{}, err
	}
	f, err := bankfile.Read(path, bankfile.Options{Currency: opt.Portfolio.Currency, Country: opt.Portfolio.Country, Profile: opt.Profile, Profiles: profiles})
	return f, FileError(path, err)
}

// FileError says what went wrong with a statement file in the domain's terms:
// a file that is not there, or what backend/bankfile found wrong in it.
func FileError(path string, err error) error {
	if os.IsNotExist(err) {
		return ar.Errorf(ar.EInvalid, "path", "import.not_found", "path", path)
	}
	return bankfile.Domain(err)
}

// Import reads the statement file at path and stores its new lines, all or
// nothing; the report says, per statement, what was new, what was there
// already, whether its balances agree and whether it leaves a gap.
func Import(ctx context.Context, db *sqlite.DB, path string, opt Options) (sqlite.StatementReport, error) {
	f, err := Read(ctx, db, path, opt)
	if err != nil {
		return sqlite.StatementReport{}, err
	}
	hash, size, err := fingerprint(path)
	if err != nil {
		return sqlite.StatementReport{}, err
	}
	bank := ""
	if p, ok := bankfile.FindProfile(f.Profile); ok {
		bank = p.Bank
	}
	return db.ImportStatement(ctx, sqlite.StatementImport{FileName: filepath.Base(path), FileHash: hash, FileSize: size, File: f,
		AccountID: opt.AccountID, BankName: bank, DryRun: opt.DryRun})
}

func fingerprint(path string) (string, int64, error) {
	fh, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer fh.Close()
	h := sha256.New()
	n, err := io.Copy(h, fh)
	return hex.EncodeToString(h.Sum(nil)), n, err
}
