package bankfile

import (
	"errors"
	"os"
	"testing"
)

// Every shared QIF sample and every own QIF fixture reads to its golden
// lines, or to its golden error.
func TestQIF_Golden(t *testing.T) {
	goldenFormat(t, FormatQIF, claimQIF, parseQIF, goldenGroup{"shared-qif", sharedFiles(t, "qif")}, goldenGroup{"qif", ownFixtures(t, "qif")})
}

// QIF is told from its first header, after "#" comment lines.
func TestClaimQIF_FromFirstBytes(t *testing.T) {
	cases := map[string]bool{
		"!Type:Bank\r\nD01/01/2010":          true,
		"!Tipo:Banco\r\nD01/10/2019":         true,
		"\xef\xbb\xbf!type:ccard\n":          true,
		"### exported\n\n!Type:Class\nNTest": true,
		"!Account\nNCuenta\nTBank\n^":        true,
		"!Option:AutoSwitch\n!Account":       true,
		"D01/01/2010\nT-10.00\n^":            false,
		"FECHA;DESCRIPCION\n!Type:Bank":      false,
		"OFXHEADER:100":                      false,
	}
	for head, want := range cases {
		if got := claimQIF([]byte(head)); got != want {
			t.Errorf("claimQIF(%q) = %v, want %v", head, got, want)
		}
	}
}

// The date order is decided once for the file: a number above 12 tells;
// otherwise Latin American countries and Spanish headers read day first,
// and the rest the US order; both orders in one file is an error.
func TestQIF_DateOrderPerFile(t *testing.T) {
	cases := []struct {
		dates    []string
		country  string
		spanish  bool
		dayFirst bool
		err      bool
	}{
		{[]string{"01/01/2010", "01/06/2010", "29/12/2010"}, "", false, true, false},
		{[]string{"2/10'2020", "2/14'2020"}, "CL", true, false, false},
		{[]string{"03/04/2024", "05/04/2024"}, "MX", false, true, false},
		{[]string{"03/04/2024"}, "", true, true, false},
		{[]string{"03/04/2024"}, "", false, false, false},
		{[]string{"03/04/2024"}, "US", true, false, false},
		{[]string{"2024-04-03", "03/04/2024"}, "CO", false, true, false},
		{[]string{"13/01/2024", "01/13/2024"}, "", false, false, true},
		{[]string{"1/ 1'00"}, "", false, false, false},
	}
	for _, c := range cases {
		var recs []qifRecord
		for i, d := range c.dates {
			recs = append(recs, qifRecord{date: qifField{text: d, line: i + 1}})
		}
		got, err := qifDateOrder(recs, c.country, c.spanish)
		if (err != nil) != c.err || err == nil && got != c.dayFirst {
			t.Errorf("%v %q spanish=%v: dayFirst %v, err %v; want %v, err %v", c.dates, c.country, c.spanish, got, err, c.dayFirst, c.err)
		}
	}
}

// QIF dates in their many shapes.
func TestQIFDate_Shapes(t *testing.T) {
	cases := []struct {
		in       string
		dayFirst bool
		want     string
	}{
		{"1/ 1'00", false, "2000-01-01"},
		{"2/10'2020", false, "2020-02-10"},
		{"12/31/99", false, "1999-12-31"},
		{"12/31/24", false, "2024-12-31"},
		{"29/12/2010", true, "2010-12-29"},
		{" 5/03/2024", true, "2024-03-05"},
		{"31.12.2019", true, "2019-12-31"},
		{"2019-12-31", true, "2019-12-31"},
		{"2019-12-31", false, "2019-12-31"},
		{"02/30/2024", false, ""},
		{"1/1", false, ""},
		{"1/1/123", false, ""},
		{"a/b/c", false, ""},
	}
	for _, c := range cases {
		got, ok := qifDate(c.in, c.dayFirst)
		if ok != (c.want != "") || ok && got.String() != c.want {
			t.Errorf("qifDate(%q, dayFirst=%v) = %s, %v; want %q", c.in, c.dayFirst, got, ok, c.want)
		}
	}
}

// The decimal separator is decided once for the file: the style every
// amount fits, else the country's; amounts written both ways are an error.
func TestQIF_NumberStylePerFile(t *testing.T) {
	cases := []struct {
		amounts []string
		exp     int
		country string
		spanish bool
		dec     byte
		errKey  string
	}{
		{[]string{"+13.000.000,00", "-23.000,00"}, 2, "", true, ',', ""},
		{[]string{"-1,010.00", "-30,020.00", "30.00"}, 2, "", false, '.', ""},
		{[]string{"1.234.567", "-2.500", "150.000"}, 0, "CL", true, ',', ""},
		{[]string{"1.500", "2.250"}, 2, "CO", false, ',', ""},
		{[]string{"1.500", "2.250"}, 2, "MX", false, '.', ""},
		{[]string{"1.500", "2.250"}, 2, "", false, '.', ""},
		{[]string{"1.500", "2.250"}, 2, "", true, ',', ""},
		{[]string{"67.50", "0.00", "-10.00"}, 2, "CL", true, '.', ""},
		{[]string{"-1.234,50", "1,234.50"}, 2, "", false, 0, "bank.formats.qif_mixed_amounts"},
		{[]string{"10.00", "20 dolares"}, 2, "", false, 0, "bank.formats.bad_amount"},
		{[]string{"10.005"}, 2, "MX", false, ',', ""}, // the only reading: ten thousand and five
		{[]string{"1.50", "10.005"}, 2, "MX", false, 0, "bank.formats.qif_mixed_amounts"},
		{[]string{"1.234.567", "1.234,5"}, 0, "CL", true, 0, "bank.formats.amount_decimals"},
	}
	for _, c := range cases {
		var recs []qifRecord
		for i, a := range c.amounts {
			recs = append(recs, qifRecord{amount: qifField{text: a, line: i + 1}})
		}
		dec, _, err := qifNumberStyle(recs, c.exp, c.country, c.spanish, "")
		var be *Error
		switch {
		case c.errKey != "" && (!errors.As(err, &be) || be.Key != c.errKey):
			t.Errorf("%v: err %v, want %s", c.amounts, err, c.errKey)
		case c.errKey == "" && (err != nil || dec != c.dec):
			t.Errorf("%v exp %d %q: dec %q, err %v; want %q", c.amounts, c.exp, c.country, dec, err, c.dec)
		}
	}
}

// Split lines (S, E, $) do not add to the line's amount, a date inside a
// split is not the record's, and Quicken's "Opening Balance" record is the
// statement's opening balance, not a deposit.
func TestQIF_SplitsAndOpeningBalance(t *testing.T) {
	b, err := os.ReadFile("testdata/qif/trap_accounts_opening_splits.qif")
	if err != nil {
		t.Fatal(err)
	}
	f, err := parseQIF(b, Options{Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	st := f.Statements[0]
	if st.Account != "Cuenta Corriente" || st.Opening == nil || st.Opening.Amount != 150000 || len(st.Lines) != 2 {
		t.Fatalf("statement = %+v", st)
	}
	if l := st.Lines[1]; l.Amount != -9000 || l.Date.String() != "2024-02-03" {
		t.Errorf("split line = %+v", l)
	}
	if f.Statements[1].Account != "Tarjeta Visa" || f.Statements[1].Lines[0].Amount != -4599 {
		t.Errorf("card statement = %+v", f.Statements[1])
	}
}
