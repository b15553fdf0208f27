package cli

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"cartera/backend/date"
	"cartera/backend/sqlite"
)

// TestMain lets a test run the command line in a child process (the kill -9
// test needs a real process to kill): with CARTERA_CLI_CHILD set, the test
// binary behaves as `cartera` with the arguments after "--".
func TestMain(m *testing.M) {
	if os.Getenv("CARTERA_CLI_CHILD") == "1" {
		args := os.Args
		for i, a := range args {
			if a == "--" {
				args = args[i+1:]
				break
			}
		}
		os.Exit(Run(args, Env{Version: "test"}))
	}
	os.Exit(m.Run())
}

var testToday = date.MustParse("2026-11-24")

// run executes a command in-process and returns its exit code and output.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errw bytes.Buffer
	code := Run(args, Env{Version: "test", Stdout: &out, Stderr: &errw, Today: testToday, Lang: "es"})
	return code, out.String(), errw.String()
}

func TestNew_CreatesPortfolioWithCountryCurrency(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acme.cartera")
	code, out, errs := run(t, "new", "--out", path, "--name", "Acme Ltda", "--country", "CO")
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.Contains(out, "COP") {
		t.Errorf("output %q does not name the default currency COP", out)
	}
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p, err := db.Portfolio(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Acme Ltda" || p.Country != "CO" || p.Currency != "COP" {
		t.Errorf("portfolio = %+v", p)
	}
}

func TestNew_RejectsBadInputNamingTheField(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no out", []string{"new", "--name", "X", "--country", "CL"}, ExitUsage, "--out"},
		{"unknown country", []string{"new", "--out", filepath.Join(dir, "a"), "--name", "X", "--country", "BR"}, ExitUsage, "País"},
		{"no name", []string{"new", "--out", filepath.Join(dir, "b"), "--country", "CL"}, ExitUsage, "Nombre"},
		{"bad tax id", []string{"new", "--out", filepath.Join(dir, "c"), "--name", "X", "--country", "CL", "--tax-id", "76.123.456-1"}, ExitUsage, "dígito verificador"},
		{"unknown currency", []string{"new", "--out", filepath.Join(dir, "d"), "--name", "X", "--country", "CL", "--currency", "XYZ"}, ExitUsage, "XYZ"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := run(t, tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d stderr %q; want exit %d mentioning %q", code, errs, tc.code, tc.want)
			}
		})
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("failed runs left files: %v", ents)
	}
}

func TestNew_RefusesToOverwrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.cartera")
	if code, _, errs := run(t, "new", "--out", path, "--name", "X", "--country", "CL"); code != ExitOK {
		t.Fatal(errs)
	}
	code, _, errs := run(t, "new", "--out", path, "--name", "Y", "--country", "CL")
	if code == ExitOK || !strings.Contains(errs, "ya existe") {
		t.Errorf("exit %d stderr %q; want a refusal saying the file exists", code, errs)
	}
}

