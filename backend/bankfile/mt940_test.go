package bankfile

import (
	"errors"
	"strings"

	"cartera/backend/date"
	"testing"
)

// Every shared MT940/MT942 sample and every own fixture reads to its golden
// lines, or to its golden error.
func TestMT940_Golden(t *testing.T) {
	goldenFormat(t, FormatMT940, claimMT940, parseMT940, goldenGroup{"shared-mt940", sharedFiles(t, "mt940")}, goldenGroup{"mt940", ownFixtures(t, "mt940")})
}

// MT940 is told from its first field, after an envelope or a ":940:" line.
func TestClaimMT940_FromFirstBytes(t *testing.T) {
	cases := map[string]bool{
		":20:STARTUMS\n:25:UBRTHUHB/1\n:28C:0072":                              true,
		"\x01\r\n:20:ST170119CYC/1\r\n:25:PL29":                                true,
		":940:\n:20:940A110615\n:25:1291.99.348EUR":                            true,
		"{1:F01BANKBEBBAXXX0000000000}{2:O940}{4:\n:20:X\n:25:Y\n:60F:C240101": true,
		"\r\n:20:STARTUMSE\r\n:25:12345678/1020304050":                         true,
		":60F:C100318EUR380115,12\n:60F:C100318EUR0,12":                        true,
		":20:X\nsomething else":                                                false,
		"!Type:Bank\n":                                                         false,
		"FECHA;:20:;MONTO":                                                     false,
		"OFXHEADER:100":                                                        false,
	}
	for head, want := range cases {
		if got := claimMT940([]byte(head)); got != want {
			t.Errorf("claimMT940(%q) = %v, want %v", head, got, want)
		}
	}
}

// YYMMDD dates: German banks' 30 February (30/360 interest) is February's
// last day; any other impossible day is refused.
func TestSwiftDate_February30AndImpossibleDays(t *testing.T) {
	cases := map[string]string{
		"160230": "2016-02-29",
		"150230": "2015-02-28",
		"150229": "2015-02-28",
		"240229": "2024-02-29",
		"160231": "",
		"240431": "",
		"241301": "",
		"991231": "1999-12-31",
		"000101": "2000-01-01",
		"24010":  "",
	}
	for in, want := range cases {
		got, ok := swiftDate(in)
		if ok != (want != "") || ok && got.String() != want {
			t.Errorf("swiftDate(%q) = %s, %v; want %q", in, got, ok, want)
		}
	}
}

// The entry date MMDD takes the year that puts it nearest the value date.
func TestEntryDate_AcrossNewYear(t *testing.T) {
	cases := []struct {
		value string
		m, d  int
		want  string
	}{
		{"2023-12-31", 1, 2, "2024-01-02"},
		{"2024-01-02", 12, 31, "2023-12-31"},
		{"2024-03-01", 3, 4, "2024-03-04"},
		{"2016-02-29", 3, 1, "2016-03-01"},
		{"2016-03-01", 2, 30, "2016-02-29"},
	}
	for _, c := range cases {
		got, ok := entryDate(date.MustParse(c.value), c.m, c.d)
		if !ok || got.String() != c.want {
			t.Errorf("entryDate(%s, %02d%02d) = %s, %v; want %s", c.value, c.m, c.d, got, ok, c.want)
		}
	}
}

// A :61: line gives dates, sign, reversal, amount, type and references in
// the shapes banks write it.
func TestMT940_MovementLine(t *testing.T) {
	cases := []struct {
		field              string
		date, value        string
		amount             int64
		reversal           bool
		code, ref, bankRef string
	}{
		{"0709040904CR300,NTRFTFNr 40005 MSGID//0724710345313905", "2007-09-04", "2007-09-04", 30000, false, "NTRF", "TFNr 40005 MSGID", "0724710345313905"},
		{"0709040904RCR204,88NRTINONREF", "2007-09-04", "2007-09-04", -20488, true, "NRTI", "", ""},
		{"0709040904RD5,NRTINONREF", "2007-09-04", "2007-09-04", 500, true, "NRTI", "", ""},
		{"1602300301DR6,00N024NONREF", "2016-03-01", "2016-02-29", -600, false, "N024", "", ""},
		{"180417CF2066637,00N527", "2018-04-17", "2018-04-17", 206663700, false, "N527", "", ""},
		{"110527D000000001213,28N0440121470966      W.P. Jansen", "2011-05-27", "2011-05-27", -121328, false, "N044", "0121470966", ""},
		{"1701190119CN0,01NTRFNONREF//MB170119012058", "2017-01-19", "2017-01-19", 1, false, "NTRF", "", "MB170119012058"},
		{"2312310102CD150000,NTRFNONREF//DEP778899", "2024-01-02", "2023-12-31", 15000000, false, "NTRF", "", "DEP778899"},
	}
	for _, c := range cases {
		r := &mt940Reader{opt: Options{Currency: "EUR"}}
		r.begin(1)
		if err := r.movement(&swiftField{tag: "61", lines: []string{c.field}, line: 1}); err != nil {
			t.Errorf("%s: %v", c.field, err)
			continue
		}
		l := r.stmt.current
		if l.Date.String() != c.date || l.ValueDate.String() != c.value || l.Amount != c.amount || l.Reversal != c.reversal ||
			l.Code != c.code || l.Reference != c.ref || l.BankTxnID != c.bankRef {
			t.Errorf("%s:\n got  %s %s %d %v %q %q %q\n want %s %s %d %v %q %q %q", c.field,
				l.Date, l.ValueDate, l.Amount, l.Reversal, l.Code, l.Reference, l.BankTxnID,
				c.date, c.value, c.amount, c.reversal, c.code, c.ref, c.bankRef)
		}
	}
}

