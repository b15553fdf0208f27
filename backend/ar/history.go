package ar

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// FieldType tells how a value in the history is written for a user; the
// frontend writes it in the user's language and the portfolio's format.
type FieldType string

// Field types.
const (
	FieldText  FieldType = "text"
	FieldMoney FieldType = "money" // minor units; the change's Unit is the currency
	FieldDate  FieldType = "date"  // a calendar date, YYYY-MM-DD
	FieldTime  FieldType = "time"  // a UTC timestamp, RFC 3339
	FieldDays  FieldType = "days"  // a whole number of days
	FieldMonth FieldType = "month" // 1 to 12
	FieldBool  FieldType = "bool"  // "true" or "false"
	FieldTaxID FieldType = "taxId" // a normalized tax ID; the change's Unit is the country
	FieldList  FieldType = "list"  // items joined by ", "
	FieldCount FieldType = "count" // a number of rows or records
	FieldEnum  FieldType = "enum"  // a code the frontend names; the change's Unit is its vocabulary (kind, method, country)
)

// Change is one field of a record that an audit entry changed.
type Change struct {
	Field  string    `json:"field"` // the record's JSON name: paymentTermsDays
	Type   FieldType `json:"type"`
	Unit   string    `json:"unit"`             // currency, country or vocabulary, by Type
	Before *string   `json:"before,omitempty"` // absent when the entry does not hold an earlier value
	After  string    `json:"after"`
}

// RecordRef names the record an audit entry is about the way a user knows it:
// a document by its type and number, a payment by its date, amount and
// reference, an import by its number and file. The store adds what the
// entry's own snapshot lacks (client names, an allocation's document, an
// import's file name).
type RecordRef struct {
	Kind      string `json:"kind"`      // client, invoice, credit_note, debit_note, payment, allocation, import, portfolio
	Number    string `json:"number"`    // a document's number; for an allocation the document paid; an import's number
	DocKind   string `json:"docKind"`   // for an allocation, the kind of the document paid
	Name      string `json:"name"`      // the client's legal name; the portfolio's name; an import's file name
	Date      string `json:"date"`      // a payment's date
	Amount    int64  `json:"amount"`    // a document's, payment's or allocation's amount
	Currency  string `json:"currency"`  // of Amount
	Reference string `json:"reference"` // a payment's reference; for an allocation the payment's or credit note's
	ClientID  int64  `json:"clientId"`
	// For an allocation: what paid which document.
	DocumentID   int64 `json:"documentId"`
	PaymentID    int64 `json:"paymentId"`
	CreditNoteID int64 `json:"creditNoteId"`
}

// HistoryEntry is an audit entry as a user reads it: the record named, and
// the fields that changed with their types.
type HistoryEntry struct {
	ID       int64     `json:"id"`
	At       time.Time `json:"at" ts_type:"string"`
	User     string    `json:"user"`
	Action   string    `json:"action"`
	Entity   string    `json:"entity"`
	EntityID int64     `json:"entityId"`
	ImportID int64     `json:"importId"`
	Record   RecordRef `json:"record"`
	Changes  []Change  `json:"changes"`
}

type fieldSpec struct {
	name string
	typ  FieldType
	unit string // for enums, the vocabulary
}

// historyFields lists, per entity, the fields a user reads in the history,
// in the order of the record's form. Ids, timestamps of the row itself and
// cached amounts a user does not set are left out.
var historyFields = map[string][]fieldSpec{
	"client": {{"legalName", FieldText, ""}, {"tradeName", FieldText, ""}, {"taxId", FieldTaxID, ""}, {"country", FieldEnum, "country"},
		{"paymentTermsDays", FieldDays, ""}, {"creditLimit", FieldMoney, ""}, {"segment", FieldText, ""}, {"tags", FieldList, ""},
		{"notes", FieldText, ""}, {"contacts", FieldList, ""}, {"archivedAt", FieldTime, ""}},
	"document": {{"kind", FieldEnum, "kind"}, {"number", FieldText, ""}, {"issueDate", FieldDate, ""}, {"dueDate", FieldDate, ""},
		{"amount", FieldMoney, ""}, {"open", FieldMoney, ""}, {"description", FieldText, ""}, {"voidedAt", FieldTime, ""}, {"voidReason", FieldText, ""}},
	"payment": {{"date", FieldDate, ""}, {"amount", FieldMoney, ""}, {"method", FieldEnum, "method"}, {"reference", FieldText, ""},
		{"notes", FieldText, ""}, {"reversedAt", FieldTime, ""}, {"reversalReason", FieldText, ""}},
	"allocation": {{"amount", FieldMoney, ""}, {"reversedAt", FieldTime, ""}},
	"portfolio": {{"name", FieldText, ""}, {"legalName", FieldText, ""}, {"taxId", FieldTaxID, ""}, {"country", FieldEnum, "country"},
		{"currency", FieldText, ""}, {"fiscalYearStartMonth", FieldMonth, ""}, {"defaultTermsDays", FieldDays, ""},
		// What a generated demo holds (the detail of its one entry).
		{"clients", FieldCount, ""}, {"invoices", FieldCount, ""}},
	"import": {{"rows", FieldCount, ""}, {"created", FieldCount, ""}, {"updated", FieldCount, ""}, {"unchanged", FieldCount, ""},
		{"skipped", FieldCount, ""}, {"clientsCreated", FieldCount, ""}, {"payments", FieldCount, ""}},
}

