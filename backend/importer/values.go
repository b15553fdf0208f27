package importer

import (
	"strconv"
	"strings"
	"time"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/money"
)

// DateOrder is how a file writes day, month and year when it does not use ISO dates.
type DateOrder string

// Date orders.
const (
	DMY DateOrder = "dmy" // 31/01/2026: Latin America and Spain
	MDY DateOrder = "mdy" // 01/31/2026: the United States, some QuickBooks exports
	YMD DateOrder = "ymd" // 2026/01/31
)

// ValidDateOrder reports whether o is a known order.
func ValidDateOrder(o DateOrder) bool { return o == DMY || o == MDY || o == YMD }

var monthNames = map[string]time.Month{
	"ene": 1, "jan": 1, "feb": 2, "mar": 3, "abr": 4, "apr": 4, "may": 5, "jun": 6, "jul": 7,
	"ago": 8, "aug": 8, "sep": 9, "set": 9, "oct": 10, "nov": 11, "dic": 12, "dec": 12,
}

// Reasons a value is rejected; each is also the message key (prefixed "import.").
const (
	ReasonDateInvalid    = "date_invalid"    // not a date in any form
	ReasonDateImpossible = "date_impossible" // 31/02/2026
	ReasonDateRange      = "date_range"      // before 1950 or after 2100: a typo or a serial read as a date
)

// ParseDate reads a date as exports write it: ISO (2026-01-31), day, month
// and year in order (31/01/2026, 31-01-26, 31.01.2026), with a month name
// (31-ene-2026), compact (20260131), with a time after it, or — when serial is
// true, for spreadsheet cells — an Excel serial number (46053).
func ParseDate(raw string, order DateOrder, serial bool) (date.Date, string) {
	s := cutTime(strings.TrimSpace(raw))
	if s == "" {
		return date.Date{}, ReasonDateInvalid
	}
	if serial && isDecimal(s) {
		whole, _, _ := strings.Cut(s, ".")
		n, err := strconv.Atoi(whole)
		if err != nil || n < 18264 || n > 73051 { // 1950-01-01 … 2100-01-01
			return date.Date{}, ReasonDateRange
		}
		return date.New(1899, time.December, 30+n), ""
	}
	if len(s) == 8 && isDigits(s) && (s[:2] == "19" || s[:2] == "20") {
		return ymd(atoi(s[:4]), atoi(s[4:6]), atoi(s[6:]))
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 {
		return date.Date{}, ReasonDateInvalid
	}
	if name := ar.Fold(parts[1]); len(name) >= 3 && isDigits(parts[0]) && isDigits(parts[2]) {
		if m, ok := monthNames[name[:3]]; ok {
			return ymd(year(parts[2]), int(m), atoi(parts[0]))
		}
	}
	for _, p := range parts {
		if !isDigits(p) || len(p) > 4 {
			return date.Date{}, ReasonDateInvalid
		}
	}
	if len(parts[0]) == 4 {
		return ymd(atoi(parts[0]), atoi(parts[1]), atoi(parts[2]))
	}
	if len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) == 3 || len(parts[2]) == 1 {
		return date.Date{}, ReasonDateInvalid
	}
	a, b, y := atoi(parts[0]), atoi(parts[1]), year(parts[2])
	switch order {
	case MDY:
		return ymd(y, a, b)
	case YMD:
		return date.Date{}, ReasonDateInvalid // a 2-digit first part cannot be a year here
	}
	return ymd(y, b, a)
}

// cutTime drops a time after a date: "31/01/2026 00:00:00", "2026-01-31T00:00:00"
// (a T followed by a digit; "15-OCT-2026" keeps its T).
func cutTime(s string) string {
	if i := strings.IndexByte(s, ' '); i > 0 {
		return s[:i]
	}
	for i := 1; i+1 < len(s); i++ {
		if s[i] == 'T' && s[i+1] >= '0' && s[i+1] <= '9' && s[i-1] >= '0' && s[i-1] <= '9' {
			return s[:i]
		}
	}
	return s
}

func ymd(y, m, d int) (date.Date, string) {
	if y < 1950 || y > 2100 {
		return date.Date{}, ReasonDateRange
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return date.Date{}, ReasonDateInvalid
	}
	if !date.Valid(y, time.Month(m), d) {
		return date.Date{}, ReasonDateImpossible
	}
	return date.New(y, time.Month(m), d), ""
}

