package cli

import (
	"bytes"
	"context"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"cartera/backend/ar"
	"cartera/backend/sqlite"
	"cartera/backend/taxid"
)

// portfolioCounts reads how many documents, imports (not undone) and clients
// a portfolio holds.
func portfolioCounts(t *testing.T, path string) (docs, imports, clients int) {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer db.Close()
	for _, q := range []struct {
		sql string
		n   *int
	}{
		{`SELECT count(*) FROM documents`, &docs},
		{`SELECT count(*) FROM imports WHERE undone_at IS NULL`, &imports},
		{`SELECT count(*) FROM clients`, &clients},
	} {
		if err := db.SQL().QueryRow(q.sql).Scan(q.n); err != nil {
			t.Fatalf("%s: %v", q.sql, err)
		}
	}
	return docs, imports, clients
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// newPortfolio creates an empty Chilean portfolio in a temporary folder.
func newPortfolio(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "x.cartera")
	if code, _, errs := run(t, "new", "--out", p, "--name", "X", "--country", "CL"); code != ExitOK {
		t.Fatalf("new: %d %s", code, errs)
	}
	return p
}

// childImport starts the test binary as `cartera import invoices FILE
// --portfolio P --create-clients`.
func childImport(t *testing.T, exe, cfg, file, portfolio string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(exe, "-test.run=^$", "--", "import", "invoices", file, "--portfolio", portfolio, "--create-clients")
	cmd.Env = append(os.Environ(), "CARTERA_CLI_CHILD=1", "CARTERA_TODAY=2026-11-24", "CARTERA_CONFIG_DIR="+cfg, "LANG=es_CL.UTF-8")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &out
}

// TestImport_KillNineLeavesPortfolioUnchangedOrFullyImported kills `cartera
// import` with SIGKILL at random moments over the whole run: afterwards the
// portfolio passes check and holds either nothing of the import or all of
// it, and importing the same file again works.
func TestImport_KillNineLeavesPortfolioUnchangedOrFullyImported(t *testing.T) {
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
	empty := newPortfolio(t, dir)
	big := filepath.Join(dir, "big.csv")
	rows := 200000
	if raceBuild {
		rows = 30000 // the race detector makes each run about ten times slower
	}
	if code, _, errs := run(t, "demo-file", "--out", big, "--rows", strconv.Itoa(rows), "--clients", "2000"); code != ExitOK {
		t.Fatalf("demo-file: %d %s", code, errs)
	}

	// One uninterrupted run tells how long an import takes.
	whole := filepath.Join(dir, "whole.cartera")
	copyFile(t, empty, whole)
	start := time.Now()
	cmd, out := childImport(t, exe, cfg, big, whole)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("uninterrupted import: %v\n%s", err, out)
	}
	took := time.Since(start)
	if docs, imports, _ := portfolioCounts(t, whole); docs != rows || imports != 1 {
		t.Fatalf("uninterrupted import left %d documents and %d imports; want %d and 1\n%s", docs, imports, rows, out)
	}
	t.Logf("an uninterrupted import of %d rows takes %v", rows, took.Round(time.Millisecond))

	seed := uint64(time.Now().UnixNano())
	t.Logf("delays drawn with seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 5))
	kills := 20
	if testing.Short() {
		kills = 5
	}
	var unchanged, complete int
	for i := 0; i < kills; i++ {
		copyPath := filepath.Join(dir, "copy"+string(rune('a'+i))+".cartera")
		copyFile(t, empty, copyPath)
		// From 5% to 110% of a whole run.
		delay := took * time.Duration(5+rng.IntN(106)) / 100
		cmd, out := childImport(t, exe, cfg, big, copyPath)
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		werr := cmd.Wait()
		killed := false
		if ee, ok := werr.(*exec.ExitError); ok {
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				killed = true
			}
		}
		if !killed && werr != nil {
			t.Fatalf("kill %d: the import failed by itself: %v\n%s", i, werr, out)
		}

		if code, cout, errs := run(t, "check", copyPath); code != ExitOK {
			t.Fatalf("kill %d after %v: check fails: %s %s", i, delay, cout, errs)
		}
		docs, imports, _ := portfolioCounts(t, copyPath)
		t.Logf("kill %d at %3d%% (%v, killed=%v): %d documents, %d imports", i, int(100*delay/took), delay.Round(time.Millisecond), killed, docs, imports)
		switch {
		case docs == 0 && imports == 0:
			unchanged++
		case docs == rows && imports == 1:
			complete++
		default:
			t.Fatalf("kill %d after %v (killed=%v): %d documents and %d imports; want 0 and 0 or %d and 1", i, delay, killed, docs, imports, rows)
		}

		// Whatever the kill left must not stop the same import again.
		code, _, errs := run(t, "import", "invoices", big, "--portfolio", copyPath, "--create-clients")
		if docs == 0 {
			if code != ExitOK {
				t.Fatalf("kill %d: importing again into the untouched copy: exit %d %s", i, code, errs)
			}
			if d, im, _ := portfolioCounts(t, copyPath); d != rows || im != 1 {
				t.Fatalf("kill %d: importing again left %d documents and %d imports", i, d, im)
			}
		} else if code != ExitFail || !strings.Contains(errs, "ya está en la cartera") {
			t.Fatalf("kill %d: importing again into the complete copy: exit %d %q; want 1 saying it is already there", i, code, errs)
		}
		os.Remove(copyPath)
		os.Remove(copyPath + "-wal")
		os.Remove(copyPath + "-shm")
	}
	t.Logf("%d kills: %d left the portfolio unchanged, %d left the import complete", kills, unchanged, complete)
	if unchanged == 0 {
		t.Error("no kill landed while the import was running; the test proves nothing")
	}
}

