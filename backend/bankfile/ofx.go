package bankfile

// OFX and QFX: the Open Financial Exchange files banks offer as "Money" or
// "Quicken" downloads. Version 1.x is SGML (a header block of KEY:VALUE
// lines, then tags whose values are never closed); 2.x is XML. Both are read
// by one scanner that follows the few aggregates a statement needs
// (STMTRS / CCSTMTRS, STMTTRN, LEDGERBAL, AVAILBAL) and ignores the rest.

import (
	"bytes"
	"os"
	"regexp"
	"strings"

	"cartera/backend/date"
)

func init() {
	register(format{name: FormatOFX, rank: 10, claim: claimOFX, read: readOFX})
}

// claimOFX recognises "OFXHEADER:", "<OFX>" or an XML prolog with "<?OFX"
// after an optional BOM and blank lines.
func claimOFX(head []byte) bool {
	h := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	if hasPrefixFold(h, "OFXHEADER") || hasPrefixFold(h, "<OFX>") {
		return true
	}
	if !bytes.HasPrefix(h, []byte("<?xml")) {
		return false
	}
	// Skip the XML declaration, comments and other processing instructions.
	for {
		h = bytes.TrimLeft(h, " \t\r\n")
		switch {
		case hasPrefixFold(h, "<?OFX"), hasPrefixFold(h, "<OFX>"):
			return true
		case bytes.HasPrefix(h, []byte("<?")):
			end := bytes.Index(h, []byte("?>"))
			if end < 0 {
				return false
			}
			h = h[end+2:]
		case bytes.HasPrefix(h, []byte("<!--")):
			end := bytes.Index(h, []byte("-->"))
			if end < 0 {
				return false
			}
			h = h[end+3:]
		default:
			return false
		}
	}
}

// hasPrefixFold reports whether b starts with prefix, ignoring ASCII case.
func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// readOFX reads an OFX or QFX file.
func readOFX(path string, opt Options) (File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return File{}, err
	}
	return parseOFX(b, opt)
}

var (
	ofxCharsetHeader = regexp.MustCompile(`(?im)^\s*CHARSET\s*:\s*([A-Za-z0-9_-]+)`)
	xmlEncodingAttr  = regexp.MustCompile(`^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']`)
)

