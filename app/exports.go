package app

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/export"
	"cartera/backend/sqlite"
)

// Exports writes the lists of the open portfolio as spreadsheets.
type Exports struct{ s *Session }

// NewExports binds exports to the session.
func NewExports(s *Session) *Exports { return &Exports{s} }

// ExportDone is the result of an export job.
type ExportDone struct {
	Path string `json:"path"`
	Rows int64  `json:"rows"`
}

// ChooseFile asks with the system's dialog where to save list ("" if cancelled).
func (x *Exports) ChooseFile(list string) (string, error) {
	return x.choose(export.Title(x.s.Lang(), list))
}

// ChooseLedgerFile asks where to save a client's account statement.
func (x *Exports) ChooseLedgerFile(clientID int64) (string, error) {
	c, err := with(x.s, func(ctx context.Context, db *sqlite.DB) (ar.Client, error) { return db.FindClientByID(ctx, clientID) })
	if err != nil {
		return "", err
	}
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, c.LegalName)
	return x.choose(export.Title(x.s.Lang(), "ledger") + " " + name)
}

func (x *Exports) choose(base string) (string, error) {
	if x.s.wails == nil {
		return "", nil
	}
	path, err := runtime.SaveFileDialog(x.s.wails, runtime.SaveDialogOptions{
		Title:            base,
		DefaultDirectory: existingDir(DefaultFolder()),
		DefaultFilename:  base + " " + x.s.today().String() + ".xlsx",
		Filters: []runtime.FileFilter{
			{DisplayName: "Excel (*.xlsx)", Pattern: "*.xlsx"},
			{DisplayName: "CSV (*.csv)", Pattern: "*.csv"},
		},
		CanCreateDirectories: true,
	})
	if err != nil || path == "" {
		return "", err
	}
	if ext := strings.ToLower(filepath.Ext(path)); ext != ".xlsx" && ext != ".csv" {
		path += ".xlsx"
	}
	return path, nil
}

// StartClients exports to path, in the background, the clients the client
// list shows for f (its filters, search and order); progress and the end (an
// ExportDone) arrive as job events.
func (x *Exports) StartClients(f sqlite.ClientFilter, path string) (string, error) {
	return x.startList("clients", export.Filters{Clients: &f}, path)
}

// StartDocuments exports to path, in the background, the documents the
// document list shows for f.
func (x *Exports) StartDocuments(f sqlite.DocumentFilter, path string) (string, error) {
	return x.startList("invoices", export.Filters{Documents: &f}, path)
}

// StartPayments exports to path, in the background, the payments the payment
// list shows for f.
func (x *Exports) StartPayments(f sqlite.PaymentFilter, path string) (string, error) {
	return x.startList("payments", export.Filters{Payments: &f}, path)
}

func (x *Exports) startList(list string, f export.Filters, path string) (string, error) {
	return x.start(path, func(ctx context.Context, db *sqlite.DB, lang string, today date.Date, progress export.Progress) (int64, error) {
		return export.ListOf(ctx, db, list, f, path, lang, today, progress)
	})
}

// StartLedger exports a client's account statement to path in the background.
func (x *Exports) StartLedger(clientID int64, path string) (string, error) {
	return x.start(path, func(ctx context.Context, db *sqlite.DB, lang string, today date.Date, progress export.Progress) (int64, error) {
		return export.Ledger(ctx, db, clientID, path, lang, today, progress)
	})
}

// start runs one export to path as a job.
func (x *Exports) start(path string, write func(ctx context.Context, db *sqlite.DB, lang string, today date.Date, progress export.Progress) (int64, error)) (string, error) {
	if _, err := export.FormatOf(path); err != nil {
		return "", err
	}
	db, release, err := x.s.store()
	if err != nil {
		release()
		return "", err
	}
	lang, today := x.s.Lang(), x.s.today()
	return x.s.startJob("export", func(ctx context.Context, progress func(string, int64, int64)) (any, error) {
		defer release()
		n, err := write(ctx, db, lang, today, func(rows int64) { progress("export.rows", rows, 0) })
		if err != nil {
			return nil, err
		}
		x.s.opener.Written.Add(path)
		return ExportDone{Path: path, Rows: n}, nil
	}), nil
}
