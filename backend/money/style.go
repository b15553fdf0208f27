package money

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Style names the decimal and group separators of a number's text; a zero
// Group means digits are written without grouping.
//
// The caller picks one Style per file or per locale, never per cell: "18.150"
// is 18.15 in a CAMT file and 18,150 pesos in a Chilean cartola, and no amount
// of guessing from a single cell can tell them apart.
type Style struct {
	Decimal rune
	Group   rune
}

// StyleDotDecimal writes 1,234,567.89, as in Mexico, Peru and the United States.
var StyleDotDecimal = Style{Decimal: '.', Group: ','}

// StyleCommaDecimal writes 1.234.567,89, as in Chile, Colombia and Argentina.
var StyleCommaDecimal = Style{Decimal: ',', Group: '.'}

// StyleUngrouped writes 1234567.89, the machine form used by CSV exports, CAMT and OFX.
var StyleUngrouped = Style{Decimal: '.'}

// StyleFor returns the conventional Style of an ISO 3166 alpha-2 country code,
// StyleDotDecimal when the country is unknown.
func StyleFor(country string) Style {
	switch strings.ToUpper(strings.TrimSpace(country)) {
	case "CL", "CO", "AR", "UY", "PY", "BO", "BR":
		return StyleCommaDecimal
	}
	return StyleDotDecimal
}

// Valid reports whether the separators are usable: a decimal separator, a
// different (or absent) group separator, and neither one a digit, letter,
// sign, parenthesis, quote or currency sign that Parse gives another meaning.
func (s Style) Valid() bool {
	if !usableSeparator(s.Decimal) || s.Decimal == s.Group {
		return false
	}
	return s.Group == 0 || usableSeparator(s.Group)
}

// usableSeparator reports whether r can separate digits without being mistaken for something else.
func usableSeparator(r rune) bool {
	if r <= 0 || !utf8.ValidRune(r) || r == utf8.RuneError {
		return false
	}
	if unicode.IsDigit(r) || unicode.IsLetter(r) || unicode.IsControl(r) {
		return false
	}
	return !strings.ContainsRune("+-−()'$€£₲₡/", r)
}
