package ar

import (
	"net/mail"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"cartera/backend/date"
	"cartera/backend/money"
	"cartera/backend/taxid"
)

// Limits on free text, so that a pasted megabyte never reaches the database.
const (
	MaxNameLen   = 200
	MaxNumberLen = 64
	MaxNotesLen  = 10_000
	MaxTermsDays = 3650
	MaxContacts  = 50
)

// ClientInput is what a user types to create or change a client.
type ClientInput struct {
	LegalName        string    `json:"legalName"`
	TradeName        string    `json:"tradeName"`
	TaxID            string    `json:"taxId"`
	Country          string    `json:"country"`
	PaymentTermsDays int       `json:"paymentTermsDays"`
	CreditLimit      int64     `json:"creditLimit"`
	Segment          string    `json:"segment"`
	Tags             []string  `json:"tags"`
	Notes            string    `json:"notes"`
	Contacts         []Contact `json:"contacts"`
	// ConfirmTaxID saves a tax ID whose check digit is wrong: the user has
	// seen the warning and knows better (a typo on the client's own papers).
	ConfirmTaxID bool `json:"confirmTaxId"`
}

// CheckClient validates and normalizes a client input. It returns the client
// as it would be stored (without ID and times) and every problem found.
func CheckClient(in ClientInput) (Client, error) {
	var is Issues
	c := Client{
		LegalName:        clean(in.LegalName),
		TradeName:        clean(in.TradeName),
		Country:          strings.ToUpper(strings.TrimSpace(in.Country)),
		PaymentTermsDays: in.PaymentTermsDays,
		CreditLimit:      in.CreditLimit,
		Segment:          clean(in.Segment),
		Notes:            strings.TrimSpace(in.Notes),
		TaxIDStatus:      TaxIDNone,
	}
	if c.LegalName == "" {
		is.Add("legalName", "required")
	}
	checkLen(&is, "legalName", c.LegalName, MaxNameLen)
	checkLen(&is, "tradeName", c.TradeName, MaxNameLen)
	checkLen(&is, "segment", c.Segment, MaxNameLen)
	checkLen(&is, "notes", c.Notes, MaxNotesLen)
	if c.Country != "" && len(c.Country) != 2 {
		is.Add("country", "country.unknown", "value", c.Country)
	}
	if c.PaymentTermsDays < 0 || c.PaymentTermsDays > MaxTermsDays {
		is.Add("paymentTermsDays", "terms.range", "max", strconv.Itoa(MaxTermsDays))
	}
	if c.CreditLimit < 0 || c.CreditLimit > money.MaxAbs {
		is.Add("creditLimit", "amount.range")
	}
	seen := map[string]bool{}
	for _, t := range in.Tags {
		t = clean(t)
		if t != "" && !seen[strings.ToLower(t)] {
			seen[strings.ToLower(t)] = true
			c.Tags = append(c.Tags, t)
		}
	}
	c.TaxID, c.TaxIDStatus = checkClientTaxID(&is, c.Country, in.TaxID, in.ConfirmTaxID)
	if len(in.Contacts) > MaxContacts {
		is.Add("contacts", "contacts.too_many", "max", strconv.Itoa(MaxContacts))
	}
	for i, ct := range in.Contacts {
		ct.Name, ct.Role, ct.Email, ct.Phone = clean(ct.Name), clean(ct.Role), strings.TrimSpace(ct.Email), clean(ct.Phone)
		if ct.Name == "" && ct.Email == "" && ct.Phone == "" {
			continue // an empty row the form left behind
		}
		field := "contacts." + strconv.Itoa(i)
		if ct.Email != "" {
			if a, err := mail.ParseAddress(ct.Email); err != nil || a.Address != ct.Email {
				is.Add(field+".email", "email.invalid", "value", ct.Email)
			}
		}
		if ct.Channel == "" {
			ct.Channel = ChannelEmail
		}
		if !validChannel(ct.Channel) {
			is.Add(field+".channel", "channel.unknown", "value", string(ct.Channel))
		}
		if (ct.Channel == ChannelEmail) && ct.Email == "" {
			is.Add(field+".email", "contact.channel_needs_email")
		}
		if (ct.Channel == ChannelWhatsApp || ct.Channel == ChannelPhone || ct.Channel == ChannelSMS) && ct.Phone == "" {
			is.Add(field+".phone", "contact.channel_needs_phone")
		}
		checkLen(&is, field+".name", ct.Name, MaxNameLen)
		c.Contacts = append(c.Contacts, ct)
	}
	return c, is.Err()
}

