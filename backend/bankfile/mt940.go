package bankfile

// SWIFT MT940 (customer statement) and MT942 (interim transaction report):
// text in ":tag:" fields, one statement after another, with or without the
// SWIFT envelope {1:...}{2:...}{4: ... -}. A statement is :20: (reference),
// :25: (account), :28C: (number), :60F: (opening balance), pairs of :61:
// (the movement) and :86: (its text), and :62F: (closing balance).

import (
	"bytes"
	"os"
	"strconv"
	"strings"

	"cartera/backend/date"
)

func init() {
	register(format{name: FormatMT940, rank: 30, claim: claimMT940, read: readMT940})
}

// claimMT940 recognises a file whose first field is a SWIFT tag (":20:" or a
// balance ":60F:"), after an optional envelope or ":940:" line, and that has
// an account (:25:), balance (:60F:) or movement (:61:) field near the start.
func claimMT940(head []byte) bool {
	h := bytes.TrimPrefix(head, utf8BOM)
	first := true
	for len(h) > 0 {
		var line []byte
		if i := bytes.IndexByte(h, '\n'); i >= 0 {
			line, h = h[:i], h[i+1:]
		} else {
			line, h = h, nil
		}
		line = bytes.TrimSpace(bytes.Trim(line, "\x01\x03"))
		line = swiftEnvelope(line)
		if len(line) == 0 || string(line) == ":940:" || string(line) == ":942:" {
			continue
		}
		if first {
			tag, _, ok := swiftTag(string(line))
			if !ok || !(tag == "20" || tag == "60F" || tag == "60M") {
				return false
			}
			if tag != "20" {
				return true
			}
			first = false
			continue
		}
		for _, t := range []string{":25:", ":60F:", ":60M:", ":61:", ":34F:"} {
			if bytes.HasPrefix(line, []byte(t)) {
				return true
			}
		}
	}
	return false
}

// swiftEnvelope drops the SWIFT header blocks "{1:...}{2:...}{3:...}{4:" at
// the start of a line and the trailer "-}{5:...}".
func swiftEnvelope(line []byte) []byte {
	for len(line) > 2 && line[0] == '{' && line[2] == ':' {
		if line[1] == '4' {
			return bytes.TrimSpace(line[3:])
		}
		end := matchingBrace(line)
		if end < 0 {
			return nil
		}
		line = bytes.TrimSpace(line[end+1:])
	}
	if bytes.HasPrefix(line, []byte("-}")) {
		return []byte("-")
	}
	return line
}