func year(s string) int {
	y := atoi(s)
	if len(s) == 2 {
		if y < 70 {
			return 2000 + y
		}
		return 1900 + y
	}
	return y
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isDecimal reports a plain machine number: digits with at most one dot.
func isDecimal(s string) bool {
	whole, frac, dot := strings.Cut(s, ".")
	return isDigits(whole) && (!dot || isDigits(frac))
}

// DetectDateOrder reads sample dates and returns the order that makes sense
// of them: a first part above 12 means day first, a second part above 12 month
// first. Without evidence it is day first, as everywhere Cartera is sold.
func DetectDateOrder(samples []string) DateOrder {
	var dmy, mdy int
	for _, s := range samples {
		s = cutTime(strings.TrimSpace(s))
		parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
		if len(parts) != 3 || len(parts[0]) > 2 || !isDigits(parts[0]) || !isDigits(parts[1]) {
			continue
		}
		a, b := atoi(parts[0]), atoi(parts[1])
		switch {
		case a > 12 && b <= 12:
			dmy++
		case b > 12 && a <= 12:
			mdy++
		}
	}
	if mdy > dmy {
		return MDY
	}
	return DMY
}

// DetectStyle reads sample amounts and returns the number style they are
// written in: a value with both separators ends with the decimal one; a lone
// separator followed by other than three digits is decimal. Otherwise the
// country's convention. Plain machine numbers from spreadsheet cells
// ("1234.5") say nothing and are skipped when cells is true.
func DetectStyle(samples []string, country string, cells bool) money.Style {
	var comma, dot int
	for _, s := range samples {
		s = strings.TrimSpace(s)
		if cells && isMachineNumber(s) {
			continue
		}
		lc, ld := strings.LastIndexByte(s, ','), strings.LastIndexByte(s, '.')
		switch {
		case lc >= 0 && ld >= 0:
			if lc > ld {
				comma++
			} else {
				dot++
			}
		case lc >= 0 && strings.Count(s, ",") == 1 && digitsAfter(s, lc) != 3:
			comma++
		case ld >= 0 && strings.Count(s, ".") == 1 && digitsAfter(s, ld) != 3:
			dot++
		case lc >= 0 && strings.Count(s, ",") > 1:
			dot++ // 1,234,567: commas group, so the dot is decimal
		case ld >= 0 && strings.Count(s, ".") > 1:
			comma++
		}
	}
	switch {
	case comma > dot:
		return money.StyleCommaDecimal
	case dot > comma:
		return money.StyleDotDecimal
	}
	return money.StyleFor(country)
}

func digitsAfter(s string, i int) int {
	n := 0
	for _, r := range s[i+1:] {
		if r < '0' || r > '9' {
			break
		}
		n++
	}
	return n
}

// isMachineNumber reports how a spreadsheet stores a number cell: an
// optional minus, digits, an optional dot and decimals (never ending in a
// zero: "250.000" is text with a thousands dot), an optional exponent.
func isMachineNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if m, _, _ := strings.Cut(strings.ToUpper(s), "E"); strings.Contains(m, ".") && strings.HasSuffix(m, "0") {
		return false
	}
	mant, exp, hasExp := strings.Cut(strings.ToUpper(s), "E")
	if hasExp {
		exp = strings.TrimLeft(exp, "+-")
		if !isDigits(exp) {
			return false
		}
	}
	return isDecimal(mant)
}

// ParseAmount reads an amount in minor units of currency. Text is read in
// the file's style; a spreadsheet's number cell (cells true and a machine
// number) is read as the number it is, with binary-float noise beyond the
// ninth decimal rounded away ("1234.5000000000002"). It returns a money
// reason code when the value is not an amount.
func ParseAmount(raw, currency string, style money.Style, cells bool) (int64, string) {
	s := strings.TrimSpace(raw)
	if cells && isMachineNumber(s) {
		v, reason := parseMachine(s, currency)
		// "1.234" in a Chilean sheet is a number typed as text with a thousands dot.
		if reason == money.ReasonTooManyDecimals && style.Group == '.' && strings.Count(s, ".") == 1 && digitsAfter(s, strings.IndexByte(s, '.')) == 3 {
			return ParseAmount(raw, currency, style, false)
		}
		return v, reason
	}
	v, err := money.Parse(s, currency, style)
	if err != nil {
		return 0, money.ReasonOf(err)
	}
	return v, ""
}

