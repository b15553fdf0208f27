package bankfile

// ISO 20022 cash management messages: camt.053 (bank to customer statement),
// camt.052 (intraday account report) and camt.054 (debit/credit
// notification), versions .001.02 to .001.13. Elements are matched by their
// local names whatever the namespace prefix or version, so one reader serves
// all of them. The file is read as a stream: each statement's header
// elements and each entry (Ntry) are built as a small tree, turned into
// lines, and dropped, so a 100,000-entry file never sits in memory as a tree.

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
	"strings"

	"cartera/backend/date"
)

func init() {
	register(format{name: FormatCAMT, rank: 20, claim: claimCAMT, read: readCAMT})
}

// camtMessages are the message elements under Document, by the camt number they belong to.
var camtMessages = map[string]string{
	"BkToCstmrAcctRpt":      "052",
	"BkToCstmrStmt":         "053",
	"BkToCstmrDbtCdtNtfctn": "054",
}

// camtStatements are the statement elements of each message.
var camtStatements = map[string]bool{"Rpt": true, "Stmt": true, "Ntfctn": true}

var camtNamespace = regexp.MustCompile(`^urn:iso:std:iso:20022:tech:xsd:camt\.(\d{3})\.001\.(\d{2})$`)

// claimCAMT recognises an XML document whose root element is Document, in a
// camt namespace or holding one of the three camt message elements.
func claimCAMT(head []byte) bool {
	h := bytes.TrimPrefix(head, utf8BOM)
	sc := newMarkupScanner(string(h), true)
	var tok markupToken
	for {
		if p := sc.next(&tok); p != nil || tok.kind == markupEOF {
			return false
		}
		if tok.kind == markupText {
			if !isBlank(tok.text) {
				return false
			}
			continue
		}
		if tok.kind != markupStart || tok.local() != "Document" {
			return false
		}
		if ns, _ := attrValue(tok.attrs, namespaceAttr(tok.name)); strings.Contains(ns, ":xsd:camt.") {
			return true
		}
		for msg := range camtMessages {
			if bytes.Contains(h, []byte(msg+">")) {
				return true
			}
		}
		return false
	}
}

// namespaceAttr is the attribute that declares the namespace of a tag name
// ("xmlns" for Document, "xmlns:ns2" for ns2:Document).
func namespaceAttr(name string) string {
	if i := strings.IndexByte(name, ':'); i >= 0 {
		return "xmlns:" + name[:i]
	}
	return "xmlns"
}

// readCAMT reads a camt.052, camt.053 or camt.054 file.
func readCAMT(path string, opt Options) (File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return File{}, err
	}
	return parseCAMT(b, opt)
}

// xnode is an element of the small tree built for one entry or one
// statement header element. Children are linked by index into an arena.
type xnode struct {
	name        string // local name
	text        string // the element's own text, trimmed, entities replaced
	ccy         string // the Ccy attribute of amounts
	pos         int    // byte offset of its start tag
	first, next int32  // first child, next sibling; -1 for none
	last        int32
}

// xtree is an arena of nodes, reset for every entry.
type xtree struct {
	nodes []xnode
	sc    *markupScanner // for the line numbers of nodes
}

// line is the line of the file where node n starts.
func (t *xtree) line(n int32) int { return t.sc.lineOf(t.nodes[n].pos) }

// child is the first child of n named name, or -1.
func (t *xtree) child(n int32, name string) int32 {
	if n < 0 {
		return -1
	}
	for c := t.nodes[n].first; c >= 0; c = t.nodes[c].next {
		if t.nodes[c].name == name {
			return c
		}
	}
	return -1
}

// at follows a path of child names from n; -1 if any step is missing.
func (t *xtree) at(n int32, path ...string) int32 {
	for _, p := range path {
		n = t.child(n, p)
		if n < 0 {
			return -1
		}
	}
	return n
}

// text is the text at a path from n ("" if missing).
func (t *xtree) text(n int32, path ...string) string {
	n = t.at(n, path...)
	if n < 0 {
		return ""
	}
	return t.nodes[n].text
}

// all is every child of n named name.
func (t *xtree) all(n int32, name string) []int32 {
	var out []int32
	if n < 0 {
		return nil
	}
	for c := t.nodes[n].first; c >= 0; c = t.nodes[c].next {
		if t.nodes[c].name == name {
			out = append(out, c)
		}
	}
	return out
}

