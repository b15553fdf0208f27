package taxid

import (
	"strings"
	"unicode/utf8"
)

// Length limits of the bodies (the ID without its check character).
const (
	// rutMinBody and rutMaxBody admit RUNs of elderly people (6 digits) up to
	// companies (8 digits) and leave room for 9-digit numbers not yet issued.
	rutMinBody, rutMaxBody = 6, 9
	// nitMinBody and nitMaxBody span short old cédulas to the 15 digits the DIAN weights cover.
	nitMinBody, nitMaxBody = 6, 15
	// nitCompanyDigits is the length of a company NIT without its DV, which
	// Colombian forms keep in a separate field that exports often drop.
	nitCompanyDigits = 9
)

// Check normalizes raw and grades it as a tax ID of country (CL, CO, PE, MX, AR).
//
// Per country: RUT is a body of 6-9 digits and a mod-11 check digit (0-9 or K).
// NIT is a body of 6-15 digits and a DV; the DV is the part after the last
// dash, or without a dash the last digit (so 10 digits are a company NIT +
// DV); 10 or more digits without a dash that fail that way are an ID written
// without its DV and get Warning: ReasonMissingCheckDigit; and exactly 9 digits without a dash are ambiguous and get
// Warning: ReasonMissingCheckDigit when they fail as 8 digits + DV,
// ReasonAmbiguousCheckDigit when they pass, with Expected the DV they would
// have as a 9-digit company NIT, and no Formatted. RUC and CUIT are 11 digits with an
// issued type prefix. RFC is 12 (company) or 13 (person) characters with a
// valid YYMMDD date; an RFC whose only fault is its check character gets
// Warning, never Invalid, because about 1.5 % of RFCs in real use fail it, and
// the generic XAXX010101000 gets Warning with ReasonGeneric.
func Check(country, raw string) Result {
	c := canonCountry(country)
	r := Result{Country: c, Normalized: Normalize(c, raw)}
	if Name(c) == "" {
		r.Severity, r.Reason = Invalid, ReasonUnknownCountry
		return r
	}
	if r.Normalized == "" {
		r.Severity, r.Reason = Invalid, ReasonEmpty
		return r
	}
	n := r.Normalized
	switch c {
	case "CL":
		checkRUT(&r, n)
	case "CO":
		checkNIT(&r, n, raw)
	case "PE":
		checkRUC(&r, n)
	case "AR":
		checkCUIT(&r, n)
	case "MX":
		checkRFC(&r, n)
	}
	return r
}

// invalid marks r Invalid for reason.
func (r *Result) invalid(reason string) {
	r.Severity, r.Reason = Invalid, reason
}

// compare sets r's formatting and grades the check digit got against want.
func (r *Result) compare(got, want string, mismatch Severity) {
	r.Formatted = Format(r.Country, r.Normalized)
	if got == want {
		r.Severity = OK
		return
	}
	r.Severity, r.Reason, r.Expected = mismatch, ReasonBadCheckDigit, want
}

func checkRUT(r *Result, n string) {
	if !rutShape(n) {
		// A lone digit or K has valid characters; it is just too short.
		if len(n) == 1 && (allDigits(n) || n == "K") {
			r.invalid(ReasonBadLength)
		} else {
			r.invalid(ReasonBadChars)
		}
		return
	}
	body := n[:len(n)-1]
	if reason := rutBodyReason(body); reason != "" {
		r.invalid(reason)
		return
	}
	r.compare(n[len(n)-1:], rutDV(body), Invalid)
}

