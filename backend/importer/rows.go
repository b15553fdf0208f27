package importer

import (
	"errors"
	"strconv"
	"strings"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/money"
	"cartera/backend/taxid"
)

// Class groups problems by what the user can decide about them.
type Class string

// Problem classes.
const (
	ClassError         Class = "error"          // the row cannot be stored: fix the file or skip the row
	ClassMissingClient Class = "missing_client" // the client is not in the portfolio: create it, or skip the row
	ClassTaxID         Class = "tax_id"         // the tax ID's check digit is wrong: accept it as written, or skip the row
	ClassConflict      Class = "conflict"       // a re-imported row differs from what is recorded: accept the change, or keep what is recorded
	ClassNotice        Class = "notice"         // said for the record; nothing to decide
)

// Problem is one thing wrong with one value of one row.
type Problem struct {
	Line   int               `json:"line"`   // the row as the spreadsheet or text editor numbers it
	Column string            `json:"column"` // the column's name in the file
	Value  string            `json:"value"`  // the value as written (cut to 200 characters)
	Class  Class             `json:"class"`
	Key    string            `json:"key"` // message key, see package i18n
	Params map[string]string `json:"params,omitempty"`
}

// Format is how values are written in a file.
type Format struct {
	DateOrder DateOrder   `json:"dateOrder"`
	Style     money.Style `json:"-"`
	Decimal   string      `json:"decimal"` // "," or "."
	Cells     bool        `json:"cells"`   // values come from spreadsheet cells (serial dates, machine numbers)
}

// StyleOf is the money style of a decimal separator.
func StyleOf(decimal string) money.Style {
	if decimal == "," {
		return money.StyleCommaDecimal
	}
	return money.StyleDotDecimal
}

// ClientKey is how a row names its client.
type ClientKey struct {
	TaxID       string         `json:"taxId"` // normalized; "" when the row has none
	TaxIDStatus ar.TaxIDStatus `json:"taxIdStatus"`
	Name        string         `json:"name"`
}

// Record is one row as it will be stored.
type Record struct {
	Line       int         `json:"line"`
	Client     ClientKey   `json:"client"`
	NewClient  ar.Client   `json:"-"`                    // clients: the client; others: the client to create when missing
	Doc        ar.Document `json:"document"`             // invoices
	Balance    int64       `json:"balance"`              // invoices: the open balance the file says (Doc.Amount when it says none)
	HasBalance bool        `json:"hasBalance"`           // invoices
	Payment    ar.Payment  `json:"payment"`              // payments
	PaysNumber string      `json:"paysNumber,omitempty"` // payments: the invoice it pays, when the file says
	AppliesTo  string      `json:"appliesTo,omitempty"`  // invoices: the document a credit note corrects, as the file writes it
	UUID       string      `json:"uuid,omitempty"`       // invoices: the CFDI's folio fiscal
	// Left is true for a row that is not a document to import: a cancelled
	// CFDI, a voided invoice, a payment receipt. A notice says so.
	Left bool `json:"left,omitempty"`
}

// Parser turns rows of one file into records. It is pure: looking the
// clients up and storing is the caller's.
type Parser struct {
	Target   Target
	Header   []string
	Columns  []Field
	Format   Format
	Country  string // the portfolio's: tax ID rules and the default currency
	Currency string
	// Currencies are those the portfolio uses (its own and its documents');
	// a row in another one is a problem. Empty: only Currency.
	Currencies map[string]bool
	col        map[Field]int
	// Dates read in day and month order: how many could be read either
	// way (both ≤ 12) and how many could not. Written by the goroutine
	// that parses, read once it is done.
	datesEitherWay, datesOneWay int
	kinds                       map[string]kindOf // ParseKindIn's answers: a file has few document types
}

type kindOf struct {
	kind   ar.Kind
	letter string
	ok     bool
}

// kind is ParseKindIn for the parser's country, remembered.
func (p *Parser) kind(raw string) (ar.Kind, string, bool) {
	if k, ok := p.kinds[raw]; ok {
		return k.kind, k.letter, k.ok
	}
	k, l, ok := ParseKindIn(p.Country, raw)
	if p.kinds == nil {
		p.kinds = map[string]kindOf{}
	}
	if len(p.kinds) < 1000 {
		p.kinds[raw] = kindOf{k, l, ok}
	}
	return k, l, ok
}

