package bankfile

// QIF, the Quicken Interchange Format: a "!Type:Bank" header (Spanish
// exports write "!Tipo:Banco"), then records of one-letter fields (D date,
// T amount, P payee, M memo, N number, L category, S/E/$ splits) ended by
// "^". QIF says nothing about date order or decimal separators, so both are
// decided once per file from all its dates and amounts, never per record.

import (
	"bytes"
	"os"
	"strings"

	"cartera/backend/date"
	"cartera/backend/money"
)

func init() {
	register(format{name: FormatQIF, rank: 40, claim: claimQIF, read: readQIF})
}

// claimQIF recognises a file whose first line with content (after "#"
// comment lines) is a "!Type:", "!Tipo:", "!Account" or "!Option" header.
func claimQIF(head []byte) bool {
	h := bytes.TrimPrefix(head, utf8BOM)
	for len(h) > 0 {
		var line []byte
		if i := bytes.IndexByte(h, '\n'); i >= 0 {
			line, h = h[:i], h[i+1:]
		} else {
			line, h = h, nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		for _, p := range []string{"!Type:", "!Tipo:", "!Account", "!Option:", "!Clear:"} {
			if hasPrefixFold(line, p) {
				return true
			}
		}
		return false
	}
	return false
}

// readQIF reads a QIF file.
func readQIF(path string, opt Options) (File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return File{}, err
	}
	return parseQIF(b, opt)
}

// qifField is one field of a record with its line.
type qifField struct {
	code byte
	text string
	line int
}

// qifRecord is a transaction record of a bank-like section.
type qifRecord struct {
	line                int // where the record starts
	date, amount        qifField
	number, payee, memo string
	category            string
	hasDate, hasAmount  bool
	statement           int // index of its statement
}

// The kinds of QIF sections.
const (
	qifSkip    = iota // lists (categories, classes, securities) and investment records
	qifBank           // bank, cash, credit card and other asset/liability accounts
	qifAccount        // the !Account list: names the account of the sections after it
)

// parseQIF reads QIF bytes.
func parseQIF(b []byte, opt Options) (File, error) {
	src := textOf(b, "")
	var (
		statements  []Statement
		records     []qifRecord
		kind        = qifSkip
		spanish     bool
		accountName string
		cur         *qifRecord
		inSplit     bool
	)
	flush := func() {
		if cur != nil && kind == qifBank && (cur.hasDate || cur.hasAmount || cur.payee != "" || cur.memo != "") {
			records = append(records, *cur)
		}
		cur, inSplit = nil, false
	}
	lineNo := 0
	for len(src) > 0 {
		var line string
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			line, src = src, ""
		}
		lineNo++
		line = strings.TrimRight(line, "\r")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if trimmed[0] == '!' {
			flush()
			header := strings.ToLower(trimmed)
			switch {
			case strings.HasPrefix(header, "!account"):
				kind = qifAccount
			case strings.HasPrefix(header, "!type:"), strings.HasPrefix(header, "!tipo:"):
				if strings.HasPrefix(header, "!tipo:") {
					spanish = true
				}
				if qifBankType(strings.TrimSpace(header[6:])) {
					kind = qifBank
					statements = append(statements, Statement{Account: accountName, Lines: []Line{}})
				} else {
					kind = qifSkip
				}
			case strings.HasPrefix(header, "!option:"), strings.HasPrefix(header, "!clear:"):
				// Quicken's AutoSwitch markers change nothing for us.
			default:
				kind = qifSkip
			}
			continue
		}
		if trimmed == "^" {
			flush()
			continue
		}
		code, text := trimmed[0], strings.TrimSpace(trimmed[1:])
		switch kind {
		case qifAccount:
			if code == 'N' {
				accountName = text
			}
			continue
		case qifSkip:
			continue
		}
		if cur == nil {
			cur = &qifRecord{line: lineNo, statement: len(statements) - 1}
		}
		f := qifField{code: code, text: text, line: lineNo}
		if inSplit {
			continue // a split's category, memo and amount ($) are parts of the line already counted
		}
		switch code {
		case 'D':
			if !cur.hasDate {
				cur.date, cur.hasDate = f, true
			}
		case 'T':
			cur.amount, cur.hasAmount = f, true
		case 'U':
			if !cur.hasAmount {
				cur.amount, cur.hasAmount = f, true
			}
		case 'N':
			cur.number = text
		case 'P':
			cur.payee = text
		case 'M':
			cur.memo = text
		case 'L':
			cur.category = text
		case 'S':
			inSplit = true
		}
	}
	flush()
	if len(statements) == 0 {
		return File{}, &Error{Format: FormatQIF, Key: "bank.formats.no_statement"}
	}
	currency := opt.Currency
	if currency == "" {
		currency = money.CurrencyFor(opt.Country)
	}
	exp := minorDigits(currency)
	for _, rec := range records {
		if !rec.hasDate {
			return File{}, lineError(FormatQIF, rec.line, "bank.formats.missing_date")
		}
		if !rec.hasAmount {
			return File{}, lineError(FormatQIF, rec.line, "bank.formats.missing_amount")
		}
	}
	dayFirst, err := qifDateOrder(records, opt.Country, spanish)
	if err != nil {
		return File{}, err
	}
	dec, group, err := qifNumberStyle(records, exp, opt.Country, spanish, currency)
	if err != nil {
		return File{}, err
	}
	for _, rec := range records {
		st := &statements[rec.statement]
		st.Currency = currency
		when, ok := qifDate(rec.date.text, dayFirst)
		if !ok {
			return File{}, lineError(FormatQIF, rec.date.line, "bank.formats.bad_date", "value", rec.date.text)
		}
		amount, key := decimalMinor(qifAmountText(rec.amount.text), dec, group, exp)
		if key != "" {
			return File{}, amountError(FormatQIF, rec.amount.line, key, rec.amount.text, currency)
		}
		// Quicken writes an account's opening balance as a first transaction
		// "Opening Balance" whose category is the account itself ("[Cuenta]").
		if qifOpeningBalance(rec) && len(st.Lines) == 0 && st.Opening == nil {
			st.Opening = &Balance{Date: when, Amount: amount}
			continue
		}
		st.Lines = append(st.Lines, Line{
			Row:         rec.line,
			Date:        when,
			Amount:      amount,
			Description: joinFreeText(rec.payee, rec.memo),
			Reference:   collapseSpace(rec.number),
			Payer:       collapseSpace(rec.payee),
			Code:        qifCode(rec.category),
		})
	}
	for i := range statements {
		if statements[i].Currency == "" {
			statements[i].Currency = currency
		}
	}
	f := File{Statements: statements}
	finishFile(&f)
	return f, nil
}

