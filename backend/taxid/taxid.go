// Package taxid normalizes, validates and formats the tax IDs Cartera keys
// customers by: Chile's RUT, Colombia's NIT, Peru's RUC, Mexico's RFC and
// Argentina's CUIT.
//
// The same customer arrives from invoices, bank descriptions and spreadsheets
// written in many shapes ("76.086.428-5", "076086428-5", "76086428 5"), so
// matching needs one normalized form, and the UI needs to know why an ID is
// doubtful (Result.Reason) and what check digit would have been right
// (Result.Expected). Countries are ISO 3166 alpha-2 codes, case-insensitive.
package taxid

import (
	"strings"
	"unicode"
)

// Severity grades a Check; its zero value means "not checked" and Check never returns it.
type Severity int

// Severities, from best to worst, so callers may compare with < and >.
const (
	// OK means the ID is well formed and its check digit is right.
	OK Severity = iota + 1
	// Warning means the ID is usable but doubtful: an RFC failing only its
	// check character, the generic RFC, a 9-digit NIT without a dash.
	Warning
	// Invalid means the ID is malformed or its check digit is wrong; the business may still decide to keep it.
	Invalid
)

// String returns "ok", "warning", "invalid", or "unchecked" for the zero value.
func (s Severity) String() string {
	switch s {
	case OK:
		return "ok"
	case Warning:
		return "warning"
	case Invalid:
		return "invalid"
	}
	return "unchecked"
}

// Reason codes are stable, machine-readable strings the UI translates; they must never change once shipped.
const (
	// ReasonEmpty means nothing was left after removing spaces, dots and dashes.
	ReasonEmpty = "empty"
	// ReasonBadLength means the ID has the wrong number of characters for its country.
	ReasonBadLength = "bad_length"
	// ReasonBadChars means the ID holds characters its country's format does not allow there.
	ReasonBadChars = "bad_chars"
	// ReasonBadCheckDigit means the check character is not the one computed from the body; see Result.Expected.
	ReasonBadCheckDigit = "bad_check_digit"
	// ReasonMissingCheckDigit means a Colombian NIT seems written without its DV; see Result.Expected.
	ReasonMissingCheckDigit = "missing_check_digit"
	// ReasonAmbiguousCheckDigit means 9 NIT digits without a dash may be a cédula + DV or a company NIT without DV.
	ReasonAmbiguousCheckDigit = "ambiguous_check_digit"
	// ReasonBadPrefix means a RUC or CUIT starts with a type prefix that is not issued.
	ReasonBadPrefix = "bad_prefix"
	// ReasonBadDate means an RFC's YYMMDD part is not a calendar date.
	ReasonBadDate = "bad_date"
	// ReasonGeneric means the RFC is XAXX010101000, the SAT's generic "público en general" ID, which names no customer.
	ReasonGeneric = "generic"
	// ReasonUnknownCountry means the country code is not one of CL, CO, PE, MX, AR.
	ReasonUnknownCountry = "unknown_country"
)

// describe turns a reason code into readable English for logs.
func describe(reason string) string {
	switch reason {
	case ReasonEmpty:
		return "empty"
	case ReasonBadLength:
		return "wrong length"
	case ReasonBadChars:
		return "invalid characters"
	case ReasonBadCheckDigit:
		return "wrong check digit"
	case ReasonMissingCheckDigit:
		return "missing check digit"
	case ReasonAmbiguousCheckDigit:
		return "check digit may be missing"
	case ReasonBadPrefix:
		return "invalid type prefix"
	case ReasonBadDate:
		return "invalid date"
	case ReasonGeneric:
		return "generic ID"
	case ReasonUnknownCountry:
		return "unknown country"
	}
	return reason
}

// Error reports why CheckDigit could not compute a check digit; Reason is one of the Reason constants.
type Error struct {
	Country string
	Reason  string
}

// Error returns a readable English description for logs.
func (e *Error) Error() string {
	return "taxid: " + e.Country + ": " + describe(e.Reason)
}

// Result is the outcome of Check.
type Result struct {
	// Country is the upper-cased country code Check was given.
	Country string
	// Normalized is Normalize(Country, raw): the form to store and match on.
	Normalized string
	// Formatted is the conventional display form, or "" when length, characters
	// or (for a 9-digit NIT without a dash) the position of the DV are in doubt.
	Formatted string
	// Severity grades the ID.
	Severity Severity
	// Reason is "" for OK, else one of the Reason constants.
	Reason string
	// Expected is the check character that would have been right, set with
	// ReasonBadCheckDigit, ReasonMissingCheckDigit and ReasonAmbiguousCheckDigit
	// so the UI can say which one ("debería terminar en K").
	Expected string
}