// camtReader streams a camt document.
type camtReader struct {
	opt   Options
	sc    *markupScanner
	src   string
	open  []string // qualified names of the open elements, to check nesting
	tree  xtree
	stack []int32 // nodes open while a subtree is built
	tok   markupToken
	// lines holds the lines of all statements one after another, sized by a
	// count of the entries so that a long file does not keep regrowing it.
	lines  []Line
	txs    []camtTx // an entry's transaction details, reused
	pieces []string // the free text of a line, reused
	file   File
	entry  int // Ntry count over the file: a line's Row
}

// parseCAMT reads camt.052/053/054 bytes.
func parseCAMT(b []byte, opt Options) (File, error) {
	declared := ""
	if m := xmlEncodingAttr.FindSubmatch(b[:min(len(b), 512)]); m != nil {
		declared = string(m[1])
	}
	src := textOf(b, declared)
	r := newCAMTReader(src, opt)
	if err := r.document(); err != nil {
		return File{}, err
	}
	if len(r.file.Statements) == 0 {
		return File{}, &Error{Format: FormatCAMT, Key: "bank.formats.no_statement"}
	}
	finishFile(&r.file)
	return r.file, nil
}

// problem is the *Error for damage the scanner found.
func (r *camtReader) problem(p *markupProblem) error {
	if p.truncated {
		return lineError(FormatCAMT, p.line, "bank.formats.truncated")
	}
	return lineError(FormatCAMT, p.line, "bank.formats.malformed")
}

// newCAMTReader reads the text of a camt file.
func newCAMTReader(src string, opt Options) *camtReader {
	r := &camtReader{opt: opt, sc: newMarkupScanner(src, false), src: src}
	r.tree.sc = r.sc
	r.lines = make([]Line, 0, strings.Count(src, "Ntry>")/2)
	return r
}

// token reads the next token into r.tok and checks that end tags close the
// element that is open.
func (r *camtReader) token() (*markupToken, error) {
	tok := &r.tok
	if p := r.sc.next(tok); p != nil {
		return tok, r.problem(p)
	}
	switch tok.kind {
	case markupText:
		if len(r.open) == 0 && !isBlank(tok.text) {
			return tok, lineError(FormatCAMT, r.sc.lineOf(tok.pos), "bank.formats.malformed")
		}
	case markupStart:
		if !tok.empty {
			r.open = append(r.open, tok.name)
		}
	case markupEnd:
		if len(r.open) == 0 || r.open[len(r.open)-1] != tok.name {
			return tok, lineError(FormatCAMT, r.sc.lineOf(tok.pos), "bank.formats.malformed")
		}
		r.open = r.open[:len(r.open)-1]
	case markupEOF:
		if len(r.open) > 0 {
			return tok, lineError(FormatCAMT, lastLine(r.src), "bank.formats.truncated")
		}
	}
	return tok, nil
}

// tag returns the next start or end tag (or the end of the text). The token
// is valid until the next call.
func (r *camtReader) tag() (*markupToken, error) {
	for {
		tok, err := r.token()
		if err != nil || tok.kind != markupText {
			return tok, err
		}
	}
}

// document reads the root Document element and the message in it.
func (r *camtReader) document() error {
	root, err := r.tag()
	if err != nil {
		return err
	}
	if root.kind != markupStart || root.local() != "Document" {
		return lineError(FormatCAMT, r.sc.lineOf(root.pos), "bank.formats.camt_not_statement")
	}
	rootLine := r.sc.lineOf(root.pos)
	ns, _ := attrValue(root.attrs, namespaceAttr(root.name))
	if root.empty {
		return &Error{Format: FormatCAMT, Key: "bank.formats.no_statement"}
	}
	for {
		tok, err := r.tag()
		if err != nil {
			return err
		}
		switch tok.kind {
		case markupEOF:
			return nil
		case markupEnd:
			continue // </Document>
		}
		want, ok := camtMessages[tok.local()]
		if !ok {
			return lineError(FormatCAMT, r.sc.lineOf(tok.pos), "bank.formats.camt_not_statement")
		}
		if err := checkCAMTNamespace(ns, want, rootLine); err != nil {
			return err
		}
		if tok.empty {
			continue
		}
		if err := r.message(); err != nil {
			return err
		}
	}
}