func checkNIT(r *Result, n, raw string) {
	if !allDigits(n) {
		r.invalid(ReasonBadChars)
		return
	}
	after, dashed := afterLastDash(raw)
	if dashed && len(after) != 1 {
		// "890903938-88": a DV is always one digit.
		r.invalid(ReasonBadLength)
		return
	}
	body := n[:len(n)-1]
	if len(n) < 2 || nitBodyReason(body) != "" {
		r.invalid(ReasonBadLength)
		return
	}
	got, want := n[len(n)-1:], nitDV(body)
	if !dashed && len(n) == nitCompanyDigits {
		// Nine digits without a dash are either an 8-digit cédula + DV or a
		// company NIT whose DV was kept in another column, as Colombian forms
		// do. Even when the first reading checks it is a guess (Bancolombia's
		// 890903938 checks as cédula 89090393 + DV 8), so only warn and offer
		// the DV of the company reading.
		r.Severity, r.Reason, r.Expected = Warning, ReasonMissingCheckDigit, nitDV(n)
		if got == want {
			r.Reason = ReasonAmbiguousCheckDigit
		}
		return
	}
	if !dashed && len(n) >= nitCompanyDigits+1 && got != want {
		// Ten or more digits without a dash that fail as body + DV are a
		// cédula or NIT written without its DV, not a wrong DV.
		r.Severity, r.Reason, r.Expected = Warning, ReasonMissingCheckDigit, nitDV(n)
		return
	}
	r.compare(got, want, Invalid)
}

// afterLastDash returns the cleaned text after the last dash of raw, and
// whether there was a dash with something after it.
func afterLastDash(raw string) (string, bool) {
	i := strings.LastIndexFunc(raw, isDash)
	if i < 0 {
		return "", false
	}
	_, size := utf8.DecodeRuneInString(raw[i:])
	after := clean(raw[i+size:])
	return after, after != ""
}

func checkRUC(r *Result, n string) {
	if !allDigits(n) {
		r.invalid(ReasonBadChars)
		return
	}
	if len(n) != 11 {
		r.invalid(ReasonBadLength)
		return
	}
	if reason := rucBodyReason(n[:10]); reason != "" {
		r.invalid(reason)
		return
	}
	r.compare(n[10:], rucDV(n[:10]), Invalid)
}

func checkCUIT(r *Result, n string) {
	if !allDigits(n) {
		r.invalid(ReasonBadChars)
		return
	}
	if len(n) != 11 {
		r.invalid(ReasonBadLength)
		return
	}
	if reason := cuitBodyReason(n[:10]); reason != "" {
		r.invalid(reason)
		return
	}
	r.compare(n[10:], cuitDV(n[:10]), Invalid)
}

// genericRFC is the SAT's RFC for sales to the general public; it fails its own check digit.
const genericRFC = "XAXX010101000"

func checkRFC(r *Result, n string) {
	rs := []rune(n)
	for _, c := range rs {
		if rfcValue(c) < 0 || c == ' ' {
			r.invalid(ReasonBadChars)
			return
		}
	}
	if len(rs) != 12 && len(rs) != 13 {
		r.invalid(ReasonBadLength)
		return
	}
	if !isRFCHomoclaveChar(rs[len(rs)-1]) {
		r.invalid(ReasonBadChars)
		return
	}
	body := rs[:len(rs)-1]
	if reason := rfcBodyReason(body); reason != "" {
		r.invalid(reason)
		return
	}
	if n == genericRFC {
		r.Formatted = n
		r.Severity, r.Reason = Warning, ReasonGeneric
		return
	}
	r.compare(string(rs[len(rs)-1]), rfcDV(body), Warning)
}

