package bankfile

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"cartera/backend/money"
)

// Profile says how one bank writes its statement as a spreadsheet or a text
// file: where its columns are, how it writes dates and amounts, which rows
// are not movements. It is data, not code: the built-in profiles (profiles.go)
// and the ones a user builds in the mapping wizard for a bank Cartera does
// not know are the same type, stored as JSON in the portfolio.
//
// A profile finds its columns in one of three ways: by the names in a header
// row (Columns[i].Names, the usual case), by position in rows without known
// names (Columns[i].Index, for exports without a header row), or by position
// in fixed-width lines (Fixed, with Columns[i].Index naming a field).
type Profile struct {
	Name     string `json:"name"`               // stable id, e.g. "cl-bci"
	Bank     string `json:"bank"`               // the bank's name as people say it, e.g. "BCI"
	Country  string `json:"country"`            // ISO 3166 alpha-2: "CL", "CO", "MX", "PE", "AR", "VE"
	Currency string `json:"currency,omitempty"` // ISO 4217 when the layout fixes it; "" = the file's or the caller's
	// Markers are words of the preamble above the table that tell this bank
	// apart from another one with the same column names (e.g. "BANCOLOMBIA").
	Markers []string `json:"markers,omitempty"`
	// Columns are the columns the profile reads, each with its role. A role
	// may appear more than once (several description columns are joined).
	Columns []Column `json:"columns"`
	// Delimiter forces the delimiter of a text file ("," ";" "\t" "|"); ""
	// takes the one the file uses.
	Delimiter string `json:"delimiter,omitempty"`
	// SkipRows is, for a profile whose columns are found by position, how
	// many non-blank rows at most may stand above the data (a header of
	// unknown names); they are skipped when they do not read as data.
	SkipRows int `json:"skipRows,omitempty"`
	// Cells is, for a profile whose columns are found by position, the least
	// number of cells a row of data has.
	Cells int `json:"cells,omitempty"`
	// Fixed cuts each line of a fixed-width text file into fields; the
	// columns then name fields by Index (1-based, in the order given here).
	Fixed []FixedField `json:"fixed,omitempty"`
	// Records describes files whose rows carry a record type in one column
	// and only some types are movements.
	Records *Records `json:"records,omitempty"`
	// Dates are the layouts the date columns may use, tried in order; the
	// first one that reads every date of the file is used for the whole file.
	// Tokens: dd d mm m yyyy yy, separated by "/", "-", "." or nothing
	// ("yyyymmdd"); "dd/mm" has no year (taken from the period the file
	// states, or inferred). Spreadsheet cells holding Excel serial numbers
	// are read as dates whatever the layout.
	Dates []string `json:"dates"`
	// Number is how amounts are written.
	Number Number `json:"number"`
	// Sign gives the values of the RoleSign column.
	Sign *Sign `json:"sign,omitempty"`
	// PseudoCodes are values of the RoleCode column that mark a row that is
	// not a movement (a balance row, a retention); such rows give a balance
	// when their description names one, and are otherwise left out.
	PseudoCodes []string `json:"pseudoCodes,omitempty"`
	// Stop are extra texts that, starting a row, end the table (beyond the
	// ones every profile knows: "Resumen", "Saldos diarios", "Total", ...).
	Stop []string `json:"stop,omitempty"`
}

// Role is what a column holds.
type Role string

// Roles of columns.
const (
	RoleDate        Role = "date"        // booking date (required)
	RoleValueDate   Role = "valueDate"   // value date ("fecha valuta")
	RoleDescription Role = "description" // free text; several are joined with " "
	RoleReference   Role = "reference"   // document, check or operation number
	RoleAmount      Role = "amount"      // signed amount: positive is money in
	RoleDebit       Role = "debit"       // money out (cargos, débitos, retiros)
	RoleCredit      Role = "credit"      // money in (abonos, créditos, depósitos)
	RoleSign        Role = "sign"        // a flag saying in or out (see Profile.Sign)
	RoleBalance     Role = "balance"     // running balance after the line
	RolePayer       Role = "payer"       // the counterparty's name
	RolePayerID     Role = "payerId"     // the counterparty's tax ID or account
	RoleBranch      Role = "branch"      // branch or channel; added to the description
	RoleBankTxnID   Role = "bankTxnId"   // the bank's unique id of the movement
	RoleCode        Role = "code"        // the bank's own type code
	RoleAccount     Role = "account"     // the account number, repeated on every row
	// RoleDetail is a column kept in the description as "NAME value" when it
	// is not empty or zero (Mercado Pago's gross amount and fees).
	RoleDetail Role = "detail"
)

