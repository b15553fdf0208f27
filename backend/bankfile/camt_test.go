package bankfile

import (
	"os"
	"testing"
)

// Every shared CAMT sample (052, 053, 054) and every own CAMT fixture reads
// to its golden lines, or to its golden error.
func TestCAMT_Golden(t *testing.T) {
	goldenFormat(t, FormatCAMT, claimCAMT, parseCAMT,
		goldenGroup{"shared-camt052", sharedFiles(t, "camt052")}, goldenGroup{"shared-camt053", sharedFiles(t, "camt053")},
		goldenGroup{"shared-camt054", sharedFiles(t, "camt054")}, goldenGroup{"camt", ownFixtures(t, "camt")})
}

// CAMT is an XML Document in a camt namespace, or with a camt message in it
// whatever its namespace; an OFX 2 or another XML document is not.
func TestClaimCAMT_FromFirstBytes(t *testing.T) {
	cases := map[string]bool{
		`<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>`: true,
		`<ns2:Document xmlns:ns2="urn:iso:std:iso:20022:tech:xsd:camt.052.001.04">`:                             true,
		"\xef\xbb\xbf<!-- c --><Document><BkToCstmrDbtCdtNtfctn>":                                               true,
		`<Document xmlns="urn:bank:own"><BkToCstmrAcctRpt>`:                                                     true,
		`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn>`:                   false,
		`<?xml version="1.0"?><?OFX OFXHEADER="200"?><OFX>`:                                                     false,
		`<html><body>Document</body></html>`:                                                                    false,
		":20:X\n:25:Y":                                                                                          false,
	}
	for head, want := range cases {
		if got := claimCAMT([]byte(head)); got != want {
			t.Errorf("claimCAMT(%q) = %v, want %v", head, got, want)
		}
	}
}

// A namespace that names another message or version is refused; none, or a
// bank's own, is accepted when the elements are a camt message.
func TestCheckCAMTNamespace(t *testing.T) {
	cases := []struct {
		ns, msg string
		ok      bool
	}{
		{"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02", "053", true},
		{"urn:iso:std:iso:20022:tech:xsd:camt.053.001.13", "053", true},
		{"urn:iso:std:iso:20022:tech:xsd:camt.052.001.06", "052", true},
		{"", "054", true},
		{"http://www.banco.example/camt", "053", true},
		{"urn:iso:std:iso:20022:tech:xsd:camt.053.001.14", "053", false},
		{"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", "052", false},
		{"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03", "053", false},
		{"urn:iso:std:iso:20022:tech:xsd:camt.053.001.XX", "053", false},
	}
	for _, c := range cases {
		if err := checkCAMTNamespace(c.ns, c.msg, 2); (err == nil) != c.ok {
			t.Errorf("namespace %q for camt.%s: err = %v, want ok %v", c.ns, c.msg, err, c.ok)
		}
	}
}

// "18.150" EUR is 18.15 EUR: CAMT amounts carry any number of decimals.
func TestCAMT_AmountsWithThreeDecimals(t *testing.T) {
	f, err := parseCAMT(readShared(t, "camt053", "genkgo_camt053.v2.five.decimals.xml"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	st := f.Statements[0]
	if st.Opening.Amount != 1815 || st.Closing.Amount != 2705 || st.Lines[0].Amount != 885 {
		t.Errorf("opening %d, closing %d, line %d; want 1815, 2705, 885", st.Opening.Amount, st.Closing.Amount, st.Lines[0].Amount)
	}
}

// A batch entry whose transaction details carry amounts that add up to it
// becomes one line per transaction, all with the entry's Row and each with
// an id of its own; the statement's balances still agree.
func TestCAMT_BatchEntrySplitsIntoTransactions(t *testing.T) {
	f, err := parseCAMT(readShared(t, "camt053", "moov_FI_camt_053_sample.xml"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	st := f.Statements[0]
	var rows3 []Line
	ids := map[string]bool{}
	for _, l := range st.Lines {
		if l.Row == 3 {
			rows3 = append(rows3, l)
		}
		if l.BankTxnID != "" {
			if ids[l.BankTxnID] {
				t.Errorf("BankTxnID %q twice", l.BankTxnID)
			}
			ids[l.BankTxnID] = true
		}
	}
	if len(rows3) != 3 || rows3[0].Amount+rows3[1].Amount+rows3[2].Amount != -423005 {
		t.Errorf("entry 3: %d lines, want 3 adding up to -4230.05", len(rows3))
	}
	if c := st.Check(); !c.OK {
		t.Errorf("balance check %+v", c)
	}
}

// A reversed credit is money out: the line keeps the sign the bank booked
// (DBIT) and says it is a reversal; the payer is still the original debtor.
func TestCAMT_ReversalKeepsTheBookedSign(t *testing.T) {
	b, err := os.ReadFile("testdata/camt/mx_camt053_v08_bbva.xml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := parseCAMT(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var rev *Line
	for i, l := range f.Statements[0].Lines {
		if l.Reversal {
			rev = &f.Statements[0].Lines[i]
		}
		if l.Row == 6 {
			t.Errorf("the pending entry 6 was read: %+v", l)
		}
	}
	if rev == nil || rev.Amount != -1250050 || rev.Payer != "COMERCIALIZADORA DEL NORTE SA DE CV" {
		t.Errorf("reversal = %+v", rev)
	}
}

// Dates come as Dt, DtTm, or either inside a Dt choice; the day is the one written.
func TestCAMTDate_Shapes(t *testing.T) {
	cases := map[string]string{
		"<BookgDt><Dt>2014-12-31</Dt></BookgDt>":                                 "2014-12-31",
		"<BookgDt><DtTm>2014-12-31T23:15:00-05:00</DtTm></BookgDt>":              "2014-12-31",
		"<Dt><Dt>2025-07-23</Dt></Dt>":                                           "2025-07-23",
		"<Dt><DtTm>2025-07-23T00:00:00.000000000</DtTm></Dt>":                    "2025-07-23",
		"<BookgDt><Dt><DtTm>2025-07-23T00:00:00.000000000</DtTm></Dt></BookgDt>": "2025-07-23",
		"<Dt><Dt>2024-02-30</Dt></Dt>":                                           "",
		"<Dt><Dt>31/12/2014</Dt></Dt>":                                           "",
		"<Dt></Dt>":                                                              "",
	}
	for xml, want := range cases {
		r := newCAMTReader(xml, Options{})
		tok, err := r.tag()
		if err != nil {
			t.Fatal(err)
		}
		n, err := r.subtree(tok)
		if err != nil {
			t.Fatalf("%s: %v", xml, err)
		}
		got, err := camtDate(&r.tree, n)
		if want == "" {
			if err == nil {
				t.Errorf("%s: %s, want an error", xml, got)
			}
		} else if err != nil || got.String() != want {
			t.Errorf("%s: %s, %v; want %s", xml, got, err, want)
		}
	}
}
