package bankfile

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// Decimal text becomes minor units by integer arithmetic: any number of
// decimals as long as those beyond the currency's are zeros, thousands
// separators only in groups of three, and nothing else.
func TestDecimalMinor_ReadsDecimalTextWithoutFloats(t *testing.T) {
	cases := []struct {
		text       string
		dec, group byte
		exp        int
		want       int64
		key        string
	}{
		{"18.150", '.', 0, 2, 1815, ""},             // CAMT: three decimals, the last a zero
		{"18.155", '.', 0, 2, 0, keyAmountDecimals}, // a real third decimal in EUR
		{"0.1", '.', 0, 2, 10, ""},
		{"-33.3", '.', 0, 2, -3330, ""}, // OFX with one decimal
		{"+120", '.', 0, 2, 12000, ""},
		{".50", '.', 0, 2, 50, ""},
		{"300,", ',', 0, 2, 30000, ""},               // MT940 without decimals
		{"000000001213,28", ',', 0, 2, 121328, ""},   // zero-padded
		{"1.234.567", ',', '.', 0, 1234567, ""},      // CLP
		{"1.234.567,89", ',', '.', 2, 123456789, ""}, // COP
		{"1,234,567.89", '.', ',', 2, 123456789, ""}, // MXN
		{"1500.00", '.', 0, 0, 1500, ""},             // CLP written with zero cents
		{"1500.50", '.', 0, 0, 0, keyAmountDecimals}, // CLP cannot have cents
		{"5442.09000", '.', 0, 2, 544209, ""},        // RON with five decimals
		{"1.23.456", ',', '.', 2, 0, keyBadAmount},   // a group of two
		{"1234.567", ',', '.', 2, 0, keyBadAmount},   // four digits before a separator
		{"$120", '.', 0, 2, 0, keyBadAmount},         // a currency sign
		{"12a", '.', 0, 2, 0, keyBadAmount},          // a letter
		{"", '.', 0, 2, 0, keyBadAmount},             // nothing
		{"-", '.', 0, 2, 0, keyBadAmount},            // a sign alone
		{".", '.', 0, 2, 0, keyBadAmount},            // a point alone
		{"1.2.3", '.', 0, 2, 0, keyBadAmount},        // two decimal points
		{"99999999999999999", '.', 0, 2, 0, keyAmountTooLarge},
		{"999999999999999", '.', 0, 2, 99999999999999900, ""},
	}
	for _, c := range cases {
		got, key := decimalMinor(c.text, c.dec, c.group, c.exp)
		if got != c.want || key != c.key {
			t.Errorf("decimalMinor(%q, %q, %q, %d) = %d, %q; want %d, %q", c.text, c.dec, c.group, c.exp, got, key, c.want, c.key)
		}
	}
}

// Unknown ISO currencies (the sample files carry HUF, PLN, RON, SEK) count
// two decimals; the known ones follow backend/money.
func TestMinorDigits_KnownAndUnknownCurrencies(t *testing.T) {
	for cur, want := range map[string]int{"CLP": 0, "USD": 2, "MXN": 2, "CLF": 4, "HUF": 2, "SEK": 2, "": 2} {
		if got := minorDigits(cur); got != want {
			t.Errorf("minorDigits(%q) = %d, want %d", cur, got, want)
		}
	}
}

// Valid UTF-8 wins over what a file declares; bytes that are not UTF-8 are
// read in the declared charset, else in Windows-1252.
func TestTextOf_UTF8WinsThenDeclaredThenWindows1252(t *testing.T) {
	latin1 := []byte("DEP\xd3SITO")
	cases := []struct {
		name     string
		in       []byte
		declared string
		want     string
	}{
		{"utf-8 declared 1252", []byte("DEPÓSITO"), "1252", "DEPÓSITO"},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, "DEPÓSITO"...), "", "DEPÓSITO"},
		{"latin-1 declared 1252", latin1, "1252", "DEPÓSITO"},
		{"latin-1 declared UTF-8 (a lie)", latin1, "UTF-8", "DEPÓSITO"},
		{"latin-1 declared nothing", latin1, "", "DEPÓSITO"},
		{"ISO-8859-1 name", latin1, "ISO-8859-1", "DEPÓSITO"},
		{"CP852 declared", []byte("\xa0tutal\xa0s"), "852", "átutalás"},
	}
	for _, c := range cases {
		if got := textOf(c.in, c.declared); got != c.want {
			t.Errorf("%s: textOf = %q, want %q", c.name, got, c.want)
		}
	}
}