// Name returns the local name of the country's tax ID ("RUT", "NIT", "RUC", "RFC", "CUIT"), or "" if unknown.
func Name(country string) string {
	switch canonCountry(country) {
	case "CL":
		return "RUT"
	case "CO":
		return "NIT"
	case "PE":
		return "RUC"
	case "MX":
		return "RFC"
	case "AR":
		return "CUIT"
	}
	return ""
}

// canonCountry upper-cases and trims a country code.
func canonCountry(country string) string {
	return strings.ToUpper(strings.TrimSpace(country))
}

// Normalize returns the canonical form of a tax ID: spaces (including NBSP),
// dots and dashes removed and letters upper-cased (k becomes K; the RFC keeps
// Ñ and &). For a RUT or NIT the leading zeros of the body are dropped too, so
// "076.123.456-7" becomes "761234567" and the last character is always the
// check digit. Normalize never fails: characters it does not expect are kept
// for Check to report. It is idempotent.
func Normalize(country, raw string) string {
	s := clean(raw)
	switch canonCountry(country) {
	case "CL":
		if rutShape(s) {
			s = stripBodyZeros(s)
		}
	case "CO":
		if allDigits(s) {
			s = stripBodyZeros(s)
		}
	}
	return s
}

// clean drops spaces, dots and dashes and upper-cases the rest.
func clean(raw string) string {
	var b strings.Builder
	b.Grow(len(raw))
	for _, r := range raw {
		if isSpace(r) || r == '.' || isDash(r) {
			continue
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// isSpace reports the blanks that copy-paste from PDFs, portals and Excel leaves inside IDs.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF'
}

// isDash reports the hyphen and the look-alikes word processors substitute for it.
func isDash(r rune) bool {
	switch r {
	case '-', '\u00AD', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return true
	}
	return false
}

// stripBodyZeros drops leading zeros from everything but the last character
// (the check digit), keeping at least one body digit.
func stripBodyZeros(s string) string {
	if len(s) < 2 {
		return s
	}
	body, dv := s[:len(s)-1], s[len(s)-1:]
	for len(body) > 1 && body[0] == '0' {
		body = body[1:]
	}
	return body + dv
}

// allDigits reports whether s is non-empty ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// rutShape reports whether s is digits ending in a digit or K.
func rutShape(s string) bool {
	if len(s) < 2 {
		return false
	}
	last := s[len(s)-1]
	return allDigits(s[:len(s)-1]) && (last == 'K' || (last >= '0' && last <= '9'))
}

// Format returns the conventional display form of a tax ID: RUT
// "76.123.456-7", NIT "890.903.938-8", CUIT "30-12345678-1", RUC and RFC
// unchanged. The input is normalized first; an ID whose shape does not allow
// formatting is returned normalized.
func Format(country, normalized string) string {
	c := canonCountry(country)
	n := Normalize(c, normalized)
	switch c {
	case "CL":
		if rutShape(n) {
			return groupThousands(n[:len(n)-1]) + "-" + n[len(n)-1:]
		}
	case "CO":
		if len(n) >= 2 && allDigits(n) {
			return groupThousands(n[:len(n)-1]) + "-" + n[len(n)-1:]
		}
	case "AR":
		if len(n) == 11 && allDigits(n) {
			return n[:2] + "-" + n[2:10] + "-" + n[10:]
		}
	}
	return n
}

// groupThousands puts a dot between groups of three ASCII digits, from the right.
func groupThousands(digits string) string {
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3)
	for i := 0; i < len(digits); i++ {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}

// sortKeyWidth is how many digits a number is padded to in a SortKey: more
// than any tax ID's body has.
const sortKeyWidth = 20

// SortKey is the key tax IDs are ordered by: by the number of their body,
// so 9.876.543-3 comes before 12.345.678-5, then by the check character; an
// ID with letters (an RFC, a foreign ID) is ordered with each run of digits
// compared as a number. Spaces, dots and dashes do not count, so any written
// form of an ID has the same key; byte order of the keys is the order of the IDs.
func SortKey(id string) string {
	s := clean(id)
	if rutShape(s) {
		return padNumber(s[:len(s)-1]) + "-" + s[len(s)-1:]
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j > i {
			b.WriteString(padNumber(s[i:j]))
			i = j
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// padNumber writes ASCII digits zero-padded to sortKeyWidth, so that byte
// order is numeric order; longer runs keep their length in a prefix of 9s.
func padNumber(digits string) string {
	digits = strings.TrimLeft(digits, "0")
	if len(digits) > sortKeyWidth {
		return strings.Repeat("9", sortKeyWidth) + digits
	}
	return strings.Repeat("0", sortKeyWidth-len(digits)) + digits
}
