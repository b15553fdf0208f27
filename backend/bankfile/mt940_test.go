package bankfile

import (
	"os"
	"path/filepath"
	"testing"
)

// Every shared MT940/MT942 sample and every own fixture reads to its golden
// lines, or to its golden error.
func TestMT940_Golden(t *testing.T) {
	groups := []struct {
		name  string
		paths []string
	}{
		{"shared-mt940", sharedFiles(t, "mt940")},
		{"mt940", ownFixtures(t, "mt940")},
	}
	for _, group := range groups {
		for _, path := range group.paths {
			t.Run(filepath.Base(path), func(t *testing.T) {
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if !claimMT940(b) {
					t.Errorf("MT940 does not claim %s", path)
				}
				f, err := parseMT940(b, optionsFor(path))
				if err == nil {
					f.Format = FormatMT940
				}
				checkGolden(t, group.name, path, f, err)
			})
		}
	}
}
