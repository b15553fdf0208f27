package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"cartera/backend/ar"
	"cartera/backend/demo"
	"cartera/backend/i18n"
	"cartera/backend/money"
	"cartera/backend/settings"
	"cartera/backend/sqlite"
)

// Portfolios creates, opens, switches, backs up and restores portfolio files.
type Portfolios struct{ s *Session }

// NewPortfolios binds the portfolio feature to the session.
func NewPortfolios(s *Session) *Portfolios { return &Portfolios{s} }

// PortfolioInfo describes the open portfolio (Open is false when none is).
// Generation changes at every open, so the frontend can drop cached data.
type PortfolioInfo struct {
	Open       bool         `json:"open"`
	Path       string       `json:"path"`
	Folder     string       `json:"folder"`
	Portfolio  ar.Portfolio `json:"portfolio"`
	Generation int          `json:"generation"`
}

// NewPortfolioRequest is the new-portfolio form.
type NewPortfolioRequest struct {
	Name     string `json:"name"`
	Country  string `json:"country"`
	Currency string `json:"currency"`
	TaxID    string `json:"taxId"`
	Folder   string `json:"folder"` // empty: the default folder
}

// DemoRequest is the demo form.
type DemoRequest struct {
	Country  string `json:"country"`
	Clients  int    `json:"clients"`
	Invoices int    `json:"invoices"`
	Folder   string `json:"folder"`
	Seed     int64  `json:"seed"`
}

// Current returns the open portfolio, if any.
func (p *Portfolios) Current() PortfolioInfo {
	p.s.mu.RLock()
	defer p.s.mu.RUnlock()
	return p.s.info
}

// Recent lists portfolios opened before, marking those whose file is gone.
func (p *Portfolios) Recent() []RecentPortfolio {
	out := []RecentPortfolio{}
	for _, r := range p.s.settings.Load().Recent {
		_, err := os.Stat(r.Path)
		out = append(out, RecentPortfolio{Recent: r, Missing: err != nil})
	}
	return out
}

// RecentPortfolio is a recent entry and whether its file still exists.
type RecentPortfolio struct {
	settings.Recent
	Missing bool `json:"missing"`
}

// Forget removes a portfolio from the recent list.
func (p *Portfolios) Forget(path string) error { return p.s.settings.Forget(path) }

// DefaultFolder is where new portfolios go unless the user picks another
// folder: $CARTERA_HOME, else Documents/Cartera in the user's home.
func (p *Portfolios) DefaultFolder() string { return DefaultFolder() }

// DefaultFolder is Portfolios.DefaultFolder for the command line.
func DefaultFolder() string {
	if d := os.Getenv("CARTERA_HOME"); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	for _, docs := range []string{"Documentos", "Documents"} {
		if st, err := os.Stat(filepath.Join(home, docs)); err == nil && st.IsDir() {
			return filepath.Join(home, docs, "Cartera")
		}
	}
	return filepath.Join(home, "Cartera")
}

// PathFor returns the file a new portfolio named name gets in folder.
func PathFor(folder, name string) string {
	slug := regexp.MustCompile(`[<>:"/\\|?*\x00-\x1f]+`).ReplaceAllString(strings.TrimSpace(name), "")
	slug = strings.Trim(slug, ". ")
	if slug == "" {
		slug = "cartera"
	}
	return filepath.Join(folder, slug+sqlite.Ext)
}

// Create makes a new empty portfolio and opens it.
func (p *Portfolios) Create(req NewPortfolioRequest) (PortfolioInfo, error) {
	folder := req.Folder
	if folder == "" {
		folder = DefaultFolder()
	}
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return PortfolioInfo{}, ar.Wrap(ar.EReadOnly, err, "folder.read_only", "path", folder)
	}
	db, err := sqlite.Create(context.Background(), PathFor(folder, req.Name),
		ar.Portfolio{Name: req.Name, Country: req.Country, Currency: req.Currency, TaxID: req.TaxID}, p.s.options())
	if err != nil {
		return PortfolioInfo{}, err
	}
	return p.s.swap(db)
}

// Open opens a portfolio file, closing the one that was open.
func (p *Portfolios) Open(path string) (PortfolioInfo, error) {
	p.s.mu.RLock()
	same := p.s.db != nil && p.s.db.Path() == path
	info := p.s.info
	p.s.mu.RUnlock()
	if same {
		return info, nil
	}
	db, err := sqlite.Open(context.Background(), path, p.s.options())
	if err != nil {
		return PortfolioInfo{}, err
	}
	return p.s.swap(db)
}

// OpenDialog asks for a portfolio file with the system's dialog and opens it;
// a cancelled dialog returns the current state unchanged.
func (p *Portfolios) OpenDialog() (PortfolioInfo, error) {
	if p.s.wails == nil {
		return p.Current(), nil
	}
	path, err := runtime.OpenFileDialog(p.s.wails, runtime.OpenDialogOptions{
		Title:            dialogTitle(p.s.Lang(), "open"),
		DefaultDirectory: existingDir(DefaultFolder()),
		Filters:          []runtime.FileFilter{{DisplayName: "Cartera (*.cartera)", Pattern: "*.cartera"}},
	})
	if err != nil || path == "" {
		return p.Current(), err
	}
	return p.Open(path)
}

