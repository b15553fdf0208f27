package app

import (
	"context"

	"cartera/backend/ar"
	"cartera/backend/sqlite"
)

// Preferences holds what the window needs to know about the app itself, and the language.
type Preferences struct{ s *Session }

// NewPreferences binds the preferences to the session.
func NewPreferences(s *Session) *Preferences { return &Preferences{s} }

// Meta is what the frontend needs before anything else.
type Meta struct {
	Version   string   `json:"version"`
	Language  string   `json:"language"`
	Today     string   `json:"today"`
	Countries []string `json:"countries"`
	Channels  []string `json:"channels"`
	Methods   []string `json:"methods"`
}

// Meta returns the version, language and today's date.
func (p *Preferences) Meta() Meta {
	ch := make([]string, len(ar.Channels))
	for i, c := range ar.Channels {
		ch[i] = string(c)
	}
	return Meta{Version: p.s.version, Language: p.s.Lang(), Today: p.s.today().String(), Countries: ar.Countries, Channels: ch, Methods: ar.PaymentMethods}
}

// About is what Help → About shows: the version and where Cartera keeps
// things.
type About struct {
	Version string `json:"version"`
	// Schema is the portfolio schema version this build writes.
	Schema int `json:"schema"`
	// Portfolios is the folder new portfolios go to.
	Portfolios string `json:"portfolios"`
	// Backups is the open portfolio's backup folder ("" when none is open:
	// each portfolio keeps its copies in a folder beside it).
	Backups string `json:"backups"`
	// Settings is the folder of the settings file (language, recent
	// portfolios, saved column mappings).
	Settings string `json:"settings"`
}

// About returns the version and the folders of portfolios, backups and settings.
func (p *Preferences) About() About {
	a := About{Version: p.s.version, Schema: sqlite.SchemaVersion(), Portfolios: DefaultFolder(), Settings: p.s.settings.Dir()}
	p.s.mu.RLock()
	if p.s.db != nil {
		a.Backups = sqlite.BackupDir(p.s.db.Path())
	}
	p.s.mu.RUnlock()
	return a
}

// SetLanguage remembers the UI language ("es" or "en").
func (p *Preferences) SetLanguage(lang string) error { return p.s.settings.SetLanguage(lang) }

// History returns a page of the audit log as a user reads it: one record's
// (entity "client", "document", "payment"…) or every record's, filtered by
// kind of record and by date.
func (p *Preferences) History(f sqlite.AuditFilter) (sqlite.HistoryPage, error) {
	return with(p.s, func(ctx context.Context, db *sqlite.DB) (sqlite.HistoryPage, error) {
		return db.FindHistory(ctx, f)
	})
}
