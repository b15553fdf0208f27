package bankfile

// Helpers the structured formats (OFX, CAMT, MT940, QIF) share: turning a
// file's bytes into UTF-8 text whatever charset the bank used, turning
// decimal text into integer minor units without floats, and building the
// positioned errors a user reads.

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"

	"cartera/backend/date"
	"cartera/backend/money"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// textOf returns the file's content as UTF-8 text. Valid UTF-8 wins whatever
// the file declares (banks label UTF-8 files "1252"); otherwise the declared
// charset is used when Cartera knows it, else Windows-1252, which decodes
// every byte and is what Latin American banks' Windows exports use.
//
// UTF-8 content is not copied: the text shares b's memory, so b must not
// change afterwards (the readers own the bytes they read from the file).
func textOf(b []byte, declared string) string {
	b = bytes.TrimPrefix(b, utf8BOM)
	if utf8.Valid(b) {
		return sharedString(b)
	}
	cm := charmapNamed(declared)
	if cm == nil {
		cm = charmap.Windows1252
	}
	return decodeWith(cm, b)
}

// sharedString is b as a string without a copy: a 100 MB statement is not
// held twice. b must not change afterwards.
func sharedString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// decodeWith decodes 8-bit text; a charmap decodes every byte, so it cannot fail.
func decodeWith(cm *charmap.Charmap, b []byte) string {
	out, err := cm.NewDecoder().Bytes(b)
	if err != nil {
		return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
	}
	return string(out)
}

// charmapNamed maps the charset names files declare (OFX CHARSET:1252, XML
// encoding="ISO-8859-1", ...) to a decoder; nil when unknown or UTF-8.
func charmapNamed(name string) *charmap.Charmap {
	n := strings.ToLower(strings.TrimSpace(name))
	n = strings.NewReplacer("_", "-", " ", "").Replace(n)
	switch n {
	case "1252", "windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "8859-1", "latin1", "latin-1", "us-ascii", "ascii", "none", "usascii":
		// ISO-8859-1 differs from Windows-1252 only in C1 control codes, which
		// no statement uses; Windows-1252 also decodes "€" and curly quotes.
		return charmap.Windows1252
	case "1250", "windows-1250", "cp1250":
		return charmap.Windows1250
	case "852", "cp852", "ibm852", "ibm-852":
		return charmap.CodePage852
	case "850", "cp850", "ibm850", "ibm-850":
		return charmap.CodePage850
	case "iso-8859-2", "iso8859-2", "8859-2", "latin2":
		return charmap.ISO8859_2
	case "iso-8859-15", "iso8859-15", "8859-15", "latin9":
		return charmap.ISO8859_15
	case "macintosh", "macroman", "mac", "x-mac-roman", "10000":
		return charmap.Macintosh
	}
	return nil
}

// guessedText returns text whose charset nothing declares (MT940): valid
// UTF-8 as is, else the 8-bit charset among Windows-1252, CP852 (DOS Central
// European, used by Hungarian and Czech banks) and Windows-1250 under which the
// bytes above 127 read most like letters. Windows-1252 wins ties.
func guessedText(b []byte) string {
	b = bytes.TrimPrefix(b, utf8BOM)
	if utf8.Valid(b) {
		return sharedString(b)
	}
	best, bestScore := charmap.Windows1252, letterScore(charmap.Windows1252, b)
	for _, cm := range []*charmap.Charmap{charmap.CodePage852, charmap.Windows1250} {
		if s := letterScore(cm, b); s > bestScore {
			best, bestScore = cm, s
		}
	}
	return decodeWith(best, b)
}

// letterScore counts how many high bytes decode to letters (accented letters
// are what statements carry above ASCII) minus how many decode to symbols,
// box-drawing characters or controls.
func letterScore(cm *charmap.Charmap, b []byte) int {
	score := 0
	for _, c := range b {
		if c < 0x80 {
			continue
		}
		if unicode.IsLetter(cm.DecodeByte(c)) {
			score++
		} else {
			score--
		}
	}
	return score
}

// minorDigits is the number of decimals of a currency: money.Exponent for
// the currencies Cartera knows, else 2, which ISO 4217 gives nearly every
// currency (EUR, CHF, HUF, PLN, RON, SEK in the sample files).
func minorDigits(currency string) int {
	if e, ok := money.Exponent(currency); ok {
		return e
	}
	return 2
}