// addClient records a client in a portfolio, as the app would.
func addClient(t *testing.T, portfolio, name, taxID string) {
	t.Helper()
	db, err := sqlite.Open(context.Background(), portfolio, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.CreateClient(context.Background(), ar.ClientInput{LegalName: name, TaxID: taxID, Country: "CL", PaymentTermsDays: 30}); err != nil {
		t.Fatal(err)
	}
}

func clientName(t *testing.T, portfolio, taxID string) string {
	t.Helper()
	db, err := sqlite.Open(context.Background(), portfolio, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var name string
	if err := db.SQL().QueryRow(`SELECT legal_name FROM clients WHERE tax_id = ?`, taxid.Normalize("CL", taxID)).Scan(&name); err != nil {
		t.Fatalf("client %s: %v", taxID, err)
	}
	return name
}

func writeFile(t *testing.T, path string, b []byte) string {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var importNo = regexp.MustCompile(`Importación n\.º (\d+) guardada`)

// TestImport_HeadlessProblemsAndExitCodes drives `cartera import` the way a
// script would: problems named by row, column and value, exit codes, the
// choices as flags, dry runs, re-imports, undo and saved mappings.
func TestImport_HeadlessProblemsAndExitCodes(t *testing.T) {
	t.Setenv("CARTERA_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	p := newPortfolio(t, dir)
	addClient(t, p, "Comercial Uno SpA", "11.111.111-1")

	const header = "RUT;Razón Social;Tipo Doc;Folio;Fecha Emisión;Fecha Vencimiento;Monto;Saldo\n"
	csv := header +
		"11.111.111-1;Comercial Uno SpA;Factura;1001;15/10/2026;14/11/2026;1.190.000;1.190.000\n" + // line 2
		"11.111.111-1;Comercial Uno SpA;Factura;1002;16/10/2026;15/11/2026;2.380.000;1.000.000\n" + // line 3
		"12.345.678-5;Distribuidora Dos Ltda;Factura;1003;17/10/2026;16/11/2026;595.000;595.000\n" + // line 4: client not in the portfolio
		"11.111.111-1;Comercial Uno SpA;Factura;1004;18/10/2026;17/11/2026;1.234,5.6;1.000\n" + // line 5: not an amount
		"11.111.111-1;Comercial Uno SpA;Factura;1005;31/02/2026;17/11/2026;1.000.000;1.000.000\n" + // line 6: no such date
		"11.111.111-1;Comercial Uno SpA;Factura;1006;19/10/2026;18/11/2026;3.570.000;3.570.000\n" // line 7
	file := writeFile(t, filepath.Join(dir, "facturas.csv"), []byte(csv))

	expectCounts := func(what string, docs, imports int) {
		t.Helper()
		if d, im, _ := portfolioCounts(t, p); d != docs || im != imports {
			t.Errorf("%s: %d documents, %d imports; want %d and %d", what, d, im, docs, imports)
		}
	}

	// Without choices: every problem named, exit 1, nothing written.
	code, out, errs := run(t, "import", "invoices", file, "--portfolio", p)
	if code != ExitFail {
		t.Errorf("with problems: exit %d, want %d\n%s%s", code, ExitFail, out, errs)
	}
	for _, want := range []string{
		"fila 6, columna «Fecha Emisión» («31/02/2026»)",
		"fila 5, columna «Monto» («1.234,5.6»)",
		"fila 4, columna «RUT»",
		"no está en la cartera",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout does not say %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errs, "no se importó nada: 3 filas") {
		t.Errorf("stderr %q does not say nothing was imported because of 3 rows", errs)
	}
	expectCounts("with problems", 0, 0)

	// A dry run with the choices says what would happen and writes nothing.
	code, out, errs = run(t, "import", "invoices", file, "--portfolio", p, "--create-clients", "--skip-invalid", "--dry-run")
	if code != ExitOK || !strings.Contains(out, "Prueba: no se guardó nada") || !strings.Contains(out, "6 filas leídas: 4 nuevas") {
		t.Errorf("dry run: exit %d\n%s%s", code, out, errs)
	}
	expectCounts("dry run", 0, 0)

	// With the choices: the good rows in, the missing client created.
	code, out, errs = run(t, "import", "invoices", file, "--portfolio", p, "--create-clients", "--skip-invalid")
	if code != ExitOK || !strings.Contains(out, "6 filas leídas: 4 nuevas, 0 sin cambios, 0 actualizadas, 2 omitidas; 1 clientes creados") {
		t.Fatalf("with choices: exit %d\n%s%s", code, out, errs)
	}
	m := importNo.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no import number in %q", out)
	}
	expectCounts("with choices", 4, 1)
	if got := clientName(t, p, "12345678-5"); got != "Distribuidora Dos Ltda" {
		t.Errorf("created client %q", got)
	}

	// The same file again: nothing new, exit 1.
	code, out, errs = run(t, "import", "invoices", file, "--portfolio", p, "--create-clients", "--skip-invalid")
	if code != ExitFail || !strings.Contains(errs, "ya está en la cartera") || !strings.Contains(out, "4 sin cambios") {
		t.Errorf("same file again: exit %d\n%s%s", code, out, errs)
	}
	expectCounts("same file again", 4, 1)

	// Undo.
	code, out, errs = run(t, "undo-import", m[1], "--portfolio", p)
	if code != ExitOK || !strings.Contains(out, "deshecha") {
		t.Errorf("undo-import %s: exit %d %q %q", m[1], code, out, errs)
	}
	expectCounts("after undo", 0, 0)
	if code, _, errs := run(t, "undo-import", m[1], "--portfolio", p); code != ExitFail || !strings.Contains(errs, "ya se deshizo") {
		t.Errorf("undo twice: exit %d %q", code, errs)
	}
	if code, _, errs := run(t, "undo-import", "99", "--portfolio", p); code == ExitOK || !strings.Contains(errs, "no existe la importación 99") {
		t.Errorf("undo of an unknown import: exit %d %q", code, errs)
	}

	// A saved mapping is offered again for a file with the same columns.
	code, out, errs = run(t, "import", "invoices", file, "--portfolio", p, "--create-clients", "--skip-invalid", "--save-mapping", "erp")
	if code != ExitOK {
		t.Fatalf("--save-mapping: exit %d\n%s%s", code, out, errs)
	}
	expectCounts("after --save-mapping", 4, 1)
	second := writeFile(t, filepath.Join(dir, "octubre.csv"), []byte(header+
		"11.111.111-1;Comercial Uno SpA;Factura;2001;01/11/2026;01/12/2026;1.500.000;1.500.000\n"+
		"12.345.678-5;Distribuidora Dos Ltda;Factura;2002;02/11/2026;02/12/2026;2.500.000;2.000.000\n"+
		"12.345.678-5;Distribuidora Dos Ltda;Nota de Crédito;2003;03/11/2026;03/11/2026;-100.000;-100.000\n"))
	code, out, errs = run(t, "import", "invoices", second, "--portfolio", p)
	if code != ExitOK || !strings.Contains(out, "Se usa la asignación de columnas guardada «erp»") || !strings.Contains(out, "3 filas leídas: 3 nuevas") {
		t.Errorf("second file with the saved mapping: exit %d\n%s%s", code, out, errs)
	}
	expectCounts("second file", 7, 2)
	code, out, errs = run(t, "import", "invoices", second, "--portfolio", p, "--mapping", "nope")
	if code == ExitOK || !strings.Contains(errs, "no hay una asignación de columnas guardada con el nombre «nope»") {
		t.Errorf("--mapping nope: exit %d\n%s%s", code, out, errs)
	}

	// Usage errors.
	for _, args := range [][]string{
		{"import", "invoices", file},
		{"import", "facturas", file, "--portfolio", p},
		{"import", "invoices", "--portfolio", p},
		{"import", "invoices", file, second, "--portfolio", p},
		{"import", "invoices", file, "--portfolio", p, "--frobnicate"},
	} {
		if code, _, errs := run(t, args...); code != ExitUsage || errs == "" {
			t.Errorf("%q: exit %d %q; want %d with a message", args, code, errs, ExitUsage)
		}
	}
	expectCounts("after the usage errors", 7, 2)
	if code, _, errs := run(t, "undo-import", "--portfolio", p); code != ExitUsage {
		t.Errorf("undo-import without a number: exit %d %q", code, errs)
	}
	if code, _, errs := run(t, "import", "invoices", filepath.Join(dir, "missing.csv"), "--portfolio", p); code == ExitOK || !strings.Contains(errs, "missing.csv") {
		t.Errorf("a missing file: exit %d %q", code, errs)
	}
}

// TestImport_EncodingsKeepAccents imports a UTF-16LE tab-delimited .txt (as
// Excel saves "Unicode text") and a Windows-1252 .csv; names keep their accents.
func TestImport_EncodingsKeepAccents(t *testing.T) {
	t.Setenv("CARTERA_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()

	p := newPortfolio(t, dir)
	text := "RUT\tRazón Social\tTipo Doc\tFolio\tFecha Emisión\tFecha Vencimiento\tMonto\tSaldo\r\n" +
		"11.111.111-1\tPeñalolén Ñandú Comercialización Ltda\tFactura\t501\t01/10/2026\t31/10/2026\t1.190.000\t1.190.000\r\n" +
		"22.222.222-2\tJosé Müller e Hijos\tFactura\t502\t02/10/2026\t01/11/2026\t595.000\t295.000\r\n"
	utf16, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	file := writeFile(t, filepath.Join(dir, "unicode.txt"), utf16)
	code, out, errs := run(t, "import", "invoices", file, "--portfolio", p, "--create-clients")
	if code != ExitOK {
		t.Fatalf("UTF-16LE: exit %d\n%s%s", code, out, errs)
	}
	if got := clientName(t, p, "11111111-1"); got != "Peñalolén Ñandú Comercialización Ltda" {
		t.Errorf("UTF-16LE: legal name %q", got)
	}
	if got := clientName(t, p, "22222222-2"); got != "José Müller e Hijos" {
		t.Errorf("UTF-16LE: legal name %q", got)
	}
	if d, _, _ := portfolioCounts(t, p); d != 2 {
		t.Errorf("UTF-16LE: %d documents", d)
	}

	p2 := filepath.Join(dir, "y.cartera")
	if code, _, errs := run(t, "new", "--out", p2, "--name", "Y", "--country", "CL"); code != ExitOK {
		t.Fatal(errs)
	}
	latin := "RUT;Razón Social;Tipo Doc;Folio;Fecha Emisión;Vencimiento;Monto;Saldo\r\n" +
		"11.111.111-1;Peñalolén Ñandú Comercialización Ltda;Factura;601;01/10/2026;31/10/2026;1.190.000;1.190.000\r\n" +
		"12.345.678-5;Cía. Señor Martínez;Nota de Crédito;602;02/10/2026;02/10/2026;-95.000;-95.000\r\n"
	cp, err := charmap.Windows1252.NewEncoder().Bytes([]byte(latin))
	if err != nil {
		t.Fatal(err)
	}
	file = writeFile(t, filepath.Join(dir, "ansi.csv"), cp)
	code, out, errs = run(t, "import", "invoices", file, "--portfolio", p2, "--create-clients")
	if code != ExitOK {
		t.Fatalf("Windows-1252: exit %d\n%s%s", code, out, errs)
	}
	if got := clientName(t, p2, "11111111-1"); got != "Peñalolén Ñandú Comercialización Ltda" {
		t.Errorf("Windows-1252: legal name %q", got)
	}
	if got := clientName(t, p2, "12345678-5"); got != "Cía. Señor Martínez" {
		t.Errorf("Windows-1252: legal name %q", got)
	}
}

// TestImport_BadFiles: files that are not an export at all are refused with
// one line naming the file, and the portfolio stays as it was.
func TestImport_BadFiles(t *testing.T) {
	t.Setenv("CARTERA_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	p := newPortfolio(t, dir)

	xlsx := filepath.Join(dir, "valid.xlsx")
	if code, _, errs := run(t, "demo-file", "--out", xlsx, "--rows", "500", "--clients", "50"); code != ExitOK {
		t.Fatalf("demo-file: %s", errs)
	}
	whole, err := os.ReadFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	garbage := make([]byte, 10<<20)
	for i := range garbage {
		garbage[i] = byte(rng.Uint32())
	}
	biff := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, bytes.Repeat([]byte{0}, 4096)...)

	files := []struct {
		name string
		data []byte
	}{
		{"vacio.csv", nil},
		{"solo-encabezado.csv", []byte("RUT;Razón Social;Tipo Doc;Folio;Fecha Emisión;Fecha Vencimiento;Monto;Saldo\n")},
		{"basura.csv", garbage},
		{"truncado.xlsx", whole[:len(whole)/2]},
		{"antiguo.xls", biff},
	}
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			path := writeFile(t, filepath.Join(dir, f.name), f.data)
			start := time.Now()
			code, out, errs := run(t, "import", "invoices", path, "--portfolio", p, "--create-clients")
			lines := strings.Split(strings.TrimSpace(errs), "\n")
			if code == ExitOK || len(lines) != 1 || !strings.Contains(errs, f.name) || !strings.HasPrefix(errs, "cartera: ") {
				t.Errorf("exit %d (%v); want non-zero and one line on stderr naming the file\nstderr: %s\nstdout: %s", code, time.Since(start).Round(time.Millisecond), errs, cut(out, 2000))
			}
			t.Logf("exit %d, stderr: %s", code, strings.TrimSpace(errs))
			if d, im, c := portfolioCounts(t, p); d != 0 || im != 0 || c != 0 {
				t.Errorf("the portfolio changed: %d documents, %d imports, %d clients", d, im, c)
			}
		})
	}
}

// TestImport_GarbageUnderAGoodHeader reads 10 MB of garbage under a header
// that maps: every row is a problem, nothing is written, nothing panics.
func TestImport_GarbageUnderAGoodHeader(t *testing.T) {
	t.Setenv("CARTERA_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	p := newPortfolio(t, dir)
	rng := rand.New(rand.NewPCG(3, 4))
	var b bytes.Buffer
	b.WriteString("RUT;Cliente;Tipo Doc;Folio;Fecha;Vencimiento;Monto;Saldo\n")
	alphabet := []byte("0123456789;;;;,,,..--//\n\"ÑñéÁ$ ()abcXYZ\t\r")
	for b.Len() < 10<<20 {
		if rng.IntN(4) == 0 {
			b.WriteByte(byte(rng.Uint32()))
		} else {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
	}
	path := writeFile(t, filepath.Join(dir, "basura-con-encabezado.csv"), b.Bytes())
	start := time.Now()
	code, out, errs := run(t, "import", "invoices", path, "--portfolio", p, "--delimiter", ";")
	t.Logf("exit %d after %v; stderr: %s", code, time.Since(start).Round(time.Millisecond), strings.TrimSpace(errs))
	if code == ExitOK || strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.HasPrefix(errs, "cartera: ") {
		t.Errorf("exit %d; want non-zero with one line on stderr\nstderr: %s\nstdout: %s", code, errs, cut(out, 2000))
	}
	if d, im, c := portfolioCounts(t, p); d != 0 || im != 0 || c != 0 {
		t.Errorf("the portfolio changed: %d documents, %d imports, %d clients", d, im, c)
	}
	// With every choice made, what can be read goes in and check still passes.
	code, out, errs = run(t, "import", "invoices", path, "--portfolio", p, "--delimiter", ";", "--create-clients", "--skip-invalid", "--accept-tax-ids")
	t.Logf("with every choice: exit %d; %s", code, lastLine(out))
	if code == ExitUsage {
		t.Errorf("with every choice: exit %d %s", code, errs)
	}
	if code, cout, cerrs := run(t, "check", p); code != ExitOK {
		t.Errorf("check after importing garbage: %s %s", cut(cout, 2000), cerrs)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) < 2 {
		return s
	}
	return lines[len(lines)-2] + " / " + lines[len(lines)-1]
}

func cut(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// When every row is left out by a choice or as a voided document, the
// message says so instead of claiming everything was already there.
func TestImport_EveryRowLeftOutIsSaid(t *testing.T) {
	t.Setenv("CARTERA_CONFIG_DIR", t.TempDir())
	dir := t.TempDir()
	p := newPortfolio(t, dir)
	file := writeFile(t, filepath.Join(dir, "facturas.csv"), []byte("RUT;Razón Social;Folio;Fecha Emisión;Monto;Estado\n"+
		"12.345.678-5;Distribuidora Dos Ltda;1003;17/10/2026;595.000;Vigente\n"+
		"76.086.428-5;Ferretería Sur;1004;17/10/2026;100.000;Anulada\n"))
	code, out, errs := run(t, "import", "invoices", file, "--portfolio", p, "--skip-invalid")
	if code != ExitFail || !strings.Contains(errs, "las 2 filas quedaron fuera") || strings.Contains(errs, "ya está en la cartera") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "fila 3, columna «Estado» («Anulada»)") {
		t.Errorf("the voided row is not named:\n%s", out)
	}
}
