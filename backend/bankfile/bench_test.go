package bankfile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchEntries is the size of the statements the benchmarks read: the
// issue's 100,000-line import.
const benchEntries = 100000

// bigOFX is an OFX 1.x statement of n transactions in the shape banks write.
func bigOFX(n int) []byte {
	var b strings.Builder
	b.WriteString("OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nCHARSET:1252\r\n\r\n<OFX>\r\n<BANKMSGSRSV1>\r\n<STMTTRNRS>\r\n<TRNUID>1\r\n<STMTRS>\r\n<CURDEF>CLP\r\n")
	b.WriteString("<BANKACCTFROM>\r\n<BANKID>012\r\n<ACCTID>00012345678\r\n<ACCTTYPE>CHECKING\r\n</BANKACCTFROM>\r\n<BANKTRANLIST>\r\n<DTSTART>20240101\r\n<DTEND>20241231\r\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<STMTTRN>\r\n<TRNTYPE>CREDIT\r\n<DTPOSTED>2024%02d%02d120000[-3:CLT]\r\n<TRNAMT>%d.00\r\n<FITID>CL%09d\r\n<CHECKNUM>%d\r\n<NAME>COMERCIAL SUR SPA %d\r\n<MEMO>TRANSF 76.123.456-7 FACT %d\r\n</STMTTRN>\r\n",
			1+i%12, 1+i%28, 1000+i, i, 4000+i, i%500, 10000+i)
	}
	b.WriteString("</BANKTRANLIST>\r\n<LEDGERBAL>\r\n<BALAMT>1\r\n<DTASOF>20241231\r\n</LEDGERBAL>\r\n</STMTRS>\r\n</STMTTRNRS>\r\n</BANKMSGSRSV1>\r\n</OFX>\r\n")
	return []byte(b.String())
}

// bigCAMT is a camt.053.001.08 statement of n entries, each with its
// transaction details, parties and remittance information.
func bigCAMT(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>B</MsgId></GrpHdr><Stmt><Id>S1</Id>` + "\n")
	b.WriteString(`<Acct><Id><Othr><Id>012180001234567891</Id></Othr></Id><Ccy>MXN</Ccy></Acct>` + "\n")
	b.WriteString(`<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="MXN">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-01-01</Dt></Dt></Bal>` + "\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<Ntry><Amt Ccy="MXN">%d.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
  <BookgDt><Dt>2024-%02d-%02d</Dt></BookgDt><ValDt><Dt>2024-%02d-%02d</Dt></ValDt><AcctSvcrRef>REF%09d</AcctSvcrRef>
  <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
  <NtryDtls><TxDtls><Refs><EndToEndId>E2E%09d</EndToEndId></Refs>
    <RltdPties><Dbtr><Pty><Nm>COMERCIALIZADORA %d SA DE CV</Nm><Id><OrgId><Othr><Id>CNO050101AB1</Id></Othr></OrgId></Id></Pty></Dbtr>
    <DbtrAcct><Id><Othr><Id>012180009876543210</Id></Othr></Id></DbtrAcct></RltdPties>
    <RmtInf><Ustrd>FACT F-%d RFC XAXX010101000</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
`, 100+i, 1+i%12, 1+i%28, 1+i%12, 1+i%28, i, i, i%500, 1000+i)
	}
	b.WriteString(`</Stmt></BkToCstmrStmt></Document>` + "\n")
	return []byte(b.String())
}

// bigMT940 is an MT940 statement of n movements with structured :86: text.
func bigMT940(n int) []byte {
	var b strings.Builder
	b.WriteString(":20:BIG\r\n:25:001749081237\r\n:28C:1/1\r\n:60F:C240101VES0,00\r\n")
	total := 0
	for i := 0; i < n; i++ {
		amount := 100 + i%1000
		total += amount
		fmt.Fprintf(&b, ":61:24%02d%02d%02d%02dC%d,00NTRFNONREF//%011d\r\n:86:103?00TRANSFERENCIA RECIBIDA?100239?20FACTURA %06d?21SALDO: %d,00?31\r\n01020123450000098765?32DISTRIBUIDORA %d CA\r\n",
			1+i%12, 1+i%28, 1+i%12, 1+i%28, amount, i, i, total, i%500)
	}
	fmt.Fprintf(&b, ":62F:C241231VES%d,00\r\n-\r\n", total)
	return []byte(b.String())
}

func benchRead(b *testing.B, name string, content []byte, want int) {
	path := filepath.Join(b.TempDir(), name)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(content)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := Read(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if f.Lines() != want {
			b.Fatalf("%d lines, want %d", f.Lines(), want)
		}
	}
}

// Reading a 100,000-entry statement file, from disk, through Read.
func BenchmarkRead_OFX100k(b *testing.B) { benchRead(b, "big.ofx", bigOFX(benchEntries), benchEntries) }
func BenchmarkRead_CAMT100k(b *testing.B) {
	benchRead(b, "big.xml", bigCAMT(benchEntries), benchEntries)
}
func BenchmarkRead_MT940100k(b *testing.B) {
	benchRead(b, "big.sta", bigMT940(benchEntries), benchEntries)
}

// The generated statements read whole and their balances agree, so the
// benchmarks measure real work (small sizes keep this test quick).
func TestBenchmarkFiles_ReadWhole(t *testing.T) {
	for name, parse := range map[string]func([]byte, Options) (File, error){
		"ofx": parseOFX, "camt": parseCAMT, "mt940": parseMT940,
	} {
		var content []byte
		switch name {
		case "ofx":
			content = bigOFX(500)
		case "camt":
			content = bigCAMT(500)
		case "mt940":
			content = bigMT940(500)
		}
		f, err := parse(content, Options{})
		if err != nil || f.Lines() != 500 {
			t.Errorf("%s: %d lines, %v", name, f.Lines(), err)
		}
		if name == "mt940" {
			if c := f.Statements[0].Check(); !c.OK {
				t.Errorf("mt940 balance %+v", c)
			}
			if l := f.Statements[0].Lines[499]; l.Balance == nil || *l.Balance != f.Statements[0].Closing.Amount {
				t.Errorf("mt940 running balance of the last line %v", l.Balance)
			}
		}
	}
}
