package ar

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"cartera/backend/date"
)

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func ptr(s string) *string { return &s }

func TestDescribe_TurnsAnEntryIntoLabelledChanges(t *testing.T) {
	at := time.Date(2026, 12, 3, 15, 4, 0, 0, time.UTC)
	acme := Client{ID: 7, LegalName: "Acme SpA", TaxID: "761234560", Country: "CL", PaymentTermsDays: 30, Tags: []string{"retail"},
		Contacts: []Contact{{Name: "Ana", Email: "ana@acme.cl"}}, CreatedAt: at, UpdatedAt: at}
	longer := acme
	longer.PaymentTermsDays, longer.CreditLimit, longer.TradeName, longer.UpdatedAt = 45, 5_000_000, "Acme", at.Add(time.Hour)
	renamed := acme
	renamed.Contacts = []Contact{{Name: "Ana", Email: "ana@acme.com"}}
	inv := Document{ID: 5, ClientID: 7, Kind: KindInvoice, Number: "F-1001", Currency: "USD", Amount: 150_000, Open: 150_000,
		IssueDate: date.MustParse("2026-10-01"), DueDate: date.MustParse("2026-10-31")}
	moved := inv
	moved.DueDate, moved.Amount, moved.Open = date.MustParse("2026-11-30"), 160_000, 160_000
	pay := Payment{ID: 9, ClientID: 7, Date: date.MustParse("2026-11-20"), Currency: "CLP", Amount: 300_000, Unallocated: 0, Method: "check", Reference: "CHQ 7"}
	reversed := pay
	reversed.Unallocated, reversed.ReversedAt, reversed.ReversalReason = 300_000, &at, "cheque protestado"

	tests := []struct {
		name        string
		e           AuditEntry
		wantRecord  RecordRef
		wantChanges []Change
	}{
		{
			name:        "a client's terms and limit: before and after, money in the portfolio's currency, the row's own timestamps left out",
			e:           AuditEntry{Action: "update", Entity: "client", EntityID: 7, Before: mustJSON(acme), After: mustJSON(longer)},
			wantRecord:  RecordRef{Kind: "client", Name: "Acme SpA", ClientID: 7},
			wantChanges: []Change{{Field: "tradeName", Type: FieldText, Before: ptr(""), After: "Acme"}, {Field: "paymentTermsDays", Type: FieldDays, Before: ptr("30"), After: "45"}, {Field: "creditLimit", Type: FieldMoney, Unit: "CLP", Before: ptr("0"), After: "5000000"}},
		},
		{
			name:        "a contact's e-mail shows in the contact list",
			e:           AuditEntry{Action: "update", Entity: "client", EntityID: 7, Before: mustJSON(acme), After: mustJSON(renamed)},
			wantRecord:  RecordRef{Kind: "client", Name: "Acme SpA", ClientID: 7},
			wantChanges: []Change{{Field: "contacts", Type: FieldList, Before: ptr("Ana (ana@acme.cl)"), After: "Ana (ana@acme.com)"}},
		},
		{
			name:        "an import changes a document: named by type and number, money in the document's currency",
			e:           AuditEntry{Action: "import.update", Entity: "document", EntityID: 5, Before: mustJSON(inv), After: mustJSON(moved)},
			wantRecord:  RecordRef{Kind: "invoice", Number: "F-1001", Amount: 160_000, Currency: "USD", ClientID: 7},
			wantChanges: []Change{{Field: "dueDate", Type: FieldDate, Before: ptr("2026-10-31"), After: "2026-11-30"}, {Field: "amount", Type: FieldMoney, Unit: "USD", Before: ptr("150000"), After: "160000"}, {Field: "open", Type: FieldMoney, Unit: "USD", Before: ptr("150000"), After: "160000"}},
		},
		{
			name:       "a reversal shows when and why, and not the unallocated amount that would read as credit",
			e:          AuditEntry{Action: "reverse", Entity: "payment", EntityID: 9, Before: mustJSON(pay), After: mustJSON(reversed)},
			wantRecord: RecordRef{Kind: "payment", Date: "2026-11-20", Amount: 300_000, Currency: "CLP", Reference: "CHQ 7", ClientID: 7},
			wantChanges: []Change{{Field: "reversedAt", Type: FieldTime, Before: ptr(""), After: "2026-12-03T15:04:00Z"},
				{Field: "reversalReason", Type: FieldText, Before: ptr(""), After: "cheque protestado"}},
		},
		{
			name:        "a creation names the record and lists no change",
			e:           AuditEntry{Action: "create", Entity: "document", EntityID: 5, After: mustJSON(inv)},
			wantRecord:  RecordRef{Kind: "invoice", Number: "F-1001", Amount: 150_000, Currency: "USD", ClientID: 7},
			wantChanges: []Change{},
		},
		{
			name:        "an update written without its before (older versions) lists the values it holds",
			e:           AuditEntry{Action: "update", Entity: "portfolio", EntityID: 1, After: `{"name":"Prueba","country":"CL","currency":"CLP","defaultTermsDays":45,"fiscalYearStartMonth":1}`},
			wantRecord:  RecordRef{Kind: "portfolio", Name: "Prueba"},
			wantChanges: []Change{{Field: "name", Type: FieldText, After: "Prueba"}, {Field: "country", Type: FieldEnum, Unit: "country", After: "CL"}, {Field: "currency", Type: FieldText, After: "CLP"}, {Field: "fiscalYearStartMonth", Type: FieldMonth, After: "1"}, {Field: "defaultTermsDays", Type: FieldDays, After: "45"}},
		},
		{
			name:        "an import is named by its number and lists its counts that are not zero",
			e:           AuditEntry{Action: "import", Entity: "import", EntityID: 1, After: `{"rows":3,"created":2,"unchanged":1,"updated":0,"skipped":0}`},
			wantRecord:  RecordRef{Kind: "import", Number: "1"},
			wantChanges: []Change{{Field: "rows", Type: FieldCount, After: "3"}, {Field: "created", Type: FieldCount, After: "2"}, {Field: "unchanged", Type: FieldCount, After: "1"}},
		},
		{
			name:        "a generated demo says how many clients and invoices it holds",
			e:           AuditEntry{Action: "demo", Entity: "portfolio", EntityID: 1, After: `{"country":"CL","clients":200,"invoices":5000,"seed":1,"today":"2026-11-24"}`},
			wantRecord:  RecordRef{Kind: "portfolio"},
			wantChanges: []Change{{Field: "country", Type: FieldEnum, Unit: "country", After: "CL"}, {Field: "clients", Type: FieldCount, After: "200"}, {Field: "invoices", Type: FieldCount, After: "5000"}},
		},
		{
			name:        "an entry with nothing stored, or with text that is not a record, still reads",
			e:           AuditEntry{Action: "import.undo", Entity: "import", EntityID: 2, After: "not json"},
			wantRecord:  RecordRef{Kind: "import", Number: "2"},
			wantChanges: []Change{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.e.At, tt.e.User = at, "ana"
			got := Describe(tt.e, "CLP", "CL")
			if got.Record != tt.wantRecord {
				t.Errorf("record = %+v\nwant     %+v", got.Record, tt.wantRecord)
			}
			if !reflect.DeepEqual(got.Changes, tt.wantChanges) {
				t.Errorf("changes = %s\nwant      %s", mustJSON(got.Changes), mustJSON(tt.wantChanges))
			}
			if got.At != at || got.User != "ana" || got.Action != tt.e.Action {
				t.Errorf("entry %+v lost when, who or what", got)
			}
		})
	}
}