// checkCAMTNamespace accepts no namespace, a namespace that is not ISO
// 20022's (some banks write their own), or camt.<want>.001.01..13; an ISO
// namespace for another message or version is refused.
func checkCAMTNamespace(ns, want string, line int) error {
	if ns == "" || !strings.Contains(ns, "20022") {
		return nil
	}
	m := camtNamespace.FindStringSubmatch(strings.TrimSpace(ns))
	if m != nil && m[1] == want {
		if v, _ := strconv.Atoi(m[2]); v >= 1 && v <= 13 {
			return nil
		}
	}
	return lineError(FormatCAMT, line, "bank.formats.camt_namespace", "value", ns)
}

// message reads BkToCstmrStmt/AcctRpt/DbtCdtNtfctn up to its end tag.
func (r *camtReader) message() error {
	depth := len(r.open)
	for {
		tok, err := r.tag()
		if err != nil {
			return err
		}
		if tok.kind == markupEnd && len(r.open) < depth {
			return nil
		}
		if tok.kind == markupEOF {
			return nil
		}
		if tok.kind != markupStart {
			continue
		}
		if camtStatements[tok.local()] && !tok.empty {
			if err := r.statement(); err != nil {
				return err
			}
			continue
		}
		if _, err := r.subtree(tok); err != nil { // GrpHdr and the like
			return err
		}
	}
}

// camtBalance is a balance read from a Bal element.
type camtBalance struct {
	code string
	bal  Balance
}

// statement reads one Stmt/Rpt/Ntfctn: its header elements, then its entries.
func (r *camtReader) statement() error {
	depth := len(r.open)
	st := Statement{}
	first := len(r.lines)
	var balances []camtBalance
	accountCcy := ""
	for {
		tok, err := r.tag()
		if err != nil {
			return err
		}
		if tok.kind == markupEnd && len(r.open) < depth || tok.kind == markupEOF {
			break
		}
		if tok.kind != markupStart {
			continue
		}
		t := &r.tree
		n, err := r.subtree(tok)
		if err != nil {
			return err
		}
		switch t.nodes[n].name {
		case "Id":
			st.ID = t.nodes[n].text
		case "FrToDt":
			for _, p := range [][]string{{"FrDtTm"}, {"FrDt"}} {
				if v := t.at(n, p...); v >= 0 {
					if st.From, err = camtDate(t, v); err != nil {
						return err
					}
					break
				}
			}
			for _, p := range [][]string{{"ToDtTm"}, {"ToDt"}} {
				if v := t.at(n, p...); v >= 0 {
					if st.To, err = camtDate(t, v); err != nil {
						return err
					}
					break
				}
			}
		case "Acct":
			st.Account = firstText(t, n, []string{"Id", "IBAN"}, []string{"Id", "Othr", "Id"})
			st.Bank = firstText(t, n, []string{"Svcr", "FinInstnId", "BIC"}, []string{"Svcr", "FinInstnId", "BICFI"}, []string{"Svcr", "FinInstnId", "Nm"})
			accountCcy = strings.ToUpper(t.text(n, "Ccy"))
			if accountCcy != "" {
				st.Currency = accountCcy
			}
		case "Bal":
			b, err := r.balance(n, &st)
			if err != nil {
				return err
			}
			if b != nil {
				balances = append(balances, *b)
			}
		case "Ntry":
			r.entry++
			if err := r.entryLines(n, &st); err != nil {
				return err
			}
		}
	}
	st.Lines = r.lines[first:len(r.lines):len(r.lines)]
	if st.Currency == "" {
		st.Currency = r.opt.Currency
	}
	// OPBD (opening booked) is the opening balance; PRCD (previous closing
	// booked) stands in for it. CLBD is the closing balance. Interim and
	// available balances (ITBD, CLAV, ...) do not close a statement.
	for _, code := range []string{"OPBD", "PRCD"} {
		if st.Opening == nil {
			st.Opening = findBalance(balances, code, st.Currency)
		}
	}
	st.Closing = findBalance(balances, "CLBD", st.Currency)
	if st.From.IsZero() && st.Opening != nil {
		st.From = st.Opening.Date
	}
	if st.To.IsZero() && st.Closing != nil {
		st.To = st.Closing.Date
	}
	r.file.Statements = append(r.file.Statements, st)
	return nil
}

