package bankfile

import (
	"os"
	"path/filepath"
	"testing"
)

// Every shared QIF sample and every own QIF fixture reads to its golden
// lines, or to its golden error.
func TestQIF_Golden(t *testing.T) {
	groups := []struct {
		name  string
		paths []string
	}{
		{"shared-qif", sharedFiles(t, "qif")},
		{"qif", ownFixtures(t, "qif")},
	}
	for _, group := range groups {
		for _, path := range group.paths {
			t.Run(filepath.Base(path), func(t *testing.T) {
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if !claimQIF(b) {
					t.Errorf("QIF does not claim %s", path)
				}
				f, err := parseQIF(b, optionsFor(path))
				if err == nil {
					f.Format = FormatQIF
				}
				checkGolden(t, group.name, path, f, err)
			})
		}
	}
}