// ChooseFolder asks for a folder with the system's dialog ("" if cancelled).
func (p *Portfolios) ChooseFolder() (string, error) {
	if p.s.wails == nil {
		return "", nil
	}
	return runtime.OpenDirectoryDialog(p.s.wails, runtime.OpenDialogOptions{
		Title: dialogTitle(p.s.Lang(), "folder"), DefaultDirectory: existingDir(DefaultFolder()), CanCreateDirectories: true})
}

func existingDir(d string) string {
	for d != "" && d != filepath.Dir(d) {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
		d = filepath.Dir(d)
	}
	return ""
}

func dialogTitle(lang, which string) string { return i18n.Word(lang, "dialog."+which) }

// Close closes the open portfolio and returns to the start screen.
func (p *Portfolios) Close() error {
	p.s.mu.Lock()
	if p.s.db != nil {
		p.s.db.Close()
		p.s.db = nil
	}
	p.s.info = PortfolioInfo{Generation: p.s.info.Generation + 1}
	info := p.s.info
	p.s.mu.Unlock()
	p.s.retitle(info)
	p.s.emit(EventPortfolio, info)
	return nil
}

// StartDemo generates a demo portfolio in the background and opens it when
// done; progress and the end arrive as job events. It returns the job's ID.
func (p *Portfolios) StartDemo(req DemoRequest) (string, error) {
	if req.Country == "" {
		req.Country = "CL"
	}
	if req.Clients == 0 && req.Invoices == 0 {
		req.Clients, req.Invoices = demo.DefaultClients, demo.DefaultInvoices
	}
	opt := demo.Options{Country: req.Country, Clients: req.Clients, Invoices: req.Invoices, Seed: req.Seed, Today: p.s.today()}
	if err := opt.Check(); err != nil {
		return "", err
	}
	folder := req.Folder
	if folder == "" {
		folder = DefaultFolder()
	}
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return "", ar.Wrap(ar.EReadOnly, err, "folder.read_only", "path", folder)
	}
	path := freePath(PathFor(folder, demo.CompanyName(req.Country)+" (demo)"))
	return p.s.startJob("demo", func(ctx context.Context, progress func(string, int64, int64)) (any, error) {
		_, err := demo.Generate(ctx, path, opt, func(stage string, done, total int64) { progress("demo."+stage, done, total) })
		if err != nil {
			return nil, err
		}
		return p.Open(path)
	}), nil
}

// freePath adds " 2", " 3"… before the extension until the name is free.
func freePath(path string) string {
	base := strings.TrimSuffix(path, sqlite.Ext)
	for i := 2; ; i++ {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return path
		}
		path = base + " " + itoa(i) + sqlite.Ext
	}
}

// CancelJob stops a long task; it reports false when the task had already ended.
func (p *Portfolios) CancelJob(id string) bool { return p.s.jobs.cancel(id) }

// Update changes the open portfolio's settings.
func (p *Portfolios) Update(in ar.Portfolio) (PortfolioInfo, error) {
	_, err := with(p.s, func(ctx context.Context, db *sqlite.DB) (ar.Portfolio, error) { return db.UpdatePortfolio(ctx, in) })
	if err != nil {
		return PortfolioInfo{}, err
	}
	p.s.mu.Lock()
	p.s.info.Portfolio, _ = p.s.db.Portfolio(context.Background())
	info := p.s.info
	p.s.mu.Unlock()
	return info, nil
}

// Backups lists the open portfolio's automatic copies, newest first.
func (p *Portfolios) Backups() ([]sqlite.Backup, error) {
	return with(p.s, func(ctx context.Context, db *sqlite.DB) ([]sqlite.Backup, error) {
		return sqlite.ListBackups(db.Path())
	})
}

// BackupNow takes a copy at once.
func (p *Portfolios) BackupNow() (sqlite.Backup, error) {
	return with(p.s, func(ctx context.Context, db *sqlite.DB) (sqlite.Backup, error) { return db.BackupNow(ctx, 10) })
}

// Restore replaces the open portfolio by one of its copies (the current state
// is kept as a copy first) and opens it again.
func (p *Portfolios) Restore(backupPath string) (PortfolioInfo, error) {
	p.s.mu.Lock()
	if p.s.db == nil {
		p.s.mu.Unlock()
		return PortfolioInfo{}, ar.Errorf(ar.ENoPortfolio, "", "no_portfolio")
	}
	path := p.s.db.Path()
	p.s.db.Close()
	p.s.db = nil
	p.s.mu.Unlock()
	rerr := sqlite.RestoreBackup(context.Background(), path, backupPath, p.s.options())
	db, err := sqlite.Open(context.Background(), path, p.s.options())
	if err != nil {
		return PortfolioInfo{}, err
	}
	info, err := p.s.swap(db)
	if rerr != nil {
		return info, rerr
	}
	return info, err
}

// Check verifies the open portfolio's file and money invariants.
func (p *Portfolios) Check() ([]sqlite.Violation, error) {
	return with(p.s, func(ctx context.Context, db *sqlite.DB) ([]sqlite.Violation, error) { return db.Check(ctx, 20) })
}

// Currencies lists the ISO codes the forms offer.
func (p *Portfolios) Currencies() []string { return money.Currencies() }
