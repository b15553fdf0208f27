package ar

import (
	"reflect"
	"sort"
	"testing"
)

func TestNameSortKey_OrdersNamesAsASpanishReaderDoes(t *testing.T) {
	want := []string{"árbol verde", "Banco Sur", "Nutria SpA", "Ñandú Ltda", "ñoño", "Óptica Central", "Panadería", "Peña Alta", "Zapatería"}
	got := append([]string(nil), want...)
	// Start from the byte order of the names, which puts Ó, Ñ and á after Z.
	sort.Strings(got)
	sort.SliceStable(got, func(i, j int) bool { return NameSortKey(got[i]) < NameSortKey(got[j]) })
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order %q\nwant  %q", got, want)
	}
}

func TestNameSortKey(t *testing.T) {
	tests := []struct {
		name, a, b string
		less       bool // a sorts before b
	}{
		{"AccentsSortWithTheirBaseLetter", "Óptica", "Panadería", true},
		{"CaseIsIgnored", "banco", "BANCO ZETA", true},
		{"EnyeComesAfterEveryN", "Nutria", "Ñandú", true},
		{"EnyeComesBeforeO", "Ñandú", "Oro", true},
		{"NWithinAWordBeforeEnye", "Penal", "Peña", true},
		{"DecomposedEnyeIsStillEnye", "Nutria", "N\u0303andu", true},
		{"LeadingQuotesAreSkipped", "«Alfa»", "Beta", true},
		{"SpacesDoNotMatter", "  Alfa   Beta", "Alfa Gamma", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NameSortKey(tt.a) < NameSortKey(tt.b); got != tt.less {
				t.Errorf("%q (%q) < %q (%q) = %v; want %v", tt.a, NameSortKey(tt.a), tt.b, NameSortKey(tt.b), got, tt.less)
			}
		})
	}
	if NameSortKey("Árbol") != NameSortKey("arbol") {
		t.Errorf("Árbol and arbol have different keys: %q, %q", NameSortKey("Árbol"), NameSortKey("arbol"))
	}
}

func TestSearchWords(t *testing.T) {
	tests := []struct {
		name, in string
		want     [][]string
	}{
		{"ANameIsFoldedOnly", "Peña Ñuñoa", [][]string{{"pena"}, {"nunoa"}}},
		{"ARutAsDisplayedAlsoMatchesCompact", "77.555.444-4", [][]string{{"77.555.444-4", "775554444"}}},
		{"APartOfARutWithDots", "77.555", [][]string{{"77.555", "77555"}}},
		{"ARutWithADashOnly", "12345678-5", [][]string{{"12345678-5", "123456785"}}},
		{"ACheckDigitK", "9.999.999-K", [][]string{{"9.999.999-k", "9999999k"}}},
		{"LeadingZerosDropped", "076.123.456-7", [][]string{{"076.123.456-7", "0761234567", "761234567"}}},
		{"ANit", "890.903.938-8", [][]string{{"890.903.938-8", "8909039388"}}},
		{"AnRfcWithDashes", "GODE-561231-GR8", [][]string{{"gode-561231-gr8", "gode561231gr8"}}},
		{"ATypographicDash", "12345678\u20135", [][]string{{"12345678\u20135", "123456785"}}},
		{"BareDigitsAreAlreadyCompact", "775554444", [][]string{{"775554444"}}},
		{"AWordWithADashButNoDigit", "Coca-Cola", [][]string{{"coca-cola"}}},
		{"Empty", "   ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SearchWords(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SearchWords(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}
