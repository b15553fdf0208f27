package tabular

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

func readAll(t *testing.T, b []byte) (Sniff, []string, []Row) {
	t.Helper()
	s := Detect(b[:min(len(b), SniffSize)])
	r, err := NewReader(bytes.NewReader(b), s)
	if err != nil {
		t.Fatalf("%+v: %v", s, err)
	}
	var rows []Row
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, row)
	}
	return s, r.Header(), rows
}

const sample = "Listado de clientes\r\nEmitido el 24/11/2026\r\n\r\nRazón Social;RUT;Saldo\r\n" +
	"Ferretería Ñuñoa Ltda.;76.123.456-0;1.190.000\r\n\"Panadería \"\"El Sol\"\"\";12.345.678-5;\"500,5\"\r\n\r\nTotal;;1.690.000,5\r\n"

func TestDetect_EncodingsAllReadTheSameRows(t *testing.T) {
	utf16le, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(sample))
	utf16noBOM, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM).NewEncoder().Bytes([]byte(sample))
	cp1252, _ := charmap.Windows1252.NewEncoder().Bytes([]byte(sample))
	cases := map[string]struct {
		b    []byte
		want Encoding
	}{
		"utf-8":       {[]byte(sample), UTF8},
		"utf-8 BOM":   {append([]byte{0xEF, 0xBB, 0xBF}, sample...), UTF8BOM},
		"utf-16 BOM":  {utf16le, UTF16LE},
		"utf-16 bare": {utf16noBOM, UTF16LE},
		"1252":        {cp1252, Windows1252},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			s, header, rows := readAll(t, tc.b)
			if s.Encoding != tc.want || s.Delimiter != ';' || s.HeaderRow != 4 {
				t.Fatalf("sniff %+v; want %s, ';', header on row 4", s, tc.want)
			}
			if strings.Join(header, "|") != "Razón Social|RUT|Saldo" {
				t.Errorf("header %q", header)
			}
			if len(rows) != 3 || rows[0].Fields[0] != "Ferretería Ñuñoa Ltda." || rows[1].Fields[0] != `Panadería "El Sol"` {
				t.Fatalf("rows %+v", rows)
			}
			if rows[0].Line != 5 || rows[2].Line != 8 {
				t.Errorf("lines %d, %d; want 5 and 8 (blank lines skipped, numbering kept)", rows[0].Line, rows[2].Line)
			}
		})
	}
}

func TestDetect_DelimitersAndQuotedNewlines(t *testing.T) {
	for _, d := range []string{",", "\t", "|", ";"} {
		text := strings.Join([]string{"Folio" + d + "Cliente" + d + "Monto", "1001" + d + "\"Comercial, Sur\nSucursal 2\"" + d + "100", "1002" + d + "Otro" + d + "200"}, "\n")
		s, header, rows := readAll(t, []byte(text))
		if string(s.Delimiter) != d || len(header) != 3 {
			t.Errorf("%q: sniff %+v header %q", d, s, header)
			continue
		}
		if len(rows) != 2 || rows[0].Fields[1] != "Comercial, Sur\nSucursal 2" || rows[1].Line != 4 {
			t.Errorf("%q: rows %+v", d, rows)
		}
	}
}

// Bank-export shapes met in real files (checked by hand against the public
// samples in ../shared/testdata, which are not ours to copy): a quoted TSV
// with decimal commas and a "Saldo Inicial" row without a date, and a TSV
// passed through Excel with a duplicated column name and an empty one.
func TestBankLikeExports(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		cols, rows int
	}{
		{"quoted tsv", "\"Fecha\"\t\"Referencia\"\t\"Descripción\"\t\"Concepto\"\t\"Débito\"\t\"Crédito\"\t\"Saldo\"\r\n" +
			"\t\t\"Saldo Inicial\"\t\t\t\t3098,59\r\n26/07/2017\t179039\t\"Mantenimiento de Cuenta\"\t\"\"\t75,00\t0,00\t3023,59\r\n" +
			"27/07/2017\t176692\t\"Servicio SMS PLUS\"\t\"\"\t21,00\t0,00\t3002,59\r\n", 7, 3},
		{"excel tsv", "Fecha\tReferencia\t Cod, Transacción \tDescripción\t Debe \t Haber \t Saldo \tReferencia 2\t\tReferencia 2\r\n" +
			"11/30/2017\t\t\t Saldo Inicial \t\t\t1,188,801.28 \t\t\t\r\n12/29/2017\t61513726\t  262 \tComision\t-27.00 \t\t81,165,509.83 \t61513726\t\t\r\n", 10, 2},
	} {
		s, header, rows := readAll(t, []byte(tc.text))
		if s.Delimiter != '\t' || s.HeaderRow != 1 || header[0] != "Fecha" || len(header) != tc.cols || len(rows) != tc.rows {
			t.Errorf("%s: sniff %+v, header %q, %d rows", tc.name, s, header, len(rows))
		}
	}
}

func TestNewReader_EmptyAndHeaderOnly(t *testing.T) {
	if _, err := NewReader(strings.NewReader(""), Detect(nil)); !errors.Is(err, ErrNoHeader) {
		t.Errorf("empty file: %v", err)
	}
	_, header, rows := readAll(t, []byte("RUT,Nombre\n"))
	if len(header) != 2 || len(rows) != 0 {
		t.Errorf("header only: %q %+v", header, rows)
	}
}

func FuzzReader(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("\xff\xfe\x00\x00a;b"))
	f.Add([]byte("\"unterminated;\n1;2"))
	f.Add(bytes.Repeat([]byte{0xC3}, 300))
	f.Fuzz(func(t *testing.T, b []byte) {
		s := Detect(b)
		r, err := NewReader(bytes.NewReader(b), s)
		if err != nil {
			return
		}
		for i := 0; i < 10000; i++ {
			if _, err := r.Next(); err != nil {
				return
			}
		}
	})
}

func TestDetect_BOMOverWindows1252ReadsTheBodyAs1252(t *testing.T) {
	head := append([]byte{0xEF, 0xBB, 0xBF}, []byte("Raz\xf3n Social;Fecha Emisi\xf3n\r\nFerreter\xeda;01/02/2026\r\n")...)
	s := Detect(head)
	if s.Encoding != Windows1252 || !BOMOver1252(head) {
		t.Fatalf("encoding %s", s.Encoding)
	}
	r, err := NewReader(bytes.NewReader(head), s)
	if err != nil {
		t.Fatal(err)
	}
	if h := r.Header(); h[0] != "Razón Social" || h[1] != "Fecha Emisión" {
		t.Errorf("header %q", h)
	}
	if BOMOver1252([]byte("\xEF\xBB\xBFRazón Social;Fecha\r\n")) {
		t.Error("a UTF-8 file with its BOM is UTF-8")
	}
}