// creations are the actions whose entry records a new record: the record's
// name says what was created, so no field is listed as changed.
var creations = map[string]bool{"create": true, "allocate": true}

// Describe turns an audit entry into what the history shows: the record as a
// user knows it and the fields that changed, before → after. currency and
// country are the portfolio's, for records that do not carry their own.
// Entries without a before (written by older versions, or for a whole
// import) list the values they hold; entries that hold neither list nothing.
func Describe(e AuditEntry, currency, country string) HistoryEntry {
	h := HistoryEntry{ID: e.ID, At: e.At, User: e.User, Action: e.Action, Entity: e.Entity, EntityID: e.EntityID, Changes: []Change{}}
	before, after := snapshot(e.Before), snapshot(e.After)
	rec := after
	if rec == nil {
		rec = before
	}
	h.Record = recordOf(e, rec)
	if creations[e.Action] || after == nil {
		return h
	}
	if c := text(rec["currency"]); c != "" {
		currency = c
	}
	if c := text(rec["country"]); c != "" {
		country = c
	}
	for _, f := range historyFields[e.Entity] {
		ch := Change{Field: f.name, Type: f.typ, Unit: f.unit, After: text(after[f.name])}
		switch f.typ {
		case FieldMoney:
			ch.Unit = currency
		case FieldTaxID:
			ch.Unit = country
		}
		if before != nil {
			b := text(before[f.name])
			if b == ch.After {
				continue
			}
			ch.Before = &b
		} else if ch.After == "" || (f.typ == FieldCount && ch.After == "0") {
			continue
		}
		h.Changes = append(h.Changes, ch)
	}
	return h
}

// snapshot reads a record stored as JSON; nil when there is none (or it is
// not an object).
func snapshot(s string) map[string]json.RawMessage {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var m map[string]json.RawMessage
	if json.Unmarshal([]byte(s), &m) != nil {
		return nil
	}
	return m
}

// text writes a JSON value as the plain text the frontend formats: strings
// as they are, numbers in digits, null as "", lists joined by ", ", and a
// contact as its name with its e-mail and phone.
func text(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	switch raw[0] {
	case '"':
		var s string
		json.Unmarshal(raw, &s)
		return s
	case '[':
		var items []json.RawMessage
		json.Unmarshal(raw, &items)
		parts := make([]string, 0, len(items))
		for _, it := range items {
			if t := text(it); t != "" {
				parts = append(parts, t)
			}
		}
		return strings.Join(parts, ", ")
	case '{':
		var c struct{ Name, Email, Phone string }
		json.Unmarshal(raw, &c)
		var extra []string
		for _, s := range []string{c.Email, c.Phone} {
			if s != "" {
				extra = append(extra, s)
			}
		}
		if len(extra) == 0 {
			return c.Name
		}
		return strings.TrimSpace(c.Name + " (" + strings.Join(extra, ", ") + ")")
	}
	return string(raw)
}

func number(raw json.RawMessage) int64 {
	var n int64
	json.Unmarshal(raw, &n)
	return n
}

// recordOf names the record from its own snapshot.
func recordOf(e AuditEntry, rec map[string]json.RawMessage) RecordRef {
	r := RecordRef{Kind: e.Entity}
	switch e.Entity {
	case "client":
		r.Name, r.ClientID = text(rec["legalName"]), e.EntityID
	case "document":
		r.Kind, r.Number = text(rec["kind"]), text(rec["number"])
		if r.Kind == "" {
			r.Kind = string(KindInvoice)
		}
		r.Amount, r.Currency, r.ClientID = number(rec["amount"]), text(rec["currency"]), number(rec["clientId"])
	case "payment":
		r.Date, r.Reference = text(rec["date"]), text(rec["reference"])
		r.Amount, r.Currency, r.ClientID = number(rec["amount"]), text(rec["currency"]), number(rec["clientId"])
	case "allocation":
		r.Amount, r.DocumentID = number(rec["amount"]), number(rec["documentId"])
		r.PaymentID, r.CreditNoteID = number(rec["paymentId"]), number(rec["creditNoteId"])
	case "import":
		r.Number = strconv.FormatInt(e.EntityID, 10)
	case "portfolio":
		r.Name = text(rec["name"])
	}
	return r
}
