package bankfile

import (
	"bytes"
	"cartera/backend/internal/sharedtest"
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
	shared := sharedtest.BankDir(t)
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

// writeFile writes content to a file in a fresh directory and returns its path.
func writeFile(t *testing.T, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const scotiaHeader = "Fecha;Descripción;Numero Documento;Cargo;Abono;Saldo Diario\n"

// TestTable_BadInputNamesRowAndColumn checks that each malformed file gives
// its message key, the row and the column, and no lines at all.
func TestTable_BadInputNamesRowAndColumn(t *testing.T) {
	cases := []struct {
		name, content string
		opt           Options
		key           string
		line          int
		column, value string
	}{
		{"amount that is no number", scotiaHeader +
			"04-11-2024;TRANSF RECIBIDA;0;;1.190.000;3.190.000\n" +
			"05-11-2024;DEPOSITO;0;;12,34,5;3.202.345\n",
			Options{}, "bank.table.bad_amount", 3, "Abono", "12,34,5"},
		{"date that is no date inside the table", scotiaHeader +
			"04-11-2024;TRANSF RECIBIDA;0;;1.190.000;3.190.000\n" +
			"32-13-2024;DEPOSITO;0;;10.000;3.200.000\n" +
			"06-11-2024;DEPOSITO;0;;10.000;3.210.000\n",
			Options{}, "bank.table.bad_date", 3, "Fecha", "32-13-2024"},
		{"pesos with decimals", scotiaHeader +
			"04-11-2024;TRANSF RECIBIDA;0;;1.190.000,5;3.190.000\n",
			Options{}, "bank.table.too_many_decimals", 2, "Abono", "1.190.000,5"},
		{"debit and credit on one row", scotiaHeader +
			"04-11-2024;TRANSF RECIBIDA;0;5.000;1.190.000;3.190.000\n",
			Options{}, "bank.table.debit_and_credit", 2, "", ""},
		{"sign flag of another meaning", "MONTO;DESCRIPCIÓN MOVIMIENTO;FECHA;N° DOCUMENTO;SUCURSAL;CARGO/ABONO\n" +
			"1200000;TRANSF DE COMERCIAL SUR;04/11/2024;0;Agustinas;A\n" +
			"-5000;COMISION;05/11/2024;0;Agustinas;X\n",
			Options{}, "bank.table.bad_sign", 3, "CARGO/ABONO", "X"},
		{"a column the profile needs is missing", "FECHA,REFERENCIA,DESCRIPCIÓN,COD. TRANSAC,SUCURSAL,DEPÓSITOS,SALDO,MOVIMIENTO,DESCRIPCIÓN DETALLADA\n" +
			"04/11/2024,0041234,SPEI RECIBIDO,3010,0123,\"12,500.00\",\"112,500.00\",1,SPEI\n",
			Options{}, "bank.table.missing_column", 1, "Retiros", ""},
		{"no movements", scotiaHeader, Options{}, "bank.no_lines", 0, "", ""},
		{"columns nobody knows", "Col A;Col B;Col C\nx;y;z\n", Options{}, "bank.unknown_layout", 0, "", ""},
		{"a profile that does not exist", scotiaHeader + "04-11-2024;X;0;;1;1\n", Options{Profile: "xx-nobank"}, "bank.table.unknown_profile", 0, "", ""},
		{"a chosen profile the file does not fit", scotiaHeader + "04-11-2024;X;0;;1;1\n", Options{Profile: "mx-banorte"}, "bank.table.missing_column", 1, "", ""},
		{"a damaged Excel 97-2003 file", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + strings.Repeat("\x00", 600), Options{}, "bank.table.damaged", 0, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opt := c.opt
			opt.Today = testToday
			f, err := Read(writeFile(t, "cartola.csv", []byte(c.content)), opt)
			if err == nil {
				t.Fatalf("no error; read %d lines", f.Lines())
			}
			if f.Lines() != 0 || len(f.Statements) != 0 {
				t.Errorf("a file with an error gave %d statements", len(f.Statements))
			}
			e := asError(t, err)
			if e.Key != c.key {
				t.Fatalf("key %q, want %q (%v)", e.Key, c.key, err)
			}
			if e.Line != c.line {
				t.Errorf("line %d, want %d", e.Line, c.line)
			}
			if c.column != "" && e.Params["column"] != c.column {
				t.Errorf("column %q, want %q", e.Params["column"], c.column)
			}
			if c.value != "" && e.Params["value"] != c.value {
				t.Errorf("value %q, want %q", e.Params["value"], c.value)
			}
			if c.key == "bank.unknown_layout" && !strings.Contains(e.Params["columns"], "Col B") {
				t.Errorf("columns %q do not list the file's columns", e.Params["columns"])
			}
		})
	}
}

// readString reads text content as a statement file.
func readString(t *testing.T, content string, opt Options) File {
	t.Helper()
	opt.Today = testToday
	f, err := Read(writeFile(t, "cartola.csv", []byte(content)), opt)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return f
}

// TestTable_TrailerEndsTheTable checks that rows below the movements whose
// date does not read (totals, disclaimers) end the table without an error.
func TestTable_TrailerEndsTheTable(t *testing.T) {
	f := readString(t, scotiaHeader+
		"04-11-2024;TRANSF RECIBIDA;0;;1.190.000;3.190.000\n"+
		"05-11-2024;COMISION;0;9.900;;3.180.100\n"+
		"Documento emitido el 06-11-2024;;;;;\n"+
		"Sin otros movimientos;;;;;\n", Options{})
	got := []int64{}
	for _, l := range f.Statements[0].Lines {
		got = append(got, l.Amount)
	}
	if len(got) != 2 || got[0] != 1190000 || got[1] != -9900 {
		t.Errorf("amounts %v, want [1190000 -9900]", got)
	}
}

// TestTable_SavedProfileWins checks that a profile the user saved reads a
// layout no built-in profile knows, and is named in the result.
func TestTable_SavedProfileWins(t *testing.T) {
	saved := Profile{
		Name: "user-coopeuch", Bank: "Coopeuch", Country: "CL",
		Columns: []Column{
			col(RoleDate, "F. Mov"), col(RoleDescription, "Glosa del movimiento"),
			col(RoleAmount, "Importe $"), opt(RoleReference, "Folio"),
		},
		Dates: []string{"dd.mm.yyyy"},
	}
	data, err := json.Marshal(saved)
	if err != nil {
		t.Fatal(err)
	}
	var back Profile
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	f := readString(t, "F. Mov|Glosa del movimiento|Folio|Importe $\n"+
		"03.11.2024|Abono de Comercial Sur SpA FACT 88|1001|$ 45.000\n"+
		"04.11.2024|Cargo mantención|1002|(1.990)\n", Options{Profiles: []Profile{back}})
	if f.Profile != "user-coopeuch" {
		t.Fatalf("profile %q, want user-coopeuch", f.Profile)
	}
	ls := f.Statements[0].Lines
	if len(ls) != 2 || ls[0].Amount != 45000 || ls[1].Amount != -1990 || ls[0].Date != date.MustParse("2024-11-03") || ls[0].Reference != "1001" {
		t.Errorf("lines %+v", ls)
	}
}

// TestTable_MojibakeHeaderReads checks that a UTF-8 file whose text was once
// decoded as Windows-1252 ("DÃ­a") still finds its columns and keeps its
// accents right.
func TestTable_MojibakeHeaderReads(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "table", "mx_bbva.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text, err := decodeText(src, "windows-1252")
	if err != nil {
		t.Fatal(err)
	}
	// The UTF-8 bytes of the text, read as 1252 and written as UTF-8 again.
	var mangled strings.Builder
	for _, b := range []byte(text) {
		r, _ := decodeText([]byte{b}, "windows-1252")
		mangled.WriteString(r)
	}
	if !strings.Contains(mangled.String(), "DÃ") {
		t.Fatalf("the test did not mangle the header: %q", mangled.String()[:20])
	}
	f := readString(t, mangled.String(), Options{})
	if f.Profile != "mx-bbva" || f.Lines() != 5 {
		t.Errorf("profile %q with %d lines, want mx-bbva with 5", f.Profile, f.Lines())
	}
}

// TestTable_EncodingsAndBOM checks UTF-8 with BOM and UTF-16 exports.
func TestTable_EncodingsAndBOM(t *testing.T) {
	body := scotiaHeader + "04-11-2024;TRANSFERENCIA DE MARÍA NÚÑEZ;0;;1.190.000;3.190.000\n"
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range body {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	for name, content := range map[string][]byte{
		"utf-8 bom": append([]byte{0xEF, 0xBB, 0xBF}, body...),
		"utf-16le":  utf16,
	} {
		t.Run(name, func(t *testing.T) {
			f, err := Read(writeFile(t, "c.csv", content), Options{Today: testToday})
			if err != nil {
				t.Fatal(err)
			}
			l := f.Statements[0].Lines[0]
			if l.Description != "TRANSFERENCIA DE MARÍA NÚÑEZ" || l.Amount != 1190000 {
				t.Errorf("line %+v", l)
			}
		})
	}
}

// TestTable_ContinuationRowsJoinTheDescription checks that a row with only
// text under a movement (a wrapped description) belongs to that movement.
func TestTable_ContinuationRowsJoinTheDescription(t *testing.T) {
	f := readString(t, scotiaHeader+
		"04-11-2024;TRANSF RECIBIDA DE COMERCIAL;0;;1.190.000;3.190.000\n"+
		";SUR SPA FACT 1234;;;;\n"+
		"05-11-2024;COMISION;0;9.900;;3.180.100\n", Options{})
	ls := f.Statements[0].Lines
	if len(ls) != 2 || ls[0].Description != "TRANSF RECIBIDA DE COMERCIAL SUR SPA FACT 1234" {
		t.Errorf("lines %+v", ls)
	}
}
