package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"cartera/backend/demo"
	"cartera/backend/reconcile/synth"
	"cartera/backend/sqlite"
)

// cartola is a Banco de Chile CSV export: preamble, movements, footer.
const cartola = "Cartola de Cuenta Corriente\r\nSr(a): COMERCIAL E2E LTDA\r\nCuenta: 00-123-45678-09\r\nMoneda: CLP\r\nSaldo inicial: 1.000.000\r\n\r\n" +
	"Fecha;Descripción;Canal o Sucursal;Cargos (CLP);Abonos (CLP);Saldo (CLP)\r\n" +
	"03/11/2026;TRASPASO DE:FERRETERIA SUR LTDA 76.086.428-5 FACT 1001;Internet;;1.190.000;2.190.000\r\n" +
	"05/11/2026;DEPOSITO EN EFECTIVO;Sucursal Centro;;595.000;2.785.000\r\n" +
	"06/11/2026;TRASPASO DE:OPTICA CENTRAL SPA;Internet;;600.000;3.385.000\r\n" +
	"07/11/2026;COMISION MANTENCION PLAN;Central;5.950;;3.379.050\r\n" +
	"\r\nSaldo final: 3.379.050\r\n"

const openInvoices = "RUT;Razón Social;Tipo Doc;Nº Documento;Fecha Emisión;Vencimiento;Monto;Saldo\n" +
	"76.086.428-5;Ferretería Sur Ltda.;Factura;1001;01/10/2026;31/10/2026;1.190.000;1.190.000\n" +
	"76.086.428-5;Ferretería Sur Ltda.;Factura;1002;05/10/2026;04/11/2026;595.000;595.000\n" +
	"77.555.444-4;Óptica Central SpA;Factura;3001;12/10/2026;11/11/2026;400.000;400.000\n" +
	"77.555.444-4;Óptica Central SpA;Factura;3002;14/10/2026;13/11/2026;350.000;350.000\n"

func bankPortfolio(t *testing.T, dir string) string {
	t.Helper()
	t.Setenv("CARTERA_CONFIG_DIR", t.TempDir())
	p := newPortfolio(t, dir)
	inv := writeFile(t, filepath.Join(dir, "cxc.csv"), []byte(openInvoices))
	if code, _, errs := run(t, "import", "invoices", inv, "--portfolio", p, "--create-clients"); code != ExitOK {
		t.Fatalf("import invoices: %d %s", code, errs)
	}
	return p
}