// Column is one column of a profile.
type Column struct {
	Role Role `json:"role"`
	// Names are the header texts the bank writes for this column (any one
	// matches; case, accents, punctuation and spacing do not matter).
	Names []string `json:"names,omitempty"`
	// Index is the 1-based position of the column in a file without a header
	// of known names, or of the field in Profile.Fixed.
	Index int `json:"index,omitempty"`
	// Optional columns may be absent from a file.
	Optional bool `json:"optional,omitempty"`
	// RefSeparator, on a description column, splits "concept / reference":
	// the text after the last separator goes to the line's reference.
	RefSeparator string `json:"refSeparator,omitempty"`
}

// Number says how a profile's amounts are written. A zero Number decides the
// separators per file from the amounts it holds, the country breaking ties.
type Number struct {
	Decimal string `json:"decimal,omitempty"` // "." or ","; "" = decide per file
	Group   string `json:"group,omitempty"`   // "," "." " " or "" for none; used only with Decimal
	// Implied is the number of decimals implied in amounts written with
	// digits only ("00000120000000" with 2 is 1,200,000.00).
	Implied int `json:"implied,omitempty"`
}

// Sign lists the values of a sign column: money in, money out.
type Sign struct {
	In  []string `json:"in"`  // e.g. "A" (abono), "C" (crédito), "2", "+"
	Out []string `json:"out"` // e.g. "C" (cargo), "D" (débito), "1", "-"
}

// FixedField is one field of a fixed-width line.
type FixedField struct {
	Start int `json:"start"` // 1-based position of its first character
	Width int `json:"width"` // number of characters
	// Grow marks the one field that takes the extra characters of a line
	// longer than the layout (a description that overflows); the fields
	// after it move right by as much.
	Grow bool `json:"grow,omitempty"`
}

// Records describes a record-typed file: every row starts with a type code,
// and only one type is a movement.
type Records struct {
	Column   int      `json:"column"`   // 1-based column of the record type
	Movement string   `json:"movement"` // the type of movement rows, e.g. "22"
	Types    []string `json:"types"`    // every type the file may hold
	// Opening is read from the first row of its type, Closing from the last.
	Opening *RecordBalance `json:"opening,omitempty"`
	Closing *RecordBalance `json:"closing,omitempty"`
	// Account is the 1-based columns of the Opening record joined with "-"
	// to make the account number.
	Account []int `json:"account,omitempty"`
}

// RecordBalance is where a record type carries a balance.
type RecordBalance struct {
	Type   string `json:"type"`
	Amount int    `json:"amount"`         // 1-based column of the amount
	Sign   int    `json:"sign,omitempty"` // 1-based column of its sign flag (Profile.Sign values), 0 = none
	Date   int    `json:"date,omitempty"` // 1-based column of its date, 0 = none
}

// positional reports a profile whose columns are found by position.
func (p *Profile) positional() bool {
	for _, c := range p.Columns {
		if len(c.Names) > 0 {
			return false
		}
	}
	return true
}

// has reports whether the profile has a column of role r.
func (p *Profile) has(r Role) bool {
	for _, c := range p.Columns {
		if c.Role == r {
			return true
		}
	}
	return false
}

// Validate reports what makes a profile unusable: no date column, no amount
// column, a sign column without values, a position without a field. A user's
// profile from the mapping wizard is checked before it is saved.
func (p *Profile) Validate() error {
	if p.Name == "" {
		return fmt.Errorf("profile without a name")
	}
	if !p.has(RoleDate) {
		return fmt.Errorf("profile %s has no date column", p.Name)
	}
	if !p.has(RoleAmount) && !p.has(RoleDebit) && !p.has(RoleCredit) {
		return fmt.Errorf("profile %s has no amount, debit or credit column", p.Name)
	}
	if p.has(RoleSign) && (p.Sign == nil || len(p.Sign.In)+len(p.Sign.Out) == 0) {
		return fmt.Errorf("profile %s has a sign column but no sign values", p.Name)
	}
	for _, c := range p.Columns {
		if len(c.Names) == 0 && c.Index <= 0 {
			return fmt.Errorf("profile %s: a %s column has neither names nor a position", p.Name, c.Role)
		}
		if len(p.Fixed) > 0 && c.Index > len(p.Fixed) {
			return fmt.Errorf("profile %s: a %s column names field %d of %d", p.Name, c.Role, c.Index, len(p.Fixed))
		}
	}
	if len(p.Dates) == 0 {
		return fmt.Errorf("profile %s has no date layout", p.Name)
	}
	for _, d := range p.Dates {
		if _, err := compileDateLayout(d); err != nil {
			return fmt.Errorf("profile %s: %w", p.Name, err)
		}
	}
	if p.Number.Decimal != "" && p.Number.Decimal != "." && p.Number.Decimal != "," {
		return fmt.Errorf("profile %s: decimal separator %q is not \".\" or \",\"", p.Name, p.Number.Decimal)
	}
	if p.Number.Implied < 0 || p.Number.Implied > 6 {
		return fmt.Errorf("profile %s: %d implied decimals", p.Name, p.Number.Implied)
	}
	if p.Records != nil && (p.Records.Column <= 0 || p.Records.Movement == "") {
		return fmt.Errorf("profile %s: records without a type column or movement type", p.Name)
	}
	return nil
}