// maxAmountDigits bounds the digits of an amount so that it fits an int64
// with room to add up a statement.
const maxAmountDigits = 17

// Message keys of amount problems, returned by decimalMinor.
const (
	keyBadAmount      = "bank.formats.bad_amount"
	keyAmountDecimals = "bank.formats.amount_decimals"
	keyAmountTooLarge = "bank.formats.amount_too_large"
)

// decimalMinor reads decimal text into minor units of a currency with exp
// decimals using integer arithmetic only. The text is an optional sign (+ or
// -), digits with an optional decimal separator dec, and, when group is not
// 0, thousands separators group in groups of three ("1.234.567,89" with dec
// ',' and group '.'). Decimals beyond exp must be zeros ("18.150" EUR is 1815
// cents, "18.155" is refused). It returns the amount, or "" and a message key
// saying what is wrong.
func decimalMinor(s string, dec, group byte, exp int) (int64, string) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, dec); i >= 0 {
		intPart, frac = s[:i], s[i+1:]
	}
	if intPart == "" && frac == "" {
		return 0, keyBadAmount
	}
	var v int64
	n := 0 // significant digits so far
	// Integer part: digits, and group separators each followed by exactly three digits.
	groupSeen, sinceGroup := false, 0
	for i := 0; i < len(intPart); i++ {
		c := intPart[i]
		switch {
		case c >= '0' && c <= '9':
			if n > 0 || c != '0' { // leading zeros ("000000001213,28") carry no value
				n++
				if n+exp > maxAmountDigits {
					return 0, keyAmountTooLarge
				}
				v = v*10 + int64(c-'0')
			}
			sinceGroup++
		case group != 0 && c == group:
			if i == 0 || (groupSeen && sinceGroup != 3) || (!groupSeen && sinceGroup > 3) {
				return 0, keyBadAmount
			}
			groupSeen, sinceGroup = true, 0
		default:
			return 0, keyBadAmount
		}
	}
	if groupSeen && sinceGroup != 3 {
		return 0, keyBadAmount
	}
	// Fraction: digits only; those beyond exp must be zeros.
	for i := 0; i < len(frac); i++ {
		if frac[i] < '0' || frac[i] > '9' {
			return 0, keyBadAmount
		}
	}
	if len(frac) > exp {
		if strings.Trim(frac[exp:], "0") != "" {
			return 0, keyAmountDecimals
		}
		frac = frac[:exp]
	}
	for i := 0; i < exp; i++ {
		v *= 10
		if i < len(frac) {
			v += int64(frac[i] - '0')
		}
	}
	if neg {
		v = -v
	}
	return v, ""
}

// lineError is the *Error for a problem at a line of a file; params are
// name/value pairs, and the line is always among them as "line".
func lineError(f Format, line int, key string, params ...string) *Error {
	p := map[string]string{"line": strconv.Itoa(line)}
	for i := 0; i+1 < len(params); i += 2 {
		p[params[i]] = params[i+1]
	}
	return &Error{Format: f, Line: line, Key: key, Params: p}
}

// amountError is the *Error for amount text that decimalMinor refused.
func amountError(f Format, line int, key, text, currency string) *Error {
	if currency == "" {
		currency = "?"
	}
	return lineError(f, line, key, "value", text, "currency", currency)
}

// joinFreeText joins the non-empty pieces of free text with single spaces,
// collapsing runs of white space and dropping a piece equal to the one before.
func joinFreeText(pieces ...string) string {
	var b strings.Builder
	prev := ""
	for _, p := range pieces {
		p = collapseSpace(p)
		if p == "" || p == prev {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p)
		prev = p
	}
	return b.String()
}

// collapseSpace trims s and turns each run of white space inside it into one space.
func collapseSpace(s string) string {
	s = strings.TrimSpace(s)
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\t' || c == '\n' || c == '\r' || c == 0xC2 || (c == ' ' && i+1 < len(s) && s[i+1] == ' ') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// digitsValue reads a run of ASCII digits ("0229" is 229).
func digitsValue(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// calendarDay reports whether year-month-day is a real calendar day of years 1..9999.
func calendarDay(y, m, d int) bool {
	return y >= 1 && y <= 9999 && date.Valid(y, time.Month(m), d)
}

// dateOf is the date y-m-d, which the caller has checked with calendarDay.
func dateOf(y, m, d int) date.Date { return date.Date{Year: y, Month: time.Month(m), Day: d} }