// Text whose charset nothing declares is read in the charset under which its
// accented bytes are letters: CP852 for the Raiffeisen (Hungary) file,
// Windows-1250 for Polish, Windows-1252 for Spanish.
func TestGuessedText_PicksTheCharsetOfLetters(t *testing.T) {
	cases := []struct {
		want string
		cm   *charmap.Charmap
	}{
		{"Csoportos átutalás jóváírása, napi összevont utánvét", charmap.CodePage852},
		{"Przelew środków, opłata za prowadzenie rachunku, Łódź", charmap.Windows1250},
		{"DEPÓSITO EN EFECTIVO SUCURSAL ÑUÑOA, COMISIÓN MANTENCIÓN", charmap.Windows1252},
		{"plain ASCII", charmap.Windows1252},
	}
	for _, c := range cases {
		raw, err := c.cm.NewEncoder().Bytes([]byte(c.want))
		if err != nil {
			t.Fatalf("encoding %q: %v", c.want, err)
		}
		if got := guessedText(raw); got != c.want {
			t.Errorf("guessedText(%s bytes) = %q, want %q", c.cm, got, c.want)
		}
	}
}

// Free text is joined with single spaces, runs of white space collapse and a
// piece that repeats the one before it is dropped.
func TestJoinFreeText_CollapsesSpaceAndRepeats(t *testing.T) {
	cases := []struct {
		in   []string
		want string
	}{
		{[]string{"TED-CRÉDITO EM CONTA      ", ""}, "TED-CRÉDITO EM CONTA"},
		{[]string{"CXE     000026\tSAQUE"}, "CXE 000026 SAQUE"},
		{[]string{"RENT MONEY", "RENT MONEY"}, "RENT MONEY"},
		{[]string{"A", " ", "B\u00a0\u00a0C"}, "A B C"},
		{nil, ""},
	}
	for _, c := range cases {
		if got := joinFreeText(c.in...); got != c.want {
			t.Errorf("joinFreeText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Entities and character references are replaced; a raw "&" stays.
func TestUnescapeMarkup_EntitiesAndRawAmpersands(t *testing.T) {
	cases := map[string]string{
		"Amazon & Cloud 3/3":        "Amazon & Cloud 3/3",
		"PÉREZ &amp; HIJOS":         "PÉREZ & HIJOS",
		"&lt;FACTURA 88&gt;":        "<FACTURA 88>",
		"a &#209; b &#xD1; c":       "a Ñ b Ñ c",
		"&unknown; & &amp":          "&unknown; & &amp",
		"IOF de &quot;Leupay&quot;": `IOF de "Leupay"`,
	}
	for in, want := range cases {
		if got := unescapeMarkup(in); got != want {
			t.Errorf("unescapeMarkup(%q) = %q, want %q", in, got, want)
		}
	}
}

// The markup scanner cuts tags and text and counts lines; XML that breaks
// off inside a tag is told as truncated, a "<" that starts no tag is text in
// SGML and damage in XML.
func TestMarkupScanner_TagsTextLinesAndDamage(t *testing.T) {
	sc := newMarkupScanner("<?xml version=\"1.0\"?>\n<!-- c -->\n<a x=\"1>2\">\n t <b/></a>", false)
	var got []string
	var tok markupToken
	for {
		if p := sc.next(&tok); p != nil {
			t.Fatalf("unexpected problem at line %d", p.line)
		}
		if tok.kind == markupEOF {
			break
		}
		switch tok.kind {
		case markupStart:
			got = append(got, "<"+tok.name+">@"+itoa(sc.lineOf(tok.pos)))
		case markupEnd:
			got = append(got, "</"+tok.name+">@"+itoa(sc.lineOf(tok.pos)))
		case markupText:
			if !isBlank(tok.text) {
				got = append(got, "text@"+itoa(sc.lineOf(tok.pos)))
			}
		}
	}
	want := "<a>@3 text@3 <b>@4 </a>@4"
	if g := joinFreeText(got...); g != want {
		t.Errorf("tokens = %s, want %s", g, want)
	}
	if v, ok := attrValue(` x="1>2" Ccy='EUR'`, "Ccy"); !ok || v != "EUR" {
		t.Errorf("attrValue Ccy = %q, %v", v, ok)
	}
	_, p := newMarkupScanner("<a>\n<b", false).scanAll()
	if p == nil || !p.truncated || p.line != 2 {
		t.Errorf("a tag cut at the end: problem %+v, want truncated at line 2", p)
	}
	if _, p := newMarkupScanner("<a>1 < 2</a>", false).scanAll(); p == nil || p.truncated {
		t.Errorf("XML with a bare '<': problem %+v, want damage", p)
	}
	if _, p := newMarkupScanner("<MEMO>1 < 2\n<NAME>x", true).scanAll(); p != nil {
		t.Errorf("SGML with a bare '<': problem %+v, want none", p)
	}
}

// scanAll reads every token, for tests.
func (s *markupScanner) scanAll() (int, *markupProblem) {
	n := 0
	var tok markupToken
	for {
		if p := s.next(&tok); p != nil {
			return n, p
		}
		if tok.kind == markupEOF {
			return n, nil
		}
		n++
	}
}
