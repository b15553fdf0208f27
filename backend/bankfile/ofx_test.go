package bankfile

import (
	"os"
	"path/filepath"
	"testing"
)

// Every shared OFX sample and every own OFX fixture reads to its golden lines
// (or, for the broken ones, to its golden error).
func TestOFX_Golden(t *testing.T) {
	for _, group := range []struct {
		name  string
		paths []string
	}{
		{"shared-ofx", sharedFiles(t, "ofx")},
		{"ofx", ownFixtures(t, "ofx")},
	} {
		for _, path := range group.paths {
			t.Run(filepath.Base(path), func(t *testing.T) {
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if !claimOFX(b) {
					t.Errorf("OFX does not claim %s", path)
				}
				f, err := parseOFX(b, optionsFor(path))
				if err == nil {
					f.Format = FormatOFX
				}
				checkGolden(t, group.name, path, f, err)
			})
		}
	}
}