// matchingBrace is the index of the "}" closing the block that starts line.
func matchingBrace(line []byte) int {
	depth := 0
	for i, c := range line {
		switch c {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// swiftTag splits ":61:value" into "61" and "value".
func swiftTag(line string) (tag, value string, ok bool) {
	if len(line) < 4 || line[0] != ':' || line[1] < '0' || line[1] > '9' || line[2] < '0' || line[2] > '9' {
		return "", "", false
	}
	end := 3
	if line[end] >= 'A' && line[end] <= 'Z' {
		end++
	}
	if end >= len(line) || line[end] != ':' {
		return "", "", false
	}
	return line[1:end], line[end+1:], true
}

// readMT940 reads an MT940 or MT942 file.
func readMT940(path string, opt Options) (File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return File{}, err
	}
	return parseMT940(b, opt)
}

// swiftField is one ":tag:" field with its continuation lines.
type swiftField struct {
	tag   string
	lines []string // the value's physical lines, the first after the tag
	line  int      // physical line of the tag
}

// mt940Statement is a statement being read.
type mt940Statement struct {
	st             Statement
	start          int // line where it starts
	first          int // index in mt940Reader.lines of its first line
	ref, number    string
	opening        bool
	closing        bool
	intermediate   bool // closed by :62M:, to be continued on the next page
	interim        bool // MT942: no balances, a floor limit or date-time instead
	current        *Line
	texts          []string // :61: details and :86: text of the current line
	payer, payerID string
}

// mt940Reader reads the fields of an MT940 or MT942 file in order.
type mt940Reader struct {
	opt   Options
	file  File
	stmt  *mt940Statement
	lines []Line // the lines of all statements, one after another
	// continued is the line where the last statement read started when it
	// closed with an intermediate balance (:62M:): its next page must follow.
	continued int
}

// parseMT940 reads MT940 or MT942 bytes.
func parseMT940(b []byte, opt Options) (File, error) {
	src := guessedText(b)
	r := &mt940Reader{opt: opt}
	// One array holds the lines of all statements, sized by a count of the
	// movements, so that reading a long file does not keep regrowing it.
	r.lines = make([]Line, 0, strings.Count(src, ":61:"))
	last, err := swiftFields(src, r.field)
	if err != nil {
		return File{}, err
	}
	if err := r.endStatement(last); err != nil {
		return File{}, err
	}
	if r.continued > 0 {
		// The last page says another follows (:62M:), and none does.
		return File{}, lineError(FormatMT940, last, "bank.formats.mt940_no_closing", "start", strconv.Itoa(r.continued))
	}
	if len(r.file.Statements) == 0 {
		return File{}, &Error{Format: FormatMT940, Key: "bank.formats.no_statement"}
	}
	finishFile(&r.file)
	return r.file, nil
}

// swiftFields cuts the text into fields and hands each to handle; a line
// that starts no tag continues the field before it. A "-" line (end of
// message) is a field of its own with tag "-". The field's lines are reused
// for the next field once handle returns. It returns the number of the last
// line.
func swiftFields(src string, handle func(*swiftField) error) (int, error) {
	var cur swiftField
	has := false
	flush := func() error {
		if !has {
			return nil
		}
		has = false
		return handle(&cur)
	}
	n := 0
	for len(src) > 0 {
		var line string
		if i := strings.IndexAny(src, "\r\n"); i >= 0 {
			line = src[:i]
			if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
				src = src[i+2:]
			} else {
				src = src[i+1:]
			}
		} else {
			line, src = src, ""
		}
		n++
		line = strings.TrimRight(strings.Trim(line, "\x01\x03\x1a"), " \t")
		if strings.HasPrefix(line, "{") {
			line = string(swiftEnvelope([]byte(line)))
		}
		if line == "" {
			continue
		}
		if line == "-" || line == "-}" || line == ":940:" || line == ":942:" || line == "$" {
			if err := flush(); err != nil {
				return n, err
			}
			if err := handle(&swiftField{tag: "-", line: n}); err != nil {
				return n, err
			}
			continue
		}
		if tag, value, ok := swiftTag(line); ok {
			if err := flush(); err != nil {
				return n, err
			}
			cur = swiftField{tag: tag, lines: append(cur.lines[:0], value), line: n}
			has = true
			continue
		}
		if has {
			cur.lines = append(cur.lines, line)
		}
		// Text before any field is a line of some envelope: nothing to read.
	}
	return n, flush()
}

// field handles one field.
func (r *mt940Reader) field(f *swiftField) error {
	value := f.lines
	first := ""
	if len(value) > 0 {
		first = strings.TrimSpace(value[0])
	}
	switch f.tag {
	case "-":
		return r.endStatement(f.line)
	case "20":
		if err := r.endStatement(f.line); err != nil {
			return err
		}
		r.begin(f.line)
		r.stmt.ref = first
	case "25":
		r.ensure(f.line).st.Account = first
	case "28", "28C":
		r.ensure(f.line).number = first
	case "60F", "60M":
		s := r.ensure(f.line)
		if s.opening || s.closing {
			// A new opening balance without a :20: starts the next statement.
			if err := r.endStatement(f.line); err != nil {
				return err
			}
			s = r.ensure(f.line)
		}
		b, cur, err := r.balance(f, first)
		if err != nil {
			return err
		}
		if s.st.Currency == "" {
			s.st.Currency = cur
		}
		s.st.Opening, s.opening = b, true
	case "62F", "62M":
		s := r.ensure(f.line)
		if err := r.endLine(); err != nil {
			return err
		}
		b, cur, err := r.balance(f, first)
		if err != nil {
			return err
		}
		if s.st.Currency == "" {
			s.st.Currency = cur
		}
		s.st.Closing, s.closing, s.intermediate = b, true, f.tag == "62M"
	case "34F":
		s := r.ensure(f.line)
		s.interim = true
		if len(first) >= 3 && s.st.Currency == "" && isUpperLetters(first[:3]) {
			s.st.Currency = first[:3]
		}
	case "13", "13D", "90C", "90D":
		r.ensure(f.line).interim = true
	case "61":
		s := r.ensure(f.line)
		if err := r.endLine(); err != nil {
			return err
		}
		if s.closing {
			// Movements after the closing balance belong to no statement.
			return lineError(FormatMT940, f.line, "bank.formats.malformed")
		}
		return r.movement(f)
	case "86":
		s := r.stmt
		if s == nil || s.current == nil {
			return nil // information about the statement as a whole
		}
		// Rabobank writes one :86: per line of text: each adds to the line.
		r.details(value)
	}
	return nil
}

// begin starts a statement at line.
func (r *mt940Reader) begin(line int) {
	r.stmt = &mt940Statement{start: line, first: len(r.lines)}
}

// ensure returns the statement being read, starting one when a field comes
// before any :20:.
func (r *mt940Reader) ensure(line int) *mt940Statement {
	if r.stmt == nil {
		r.begin(line)
	}
	return r.stmt
}

// endStatement closes the statement being read at line. A statement that
// opened with a balance must close with one: without it the file was cut
// short (or is not a statement), and reading on would import half of it.
func (r *mt940Reader) endStatement(line int) error {
	s := r.stmt
	if s == nil {
		return nil
	}
	if err := r.endLine(); err != nil {
		return err
	}
	if !s.closing && !s.interim {
		if !s.opening && s.ref == "" && s.st.Account == "" && len(r.lines) == s.first {
			r.stmt = nil // an envelope with no statement in it
			return nil
		}
		return lineError(FormatMT940, line, "bank.formats.mt940_no_closing", "start", strconv.Itoa(s.start))
	}
	r.stmt = nil
	r.continued = 0
	if s.intermediate {
		r.continued = s.start
	}
	st := s.st
	st.Lines = r.lines[s.first:len(r.lines):len(r.lines)]
	st.ID = s.ref
	if s.number != "" {
		st.ID += "/" + s.number
	}
	if st.Currency == "" {
		st.Currency = currencyOfAccount(st.Account)
	}
	if st.Currency == "" {
		st.Currency = r.opt.Currency
	}
	if st.Opening != nil {
		st.From = st.Opening.Date
	}
	if st.Closing != nil {
		st.To = st.Closing.Date
	}
	r.file.Statements = append(r.file.Statements, st)
	return nil
}

// currencyOfAccount reads a currency written at the end of an account
// (":25:1291.99.348EUR", ":25:UBRTHUHB/12345/HUF").
func currencyOfAccount(acct string) string {
	if len(acct) > 3 && isUpperLetters(acct[len(acct)-3:]) {
		c := acct[len(acct)-3:]
		if accountCurrency(c) {
			return c
		}
	}
	return ""
}

// accountCurrency reports whether three letters ending an account number
// are a currency banks write there (and not the end of an account name).
func accountCurrency(c string) bool {
	switch c {
	case "EUR", "USD", "HUF", "PLN", "CHF", "GBP", "CZK", "SEK", "NOK", "DKK", "RON", "VES", "CLP", "COP", "MXN", "PEN", "ARS", "BRL":
		return true
	}
	return false
}

// isUpperLetters reports whether s is non-empty and only A-Z.
func isUpperLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// currency is the currency of the statement being read, as far as known.
func (r *mt940Reader) currency() string {
	if r.stmt != nil && r.stmt.st.Currency != "" {
		return r.stmt.st.Currency
	}
	if r.stmt != nil {
		if c := currencyOfAccount(r.stmt.st.Account); c != "" {
			return c
		}
	}
	return r.opt.Currency
}

// balance reads a balance field: D/C mark, YYMMDD, currency, amount
// ("C110614EUR000000000473,17").
func (r *mt940Reader) balance(f *swiftField, v string) (*Balance, string, error) {
	if len(v) < 11 || (v[0] != 'C' && v[0] != 'D') || !isUpperLetters(v[7:10]) {
		return nil, "", lineError(FormatMT940, f.line, "bank.formats.mt940_bad_balance", "value", v)
	}
	when, ok := swiftDate(v[1:7])
	if !ok {
		return nil, "", lineError(FormatMT940, f.line, "bank.formats.bad_date", "value", v[1:7])
	}
	cur := v[7:10]
	amount, key := swiftAmount(v[10:], cur)
	if key != "" {
		return nil, "", amountError(FormatMT940, f.line, key, v[10:], cur)
	}
	if v[0] == 'D' {
		amount = -amount
	}
	return &Balance{Date: when, Amount: amount}, cur, nil
}

// swiftAmount reads "1234,56", "300," or "000000001213,28".
func swiftAmount(s, currency string) (int64, string) {
	dec := byte(',')
	if strings.IndexByte(s, ',') < 0 && strings.IndexByte(s, '.') >= 0 {
		dec = '.' // not SWIFT, but some banks write it
	}
	if s == "" || s[0] == '-' || s[0] == '+' {
		return 0, keyBadAmount
	}
	return decimalMinor(s, dec, 0, minorDigits(currency))
}

// swiftDate reads YYMMDD. German banks date interest and fee settlements 30
// February (a 30/360 day count); such a day is taken as February's last.
// Any other impossible day is refused.
func swiftDate(s string) (date.Date, bool) {
	if len(s) != 6 {
		return date.Date{}, false
	}
	yy, ok1 := digitsValue(s[0:2])
	m, ok2 := digitsValue(s[2:4])
	d, ok3 := digitsValue(s[4:6])
	if !ok1 || !ok2 || !ok3 {
		return date.Date{}, false
	}
	y := 2000 + yy
	if yy >= 80 {
		y = 1900 + yy
	}
	if m == 2 && (d == 29 || d == 30) && !calendarDay(y, m, d) {
		d = 28
		if calendarDay(y, 2, 29) {
			d = 29
		}
	}
	if !calendarDay(y, m, d) {
		return date.Date{}, false
	}
	return dateOf(y, m, d), true
}

// movement reads a :61: field: value date YYMMDD, optional entry date MMDD,
// mark (C, D, RC, RD), optional funds code letter, amount, type (N + 3
// characters), the owner's reference, "//" and the bank's reference, and
// supplementary details (the rest of the line, or the line after).
func (r *mt940Reader) movement(f *swiftField) error {
	v := f.lines[0]
	bad := func() error {
		return lineError(FormatMT940, f.line, "bank.formats.mt940_bad_entry", "value", strings.TrimSpace(v))
	}
	if len(v) < 6 {
		return bad()
	}
	valueDate, ok := swiftDate(v[:6])
	if !ok {
		return lineError(FormatMT940, f.line, "bank.formats.bad_date", "value", v[:6])
	}
	i := 6
	booked := valueDate
	if len(v) >= 10 && isDigits(v[6:10]) {
		m, _ := digitsValue(v[6:8])
		d, _ := digitsValue(v[8:10])
		var ok bool
		if booked, ok = entryDate(valueDate, m, d); !ok {
			return lineError(FormatMT940, f.line, "bank.formats.bad_date", "value", v[6:10])
		}
		i = 10
	}
	// Mark: C, D, RC (reversal of a credit: money out), RD (reversal of a
	// debit: money in); EC/ED (expected) count as C/D.
	sign, reversal := int64(0), false
	switch {
	case strings.HasPrefix(v[i:], "RC"):
		sign, reversal, i = -1, true, i+2
	case strings.HasPrefix(v[i:], "RD"):
		sign, reversal, i = 1, true, i+2
	case strings.HasPrefix(v[i:], "EC"):
		sign, i = 1, i+2
	case strings.HasPrefix(v[i:], "ED"):
		sign, i = -1, i+2
	case strings.HasPrefix(v[i:], "C"):
		sign, i = 1, i+1
	case strings.HasPrefix(v[i:], "D"):
		sign, i = -1, i+1
	default:
		return bad()
	}
	if i < len(v) && v[i] >= 'A' && v[i] <= 'Z' {
		i++ // funds code, the third letter of the currency
	}
	j := i
	for j < len(v) && (v[j] >= '0' && v[j] <= '9' || v[j] == ',' || v[j] == '.') {
		j++
	}
	cur := r.currency()
	amount, key := swiftAmount(v[i:j], cur)
	if key != "" {
		return amountError(FormatMT940, f.line, key, v[i:j], cur)
	}
	rest := v[j:]
	code := ""
	if len(rest) >= 4 && (rest[0] == 'N' || rest[0] == 'F' || rest[0] == 'S') {
		code, rest = rest[:4], rest[4:]
	} else if rest != "" {
		return bad()
	}
	ownerRef, bankRef, details := rest, "", ""
	if k := strings.Index(rest, "//"); k >= 0 && k <= 16 {
		ownerRef, bankRef = rest[:k], rest[k+2:]
		if len(bankRef) > 16 {
			bankRef, details = bankRef[:16], bankRef[16:]
		}
	} else if len(rest) > 16 {
		ownerRef, details = rest[:16], rest[16:]
	}
	ownerRef = strings.TrimSpace(ownerRef)
	if strings.EqualFold(ownerRef, "NONREF") {
		ownerRef = ""
	}
	s := r.stmt
	s.current = &Line{
		Row:       f.line,
		Date:      booked,
		ValueDate: valueDate,
		Amount:    sign * amount,
		Reference: ownerRef,
		BankTxnID: strings.TrimSpace(bankRef),
		Reversal:  reversal,
		Code:      code,
	}
	s.texts = append(s.texts[:0], details)
	s.texts = append(s.texts, f.lines[1:]...)
	s.payer, s.payerID = "", ""
	return nil
}

// entryDate is the booking date MMDD near a value date: its year is the one
// that puts it closest to the value date, across New Year.
func entryDate(value date.Date, m, d int) (date.Date, bool) {
	best, found := date.Date{}, false
	for _, y := range []int{value.Year - 1, value.Year, value.Year + 1} {
		dd := d
		if m == 2 && (d == 29 || d == 30) && !calendarDay(y, m, d) {
			dd = 28
			if calendarDay(y, 2, 29) {
				dd = 29
			}
		}
		if !calendarDay(y, m, dd) {
			continue
		}
		c := dateOf(y, m, dd)
		if !found || absInt(c.DaysSince(value)) < absInt(best.DaysSince(value)) {
			best, found = c, true
		}
	}
	return best, found
}

// absInt is |n|.
func absInt(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// isDigits reports whether s is non-empty and only ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// endLine adds the movement being read, with its text, to the statement.
func (r *mt940Reader) endLine() error {
	s := r.stmt
	if s == nil || s.current == nil {
		return nil
	}
	l := s.current
	l.Payer, l.PayerID = s.payer, s.payerID
	l.Description = joinFreeText(s.texts...)
	if l.Payer != "" && !strings.Contains(l.Description, l.Payer) {
		l.Description = joinFreeText(l.Description, l.Payer)
	}
	l.Balance = runningBalance(l.Description, r.currency())
	r.lines = append(r.lines, *l)
	s.current = nil
	return nil
}

// startsStructured reports whether :86: text is structured with ?NN
// subfields after a three-digit business code ("166?00GUTSCHRIFT?20...").
func startsStructured(s string) bool {
	return len(s) >= 5 && isDigits(s[:3]) && s[3] == '?'
}

// details reads the :86: text of the current movement.
func (r *mt940Reader) details(value []string) {
	s := r.stmt
	first := ""
	if len(value) > 0 {
		first = value[0]
	}
	if !startsStructured(first) {
		s.texts = append(s.texts, unstructuredText(value))
		return
	}
	// German and Venezuelan banks: the lines are a fixed-width wrapping of
	// one text (a subfield mark may even be cut, "?2" + "2MTLG"), so they
	// are joined as they are before the subfields are cut apart.
	var sub [100]string
	var has [100]bool
	var order [100]int8 // the subfields in the order they come
	seen := 0
	text := strings.Join(value, "")[3:]
	for text != "" {
		k := strings.IndexByte(text, '?')
		if k < 0 || k+2 >= len(text) || !isDigits(text[k+1:k+3]) {
			break
		}
		code, _ := digitsValue(text[k+1 : k+3])
		text = text[k+3:]
		end := 0
		for end < len(text) {
			if text[end] == '?' && end+2 < len(text) && isDigits(text[end+1:end+3]) {
				break
			}
			end++
		}
		if !has[code] {
			has[code] = true
			order[seen] = int8(code)
			seen++
			sub[code] = text[:end]
		} else {
			sub[code] += text[:end] // a subfield repeated continues itself
		}
		text = text[end:]
	}
	// ?00 booking text, ?20–?29 and ?60–?63 purpose (27 characters each,
	// wrapped mid-word when full), ?32–?33 the counterparty's name, ?31 its
	// account; ?10 (batch number), ?30 (bank code) and ?34 (key) are codes.
	var purpose [14]string
	copy(purpose[:10], sub[20:30])
	copy(purpose[10:], sub[60:64])
	s.payer = collapseSpace(joinWrapped(sub[32:34]))
	s.payerID = strings.TrimSpace(sub[31])
	s.texts = append(s.texts, sub[0], joinWrapped(purpose[:]))
	for _, code := range order[:seen] {
		if code >= 1 && code <= 9 || code >= 35 && code <= 59 || code >= 64 {
			s.texts = append(s.texts, sub[code])
		}
	}
}

// joinWrapped joins subfields that a bank wrapped at 27 characters: a full
// subfield was cut mid-word and continues in the next without a space.
func joinWrapped(parts []string) string {
	var b strings.Builder
	prevFull := false
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 && !prevFull {
			b.WriteByte(' ')
		}
		b.WriteString(p)
		prevFull = len([]rune(p)) >= 27
	}
	return b.String()
}

// unstructuredText joins the lines of free :86: text. A line as long as the
// SWIFT line width (65, or 35 in older formats) was cut mid-word and goes on
// without a space; a shorter line ended where the bank ended it.
func unstructuredText(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			n := len([]rune(lines[i-1]))
			if n != 65 && n != 35 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return collapseSpace(b.String())
}

// runningBalance reads the balance some Latin American banks write in the
// :86: text ("SALDO: 23.663.075,36", Banco Mercantil); nil if none.
func runningBalance(text, currency string) *int64 {
	k := strings.Index(text, "SALDO:")
	if k < 0 {
		return nil
	}
	s := strings.TrimLeft(text[k+len("SALDO:"):], " ")
	end := 0
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.' || s[end] == ',' || end == 0 && s[end] == '-') {
		end++
	}
	v, key := decimalMinor(s[:end], ',', '.', minorDigits(currency))
	if key != "" || end == 0 {
		return nil
	}
	return &v
}