func parseMachine(s, currency string) (int64, string) {
	exp, ok := money.Exponent(currency)
	if !ok {
		return 0, money.ReasonUnknownCurrency
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	mant, e, _ := strings.Cut(strings.ToUpper(s), "E")
	shift := 0
	if e != "" {
		n, err := strconv.Atoi(e)
		if err != nil || n > 30 || n < -30 {
			return 0, money.ReasonTooLarge
		}
		shift = n
	}
	whole, frac, _ := strings.Cut(mant, ".")
	digits := whole + frac
	point := len(whole) + shift + exp // digits before the minor-unit point
	for point > len(digits) {
		digits += "0"
	}
	for point < 0 {
		digits = "0" + digits
		point++
	}
	intPart, rest := digits[:point], digits[point:]
	if strings.Trim(rest, "0") != "" {
		if len(frac) < 10 { // real decimals beyond the currency's, not float noise
			return 0, money.ReasonTooManyDecimals
		}
		if rest[0] >= '5' {
			intPart = increment(intPart)
		}
	}
	intPart = strings.TrimLeft(intPart, "0")
	if len(intPart) > 16 {
		return 0, money.ReasonTooLarge
	}
	v, _ := strconv.ParseInt("0"+intPart, 10, 64)
	if v > money.MaxAbs {
		return 0, money.ReasonTooLarge
	}
	if neg {
		v = -v
	}
	return v, ""
}

// increment adds one to a string of decimal digits.
func increment(d string) string {
	b := []byte(d)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '9' {
			b[i]++
			return string(b)
		}
		b[i] = '0'
	}
	return "1" + string(b)
}

// kindNames are the document types exports write, folded, including Chile's
// DTE codes (33 factura, 34 exenta, 56 nota de débito, 61 nota de crédito).
var kindNames = map[string]ar.Kind{
	"factura": ar.KindInvoice, "fac": ar.KindInvoice, "fa": ar.KindInvoice, "fc": ar.KindInvoice, "fce": ar.KindInvoice, "fca": ar.KindInvoice, "fv": ar.KindInvoice, "fact": ar.KindInvoice,
	"factura electronica": ar.KindInvoice, "factura exenta": ar.KindInvoice, "factura afecta": ar.KindInvoice,
	"factura exenta electronica": ar.KindInvoice, "factura de venta": ar.KindInvoice, "fe": ar.KindInvoice, "fex": ar.KindInvoice,
	"invoice": ar.KindInvoice, "inv": ar.KindInvoice, "boleta": ar.KindInvoice, "boleta electronica": ar.KindInvoice,
	"33": ar.KindInvoice, "34": ar.KindInvoice, "30": ar.KindInvoice, "32": ar.KindInvoice, "39": ar.KindInvoice, "41": ar.KindInvoice,
	"nota de credito": ar.KindCreditNote, "nota credito": ar.KindCreditNote, "nc": ar.KindCreditNote, "n c": ar.KindCreditNote, "ncr": ar.KindCreditNote,
	"nota de credito electronica": ar.KindCreditNote, "nce": ar.KindCreditNote, "credit note": ar.KindCreditNote, "credit memo": ar.KindCreditNote,
	"cn": ar.KindCreditNote, "61": ar.KindCreditNote, "60": ar.KindCreditNote,
	"nota de debito": ar.KindDebitNote, "nota debito": ar.KindDebitNote, "nd": ar.KindDebitNote, "n d": ar.KindDebitNote,
	"nota de debito electronica": ar.KindDebitNote, "nde": ar.KindDebitNote, "debit note": ar.KindDebitNote, "debit memo": ar.KindDebitNote,
	"dn": ar.KindDebitNote, "56": ar.KindDebitNote, "55": ar.KindDebitNote,
	"credit_note": ar.KindCreditNote, "debit_note": ar.KindDebitNote,
}

// ParseKind reads a document type; ok is false when it is not one Cartera knows.
func ParseKind(raw string) (ar.Kind, bool) {
	s := strings.Join(strings.FieldsFunc(ar.Fold(strings.TrimSpace(raw)), func(r rune) bool {
		return r == ' ' || r == '.' || r == '/' || r == '-'
	}), " ")
	k, ok := kindNames[s]
	if !ok {
		k, ok = kindNames[strings.ReplaceAll(s, " ", "")]
	}
	return k, ok
}

