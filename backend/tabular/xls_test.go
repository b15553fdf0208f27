package tabular

import (
	"bytes"
	"cartera/backend/internal/sharedtest"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden")

// bci is the real BCI cartola of the shared files.
func bci(t testing.TB) string {
	return filepath.Join(sharedtest.BankDir(t), "latam-xls", "cl_bci_cartola.xls")
}

// readWorkbook opens path with s and reads every row: the header, the rows (a
// *LimitError as a row "limit"), or the first error.
func readWorkbook(path string, s Settings) (header []string, rows []Row, err error) {
	src, err := Open(path, s)
	if err != nil {
		return nil, nil, err
	}
	defer src.Close()
	for {
		row, err := src.Next()
		if errors.Is(err, io.EOF) {
			return src.Header(), rows, nil
		}
		var le *LimitError
		if errors.As(err, &le) {
			rows = append(rows, Row{Line: le.Line, Fields: []string{"limit", le.Err.Error()}})
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		rows = append(rows, row)
	}
}

// lines renders rows as "line: a|b|c".
func lines(rows []Row) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = fmt.Sprintf("%d: %s", r.Line, strings.Join(r.Fields, "|"))
	}
	return out
}

// serial is the Excel serial number (1900 system) of a date, counted here
// from the calendar, not from any reader.
func serial(y int, m time.Month, d int) string {
	return fmt.Sprint(int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24))
}

// golden renders what Open reads from every sheet of a workbook, one JSON
// value a line: first the detected settings, then per sheet the header (the
// first row that is not blank) and every row after it, or the error.
func golden(t *testing.T, path string) []byte {
	t.Helper()
	var out [][]byte
	add := func(v any) {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	info, err := Inspect(path, Settings{})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	add(map[string]any{"detected": info.Settings, "sheets": info.Sheets, "date1904": info.Date1904})
	for _, sheet := range info.Sheets {
		header, rows, err := readWorkbook(path, Settings{Sheet: sheet, HeaderRow: 1})
		if err != nil {
			add(map[string]any{"sheet": sheet, "error": err.Error()})
			continue
		}
		add(map[string]any{"sheet": sheet, "header": header})
		for _, r := range rows {
			add(map[string]any{"line": r.Line, "fields": r.Fields})
		}
	}
	return append(append([]byte("[\n"), bytes.Join(out, []byte(",\n"))...), "\n]\n"...)
}

// The rows of every workbook, real or made for these tests, are those of
// its golden file (checked by eye when written: go test -run Golden -update).
func TestXLS_Golden(t *testing.T) {
	shared := sharedtest.BankDir(t)
	inputs := []string{
		filepath.Join(shared, "latam-xls", "cl_bci_cartola.xls"),
		filepath.Join(shared, "latam-xls", "cl_bancochile_cartola_xlsx_named_xls.xls"),
	}
	made, err := filepath.Glob(filepath.Join("testdata", "xls", "*.xls"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range made {
		if filepath.Base(p) != "clave.xls" { // protected: no rows to show
			inputs = append(inputs, p)
		}
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".xls")
		t.Run(name, func(t *testing.T) {
			got := golden(t, in)
			path := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run Golden -update to write it)", err)
			}
			if !bytes.Equal(got, want) {
				g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
				for i := range max(len(g), len(w)) {
					var gl, wl string
					if i < len(g) {
						gl = g[i]
					}
					if i < len(w) {
						wl = w[i]
					}
					if gl != wl {
						t.Fatalf("%s differs from %s at line %d:\n got %s\nwant %s", in, path, i+1, gl, wl)
					}
				}
			}
		})
	}
}

