package money

import (
	"errors"
	"slices"
	"testing"
)

var comma, dot = StyleCommaDecimal, StyleDotDecimal

func TestParse_AcceptsLocaleText(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		currency string
		style    Style
		want     int64
	}{
		{"CLPGroupedThousands", "1.234.567", "CLP", comma, 1234567},
		{"COPCommaDecimals", "1.234.567,89", "COP", comma, 123456789},
		{"MXNDollarSignDotDecimals", "$ 1,234.50", "MXN", dot, 123450},
		{"ParenthesesAreNegative", "(500)", "CLP", comma, -500},
		{"TrailingMinusIsNegative", "1.234-", "CLP", comma, -1234},
		{"LeadingMinusIsNegative", "-1.234", "CLP", comma, -1234},
		{"UnicodeMinusIsNegative", "−1.234", "CLP", comma, -1234},
		{"LeadingPlusIsPositive", "+12", "CLP", comma, 12},
		{"USDollarSign", "US$ 10", "USD", dot, 1000},
		{"USDollarSignWithoutSpace", "US$10", "USD", dot, 1000},
		{"ArgentineDollarSign", "U$S 10,50", "USD", comma, 1050},
		{"ISOCodePrefix", "CLP 1.000", "CLP", comma, 1000},
		{"ISOCodePrefixLowerCase", "clp 1.000", "CLP", comma, 1000},
		{"ISOCodeSuffix", "1.000 CLP", "CLP", comma, 1000},
		{"SolesSign", "S/ 25.50", "PEN", dot, 2550},
		{"OldSolesSign", "S/. 25.50", "PEN", dot, 2550},
		{"UFSuffix", "1.234,5678 UF", "CLF", comma, 12345678},
		{"EuroSuffix", "1.234,56 €", "EUR", comma, 123456},
		{"NoGroups", "1234", "CLP", comma, 1234},
		{"NoGroupsWithDecimals", "1234,5", "COP", comma, 123450},
		{"ExcelForcedTextQuote", "'1.234", "CLP", comma, 1234},
		{"ExcelQuoteThenSpaces", "' -1.234", "CLP", comma, -1234},
		{"NBSPAround", "\u00a01.234\u00a0", "CLP", comma, 1234},
		{"SpacesAroundEverything", "  $  1.234  ", "CLP", comma, 1234},
		{"NarrowNBSPAndBOM", "\ufeff\u202f1.234", "CLP", comma, 1234},
		{"ZeroDecimalsBeyondExponent", "1.234,00", "CLP", comma, 1234},
		{"ZeroDecimalsBeyondTwo", "12,3400", "COP", comma, 1234},
		{"LeadingDotDecimal", ".5", "USD", dot, 50},
		{"LeadingCommaDecimal", ",5", "COP", comma, 50},
		{"TrailingDecimalSeparator", "5.", "USD", dot, 500},
		{"CommaStyleDotIsThousands", "1.234", "CLP", comma, 1234},
		{"DotStyleThreeDecimalsEndingInZero", "1.230", "MXN", dot, 123},
		{"MinusBeforeSymbol", "-$ 1.234", "CLP", comma, -1234},
		{"MinusAfterSymbol", "$ -1.234", "CLP", comma, -1234},
		{"ParenthesesAroundSymbol", "($ 500)", "CLP", comma, -500},
		{"SymbolBeforeParentheses", "$ (500)", "CLP", comma, -500},
		{"TrailingMinusBeforeCode", "1.234- CLP", "CLP", comma, -1234},
		{"DollarSignFitsAnyCurrency", "$ 10.00", "USD", dot, 1000},
		{"NegativeZeroIsZero", "-0", "CLP", comma, 0},
		{"LeadingZeros", "0007", "CLP", comma, 7},
		{"MaxAbsIsAccepted", "1.000.000.000.000.000", "CLP", comma, MaxAbs},
		{"MinusMaxAbsIsAccepted", "-1000000000000000", "CLP", comma, -MaxAbs},
		{"MaxAbsWithDecimals", "10.000.000.000.000,00", "COP", comma, MaxAbs},
		{"UngroupedMachineStyle", "1234567.89", "USD", StyleUngrouped, 123456789},
		{"FourDecimalCLF", "0,0001", "CLF", comma, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.text, tt.currency, tt.style)
			if err != nil {
				t.Fatalf("Parse(%q, %s) error: %v", tt.text, tt.currency, err)
			}
			if got != tt.want {
				t.Errorf("Parse(%q, %s) = %d, want %d", tt.text, tt.currency, got, tt.want)
			}
		})
	}
}