// columnName is the name a message gives a profile's column: its first
// header name, or its role and position.
func (c Column) columnName() string {
	if len(c.Names) > 0 {
		return c.Names[0]
	}
	return fmt.Sprintf("%d", c.Index)
}

// fold reduces a header or label text to what matters for comparing it:
// lower case, no accents, letters and digits separated by single spaces
// ("N°  DE\u00a0DOCUMENTO" and "Nº de Documento" both give "n de documento").
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r != 'º' && r != 'ª' && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// dateLayout is a compiled date layout of a profile ("dd/mm/yyyy").
type dateLayout struct {
	text   string
	order  []byte // 'd', 'm', 'y' in the order written
	widths []int  // digits of each part with no separators; 0 = 1 or 2 digits
	sep    bool   // parts are separated ("/", "-", ".")
	year   int    // digits of the year: 4, 2, or 0 when the layout has none
}

// compileDateLayout reads a layout such as "dd/mm/yyyy", "yyyymmdd" or "dd/mm".
func compileDateLayout(s string) (dateLayout, error) {
	l := dateLayout{text: s}
	lower := strings.ToLower(strings.TrimSpace(s))
	for i := 0; i < len(lower); {
		c := lower[i]
		switch c {
		case 'd', 'm', 'y':
			j := i
			for j < len(lower) && lower[j] == c {
				j++
			}
			n := j - i
			switch {
			case c == 'y' && (n == 2 || n == 4):
				l.year = n
			case c != 'y' && (n == 1 || n == 2):
			default:
				return l, fmt.Errorf("date layout %q: %q", s, lower[i:j])
			}
			l.order = append(l.order, c)
			l.widths = append(l.widths, n)
			i = j
		case '/', '-', '.':
			l.sep = true
			i++
		default:
			return l, fmt.Errorf("date layout %q: unexpected %q", s, c)
		}
	}
	if len(l.order) < 2 || !strings.Contains(string(l.order), "d") || !strings.Contains(string(l.order), "m") {
		return l, fmt.Errorf("date layout %q needs a day and a month", s)
	}
	if !l.sep {
		for _, w := range l.widths {
			if w == 1 {
				return l, fmt.Errorf("date layout %q: without separators every part needs its width", s)
			}
		}
	}
	return l, nil
}

// ymd is a date read from text; year 0 means the text had none.
type ymd struct{ y, m, d int }

// parse reads text in the layout; a time after the date ("01/11/2024 10:22",
// "2024-11-05T10:22:33-03:00") is ignored.
func (l dateLayout) parse(text string) (ymd, bool) {
	s := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text), "'"))
	if i := strings.IndexAny(s, " T"); i > 0 {
		s = s[:i]
	}
	var parts []string
	if l.sep {
		parts = strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
		if len(parts) != len(l.order) || strings.Count(s, "/")+strings.Count(s, "-")+strings.Count(s, ".") != len(l.order)-1 {
			return ymd{}, false
		}
	} else {
		n := 0
		for _, w := range l.widths {
			n += w
		}
		if len(s) != n {
			return ymd{}, false
		}
		for _, w := range l.widths {
			parts = append(parts, s[:w])
			s = s[w:]
		}
	}
	var v ymd
	for i, p := range parts {
		if p == "" || len(p) > 4 {
			return ymd{}, false
		}
		n := 0
		for j := 0; j < len(p); j++ {
			if p[j] < '0' || p[j] > '9' {
				return ymd{}, false
			}
			n = n*10 + int(p[j]-'0')
		}
		switch l.order[i] {
		case 'd':
			if len(p) > 2 {
				return ymd{}, false
			}
			v.d = n
		case 'm':
			if len(p) > 2 {
				return ymd{}, false
			}
			v.m = n
		case 'y':
			if len(p) != l.year {
				return ymd{}, false
			}
			if l.year == 2 {
				n += 2000
			}
			v.y = n
		}
	}
	if v.m < 1 || v.m > 12 || v.d < 1 || v.d > 31 {
		return ymd{}, false
	}
	if v.y != 0 && !validDay(v.y, v.m, v.d) {
		return ymd{}, false
	}
	if v.y == 0 && !validDay(2000, v.m, v.d) { // a leap year allows 29/02
		return ymd{}, false
	}
	return v, true
}

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
	if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