// findBalance is the balance of a type in the statement's currency; a
// balance in another currency cannot be added to the lines, so it is left out.
func findBalance(bs []camtBalance, code, currency string) *Balance {
	for i := range bs {
		if bs[i].code == code {
			b := bs[i].bal
			return &b
		}
	}
	return nil
}

// balance reads a Bal element; it returns nil for a balance in a currency
// other than the statement's.
func (r *camtReader) balance(n int32, st *Statement) (*camtBalance, error) {
	t := &r.tree
	code := strings.ToUpper(firstText(t, n, []string{"Tp", "CdOrPrtry", "Cd"}, []string{"Tp", "CdOrPrtry", "Prtry"}))
	amt := t.child(n, "Amt")
	if amt < 0 {
		return nil, lineError(FormatCAMT, t.line(n), "bank.formats.missing_amount")
	}
	ccy := strings.ToUpper(t.nodes[amt].ccy)
	if st.Currency == "" {
		st.Currency = ccy
	}
	if ccy != "" && st.Currency != "" && ccy != st.Currency {
		return nil, nil
	}
	v, err := camtAmount(t, amt, st.Currency)
	if err != nil {
		return nil, err
	}
	sign, err := camtSign(t, n)
	if err != nil {
		return nil, err
	}
	var when date.Date
	if d := t.child(n, "Dt"); d >= 0 {
		if when, err = camtDate(t, d); err != nil {
			return nil, err
		}
	}
	return &camtBalance{code: code, bal: Balance{Date: when, Amount: sign * v}}, nil
}

// subtree builds the element that tok starts, with everything in it, into
// the arena (which it resets) and returns its index.
func (r *camtReader) subtree(tok *markupToken) (int32, error) {
	t := &r.tree
	t.nodes = t.nodes[:0]
	root := r.newNode(tok)
	if tok.empty {
		return root, nil
	}
	stack := append(r.stack[:0], root)
	defer func() { r.stack = stack }()
	// An element's text is usually one run between its tags, taken as it
	// is; comments or CDATA sections may split it into several, joined.
	text, parts := "", 0
	for len(stack) > 0 {
		tok, err := r.token()
		if err != nil {
			return -1, err
		}
		top := stack[len(stack)-1]
		switch tok.kind {
		case markupEOF:
			return -1, lineError(FormatCAMT, lastLine(r.src), "bank.formats.truncated")
		case markupText:
			if t.nodes[top].first >= 0 {
				continue // white space between child elements
			}
			piece := tok.text
			if !tok.cdata {
				piece = unescapeMarkup(piece)
			}
			if parts == 0 {
				text = piece
			} else {
				text += piece
			}
			parts++
		case markupStart:
			text, parts = "", 0
			c := r.newNode(tok)
			t.addChild(top, c)
			if !tok.empty {
				stack = append(stack, c)
			}
		case markupEnd:
			if t.nodes[top].first < 0 {
				t.nodes[top].text = strings.TrimSpace(text)
			}
			text, parts = "", 0
			stack = stack[:len(stack)-1]
		}
	}
	return root, nil
}

// newNode adds the element a start tag opens to the arena.
func (r *camtReader) newNode(tok *markupToken) int32 {
	t := &r.tree
	n := xnode{name: tok.local(), pos: tok.pos, first: -1, next: -1, last: -1}
	if tok.attrs != "" {
		n.ccy, _ = attrValue(tok.attrs, "Ccy")
	}
	t.nodes = append(t.nodes, n)
	return int32(len(t.nodes) - 1)
}

// addChild makes c the last child of parent.
func (t *xtree) addChild(parent, c int32) {
	p := &t.nodes[parent]
	if p.first < 0 {
		p.first = c
	} else {
		t.nodes[p.last].next = c
	}
	p.last = c
}

// firstText is the text at the first of several paths that has any.
func firstText(t *xtree, n int32, paths ...[]string) string {
	for _, p := range paths {
		if s := t.text(n, p...); s != "" {
			return s
		}
	}
	return ""
}