// qifCode is a record's category (L), the only classification QIF carries
// (Banesco writes "Categoria1Abono1" and "Categoria1Cargo1"); Quicken's
// marker of a split line says nothing and is left out.
func qifCode(category string) string {
	if strings.EqualFold(category, "--Split--") {
		return ""
	}
	return collapseSpace(category)
}

// qifBankType reports whether a QIF section type holds bank-like
// transactions ("bank", "cash", "ccard", "oth a", "oth l", and Spanish
// "banco", "efectivo", "tarjeta"…) rather than lists or investments.
func qifBankType(t string) bool {
	switch t {
	case "cat", "class", "memorized", "security", "prices", "invst", "invoice", "bill", "template", "categoria", "categoría", "clase":
		return false
	}
	return t != ""
}

// qifOpeningBalance reports whether a record is Quicken's "Opening Balance"
// of the account rather than a movement.
func qifOpeningBalance(rec qifRecord) bool {
	p := strings.ToLower(strings.TrimSpace(rec.payee))
	return (p == "opening balance" || p == "saldo inicial" || p == "saldo de apertura") && strings.HasPrefix(rec.category, "[")
}

// qifAmountText drops the spaces and currency signs some exports leave in amounts.
func qifAmountText(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, " $") {
		s = strings.NewReplacer(" ", "", "$", "").Replace(s)
	}
	return s
}

// qifDateParts splits a QIF date into its three numbers and tells whether
// the year is written with an apostrophe (Quicken: '00 is 2000). Dates look
// like 12/31/2019, 1/ 1'00, 2/10'2020, 31/12/2019, 31.12.19 or 2019-12-31.
func qifDateParts(s string) (a, b, y int, yearFirst, apostrophe, ok bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '/', '-', '.', '\'':
			if s[i] == '\'' {
				apostrophe = true
			}
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	parts = append(parts, s[start:])
	if len(parts) != 3 {
		return 0, 0, 0, false, false, false
	}
	var nums [3]int
	for i, p := range parts {
		n, good := digitsValue(p)
		if !good {
			return 0, 0, 0, false, false, false
		}
		nums[i] = n
	}
	if len(parts[0]) == 4 {
		return nums[1], nums[2], nums[0], true, false, true
	}
	y = nums[2]
	switch {
	case len(parts[2]) <= 2 && apostrophe:
		y += 2000
	case len(parts[2]) <= 2 && y >= 70:
		y += 1900
	case len(parts[2]) <= 2:
		y += 2000
	case len(parts[2]) != 4:
		return 0, 0, 0, false, false, false
	}
	return nums[0], nums[1], y, false, apostrophe, true
}