// DatesAmbiguous reports that every date read in day and month order could
// be read the other way round (no part above 12), so the order used is a
// choice the file does not confirm.
func (p *Parser) DatesAmbiguous() bool { return p.datesEitherWay > 0 && p.datesOneWay == 0 }

// NewParser prepares a parser; the mapping must pass CheckMapping.
func NewParser(t Target, header []string, columns []Field, f Format, country, currency string) *Parser {
	p := &Parser{Target: t, Header: header, Columns: columns, Format: f, Country: country, Currency: currency, col: map[Field]int{}}
	if p.Format.Decimal != "" {
		p.Format.Style = StyleOf(p.Format.Decimal)
	}
	if !p.Format.Style.Valid() {
		p.Format.Style = money.StyleFor(country)
	}
	if !ValidDateOrder(p.Format.DateOrder) {
		p.Format.DateOrder = DMY
	}
	for i, f := range columns {
		if f != "" {
			p.col[f] = i
		}
	}
	return p
}

// ColumnName is the file's name of the column mapped to f ("" when none is).
func (p *Parser) ColumnName(f Field) string {
	if i, ok := p.col[f]; ok && i < len(p.Header) {
		return p.Header[i]
	}
	return ""
}

// MissingClient is the problem of a row whose client is not in the portfolio.
func (p *Parser) MissingClient(line int, k ClientKey) Problem {
	id := taxid.Format(p.Country, k.TaxID)
	pr := Problem{Line: line, Class: ClassMissingClient, Key: "import.client_missing", Column: p.ColumnName(FTaxID), Value: id,
		Params: map[string]string{"client": strings.TrimSpace(id + " " + k.Name)}}
	if k.TaxID == "" {
		pr.Column, pr.Value = p.ColumnName(FClientName), k.Name
	}
	return pr
}

// rowCtx collects the problems of one row.
type rowCtx struct {
	p        *Parser
	fields   []string
	line     int
	problems []Problem
}

func (r *rowCtx) get(f Field) (string, bool) {
	i, ok := r.p.col[f]
	if !ok {
		return "", false
	}
	if i >= len(r.fields) {
		return "", true
	}
	return strings.TrimSpace(r.fields[i]), true
}

func (r *rowCtx) add(f Field, class Class, key string, kv ...string) {
	col, value := "", ""
	if i, ok := r.p.col[f]; ok {
		if i < len(r.p.Header) {
			col = r.p.Header[i]
		}
		if i < len(r.fields) {
			value = cut(strings.TrimSpace(r.fields[i]), 200)
		}
	}
	pr := Problem{Line: r.line, Column: col, Value: value, Class: class, Key: key}
	if len(kv) > 0 {
		pr.Params = map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			pr.Params[kv[i]] = kv[i+1]
		}
	}
	r.problems = append(r.problems, pr)
}

func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// IsTotals reports a totals row under the data ("Total", "Totales", "Total
// general" in one of the first cells, and no document number or client name
// on it): exports add one, and it is not a record.
func (p *Parser) IsTotals(fields []string) bool {
	seen := 0
	for _, c := range fields {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if f := ar.Fold(c); f == "total" || f == "totales" || f == "total general" || f == "subtotal" || f == "suma" || strings.HasPrefix(f, "total ") || strings.HasPrefix(f, "totales ") {
			r := &rowCtx{p: p, fields: fields}
			number, _ := r.get(FNumber)
			date, _ := r.get(FDate)
			return number == "" || date == "" || ar.Fold(number) == f
		}
		if seen++; seen == 3 {
			break
		}
	}
	return false
}

// Parse reads one row. The record is meaningful only when no problem of
// class ClassError came back.
func (p *Parser) Parse(line int, fields []string) (Record, []Problem) {
	r := &rowCtx{p: p, fields: fields, line: line}
	rec := Record{Line: line}
	switch p.Target {
	case Clients:
		rec.NewClient = r.client()
		rec.Client = ClientKey{TaxID: rec.NewClient.TaxID, TaxIDStatus: rec.NewClient.TaxIDStatus, Name: rec.NewClient.LegalName}
	case Invoices:
		rec.Client = r.clientKey()
		r.invoice(&rec)
	case Payments:
		rec.Client = r.clientKey()
		r.payment(&rec)
	}
	if rec.NewClient.LegalName == "" {
		rec.NewClient = ar.Client{LegalName: rec.Client.Name, TaxID: rec.Client.TaxID, TaxIDStatus: rec.Client.TaxIDStatus,
			Country: p.Country, PaymentTermsDays: -1}
	}
	return rec, r.problems
}