func checkClientTaxID(is *Issues, country, raw string, confirmed bool) (string, TaxIDStatus) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", TaxIDNone
	}
	if taxid.Name(country) == "" {
		// A foreign client: keep what was typed, without rules to check it by.
		checkLen(is, "taxId", raw, 40)
		return strings.ToUpper(raw), TaxIDNone
	}
	r := taxid.Check(country, raw)
	switch {
	case r.Severity == taxid.OK:
		return r.Normalized, TaxIDOK
	case r.Severity == taxid.Warning:
		return r.Normalized, TaxIDWarning
	case r.Reason == taxid.ReasonBadCheckDigit && confirmed:
		return r.Normalized, TaxIDInvalid
	default:
		is.Add("taxId", "taxid."+r.Reason, "name", taxid.Name(country), "value", raw, "expected", r.Expected)
		return r.Normalized, TaxIDInvalid
	}
}

func validChannel(c Channel) bool {
	for _, k := range Channels {
		if k == c {
			return true
		}
	}
	return false
}

// DocumentInput is what a user types to issue an invoice, credit note or debit note.
type DocumentInput struct {
	ClientID    int64     `json:"clientId"`
	Kind        Kind      `json:"kind"`
	Number      string    `json:"number"`
	IssueDate   date.Date `json:"issueDate" ts_type:"string"`
	DueDate     date.Date `json:"dueDate" ts_type:"string"` // zero: issue date plus the client's terms
	Currency    string    `json:"currency"`
	Amount      int64     `json:"amount"`
	AppliesToID int64     `json:"appliesToId"` // credit and debit notes: the invoice they correct
	Description string    `json:"description"`
}

// CheckDocument validates a document input given the client's payment terms,
// filling in the default due date. The store checks what needs the database
// (the client exists, the number is free, the corrected invoice matches).
func CheckDocument(in DocumentInput, termsDays int) (Document, error) {
	var is Issues
	d := Document{
		ClientID:    in.ClientID,
		Kind:        in.Kind,
		Number:      clean(in.Number),
		IssueDate:   in.IssueDate,
		DueDate:     in.DueDate,
		Currency:    strings.ToUpper(strings.TrimSpace(in.Currency)),
		Amount:      in.Amount,
		AppliesToID: in.AppliesToID,
		Description: strings.TrimSpace(in.Description),
		Source:      SourceManual,
	}
	if d.Kind == "" {
		d.Kind = KindInvoice
	}
	if !ValidKind(d.Kind) {
		is.Add("kind", "kind.unknown", "value", string(d.Kind))
	}
	if d.ClientID <= 0 {
		is.Add("clientId", "required")
	}
	if d.Number == "" {
		is.Add("number", "required")
	}
	checkLen(&is, "number", d.Number, MaxNumberLen)
	checkLen(&is, "description", d.Description, MaxNotesLen)
	if d.IssueDate.IsZero() {
		is.Add("issueDate", "required")
	}
	if d.DueDate.IsZero() && !d.IssueDate.IsZero() {
		d.DueDate = DefaultDueDate(d.IssueDate, termsDays)
	}
	if d.Kind == KindCreditNote {
		d.DueDate = d.IssueDate // a credit is usable the day it is issued
	}
	if !d.DueDate.IsZero() && !d.IssueDate.IsZero() && d.DueDate.Before(d.IssueDate) {
		is.Add("dueDate", "due_before_issue", "issue", d.IssueDate.String(), "due", d.DueDate.String())
	}
	checkCurrency(&is, "currency", d.Currency)
	checkAmount(&is, "amount", d.Amount)
	if d.Kind == KindInvoice && d.AppliesToID != 0 {
		is.Add("appliesToId", "invoice.applies_to")
	}
	d.Open = d.Amount
	return d, is.Err()
}

// DefaultDueDate is the issue date plus the client's payment terms.
func DefaultDueDate(issue date.Date, termsDays int) date.Date {
	if termsDays < 0 {
		termsDays = 0
	}
	return issue.AddDays(termsDays)
}

// Line allocates an amount to one invoice or debit note.
type Line struct {
	DocumentID int64 `json:"documentId"`
	Amount     int64 `json:"amount"`
}

// PaymentInput is what a user types to record money received.
type PaymentInput struct {
	ClientID    int64     `json:"clientId"`
	Date        date.Date `json:"date" ts_type:"string"`
	Currency    string    `json:"currency"`
	Amount      int64     `json:"amount"`
	Method      string    `json:"method"`
	Reference   string    `json:"reference"`
	Notes       string    `json:"notes"`
	Allocations []Line    `json:"allocations"`
}