// CheckDigit computes the check character for body, the tax ID without its
// check character, cleaned like Normalize does:
//   - CL: RUT body, 6-9 digits ("76086428" gives "5"); result 0-9 or K.
//   - CO: NIT body, 6-15 digits ("890903938" gives "8").
//   - PE: first 10 digits of a RUC, with prefix 10, 15, 16, 17 or 20.
//   - AR: first 10 digits of a CUIT, with prefix 20, 23, 24, 27, 30, 33 or 34;
//     a remainder of 10 gives "9", per the rule in use.
//   - MX: first 11 (company) or 12 (person) characters of an RFC, with a valid date.
//
// The error is an *Error whose Reason says what is wrong with body.
func CheckDigit(country, body string) (string, error) {
	c := canonCountry(country)
	b := clean(body)
	fail := func(reason string) (string, error) {
		return "", &Error{Country: c, Reason: reason}
	}
	if Name(c) == "" {
		return fail(ReasonUnknownCountry)
	}
	if b == "" {
		return fail(ReasonEmpty)
	}
	if c == "MX" {
		rs := []rune(b)
		if len(rs) != 11 && len(rs) != 12 {
			return fail(ReasonBadLength)
		}
		if reason := rfcBodyReason(rs); reason != "" {
			return fail(reason)
		}
		return rfcDV(rs), nil
	}
	if !allDigits(b) {
		return fail(ReasonBadChars)
	}
	var reason string
	var dv func(string) string
	switch c {
	case "CL":
		b = strings.TrimLeft(b, "0")
		reason, dv = rutBodyReason(b), rutDV
	case "CO":
		b = strings.TrimLeft(b, "0")
		reason, dv = nitBodyReason(b), nitDV
	case "PE":
		reason, dv = rucBodyReason(b), rucDV
	case "AR":
		reason, dv = cuitBodyReason(b), cuitDV
	}
	if reason != "" {
		return fail(reason)
	}
	return dv(b), nil
}

// rutBodyReason validates a RUT body of digits without leading zeros.
func rutBodyReason(body string) string {
	if len(body) < rutMinBody || len(body) > rutMaxBody || body[0] == '0' {
		return ReasonBadLength
	}
	return ""
}

// nitBodyReason validates a NIT body of digits without leading zeros.
func nitBodyReason(body string) string {
	if len(body) < nitMinBody || len(body) > nitMaxBody || body[0] == '0' {
		return ReasonBadLength
	}
	return ""
}

// rucBodyReason validates the first 10 digits of a RUC.
func rucBodyReason(body string) string {
	if len(body) != 10 {
		return ReasonBadLength
	}
	switch body[:2] {
	case "10", "15", "16", "17", "20":
		return ""
	}
	return ReasonBadPrefix
}

// cuitBodyReason validates the first 10 digits of a CUIT.
func cuitBodyReason(body string) string {
	if len(body) != 10 {
		return ReasonBadLength
	}
	switch body[:2] {
	case "20", "23", "24", "27", "30", "33", "34":
		return ""
	}
	return ReasonBadPrefix
}

// rfcBodyReason validates an RFC without its check character: 3 (company)
// or 4 (person) letters, YYMMDD, and two homoclave characters.
func rfcBodyReason(body []rune) string {
	letters := len(body) - 8
	if letters != 3 && letters != 4 {
		return ReasonBadLength
	}
	for i, c := range body {
		var ok bool
		switch {
		case i < letters:
			ok = (c >= 'A' && c <= 'Z') || c == 'Ñ' || c == '&'
		case i < letters+6:
			ok = c >= '0' && c <= '9'
		default:
			ok = isRFCHomoclaveChar(c)
		}
		if !ok {
			return ReasonBadChars
		}
	}
	d := body[letters : letters+6]
	yy := int(d[0]-'0')*10 + int(d[1]-'0')
	mm := int(d[2]-'0')*10 + int(d[3]-'0')
	dd := int(d[4]-'0')*10 + int(d[5]-'0')
	if !validDate(yy, mm, dd) {
		return ReasonBadDate
	}
	return ""
}

// isRFCHomoclaveChar reports whether c may appear in the 3-character homoclave.
func isRFCHomoclaveChar(c rune) bool {
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// validDate reports whether YYMMDD is a calendar date in 19YY or 20YY; a
// two-digit year divisible by 4 is a leap year in both centuries (2000 was).
func validDate(yy, mm, dd int) bool {
	if mm < 1 || mm > 12 || dd < 1 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[mm]
	if mm == 2 && yy%4 == 0 {
		days = 29
	}
	return dd <= days
}