func TestParse_RejectsWithReason(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		currency string
		style    Style
		want     string
	}{
		{"EmptyText", "", "CLP", comma, ReasonEmpty},
		{"OnlySpaces", " \u00a0 ", "CLP", comma, ReasonEmpty},
		{"OnlyExcelQuote", "'", "CLP", comma, ReasonEmpty},
		{"OnlyCurrencySign", "$", "CLP", comma, ReasonEmpty},
		{"Letters", "abc", "CLP", comma, ReasonInvalid},
		{"Exponent", "1e5", "USD", dot, ReasonInvalid},
		{"OnlyMinus", "-", "CLP", comma, ReasonInvalid},
		{"EmptyParentheses", "()", "CLP", comma, ReasonInvalid},
		{"UnbalancedParenthesis", "(5", "CLP", comma, ReasonInvalid},
		{"InnerSpace", "1 234", "CLP", comma, ReasonInvalid},
		{"OnlyDecimalSeparator", ",", "COP", comma, ReasonInvalid},
		{"GroupAfterDecimalComma", "1.234,5.6", "COP", comma, ReasonMisplacedGroup},
		{"TwoDecimalSeparatorsDot", "1.234,5.6", "MXN", dot, ReasonInvalid},
		{"OneDigitGroups", "1,2,3", "MXN", dot, ReasonMisplacedGroup},
		{"DoubleDotDotStyle", "12..3", "USD", dot, ReasonInvalid},
		{"DoubleDotCommaStyle", "12..3", "CLP", comma, ReasonMisplacedGroup},
		{"ShortInnerGroup", "1.23.456", "CLP", comma, ReasonMisplacedGroup},
		{"LongFirstGroup", "1234.567", "CLP", comma, ReasonMisplacedGroup},
		{"LeadingGroupSeparator", ".123", "CLP", comma, ReasonMisplacedGroup},
		{"TrailingGroupSeparator", "1.", "CLP", comma, ReasonMisplacedGroup},
		{"MinusAndParentheses", "-(5)", "CLP", comma, ReasonDoubleSign},
		{"DoubleMinus", "--5", "CLP", comma, ReasonDoubleSign},
		{"LeadingAndTrailingMinus", "-5-", "CLP", comma, ReasonDoubleSign},
		{"PlusAndMinus", "+-5", "CLP", comma, ReasonDoubleSign},
		{"NonZeroDecimalsBeyondCLP", "1.234,567", "CLP", comma, ReasonTooManyDecimals},
		{"DotStyleThreeDecimalsForMXN", "1.234", "MXN", dot, ReasonTooManyDecimals},
		{"CLPCentsAreNotZero", "1,5", "CLP", comma, ReasonTooManyDecimals},
		{"AboveMaxAbs", "1000000000000001", "CLP", comma, ReasonTooLarge},
		{"AboveMaxAbsByCents", "10.000.000.000.000,01", "COP", comma, ReasonTooLarge},
		{"FarAboveInt64", "99999999999999999999999999", "CLP", comma, ReasonTooLarge},
		{"CLFWholeTooLarge", "100000000000000", "CLF", comma, ReasonTooLarge},
		{"OtherISOCode", "USD 10", "CLP", comma, ReasonCurrencyMismatch},
		{"SolesSignForDollars", "S/ 5", "USD", dot, ReasonCurrencyMismatch},
		{"UnknownCodeInText", "XYZ 5", "CLP", comma, ReasonInvalid},
		{"UnknownCurrency", "5", "XYZ", comma, ReasonUnknownCurrency},
		{"LowerCaseCurrencyArgument", "5", "clp", comma, ReasonUnknownCurrency},
		{"SameSeparators", "5", "CLP", Style{Decimal: '.', Group: '.'}, ReasonBadStyle},
		{"ZeroStyle", "5", "CLP", Style{}, ReasonBadStyle},
		{"DigitSeparator", "5", "CLP", Style{Decimal: '0', Group: ','}, ReasonBadStyle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.text, tt.currency, tt.style)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q, %s) = %d, %v; want *ParseError %s", tt.text, tt.currency, got, err, tt.want)
			}
			if pe.Reason != tt.want || pe.Input != tt.text {
				t.Errorf("Parse(%q, %s) error = {%q %s}, want {%q %s}", tt.text, tt.currency, pe.Input, pe.Reason, tt.text, tt.want)
			}
			if ReasonOf(err) != tt.want {
				t.Errorf("ReasonOf = %q, want %q", ReasonOf(err), tt.want)
			}
		})
	}
}