// compileLayouts compiles a profile's date layouts, leaving out bad ones
// (Validate reports them).
func compileLayouts(texts []string) []dateLayout {
	var out []dateLayout
	for _, t := range texts {
		if l, err := compileDateLayout(t); err == nil {
			out = append(out, l)
		}
	}
	return out
}

// anyDate reports whether v reads as a date in one of the layouts, or as an
// Excel serial number in a spreadsheet.
func anyDate(v string, layouts []dateLayout, spreadsheet bool) bool {
	if spreadsheet {
		if _, ok := excelSerial(v, false); ok {
			return true
		}
	}
	for _, l := range layouts {
		if _, ok := l.parse(v); ok {
			return true
		}
	}
	return false
}

// excelSerial reads a spreadsheet's stored date: the number of days since
// 1899-12-30 (the 1900 system, counting Excel's phantom 29 February 1900) or
// since 1904-01-01. A fraction (the time of day) is ignored.
func excelSerial(v string, date1904 bool) (ymd, bool) {
	v = strings.TrimSpace(v)
	if i := strings.IndexByte(v, '.'); i >= 0 {
		if strings.Trim(v[i+1:], "0123456789") != "" {
			return ymd{}, false
		}
		v = v[:i]
	}
	if v == "" || len(v) > 7 {
		return ymd{}, false
	}
	n := 0
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return ymd{}, false
		}
		n = n*10 + int(v[i]-'0')
	}
	// A plausible statement date lies between 1950 (18264) and 2119
	// (80000); the bounds also keep a row number, an amount or a yymmdd
	// date from reading as a serial.
	if n < 18264 || n > 80000 {
		return ymd{}, false
	}
	var d time.Time
	if date1904 {
		d = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	} else {
		d = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	}
	return ymd{d.Year(), int(d.Month()), d.Day()}, true
}

// amountReader reads the amounts of one file: its currency, and the number
// style decided once for the whole file.
type amountReader struct {
	currency string
	exp      int
	style    money.Style
	implied  int  // decimals implied in digits-only amounts; 0 = none
	machine  bool // spreadsheet numbers as stored: "1234.5", "1.2E+7"
}

// errNoAmount is an empty cell, a "-" or "$ -": no amount (zero).
var errNoAmount = errors.New("no amount")

// read returns the amount of a cell in minor units; an empty cell or a lone
// "-" is errNoAmount, a malformed one a *money.ParseError.
func (a amountReader) read(v string) (int64, error) {
	v = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), "'"))
	bare := strings.TrimFunc(v, func(r rune) bool { return r == '$' || r == ' ' || r == '\u00a0' })
	if bare == "" || bare == "-" || bare == "--" {
		return 0, errNoAmount
	}
	if a.implied > 0 {
		if n, ok := impliedAmount(v, a.implied, a.exp); ok {
			return n, nil
		}
	}
	if a.machine {
		if plain, ok := machineNumber(v); ok {
			return money.Parse(plain, a.currency, money.StyleUngrouped)
		}
	}
	return money.Parse(v, a.currency, a.style)
}