// camtAmount reads an Amt element: a decimal point and any number of
// decimals, those beyond the currency's being zeros ("18.150" EUR).
func camtAmount(t *xtree, amt int32, statementCcy string) (int64, error) {
	ccy := strings.ToUpper(t.nodes[amt].ccy)
	if ccy == "" {
		ccy = statementCcy
	}
	text := t.nodes[amt].text
	if text == "" {
		return 0, lineError(FormatCAMT, t.line(amt), "bank.formats.missing_amount")
	}
	v, key := decimalMinor(text, '.', 0, minorDigits(ccy))
	if key == "" && v < 0 {
		key = keyBadAmount // amounts are unsigned; CdtDbtInd gives the sign
	}
	if key != "" {
		return 0, amountError(FormatCAMT, t.line(amt), key, text, ccy)
	}
	return v, nil
}

// camtSign is +1 for CdtDbtInd CRDT and -1 for DBIT.
func camtSign(t *xtree, n int32) (int64, error) {
	switch strings.ToUpper(t.text(n, "CdtDbtInd")) {
	case "CRDT":
		return 1, nil
	case "DBIT":
		return -1, nil
	}
	line := t.line(n)
	if c := t.child(n, "CdtDbtInd"); c >= 0 {
		line = t.line(c)
	}
	return 0, lineError(FormatCAMT, line, "bank.formats.missing_sign")
}

// camtDate reads a date element in any of its shapes: <Dt>2014-12-31</Dt>,
// <DtTm>2014-12-31T13:15:00+01:00</DtTm>, or either nested in a Dt choice.
// A date-time gives the day the bank wrote, whatever its zone.
func camtDate(t *xtree, n int32) (date.Date, error) {
	for depth := 0; depth < 3 && t.nodes[n].first >= 0; depth++ {
		c := t.child(n, "Dt")
		if c < 0 {
			c = t.child(n, "DtTm")
		}
		if c < 0 {
			c = t.nodes[n].first
		}
		n = c
	}
	s := t.nodes[n].text
	if len(s) >= 10 {
		y, ok1 := digitsValue(s[0:4])
		m, ok2 := digitsValue(s[5:7])
		d, ok3 := digitsValue(s[8:10])
		if ok1 && ok2 && ok3 && s[4] == '-' && s[7] == '-' && calendarDay(y, m, d) && (len(s) == 10 || s[10] == 'T' || s[10] == '+' || s[10] == 'Z' || s[10] == '-') {
			return dateOf(y, m, d), nil
		}
	}
	return date.Date{}, lineError(FormatCAMT, t.line(n), "bank.formats.bad_date", "value", s)
}

// camtTx is what a transaction's details (TxDtls) say about it.
type camtTx struct {
	amount             int64
	hasAmount          bool
	id, code           string
	payer, payerID     string
	refs, ustrd, texts []string
}