// declaredCharset is the charset an OFX header or XML declaration names, "" if none.
func declaredCharset(b []byte) string {
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	if m := xmlEncodingAttr.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	if i := bytes.Index(head, []byte("<")); i >= 0 {
		head = head[:i] // the SGML header ends where the tags start
	}
	if m := ofxCharsetHeader.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

// ofxAggregates are the OFX aggregates the reader follows; any other tag is
// a value (or an aggregate whose values do not matter).
var ofxAggregates = map[string]bool{
	"STMTRS": true, "CCSTMTRS": true, "STMTTRN": true, "BANKTRANLIST": true,
	"LEDGERBAL": true, "AVAILBAL": true, "BANKACCTFROM": true, "CCACCTFROM": true,
	"BANKACCTTO": true, "CCACCTTO": true, "PAYEE": true, "CURRENCY": true,
	"ORIGCURRENCY": true, "FI": true, "SONRS": true, "STATUS": true, "BALLIST": true,
	"BAL": true, "STMTTRNRS": true, "CCSTMTTRNRS": true, "OFX": true,
}

// ofxValue is one value read from the file, with its line.
type ofxValue struct {
	text string
	line int
}

// ofxTxn collects one STMTTRN until it closes.
type ofxTxn struct {
	line                                      int // where <STMTTRN> is
	trnType, dtPosted, dtAvail, trnAmt, fitID ofxValue
	checkNum, refNum, name, memo              ofxValue
}

// ofxStmt collects one STMTRS or CCSTMTRS until it closes.
type ofxStmt struct {
	curdef         string
	bankID, acctID string
	dtStart, dtEnd ofxValue
	ledger, avail  [2]ofxValue // BALAMT, DTASOF
	first          int         // index in ofxReader.lines of its first line
}

// ofxReader follows the tags of an OFX file and collects its statements.
type ofxReader struct {
	opt   Options
	file  File
	stmt  *ofxStmt
	txn   *ofxTxn
	entry int      // STMTTRN count over the file: a line's Row
	stack []string // open tags that may be aggregates
	org   string   // SONRS/FI/ORG, the bank's name
	// lines holds the lines of all statements one after another, sized by a
	// count of the transactions so that a long file does not keep regrowing it.
	lines  []Line
	lastLn int // the file's last line with text, where a cut file ends
}

// parseOFX reads OFX 1.x or 2.x bytes.
func parseOFX(b []byte, opt Options) (File, error) {
	src := textOf(b, declaredCharset(b))
	r := &ofxReader{opt: opt, lastLn: lastLine(src)}
	r.lines = make([]Line, 0, strings.Count(src, "<STMTTRN>"))
	sc := newMarkupScanner(src, true)
	var tok markupToken
	for {
		if p := sc.next(&tok); p != nil {
			return File{}, r.problem(p)
		}
		switch tok.kind {
		case markupEOF:
			return r.finish()
		case markupStart:
			name := upperASCII(tok.name)
			line := sc.lineOf(tok.pos)
			if tok.empty {
				if err := r.value(name, "", line); err != nil {
					return File{}, err
				}
				continue
			}
			// A tag followed by text is a value, closed or not.
			next, p := sc.peek()
			if p != nil {
				return File{}, r.problem(p)
			}
			if next.kind == markupText && !isBlank(next.text) {
				v := strings.TrimSpace(next.text)
				if !next.cdata {
					v = unescapeMarkup(v)
				}
				sc.next(&tok)
				if after, p := sc.peek(); p == nil && after.kind == markupEnd && upperASCII(after.name) == name {
					sc.next(&tok)
				}
				if err := r.value(name, v, line); err != nil {
					return File{}, err
				}
				continue
			}
			if err := r.open(name, line); err != nil {
				return File{}, err
			}
		case markupEnd:
			if err := r.close(upperASCII(tok.name)); err != nil {
				return File{}, err
			}
		}
	}
}

// problem is the *Error for damage the scanner found.
func (r *ofxReader) problem(p *markupProblem) error {
	if p.truncated {
		return lineError(FormatOFX, p.line, "bank.formats.truncated")
	}
	return lineError(FormatOFX, p.line, "bank.formats.malformed")
}

// within reports the innermost open aggregate among those the reader follows.
func (r *ofxReader) within() string {
	for i := len(r.stack) - 1; i >= 0; i-- {
		if ofxAggregates[r.stack[i]] {
			return r.stack[i]
		}
	}
	return ""
}

// maxOFXDepth bounds how many tags may be open at once. Real files nest
// under ten deep; a deeper file is damaged, and following it would cost time
// growing with the square of its size.
const maxOFXDepth = 256

// open handles a tag with no value after it: an aggregate, or an empty value
// such as "<BALAMT>" followed by the next tag.
func (r *ofxReader) open(name string, line int) error {
	if len(r.stack) >= maxOFXDepth {
		return lineError(FormatOFX, line, "bank.formats.malformed")
	}
	switch name {
	case "STMTRS", "CCSTMTRS":
		if err := r.endStatement(); err != nil {
			return err
		}
		r.stmt = &ofxStmt{first: len(r.lines)}
	case "STMTTRN":
		if r.stmt == nil {
			return lineError(FormatOFX, line, "bank.formats.malformed")
		}
		if err := r.endTxn(); err != nil {
			return err
		}
		r.entry++
		r.txn = &ofxTxn{line: line}
	default:
		if !ofxAggregates[name] {
			if err := r.value(name, "", line); err != nil {
				return err
			}
		}
	}
	r.stack = append(r.stack, name)
	return nil
}

// close handles an end tag: it closes everything opened since its start tag.
func (r *ofxReader) close(name string) error {
	i := len(r.stack) - 1
	for i >= 0 && r.stack[i] != name {
		i--
	}
	if i < 0 {
		return nil // the end of a value already taken, or a stray end tag
	}
	r.stack = r.stack[:i]
	switch name {
	case "STMTTRN", "BANKTRANLIST":
		return r.endTxn()
	case "STMTRS", "CCSTMTRS":
		return r.endStatement()
	}
	return nil
}

// value takes a value of the statement, transaction or balance being read.
func (r *ofxReader) value(name, v string, line int) error {
	val := ofxValue{text: v, line: line}
	switch r.within() {
	case "STMTTRN", "PAYEE":
		t := r.txn
		if t == nil {
			return nil
		}
		switch name {
		case "TRNTYPE":
			t.trnType = val
		case "DTPOSTED":
			t.dtPosted = val
		case "DTAVAIL":
			t.dtAvail = val
		case "TRNAMT":
			t.trnAmt = val
		case "FITID":
			t.fitID = val
		case "CHECKNUM":
			t.checkNum = val
		case "REFNUM":
			t.refNum = val
		case "NAME":
			t.name = val
		case "MEMO":
			t.memo = val
		}
	case "LEDGERBAL", "AVAILBAL":
		s := r.stmt
		if s == nil {
			return nil
		}
		bal := &s.ledger
		if r.within() == "AVAILBAL" {
			bal = &s.avail
		}
		switch name {
		case "BALAMT":
			bal[0] = val
		case "DTASOF":
			bal[1] = val
		}
	case "BANKACCTFROM", "CCACCTFROM":
		if r.stmt == nil {
			return nil
		}
		switch name {
		case "BANKID":
			r.stmt.bankID = v
		case "ACCTID":
			r.stmt.acctID = v
		}
	case "BANKTRANLIST":
		if r.stmt == nil {
			return nil
		}
		switch name {
		case "DTSTART":
			r.stmt.dtStart = val
		case "DTEND":
			r.stmt.dtEnd = val
		}
	case "STMTRS", "CCSTMTRS":
		if name == "CURDEF" && r.stmt != nil {
			r.stmt.curdef = v
		}
	case "FI":
		if name == "ORG" {
			r.org = v
		}
	}
	return nil
}

// currency is the currency of the statement being read (CURDEF), else the user's.
func (r *ofxReader) currency() string {
	if r.stmt != nil && r.stmt.curdef != "" {
		return strings.ToUpper(r.stmt.curdef)
	}
	return r.opt.Currency
}

// endTxn turns the transaction being read into a line.
func (r *ofxReader) endTxn() error {
	t := r.txn
	if t == nil {
		return nil
	}
	r.txn = nil
	cur := r.currency()
	// The amount is checked first: it is what a wrong file most often breaks.
	if t.trnAmt.text == "" {
		return lineError(FormatOFX, t.line, "bank.formats.missing_amount")
	}
	amount, key := ofxAmount(t.trnAmt.text, cur)
	if key != "" {
		return amountError(FormatOFX, t.trnAmt.line, key, t.trnAmt.text, cur)
	}
	if t.dtPosted.text == "" {
		return lineError(FormatOFX, t.line, "bank.formats.missing_date")
	}
	posted, err := ofxDate(t.dtPosted)
	if err != nil {
		return err
	}
	var avail date.Date
	if t.dtAvail.text != "" {
		if avail, err = ofxDate(t.dtAvail); err != nil {
			return err
		}
	}
	ref := t.checkNum.text
	if ref == "" {
		ref = t.refNum.text
	}
	r.lines = append(r.lines, Line{
		Row:         r.entry,
		Date:        posted,
		ValueDate:   avail,
		Amount:      amount,
		Description: joinFreeText(t.name.text, t.memo.text),
		Reference:   collapseSpace(ref),
		BankTxnID:   strings.TrimSpace(t.fitID.text),
		Payer:       collapseSpace(t.name.text),
		Code:        strings.ToUpper(strings.TrimSpace(t.trnType.text)),
	})
	return nil
}

// endStatement completes the statement being read and adds it to the file.
func (r *ofxReader) endStatement() error {
	if err := r.endTxn(); err != nil {
		return err
	}
	s := r.stmt
	if s == nil {
		return nil
	}
	r.stmt = nil
	st := Statement{
		Account:  collapseSpace(s.acctID),
		Bank:     collapseSpace(s.bankID),
		Currency: strings.ToUpper(strings.TrimSpace(s.curdef)),
		Lines:    r.lines[s.first:len(r.lines):len(r.lines)],
	}
	if st.Currency == "" {
		st.Currency = r.opt.Currency
	}
	if st.Bank == "" {
		st.Bank = collapseSpace(r.org)
	}
	var err error
	if s.dtStart.text != "" {
		if st.From, err = ofxDate(s.dtStart); err != nil {
			return err
		}
	}
	if s.dtEnd.text != "" {
		if st.To, err = ofxDate(s.dtEnd); err != nil {
			return err
		}
	}
	// The ledger balance is the booked one; the available balance stands in
	// when the ledger balance is missing or left empty.
	for _, bal := range [][2]ofxValue{s.ledger, s.avail} {
		if bal[0].text == "" {
			continue
		}
		amount, key := ofxAmount(bal[0].text, st.Currency)
		if key != "" {
			return amountError(FormatOFX, bal[0].line, key, bal[0].text, st.Currency)
		}
		when := st.To
		if bal[1].text != "" {
			if when, err = ofxDate(bal[1]); err != nil {
				return err
			}
		}
		st.Closing = &Balance{Date: when, Amount: amount}
		break
	}
	if st.Lines == nil {
		st.Lines = []Line{}
	}
	r.file.Statements = append(r.file.Statements, st)
	return nil
}

// finish completes the file at the end of the text.
func (r *ofxReader) finish() (File, error) {
	if r.txn != nil || r.stmt != nil {
		// The file stops inside a statement: a download cut short.
		return File{}, lineError(FormatOFX, r.lastLn, "bank.formats.truncated")
	}
	if err := r.endStatement(); err != nil {
		return File{}, err
	}
	if len(r.file.Statements) == 0 {
		return File{}, &Error{Format: FormatOFX, Key: "bank.formats.no_statement"}
	}
	finishFile(&r.file)
	return r.file, nil
}

// ofxAmount reads an OFX amount: a sign, digits and a decimal point or comma
// (the OFX specification allows both), never thousands separators.
func ofxAmount(text, currency string) (int64, string) {
	text = strings.TrimSpace(text)
	dec := byte('.')
	if strings.IndexByte(text, ',') >= 0 && strings.IndexByte(text, '.') < 0 {
		dec = ','
	}
	return decimalMinor(text, dec, 0, minorDigits(currency))
}

// ofxDate reads the calendar day of an OFX date-time
// ("20190918100000[-03:EST]"): the day the bank wrote, whatever its zone.
func ofxDate(v ofxValue) (date.Date, error) {
	s := strings.TrimSpace(v.text)
	if len(s) < 8 {
		return date.Date{}, lineError(FormatOFX, v.line, "bank.formats.bad_date", "value", s)
	}
	y, ok1 := digitsValue(s[0:4])
	m, ok2 := digitsValue(s[4:6])
	d, ok3 := digitsValue(s[6:8])
	if !ok1 || !ok2 || !ok3 || !calendarDay(y, m, d) {
		return date.Date{}, lineError(FormatOFX, v.line, "bank.formats.bad_date", "value", s)
	}
	return dateOf(y, m, d), nil
}

// upperASCII upper-cases an OFX tag name; most are upper-case already.
func upperASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return strings.ToUpper(s)
		}
	}
	return s
}
