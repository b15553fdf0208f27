package money

import (
	"strconv"
	"strings"
)

// Format writes minor units of currency for people, with its symbol: "$" for
// CLP, COP, MXN and ARS, "S/" for PEN, "US$" for USD and the ISO code otherwise,
// a space, and a leading minus before the symbol ("-US$ 0.50").
//
// An invalid style falls back to StyleDotDecimal and an unknown currency is
// written with 2 decimals, because a formatter cannot fail; check Known first.
// For a known currency and |minor| <= MaxAbs the output parses back to minor.
func Format(minor int64, currency string, style Style) string {
	plain := FormatPlain(minor, currency, style)
	if rest, ok := strings.CutPrefix(plain, "-"); ok {
		return "-" + symbol(currency) + " " + rest
	}
	return symbol(currency) + " " + plain
}

// FormatPlain writes minor units of currency without a symbol ("1.234.567,89"),
// for exports and the CLI; it follows Format's fallbacks for bad input.
func FormatPlain(minor int64, currency string, style Style) string {
	if !style.Valid() {
		style = StyleDotDecimal
	}
	exp, ok := Exponent(currency)
	if !ok {
		exp = 2
	}
	// uint64 negation keeps math.MinInt64 exact.
	u := uint64(minor)
	if minor < 0 {
		u = -u
	}
	digits := strconv.FormatUint(u, 10)
	if len(digits) <= exp {
		digits = strings.Repeat("0", exp-len(digits)+1) + digits
	}
	whole, frac := digits[:len(digits)-exp], digits[len(digits)-exp:]

	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3*4 + 8)
	if minor < 0 {
		b.WriteByte('-')
	}
	for i := 0; i < len(whole); i++ {
		if i > 0 && style.Group != 0 && (len(whole)-i)%3 == 0 {
			b.WriteRune(style.Group)
		}
		b.WriteByte(whole[i])
	}
	if exp > 0 {
		b.WriteRune(style.Decimal)
		b.WriteString(frac)
	}
	return b.String()
}
