package bankfile

import (
	"os"
	"path/filepath"
	"testing"
)

// Every shared CAMT sample (052, 053, 054) and every own CAMT fixture reads
// to its golden lines, or to its golden error.
func TestCAMT_Golden(t *testing.T) {
	groups := []struct {
		name  string
		paths []string
	}{
		{"shared-camt052", sharedFiles(t, "camt052")},
		{"shared-camt053", sharedFiles(t, "camt053")},
		{"shared-camt054", sharedFiles(t, "camt054")},
		{"camt", ownFixtures(t, "camt")},
	}
	for _, group := range groups {
		for _, path := range group.paths {
			t.Run(filepath.Base(path), func(t *testing.T) {
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if !claimCAMT(b) {
					t.Errorf("CAMT does not claim %s", path)
				}
				f, err := parseCAMT(b, optionsFor(path))
				if err == nil {
					f.Format = FormatCAMT
				}
				checkGolden(t, group.name, path, f, err)
			})
		}
	}
}