func TestCheck_PassesCleanDemoAndNamesViolations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.cartera")
	if code, _, errs := run(t, "demo", "--out", path, "--clients", "30", "--invoices", "600", "--quiet"); code != ExitOK {
		t.Fatalf("demo: %s", errs)
	}
	code, out, errs := run(t, "check", path)
	if code != ExitOK || !strings.HasPrefix(out, "OK") {
		t.Fatalf("check of a fresh demo: exit %d out %q err %q", code, out, errs)
	}
	// Break a cached balance and an allocation the way a bug would.
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().Exec(`UPDATE documents SET open_minor = open_minor - 1 WHERE id = (SELECT min(id) FROM documents WHERE kind = 'invoice' AND open_minor > 0)`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().Exec(`UPDATE allocations SET amount_minor = amount_minor + 1000000000 WHERE id = (SELECT min(id) FROM allocations WHERE payment_id IS NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, out, errs = run(t, "check", path)
	if code != ExitFail {
		t.Fatalf("check of a broken file: exit %d, want %d", code, ExitFail)
	}
	for _, rule := range []string{"document_open", "allocation_over_payment", "client_balance"} {
		if !strings.Contains(out, rule) {
			t.Errorf("check output does not name %s:\n%s", rule, out)
		}
	}
	if !strings.Contains(errs, "problema") {
		t.Errorf("stderr %q does not summarize the problems", errs)
	}
}

func TestCheck_RefusesWhatIsNotAPortfolio(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notas.xlsx")
	os.WriteFile(notes, []byte("PK\x03\x04 not a portfolio at all, but long enough to be sniffed as something, really it is"), 0o644)
	code, _, errs := run(t, "check", notes)
	if code != ExitFail || !strings.Contains(errs, "no es una cartera") {
		t.Errorf("exit %d stderr %q", code, errs)
	}
	code, _, errs = run(t, "check", filepath.Join(dir, "missing.cartera"))
	if code != ExitFail || !strings.Contains(errs, "no se encuentra") {
		t.Errorf("missing file: exit %d stderr %q", code, errs)
	}
	if code, _, _ := run(t, "check"); code != ExitUsage {
		t.Errorf("check without a file: exit %d, want usage", code)
	}
}

func TestDemo_RejectsAbsurdSizes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.cartera")
	code, _, errs := run(t, "demo", "--out", path, "--clients", "0")
	if code != ExitUsage || !strings.Contains(errs, "Clientes") {
		t.Errorf("exit %d stderr %q", code, errs)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a rejected demo left a file")
	}
}

func TestVersionHelpAndUnknown(t *testing.T) {
	code, out, _ := run(t, "version")
	if code != ExitOK || !strings.Contains(out, "Cartera test") || !strings.Contains(out, fmt.Sprint(sqlite.SchemaVersion())) {
		t.Errorf("version: %d %q", code, out)
	}
	code, out, _ = run(t, "help")
	for _, c := range []string{"new", "demo", "check", "version"} {
		if !strings.Contains(out, c) {
			t.Errorf("help does not list %s", c)
		}
	}
	if code, _, errs := run(t, "frobnicate"); code != ExitUsage || !strings.Contains(errs, "frobnicate") {
		t.Errorf("unknown command: %d %q", code, errs)
	}
	if !IsCommand("demo") || IsCommand("-psn_0_12345") || IsCommand("") {
		t.Error("IsCommand misclassifies")
	}
}

func TestEnglishMessages(t *testing.T) {
	var out, errw bytes.Buffer
	code := Run([]string{"check", filepath.Join(t.TempDir(), "nope.cartera")}, Env{Version: "t", Stdout: &out, Stderr: &errw, Lang: "en"})
	if code != ExitFail || !strings.Contains(errw.String(), "cannot be found") {
		t.Errorf("exit %d stderr %q", code, errw.String())
	}
}

// TestDemo_KillNineLeavesNoFileOrAGoodOne kills `cartera demo` with SIGKILL at
// random moments; afterwards the target is either absent or passes check, and
// a new run into the same folder still works.
func TestDemo_KillNineLeavesNoFileOrAGoodOne(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a Unix signal")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	kills := 20
	if testing.Short() {
		kills = 5
	}
	var absent, complete int
	for i := 0; i < kills; i++ {
		dir := t.TempDir()
		path := filepath.Join(dir, "demo.cartera")
		cmd := exec.Command(exe, "-test.run=^$", "--", "demo", "--out", path, "--clients", "400", "--invoices", "40000", "--quiet")
		cmd.Env = append(os.Environ(), "CARTERA_CLI_CHILD=1", "CARTERA_TODAY=2026-11-24")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(50+rng.IntN(1500)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if _, err := os.Stat(path); err != nil {
			absent++
		} else {
			complete++
			if code, out, errs := run(t, "check", path); code != ExitOK {
				t.Fatalf("kill %d: a file was left that fails check: %s %s", i, out, errs)
			}
		}
		// Whatever a killed run left behind must not stop the next one.
		if code, _, errs := run(t, "demo", "--out", filepath.Join(dir, "again.cartera"), "--clients", "5", "--invoices", "50", "--quiet"); code != ExitOK {
			t.Fatalf("kill %d: a new demo in the same folder fails: %s", i, errs)
		}
	}
	t.Logf("%d kills: %d left no file, %d left a complete file", kills, absent, complete)
	if absent == 0 {
		t.Error("no kill landed while the generator was running; the test proves nothing")
	}
}

func TestExport_WritesEachListAndRefusesBadArguments(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.cartera")
	if code, _, errs := run(t, "demo", "--out", path, "--clients", "10", "--invoices", "100", "--quiet"); code != ExitOK {
		t.Fatal(errs)
	}
	for _, list := range []string{"clients", "invoices", "payments"} {
		out := filepath.Join(dir, list+".xlsx")
		code, stdout, errs := run(t, "export", list, "--portfolio", path, "--out", out)
		if code != ExitOK || !strings.Contains(stdout, "filas exportadas") {
			t.Fatalf("export %s: %d %q %q", list, code, stdout, errs)
		}
		if st, err := os.Stat(out); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", out, err)
		}
	}
	if code, _, errs := run(t, "export", "invoices", "--portfolio", path, "--out", filepath.Join(dir, "x.pdf")); code != ExitUsage || !strings.Contains(errs, ".xlsx o .csv") {
		t.Errorf("a .pdf: %d %q", code, errs)
	}
	if code, _, _ := run(t, "export", "--portfolio", path); code != ExitUsage {
		t.Errorf("no list: %d", code)
	}
	if code, _, errs := run(t, "export", "invoices", "--portfolio", path, "--out", filepath.Join(dir, "invoices.xlsx")); code == ExitOK || !strings.Contains(errs, "ya existe") {
		t.Errorf("over an existing file: %d %q", code, errs)
	}
}

// --status and --search export what the list would show for them; without
// them the export is the whole list, as before.
func TestExport_StatusAndSearchFlagsSelectTheListsRows(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.cartera")
	if code, _, errs := run(t, "demo", "--out", path, "--clients", "10", "--invoices", "100", "--quiet"); code != ExitOK {
		t.Fatal(errs)
	}
	rows := func(out string) int {
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return len(strings.Split(strings.TrimRight(string(b), "\r\n"), "\r\n")) - 1
	}
	all, paid := filepath.Join(dir, "all.csv"), filepath.Join(dir, "paid.csv")
	if code, _, errs := run(t, "export", "invoices", "--portfolio", path, "--out", all); code != ExitOK {
		t.Fatal(errs)
	}
	if code, _, errs := run(t, "export", "invoices", "--portfolio", path, "--out", paid, "--status", "paid", "--search", "a"); code != ExitOK {
		t.Fatal(errs)
	}
	n, every := rows(paid), rows(all)
	b, _ := os.ReadFile(paid)
	if n == 0 || n >= every || strings.Count(string(b), ";Pagada;") != n {
		t.Errorf("--status paid --search a wrote %d of %d rows; want only the paid ones", n, every)
	}
	none := filepath.Join(dir, "none.csv")
	if code, _, errs := run(t, "export", "payments", "--portfolio", path, "--out", none, "--search", "no existe tal cosa"); code != ExitOK || rows(none) != 0 {
		t.Errorf("a search that finds nothing: %d %q, %d rows", code, errs, rows(none))
	}
	if code, _, errs := run(t, "export", "clients", "--portfolio", path, "--out", filepath.Join(dir, "c.csv"), "--status", "overdue"); code != ExitUsage {
		t.Errorf("--status on clients: %d %q", code, errs)
	}
	if code, _, errs := run(t, "export", "invoices", "--portfolio", path, "--out", filepath.Join(dir, "x.csv"), "--status", "vencida"); code == ExitOK || !strings.Contains(errs, "vencida") {
		t.Errorf("an unknown status: %d %q", code, errs)
	}
}
