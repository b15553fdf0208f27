package bankfile

import (
	"cartera/backend/internal/sharedtest"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"cartera/backend/i18n"
)

// Every message key the structured formats use has its sentences, and every
// error in the golden files renders in Spanish and English with all its
// placeholders filled, so a user never reads "{line}".
func TestMessages_EveryErrorReadsInBothLanguages(t *testing.T) {
	keyRE := regexp.MustCompile(`"(bank\.formats\.[a-z0-9_]+)"`)
	sources := []string{"text.go", "markup.go", "ofx.go", "camt.go", "mt940.go", "qif.go", "finish.go", "balance.go"}
	found := 0
	for _, src := range sources {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyRE.FindAllStringSubmatch(string(b), -1) {
			found++
			if !i18n.Has(m[1]) {
				t.Errorf("%s uses %s, which has no message", src, m[1])
			}
		}
	}
	if found < 10 {
		t.Fatalf("found only %d keys in the sources", found)
	}
	goldens, _ := filepath.Glob("testdata/golden/*/*.json")
	rendered := 0
	for _, g := range goldens {
		var doc goldenDoc
		readJSON(t, g, &doc)
		if doc.Error == nil {
			continue
		}
		for _, lang := range []string{"es", "en"} {
			msg := i18n.Message(lang, doc.Error.Key, doc.Error.Params)
			if strings.Contains(msg, "{") || msg == i18n.Message(lang, "internal", nil) {
				t.Errorf("%s (%s): %q", g, lang, msg)
			}
		}
		rendered++
	}
	if rendered < 20 {
		t.Errorf("only %d golden errors rendered", rendered)
	}
}

// Read tells each format from the content, whatever the file is called,
// and names the format in the result.
func TestRead_TellsTheFormatFromTheContent(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]Format{
		"testdata/ofx/cl_bancoestado_102_latin1.ofx":      FormatOFX,
		"testdata/ofx/mx_banorte_v2_bank_and_card.ofx":    FormatOFX,
		"testdata/camt/mx_camt053_v08_bbva.xml":           FormatCAMT,
		"testdata/camt/trap_no_namespace.xml":             FormatCAMT,
		"testdata/mt940/cl_mt940_swift_envelope_1252.sta": FormatMT940,
		"testdata/mt940/trap_utf8_bom_pages.sta":          FormatMT940,
		"testdata/qif/cl_tipo_banco_clp_1252.qif":         FormatQIF,
	}
	for src, want := range cases {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if got := Detect(b); got != want {
			t.Errorf("Detect(%s) = %q, want %q", src, got, want)
		}
		path := filepath.Join(dir, "cartola-"+filepath.Base(src)+".txt") // the extension lies
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := Read(path, optionsFor(src))
		if err != nil {
			t.Errorf("Read(%s): %v", src, err)
			continue
		}
		if f.Format != want || f.Lines() == 0 {
			t.Errorf("Read(%s): format %q with %d lines, want %q with some", src, f.Format, f.Lines(), want)
		}
	}
}

// A broken file read through Read gives its *Error and no lines.
func TestRead_BrokenFileGivesItsErrorAndNothingElse(t *testing.T) {
	for _, src := range []string{
		"testdata/ofx/error_truncated.ofx",
		"testdata/camt/error_truncated.xml",
		"testdata/mt940/error_truncated_no_closing.sta",
		"testdata/qif/error_mixed_date_order.qif",
	} {
		f, err := Read(src, Options{})
		var be *Error
		if !errors.As(err, &be) || be.Line == 0 || be.Format == "" {
			t.Errorf("Read(%s): err %v, want an *Error with its line and format", src, err)
		}
		if len(f.Statements) != 0 {
			t.Errorf("Read(%s): %d statements from a broken file", src, len(f.Statements))
		}
	}
}

// Every golden file belongs to an input that is still there, so a renamed
// or removed fixture leaves no stale golden behind.
func TestGolden_EveryGoldenHasItsInput(t *testing.T) {
	goldens, err := filepath.Glob("testdata/golden/*/*.json")
	if err != nil || len(goldens) < 40 {
		t.Fatalf("%d golden files, %v", len(goldens), err)
	}
	shared := sharedtest.BankDir(t)
	for _, g := range goldens {
		group := filepath.Base(filepath.Dir(g))
		name := strings.TrimSuffix(filepath.Base(g), ".json")
		input := filepath.Join("testdata", group, name)
		if sub, ok := strings.CutPrefix(group, "shared-"); ok {
			input = filepath.Join(shared, sub, name)
		}
		if _, err := os.Stat(input); err != nil {
			t.Errorf("%s has no input %s", g, input)
		}
	}
}
