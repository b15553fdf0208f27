package money

import (
	"fmt"
	"math"
	"slices"
	"testing"
)

func TestFormat_WritesSymbolAndLocaleSeparators(t *testing.T) {
	tests := []struct {
		name     string
		minor    int64
		currency string
		style    Style
		want     string
	}{
		{"CLPHasNoDecimals", 123456789, "CLP", comma, "$ 123.456.789"},
		{"COPHasTwoDecimals", 123456789, "COP", comma, "$ 1.234.567,89"},
		{"MinusGoesBeforeSymbol", -50, "USD", dot, "-US$ 0.50"},
		{"PENUsesSoles", 2550, "PEN", dot, "S/ 25.50"},
		{"MXNUsesDollarSign", 123450, "MXN", dot, "$ 1,234.50"},
		{"OtherCurrenciesUseISOCode", 100, "EUR", comma, "EUR 1,00"},
		{"ZeroCLP", 0, "CLP", comma, "$ 0"},
		{"UnknownCurrencyUsesCodeAndTwoDecimals", 12345, "XYZ", dot, "XYZ 123.45"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Format(tt.minor, tt.currency, tt.style); got != tt.want {
				t.Errorf("Format(%d, %s) = %q, want %q", tt.minor, tt.currency, got, tt.want)
			}
		})
	}
}

func TestFormatPlain_OmitsSymbol(t *testing.T) {
	tests := []struct {
		name     string
		minor    int64
		currency string
		style    Style
		want     string
	}{
		{"COPCommaStyle", 123456789, "COP", comma, "1.234.567,89"},
		{"NegativeCLP", -1234, "CLP", comma, "-1.234"},
		{"ZeroCLP", 0, "CLP", comma, "0"},
		{"OneCentPadsWithZeros", 1, "USD", dot, "0.01"},
		{"CLFFourDecimals", 5, "CLF", comma, "0,0005"},
		{"ThreeDigitsNoGroup", 999, "CLP", dot, "999"},
		{"FourDigitsOneGroup", 1000, "CLP", dot, "1,000"},
		{"UngroupedStyle", 123456789, "USD", StyleUngrouped, "1234567.89"},
		{"MinInt64StaysExact", math.MinInt64, "CLP", dot, "-9,223,372,036,854,775,808"},
		{"InvalidStyleFallsBackToDot", 123456, "USD", Style{}, "1,234.56"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatPlain(tt.minor, tt.currency, tt.style); got != tt.want {
				t.Errorf("FormatPlain(%d, %s) = %q, want %q", tt.minor, tt.currency, got, tt.want)
			}
		})
	}
}

