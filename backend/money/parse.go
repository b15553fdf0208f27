package money

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parse reads the text of one amount, as written in a bank file, spreadsheet or
// invoice, and returns it in minor units of currency, using only integer arithmetic.
//
// style gives the decimal and group separators and must be chosen by the caller
// once per file or locale, never guessed per cell (see Style). Parse accepts:
// surrounding spaces and NBSP; a leading ' (Excel's forced text); one sign as
// "-1.234", "+12", "(500)" or "1.234-"; one currency sign before or after the
// number ("$", "US$", "S/", "CLP", ...), which must fit currency; group
// separators only between 3-digit groups; a leading decimal separator (".5");
// and extra decimals when they are all zeros ("1.234,00" for CLP). Any other
// text is rejected with a *ParseError whose Reason says why. The absolute value
// may not exceed MaxAbs.
func Parse(text string, currency string, style Style) (int64, error) {
	fail := func(reason string) (int64, error) {
		return 0, &ParseError{Input: text, Reason: reason}
	}
	exp, ok := Exponent(currency)
	if !ok {
		return fail(ReasonUnknownCurrency)
	}
	if !style.Valid() {
		return fail(ReasonBadStyle)
	}
	body, neg, reason := stripDecorations(text, currency)
	if reason != "" {
		return fail(reason)
	}
	minor, reason := parseDigits(body, exp, style)
	if reason != "" {
		return fail(reason)
	}
	if neg {
		minor = -minor
	}
	return minor, nil
}

// isSpace reports the characters spreadsheets and bank portals pad amounts with.
func isSpace(r rune) bool {
	// unicode.IsSpace covers NBSP (U+00A0) and the thin and narrow spaces;
	// zero-width space and a stray BOM come from copy-paste and UTF-8 exports.
	return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF'
}

// isMinus reports the hyphen and the Unicode minus sign, which word processors substitute.
func isMinus(r rune) bool { return r == '-' || r == '−' }

// stripDecorations removes spaces, the Excel quote, signs, parentheses and
// currency signs around the number, returning the bare digits and separators,
// whether the amount is negative, and a reason code when the text is malformed.
func stripDecorations(text, currency string) (body string, neg bool, reason string) {
	s := strings.TrimFunc(text, isSpace)
	s = strings.TrimPrefix(s, "'")
	s = strings.TrimFunc(s, isSpace)
	if s == "" {
		return "", false, ReasonEmpty
	}
	signs := 0
	sawCurrency := false
	prefixDone, suffixDone := false, false
	// Decorations nest in any order ("-$ 5", "$ -5", "($ 5)", "$ (5)", "5- CLP"),
	// so peel one layer at a time until nothing changes.
peel:
	for {
		s = strings.TrimFunc(s, isSpace)
		if s == "" {
			break
		}
		first, fw := utf8.DecodeRuneInString(s)
		last, lw := utf8.DecodeLastRuneInString(s)
		switch {
		case len(s) >= 2 && first == '(' && last == ')':
			s = s[1 : len(s)-1]
			signs++
			neg = true
		case isMinus(first):
			s = s[fw:]
			signs++
			neg = true
		case first == '+':
			s = s[fw:]
			signs++
		case isMinus(last):
			s = s[:len(s)-lw]
			signs++
			neg = true
		default:
			n, r := 0, ""
			if !prefixDone {
				n, r = currencyPrefix(s, currency)
				prefixDone = n > 0 || r != ""
			}
			if n == 0 && r == "" && !suffixDone {
				n, r = currencySuffix(s, currency)
				if n > 0 || r != "" {
					suffixDone = true
					n = -n
				}
			}
			if r != "" {
				return "", false, r
			}
			if n == 0 {
				break peel
			}
			sawCurrency = true
			if n > 0 {
				s = s[n:]
			} else {
				s = s[:len(s)+n]
			}
		}
	}
	if signs > 1 {
		return "", false, ReasonDoubleSign
	}
	if s == "" {
		if signs == 0 && sawCurrency {
			return "", false, ReasonEmpty
		}
		return "", false, ReasonInvalid
	}
	return s, neg, ""
}

// currencyPrefix returns the byte length of a currency sign or ISO code at the
// start of s (0 if none), or a reason code when it names another currency.
func currencyPrefix(s, currency string) (int, string) {
	for _, tok := range signs() {
		if len(s) < len(tok) || !strings.EqualFold(s[:len(tok)], tok) {
			continue
		}
		// "UF" or "Bs" must not be the start of a longer word.
		if endsInLetter(tok) {
			if r, _ := utf8.DecodeRuneInString(s[len(tok):]); unicode.IsLetter(r) {
				continue
			}
		}
		if match, _ := symbolMatches(tok, currency); !match {
			return 0, ReasonCurrencyMismatch
		}
		return len(tok), ""
	}
	if len(s) >= 3 && isASCIILetters(s[:3]) {
		if r, _ := utf8.DecodeRuneInString(s[3:]); !unicode.IsLetter(r) {
			return 3, isoReason(s[:3], currency)
		}
	}
	return 0, ""
}