// entryLines turns an entry into its lines, added to r.lines: one line, or
// one per TxDtls when a batch entry's details carry their own amounts that
// add up to it.
func (r *camtReader) entryLines(n int32, st *Statement) error {
	t := &r.tree
	// Entries not booked (pending, information only) are not on the account.
	switch strings.ToUpper(firstText(t, n, []string{"Sts", "Cd"}, []string{"Sts", "Prtry"}, []string{"Sts"})) {
	case "PDNG", "INFO", "FUTR":
		return nil
	}
	amt := t.child(n, "Amt")
	if amt < 0 {
		return lineError(FormatCAMT, t.line(n), "bank.formats.missing_amount")
	}
	if st.Currency == "" {
		st.Currency = strings.ToUpper(t.nodes[amt].ccy)
	}
	v, err := camtAmount(t, amt, st.Currency)
	if err != nil {
		return err
	}
	sign, err := camtSign(t, n)
	if err != nil {
		return err
	}
	base := Line{Row: r.entry, Amount: sign * v}
	rv := strings.ToLower(t.text(n, "RvslInd"))
	base.Reversal = rv == "true" || rv == "1"
	booked, valued := t.child(n, "BookgDt"), t.child(n, "ValDt")
	if valued >= 0 {
		if base.ValueDate, err = camtDate(t, valued); err != nil {
			return err
		}
	}
	switch {
	case booked >= 0:
		if base.Date, err = camtDate(t, booked); err != nil {
			return err
		}
	case valued >= 0:
		base.Date = base.ValueDate
	default:
		return lineError(FormatCAMT, t.line(n), "bank.formats.missing_date")
	}
	entryID := firstText(t, n, []string{"AcctSvcrRef"}, []string{"NtryRef"})
	entryCode := bankTxCode(t, t.child(n, "BkTxCd"))
	entryInfo := t.text(n, "AddtlNtryInf")

	// The counterparty is the debtor of money coming in and the creditor of
	// money going out; a reversal turns the booking's direction around.
	incoming := (sign > 0) != base.Reversal
	txs := r.txs[:0]
	for d := t.nodes[n].first; d >= 0; d = t.nodes[d].next {
		if t.nodes[d].name != "NtryDtls" {
			continue
		}
		for tx := t.nodes[d].first; tx >= 0; tx = t.nodes[tx].next {
			if t.nodes[tx].name != "TxDtls" {
				continue
			}
			c, err := r.txDetails(tx, incoming, sign, st.Currency)
			if err != nil {
				return err
			}
			txs = append(txs, c)
		}
	}
	r.txs = txs
	if len(txs) >= 2 && splitsEntry(txs, base.Amount) {
		ids := map[string]int{}
		for _, tx := range txs {
			if tx.id != "" {
				ids[tx.id]++
			}
		}
		for i, tx := range txs {
			l := base
			l.Amount = tx.amount
			l.Code = tx.code
			if l.Code == "" {
				l.Code = entryCode
			}
			l.Payer, l.PayerID = tx.payer, tx.payerID
			l.Reference = camtReference(tx.refs, tx.ustrd)
			l.Description = r.description(tx.payer, tx.ustrd, tx.texts, entryInfo)
			// Each line of a batch needs an id of its own: the transaction's
			// when it has one no other transaction of the entry shares, else
			// the entry's with the transaction's position.
			switch {
			case tx.id != "" && ids[tx.id] == 1 && tx.id != entryID:
				l.BankTxnID = tx.id
			case entryID != "":
				l.BankTxnID = entryID + "/" + strconv.Itoa(i+1)
			}
			r.lines = append(r.lines, l)
		}
		return nil
	}
	// One line for the entry, with what all its transaction details say.
	l := base
	l.Code = entryCode
	l.BankTxnID = entryID
	if len(txs) == 1 { // the usual entry: no need to gather
		tx := txs[0]
		l.Payer, l.PayerID = tx.payer, tx.payerID
		if l.BankTxnID == "" {
			l.BankTxnID = tx.id
		}
		if l.Code == "" {
			l.Code = tx.code
		}
		l.Reference = camtReference(tx.refs, tx.ustrd)
		l.Description = r.description(l.Payer, tx.ustrd, tx.texts, entryInfo)
		r.lines = append(r.lines, l)
		return nil
	}
	var refs, ustrd, texts []string
	for _, tx := range txs {
		refs = append(refs, tx.refs...)
		ustrd = append(ustrd, tx.ustrd...)
		texts = append(texts, tx.texts...)
		if l.Payer == "" {
			l.Payer = tx.payer
		}
		if l.PayerID == "" {
			l.PayerID = tx.payerID
		}
		if l.BankTxnID == "" {
			l.BankTxnID = tx.id
		}
		if l.Code == "" {
			l.Code = tx.code
		}
	}
	l.Reference = camtReference(refs, ustrd)
	l.Description = r.description(l.Payer, ustrd, texts, entryInfo)
	r.lines = append(r.lines, l)
	return nil
}

// description joins a line's free text: the counterparty's name, the
// remittance text, other texts and the entry's additional information.
func (r *camtReader) description(payer string, ustrd, texts []string, entryInfo string) string {
	p := append(r.pieces[:0], payer)
	p = append(p, ustrd...)
	p = append(p, texts...)
	p = append(p, entryInfo)
	r.pieces = p
	return joinFreeText(p...)
}

// splitsEntry reports whether every transaction carries an amount and the
// amounts add up to the entry's.
func splitsEntry(txs []camtTx, total int64) bool {
	var sum int64
	for _, tx := range txs {
		if !tx.hasAmount {
			return false
		}
		sum += tx.amount
	}
	return sum == total
}

