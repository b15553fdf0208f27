package demo

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cartera/backend/date"
)

func TestWriteExportFile_LooksLikeAnERPExport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cxc.csv")
	if err := WriteExportFile(path, FileOptions{Country: "CL", Clients: 30, Rows: 500, Seed: 3, Today: date.MustParse("2026-11-24")}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\r\n")
	if len(lines) != 4+500+2 || lines[3] != strings.Join(ExportHeader, ";") || !strings.HasPrefix(lines[len(lines)-1], "Total;") {
		t.Fatalf("%d lines; header %q; last %q", len(lines), lines[3], lines[len(lines)-1])
	}
	if !bytes.Contains(b, []byte("Nota de Crédito")) || !bytes.Contains(b, []byte(";-")) {
		t.Error("no credit note written as a negative amount")
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(path), "cxc.partial.csv")); err == nil {
		t.Error("the temporary file was left behind")
	}
}