// countryKinds are the numeric document codes of each country's tax
// authority, which clash between countries: SUNAT's 07 is a credit note and
// AFIP's 7 a debit note B.
var countryKinds = map[string]map[string]ar.Kind{
	// SUNAT's table 10: 01 factura, 03 boleta, 07 nota de crédito, 08 nota de débito.
	"PE": {"1": ar.KindInvoice, "3": ar.KindInvoice, "7": ar.KindCreditNote, "8": ar.KindDebitNote, "12": ar.KindInvoice},
	// AFIP's codes: 1/6/11/19/51 facturas A/B/C/E/M, 2/7/12/20/52 notas de
	// débito, 3/8/13/21/53 notas de crédito, 201-213 the MiPyME (FCE) ones.
	"AR": {"1": ar.KindInvoice, "6": ar.KindInvoice, "11": ar.KindInvoice, "19": ar.KindInvoice, "51": ar.KindInvoice,
		"2": ar.KindDebitNote, "7": ar.KindDebitNote, "12": ar.KindDebitNote, "20": ar.KindDebitNote, "52": ar.KindDebitNote,
		"3": ar.KindCreditNote, "8": ar.KindCreditNote, "13": ar.KindCreditNote, "21": ar.KindCreditNote, "53": ar.KindCreditNote,
		"201": ar.KindInvoice, "206": ar.KindInvoice, "211": ar.KindInvoice, "202": ar.KindDebitNote, "207": ar.KindDebitNote, "212": ar.KindDebitNote,
		"203": ar.KindCreditNote, "208": ar.KindCreditNote, "213": ar.KindCreditNote},
	// DIAN: 01 factura de venta, 02 de exportación, 03 por contingencia, 91 nota crédito, 92 nota débito.
	"CO": {"1": ar.KindInvoice, "2": ar.KindInvoice, "3": ar.KindInvoice, "4": ar.KindInvoice, "91": ar.KindCreditNote, "92": ar.KindDebitNote},
	// CFDI's tipo de comprobante: I ingreso, E egreso (a credit note).
	"MX": {"i": ar.KindInvoice, "ingreso": ar.KindInvoice, "e": ar.KindCreditNote, "egreso": ar.KindCreditNote},
}

// ParseKindIn reads a document type as the programs of country write it:
// the names ParseKind knows, the tax authority's codes (SUNAT 01/03/07/08,
// AFIP 1/3/6/8…, DIAN 01/91/92, CFDI I/E), Argentina's letter after the type
// ("FA A", "NC B", "6 - Factura B", "Factura de Crédito Electrónica MiPyMEs
// (FCE) A") and a code before a name ("01 - Factura"). letter is Argentina's A, B,
// C, E or M when the type carries one.
func ParseKindIn(country, raw string) (k ar.Kind, letter string, ok bool) {
	s := strings.Join(strings.FieldsFunc(ar.Fold(strings.TrimSpace(raw)), func(r rune) bool {
		return r == ' ' || r == '.' || r == '/' || r == '-' || r == '(' || r == ')' || r == '_' || r == ':'
	}), " ")
	if s == "" {
		return ar.KindInvoice, "", false
	}
	words := strings.Fields(s)
	if country == "AR" && len(words) > 1 {
		if last := words[len(words)-1]; len(last) == 1 && strings.Contains("abcem", last) {
			if k, _, ok := parseKindWords(country, words[:len(words)-1]); ok {
				return k, strings.ToUpper(last), true
			}
		}
	}
	return parseKindWords(country, words)
}

// parseKindWords is ParseKindIn of a type already folded into words.
func parseKindWords(country string, words []string) (k ar.Kind, letter string, ok bool) {
	try := func(ws []string) (ar.Kind, bool) {
		w := strings.Join(ws, " ")
		if isDigits(w) {
			if k, ok := countryKinds[country][strings.TrimLeft(w, "0")]; ok {
				return k, true
			}
		}
		if k, ok := countryKinds[country][w]; ok && !isDigits(w) {
			return k, true
		}
		if k, ok := ParseKind(w); ok {
			return k, true
		}
		switch {
		case strings.HasPrefix(w, "factura"), strings.HasPrefix(w, "boleta"), strings.HasPrefix(w, "invoice"):
			return ar.KindInvoice, true
		case strings.HasPrefix(w, "nota de credito"), strings.HasPrefix(w, "nota credito"), strings.HasPrefix(w, "credit"):
			return ar.KindCreditNote, true
		case strings.HasPrefix(w, "nota de debito"), strings.HasPrefix(w, "nota debito"), strings.HasPrefix(w, "debit"):
			return ar.KindDebitNote, true
		}
		return ar.KindInvoice, false
	}
	if k, ok := try(words); ok {
		return k, letter, true
	}
	// "6 - Factura B", "01 Factura": the name after a code, then the code alone.
	if len(words) > 1 && isDigits(words[0]) {
		if k, ok := try(words[1:]); ok {
			return k, letter, true
		}
		if k, ok := try(words[:1]); ok {
			return k, letter, true
		}
	}
	// "Factura de Crédito Electrónica MiPyMEs (FCE)": the first words that say.
	for n := len(words) - 1; n > 0; n-- {
		if k, ok := try(words[:n]); ok {
			return k, letter, true
		}
	}
	return ar.KindInvoice, letter, false
}