// taxID checks a tax ID by the portfolio country's rules: a wrong check
// digit can be accepted as written; any other fault is an error.
func (r *rowCtx) taxID(f Field, raw string) (string, ar.TaxIDStatus) {
	if raw == "" {
		return "", ar.TaxIDNone
	}
	if taxid.Name(r.p.Country) == "" {
		return strings.ToUpper(cut(raw, 40)), ar.TaxIDNone
	}
	if id, ok := PersonalID(r.p.Country, raw); ok {
		return id, ar.TaxIDNone
	}
	res := taxid.Check(r.p.Country, raw)
	switch {
	case res.Severity == taxid.OK:
		return res.Normalized, ar.TaxIDOK
	case res.Severity == taxid.Warning:
		return res.Normalized, ar.TaxIDWarning
	case res.Reason == taxid.ReasonBadCheckDigit:
		r.add(f, ClassTaxID, "taxid."+res.Reason, "name", taxid.Name(r.p.Country), "value", raw, "expected", res.Expected)
		return res.Normalized, ar.TaxIDInvalid
	}
	r.add(f, ClassError, "taxid."+res.Reason, "name", taxid.Name(r.p.Country), "value", raw, "expected", res.Expected)
	return res.Normalized, ar.TaxIDInvalid
}

// rawTaxID is the tax ID as the row writes it, with its check digit when
// a column of its own keeps it ("900123456" and "7" → "900123456-7").
func (r *rowCtx) rawTaxID() string {
	raw, _ := r.get(FTaxID)
	if NoTaxID(raw) {
		return ""
	}
	if dv, _ := r.get(FCheckDigit); raw != "" && dv != "" && len(dv) == 1 && !strings.ContainsAny(strings.TrimRight(raw, " -"), "-‐–") {
		raw = strings.TrimRight(raw, " -") + "-" + dv
	}
	return raw
}

// NoTaxID reports a tax ID column that names nobody: "0", "00000000", "-",
// as sales registers write the anonymous buyer of a receipt (Argentina's
// consumidor final, Peru's boleta without DNI).
func NoTaxID(raw string) bool {
	s := strings.Trim(strings.TrimSpace(raw), ".- ")
	return strings.TrimSpace(raw) != "" && strings.Trim(s, "0") == ""
}

// anonymousBuyer is the name of the client of a receipt that names none.
var anonymousBuyer = map[string]string{"AR": "Consumidor final", "PE": "Clientes varios", "MX": "Público en general", "CO": "Consumidor final", "CL": "Clientes boleta"}

func (r *rowCtx) clientKey() ClientKey {
	var k ClientKey
	raw := r.rawTaxID()
	k.TaxID, k.TaxIDStatus = r.taxID(FTaxID, raw)
	k.Name, _ = r.get(FClientName)
	k.Name = strings.Join(strings.Fields(k.Name), " ")
	if given, _ := r.get(FTaxID); k.Name == "" && NoTaxID(given) {
		k.Name = anonymousBuyer[r.p.Country]
	}
	if k.TaxID == "" && k.Name == "" {
		f := FTaxID
		if _, ok := r.p.col[f]; !ok {
			f = FClientName
		}
		r.add(f, ClassError, "import.client_empty")
	}
	if len(k.Name) > ar.MaxNameLen {
		r.add(FClientName, ClassError, "import.too_long", "max", strconv.Itoa(ar.MaxNameLen))
	}
	return k
}

func (r *rowCtx) date(f Field, required bool) date.Date {
	raw, _ := r.get(f)
	if raw == "" {
		if required {
			r.add(f, ClassError, "import.required")
		}
		return date.Date{}
	}
	d, reason := ParseDate(raw, r.p.Format.DateOrder, r.p.Format.Cells)
	a, b, yy, shaped := dayMonthParts(raw)
	if shaped && a <= 12 && b <= 12 {
		r.p.datesEitherWay++
	} else if shaped {
		r.p.datesOneWay++ // 31/02/2026 is wrong, but says which part is the day
	}
	if reason != "" {
		r.add(f, ClassError, "import."+reason)
		return d
	}
	if shaped {
		if yy && d.Year < 2000 {
			// 31/01/98: two-digit years below 70 are 20xx, the others 19xx.
			r.add(f, ClassNotice, "import.two_digit_year", "date", d.String())
		}
	}
	return d
}