// CheckPayment validates a payment input on its own; CheckAllocation checks
// its lines against the client's open items.
func CheckPayment(in PaymentInput) (Payment, error) {
	var is Issues
	p := Payment{
		ClientID:  in.ClientID,
		Date:      in.Date,
		Currency:  strings.ToUpper(strings.TrimSpace(in.Currency)),
		Amount:    in.Amount,
		Method:    clean(in.Method),
		Reference: clean(in.Reference),
		Notes:     strings.TrimSpace(in.Notes),
		Source:    SourceManual,
	}
	if p.ClientID <= 0 {
		is.Add("clientId", "required")
	}
	if p.Date.IsZero() {
		is.Add("date", "required")
	}
	if p.Method == "" {
		p.Method = "transfer"
	}
	checkLen(&is, "method", p.Method, 40)
	checkLen(&is, "reference", p.Reference, MaxNameLen)
	checkLen(&is, "notes", p.Notes, MaxNotesLen)
	checkCurrency(&is, "currency", p.Currency)
	checkAmount(&is, "amount", p.Amount)
	p.Unallocated = p.Amount
	return p, is.Err()
}

// OpenItem is an invoice or debit note that still has something owed.
type OpenItem struct {
	DocumentID int64     `json:"documentId"`
	Kind       Kind      `json:"kind"`
	Number     string    `json:"number"`
	IssueDate  date.Date `json:"issueDate" ts_type:"string"`
	DueDate    date.Date `json:"dueDate" ts_type:"string"`
	Currency   string    `json:"currency"`
	Amount     int64     `json:"amount"`
	Open       int64     `json:"open"`
}

// SortOldestFirst orders open items by due date, then issue date, then number,
// which is the order in which a payment is applied unless the user says otherwise.
func SortOldestFirst(items []OpenItem) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if c := a.DueDate.Compare(b.DueDate); c != 0 {
			return c < 0
		}
		if c := a.IssueDate.Compare(b.IssueDate); c != 0 {
			return c < 0
		}
		return a.DocumentID < b.DocumentID
	})
}

// ProposeAllocation spreads amount over the open items oldest first; what is
// left over stays as the client's credit.
func ProposeAllocation(items []OpenItem, amount int64) []Line {
	sorted := append([]OpenItem(nil), items...)
	SortOldestFirst(sorted)
	var lines []Line
	for _, it := range sorted {
		if amount <= 0 {
			break
		}
		a := min(it.Open, amount)
		if a <= 0 {
			continue
		}
		lines = append(lines, Line{DocumentID: it.DocumentID, Amount: a})
		amount -= a
	}
	return lines
}

// CheckAllocation validates allocation lines of at most available (a payment's
// or credit note's unallocated amount) in currency against the client's open
// items: each line names an open item of that currency, is positive, and takes
// no more than the item still owes; together they take no more than available.
func CheckAllocation(lines []Line, available int64, currency string, open []OpenItem) error {
	var is Issues
	byID := make(map[int64]OpenItem, len(open))
	for _, it := range open {
		byID[it.DocumentID] = it
	}
	var total int64
	seen := map[int64]bool{}
	for i, l := range lines {
		field := "allocations." + strconv.Itoa(i)
		it, ok := byID[l.DocumentID]
		switch {
		case seen[l.DocumentID]:
			is.Add(field, "allocation.duplicate")
			continue
		case !ok:
			is.Add(field, "allocation.not_open")
			continue
		case it.Currency != currency:
			is.Add(field, "allocation.currency_mismatch", "document", it.Number, "currency", it.Currency, "payment_currency", currency)
			continue
		case l.Amount <= 0:
			is.Add(field+".amount", "amount.positive")
			continue
		case l.Amount > it.Open:
			is.Add(field+".amount", "allocation.exceeds_open", "document", it.Number,
				"open", money.FormatPlain(it.Open, it.Currency, money.StyleDotDecimal))
			continue
		}
		seen[l.DocumentID] = true
		total += l.Amount
	}
	if total > available {
		is.Add("allocations", "allocation.exceeds_payment",
			"total", money.FormatPlain(total, currency, money.StyleDotDecimal),
			"available", money.FormatPlain(available, currency, money.StyleDotDecimal))
	}
	return is.Err()
}

// Status is where a document stands on a given day.
type Status string

// Document statuses. Receivables are open, partly paid, partly credited,
// overdue, paid, credited or voided; credit notes are available (not fully
// applied), applied or voided.
const (
	StatusOpen           Status = "open"
	StatusPartlyPaid     Status = "partly_paid"
	StatusPartlyCredited Status = "partly_credited"
	StatusOverdue        Status = "overdue"
	StatusPaid           Status = "paid"
	StatusCredited       Status = "credited"
	StatusVoided         Status = "voided"
	StatusAvailable      Status = "available"
	StatusApplied        Status = "applied"
)

// Statuses lists the statuses of receivables, in the order filters offer them.
var Statuses = []Status{StatusOpen, StatusPartlyPaid, StatusPartlyCredited, StatusOverdue, StatusPaid, StatusCredited, StatusVoided}

