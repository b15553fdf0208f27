// Package ar is the accounts-receivable domain of Cartera: portfolios,
// clients, invoices and notes, payments and their allocations, and the pure
// rules that decide what is valid, what is owed and what a document's status
// is on a given day. It does no I/O; the store (backend/sqlite) keeps what
// these types describe.
package ar

import (
	"time"

	"cartera/backend/date"
)

// Countries Cartera knows the tax IDs, money formats and laws of.
var Countries = []string{"CL", "CO", "MX", "PE", "AR"}

// KnownCountry reports whether c is one of Countries.
func KnownCountry(c string) bool {
	for _, k := range Countries {
		if k == c {
			return true
		}
	}
	return false
}

// Portfolio is the settings of one portfolio file: whose receivables they are
// and in which country and currency they are kept.
type Portfolio struct {
	Name                 string    `json:"name"`
	LegalName            string    `json:"legalName"`
	TaxID                string    `json:"taxId"`
	Country              string    `json:"country"`
	Currency             string    `json:"currency"`
	FiscalYearStartMonth int       `json:"fiscalYearStartMonth"`
	DefaultTermsDays     int       `json:"defaultTermsDays"`
	CreatedAt            time.Time `json:"createdAt" ts_type:"string"`
}

// Channel is a way of reaching a contact.
type Channel string

// Contact channels.
const (
	ChannelEmail    Channel = "email"
	ChannelWhatsApp Channel = "whatsapp"
	ChannelPhone    Channel = "phone"
	ChannelSMS      Channel = "sms"
	ChannelLetter   Channel = "letter"
)

// Channels lists the contact channels in the order forms offer them.
var Channels = []Channel{ChannelEmail, ChannelWhatsApp, ChannelPhone, ChannelSMS, ChannelLetter}

// Contact is a person at a client whom collections can reach.
type Contact struct {
	ID      int64   `json:"id"`
	Name    string  `json:"name"`
	Role    string  `json:"role"`
	Email   string  `json:"email"`
	Phone   string  `json:"phone"`
	Channel Channel `json:"channel"`
}

// TaxIDStatus records how a client's tax ID fared against its country's rules.
type TaxIDStatus string

// Tax ID statuses.
const (
	TaxIDNone    TaxIDStatus = "none"    // no tax ID, or a country without rules
	TaxIDOK      TaxIDStatus = "ok"      // passes the check
	TaxIDWarning TaxIDStatus = "warning" // fails a check that real IDs sometimes fail (RFC)
	TaxIDInvalid TaxIDStatus = "invalid" // wrong check digit, kept because the user confirmed it
)

// Client is a customer who buys on credit.
type Client struct {
	ID               int64       `json:"id"`
	LegalName        string      `json:"legalName"`
	TradeName        string      `json:"tradeName"`
	TaxID            string      `json:"taxId"` // normalized
	TaxIDStatus      TaxIDStatus `json:"taxIdStatus"`
	Country          string      `json:"country"`
	PaymentTermsDays int         `json:"paymentTermsDays"`
	CreditLimit      int64       `json:"creditLimit"` // minor units of the portfolio currency; 0 = none
	Segment          string      `json:"segment"`
	Tags             []string    `json:"tags"`
	Notes            string      `json:"notes"`
	Contacts         []Contact   `json:"contacts"`
	Source           Source      `json:"source"`
	ArchivedAt       *time.Time  `json:"archivedAt" ts_type:"string"`
	CreatedAt        time.Time   `json:"createdAt" ts_type:"string"`
	UpdatedAt        time.Time   `json:"updatedAt" ts_type:"string"`
}

// Kind is the type of a receivable document.
type Kind string

// Document kinds.
const (
	KindInvoice    Kind = "invoice"
	KindCreditNote Kind = "credit_note"
	KindDebitNote  Kind = "debit_note"
)

// Receivable reports whether documents of kind k are owed by the client
// (invoices and debit notes) rather than owed to it (credit notes).
func (k Kind) Receivable() bool { return k == KindInvoice || k == KindDebitNote }

// ValidKind reports whether k is a known kind.
func ValidKind(k Kind) bool { return k == KindInvoice || k == KindCreditNote || k == KindDebitNote }

// Source tells where a record came from.
type Source string

// Record sources.
const (
	SourceManual Source = "manual"
	SourceImport Source = "import"
	SourceBank   Source = "bank"
	SourceDemo   Source = "demo"
)

// Document is an invoice, credit note or debit note issued to a client.
// Amount never changes after issue; Open and Credited are kept by the store
// from the allocations so that balances are cheap to read.
type Document struct {
	ID          int64      `json:"id"`
	ClientID    int64      `json:"clientId"`
	Kind        Kind       `json:"kind"`
	Number      string     `json:"number"`
	IssueDate   date.Date  `json:"issueDate" ts_type:"string"`
	DueDate     date.Date  `json:"dueDate" ts_type:"string"`
	Currency    string     `json:"currency"`
	Amount      int64      `json:"amount"`
	Open        int64      `json:"open"`     // receivables: still owed; credit notes: not yet applied
	Credited    int64      `json:"credited"` // receivables: covered by credit notes
	AppliesToID int64      `json:"appliesToId"`
	Description string     `json:"description"`
	Source      Source     `json:"source"`
	VoidedAt    *time.Time `json:"voidedAt" ts_type:"string"`
	VoidReason  string     `json:"voidReason"`
	CreatedAt   time.Time  `json:"createdAt" ts_type:"string"`
}

// Payment is money received from a client. It is never edited: a mistake is
// undone by reversing it.
type Payment struct {
	ID             int64      `json:"id"`
	ClientID       int64      `json:"clientId"`
	Date           date.Date  `json:"date" ts_type:"string"`
	Currency       string     `json:"currency"`
	Amount         int64      `json:"amount"`
	Unallocated    int64      `json:"unallocated"`
	Method         string     `json:"method"`
	Reference      string     `json:"reference"`
	Notes          string     `json:"notes"`
	Source         Source     `json:"source"`
	ReversedAt     *time.Time `json:"reversedAt" ts_type:"string"`
	ReversalReason string     `json:"reversalReason"`
	CreatedAt      time.Time  `json:"createdAt" ts_type:"string"`
}

// Payment methods offered by forms; imports may record others.
var PaymentMethods = []string{"transfer", "deposit", "cash", "check", "card", "other"}

// Allocation applies part of a payment or of a credit note to an invoice or
// debit note. Undoing it marks it reversed; it is never deleted.
type Allocation struct {
	ID           int64      `json:"id"`
	DocumentID   int64      `json:"documentId"`
	PaymentID    int64      `json:"paymentId"`    // 0 when the source is a credit note
	CreditNoteID int64      `json:"creditNoteId"` // 0 when the source is a payment
	Amount       int64      `json:"amount"`
	CreatedAt    time.Time  `json:"createdAt" ts_type:"string"`
	ReversedAt   *time.Time `json:"reversedAt" ts_type:"string"`
}

// AuditEntry is one change to one record: when (UTC), by which OS user, what
// was done, and the record before and after as JSON.
type AuditEntry struct {
	ID       int64     `json:"id"`
	At       time.Time `json:"at" ts_type:"string"`
	User     string    `json:"user"`
	Action   string    `json:"action"`
	Entity   string    `json:"entity"`
	EntityID int64     `json:"entityId"`
	Before   string    `json:"before"`
	After    string    `json:"after"`
}