// camtReference is the structured references of a line, or its unstructured
// remittance text when it has none.
func camtReference(refs, ustrd []string) string {
	if len(refs) > 0 {
		return joinFreeText(refs...)
	}
	return joinFreeText(ustrd...)
}

// txDetails reads a TxDtls element.
func (r *camtReader) txDetails(n int32, incoming bool, entrySign int64, ccy string) (camtTx, error) {
	t := &r.tree
	var tx camtTx
	amt := t.child(n, "Amt")
	if amt < 0 {
		amt = t.at(n, "AmtDtls", "TxAmt", "Amt")
	}
	if amt >= 0 && (t.nodes[amt].ccy == "" || strings.EqualFold(t.nodes[amt].ccy, ccy)) {
		v, err := camtAmount(t, amt, ccy)
		if err != nil {
			return tx, err
		}
		sign := entrySign
		if t.child(n, "CdtDbtInd") >= 0 {
			if sign, err = camtSign(t, n); err != nil {
				return tx, err
			}
		}
		tx.amount, tx.hasAmount = sign*v, true
	}
	refs := t.child(n, "Refs")
	for _, name := range []string{"AcctSvcrRef", "TxId", "EndToEndId"} {
		if v := t.text(refs, name); v != "" && !strings.EqualFold(v, "NOTPROVIDED") {
			tx.id = v
			break
		}
	}
	tx.code = bankTxCode(t, t.child(n, "BkTxCd"))
	parties := t.child(n, "RltdPties")
	party, ultimate, account := "Dbtr", "UltmtDbtr", "DbtrAcct"
	if !incoming {
		party, ultimate, account = "Cdtr", "UltmtCdtr", "CdtrAcct"
	}
	for _, p := range []string{party, ultimate} {
		pn := t.child(parties, p)
		if pn < 0 {
			continue
		}
		if pty := t.child(pn, "Pty"); pty >= 0 { // versions 8 and later
			pn = pty
		}
		if tx.payer == "" {
			tx.payer = collapseSpace(t.text(pn, "Nm"))
		}
		if tx.payerID == "" {
			tx.payerID = firstText(t, pn, []string{"Id", "OrgId", "Othr", "Id"}, []string{"Id", "PrvtId", "Othr", "Id"})
		}
	}
	if tx.payerID == "" {
		acct := t.child(parties, account)
		tx.payerID = firstText(t, acct, []string{"Id", "IBAN"}, []string{"Id", "Othr", "Id"})
	}
	rmt := t.child(n, "RmtInf")
	for _, u := range t.all(rmt, "Ustrd") {
		tx.ustrd = append(tx.ustrd, t.nodes[u].text)
	}
	for _, s := range t.all(rmt, "Strd") {
		for _, ref := range t.all(s, "CdtrRefInf") {
			if v := t.text(ref, "Ref"); v != "" {
				tx.refs = append(tx.refs, v)
			}
		}
		for _, doc := range t.all(s, "RfrdDocInf") {
			if v := t.text(doc, "Nb"); v != "" {
				tx.refs = append(tx.refs, v)
			}
		}
		for _, a := range t.all(s, "AddtlRmtInf") {
			tx.texts = append(tx.texts, t.nodes[a].text)
		}
	}
	tx.texts = append(tx.texts, t.text(n, "AddtlTxInf"), t.text(n, "RtrInf", "AddtlInf"))
	return tx, nil
}

// bankTxCode is a BkTxCd as one code: "PMNT/RCDT/ESCT" from the ISO domain,
// family and sub-family, else the bank's proprietary code.
func bankTxCode(t *xtree, n int32) string {
	if n < 0 {
		return ""
	}
	if d := t.child(n, "Domn"); d >= 0 {
		code := t.text(d, "Cd")
		for _, p := range [2]string{t.text(d, "Fmly", "Cd"), t.text(d, "Fmly", "SubFmlyCd")} {
			if p != "" && code != "" {
				code += "/" + p
			} else if p != "" {
				code = p
			}
		}
		if code != "" {
			return code
		}
	}
	return t.text(n, "Prtry", "Cd")
}