// dayMonthParts reads the first two parts of a date written with them
// first (31/01/2026, 01-31-26), and whether its year has two digits.
func dayMonthParts(raw string) (a, b int, twoDigitYear, ok bool) {
	s := cutTime(strings.TrimSpace(raw))
	var parts [3]string
	n, start := 0, 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '/' && s[i] != '-' && s[i] != '.' {
			continue
		}
		if i > start {
			if n == 3 {
				return 0, 0, false, false
			}
			parts[n] = s[start:i]
			n++
		}
		start = i + 1
	}
	if n != 3 || len(parts[0]) > 2 || !isDigits(parts[0]) || !isDigits(parts[1]) || len(parts[1]) > 2 || !isDigits(parts[2]) {
		return 0, 0, false, false
	}
	return atoi(parts[0]), atoi(parts[1]), len(parts[2]) == 2, true
}

func (r *rowCtx) currency() string {
	raw, ok := r.get(FCurrency)
	if !ok || raw == "" {
		return r.p.Currency
	}
	c, known := CurrencyOf(raw, r.p.Currency)
	switch {
	case !known:
		r.add(FCurrency, ClassError, "import.currency_unknown")
	case c != r.p.Currency && !r.p.Currencies[c]:
		r.add(FCurrency, ClassError, "import.currency_not_in_portfolio", "currency", c, "base", r.p.Currency)
	}
	return c
}

// CurrencyOf reads a currency as exports write it ("CLP", "$", "Pesos",
// "US$", "Dólares", "UF"); base is what "$" and "pesos" mean.
func CurrencyOf(raw, base string) (string, bool) {
	s := strings.TrimSpace(ar.Fold(raw))
	switch s {
	case "$", "peso", "pesos", "moneda nacional", "mn", "m n", "local":
		return base, true
	case "us$", "u$s", "dolar", "dolares", "usd$", "us dollar", "dollar", "dollars":
		return "USD", true
	case "uf":
		return "CLF", true
	case "s/", "s/.", "s", "sol", "soles", "nuevos soles", "pen s/":
		return "PEN", true
	case "mxn$", "m.n.", "pesos mexicanos":
		return "MXN", true
	case "euro", "euros", "€":
		return "EUR", true
	}
	c := strings.ToUpper(s)
	return c, money.Known(c)
}

func (r *rowCtx) amount(f Field, currency string, required bool) (int64, bool) {
	raw, _ := r.get(f)
	if raw == "" {
		if required {
			r.add(f, ClassError, "import.required")
		}
		return 0, false
	}
	if !money.Known(currency) {
		return 0, false // said once, on the currency column
	}
	v, reason := ParseAmount(raw, currency, r.p.Format.Style, r.p.Format.Cells)
	if reason != "" {
		r.add(f, ClassError, "import.amount_"+reason)
		return 0, false
	}
	return v, true
}

func (r *rowCtx) text(f Field, max int) string {
	s, _ := r.get(f)
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > max {
		r.add(f, ClassError, "import.too_long", "max", strconv.Itoa(max))
		return cut(s, max)
	}
	return s
}