// impliedAmount reads digits with implied decimals ("00000120000000" with 2
// → 1200000.00) in minor units of a currency with exp decimals.
func impliedAmount(v string, implied, exp int) (int64, bool) {
	neg := false
	switch {
	case strings.HasPrefix(v, "-"):
		neg, v = true, v[1:]
	case strings.HasPrefix(v, "+"):
		v = v[1:]
	case strings.HasSuffix(v, "-"):
		neg, v = true, v[:len(v)-1]
	}
	if v == "" || len(v) > 30 || strings.Trim(v, "0123456789") != "" {
		return 0, false
	}
	v = strings.TrimLeft(v, "0")
	for ; implied > exp; implied-- { // more implied decimals than the currency has: they must be zeros
		if v != "" && v[len(v)-1] != '0' {
			return 0, false
		}
		if v != "" {
			v = v[:len(v)-1]
		}
	}
	if len(v) > 17 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(v); i++ {
		n = n*10 + int64(v[i]-'0')
	}
	for ; implied < exp; implied++ {
		n *= 10
	}
	if n > money.MaxAbs {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}

// machineNumber rewrites a number as a spreadsheet stores it ("1234.5600000000001",
// "-1.2E+7") as plain decimal text rounded to the 15 significant digits
// Excel keeps, so that binary noise is not taken for extra decimals.
func machineNumber(v string) (string, bool) {
	neg := strings.HasPrefix(v, "-")
	if neg {
		v = v[1:]
	}
	exp := 0
	if i := strings.IndexAny(v, "eE"); i >= 0 {
		e, err := strconv.Atoi(strings.TrimPrefix(v[i+1:], "+"))
		if err != nil || e > 30 || e < -30 {
			return "", false
		}
		exp, v = e, v[:i]
	}
	intPart, frac, _ := strings.Cut(v, ".")
	if intPart == "" && frac == "" || strings.Trim(intPart+frac, "0123456789") != "" {
		return "", false
	}
	digits := intPart + frac
	point := len(intPart) + exp
	for len(digits) > 0 && digits[0] == '0' {
		digits, point = digits[1:], point-1
	}
	if len(digits) > 15 {
		round := digits[15] >= '5'
		b := []byte(digits[:15])
		for i := len(b) - 1; round && i >= 0; i-- {
			if b[i] == '9' {
				b[i] = '0'
				continue
			}
			b[i]++
			round = false
		}
		digits = string(b)
		if round {
			digits, point = "1"+digits, point+1
		}
	}
	switch {
	case digits == "":
		digits, point = "0", 1
	case point <= 0:
		digits, point = strings.Repeat("0", 1-point)+digits, 1
	case point > len(digits):
		digits += strings.Repeat("0", point-len(digits))
	}
	out := digits[:point]
	if f := strings.TrimRight(digits[point:], "0"); f != "" {
		out += "." + f
	}
	if neg {
		out = "-" + out
	}
	return out, true
}

// isMachineNumber reports a cell as a spreadsheet stores a number.
func isMachineNumber(v string) bool {
	v = strings.TrimPrefix(v, "-")
	if i := strings.IndexAny(v, "eE"); i >= 0 {
		e := strings.TrimPrefix(strings.TrimPrefix(v[i+1:], "+"), "-")
		if e == "" || strings.Trim(e, "0123456789") != "" {
			return false
		}
		v = v[:i]
	}
	intPart, frac, dot := strings.Cut(v, ".")
	return intPart != "" && strings.Trim(intPart, "0123456789") == "" && (!dot || frac != "" && strings.Trim(frac, "0123456789") == "")
}

// decideStyle picks one number style for all the amounts of a file, from
// the amounts themselves: a cell with both separators, a separator followed
// by other than three digits, or a separator used twice tells; when none
// tells, a currency without decimals takes separators for grouping, and the
// country's custom decides the rest.
func decideStyle(cells []string, exp int, country string) money.Style {
	dotDecimal, commaDecimal := 0, 0
	sawDot, sawComma := false, false
	for _, c := range cells {
		dots, commas := strings.Count(c, "."), strings.Count(c, ",")
		lastDot, lastComma := strings.LastIndexByte(c, '.'), strings.LastIndexByte(c, ',')
		sawDot = sawDot || dots > 0
		sawComma = sawComma || commas > 0
		switch {
		case dots > 0 && commas > 0:
			if lastDot > lastComma {
				dotDecimal++
			} else {
				commaDecimal++
			}
		case dots > 1:
			commaDecimal++
		case commas > 1:
			dotDecimal++
		case dots == 1 && digitsAfter(c, lastDot) != 3:
			dotDecimal++
		case commas == 1 && digitsAfter(c, lastComma) != 3:
			commaDecimal++
		}
	}
	switch {
	case dotDecimal > commaDecimal:
		return money.StyleDotDecimal
	case commaDecimal > dotDecimal:
		return money.StyleCommaDecimal
	case exp == 0 && sawDot && !sawComma:
		return money.StyleCommaDecimal
	case exp == 0 && sawComma && !sawDot:
		return money.StyleDotDecimal
	}
	return money.StyleFor(country)
}

// digitsAfter counts the digits right after position i of s.
func digitsAfter(s string, i int) int {
	n := 0
	for j := i + 1; j < len(s) && s[j] >= '0' && s[j] <= '9'; j++ {
		n++
	}
	return n
}
