package bankfile

import (
	"cartera/backend/internal/sharedtest"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Every shared OFX sample and every own OFX fixture reads to its golden lines
// (or, for the broken ones, to its golden error).
func TestOFX_Golden(t *testing.T) {
	goldenFormat(t, FormatOFX, claimOFX, parseOFX, goldenGroup{"shared-ofx", sharedFiles(t, "ofx")}, goldenGroup{"ofx", ownFixtures(t, "ofx")})
}

func readShared(t *testing.T, sub, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sharedtest.BankDir(t), sub, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// OFX is told from its first bytes: the SGML header, a bare <OFX>, or an
// XML prolog with <?OFX, after a BOM or blank lines; nothing else.
func TestClaimOFX_FromFirstBytes(t *testing.T) {
	cases := map[string]bool{
		"OFXHEADER:100\r\nDATA:OFXSGML":                             true,
		"\r\n\r\n<OFX>\r\n<SIGNONMSGSRSV1>":                         true,
		"\xef\xbb\xbf<OFX>":                                         true,
		"<?xml version=\"1.0\"?>\n<?OFX OFXHEADER=\"200\"?>\n<OFX>": true,
		"<?xml version=\"1.0\"?><!-- export --><OFX>":               true,
		"<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso\">":     false,
		":20:STARTUMS\n:25:123":                                     false,
		"!Type:Bank\nD01/01/2024":                                   false,
		"FECHA;DESCRIPCION;MONTO\n01/01/2024;OFX;1":                 false,
		"": false,
	}
	for head, want := range cases {
		if got := claimOFX([]byte(head)); got != want {
			t.Errorf("claimOFX(%q) = %v, want %v", head, got, want)
		}
	}
}

// Banco do Brasil puts two STMTRS in one STMTTRNRS: both are statements,
// the first with an empty transaction list; values keep no trailing spaces.
func TestOFX_TwoStatementsInOneResponse(t *testing.T) {
	f, err := parseOFX(readShared(t, "ofx", "bb_two_stmtrs_latin1.ofx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Statements) != 2 || len(f.Statements[0].Lines) != 0 || len(f.Statements[1].Lines) != 36 {
		t.Fatalf("statements/lines = %d, want 2 with 0 and 36 lines", len(f.Statements))
	}
	if a := f.Statements[0].Account + "|" + f.Statements[1].Account; a != "455000-5|655000-2" {
		t.Errorf("accounts = %q", a)
	}
	last := f.Statements[1].Lines[35]
	if last.Row != 36 || last.Amount != -6800 || last.Description != "TARIFA PACOTE DE SERVIÇOS" || last.Reference != "01096659" {
		t.Errorf("last line = %+v", last)
	}
}

// The header's CHARSET may lie: UTF-8 bytes declared 1252 stay UTF-8, and
// 1252 bytes declared UTF-8 are read as 1252.
func TestOFX_CharsetThatLies(t *testing.T) {
	f, err := parseOFX(readShared(t, "ofx", "bb_utf8_despite_charset1252.ofx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d := f.Statements[0].Lines[0].Description; d != "DOC CRÉDITO EM CONTA" {
		t.Errorf("UTF-8 declared 1252: %q", d)
	}
	b, err := os.ReadFile("testdata/ofx/trap_charset_says_utf8_bytes_1252.ofx")
	if err != nil {
		t.Fatal(err)
	}
	f, err = parseOFX(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p := f.Statements[0].Lines[0].Payer; p != "PAGO PROVEEDOR CAFÉ ÑAME SAS" {
		t.Errorf("1252 declared UTF-8: %q", p)
	}
}

// An empty ledger balance is no balance, not an error; the available
// balance stands in for it when there is one.
func TestOFX_EmptyLedgerBalance(t *testing.T) {
	doc := func(ledger, avail string) []byte {
		s := "OFXHEADER:100\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD\n<BANKACCTFROM><ACCTID>1\n</BANKACCTFROM>\n" +
			"<BANKTRANLIST><DTSTART>20240101\n<DTEND>20240131\n</BANKTRANLIST>\n<LEDGERBAL><BALAMT>" + ledger + "\n<DTASOF>20240131\n</LEDGERBAL>\n"
		if avail != "" {
			s += "<AVAILBAL><BALAMT>" + avail + "\n<DTASOF>20240130\n</AVAILBAL>\n"
		}
		return []byte(s + "</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n")
	}
	cases := []struct {
		ledger, avail string
		want          *Balance
	}{
		{"12.50", "99", bal("2024-01-31", 1250)},
		{"", "99", bal("2024-01-30", 9900)},
		{"", "", nil},
	}
	for _, c := range cases {
		f, err := parseOFX(doc(c.ledger, c.avail), Options{})
		if err != nil {
			t.Fatalf("ledger %q avail %q: %v", c.ledger, c.avail, err)
		}
		got := f.Statements[0].Closing
		if (got == nil) != (c.want == nil) || got != nil && *got != *c.want {
			t.Errorf("ledger %q avail %q: closing %+v, want %+v", c.ledger, c.avail, got, c.want)
		}
	}
}

// "$120" is not an amount: the file gives an error on the line of the
// amount, and nothing of it is read.
func TestOFX_DollarSignInAmountIsAnErrorOnItsLine(t *testing.T) {
	f, err := parseOFX(readShared(t, "ofx", "decimal_error_dollar_sign.ofx"), Options{})
	var be *Error
	if !errors.As(err, &be) {
		t.Fatalf("err = %v, want *Error", err)
	}
	if be.Line != 37 || be.Key != "bank.formats.bad_amount" || be.Params["value"] != "$120" || be.Format != FormatOFX {
		t.Errorf("error = %+v", be)
	}
	if len(f.Statements) != 0 {
		t.Errorf("a file with an error gave %d statements", len(f.Statements))
	}
}

// OFX dates are read as the calendar day the bank wrote, whatever the zone.
func TestOFXDate_DayAsWritten(t *testing.T) {
	cases := map[string]string{
		"20190918100000[-03:EST]":    "2019-09-18",
		"20181026000000[-3:GMT]":     "2018-10-26",
		"20240205235959.123[+9:JST]": "2024-02-05",
		"20170220 ":                  "2017-02-20",
		"20240229":                   "2024-02-29",
		"20230229":                   "",
		"201120000000":               "",
		"2024-01-01":                 "",
		"":                           "",
	}
	for in, want := range cases {
		got, err := ofxDate(ofxValue{text: in, line: 1})
		if want == "" {
			if err == nil {
				t.Errorf("ofxDate(%q) = %s, want an error", in, got)
			}
			continue
		}
		if err != nil || got.String() != want {
			t.Errorf("ofxDate(%q) = %s, %v; want %s", in, got, err, want)
		}
	}
}
