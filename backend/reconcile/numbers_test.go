package reconcile

import (
	"maps"
	"testing"

	"cartera/backend/ar"
	"cartera/backend/date"
)

// named returns the documents of b a line's text names, with how surely.
func named(b *Book, text string, amount int64) map[string]refLevel {
	l := Line{Description: text, Amount: amount, Date: date.MustParse("2025-03-10")}
	t := lineText(&l)
	taxShaped := make([]bool, len(t.chunks))
	b.findTaxIDs(t, "", taxShaped)
	out := map[string]refLevel{}
	for _, n := range findNumbers(t, taxShaped, amount, b.exp, l.Date) {
		h, ok := b.numHead[n.key]
		if !ok {
			continue
		}
		for i := h; i >= 0; i = b.numNext[i] {
			key := b.number(i)
			if b.docs[i].credit {
				key = "NC:" + key
			}
			if lvl := gradeRef(n, b.number(i), b.docs[i].credit); lvl > out[key] {
				out[key] = lvl
			}
		}
	}
	return out
}

func numbersBook(country string, numbers ...string) *Book {
	clients := []Client{{ID: 1, LegalName: "Cliente Uno SpA", TaxID: "761234567", Country: country}}
	var docs []Document
	for i, n := range numbers {
		kind := ar.KindInvoice
		if len(n) > 3 && n[:3] == "NC:" {
			kind, n = ar.KindCreditNote, n[3:]
		}
		docs = append(docs, Document{ID: int64(i + 1), ClientID: 1, Kind: kind, Number: n, Currency: "CLP", Open: 1000,
			IssueDate: date.MustParse("2025-01-01"), DueDate: date.MustParse("2025-02-01")})
	}
	return NewBook(country, clients, docs, nil)
}

// Invoice numbers are read in the shapes payers write them, each with how
// surely it names the document; numbers that are dates, amounts, tax IDs,
// accounts, cheques or operations name nothing.
func TestNumbers_Shapes(t *testing.T) {
	type want = map[string]refLevel
	cases := []struct {
		name    string
		numbers []string
		text    string
		amount  int64
		want    want
	}{
		{"FACT", []string{"1234"}, "PAGO FACT 1234", 5000, want{"1234": refKeyword}},
		{"F-", []string{"1234"}, "TRANSF F-1234", 5000, want{"1234": refKeyword}},
		{"F glued", []string{"1234"}, "F1234", 5000, want{"1234": refKeyword}},
		{"fac glued", []string{"1234"}, "pago fac1234", 5000, want{"1234": refKeyword}},
		{"FAC.", []string{"1234"}, "FAC. 1234", 5000, want{"1234": refKeyword}},
		{"Nº", []string{"1234"}, "PAGO FACTURA Nº 1234", 5000, want{"1234": refKeyword}},
		{"facturas y", []string{"1234", "1235"}, "facturas 1234 y 1235", 5000, want{"1234": refKeyword, "1235": refKeyword}},
		{"slash list", []string{"1234", "1235"}, "FACT 1234/1235", 5000, want{"1234": refKeyword, "1235": refKeyword}},
		{"comma list", []string{"1234", "1235", "1236"}, "FACTS 1234, 1235 Y 1236", 5000,
			want{"1234": refKeyword, "1235": refKeyword, "1236": refKeyword}},
		{"series list", []string{"F001-4316", "F001-4340"}, "FACT F001-4316/F001-4340", 5000,
			want{"F001-4316": refFull, "F001-4340": refFull}},
		{"Peru padded", []string{"F001-00001234"}, "Nº 001-00001234", 5000, want{"F001-00001234": refFull}},
		{"Peru short", []string{"F001-00000123"}, "PAGO F001-123", 5000, want{"F001-00000123": refFull}},
		{"Argentina", []string{"A 0003-00012001"}, "FC A 0003-00012001", 5000, want{"A 0003-00012001": refFull}},
		{"Argentina no letter", []string{"A 0003-00012001"}, "PAGO 0003-00012001", 5000, want{"A 0003-00012001": refFull}},
		{"Colombia", []string{"FV1001"}, "PAGO FV1001", 5000, want{"FV1001": refFull}},
		{"Colombia digits", []string{"FE1001"}, "FACTURA 1001", 5000, want{"FE1001": refKeyword}},
		{"Mexico series", []string{"A1001", "B1001"}, "PAGO A1001", 5000, want{"A1001": refFull}},
		{"padded bare", []string{"1234"}, "TRANSF 00001234", 5000, want{"1234": refPadded}},
		{"bare", []string{"1234"}, "TRANSF 1234", 5000, want{"1234": refBare}},
		{"REF", []string{"1234567"}, "SPEI RECIBIDO REF 1234567", 5000, want{"1234567": refRef}},
		{"credit note", []string{"88", "NC:88"}, "PAGO NC 88", 5000, want{"NC:88": refKeyword}},
		{"invoice not credit note", []string{"88", "NC:88"}, "PAGO FACT 88", 5000, want{"88": refKeyword}},
		{"date", []string{"2025", "1503"}, "TRANSF 15/03/2025", 5000, want{}},
		{"date compact", []string{"20250315"}, "DEP 20250315", 5000, want{}},
		{"amount grouped", []string{"1500000"}, "PAGO $1.500.000", 5000, want{}},
		{"amount itself", []string{"150000"}, "PAGO 150000", 150000, want{}},
		{"RUT body", []string{"76123456"}, "ABONO 76.123.456-7", 5000, want{}},
		{"RUT with dash", []string{"16268796"}, "ABONO TERCEROS 16268796-4", 5000, want{}},
		{"account", []string{"12345678"}, "TRASPASO CTA 12345678", 5000, want{}},
		{"operation", []string{"55555"}, "OPERACION NRO 55555", 5000, want{}},
		{"cheque", []string{"123456"}, "DEP CHEQUE 123456", 5000, want{}},
		{"cheque then invoice", []string{"123456", "1234"}, "DEP CHEQUE 123456 FACT 1234", 5000, want{"1234": refKeyword}},
		{"two digits", []string{"12"}, "TRANSF 12", 5000, want{}},
	}
	for _, c := range cases {
		b := numbersBook("CL", c.numbers...)
		got := named(b, c.text, c.amount)
		if !maps.Equal(got, c.want) {
			t.Errorf("%s: %q names %v, want %v", c.name, c.text, got, c.want)
		}
	}
}

// A one-digit typo is a changed digit or two adjacent digits swapped, no more.
func TestTypoOf(t *testing.T) {
	cases := []struct {
		written, doc string
		want         bool
	}{
		{"1243", "1234", true},
		{"1235", "1234", true},
		{"2134", "1234", true},
		{"1234", "1234", false},
		{"4321", "1234", false},
		{"12345", "1234", false},
		{"1299", "1234", false},
		{"12", "13", false},
	}
	for _, c := range cases {
		if got := typoOf(c.written, c.doc); got != c.want {
			t.Errorf("typoOf(%q, %q) = %v, want %v", c.written, c.doc, got, c.want)
		}
	}
}