// The amount shapes of the shared betterplace_amount_formats.sta ('380115,'
// '0,12' '00,12' '001,12') read as opening balances, each put in a statement
// of its own (the file itself is a list of balance lines, not a statement).
func TestMT940_AmountFormatsOfTheSharedFile(t *testing.T) {
	raw := readShared(t, "mt940", "betterplace_amount_formats.sta")
	want := []int64{38011512, 38011510, 38011500, 12, 12, 112}
	var got []int64
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		line = strings.TrimSpace(line)
		doc := ":20:T\n:25:1\n" + line + "\n:62F:" + strings.TrimPrefix(line, ":60F:") + "\n"
		f, err := parseMT940([]byte(doc), Options{})
		if err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		got = append(got, f.Statements[0].Opening.Amount)
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("balance %d = %d, want %d", i+1, got[i], want[i])
		}
	}
	// Read as it is, the file is a run of opening balances with no closing
	// one: not a statement to import.
	if _, err := parseMT940(raw, Options{}); err == nil {
		t.Error("the bare list of balances was read as a statement")
	}
}

// A statement cut anywhere before its closing balance is an error naming the
// line, never half a statement.
func TestMT940_CutAnywhereIsAnError(t *testing.T) {
	raw := string(readShared(t, "mt940", "betterplace_sepa_mt9401.sta"))
	lines := strings.SplitAfter(raw, "\n")
	complete, closing := 0, ""
	for i := 1; i < len(lines); i++ {
		cut := strings.Join(lines[:i], "")
		last := strings.TrimSpace(lines[i-1])
		if strings.HasPrefix(last, ":62") {
			closing = last[:5]
		} else if strings.HasPrefix(last, ":60") {
			closing = ""
		}
		f, err := parseMT940([]byte(cut), Options{})
		// Complete: after a final closing balance (:62F:), not after an
		// intermediate one (:62M:), whose next page is still to come.
		done := closing == ":62F:" && (last == "-" || strings.HasPrefix(last, ":62F:") || strings.HasPrefix(last, ":64:"))
		switch {
		case done && err != nil:
			t.Errorf("cut after line %d (%q), a complete statement: %v", i, last, err)
		case !done && err == nil:
			t.Errorf("cut after line %d (%q): read %d lines, want an error", i, last, f.Lines())
		case !done:
			var be *Error
			if !errors.As(err, &be) || be.Line != i {
				t.Errorf("cut after line %d: error %v, want one on line %d", i, err, i)
			}
		default:
			complete++
		}
	}
	if complete < 20 {
		t.Errorf("only %d cuts fell between statements", complete)
	}
}

// Structured :86: text is cut into subfields after its lines are joined, so a
// subfield mark broken over two lines ("?2" + "2MTLG") still counts.
func TestMT940_SubfieldMarkCutAcrossLines(t *testing.T) {
	doc := ":20:T\n:25:1\n:60F:C070903EUR0,\n:61:0709040904DR500250,NTRFKREF+//BD7CFA74485E7E69\n" +
		":86:191?00SEPA-UEBERW?100399?20KREF+TFNr 01005 PayId CTSc-?2101 EBB?2\n" +
		"2MTLG:SEPA-Ueberweisungsauft?23rag Datei mit 0000005 Zahlu?24ngen?32Richter Renate 70 Zeichen B?33eginn\n" +
		":62F:D070904EUR500250,\n"
	f, err := parseMT940([]byte(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	l := f.Statements[0].Lines[0]
	if !strings.Contains(l.Description, "MTLG:SEPA-Ueberweisungsauftrag Datei mit 0000005 Zahlungen") {
		t.Errorf("description %q", l.Description)
	}
	if l.Payer != "Richter Renate 70 Zeichen Beginn" {
		t.Errorf("payer %q", l.Payer)
	}
}
