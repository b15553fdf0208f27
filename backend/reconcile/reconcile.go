// Package reconcile matches bank statement lines to a portfolio's open
// documents: for each deposit it proposes which client paid which invoices,
// with the reasons in words, and says which proposals are sure enough to be
// accepted without asking. Fees, taxes, transfers between the business's own
// accounts and outgoing payments are recognised by rules and kept apart.
//
// Everything here is a pure function of its inputs (clients, open documents,
// rules, lines and the options): no I/O, no database, no clock. The store
// persists what the user accepts; backend/reconcile/synth generates labelled
// portfolios to measure the matcher on.
package reconcile

import (
	"strings"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/i18n"
)

// Client is what the matcher knows of a client: who it is and how its name
// and tax ID may appear in a bank line.
type Client struct {
	ID int64 `json:"id"`
	// TaxID is normalized as backend/ar stores it (taxid.Normalize: no dots
	// or dashes, upper case, RUT/NIT without leading zeros), e.g. "761234567"
	// for RUT 76.123.456-7.
	TaxID     string `json:"taxId"`
	LegalName string `json:"legalName"`
	TradeName string `json:"tradeName"`
	Country   string `json:"country"`
}

// Document is an open receivable (an invoice or debit note with Open > 0) or
// a credit note not yet fully applied (Open > 0), as the matcher sees it.
type Document struct {
	ID        int64     `json:"id"`
	ClientID  int64     `json:"clientId"`
	Kind      ar.Kind   `json:"kind"`
	Number    string    `json:"number"`
	IssueDate date.Date `json:"issueDate" ts_type:"string"`
	DueDate   date.Date `json:"dueDate" ts_type:"string"`
	Currency  string    `json:"currency"`
	Open      int64     `json:"open"`
	// AppliesToID is, for a credit note, the invoice it corrects (0 when
	// unknown); a deposit that pays that invoice less the note is the usual
	// way such a note is used.
	AppliesToID int64 `json:"appliesToId"`
}

// Line is a bank statement line to classify and, when it is a deposit, match.
type Line struct {
	ID          int64     `json:"id"`
	Date        date.Date `json:"date" ts_type:"string"`
	Amount      int64     `json:"amount"` // minor units; > 0 is money in
	Currency    string    `json:"currency"`
	Description string    `json:"description"`
	Reference   string    `json:"reference"`
	Payer       string    `json:"payer"`   // the counterparty's name when the file gives it apart
	PayerID     string    `json:"payerId"` // the counterparty's tax ID or account when the file gives it apart
	Account     string    `json:"account"` // the portfolio's bank account the line is in
	// Reversal marks a reversal or charge-back of an earlier booking, as the
	// statement file flags it (bankfile.Line.Reversal).
	Reversal bool `json:"reversal"`
}

// RuleKind says what a rule does with the lines it matches.
type RuleKind string

// Rule kinds.
const (
	RuleClient   RuleKind = "client"   // the payer is this client (evidence for the matcher)
	RuleFee      RuleKind = "fee"      // a bank fee
	RuleTax      RuleKind = "tax"      // a tax on the account (GMF, ITF, IDB, IVA on fees, withholdings)
	RuleTransfer RuleKind = "transfer" // money moved between the business's own accounts
	RuleOutgoing RuleKind = "outgoing" // a payment the business made
	RuleIgnore   RuleKind = "ignore"   // nothing to reconcile (balance rows, notes)
)

// Rule classifies lines or names the client behind a payer. Rules are stored
// and editable: DefaultRules are the built-in ones, LearnRule makes one from
// a match the user confirmed.
type Rule struct {
	ID   int64    `json:"id"`
	Kind RuleKind `json:"kind"`
	// Pattern is either words that must all appear in the line (case,
	// accents and punctuation ignored; a word of five letters or more also
	// matches a longer word it begins, so "COMISION" matches "COMISIONES"),
	// or a payer's account or tax ID (one word of six or more digits, dots
	// and dashes ignored), which matches the line's PayerID or the same
	// number in its text.
	Pattern  string `json:"pattern"`
	ClientID int64  `json:"clientId"` // Kind client: the client the payer is
	Note     string `json:"note"`
	// Direction limits the rule to money in (1) or money out (-1); 0 means
	// either. Bank fee and tax rules are for money out, so a client whose
	// transfer says "PAGO COMISION" is not taken for a fee.
	Direction int `json:"direction"`
}