// currencySuffix is currencyPrefix for a sign or code at the end of s.
func currencySuffix(s, currency string) (int, string) {
	for _, tok := range signs() {
		if len(s) < len(tok) || !strings.EqualFold(s[len(s)-len(tok):], tok) {
			continue
		}
		if startsWithLetter(tok) {
			if r, _ := utf8.DecodeLastRuneInString(s[:len(s)-len(tok)]); unicode.IsLetter(r) {
				continue
			}
		}
		if match, _ := symbolMatches(tok, currency); !match {
			return 0, ReasonCurrencyMismatch
		}
		return len(tok), ""
	}
	if n := len(s); n >= 3 && isASCIILetters(s[n-3:]) {
		if r, _ := utf8.DecodeLastRuneInString(s[:n-3]); !unicode.IsLetter(r) {
			return 3, isoReason(s[n-3:], currency)
		}
	}
	return 0, ""
}

// isoReason checks a three-letter code found in the text against currency:
// "" when they agree, a mismatch for another known code, invalid for a non-code.
func isoReason(code, currency string) string {
	code = strings.ToUpper(code)
	switch {
	case code == currency:
		return ""
	case Known(code):
		return ReasonCurrencyMismatch
	}
	return ReasonInvalid
}

// isASCIILetters reports whether s is non-empty and all A-Z or a-z.
func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20 // fold to lower case
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

// endsInLetter reports whether tok's last rune is a letter.
func endsInLetter(tok string) bool {
	r, _ := utf8.DecodeLastRuneInString(tok)
	return unicode.IsLetter(r)
}

// startsWithLetter reports whether tok's first rune is a letter.
func startsWithLetter(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsLetter(r)
}

// parseDigits converts bare digits and separators into minor units with
// exponent exp, or returns a reason code.
func parseDigits(s string, exp int, style Style) (int64, string) {
	intPart, fracPart := s, ""
	decimals := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
		case r == style.Decimal:
			decimals++
		case style.Group != 0 && r == style.Group:
		default:
			return 0, ReasonInvalid
		}
	}
	if decimals > 1 {
		return 0, ReasonInvalid
	}
	if i := strings.IndexRune(s, style.Decimal); i >= 0 {
		intPart, fracPart = s[:i], s[i+utf8.RuneLen(style.Decimal):]
	}
	if intPart == "" && fracPart == "" {
		return 0, ReasonInvalid
	}
	if !wellGrouped(intPart, style.Group) || (style.Group != 0 && strings.ContainsRune(fracPart, style.Group)) {
		return 0, ReasonMisplacedGroup
	}

	// Integer part, bounded by MaxAbs at every step so int64 cannot overflow.
	var whole int64
	for i := 0; i < len(intPart); i++ {
		c := intPart[i]
		if c < '0' || c > '9' {
			continue // a group separator, already checked
		}
		whole = whole*10 + int64(c-'0')
		if whole > MaxAbs {
			return 0, ReasonTooLarge
		}
	}
	// Fractional part: the first exp digits count, the rest must be zeros.
	var frac int64
	for i := 0; i < exp; i++ {
		frac *= 10
		if i < len(fracPart) {
			frac += int64(fracPart[i] - '0')
		}
	}
	if len(fracPart) > exp && strings.Trim(fracPart[exp:], "0") != "" {
		return 0, ReasonTooManyDecimals
	}
	pow := pow10(exp)
	if whole > MaxAbs/pow {
		return 0, ReasonTooLarge
	}
	minor := whole*pow + frac
	if minor > MaxAbs {
		return 0, ReasonTooLarge
	}
	return minor, ""
}

// wellGrouped reports whether the group separators in digits (if any) split
// it into a first group of 1-3 digits followed by groups of exactly 3.
func wellGrouped(digits string, group rune) bool {
	if group == 0 || !strings.ContainsRune(digits, group) {
		return true
	}
	parts := strings.Split(digits, string(group))
	for i, p := range parts {
		if i == 0 && (len(p) < 1 || len(p) > 3) {
			return false
		}
		if i > 0 && len(p) != 3 {
			return false
		}
	}
	return true
}

// pow10 returns 10^n for the small exponents of ISO 4217.
func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}
