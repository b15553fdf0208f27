package bankfile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const benchRows = 100_000

// benchCSV writes a 100,000-row cartola in a generic Chilean layout.
func benchCSV(b *testing.B) string {
	var sb strings.Builder
	sb.WriteString("Cartola de movimientos\nCuenta: 00-123-45678-09\nMoneda: CLP\n\n")
	sb.WriteString("Fecha;Descripción;Canal o Sucursal;Cargos (CLP);Abonos (CLP);Saldo (CLP)\n")
	balance := 1_000_000
	for i := 0; i < benchRows; i++ {
		day := 1 + i%28
		if i%3 == 0 {
			balance -= 12_345
			fmt.Fprintf(&sb, "%02d/11/2024;PAGO PROVEEDOR %d;Internet;%s;;%s\n", day, i, grouped(12_345), grouped(balance))
		} else {
			balance += 45_000
			fmt.Fprintf(&sb, "%02d/11/2024;TRANSF DE COMERCIAL SUR SPA 76.123.456-7 FACT %d;Sucursal;;%s;%s\n", day, i, grouped(45_000), grouped(balance))
		}
	}
	p := filepath.Join(b.TempDir(), "cartola.csv")
	if err := os.WriteFile(p, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return p
}

// grouped writes n with dots between thousands.
func grouped(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// benchXLSX writes the same layout as a workbook with numbers as numbers.
func benchXLSX(b *testing.B) string {
	f := excelize.NewFile()
	defer f.Close()
	w, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	row := 1
	put := func(cells ...any) {
		cell, _ := excelize.CoordinatesToCellName(1, row)
		if err := w.SetRow(cell, cells); err != nil {
			b.Fatal(err)
		}
		row++
	}
	put("Cuenta:", "00-123-45678-09")
	put("Fecha", "Descripción", "Canal o Sucursal", "Cargos (CLP)", "Abonos (CLP)", "Saldo (CLP)")
	balance := 1_000_000
	for i := 0; i < benchRows; i++ {
		serial := 45597 + i%28
		if i%3 == 0 {
			balance -= 12_345
			put(serial, fmt.Sprintf("PAGO PROVEEDOR %d", i), "Internet", 12_345, nil, balance)
		} else {
			balance += 45_000
			put(serial, fmt.Sprintf("TRANSF DE COMERCIAL SUR SPA 76.123.456-7 FACT %d", i), "Sucursal", nil, 45_000, balance)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(b.TempDir(), "cartola.xlsx")
	if err := f.SaveAs(p); err != nil {
		b.Fatal(err)
	}
	return p
}

func benchReadTable(b *testing.B, path string) {
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := Read(path, Options{Today: testToday})
		if err != nil {
			b.Fatal(err)
		}
		if f.Lines() != benchRows {
			b.Fatalf("%d lines, want %d", f.Lines(), benchRows)
		}
	}
}

// BenchmarkTable_CSV100k reads a 100,000-row CSV cartola.
func BenchmarkTable_CSV100k(b *testing.B) { benchReadTable(b, benchCSV(b)) }

// BenchmarkTable_XLSX100k reads a 100,000-row XLSX cartola.
func BenchmarkTable_XLSX100k(b *testing.B) { benchReadTable(b, benchXLSX(b)) }