// count runs a count query on a portfolio.
func count(t *testing.T, portfolio, q string) int {
	t.Helper()
	db, err := sqlite.Open(context.Background(), portfolio, sqlite.Options{})
	if err != nil {
		t.Fatalf("open %s: %v", portfolio, err)
	}
	defer db.Close()
	var n int
	if err := db.SQL().QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func synthConfig(lines int) synth.Config {
	return synth.Config{Country: "CL", Clients: 2000, Invoices: 40000, Lines: lines}
}

func TestImportBank_Headless(t *testing.T) {
	dir := t.TempDir()
	p := bankPortfolio(t, dir)
	file := writeFile(t, filepath.Join(dir, "cartola-nov.csv"), []byte(cartola))

	code, out, errs := run(t, "import", "bank", file, "--portfolio", p, "--dry-run")
	if code != ExitOK || !strings.Contains(out, "4 líneas leídas: 4 nuevas") || !strings.Contains(out, "Prueba: no se guardó nada") {
		t.Fatalf("dry run: %d %q %q", code, out, errs)
	}
	if n := count(t, p, `SELECT count(*) FROM bank_lines`); n != 0 {
		t.Fatalf("a dry run stored %d lines", n)
	}
	code, out, errs = run(t, "import", "bank", file, "--portfolio", p)
	if code != ExitOK || !strings.Contains(out, "Saldos cuadran: 1.000.000 + movimientos = 3.379.050") || !strings.Contains(out, "00-123-45678-09") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	// Again: nothing new, and it says so.
	code, out, _ = run(t, "import", "bank", file, "--portfolio", p)
	if code != ExitOK || !strings.Contains(out, "0 nuevas, 4 ya estaban") {
		t.Fatalf("re-import: %d %q", code, out)
	}
	if n := count(t, p, `SELECT count(*) FROM bank_lines`); n != 4 {
		t.Fatalf("%d lines after importing twice; want 4", n)
	}
	// Bad input: one sentence naming what is wrong, exit 2, nothing stored.
	for _, c := range []struct{ name, body, want string }{
		{"cortada.sta", ":20:STMT-1\r\n:25:00-123-45678-09\r\n:28C:1/1\r\n:60F:C261101CLP1000000,\r\n:61:261103C1190000,NTRFNONREF\r\n", "ínea"},
		{"mala.xml", `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>1</Id><Ntry><Amt Ccy="CLP">12,5x</Amt>`, "ínea"},
		{"sin-columna.csv", "Fecha;Descripción;Saldo\r\n03/11/2026;ABONO;1.000\r\n", "columna"},
		{"vacia.csv", "", "vacío"},
	} {
		f := writeFile(t, filepath.Join(dir, c.name), []byte(c.body))
		code, out, errs := run(t, "import", "bank", f, "--portfolio", p)
		if code == ExitOK || !strings.Contains(errs, c.want) || strings.Contains(errs, "bankfile") || strings.Contains(errs, "internal") {
			t.Errorf("%s: exit %d, out %q, err %q; want a sentence with %q", c.name, code, out, errs, c.want)
		}
	}
	if n := count(t, p, `SELECT count(*) FROM bank_lines`); n != 4 {
		t.Fatalf("%d lines after bad files; want 4", n)
	}
	code, _, errs = run(t, "import", "bank", file, "--portfolio", p, "--account", "999-999")
	if code != ExitUsage || !strings.Contains(errs, "no hay una cuenta bancaria «999-999»") {
		t.Fatalf("unknown account: %d %q", code, errs)
	}
	// Undo the whole import, then it comes back.
	code, out, errs = run(t, "undo-import", "bank", "1", "--portfolio", p)
	if code != ExitOK {
		t.Fatalf("undo: %d %q %q", code, out, errs)
	}
	if code, out, _ = run(t, "import", "bank", file, "--portfolio", p); code != ExitOK || !strings.Contains(out, "4 nuevas") {
		t.Fatalf("import after undo: %d %q", code, out)
	}
	if code, cout, cerr := run(t, "check", p); code != ExitOK {
		t.Fatalf("check: %s %s", cout, cerr)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestReconcile_OutCSVAndDryRun(t *testing.T) {
	dir := t.TempDir()
	p := bankPortfolio(t, dir)
	file := writeFile(t, filepath.Join(dir, "cartola-nov.csv"), []byte(cartola))
	if code, _, errs := run(t, "import", "bank", file, "--portfolio", p); code != ExitOK {
		t.Fatal(errs)
	}
	out := filepath.Join(dir, "m.csv")
	code, stdout, errs := run(t, "reconcile", "--portfolio", p, "--dry-run", "--out", out)
	if code != ExitOK || !strings.Contains(stdout, "1 conciliados automáticamente") {
		t.Fatalf("dry run: %d %q %q", code, stdout, errs)
	}
	rows := readCSV(t, out)
	if !reflect.DeepEqual(rows[0], MatchesHeader) || strings.Join(rows[0], ",") != "bank_file,row,date,amount_minor,description,client_tax_id,invoice_number,amount_applied_minor,status,confidence,reason" {
		t.Fatalf("header %q", rows[0])
	}
	auto := rows[1]
	if auto[0] != "cartola-nov.csv" || auto[1] != "8" || auto[2] != "2026-11-03" || auto[3] != "119000000" && auto[3] != "1190000" || auto[5] != "76.086.428-5" ||
		auto[6] != "1001" || auto[8] != "auto" || !strings.Contains(auto[10], "1001") {
		t.Fatalf("automatic row %q", auto)
	}
	if c, _ := strconv.ParseFloat(auto[9], 64); c < 0.95 || c > 1 {
		t.Fatalf("confidence %q", auto[9])
	}
	for _, r := range rows[1:] {
		if r[8] != "auto" && r[8] != "suggested" {
			t.Fatalf("status %q", r[8])
		}
	}
	if n := count(t, p, `SELECT count(*) FROM payments`); n != 0 {
		t.Fatalf("a dry run recorded %d payments", n)
	}
	// For real: the automatic match is a payment; the CSV says the same.
	if code, stdout, errs = run(t, "reconcile", "--portfolio", p, "--out", out); code != ExitOK {
		t.Fatalf("reconcile: %d %q", code, errs)
	}
	if n := count(t, p, `SELECT count(*) FROM payments WHERE source = 'bank' AND reversed_at IS NULL`); n != 1 {
		t.Fatalf("%d bank payments; want 1", n)
	}
	if code, _, errs := run(t, "undo-reconcile", "1", "--portfolio", p); code != ExitOK {
		t.Fatalf("undo-reconcile: %s", errs)
	}
	if n := count(t, p, `SELECT count(*) FROM payments WHERE reversed_at IS NULL`); n != 0 {
		t.Fatalf("%d live payments after undoing the run", n)
	}
	if code, cout, cerr := run(t, "check", p); code != ExitOK {
		t.Fatalf("check: %s %s", cout, cerr)
	}
}

// score compares `cartera reconcile --out` with the labels demo-bank wrote:
// an automatic match is right when its rows are exactly the labelled ones.
func score(t *testing.T, labels, matches string) (paying, auto, right, top1 int) {
	t.Helper()
	key := func(r []string) string { return r[5] + "|" + r[6] + "|" + r[7] }
	want := map[string][]string{}
	for _, r := range readCSV(t, labels)[1:] {
		want[r[1]] = append(want[r[1]], r[4]+"|"+r[5]+"|"+r[6])
	}
	got, status := map[string][]string{}, map[string]string{}
	for _, r := range readCSV(t, matches)[1:] {
		got[r[1]] = append(got[r[1]], key(r))
		status[r[1]] = r[8]
	}
	same := func(a, b []string) bool {
		sort.Strings(a)
		sort.Strings(b)
		return reflect.DeepEqual(a, b)
	}
	for row, s := range status {
		ok := same(got[row], want[row]) && len(want[row]) > 0
		if s == "auto" {
			auto++
			if ok {
				right++
			}
		}
		if ok {
			top1++
		}
	}
	return len(want), auto, right, top1
}

// The matcher's quality measured as a user would: a labelled portfolio and
// its statement (five countries), imported and reconciled through the
// command line, the CSV compared with the right answers.
func TestReconcile_QualityThroughTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	var paying, auto, right, top1 int
	for i, country := range []string{"CL", "CO", "MX", "PE", "AR"} {
		d := filepath.Join(dir, country)
		if code, _, errs := run(t, "demo-bank", "--out", d, "--country", country, "--lines", "2000", "--seed", strconv.Itoa(100+i)); code != ExitOK {
			t.Fatalf("demo-bank: %s", errs)
		}
		p := filepath.Join(d, "cartera-banco.cartera")
		if code, _, errs := run(t, "import", "bank", filepath.Join(d, "cartola.csv"), "--portfolio", p); code != ExitOK {
			t.Fatalf("%s import bank: %s", country, errs)
		}
		out := filepath.Join(d, "m.csv")
		if code, _, errs := run(t, "reconcile", "--portfolio", p, "--dry-run", "--out", out); code != ExitOK {
			t.Fatalf("%s reconcile: %s", country, errs)
		}
		pa, au, ri, t1 := score(t, filepath.Join(d, "etiquetas.csv"), out)
		t.Logf("%s: %d deposits pay invoices; %d automatic, %d right (precision %.2f %%, recall %.1f %%); best proposal right for %.1f %%",
			country, pa, au, ri, 100*float64(ri)/float64(max(au, 1)), 100*float64(ri)/float64(pa), 100*float64(t1)/float64(pa))
		paying, auto, right, top1 = paying+pa, auto+au, right+ri, top1+t1
	}
	precision, recall := float64(right)/float64(auto), float64(right)/float64(paying)
	t.Logf("all: precision %.3f %%, recall %.1f %%, best proposal right %.1f %%", 100*precision, 100*recall, 100*float64(top1)/float64(paying))
	if precision < 0.999 || recall < 0.80 {
		t.Errorf("automatic matches %.3f %% precise, %.1f %% recall; targets 99.9 %% and 80 %%", 100*precision, 100*recall)
	}
}

// childRun starts the test binary as `cartera ARGS…`.
func childRun(t *testing.T, exe, cfg string, args ...string) (*exec.Cmd, *strings.Builder) {
	t.Helper()
	cmd := exec.Command(exe, append([]string{"-test.run=^$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), "CARTERA_CLI_CHILD=1", "CARTERA_TODAY=2026-11-24", "CARTERA_CONFIG_DIR="+cfg, "LANG=es_CL.UTF-8")
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &out
}

// TestBank_KillNineLeavesPortfolioBeforeOrComplete kills `cartera import
// bank` and `cartera reconcile` at random moments: the portfolio then holds
// nothing of the interrupted work or all of it, and check passes.
func TestBank_KillNineLeavesPortfolioBeforeOrComplete(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a Unix signal")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cfg := t.TempDir()
	t.Setenv("CARTERA_CONFIG_DIR", cfg)
	dir := t.TempDir()
	lines := 20000
	if raceBuild {
		lines = 3000
	}
	files, err := demo.GenerateBank(t.Context(), filepath.Join(dir, "gen"), 7, synthConfig(lines))
	if err != nil {
		t.Fatal(err)
	}
	for _, stage := range []string{"import", "reconcile"} {
		base := files.Portfolio
		if stage == "reconcile" {
			base = filepath.Join(dir, "imported.cartera")
			copyFile(t, files.Portfolio, base)
			if code, _, errs := run(t, "import", "bank", files.Statement, "--portfolio", base); code != ExitOK {
				t.Fatal(errs)
			}
		}
		args := func(p string) []string {
			if stage == "import" {
				return []string{"import", "bank", files.Statement, "--portfolio", p}
			}
			return []string{"reconcile", "--portfolio", p}
		}
		// One whole run tells how long it takes and what it leaves.
		whole := filepath.Join(dir, stage+"-whole.cartera")
		copyFile(t, base, whole)
		start := time.Now()
		cmd, out := childRun(t, exe, cfg, args(whole)...)
		if err := cmd.Wait(); err != nil {
			t.Fatalf("%s: %v\n%s", stage, err, out)
		}
		took := time.Since(start)
		state := func(p string) string {
			return fmt.Sprintf("%d lines, %d matches, %d payments", count(t, p, `SELECT count(*) FROM bank_lines`),
				count(t, p, `SELECT count(*) FROM bank_matches`), count(t, p, `SELECT count(*) FROM payments`))
		}
		before, after := state(base), state(whole)
		if before == after {
			t.Fatalf("%s changed nothing (%s)", stage, after)
		}
		t.Logf("%s: a whole run takes %v: %s → %s", stage, took.Round(time.Millisecond), before, after)
		rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 9))
		kills, untouched := 8, 0
		if testing.Short() {
			kills = 3
		}
		for i := 0; i < kills; i++ {
			p := filepath.Join(dir, fmt.Sprintf("%s-%d.cartera", stage, i))
			copyFile(t, base, p)
			delay := took * time.Duration(10+rng.IntN(90)) / 100
			cmd, _ := childRun(t, exe, cfg, args(p)...)
			time.Sleep(delay)
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			if code, cout, errs := run(t, "check", p); code != ExitOK {
				t.Fatalf("%s kill %d after %v: check fails: %s %s", stage, i, delay, cout, errs)
			}
			switch s := state(p); s {
			case before:
				untouched++
			case after:
			default:
				t.Fatalf("%s kill %d after %v: %s; want %s or %s", stage, i, delay, s, before, after)
			}
		}
		if untouched == 0 {
			t.Errorf("%s: no kill landed while it was running; the test proves nothing", stage)
		}
	}
}