func (r *rowCtx) invoice(rec *Record) {
	d := &rec.Doc
	d.Kind = ar.KindInvoice
	kindGiven := false
	letter := ""
	if status, _ := r.get(FStatus); status != "" && IsCancelled(status) {
		r.add(FStatus, ClassNotice, "import.cancelled_left_out")
		rec.Left = true
		return
	}
	if raw, ok := r.get(FKind); ok && raw != "" {
		if NotReceivable(r.p.Country, raw) {
			r.add(FKind, ClassNotice, "import.not_receivable_left_out")
			rec.Left = true
			return
		}
		k, l, known := r.p.kind(raw)
		if !known {
			r.add(FKind, ClassError, "import.kind_unknown")
		}
		d.Kind, letter, kindGiven = k, l, true
	}
	if l := strings.ToUpper(r.text(FLetter, 2)); letter == "" && len(l) == 1 && strings.Contains("ABCEM", l) {
		letter = l
	}
	rec.UUID = strings.ToUpper(r.text(FUUID, 60))
	number := r.text(FNumber, ar.MaxNumberLen)
	if number == "" && rec.UUID != "" {
		if _, ok := r.p.col[FNumber]; !ok {
			number = rec.UUID // the SAT's metadata: the UUID is all the number there is
		}
	}
	if number == "" {
		r.add(FNumber, ClassError, "import.required")
	} else {
		number = DocumentNumber(r.p.Country, letter, r.text(FSeries, 20), r.text(FPointOfSale, 10), number)
		if len(number) > ar.MaxNumberLen {
			r.add(FNumber, ClassError, "import.too_long", "max", strconv.Itoa(ar.MaxNumberLen))
		}
	}
	d.Number = number
	if ref := r.text(FAppliesTo, ar.MaxNumberLen); ref != "" {
		if series := r.text(FAppliesToSeries, 20); series != "" {
			ref = DocumentNumber(r.p.Country, "", series, "", ref)
		}
		rec.AppliesTo = ref
	}
	d.IssueDate = r.date(FIssueDate, true)
	d.DueDate = r.date(FDueDate, false)
	d.Currency = r.currency()
	d.Description = r.text(FDescription, ar.MaxNotesLen)
	d.Source = ar.SourceImport
	amount, ok := r.amount(FAmount, d.Currency, true)
	if ok {
		switch {
		case amount == 0:
			r.add(FAmount, ClassError, "import.amount_zero")
		case amount < 0 && !kindGiven:
			d.Kind = ar.KindCreditNote // credit notes written as negative invoices
			amount = -amount
		case amount < 0 && d.Kind == ar.KindCreditNote:
			amount = -amount
		case amount < 0:
			r.add(FAmount, ClassError, "import.amount_negative")
		}
	}
	d.Amount = amount
	rec.Balance = amount
	if _, hasBalance := r.p.col[FBalance]; !hasBalance && ok {
		// "Valor Factura" and "Abonos" without "Saldo": the balance is what is left.
		if paid, given := r.amount(FPaid, d.Currency, false); given {
			if paid < 0 {
				paid = -paid
			}
			switch {
			case paid > d.Amount:
				r.add(FPaid, ClassError, "import.paid_over_amount")
			default:
				rec.Balance, rec.HasBalance = d.Amount-paid, true
			}
		}
	}
	if bal, ok := r.amount(FBalance, d.Currency, false); ok {
		if bal < 0 && d.Kind == ar.KindCreditNote {
			bal = -bal
		}
		switch {
		case bal < 0:
			r.add(FBalance, ClassError, "import.balance_negative")
		case d.Amount > 0 && bal > d.Amount:
			r.add(FBalance, ClassError, "import.balance_over_amount")
		default:
			rec.Balance, rec.HasBalance = bal, true
		}
	}
	if d.Kind == ar.KindCreditNote {
		d.DueDate = d.IssueDate
	}
	if !d.DueDate.IsZero() && !d.IssueDate.IsZero() && d.DueDate.Before(d.IssueDate) {
		r.add(FDueDate, ClassError, "import.due_before_issue", "issue", d.IssueDate.String())
	}
}

var methodNames = map[string]string{
	"transferencia": "transfer", "transferencia bancaria": "transfer", "transfer": "transfer", "tef": "transfer", "pse": "transfer", "spei": "transfer",
	"deposito": "deposit", "deposit": "deposit", "efectivo": "cash", "cash": "cash", "contado": "cash",
	"cheque": "check", "check": "check", "cheque al dia": "check", "tarjeta": "card", "card": "card", "tarjeta de credito": "card",
	"tarjeta de debito": "card", "redcompra": "card", "otro": "other", "other": "other",
}

func (r *rowCtx) payment(rec *Record) {
	p := &rec.Payment
	p.Date = r.date(FDate, true)
	p.Currency = r.currency()
	p.Source = ar.SourceImport
	if v, ok := r.amount(FAmount, p.Currency, true); ok {
		if v <= 0 {
			r.add(FAmount, ClassError, "import.payment_not_positive")
		}
		p.Amount = v
	}
	p.Reference = r.text(FReference, ar.MaxNameLen)
	p.Notes = r.text(FNotes, ar.MaxNotesLen)
	p.Method = "transfer"
	if raw := r.text(FMethod, 40); raw != "" {
		if m, ok := methodNames[ar.Fold(raw)]; ok {
			p.Method = m
		} else {
			p.Method = raw
		}
	}
	rec.PaysNumber = r.text(FNumber, ar.MaxNumberLen)
	p.Unallocated = p.Amount
}

