package app

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"cartera/backend/export"
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
	if x.s.wails == nil {
		return "", nil
	}
	base := export.Title(x.s.Lang(), list)
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

// Start exports list ("clients", "invoices", "payments") to path in the
// background; progress and the end (an ExportDone) arrive as job events.
func (x *Exports) Start(list, path string) (string, error) {
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
		n, err := export.List(ctx, db, list, path, lang, today, func(rows int64) { progress("export.rows", rows, 0) })
		if err != nil {
			return nil, err
		}
		return ExportDone{Path: path, Rows: n}, nil
	}), nil
}
