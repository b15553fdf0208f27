package bankfile

import (
	"bytes"
	"cartera/backend/internal/sharedtest"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The -update flag rewrites golden files. Other test files of the package
// may define it too (the table reader's do); it is defined here only when
// nobody else has, and read by name, so both can live in one package.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files from the current output")
	}
}

// updatingGolden reports whether the test run was asked to rewrite golden files.
func updatingGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// sharedFiles lists the shared sample files of one format directory ("ofx", "camt053", ...).
func sharedFiles(t testing.TB, sub string) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(sharedtest.BankDir(t), sub, "*"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no shared sample files in %s", sub)
	}
	sort.Strings(paths)
	return paths
}

// ownFixtures lists this package's own fixtures of one format.
func ownFixtures(t testing.TB, sub string) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", sub, "*"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures in testdata/%s", sub)
	}
	sort.Strings(paths)
	return paths
}

// goldenDoc is what a golden file holds: the file read, with each
// statement's balance check, or the error that stopped it.
type goldenDoc struct {
	File   *File          `json:"file,omitempty"`
	Checks []BalanceCheck `json:"checks,omitempty"`
	Error  *goldenError   `json:"error,omitempty"`
}

type goldenError struct {
	Format Format            `json:"format"`
	Line   int               `json:"line"`
	Key    string            `json:"key"`
	Params map[string]string `json:"params"`
}

func renderGolden(t *testing.T, f File, err error) []byte {
	t.Helper()
	var doc goldenDoc
	if err != nil && len(f.Statements) != 0 {
		t.Errorf("a file with an error gave %d statements: all or nothing", len(f.Statements))
	}
	if err != nil {
		var be *Error
		if !errors.As(err, &be) {
			t.Fatalf("error is not a *bankfile.Error: %v", err)
		}
		doc.Error = &goldenError{Format: be.Format, Line: be.Line, Key: be.Key, Params: be.Params}
	} else {
		doc.File = &f
		for _, s := range f.Statements {
			doc.Checks = append(doc.Checks, s.Check())
		}
	}
	out, jerr := json.MarshalIndent(doc, "", "  ")
	if jerr != nil {
		t.Fatal(jerr)
	}
	return append(out, '\n')
}

// checkGolden compares what reading path gives with testdata/golden/<group>/<name>.json.
func checkGolden(t *testing.T, group, path string, f File, err error) {
	t.Helper()
	got := renderGolden(t, f, err)
	golden := filepath.Join("testdata", "golden", group, filepath.Base(path)+".json")
	if updatingGolden() {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, rerr := os.ReadFile(golden)
	if rerr != nil {
		t.Fatalf("%v (run go test -run Golden -update to write it)", rerr)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s:\n%s", path, golden, firstDifference(string(want), string(got)))
	}
}

// firstDifference shows the first line where two texts differ.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + itoa(i+1) + ":\n  want " + wl + "\n  got  " + gl
		}
	}
	return "(same lines, different bytes)"
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// optionsFor is what the user would tell Cartera about a fixture: own
// fixtures named "cl_...", "co_", "mx_", "pe_", "ar_" come from that country's banks.
func optionsFor(path string) Options {
	country := strings.ToUpper(strings.SplitN(filepath.Base(path), "_", 2)[0])
	switch country {
	case "CL":
		return Options{Country: country, Currency: "CLP"}
	case "CO":
		return Options{Country: country, Currency: "COP"}
	case "MX":
		return Options{Country: country, Currency: "MXN"}
	case "PE":
		return Options{Country: country, Currency: "PEN"}
	case "AR":
		return Options{Country: country, Currency: "ARS"}
	}
	return Options{}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// goldenGroup is a set of files whose goldens share a folder.
type goldenGroup struct {
	name  string
	paths []string
}

// goldenFormat checks that format claims every file of the groups and reads
// each to its golden lines, or to its golden error.
func goldenFormat(t *testing.T, format Format, claim func([]byte) bool, parse func([]byte, Options) (File, error), groups ...goldenGroup) {
	for _, group := range groups {
		for _, path := range group.paths {
			t.Run(filepath.Base(path), func(t *testing.T) {
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if !claim(b) {
					t.Errorf("%s does not claim %s", format, path)
				}
				f, err := parse(b, optionsFor(path))
				if err == nil {
					f.Format = format
				}
				checkGolden(t, group.name, path, f, err)
			})
		}
	}
}
