package bankfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"cartera/backend/date"
)

var update = flag.Bool("update", false, "rewrite the golden files of the table reader's tests")

// sharedDir is shared/testdata/bank: $CARTERA_SHARED, else the shared folder
// beside the repository root (the directory holding go.mod).
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("CARTERA_SHARED")
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			t.Fatal(err)
		}
		for root := wd; ; root = filepath.Dir(root) {
			if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
				dir = filepath.Join(root, "..", "shared")
				break
			}
			if filepath.Dir(root) == root {
				t.Fatalf("no go.mod above %s", wd)
			}
		}
	}
	bank := filepath.Join(dir, "testdata", "bank")
	if _, err := os.Stat(bank); err != nil {
		t.Fatalf("these tests need the shared test files (shared/testdata/bank beside the repository, or $CARTERA_SHARED): %v", err)
	}
	return bank
}

// testToday is the today of every test, so that years inferred for dates
// without one do not move.
var testToday = date.MustParse("2025-06-30")

// goldenCase is one input file and the golden file of its lines.
type goldenCase struct {
	name string // golden file: testdata/table/golden/<name>.json
	path string
	opt  Options
}

// fixtureOptions are what the app would pass for fixtures of banks without
// a profile (the account's currency and country).
var fixtureOptions = map[string]Options{
	"generic_unknown_bank": {Currency: "CLP", Country: "CL"},
}

// goldenCases lists the shared files and our own fixtures that must read.
func goldenCases(t *testing.T) []goldenCase {
	shared := sharedDir(t)
	cases := []goldenCase{
		{name: "shared_ve_bnc", path: filepath.Join(shared, "latam-csv-txt", "ve_bnc_movimientos.tsv")},
		{name: "shared_ve_banplus", path: filepath.Join(shared, "latam-csv-txt", "ve_banplus_estado_de_cuenta.txt")},
		{name: "shared_ve_provincial", path: filepath.Join(shared, "latam-csv-txt", "ve_provincial_sep2019.csv")},
		{name: "shared_ve_bdv", path: filepath.Join(shared, "latam-csv-txt", "ve_bdv_oct2019.fix.txt")},
		{name: "shared_cl_bancochile", path: filepath.Join(shared, "latam-xls", "cl_bancochile_cartola_xlsx_named_xls.xls")},
		// A real BIFF8 .xls: reads once backend/tabular reads .xls (branch xls).
		{name: "shared_cl_bci", path: filepath.Join(shared, "latam-xls", "cl_bci_cartola.xls")},
	}
	fixtures, err := filepath.Glob(filepath.Join("testdata", "table", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fixtures {
		base := filepath.Base(f)
		if strings.HasPrefix(base, "bad_") {
			continue
		}
		name := strings.TrimSuffix(base, filepath.Ext(base))
		cases = append(cases, goldenCase{name: name, path: f, opt: fixtureOptions[name]})
	}
	return cases
}

// TestGolden reads every shared file and fixture and compares its
// statements with the golden file (go test -run Golden -update rewrites them).
func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			opt := c.opt
			opt.Today = testToday
			f, err := Read(c.path, opt)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if f.Format != FormatTable {
				t.Fatalf("format %q, want %q", f.Format, FormatTable)
			}
			got, err := json.MarshalIndent(f, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "table", "golden", c.name+".json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run Golden -update to write it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from its golden file %s:\n%s", c.path, golden, firstDiff(string(got), string(want)))
			}
		})
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + a + "\nwant: " + b
		}
	}
	return ""
}

// asError unwraps a *Error or fails.
func asError(t *testing.T, err error) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T), want a *bankfile.Error", err, err)
	}
	return e
}
