package bankfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// addSeeds adds this package's fixtures of a format and the shared sample
// files of its directories to a fuzz target's seed corpus. The shared files
// are read at run time, never copied into the repository.
func addSeeds(f *testing.F, own string, shared ...string) {
	paths, _ := filepath.Glob(filepath.Join("testdata", own, "*"))
	for _, sub := range shared {
		paths = append(paths, sharedFiles(f, sub)...)
	}
	if len(paths) == 0 {
		f.Fatalf("no seeds for %s", own)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// checkParse holds what any input must give: an *Error of the format with
// a message key and no lines, or statements whose lines have a row and
// one-line text. It must never panic.
func checkParse(t *testing.T, format Format, b []byte, parse func([]byte, Options) (File, error)) {
	for _, opt := range []Options{{}, {Currency: "CLP", Country: "CL"}} {
		f, err := parse(b, opt)
		if err != nil {
			var be *Error
			if !errors.As(err, &be) || be.Format != format || !strings.HasPrefix(be.Key, "bank.formats.") {
				t.Fatalf("error %v is not a positioned *Error of %s", err, format)
			}
			if len(f.Statements) != 0 {
				t.Fatalf("an error with %d statements", len(f.Statements))
			}
			continue
		}
		if len(f.Statements) == 0 {
			t.Fatal("no error and no statement")
		}
		for _, s := range f.Statements {
			for _, l := range s.Lines {
				if l.Row < 1 || strings.ContainsAny(l.Description, "\r\n") || l.Date.IsZero() {
					t.Fatalf("bad line %+v", l)
				}
			}
		}
	}
}

func FuzzOFX(f *testing.F) {
	addSeeds(f, "ofx", "ofx")
	f.Fuzz(func(t *testing.T, b []byte) { checkParse(t, FormatOFX, b, parseOFX) })
}

func FuzzCAMT(f *testing.F) {
	addSeeds(f, "camt", "camt052", "camt053", "camt054")
	f.Fuzz(func(t *testing.T, b []byte) { checkParse(t, FormatCAMT, b, parseCAMT) })
}

func FuzzMT940(f *testing.F) {
	addSeeds(f, "mt940", "mt940")
	f.Fuzz(func(t *testing.T, b []byte) { checkParse(t, FormatMT940, b, parseMT940) })
}

func FuzzQIF(f *testing.F) {
	addSeeds(f, "qif", "qif")
	f.Fuzz(func(t *testing.T, b []byte) { checkParse(t, FormatQIF, b, parseQIF) })
}

// Hostile inputs (deep nesting, huge fields, endless repeats) are refused
// with a message or read, in time that grows with their size: the OFX reader
// once took minutes on 200,000 nested unknown tags.
func TestHostileInputs_RefusedOrRead(t *testing.T) {
	const n = 100000
	cases := []struct {
		name  string
		in    string
		parse func([]byte, Options) (File, error)
		key   string // "" when it reads
		lines int
	}{
		{"OFX nested unknown tags", "<OFX>" + strings.Repeat("<A>", n), parseOFX, "bank.formats.malformed", 0},
		{"OFX empty values never closed", "<OFX><STMTRS><STMTTRN>" + strings.Repeat("<A>\n", n), parseOFX, "bank.formats.malformed", 0},
		{"OFX stray '<'", "<OFX>" + strings.Repeat("< ", n), parseOFX, "bank.formats.no_statement", 0},
		{"OFX ampersands", "<OFX><MEMO>" + strings.Repeat("&", n), parseOFX, "bank.formats.no_statement", 0},
		{"CAMT nested unknown elements", "<Document><BkToCstmrStmt><Stmt><Ntry>" + strings.Repeat("<A>", n), parseCAMT, "bank.formats.truncated", 0},
		{"CAMT entry of empty details", "<Document><BkToCstmrStmt><Stmt><Ntry>" + strings.Repeat("<NtryDtls><TxDtls/></NtryDtls>", n) + "</Ntry></Stmt></BkToCstmrStmt></Document>", parseCAMT, "bank.formats.missing_amount", 0},
		{"CAMT endless attributes", "<Document " + strings.Repeat("a='1' ", n) + ">", parseCAMT, "bank.formats.truncated", 0},
		{"MT940 endless subfield marks", ":20:X\n:25:Y\n:60F:C240101EUR1,\n:61:2401010101C1,NTRF\n:86:123" + strings.Repeat("?2", n) + "\n:62F:C240101EUR2,\n", parseMT940, "", 1},
		{"MT940 endless text lines", ":20:X\n:25:Y\n:60F:C240101EUR1,\n:61:2401010101C1,NTRF\n:86:" + strings.Repeat("x\n", n) + ":62F:C240101EUR2,\n", parseMT940, "", 1},
		{"MT940 unclosed envelopes", strings.Repeat("{1:{\n", n), parseMT940, "bank.formats.no_statement", 0},
		{"QIF many records", "!Type:Bank\n" + strings.Repeat("D1/1/24\nT1\n^\n", n/4), parseQIF, "", n / 4},
	}
	for _, c := range cases {
		f, err := c.parse([]byte(c.in), Options{})
		var be *Error
		switch {
		case c.key == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.key == "" && f.Lines() != c.lines:
			t.Errorf("%s: %d lines, want %d", c.name, f.Lines(), c.lines)
		case c.key != "" && (!errors.As(err, &be) || be.Key != c.key):
			t.Errorf("%s: err %v, want %s", c.name, err, c.key)
		}
	}
}
