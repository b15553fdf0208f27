package settings

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestTouch_MovesToTopAndCaps(t *testing.T) {
	s := Open(t.TempDir())
	for i := 0; i < MaxRecent+3; i++ {
		if err := s.Touch(Recent{Path: fmt.Sprintf("/p/%d.cartera", i), OpenedAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
	}
	s.Touch(Recent{Path: "/p/5.cartera"})
	got := s.Load().Recent
	if len(got) != MaxRecent || got[0].Path != "/p/5.cartera" {
		t.Fatalf("got %d entries, first %q", len(got), got[0].Path)
	}
	seen := map[string]bool{}
	for _, r := range got {
		if seen[r.Path] {
			t.Fatalf("duplicate %s", r.Path)
		}
		seen[r.Path] = true
	}
}

func TestLoad_DamagedFileGivesDefaults(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "settings.json"), []byte("{not json"), 0o644)
	st := Open(dir).Load()
	if st.Language != "es" || len(st.Recent) != 0 {
		t.Fatalf("got %+v", st)
	}
}

func TestSetLanguage_RememberedAndValidated(t *testing.T) {
	dir := t.TempDir()
	if err := Open(dir).SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	if got := Open(dir).Load().Language; got != "en" {
		t.Fatalf("got %q", got)
	}
	if err := Open(dir).SetLanguage("fr"); err == nil {
		t.Fatal("accepted fr")
	}
}