func TestAmount_AddAndSub(t *testing.T) {
	clp := func(n int64) Amount { return Amount{Minor: n, Currency: "CLP"} }
	tests := []struct {
		name       string
		op         func(a, b Amount) (Amount, error)
		a, b, want Amount
		reason     string
	}{
		{"AddSameCurrency", Amount.Add, clp(1000), clp(234), clp(1234), ""},
		{"SubSameCurrency", Amount.Sub, clp(1000), clp(1234), clp(-234), ""},
		{"AddCurrencyMismatch", Amount.Add, clp(1), Amount{1, "USD"}, Amount{}, ReasonCurrencyMismatch},
		{"SubCurrencyMismatch", Amount.Sub, clp(1), Amount{1, "USD"}, Amount{}, ReasonCurrencyMismatch},
		{"AddOverflowsUp", Amount.Add, clp(math.MaxInt64), clp(1), Amount{}, ReasonOverflow},
		{"AddOverflowsDown", Amount.Add, clp(math.MinInt64), clp(-1), Amount{}, ReasonOverflow},
		{"SubOverflowsDown", Amount.Sub, clp(math.MinInt64), clp(1), Amount{}, ReasonOverflow},
		{"SubMinInt64Overflows", Amount.Sub, clp(0), clp(math.MinInt64), Amount{}, ReasonOverflow},
		{"AddReachesMaxInt64", Amount.Add, clp(math.MaxInt64 - 1), clp(1), clp(math.MaxInt64), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.op(tt.a, tt.b)
			if gotReason := ReasonOf(err); gotReason != tt.reason {
				t.Fatalf("reason = %q (%v), want %q", gotReason, err, tt.reason)
			}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestAmount_NegAndIsZero(t *testing.T) {
	a := Amount{Minor: 1234, Currency: "COP"}
	if got, want := a.Neg(), (Amount{Minor: -1234, Currency: "COP"}); got != want {
		t.Errorf("Neg() = %+v, want %+v", got, want)
	}
	if got := a.IsZero(); got {
		t.Errorf("IsZero() = true for %+v, want false", a)
	}
	if got := (Amount{Currency: "COP"}).IsZero(); !got {
		t.Errorf("IsZero() = false for zero COP, want true")
	}
}

func TestValidate_RejectsBeyondMaxAbs(t *testing.T) {
	tests := []struct {
		minor  int64
		reason string
	}{
		{0, ""}, {MaxAbs, ""}, {-MaxAbs, ""},
		{MaxAbs + 1, ReasonTooLarge}, {-MaxAbs - 1, ReasonTooLarge},
		{math.MinInt64, ReasonTooLarge}, {math.MaxInt64, ReasonTooLarge},
	}
	for _, tt := range tests {
		if got := ReasonOf(Validate(tt.minor)); got != tt.reason {
			t.Errorf("Validate(%d) reason = %q, want %q", tt.minor, got, tt.reason)
		}
	}
}

func TestExponent_MatchesISO4217(t *testing.T) {
	want := map[string]int{
		"CLP": 0, "COP": 2, "MXN": 2, "PEN": 2, "ARS": 2, "USD": 2, "EUR": 2, "UYU": 2,
		"BOB": 2, "PYG": 0, "BRL": 2, "CLF": 4, "GTQ": 2, "CRC": 2, "DOP": 2, "VES": 2,
		"HNL": 2, "NIO": 2, "PAB": 2, "JPY": 0, "KRW": 0, "GBP": 2, "CAD": 2, "CHF": 2, "CNY": 2,
	}
	for code, w := range want {
		if got, ok := Exponent(code); !ok || got != w {
			t.Errorf("Exponent(%s) = %d, %v; want %d, true", code, got, ok, w)
		}
	}
	for _, code := range []string{"", "clp", "XYZ", "US$"} {
		if _, ok := Exponent(code); ok || Known(code) {
			t.Errorf("Exponent(%q) known, want unknown", code)
		}
	}
	got := Currencies()
	if !slices.IsSorted(got) || len(got) != len(want) {
		t.Errorf("Currencies() = %v, want %d sorted codes", got, len(want))
	}
	for _, c := range got {
		if _, ok := want[c]; !ok {
			t.Errorf("Currencies() lists %s without a tested exponent", c)
		}
	}
	got[0] = "mutated"
	if Currencies()[0] == "mutated" {
		t.Error("Currencies() shares its backing array between calls")
	}
}

func TestStyleForAndCurrencyFor_CoverCoreCountries(t *testing.T) {
	tests := []struct {
		country  string
		style    Style
		currency string
	}{
		{"CL", comma, "CLP"}, {"CO", comma, "COP"}, {"AR", comma, "ARS"},
		{"MX", dot, "MXN"}, {"PE", dot, "PEN"}, {"cl", comma, "CLP"},
		{"ZZ", dot, ""}, {"", dot, ""},
	}
	for _, tt := range tests {
		if got := StyleFor(tt.country); got != tt.style {
			t.Errorf("StyleFor(%q) = %q, want %q", tt.country, got, tt.style)
		}
		if got := CurrencyFor(tt.country); got != tt.currency {
			t.Errorf("CurrencyFor(%q) = %q, want %q", tt.country, got, tt.currency)
		}
	}
}

func ExampleParse() {
	minor, err := Parse("$ 1.234.567,89", "COP", StyleFor("CO"))
	fmt.Println(minor, err)
	_, err = Parse("1.234", "MXN", StyleFor("MX"))
	fmt.Println(ReasonOf(err))
	// Output:
	// 123456789 <nil>
	// too_many_decimals
}

func ExampleFormat() {
	fmt.Println(Format(123456789, "CLP", StyleCommaDecimal))
	fmt.Println(Format(-50, "USD", StyleDotDecimal))
	fmt.Println(FormatPlain(123456789, "COP", StyleCommaDecimal))
	// Output:
	// $ 123.456.789
	// -US$ 0.50
	// 1.234.567,89
}