// qifDateOrder decides for the whole file whether dates are day first: a
// first number above 12 means day/month, a second above 12 month/day; when
// every date could be either, the country decides (day first in Latin
// America, and when the header is Spanish), else the US order Quicken uses.
func qifDateOrder(records []qifRecord, country string, spanish bool) (bool, error) {
	var dayFirstAt, monthFirstAt *qifField
	for i := range records {
		a, b, _, yearFirst, _, ok := qifDateParts(records[i].date.text)
		if !ok {
			return false, lineError(FormatQIF, records[i].date.line, "bank.formats.bad_date", "value", records[i].date.text)
		}
		if yearFirst {
			continue
		}
		if a > 12 && dayFirstAt == nil {
			dayFirstAt = &records[i].date
		}
		if b > 12 && monthFirstAt == nil {
			monthFirstAt = &records[i].date
		}
	}
	switch {
	case dayFirstAt != nil && monthFirstAt != nil:
		later := dayFirstAt
		if monthFirstAt.line > later.line {
			later = monthFirstAt
		}
		return false, lineError(FormatQIF, later.line, "bank.formats.qif_mixed_dates", "value", later.text)
	case dayFirstAt != nil:
		return true, nil
	case monthFirstAt != nil:
		return false, nil
	}
	return latinCountry(country) || country == "" && spanish, nil
}

// latinCountry reports whether a country writes numbers and dates the Latin American way.
func latinCountry(country string) bool {
	switch strings.ToUpper(country) {
	case "CL", "CO", "MX", "PE", "AR":
		return true
	}
	return false
}

// qifDate reads a QIF date in the file's order.
func qifDate(s string, dayFirst bool) (date.Date, bool) {
	a, b, y, yearFirst, _, ok := qifDateParts(s)
	if !ok {
		return date.Date{}, false
	}
	m, d := a, b
	if dayFirst && !yearFirst {
		m, d = b, a
	}
	if !calendarDay(y, m, d) {
		return date.Date{}, false
	}
	return dateOf(y, m, d), true
}

// qifNumberStyle decides for the whole file which of "." and "," is the
// decimal separator (the other groups thousands): the style every amount
// fits, or, when both fit, the country's (Chile, Colombia and Argentina
// write 1.234,56; a Spanish header suggests the same when no country is
// given), else the US style Quicken uses.
func qifNumberStyle(records []qifRecord, exp int, country string, spanish bool, currency string) (dec, group byte, err error) {
	type style struct{ dec, group byte }
	us, latin := style{'.', ','}, style{',', '.'}
	fits := func(s style) *qifField {
		for i := range records {
			if _, key := decimalMinor(qifAmountText(records[i].amount.text), s.dec, s.group, exp); key != "" {
				return &records[i].amount
			}
		}
		return nil
	}
	usBad, latinBad := fits(us), fits(latin)
	switch {
	case usBad == nil && latinBad == nil:
		c := strings.ToUpper(country)
		if c == "CL" || c == "CO" || c == "AR" || c == "" && spanish {
			return latin.dec, latin.group, nil
		}
		return us.dec, us.group, nil
	case usBad == nil:
		return us.dec, us.group, nil
	case latinBad == nil:
		return latin.dec, latin.group, nil
	}
	// Neither style reads every amount: name the amount that breaks the
	// style most of the file follows, or the first bad one.
	first := usBad
	if latinBad.line > usBad.line {
		first = latinBad
	}
	key := keyBadAmount
	for _, s := range []style{us, latin} {
		if _, k := decimalMinor(qifAmountText(first.text), s.dec, s.group, exp); k == "" {
			return 0, 0, lineError(FormatQIF, first.line, "bank.formats.qif_mixed_amounts", "value", first.text)
		} else if k != keyBadAmount {
			key = k
		}
	}
	return 0, 0, amountError(FormatQIF, first.line, key, first.text, currency)
}
