// Package bankfile reads the statement exports of banks and wallets: OFX/QFX,
// ISO 20022 CAMT.052/053/054, SWIFT MT940/MT942, QIF, and the spreadsheet and
// text exports (CSV/TXT/XLSX/XLS) of Latin American banks through bank
// profiles. One file per format; each returns the statement lines with their
// position in the file. It does no matching and no storing: the lines go to
// backend/reconcile and backend/sqlite.
package bankfile

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"cartera/backend/ar"
	"cartera/backend/date"
)

// Format is the kind of a statement file, told from its content (never its name).
type Format string

// Formats Read knows.
const (
	FormatOFX   Format = "ofx"   // OFX 1.x SGML and 2.x XML, also QFX
	FormatCAMT  Format = "camt"  // ISO 20022 camt.052 / camt.053 / camt.054, any version
	FormatMT940 Format = "mt940" // SWIFT MT940 and MT942
	FormatQIF   Format = "qif"   // Quicken Interchange Format
	FormatTable Format = "table" // CSV/TXT/XLSX/XLS read through a bank profile
)

// File is what a statement file holds: one or more statements (OFX and CAMT
// files may carry several accounts, MT940 several days).
type File struct {
	Format     Format      `json:"format"`
	Profile    string      `json:"profile"` // FormatTable: the bank profile used, e.g. "cl-bci"
	Statements []Statement `json:"statements"`
}

// Lines is the number of lines over all statements.
func (f File) Lines() int {
	n := 0
	for _, s := range f.Statements {
		n += len(s.Lines)
	}
	return n
}

// Statement is one account's movements over a period.
type Statement struct {
	ID       string    `json:"id"`       // the file's own id (CAMT Stmt/Id, MT940 :20:+:28C:), "" if none
	Account  string    `json:"account"`  // account number or IBAN as the file writes it, "" if it does not say
	Bank     string    `json:"bank"`     // BIC, bank id or the profile's bank name, "" if unknown
	Currency string    `json:"currency"` // ISO 4217; Options.Currency when the file does not say
	From     date.Date `json:"from" ts_type:"string"`
	To       date.Date `json:"to" ts_type:"string"`
	Opening  *Balance  `json:"opening"` // nil when the file carries no opening balance
	Closing  *Balance  `json:"closing"` // nil when the file carries no closing balance
	Lines    []Line    `json:"lines"`
}

// Balance is an account balance on a day, in minor units of the statement's currency.
type Balance struct {
	Date   date.Date `json:"date" ts_type:"string"`
	Amount int64     `json:"amount"`
}

// Line is one movement of a statement.
type Line struct {
	// Row is the 1-based position of the line in its file: the row number
	// Excel shows for XLSX/XLS, the physical line number for CSV/TXT/MT940/QIF
	// (of the line where the entry starts), the 1-based entry index over the
	// whole file for CAMT (Ntry) and OFX (STMTTRN).
	Row       int       `json:"row"`
	Date      date.Date `json:"date" ts_type:"string"`      // booking date
	ValueDate date.Date `json:"valueDate" ts_type:"string"` // zero when the file gives none
	// Amount in minor units of the statement's currency: positive is money
	// in (a deposit, a credit), negative money out (a charge, a debit).
	Amount      int64  `json:"amount"`
	Description string `json:"description"` // all free text of the line, joined with " " (never empty when the file has text)
	Reference   string `json:"reference"`   // the bank's document/check/operation number or a structured payment reference
	BankTxnID   string `json:"bankTxnId"`   // the bank's unique id of the transaction (OFX FITID, CAMT AcctSvcrRef/TxId), "" if none
	Payer       string `json:"payer"`       // the counterparty's name when the file gives it apart from the description
	PayerID     string `json:"payerId"`     // the counterparty's tax ID or account when the file gives it apart
	// Balance is the running balance after the line when the file gives one.
	Balance  *int64 `json:"balance"`
	Reversal bool   `json:"reversal"` // a reversal / charge-back of an earlier booking
	Code     string `json:"code"`     // the bank's own type code (OFX TRNTYPE, CAMT BkTxCd, MT940 type, ND/NC…)
}

// Options say what the file cannot: the currency and country to assume.
type Options struct {
	// Currency is the ISO 4217 code to use when the file does not name one
	// (most spreadsheet exports); it fixes the number of decimals.
	Currency string
	// Country ("CL", "CO", "MX", "PE", "AR") breaks ties in number and date
	// styles of spreadsheet exports; "" means guess from the file alone.
	Country string
	// Profile forces a bank profile by name for CSV/TXT/XLSX/XLS; "" detects it.
	Profile string
	// Profiles are the bank profiles the user saved (from the mapping
	// wizard), tried before the built-in ones when detecting the layout and
	// found by name for Profile.
	Profiles []Profile
	// Today is the date a statement's dates without a year ("dd/mm") are
	// placed against, never after it; zero means the computer's today.
	Today date.Date
}

// Error is a file that cannot be read, with the line (or row, or entry) where
// it broke and a message key with parameters that backend/i18n renders in
// the user's language. Nothing of a file with an Error is imported.
type Error struct {
	Format Format            // the format the file was read as ("" if not even that)
	Line   int               // 1-based line/row/entry where it broke; 0 = the file as a whole
	Key    string            // message key, "bank.<what>" (see backend/i18n/bank*.go)
	Params map[string]string // values for the message
	Err    error             // the underlying cause, for logs
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("bankfile")
	if e.Format != "" {
		b.WriteString(" " + string(e.Format))
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, ": line %d", e.Line)
	}
	b.WriteString(": " + e.Key)
	keys := make([]string, 0, len(e.Params))
	for k := range e.Params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, " %s=%q", k, e.Params[k])
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Domain turns an *Error (anywhere in err's chain) into the domain's error,
// so the window and the command line say it like any other: one issue on the
// field "file" with the message key, its parameters and the line. Other
// errors are returned as they are.
func Domain(err error) error {
	var e *Error
	if !errors.As(err, &e) {
		return err
	}
	kv := make([]string, 0, 2*len(e.Params)+2)
	for k, v := range e.Params {
		kv = append(kv, k, v)
	}
	if e.Line > 0 {
		kv = append(kv, "line", strconv.Itoa(e.Line))
	}
	de := ar.Errorf(ar.EInvalid, "file", e.Key, kv...)
	de.Err = e
	return de
}