// StatusOf derives a document's status as of today from what is recorded.
// What lowered an invoice decides between "paid" and "credited": an invoice
// whose open amount went down only by credit notes reads partly credited (or
// credited when nothing is left); any payment makes it partly paid (or paid).
// Being overdue outranks both while something is still owed.
// The store's status filter (backend/sqlite) implements the same rule in SQL;
// a test keeps the two in step.
func StatusOf(d Document, today date.Date) Status {
	switch {
	case d.VoidedAt != nil:
		return StatusVoided
	case d.Kind == KindCreditNote && d.Open == 0:
		return StatusApplied
	case d.Kind == KindCreditNote:
		return StatusAvailable
	case d.Open == 0 && d.Credited == d.Amount:
		return StatusCredited
	case d.Open == 0:
		return StatusPaid
	case d.DueDate.Before(today):
		return StatusOverdue
	case d.Open < d.Amount && d.Amount-d.Open == d.Credited:
		return StatusPartlyCredited
	case d.Open < d.Amount:
		return StatusPartlyPaid
	}
	return StatusOpen
}

// DaysOverdue is how many days past due an open document is as of today (0 if not due).
func DaysOverdue(d Document, today date.Date) int {
	if d.Open == 0 || d.VoidedAt != nil || !d.Kind.Receivable() {
		return 0
	}
	return max(0, today.DaysSince(d.DueDate))
}

func checkCurrency(is *Issues, field, cur string) {
	if cur == "" {
		is.Add(field, "required")
	} else if !money.Known(cur) {
		is.Add(field, "currency.unknown", "value", cur)
	}
}

// MaxAmount is the hard ceiling of one document or payment, in minor units:
// 10^15, a thousand trillion pesos, far beyond any real invoice in any
// currency Cartera keeps, and the same bound money.Parse puts on every amount
// read from text or a file. It keeps every figure an exact integer in
// JavaScript (below 2^53 ≈ 9·10^15) and leaves int64 sums room for more than
// nine thousand amounts at the ceiling each; beyond that SQLite's SUM stops
// with an error instead of wrapping. Amounts that are merely unusual for a
// portfolio are not refused here: the forms ask the user to confirm them.
const MaxAmount = money.MaxAbs

func checkAmount(is *Issues, field string, v int64) {
	switch {
	case v <= 0:
		is.Add(field, "amount.positive")
	case v > MaxAmount:
		is.Add(field, "amount.range")
	}
}

func checkLen(is *Issues, field, s string, max int) {
	if utf8.RuneCountInString(s) > max {
		is.Add(field, "too_long", "max", strconv.Itoa(max))
	}
}

// clean trims a one-line text and folds runs of white space (NBSP included) to one space.
func clean(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0'
	}), " ")
}

// CheckPortfolio validates and completes a portfolio's settings: the currency
// defaults from the country, the fiscal year from January, terms from 30 days.
func CheckPortfolio(p *Portfolio) error {
	var is Issues
	p.Name = clean(p.Name)
	p.LegalName = clean(p.LegalName)
	p.Country = strings.ToUpper(strings.TrimSpace(p.Country))
	p.Currency = strings.ToUpper(strings.TrimSpace(p.Currency))
	if p.Name == "" {
		is.Add("name", "required")
	}
	checkLen(&is, "name", p.Name, MaxNameLen)
	checkLen(&is, "legalName", p.LegalName, MaxNameLen)
	if !KnownCountry(p.Country) {
		is.Add("country", "country.unknown", "value", p.Country)
	}
	if p.Currency == "" {
		p.Currency = money.CurrencyFor(p.Country)
	}
	checkCurrency(&is, "currency", p.Currency)
	if p.FiscalYearStartMonth == 0 {
		p.FiscalYearStartMonth = 1
	}
	if p.FiscalYearStartMonth < 1 || p.FiscalYearStartMonth > 12 {
		is.Add("fiscalYearStartMonth", "month.range")
	}
	if p.DefaultTermsDays == 0 {
		p.DefaultTermsDays = 30
	}
	if p.DefaultTermsDays < 0 || p.DefaultTermsDays > MaxTermsDays {
		is.Add("defaultTermsDays", "terms.range", "max", strconv.Itoa(MaxTermsDays))
	}
	if strings.TrimSpace(p.TaxID) != "" && KnownCountry(p.Country) {
		r := taxid.Check(p.Country, p.TaxID)
		if r.Severity == taxid.Invalid {
			is.Add("taxId", "taxid."+r.Reason, "name", taxid.Name(p.Country), "value", p.TaxID, "expected", r.Expected)
		}
		p.TaxID = r.Normalized
	}
	return is.Err()
}
