package app

import (
	"path/filepath"
	"strings"
	"testing"

	"cartera/backend/ar"
	"cartera/backend/sqlite"
)

// openFileEvents records the EventOpenFile paths a session emits.
func openFileEvents(s *Session) *[]string {
	var got []string
	s.SetEmitter(func(name string, data any) {
		if name == EventOpenFile {
			got = append(got, data.(string))
		}
	})
	return &got
}

// The file on the command line waits for the window; it is handed over
// once, and never emitted before the window listens.
func TestLaunch_FileBeforeTheWindowWaitsAndIsTakenOnce(t *testing.T) {
	s, _ := newSession(t)
	events := openFileEvents(s)
	l := NewLaunch(s)
	l.Request("/x/A.cartera")
	if len(*events) != 0 {
		t.Errorf("emitted %q before the window listened", *events)
	}
	if got := l.Pending(); got != "/x/A.cartera" {
		t.Errorf("Pending = %q, want /x/A.cartera", got)
	}
	if got := l.Pending(); got != "" {
		t.Errorf("second Pending = %q, want nothing", got)
	}
}

// Once the window listens, a file from a second launch is sent to it as an
// event (the window asks about unsaved changes, then opens it).
func TestLaunch_FileWhileRunningIsSentToTheWindow(t *testing.T) {
	s, _ := newSession(t)
	events := openFileEvents(s)
	l := NewLaunch(s)
	l.Pending()
	l.Request("/x/B.cartera")
	l.Request("") // a second launch without a file only raises the window
	if strings.Join(*events, ",") != "/x/B.cartera" {
		t.Errorf("events = %q, want [/x/B.cartera]", *events)
	}
	if got := l.Pending(); got != "" {
		t.Errorf("Pending = %q after the event", got)
	}
}

func TestWindowTitle_NamesTheOpenPortfolio(t *testing.T) {
	if got := WindowTitle(PortfolioInfo{}); got != "Cartera" {
		t.Errorf("no portfolio: %q", got)
	}
	if got := WindowTitle(PortfolioInfo{Open: true, Portfolio: ar.Portfolio{Name: "Beta SpA"}}); got != "Beta SpA — Cartera" {
		t.Errorf("open: %q", got)
	}
}

func TestAbout_SaysVersionSchemaAndFolders(t *testing.T) {
	s, _ := newSession(t)
	pref := NewPreferences(s)
	a := pref.About()
	if a.Version != "test" || a.Schema != sqlite.SchemaVersion() || a.Schema == 0 || a.Backups != "" ||
		a.Portfolios != DefaultFolder() || !strings.HasSuffix(a.Settings, "config") {
		t.Errorf("About with no portfolio = %+v", a)
	}
	info, err := NewPortfolios(s).Create(NewPortfolioRequest{Name: "Alfa", Country: "CL"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := pref.About().Backups, sqlite.BackupDir(info.Path); got != want || filepath.Dir(got) != info.Folder {
		t.Errorf("Backups = %q, want %q beside the portfolio", got, want)
	}
}