// Options tune a matching run.
type Options struct {
	// AutoThreshold is the confidence from which an unambiguous proposal is
	// accepted automatically; 0 means 0.95.
	AutoThreshold float64 `json:"autoThreshold"`
	// MaxProposals is how many proposals a line keeps, best first; 0 means 5.
	MaxProposals int `json:"maxProposals"`
	// Today is the day of the run; it is not used to score (a line is judged
	// by its own date) but kept for callers that log it.
	Today date.Date `json:"today" ts_type:"string"`
}

func (o Options) withDefaults() Options {
	if o.AutoThreshold <= 0 {
		o.AutoThreshold = 0.95
	}
	if o.MaxProposals <= 0 {
		o.MaxProposals = 5
	}
	return o
}

// Alloc is the part of a deposit applied to one invoice or debit note.
type Alloc struct {
	DocumentID int64 `json:"documentId"`
	Amount     int64 `json:"amount"`
}

// CreditUse applies part of a client's open credit note to an invoice,
// together with the deposit that pays the rest.
type CreditUse struct {
	CreditNoteID int64 `json:"creditNoteId"`
	DocumentID   int64 `json:"documentId"`
	Amount       int64 `json:"amount"`
}

// Reason is one piece of evidence behind a proposal, as a message key with
// parameters that backend/i18n renders: i18n.Message(lang, r.Key, r.Params).
// The proposals of one line share the Params of their common reasons: read
// them, do not modify them.
type Reason struct {
	Key    string            `json:"key"`
	Params map[string]string `json:"params"`
}

// Proposal is one way a deposit may be recorded: which client paid, what goes
// to which documents, and why.
type Proposal struct {
	ClientID   int64       `json:"clientId"`
	Allocs     []Alloc     `json:"allocs"`
	Credits    []CreditUse `json:"credits"`
	Remainder  int64       `json:"remainder"`  // what is left over as the client's credit (an overpayment)
	Confidence float64     `json:"confidence"` // in [0, 1]: how likely this proposal is the right one
	Reasons    []Reason    `json:"reasons"`
}

// Category is what a statement line is.
type Category string

// Categories.
const (
	CategoryDeposit  Category = "deposit"  // money in, to be matched to invoices
	CategoryFee      Category = "fee"      // a bank fee
	CategoryTax      Category = "tax"      // a tax charged on the account
	CategoryTransfer Category = "transfer" // between the business's own accounts
	CategoryOutgoing Category = "outgoing" // money out that is not a fee, tax or transfer
	CategoryIgnored  Category = "ignored"  // a rule says there is nothing to do
	CategoryReversal Category = "reversal" // a reversal or charge-back (a returned cheque)
)

// Result is what the matcher says of one line.
type Result struct {
	LineID    int64      `json:"lineId"`
	Category  Category   `json:"category"`
	RuleID    int64      `json:"ruleId"`    // the rule that classified the line, 0 if none
	Proposals []Proposal `json:"proposals"` // best first, at most Options.MaxProposals; deposits only
	Auto      bool       `json:"auto"`      // Proposals[0] is accepted automatically
}

// Describe renders reasons as one sentence in lang ("es" or "en"), the same
// words the window and the CSV export show.
func Describe(lang string, reasons []Reason) string {
	parts := make([]string, 0, len(reasons))
	for _, r := range reasons {
		parts = append(parts, i18n.Message(lang, r.Key, r.Params))
	}
	return strings.Join(parts, "; ")
}