// DocumentNumber writes a document's number as it is printed, and as a bank
// transfer or a credit note refers to it, from the parts an export keeps in
// columns of their own: Argentina's letter, point of sale and number
// ("A", "3", "12001" → "A 0003-00012001"); a series or prefix and the number
// ("F001", "123" → "F001-123"; Colombia's "FE", "1001" → "FE1001", as the
// DIAN numbers them). A number that already starts with its series is kept.
func DocumentNumber(country, letter, series, pos, number string) string {
	if pos != "" && number != "" {
		if isDigits(pos) {
			pos = pad(pos, 4)
		}
		n := number
		if isDigits(n) {
			n = pad(n, 8)
		}
		if !strings.Contains(number, "-") {
			number = pos + "-" + n
		}
	}
	if letter != "" && number != "" && !strings.HasPrefix(strings.ToUpper(number), letter) {
		number = letter + " " + number
	}
	if series != "" && number != "" && !strings.HasPrefix(number, series) {
		if country == "CO" {
			return series + number
		}
		return series + "-" + number
	}
	return number
}

func pad(s string, n int) string {
	for len(s) < n {
		s = "0" + s
	}
	return s
}

// ParseTerms reads payment terms as client masters write them: "30", "30
// días", "Crédito 30 días", "Neto 30", "Net 30", "30 días fecha factura",
// "Contado", "CONTADO", "Al contado", "Due on receipt". ok is false when no
// number of days can be read.
func ParseTerms(s string) (int, bool) {
	f := strings.TrimSpace(ar.Fold(s))
	switch {
	case f == "":
		return 0, false
	case strings.Contains(f, "contado") || f == "cash" || strings.Contains(f, "inmediato") || strings.Contains(f, "on receipt") ||
		f == "cod" || f == "contra entrega" || f == "contraentrega" || f == "efectivo" || f == "anticipado" || f == "prepago":
		return 0, true
	}
	start := strings.IndexFunc(f, func(r rune) bool { return r >= '0' && r <= '9' })
	if start < 0 {
		return 0, false
	}
	end := start
	for end < len(f) && f[end] >= '0' && f[end] <= '9' {
		end++
	}
	n, err := strconv.Atoi(f[start:end])
	if err != nil || n < 0 || n > ar.MaxTermsDays {
		return 0, false
	}
	// "30 meses" or "2 semanas" are not days.
	rest := f[end:]
	if strings.HasPrefix(strings.TrimSpace(rest), "mes") || strings.HasPrefix(strings.TrimSpace(rest), "semana") {
		return 0, false
	}
	return n, true
}

// NotReceivable reports a document type that is in sales exports but owes
// nothing: a CFDI of payment (P), transfer (T) or payroll (N), a dispatch
// note, a receipt of payment. Such rows are left out with a notice.
func NotReceivable(country, raw string) bool {
	f := strings.TrimSpace(ar.Fold(raw))
	if country == "MX" && (f == "p" || f == "t" || f == "n") {
		return true
	}
	switch f {
	case "pago", "payment", "recibo", "recibo de pago", "recibo de caja", "rc", "comprobante de pago", "complemento de pago", "traslado", "nomina",
		"guia de despacho", "guia", "remision", "remito", "cotizacion", "presupuesto", "pedido", "estimate", "sales receipt", "deposit", "journal entry":
		return true
	}
	return false
}

// IsCancelled reports a status that says the document no longer exists: a
// cancelled CFDI ("Cancelado", or 0 in the SAT's metadata), a voided invoice
// ("Anulada", "Void").
func IsCancelled(status string) bool {
	switch f := strings.TrimSpace(ar.Fold(status)); f {
	case "cancelado", "cancelada", "cancelled", "canceled", "anulado", "anulada", "nulo", "nula", "void", "voided", "0",
		"cancelado sin aceptacion", "cancelado con aceptacion", "cancelado por plazo vencido", "dado de baja", "baja", "de baja", "eliminado", "eliminada":
		return true
	default:
		return strings.HasPrefix(f, "cancelad") || strings.HasPrefix(f, "anulad")
	}
}
