// Package app is the layer Wails binds to JavaScript: one small struct per
// feature area, each method a thin call into backend/ that returns (T, error).
// It holds no SQL and no business rules; it knows which portfolio is open,
// turns errors into messages in the user's language, and reports progress of
// long work as events.
package app

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/settings"
	"cartera/backend/shell"
	"cartera/backend/sqlite"
)

// Event names the frontend listens to.
const (
	EventJobProgress = "job:progress" // JobProgress
	EventJobDone     = "job:done"     // JobDone
	EventPortfolio   = "portfolio"    // PortfolioInfo, when the open portfolio changes
)

// Emitter sends an event to the frontend; tests record instead.
type Emitter func(name string, data any)

// Session is the state the bound structs share: the open portfolio, the
// settings file, and how to reach the window.
type Session struct {
	mu          sync.RWMutex
	db          *sqlite.DB
	info        PortfolioInfo
	settings    *settings.Store
	emit        Emitter
	today       func() date.Date
	version     string
	holder      string
	jobs        *jobs
	backupEvery time.Duration
	backupDelay time.Duration
	wails       context.Context // the window's context, for dialogs; nil headless
	opener      *shell.Opener   // opens the files this session wrote, and only those
}

// Config is what main.go hands the session.
type Config struct {
	Settings *settings.Store
	Version  string
	// Today returns the date figures are computed as of; defaults to the
	// computer's date (CARTERA_TODAY=YYYY-MM-DD overrides it for demos and tests).
	Today func() date.Date
	// BackupEvery is how old the newest automatic copy may get; default 12 h.
	BackupEvery time.Duration
	// BackupDelay is how long after opening the first automatic copy waits; default 20 s.
	BackupDelay time.Duration
	// Opener opens written files with the computer's programs; default shell.NewOpener().
	Opener *shell.Opener
}

// NewSession builds the shared state; SetEmitter connects it to the window.
func NewSession(cfg Config) *Session {
	s := &Session{settings: cfg.Settings, today: cfg.Today, version: cfg.Version, emit: func(string, any) {},
		jobs: newJobs(), backupEvery: cfg.BackupEvery, holder: "Cartera " + cfg.Version}
	if s.today == nil {
		s.today = TodayFromEnv
	}
	if s.backupEvery == 0 {
		s.backupEvery = 12 * time.Hour
	}
	s.opener = cfg.Opener
	if s.opener == nil {
		s.opener = shell.NewOpener()
	}
	s.backupDelay = cfg.BackupDelay
	if s.backupDelay == 0 {
		s.backupDelay = 20 * time.Second
	}
	return s
}

// TodayFromEnv is the computer's date unless CARTERA_TODAY fixes it.
func TodayFromEnv() date.Date {
	if v := os.Getenv("CARTERA_TODAY"); v != "" {
		if d, err := date.Parse(v); err == nil {
			return d
		}
	}
	return date.Of(time.Now())
}

// Startup connects the session to the window once Wails has started it.
func (s *Session) Startup(ctx context.Context) {
	s.wails = ctx
	s.emit = func(name string, data any) { runtime.EventsEmit(ctx, name, data) }
}

// SetEmitter connects the session to the window's event bus.
func (s *Session) SetEmitter(e Emitter) { s.emit = e }

// Shutdown closes the open portfolio; main.go calls it when the window closes.
func (s *Session) Shutdown() {
	s.jobs.cancelAll()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db != nil {
		s.db.Close()
		s.db = nil
	}
}

// Lang is the UI language.
func (s *Session) Lang() string { return s.settings.Load().Language }

// store returns the open portfolio, holding a read lock until release is called.
func (s *Session) store() (*sqlite.DB, func(), error) {
	s.mu.RLock()
	if s.db == nil {
		s.mu.RUnlock()
		return nil, func() {}, ar.Errorf(ar.ENoPortfolio, "", "no_portfolio")
	}
	return s.db, s.mu.RUnlock, nil
}

// with runs fn against the open portfolio.
func with[T any](s *Session, fn func(ctx context.Context, db *sqlite.DB) (T, error)) (out T, err error) {
	defer recoverTo(&err)
	db, release, err := s.store()
	defer release()
	if err != nil {
		var zero T
		return zero, err
	}
	return fn(context.Background(), db)
}

// recoverTo turns a panic into an internal error, logged with its stack, so
// that a bug shows the user a message instead of killing the window.
// Transactions roll back as the panic unwinds: nothing is half-saved.
func recoverTo(err *error) {
	if r := recover(); r != nil {
		log.Printf("panic: %v\n%s", r, debug.Stack())
		*err = ar.Wrap(ar.EInternal, fmt.Errorf("panic: %v", r), "internal")
	}
}

// swap makes db the open portfolio, closing the previous one.
func (s *Session) swap(db *sqlite.DB) (PortfolioInfo, error) {
	p, err := db.Portfolio(context.Background())
	if err != nil {
		db.Close()
		return PortfolioInfo{}, err
	}
	s.mu.Lock()
	if s.db != nil {
		s.db.Close()
	}
	s.db = db
	s.info = PortfolioInfo{Open: true, Path: db.Path(), Portfolio: p, Generation: s.info.Generation + 1, Folder: filepath.Dir(db.Path())}
	info := s.info
	s.mu.Unlock()
	s.settings.Touch(settings.Recent{Path: db.Path(), Name: p.Name, Country: p.Country, OpenedAt: time.Now().UTC()})
	db.StartAutoBackup(s.backupDelay, s.backupEvery, 10, nil)
	s.retitle(info)
	s.emit(EventPortfolio, info)
	return info, nil
}

func (s *Session) options() sqlite.Options { return sqlite.Options{Holder: s.holder} }

func itoa(i int) string { return strconv.Itoa(i) }
