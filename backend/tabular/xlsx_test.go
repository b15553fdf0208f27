package tabular

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// cells writes rows into a sheet from A1 down (nil is a blank row).
func cells(t testing.TB, f *excelize.File, sheet string, rows [][]any) {
	t.Helper()
	for i, r := range rows {
		for j, v := range r {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func save(t testing.TB, f *excelize.File, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

func write(t testing.TB, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// clientsBook has an empty first sheet and, on "Clientes", title rows, a
// blank row, the header, data (a date, a number stored as text) and totals.
func clientsBook(t testing.TB) *excelize.File {
	f := excelize.NewFile()
	if _, err := f.NewSheet("Clientes"); err != nil {
		t.Fatal(err)
	}
	f.NewSheet("Notas")
	cells(t, f, "Notas", [][]any{{"nada que ver"}})
	cells(t, f, "Clientes", [][]any{
		{"Listado de clientes"},
		{"Emitido el 24/11/2026"},
		nil,
		{" Razón Social ", "RUT", "Vencimiento", "Saldo", "Código"},
		{"Ferretería Ñuñoa Ltda.", "76.123.456-0", time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC), 1234.5, "00123"},
		nil,
		{"Panadería El Sol", "12.345.678-5", time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC), 500, nil},
		{"Total", nil, nil, 1734.5},
	})
	return f
}

func readSource(t testing.TB, path string, s Settings) ([]string, []Row) {
	t.Helper()
	src, err := Open(path, s)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var rows []Row
	for {
		row, err := src.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, row)
	}
	return src.Header(), rows
}

func TestXLSX_TitleRowsSheetsDatesAndText(t *testing.T) {
	// The same workbook under an honest name and as an ".xls" that is an xlsx.
	xlsx := save(t, clientsBook(t), "clientes.xlsx")
	b, err := os.ReadFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{xlsx, write(t, "clientes.xls", b)} {
		name := filepath.Base(path)
		info, err := Inspect(path, Settings{})
		if err != nil {
			t.Fatal(err)
		}
		want := Settings{Format: FormatXLSX, Sheet: "Clientes", HeaderRow: 4}
		if info.Settings != want || strings.Join(info.Sheets, "|") != "Sheet1|Clientes|Notas" || info.Size == 0 {
			t.Fatalf("%s: info %+v", name, info)
		}
		header, rows := readSource(t, path, Settings{})
		if strings.Join(header, "|") != "Razón Social|RUT|Vencimiento|Saldo|Código" {
			t.Errorf("header %q", header)
		}
		if len(rows) != 3 || rows[0].Line != 5 || rows[1].Line != 7 || rows[2].Line != 8 {
			t.Fatalf("rows %+v; want lines 5, 7, 8", rows)
		}
		// Raw values: the date as its serial, the number unformatted, text kept as text.
		if got := strings.Join(rows[0].Fields, "|"); got != "Ferretería Ñuñoa Ltda.|76.123.456-0|45992|1234.5|00123" {
			t.Errorf("row 5 %q", got)
		}
		if rows[2].Fields[0] != "Total" || rows[2].Fields[3] != "1734.5" {
			t.Errorf("totals %q", rows[2].Fields)
		}
	}
}

func TestXLSX_ChosenSheetAndHeaderRow(t *testing.T) {
	path := save(t, clientsBook(t), "c.xlsx")
	info, err := Inspect(path, Settings{Sheet: "notas"})
	if err != nil || info.Settings.Sheet != "Notas" || info.Settings.HeaderRow != 1 {
		t.Fatalf("%+v %v", info, err)
	}
	if _, err := Inspect(path, Settings{Sheet: "Facturas"}); !errors.Is(err, ErrNoSheet) || !strings.Contains(err.Error(), "Facturas") {
		t.Errorf("missing sheet: %v", err)
	}
	if _, err := Open(path, Settings{Sheet: "Sheet1"}); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty sheet: %v", err)
	}
	// The user says the header is on row 2: the first row at or after it that is not blank.
	header, rows := readSource(t, path, Settings{Sheet: "Clientes", HeaderRow: 2})
	if header[0] != "Emitido el 24/11/2026" || len(rows) != 4 || rows[0].Line != 4 {
		t.Errorf("header %q rows %+v", header, rows)
	}
	if _, err := Open(path, Settings{Sheet: "Clientes", HeaderRow: 50}); !errors.Is(err, ErrNoHeader) {
		t.Errorf("header past the end: %v", err)
	}
}

func TestXLSX_HeaderOnlyAndEmpty(t *testing.T) {
	f := excelize.NewFile()
	cells(t, f, "Sheet1", [][]any{{"RUT", "Nombre"}})
	header, rows := readSource(t, save(t, f, "h.xlsx"), Settings{})
	if len(header) != 2 || len(rows) != 0 {
		t.Errorf("header only: %q %+v", header, rows)
	}
	empty := save(t, excelize.NewFile(), "e.xlsx")
	for _, path := range []string{empty, write(t, "zero.xlsx", nil), write(t, "zero.csv", nil), write(t, "blank.csv", []byte("\r\n \r\n\r\n"))} {
		if _, err := Inspect(path, Settings{}); !errors.Is(err, ErrEmpty) {
			t.Errorf("%s: Inspect %v", filepath.Base(path), err)
		}
		if _, err := Open(path, Settings{}); !errors.Is(err, ErrEmpty) {
			t.Errorf("%s: Open %v", filepath.Base(path), err)
		}
	}
}

func TestFormat_NotReallySpreadsheets(t *testing.T) {
	biff := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	cases := map[string]struct {
		b    []byte
		want error
	}{
		"biff8":        {biff, ErrDamaged},
		"encrypted":    {append(append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1000)...), []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")...), ErrEncrypted},
		"html":         {[]byte("<html><body><table><tr><td>RUT</td></tr></table></body></html>"), ErrHTMLTable},
		"doctype+bom":  {[]byte("\xEF\xBB\xBF\r\n  <!DOCTYPE html>\n<html>"), ErrHTMLTable},
		"bare table":   {[]byte("\n<TABLE border=1><tr><td>a</td></tr></TABLE>"), ErrHTMLTable},
		"not a sheet":  {[]byte("PK\x03\x04 this is no zip at all"), ErrDamaged},
		"empty string": {[]byte{}, ErrEmpty},
	}
	for name, tc := range cases {
		path := write(t, name+".xls", tc.b)
		if _, err := Inspect(path, Settings{}); !errors.Is(err, tc.want) {
			t.Errorf("%s: Inspect %v; want %v", name, err, tc.want)
		}
		if _, err := Open(path, Settings{}); !errors.Is(err, tc.want) {
			t.Errorf("%s: Open %v; want %v", name, err, tc.want)
		}
	}
}

func validXLSX(t testing.TB) []byte {
	f := clientsBook(t)
	defer f.Close()
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestXLSX_Truncated(t *testing.T) {
	b := validXLSX(t)
	for _, n := range []int{len(b) / 2, len(b) - 10, 100} {
		path := write(t, "cut.xlsx", b[:n])
		if _, err := Inspect(path, Settings{}); !errors.Is(err, ErrDamaged) {
			t.Errorf("cut at %d: Inspect %v", n, err)
		}
		if _, err := Open(path, Settings{}); !errors.Is(err, ErrDamaged) {
			t.Errorf("cut at %d: Open %v", n, err)
		}
	}
}

func TestInspect_TextSameAsDetect(t *testing.T) {
	b := append([]byte{0xEF, 0xBB, 0xBF}, sample...)
	path := write(t, "clientes.txt", b)
	info, err := Inspect(path, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	s := Detect(b)
	want := Settings{Format: FormatText, Encoding: s.Encoding, Delimiter: string(s.Delimiter), HeaderRow: s.HeaderRow}
	if info.Settings != want || info.Size != int64(len(b)) || info.Sheets != nil {
		t.Errorf("Inspect %+v; Detect %+v", info, s)
	}
	header, rows := readSource(t, path, Settings{})
	if len(header) != 3 || len(rows) != 3 || rows[0].Line != 5 {
		t.Errorf("header %q rows %+v", header, rows)
	}
	// Overrides are kept, and the header is found with the given delimiter.
	info, err = Inspect(path, Settings{Delimiter: ",", HeaderRow: 2})
	if err != nil || info.Settings.Delimiter != "," || info.Settings.HeaderRow != 2 || info.Settings.Encoding != UTF8BOM {
		t.Errorf("overrides: %+v %v", info, err)
	}
	if _, err := Open(path, Settings{Delimiter: ";;"}); err == nil {
		t.Error("a two-character delimiter was accepted")
	}
}

func TestLimits(t *testing.T) {
	wide := "a,b\n1,2\n" + strings.Repeat("x,", MaxColumns) + "x\n3,4\n"
	path := write(t, "wide.csv", []byte(wide))
	src, err := Open(path, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var got []string
	for {
		row, err := src.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var le *LimitError
		if errors.As(err, &le) {
			got = append(got, fmt.Sprintf("limit %d:%d", le.Line, le.Column))
			if !errors.Is(err, ErrTooWide) {
				t.Errorf("%v is not ErrTooWide", err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, row.Fields[0])
	}
	if strings.Join(got, " ") != "1 limit 3:1001 3" {
		t.Errorf("rows %q", got)
	}
	// Trailing empty columns do not count.
	_, rows := readSource(t, write(t, "trailing.csv", []byte("a;b\n1;2"+strings.Repeat(";", 2000)+"\n")), Settings{})
	if len(rows) != 1 || len(rows[0].Fields) != 2 {
		t.Errorf("trailing separators: %d fields", len(rows[0].Fields))
	}

	big := strings.Repeat("ñ", 1<<20) // 2 MiB
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	sw.SetRow("A1", []any{"RUT", "Glosa"})
	sw.SetRow("A2", []any{"1-9", "corta"})
	sw.SetRow("A3", []any{"2-7", "BIG"})
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	// Excel caps cells at 32,767 characters (and so does excelize when
	// writing); a hostile file need not, so the sheet is patched by hand.
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	bigXLSX := write(t, "big.xlsx", patchZip(t, buf.Bytes(), "xl/worksheets/sheet1.xml", "BIG", big))
	for _, path := range []string{bigXLSX, write(t, "big.csv", []byte("RUT,Glosa\n1-9,corta\n2-7,\""+big+"\"\n"))} {
		src, err := Open(path, Settings{})
		if err != nil {
			t.Fatal(err)
		}
		if row, err := src.Next(); err != nil || row.Fields[1] != "corta" {
			t.Errorf("%s: %+v %v", filepath.Base(path), row, err)
		}
		_, err = src.Next()
		var le *LimitError
		if !errors.As(err, &le) || !errors.Is(err, ErrCellTooLarge) || le.Line != 3 || le.Column != 2 {
			t.Errorf("%s: %v", filepath.Base(path), err)
		}
		src.Close()
	}
	// A header too wide fails Open.
	if _, err := Open(write(t, "wh.csv", []byte(strings.Repeat("col,", MaxColumns)+"col\n")), Settings{}); !errors.Is(err, ErrTooWide) {
		t.Errorf("wide header: %v", err)
	}
}

// patchZip replaces old with new in one member of a zip.
func patchZip(t testing.TB, b []byte, member, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == member {
			if !bytes.Contains(data, []byte(old)) {
				t.Fatalf("%s has no %q", member, old)
			}
			data = bytes.ReplaceAll(data, []byte(old), []byte(new))
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func FuzzXLSX(f *testing.F) {
	b := validXLSX(f)
	f.Add(b)
	f.Add(b[:len(b)/2])
	small := excelize.NewFile()
	cells(f, small, "Sheet1", [][]any{{"RUT", "Monto"}, {"1-9", 10}})
	buf, _ := small.WriteToBuffer()
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		path := filepath.Join(t.TempDir(), "f.xlsx")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Inspect(path, Settings{}); err != nil {
			return
		}
		src, err := Open(path, Settings{})
		if err != nil {
			return
		}
		defer src.Close()
		for i := 0; i < 100000; i++ {
			if _, err := src.Next(); err != nil && !errors.As(err, new(*LimitError)) {
				return
			}
		}
	})
}

// BenchmarkXLSX1M reads a 1,000,000-row, 8-column sheet through Open/Next.
// The file is built once and kept at os.TempDir()/cartera-bench-1m.xlsx.
func BenchmarkXLSX1M(b *testing.B) {
	const rows = 1_000_000
	path := filepath.Join(os.TempDir(), "cartera-bench-1m.xlsx")
	if _, err := os.Stat(path); err != nil {
		buildBench(b, path, rows)
	}
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
		if n != rows {
			b.Fatalf("%d rows", n)
		}
	}
}

func buildBench(b *testing.B, path string, rows int) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	sw.SetRow("A1", []any{"Folio", "Fecha", "RUT", "Razón Social", "Monto", "Saldo", "Vencimiento", "Glosa"})
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 1; i <= rows; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		d := day.AddDate(0, 0, i%365)
		err := sw.SetRow(cell, []any{
			100000 + i,
			excelize.Cell{StyleID: date, Value: d},
			fmt.Sprintf("%d-%d", 10_000_000+i%90_000_000, i%10),
			fmt.Sprintf("Cliente número %d Ltda.", i%5000),
			float64(i%100000) * 1.5,
			float64(i%7000) * 10.25,
			excelize.Cell{StyleID: date, Value: d.AddDate(0, 0, 30)},
			"Factura electrónica",
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	tmp := strings.TrimSuffix(path, ".xlsx") + ".partial.xlsx"
	if err := f.SaveAs(tmp); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
}