// The real BCI cartola: a two-row header with NBSP inside cells, dates as
// serial numbers, descriptions with RUTs, the "Resumen del Periodo" totals.
func TestXLS_BCICartola(t *testing.T) {
	path := bci(t)
	info, err := Inspect(path, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if info.Settings.Format != FormatXLS || info.Settings.Sheet != "Hoja1" || strings.Join(info.Sheets, "|") != "Hoja1|Hoja2|Hoja3" || info.Date1904 {
		t.Fatalf("info %+v", info)
	}
	header, rows, err := readWorkbook(path, Settings{HeaderRow: 19})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(header, "|"); got != "FECHA|SUCURSAL|DESCRIPCION|N° DE|CHEQUES Y||DEPOSITOS||SALDO DIARIO" {
		t.Errorf("header %q", got)
	}
	byLine := map[int][]string{}
	for _, r := range rows {
		byLine[r.Line] = r.Fields
	}
	want := map[int]string{
		// The second header row, under the first.
		20: "|||DOCUMENTO|OTROS CARGOS||Y ABONOS",
		// 2 January 2018, a deposit in column H and the balance in J.
		21: serial(2018, 1, 2) + "|OF VIRT U|PAGO RECIBIDO|106087||||90251||83408836",
		// A document number beyond an RK's 30 bits, kept whole.
		23:  serial(2018, 1, 2) + "|OF CENTRA|TRANSFER DE YANEZ TORRES|889429248937||||73315||83666456",
		29:  serial(2018, 1, 4) + "|OF CENTRA|CHEQUE COBRADO POR OTRO BANCO|9991981||2494197||||82578107",
		30:  serial(2018, 1, 4) + "|OF CENTRA|ABONO TERCEROS 16268796-4 A.PALMA SALDIV|212174476||||91494||82669601",
		140: serial(2018, 1, 17) + "|SVP LA FL|CHEQUE COBRADO POR CAJA|9992022||1293955||||87678085",
		141: "Resumen del Periodo",
		143: "29-12-2017 al 17-01-2018|||83318585|-|13898614|\u00a0\u00a0+\u00a0\u00a0|18258114|\u00a0=|87678085",
	}
	for line, w := range want {
		if got := strings.Join(byLine[line], "|"); got != w {
			t.Errorf("row %d: %q\n            want %q", line, got, w)
		}
	}
	// Read as a row, the first header row keeps its NBSP; Header() trims it.
	_, all, err := readWorkbook(path, Settings{HeaderRow: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range all {
		if r.Line == 19 && strings.Join(r.Fields, "|") != "FECHA|SUCURSAL|DESCRIPCION|N° DE\u00a0|CHEQUES Y||DEPOSITOS||SALDO DIARIO" {
			t.Errorf("row 19 as read: %q", r.Fields)
		}
	}
	// Saldo anterior − cargos + abonos = saldo final, from the cells as read.
	if 83318585-13898614+18258114 != 87678085 {
		t.Error("the totals row does not add up")
	}
	if len(rows) != 127 || rows[len(rows)-1].Line != 149 {
		t.Errorf("%d rows, the last at line %d", len(rows), rows[len(rows)-1].Line)
	}
}

// Each workbook made by LibreOffice as .xls reads exactly as the same
// workbook saved as .xlsx: settings, sheets, header and every row.
func TestXLS_SameRowsAsXLSX(t *testing.T) {
	made, err := filepath.Glob(filepath.Join("testdata", "xls", "*.xlsx"))
	if err != nil || len(made) < 4 {
		t.Fatalf("fixtures %v %v", made, err)
	}
	for _, xlsx := range made {
		xls := strings.TrimSuffix(xlsx, "x")
		t.Run(filepath.Base(xls), func(t *testing.T) {
			a, err := Inspect(xls, Settings{})
			if err != nil {
				t.Fatal(err)
			}
			b, err := Inspect(xlsx, Settings{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Settings.Format != FormatXLS || b.Settings.Format != FormatXLSX {
				t.Fatalf("formats %s %s", a.Settings.Format, b.Settings.Format)
			}
			a.Settings.Format, a.Size, b.Settings.Format, b.Size = "", 0, "", 0
			if fmt.Sprint(a) != fmt.Sprint(b) {
				t.Fatalf("xls %+v\nxlsx %+v", a, b)
			}
			for _, sheet := range a.Sheets {
				for _, s := range []Settings{{Sheet: sheet}, {Sheet: sheet, HeaderRow: 1}} {
					ha, ra, errA := readWorkbook(xls, s)
					hb, rb, errB := readWorkbook(xlsx, s)
					if fmt.Sprint(errA) != fmt.Sprint(errB) {
						t.Fatalf("%+v: xls %v, xlsx %v", s, errA, errB)
					}
					if strings.Join(ha, "|") != strings.Join(hb, "|") {
						t.Errorf("%+v: header\n xls %q\nxlsx %q", s, ha, hb)
					}
					la, lb := lines(ra), lines(rb)
					for i := range max(len(la), len(lb)) {
						if i >= len(la) || i >= len(lb) || la[i] != lb[i] {
							t.Fatalf("%+v: row %d\n xls %q\nxlsx %q", s, i, la[min(i, len(la)-1)], lb[min(i, len(lb)-1)])
						}
					}
				}
			}
		})
	}
}

// What the made workbooks hold, cell by cell: dates in their formats, RK
// and MULRK numbers, formulas' cached text, numbers, booleans and errors,
// strings across CONTINUE records, sheets chosen by name, the 1904 system.
func TestXLS_MadeWorkbooks(t *testing.T) {
	cartola := filepath.Join("testdata", "xls", "cartola.xls")
	info, err := Inspect(cartola, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if info.Settings != (Settings{Format: FormatXLS, Sheet: "Movimientos", HeaderRow: 6}) {
		t.Errorf("settings %+v", info.Settings)
	}
	header, rows, err := readWorkbook(cartola, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(header, "|") != "FECHA|SUCURSAL|DESCRIPCIÓN|N° DE|CARGOS|ABONOS|SALDO" {
		t.Errorf("header %q", header)
	}
	want := []string{
		"7: |||DOCUMENTO|||DIARIO",
		// dd/mm/yyyy, m/d/yyyy, dd/mm and d-mmm-yyyy: all the date's serial.
		"8: " + serial(2024, 3, 1) + "|OF CENTRAL|SALDO INICIAL||||1500000",
		"9: " + serial(2024, 3, 4) + "|OF VIRTUAL|ABONO TERCEROS 76.123.456-0 COMERCIAL SUR|212174476||91494|1591494",
		"10: " + serial(2024, 3, 5) + "|LAS CONDES|PAGO PROVEEDOR Peñalolén € 1.213,28|889429248937|1213.28||1590280.72",
		"11: " + serial(2024, 3, 6) + "|OF CENTRAL|COMISIÓN MANTENCIÓN||4500||1585780.72",
		// A formula's text result, a number stored whole (not an RK).
		"12: " + serial(2024, 3, 7) + "|OF CENTRAL|Factura F-1234 año 2024|1234||98765.4321|1684546.1521",
		"13: " + serial(2024, 3, 8) + "|SVP LA FL|DEVOLUCIÓN CHEQUE|70|-1500.75||1686046.9021",
		"14: ||Ceros y vacíos|0",
		"15: ||FILA MULRK|100|200|300|400|500.5|-600",
		// TRUE, =1/0, =G9>0, =0.1+0.2, =1213.28*3, =1/3
		"16: 1|#DIV/0!|1|0.3|3639.84|0.333333333333333",
		"17: Resumen del Periodo",
		"18: Saldo anterior|1500000|Total cargos|4212.53|Total abonos|190259.4321|Saldo final|1686046.9021",
	}
	if got := lines(rows); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Settings.Sheet picks a sheet, ignoring case; an empty one is empty.
	header, rows, err = readWorkbook(cartola, Settings{Sheet: "resumen"})
	if err != nil || strings.Join(header, "|") != "Concepto|Monto" || strings.Join(lines(rows), "\n") != "2: Saldo final|1686046.9021\n3: Cuenta|000-123-45" {
		t.Errorf("Resumen: %v %q %q", err, header, lines(rows))
	}
	if _, _, err := readWorkbook(cartola, Settings{Sheet: "Vacía"}); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty sheet: %v", err)
	}
	if _, err := Inspect(cartola, Settings{Sheet: "Facturas"}); !errors.Is(err, ErrNoSheet) {
		t.Errorf("missing sheet: %v", err)
	}
	if _, _, err := readWorkbook(cartola, Settings{Sheet: "Movimientos", HeaderRow: 60}); !errors.Is(err, ErrNoHeader) {
		t.Errorf("header past the end: %v", err)
	}

	// Shared strings longer than a record, in both widths, and many short
	// ones cut at record boundaries.
	_, rows, err = readWorkbook(filepath.Join("testdata", "xls", "textos.xls"), Settings{})
	if err != nil {
		t.Fatal(err)
	}
	long := strings.TrimSpace(strings.Repeat("Señor cliente: su depósito de € 1.213,28 fue abonado; la conciliación está pendiente. ", 80))
	latin := strings.TrimSpace(strings.Repeat("Transferencia recibida de Peñalolén, código ÁÉÍÓÚ ñ ü ¿? ¡! ", 170))
	if len(rows) != 149 || rows[0].Fields[1] != long || rows[1].Fields[1] != latin {
		t.Fatalf("%d rows; the long strings read %.60q… and %.60q…", len(rows), rows[0].Fields[1], rows[1].Fields[1])
	}
	for _, r := range rows {
		// Column C is LEN(B), computed by LibreOffice: each text is whole.
		if fmt.Sprint(len([]rune(r.Fields[1]))) != r.Fields[2] {
			t.Errorf("row %d: %d characters, LEN says %s: %q", r.Line, len([]rune(r.Fields[1])), r.Fields[2], r.Fields[1])
		}
		if n := r.Line - 1; n > 2 && !strings.HasPrefix(r.Fields[1], fmt.Sprintf("Cliente número %d de Ñuñoa", n)) {
			t.Errorf("row %d: %q", r.Line, r.Fields[1])
		}
	}

	// The 1904 date system: serials four years (1462 days) smaller.
	f1904 := filepath.Join("testdata", "xls", "fecha1904.xls")
	info, err = Inspect(f1904, Settings{})
	if err != nil || !info.Date1904 {
		t.Fatalf("1904: %+v %v", info, err)
	}
	src, err := Open(f1904, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if ds, ok := src.(DateSystem); !ok || !ds.Date1904() {
		t.Error("the source does not tell the 1904 system")
	}
	row, err := src.Next()
	if err != nil || row.Fields[0] != fmt.Sprint(45352-1462) || serial(2024, 3, 1) != "45352" {
		t.Errorf("first date %q %v", row.Fields, err)
	}
	row, _ = src.Next()
	if row.Fields[0] != "1" { // 2 January 1904 is serial 1
		t.Errorf("2 January 1904: %q", row.Fields)
	}
	if src, err := Open(cartola, Settings{}); err != nil || src.(DateSystem).Date1904() {
		t.Errorf("cartola is in the 1900 system: %v", err)
	} else {
		src.Close()
	}
}

func TestXLS_Encrypted(t *testing.T) {
	crafted := xlsFile(t, "filepass.xls", biffStream(true, [][]byte{rec(recFilePass, u16(1), make([]byte, 52))},
		sheetBody{name: "Hoja1", records: [][]byte{label8(0, 0, "RUT")}}))
	// A protected xlsx whose EncryptedPackage entry lies beyond the first 64 KB.
	late := write(t, "late.xlsx", ole2(stream{"Filler", make([]byte, 70000)}, stream{"EncryptedPackage", make([]byte, 4096)}))
	for _, path := range []string{filepath.Join("testdata", "xls", "clave.xls"), crafted, late} {
		if _, err := Inspect(path, Settings{}); !errors.Is(err, ErrEncrypted) {
			t.Errorf("%s: Inspect %v", filepath.Base(path), err)
		}
		if _, err := Open(path, Settings{}); !errors.Is(err, ErrEncrypted) {
			t.Errorf("%s: Open %v", filepath.Base(path), err)
		}
	}
	// An OLE2 file that holds no workbook (a Word document renamed) is not a spreadsheet.
	doc := write(t, "carta.xls", ole2(stream{"WordDocument", make([]byte, 4096)}))
	if _, err := Inspect(doc, Settings{}); !errors.Is(err, ErrNotText) {
		t.Errorf("Word document: %v", err)
	}
}

func TestXLS_Truncated(t *testing.T) {
	for _, name := range []string{"cartola.xls", "textos.xls"} {
		b, err := os.ReadFile(filepath.Join("testdata", "xls", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []int{100, 600, len(b) / 3, len(b) / 2, len(b) - 600, len(b) - 10} {
			path := write(t, "cut.xls", b[:n])
			_, _, err := readWorkbook(path, Settings{})
			if !errors.Is(err, ErrDamaged) {
				t.Errorf("%s cut at %d of %d: %v", name, n, len(b), err)
			}
		}
	}
}

// A workbook of one sheet "Hoja1" holding records, with the shared strings strs.
func oneSheet(strs []string, records ...[]byte) []byte {
	var extra [][]byte
	if strs != nil {
		extra = append(extra, sst(strs...))
	}
	return biffStream(true, extra, sheetBody{name: "Hoja1", records: records})
}

// Records as programs write them, and as some programs write them wrong.
func TestXLS_Records(t *testing.T) {
	// SST strings cut at record boundaries, each with its own trap.
	sstCut := [][]byte{
		rec(recSST, u32(6), u32(6),
			// 0: one byte a character, continued two bytes a character
			u16(chars("Depósito de Peñalolén € 1.213,28")), u8(0), latin1("Depósito de Peñalolén ")),
		rec(recContinue, u8(1), wide("€ 1.213,28"),
			// 1: two bytes a character, continued one byte a character
			u16(chars("€ señor, ñandú")), u8(1), wide("€ señor")),
		rec(recContinue, u8(0), latin1(", ñandú"),
			// 2: rich text (2 runs of 4 bytes) and 5 bytes of phonetic data, cut twice
			u16(5), u8(0x0C), u16(2), u32(5), latin1("Cargo"), u16(0), u16(1)),
		rec(recContinue, u16(3), u16(0), []byte{1, 2, 3}),
		rec(recContinue, []byte{4, 5},
			// 3: its header ends the record: the characters follow an option byte
			u16(5), u8(1)),
		rec(recContinue, u8(0), latin1("Abono"),
			// 4: ends exactly where the record ends
			u16(3), u8(0), latin1("fin")),
		// 5: starts the next record, with no option byte
		rec(recContinue, u16(2), u8(0), latin1("ok")),
	}
	sstSheet := sheetBody{name: "Hoja1", records: [][]byte{
		labelSST(0, 0, 0), labelSST(0, 1, 1), labelSST(0, 2, 2), labelSST(0, 3, 3), labelSST(0, 4, 4), labelSST(0, 5, 5),
	}}

	// A long formula result cut into a CONTINUE, its width changing.
	longText := strings.Repeat("Factura F-1234 pagada; ", 10)
	formulaText := [][]byte{
		formula(0, 0, special(0, 0)),
		rec(recString, u16(chars(longText+"€ fin")), u8(0), latin1(longText)),
		rec(recContinue, u8(1), wide("€ fin")),
	}

	rkInt := func(i int32, x100 bool) uint32 {
		v := uint32(i)<<2 | 2
		if x100 {
			v |= 1
		}
		return v
	}
	rkFloat := func(f float64) uint32 { return uint32(math.Float64bits(f) >> 32) }

	cases := []struct {
		name   string
		file   func(t *testing.T) string
		header string
		rows   []string
		sheets string
		d1904  bool
	}{
		{
			name:   "SST across CONTINUE, both widths, runs and phonetics",
			file:   func(t *testing.T) string { return xlsFile(t, "sst.xls", biffStream(true, sstCut, sstSheet)) },
			header: "Depósito de Peñalolén € 1.213,28|€ señor, ñandú|Cargo|Abono|fin|ok",
		},
		{
			name: "RK integers, ×100 and floats; MULRK; NUMBER",
			file: func(t *testing.T) string {
				return xlsFile(t, "rk.xls", oneSheet(nil,
					label8(0, 0, "Monto"),
					rk(1, 0, rkInt(43102, false)),
					rk(2, 0, rkInt(121328, true)), // 1213.28
					rk(3, 0, rkInt(-150075, true)),
					rk(4, 0, rkFloat(0.5)),
					rk(5, 0, rkFloat(1213.5)|1), // a float ×100
					rk(6, 0, rkInt(-7, false)),
					rec(recMulRK, u16(7), u16(0), u16(15), u32(int(rkInt(10, false))), u16(15), u32(int(rkInt(1050, true))), u16(15), u32(int(rkFloat(2.25))), u16(2)),
					number(8, 0, 1213.2800000000002),
					number(9, 0, math.Copysign(0, -1)),
					number(10, 0, 1e20),
				))
			},
			header: "Monto",
			rows: []string{"2: 43102", "3: 1213.28", "4: -1500.75", "5: 0.5", "6: 12.135", "7: -7",
				"8: 10|10.5|2.25", "9: 1213.28", "10: 0", "11: 100000000000000000000"},
		},
		{
			name: "formulas: number, text (after a shared formula), text across CONTINUE, boolean, error, empty, no STRING",
			file: func(t *testing.T) string {
				return xlsFile(t, "formula.xls", oneSheet(nil, append(formulaText,
					formula(1, 0, f64(1591494)),
					formula(2, 0, special(0, 0)), rec(recSharedFmla, make([]byte, 10)), rec(recString, ustr("Ñuñoa")),
					formula(3, 0, special(1, 1)), formula(3, 1, special(1, 0)),
					formula(4, 0, special(2, 0x07)), formula(4, 1, special(2, 0x2A)),
					formula(5, 0, special(3, 0)), label8(5, 1, "tras vacío"),
					formula(6, 0, special(0, 0)), label8(6, 1, "sin STRING"),
				)...))
			},
			header: longText + "€ fin",
			rows:   []string{"2: 1591494", "3: Ñuñoa", "4: 1|0", "5: #DIV/0!|#N/A", "6: |tras vacío", "7: |sin STRING"},
		},
		{
			name: "LABEL and RSTRING, BLANK and MULBLANK, cells out of order",
			file: func(t *testing.T) string {
				return xlsFile(t, "label.xls", oneSheet([]string{"RUT"},
					rec(recMulBlank, u16(2), u16(0), u16(15), u16(15), u16(15), u16(2)),
					label8(2, 3, "tras blancos"),
					label8(1, 1, "b"), label8(1, 0, "a"),
					labelSST(0, 0, 0), rec(recRString, u16(0), u16(1), u16(15), ustr("Razón Social"), u16(1), u16(0), u16(0)),
					blank(3, 0), blank(3, 4),
					label8(4, 2, "€ sólo"),
				))
			},
			header: "RUT|Razón Social",
			rows:   []string{"2: a|b", "3: |||tras blancos", "5: ||€ sólo"}, // row 4 is blank
		},
		{
			name: "several sheets, a chart sheet, a chart inside a sheet, the 1904 system",
			file: func(t *testing.T) string {
				return xlsFile(t, "sheets.xls", biffStream(true, [][]byte{rec(recDateMode, u16(1))},
					sheetBody{name: "Vacía"},
					sheetBody{name: "Gráfico", kind: 2, records: [][]byte{number(0, 0, 1)}},
					sheetBody{name: "Depósitos", records: [][]byte{
						label8(0, 0, "Fecha"), label8(0, 1, "Monto"),
						rk(1, 0, 43890<<2|2), rk(1, 1, 1000<<2|2), // RK integers
						bof8(0x20), number(0, 0, 99), label8(1, 0, "del gráfico"), eof(),
						rk(2, 0, 43891<<2|2), rk(2, 1, 2000<<2|2),
					}},
				))
			},
			sheets: "Vacía|Depósitos",
			header: "Fecha|Monto",
			rows:   []string{"2: 43890|1000", "3: 43891|2000"},
			d1904:  true,
		},
		{
			name: "Excel 95 in Mac Roman",
			file: func(t *testing.T) string {
				if !bytes.Equal(mac("Ñuñoa"), []byte{0x84, 'u', 0x96, 'o', 'a'}) {
					t.Fatal("this is not Mac Roman")
				}
				return write(t, "mac.xls", ole2(stream{"Book", biffStream(false, [][]byte{codepage(10000)},
					sheetBody{name: string(mac("Depósitos")), records: [][]byte{
						label5(0, 0, mac("Ñuñoa")), label5(0, 1, mac("¿Qué? ÁÉÍÓÚ €")),
						formula(1, 0, special(0, 0)), rec(recString, u16(4), mac("Café")),
					}},
				)}))
			},
			sheets: "Depósitos",
			header: "Ñuñoa|¿Qué? ÁÉÍÓÚ €",
			rows:   []string{"2: Café"},
		},
		{
			name: "Excel 95 in Windows-1252",
			file: func(t *testing.T) string {
				return write(t, "w95.xls", ole2(stream{"Book", biffStream(false, [][]byte{codepage(1252)},
					sheetBody{name: "Hoja1", records: [][]byte{label5(0, 0, win1252("Peñalolén € “ÁÉÍÓÚ”"))}},
				)}))
			},
			header: "Peñalolén € “ÁÉÍÓÚ”",
		},
		{
			name: "BIFF8 one-byte text with Windows-1252 bytes",
			file: func(t *testing.T) string {
				return xlsFile(t, "c1.xls", biffStream(true, [][]byte{codepage(1200)}, sheetBody{name: "Hoja1", records: [][]byte{
					rec(recLabel, u16(0), u16(0), u16(15), u16(8), u8(0), []byte{0x80, ' ', 0xF1, 'a', 0x96, 'o', 0x93, 0x94}),
				}}))
			},
			header: "€ ña–o“”",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := c.file(t)
			info, err := Inspect(path, Settings{})
			if err != nil {
				t.Fatal(err)
			}
			if c.sheets != "" && strings.Join(info.Sheets, "|") != c.sheets {
				t.Errorf("sheets %q", info.Sheets)
			}
			if info.Date1904 != c.d1904 {
				t.Errorf("Date1904 %v", info.Date1904)
			}
			header, rows, err := readWorkbook(path, Settings{HeaderRow: 1})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(header, "|"); got != c.header {
				t.Errorf("header %q\n      want %q", got, c.header)
			}
			if got, want := strings.Join(lines(rows), "\n"), strings.Join(c.rows, "\n"); got != want {
				t.Errorf("rows\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// Damaged and hostile files are ErrDamaged, promptly, without a panic.
func TestXLS_Damaged(t *testing.T) {
	// boundAt patches the sheet offset of the BOUNDSHEET record of oneSheet.
	boundAt := func(start func(int) int) []byte {
		s := oneSheet(nil, label8(0, 0, "x"))
		at := len(bof8(5))
		if s[at] != 0x85 {
			panic("no BOUNDSHEET after the BOF")
		}
		copy(s[at+4:], u32(start(int(le.Uint32(s[at+4:])))))
		return s
	}
	cases := map[string][]byte{
		"no BOF first":                    append(label8(0, 0, "x"), oneSheet(nil, label8(0, 0, "x"))...),
		"a record longer than the stream": append(append(bof8(5), 0x42, 0, 0xFF, 0xFF), make([]byte, 4096)...),
		"no EOF to the globals":           append(bof8(5), make([]byte, 4096)...),
		"sheet beyond the stream":         boundAt(func(int) int { return 1 << 30 }),
		"sheet offset not at a BOF":       boundAt(func(at int) int { return at + 1 }),
		"shared string out of range":      oneSheet([]string{"RUT"}, labelSST(0, 0, 7)),
		"shared string cut short": biffStream(true, [][]byte{rec(recSST, u32(1), u32(1), u16(60000), u8(0), latin1("corto"))},
			sheetBody{name: "Hoja1", records: [][]byte{labelSST(0, 0, 0)}}),
		"sheet name cut short": func() []byte {
			s := oneSheet(nil, label8(0, 0, "x"))
			at := len(bof8(5))
			s[at+4+6] = 200 // "Hoja1" said to be 200 characters long
			return s
		}(),
		"a number record too short": oneSheet(nil, label8(0, 0, "RUT"), rec(recNumber, u16(1), u16(0), u16(15), u16(0))),
		"a sheet without EOF": func() []byte {
			s := oneSheet(nil, label8(0, 0, "x"))
			i := bytes.LastIndex(s, eof())
			copy(s[i:], []byte{0, 0, 0, 0})
			return s
		}(),
	}
	for name, stream := range cases {
		t.Run(name, func(t *testing.T) {
			path := xlsFile(t, "d.xls", stream)
			done := make(chan error, 1)
			go func() {
				defer func() {
					if r := recover(); r != nil {
						done <- fmt.Errorf("panic: %v", r)
					}
				}()
				_, _, err := readWorkbook(path, Settings{})
				done <- err
			}()
			select {
			case err := <-done:
				if !errors.Is(err, ErrDamaged) {
					t.Errorf("%v; want ErrDamaged", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("still reading after 10 s")
			}
		})
	}
}

// The OLE2 container lies: a stream longer than the file, a sector chain
// that loops, a directory that points at itself.
func TestXLS_DamagedContainer(t *testing.T) {
	good := ole2(stream{"Workbook", oneSheet([]string{"RUT"}, labelSST(0, 0, 0))})
	patch := func(f func(b []byte)) []byte {
		b := append([]byte(nil), good...)
		f(b)
		return b
	}
	sectors := (len(good) - 512) / 512
	dirSector := 8 // the workbook stream takes sectors 0-7, then the directory
	dir := 512 + dirSector*512
	fat := 512 + (dirSector+1)*512
	cases := map[string]struct {
		b []byte
		// readable: the damage is where nothing is read (a loop in the
		// padding), so the rows may come out right.
		readable bool
	}{
		"stream longer than the file": {b: patch(func(b []byte) { copy(b[dir+128+120:], u32(1<<30)) })},
		"sector chain in a loop":      {b: patch(func(b []byte) { copy(b[fat+3*4:], u32(1)) }), readable: true},
		"sector chain off the file":   {b: patch(func(b []byte) { copy(b[fat+2*4:], u32(5000)) })},
		"directory sector chained to itself": {b: patch(func(b []byte) {
			copy(b[fat+dirSector*4:], u32(dirSector))
		})},
		"cut after the header": {b: good[:600]},
	}
	if sectors != 10 || !bytes.Equal(good[dir:dir+10], wide("Root ")) {
		t.Fatalf("the container's layout changed (%d sectors): fix the offsets of this test", sectors)
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			path := write(t, "c.xls", c.b)
			done := make(chan error, 1)
			go func() {
				defer func() {
					if r := recover(); r != nil {
						done <- fmt.Errorf("panic: %v", r)
					}
				}()
				_, _, err := readWorkbook(path, Settings{})
				done <- err
			}()
			select {
			case err := <-done:
				if !errors.Is(err, ErrDamaged) && !(c.readable && err == nil) {
					t.Errorf("%v; want ErrDamaged", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("still reading after 10 s")
			}
		})
	}
}

// An SST that announces billions of strings holds what it holds: no
// allocation for the promise, the strings there are read.
func TestXLS_SSTCountOfBillions(t *testing.T) {
	s := biffStream(true, [][]byte{rec(recSST, u32(4_000_000_000), u32(4_000_000_000), ustr("RUT"), ustr("1-9"))},
		sheetBody{name: "Hoja1", records: [][]byte{labelSST(0, 0, 0), labelSST(1, 0, 1)}})
	header, rows, err := readWorkbook(xlsFile(t, "many.xls", s), Settings{})
	if err != nil || strings.Join(header, "|") != "RUT" || strings.Join(lines(rows), "\n") != "2: 1-9" {
		t.Errorf("%v %q %q", err, header, lines(rows))
	}
}

// MaxColumns applies to xls rows as to the others.
func TestXLS_Limits(t *testing.T) {
	path := xlsFile(t, "wide.xls", oneSheet(nil,
		label8(0, 0, "RUT"), label8(0, 1, "Monto"),
		label8(1, 0, "1-9"), number(1, 1, 10),
		label8(2, 0, "2-7"), number(2, 1500, 20),
		label8(3, 0, "3-5"), number(3, 1, 30),
	))
	_, rows, err := readWorkbook(path, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(lines(rows), "\n"); got != "2: 1-9|10\n3: limit|"+ErrTooWide.Error()+"\n4: 3-5|30" {
		t.Errorf("rows\n%s", got)
	}
	wideHeader := xlsFile(t, "wideheader.xls", oneSheet(nil, label8(0, 0, "RUT"), label8(0, 1200, "Monto")))
	if _, err := Open(wideHeader, Settings{}); !errors.Is(err, ErrTooWide) {
		t.Errorf("wide header: %v", err)
	}
}

func TestFormatNumber(t *testing.T) {
	cases := map[float64]string{
		0: "0", 43102: "43102", -600: "-600", 1213.28: "1213.28", 1213.2800000000002: "1213.28",
		0.1 + 0.2: "0.3", 1.0 / 3: "0.333333333333333", 43213.67664351852: "43213.6766435185",
		889429248937: "889429248937", 1234567890123456: "1234567890123460", 1e20: "100000000000000000000",
		0.000001234: "0.000001234", -1500.75: "-1500.75", 12345678.9: "12345678.9", 1e-300: "0." + strings.Repeat("0", 299) + "1",
	}
	for v, want := range cases {
		if got := formatNumber(v); got != want {
			t.Errorf("formatNumber(%v) = %q; want %q", v, got, want)
		}
	}
}

// chars counts the UTF-16 units of s, as BIFF counts characters.
func chars(s string) int { return len(utf16.Encode([]rune(s))) }

// mac and win1252 encode s in Mac Roman and Windows-1252.
func mac(s string) []byte     { return must(charmap.Macintosh.NewEncoder().Bytes([]byte(s))) }
func win1252(s string) []byte { return must(charmap.Windows1252.NewEncoder().Bytes([]byte(s))) }

// label5 is an Excel 95 LABEL: 8-bit text in the code page.
func label5(row, col int, text []byte) []byte {
	return rec(recLabel, u16(row), u16(col), u16(15), u16(len(text)), text)
}

func FuzzXLS(f *testing.F) {
	for _, p := range append([]string{bci(f)}, must(filepath.Glob(filepath.Join("testdata", "xls", "*.xls")))...) {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(ole2(stream{"Workbook", oneSheet([]string{"RUT", "Ñuñoa"}, labelSST(0, 0, 0), labelSST(1, 0, 1), number(1, 1, 1213.28))}))
	f.Fuzz(func(t *testing.T, b []byte) {
		path := filepath.Join(t.TempDir(), "f.xls")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		info, err := Inspect(path, Settings{})
		if err != nil {
			return
		}
		for _, sheet := range info.Sheets {
			src, err := Open(path, Settings{Sheet: sheet, HeaderRow: 1})
			if err != nil {
				continue
			}
			for i := 0; i < 100000; i++ {
				if _, err := src.Next(); err != nil && !errors.As(err, new(*LimitError)) {
					break
				}
			}
			src.Close()
		}
	})
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// Bytes changed at random in real workbooks (the container's header
// included) give rows or one of the package's errors, promptly: never a
// panic, a hang or an error the importer could not explain.
func TestXLS_MutatedFilesFailCleanly(t *testing.T) {
	var seeds [][]byte
	for _, p := range append([]string{bci(t)}, must(filepath.Glob(filepath.Join("testdata", "xls", "*.xls")))...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, b)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	path := filepath.Join(t.TempDir(), "m.xls")
	known := []error{ErrDamaged, ErrNotText, ErrEncrypted, ErrEmpty, ErrNoHeader, ErrNoSheet, ErrHTMLTable}
	for i := range 300 {
		b := append([]byte(nil), seeds[rng.IntN(len(seeds))]...)
		for range rng.IntN(8) + 1 {
			switch at := rng.IntN(len(b) - 4); rng.IntN(3) {
			case 0:
				b[rng.IntN(512)] = byte(rng.IntN(256)) // the OLE2 header
			case 1:
				b[at] ^= 1 << rng.IntN(8)
			case 2:
				copy(b[at:], []byte{0xFF, 0xFF, 0xFF, 0xFF}[:rng.IntN(4)+1])
			}
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() {
			info, err := Inspect(path, Settings{})
			for _, sheet := range info.Sheets {
				if err != nil {
					break
				}
				_, _, err = readWorkbook(path, Settings{Sheet: sheet, HeaderRow: 1})
			}
			done <- err
		}()
		select {
		case err := <-done:
			ok := err == nil
			for _, k := range known {
				ok = ok || errors.Is(err, k)
			}
			if !ok {
				t.Errorf("mutant %d: %v is none of the package's errors", i, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("mutant %d: still reading after 10 s", i)
		}
	}
}

// BenchmarkXLS65k reads a sheet of Excel 97-2003's full height: 65,536 rows
// of 6 cells (text from the shared strings and not, RK and NUMBER values, a
// date),
// through Open/Next.
func BenchmarkXLS65k(b *testing.B) {
	const rows = 65536
	strs := []string{"Folio", "Fecha", "RUT", "Razón Social", "Monto", "Saldo", "Glosa", "Factura electrónica"}
	for i := range 5000 {
		strs = append(strs, fmt.Sprintf("Cliente número %d Ltda.", i))
	}
	records := [][]byte{labelSST(0, 0, 0), labelSST(0, 1, 1), labelSST(0, 2, 2), labelSST(0, 3, 3), labelSST(0, 4, 4), labelSST(0, 5, 5)}
	for r := 1; r < rows; r++ {
		records = append(records,
			rk(r, 0, uint32(100000+r)<<2|2), rk(r, 1, uint32(45658+r%365)<<2|2),
			label8(r, 2, fmt.Sprintf("%d-%d", 10_000_000+r, r%10)), labelSST(r, 3, 8+r%5000),
			number(r, 4, float64(r%100000)*1.5), rk(r, 5, uint32(r%7000*1025)<<2|3))
	}
	// The shared strings: an SST, then CONTINUE records, each up to 8224
	// bytes and starting with a whole string.
	var sstRecs [][]byte
	data := bytes.Join([][]byte{u32(len(strs)), u32(len(strs))}, nil)
	typ := uint16(recSST)
	for _, s := range strs {
		if u := ustr(s); len(data)+len(u) <= 8224 {
			data = append(data, u...)
		} else {
			sstRecs, typ, data = append(sstRecs, rec(typ, data)), recContinue, u
		}
	}
	sstRecs = append(sstRecs, rec(typ, data))
	path := xlsFile(b, "big.xls", biffStream(true, sstRecs, sheetBody{name: "Hoja1", records: records}))
	b.ResetTimer()
	for b.Loop() {
		src, err := Open(path, Settings{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := src.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		src.Close()
		if n != rows-1 {
			b.Fatalf("%d rows", n)
		}
	}
}
