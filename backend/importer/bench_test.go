package importer

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"cartera/backend/demo"
)

// benchFile returns a generated ERP export of n rows, cached in the temp folder.
func benchFile(b *testing.B, n int, xlsx bool) string {
	name := "cartera-bench-import-" + itoa(n) + ".csv"
	if xlsx {
		name = "cartera-bench-import-" + itoa(n) + ".xlsx"
	}
	path := filepath.Join(os.TempDir(), name)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := demo.WriteExportFile(path, demo.FileOptions{Country: "CL", Clients: max(n/50, 10), Rows: n, Seed: 5, Today: today, XLSX: xlsx}); err != nil {
		b.Fatal(err)
	}
	return path
}

func itoa(n int) string {
	if n%1_000_000 == 0 {
		return string(rune('0'+n/1_000_000)) + "M"
	}
	return string(rune('0'+n/100_000)) + "00k"
}

func benchImport(b *testing.B, n int, xlsx bool) {
	path := benchFile(b, n, xlsx)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := newPortfolio(b)
		b.StartTimer()
		rep, err := Run(context.Background(), db, path, Options{Target: Invoices, Choices: Choices{CreateClients: true}}, today, nil)
		if err != nil || !rep.Committed || rep.Counts.Created != n {
			b.Fatalf("%v %+v", err, rep.Counts)
		}
		b.StopTimer()
		db.Close()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkImportCSV1M imports a million-row CSV into an empty portfolio
// (clients created on the way). See docs/performance.md and scripts/bench-import.sh.
func BenchmarkImportCSV1M(b *testing.B) { benchImport(b, 1_000_000, false) }

// BenchmarkImportXLSX1M is the same export as a workbook.
func BenchmarkImportXLSX1M(b *testing.B) { benchImport(b, 1_000_000, true) }

// BenchmarkPreview100 reads the first rows of the million-row files.
func BenchmarkPreview100(b *testing.B) {
	for _, xlsx := range []bool{false, true} {
		path := benchFile(b, 1_000_000, xlsx)
		name := filepath.Ext(path)[1:]
		b.Run(name, func(b *testing.B) {
			db := newPortfolio(b)
			for i := 0; i < b.N; i++ {
				pv, err := MakePreview(context.Background(), db, path, Options{Target: Invoices})
				if err != nil || len(pv.Rows) != PreviewRows {
					b.Fatal(err, len(pv.Rows))
				}
			}
		})
	}
}