// clientFields maps the fields ar.CheckClient reports to import fields.
var clientFields = map[string]Field{
	"legalName": FLegalName, "tradeName": FTradeName, "taxId": FTaxID, "paymentTermsDays": FTerms,
	"creditLimit": FCreditLimit, "segment": FSegment, "notes": FNotes,
}

func (r *rowCtx) client() ar.Client {
	in := ar.ClientInput{Country: r.p.Country, PaymentTermsDays: -1, ConfirmTaxID: true}
	in.LegalName, _ = r.get(FLegalName)
	in.TradeName, _ = r.get(FTradeName)
	in.Segment, _ = r.get(FSegment)
	in.Notes, _ = r.get(FNotes)
	raw := r.rawTaxID()
	var status ar.TaxIDStatus
	in.TaxID, status = r.taxID(FTaxID, raw)
	if t, ok := r.get(FTerms); ok && t != "" {
		in.PaymentTermsDays = r.terms(t)
	}
	if v, ok := r.amount(FCreditLimit, r.p.Currency, false); ok {
		in.CreditLimit = v
	}
	name, _ := r.get(FContact)
	email, _ := r.get(FEmail)
	phone, _ := r.get(FPhone)
	if name != "" || email != "" || phone != "" {
		ch := ar.ChannelEmail
		if email == "" {
			ch = ar.ChannelPhone
		}
		if email == "" && phone == "" {
			ch = ""
		}
		in.Contacts = []ar.Contact{{Name: name, Email: email, Phone: phone, Channel: ch}}
	}
	terms := in.PaymentTermsDays
	if terms < 0 {
		in.PaymentTermsDays = 0
	}
	c, err := ar.CheckClient(in)
	var e *ar.Error
	if err != nil && asError(err, &e) {
		for _, is := range e.Issues {
			f, ok := clientFields[is.Field]
			switch {
			case is.Field == "taxId":
				continue // said by r.taxID
			case strings.HasPrefix(is.Field, "contacts"):
				f = FEmail
				if strings.HasSuffix(is.Field, "phone") {
					f = FPhone
				}
			case !ok:
				f = FLegalName
			}
			if is.Key == "required" {
				is.Key = "import.required"
			}
			r.add(f, ClassError, is.Key, flatten(is.Params)...)
		}
	}
	c.TaxIDStatus = status
	c.Source = ar.SourceImport
	c.PaymentTermsDays = terms // -1: not in the file; the store puts the portfolio's default
	return c
}

// terms reads payment terms (see ParseTerms). Terms it cannot read are
// told, and the client gets the portfolio's usual terms: a client master
// is not refused for a column that does not decide money.
func (r *rowCtx) terms(s string) int {
	n, ok := ParseTerms(s)
	if !ok {
		r.add(FTerms, ClassNotice, "import.terms_unread")
		return -1
	}
	return n
}

// PersonalID reads the national ID of a person where the country's tax ID
// rules do not cover it: a Peruvian DNI (8 digits) in a RUC/DNI column, an
// Argentine DNI (7 or 8 digits) where consumers have no CUIT. ok is false
// for anything else.
func PersonalID(country, raw string) (string, bool) {
	if country != "PE" && country != "AR" || len(raw) > 16 {
		return "", false
	}
	var b [16]byte
	n := 0
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case c >= '0' && c <= '9':
			b[n] = c
			n++
		case c != '.' && c != ' ' && c != '-':
			return "", false
		}
	}
	s := string(b[:n])
	switch {
	case country == "PE" && len(s) == 8:
		return s, true
	case country == "AR" && (len(s) == 7 || len(s) == 8):
		return s, true
	}
	return "", false
}

func flatten(m map[string]string) []string {
	var kv []string
	for k, v := range m {
		kv = append(kv, k, v)
	}
	return kv
}

func asError(err error, target **ar.Error) bool { return errors.As(err, target) }