func TestParseError_MessageIsReadableEnglish(t *testing.T) {
	_, err := Parse("1.234,567", "CLP", comma)
	got := err.Error()
	want := `money: cannot parse "1.234,567": more decimals than the currency allows`
	if got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// fuzzSeeds are the documented accepted and rejected examples, for FuzzParse and BenchmarkParse.
func fuzzSeeds() []string {
	return []string{
		"1.234.567", "1.234.567,89", "$ 1,234.50", "(500)", "1.234-", "-1.234", "+12",
		"US$ 10", "CLP 1.000", "S/ 25.50", "1234", "'1.234", "\u00a01.234\u00a0", "1.234,00",
		".5", ",5", "", "abc", "1.234,5.6", "1,2,3", "12..3", "-(5)", "1.234,567",
		"1000000000000001", "--5", "1.000 CLP", "($ 500)", "US$10", "−5", "1.000.000.000.000.000",
	}
}

func FuzzParse(f *testing.F) {
	currencies := Currencies()
	for _, s := range fuzzSeeds() {
		for _, c := range []string{"CLP", "COP", "MXN", "PEN", "USD", "CLF"} {
			i := slices.Index(currencies, c)
			f.Add(s, true, uint8(i))
			f.Add(s, false, uint8(i))
		}
	}
	f.Fuzz(func(t *testing.T, text string, commaStyle bool, cur uint8) {
		currency := currencies[int(cur)%len(currencies)]
		style := StyleDotDecimal
		if commaStyle {
			style = StyleCommaDecimal
		}
		got, err := Parse(text, currency, style)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Reason == "" || pe.Input != text {
				t.Fatalf("Parse(%q) returned untyped error %v", text, err)
			}
			return
		}
		if got > MaxAbs || got < -MaxAbs {
			t.Fatalf("Parse(%q, %s) = %d, beyond MaxAbs", text, currency, got)
		}
		for _, out := range []string{FormatPlain(got, currency, style), Format(got, currency, style)} {
			back, err := Parse(out, currency, style)
			if err != nil || back != got {
				t.Fatalf("Parse(%q, %s) = %d; formatted %q parses back as %d, %v", text, currency, got, out, back, err)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	inputs := []struct {
		text, currency string
		style          Style
	}{
		{"1.234.567", "CLP", comma},
		{"$ 1.234.567,89", "COP", comma},
		{"(1,234.50)", "MXN", dot},
		{"US$ 10", "USD", dot},
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		in := inputs[i%len(inputs)]
		if _, err := Parse(in.text, in.currency, in.style); err != nil {
			b.Fatal(err)
		}
	}
}
