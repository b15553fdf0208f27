package bankfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readBytes is Read for the content of a text file, without the file.
func readBytes(data []byte, opt Options) (File, error) {
	s, err := loadText(data)
	if err != nil {
		return File{}, err
	}
	return readSheet(s, opt)
}

// FuzzTable feeds text through the whole table reader: it must never
// panic, and must return either lines or a *Error with nothing imported.
func FuzzTable(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("testdata", "table", "*.*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range seeds {
		if strings.HasSuffix(s, ".xlsx") {
			continue
		}
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(scotiaHeader + "04-11-2024;X;0;5;5;5\n"))
	f.Add([]byte("Fecha;Glosa;Monto\n31/12;abono;1.234-\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 || !claimTable(data) {
			return
		}
		file, err := readBytes(data, Options{Today: testToday})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T) is not a *bankfile.Error", err, err)
			}
			if len(file.Statements) != 0 {
				t.Fatalf("an error with %d statements", len(file.Statements))
			}
			return
		}
		if file.Lines() == 0 {
			t.Fatal("no error and no lines")
		}
		for _, l := range file.Statements[0].Lines {
			if l.Row <= 0 || l.Date.IsZero() {
				t.Fatalf("line without row or date: %+v", l)
			}
		}
	})
}
