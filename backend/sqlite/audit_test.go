package sqlite_test

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/sqlite"
)

// clockPortfolio opens a portfolio whose clock the test moves.
func clockPortfolio(t *testing.T, now *time.Time) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Create(ctx, filepath.Join(t.TempDir(), "reloj.cartera"), ar.Portfolio{Name: "Reloj", Country: "CL"},
		sqlite.Options{User: "tester", Now: func() time.Time { return *now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestAudit_UpdatesCarryBeforeAndAfter(t *testing.T) {
	db := newPortfolio(t)
	c := client(t, db, "Acme SpA", "76.123.456-0")
	if _, err := db.UpdateClient(ctx, c.ID, ar.ClientInput{LegalName: "Acme SpA", TaxID: "76.123.456-0", Country: "CL", PaymentTermsDays: 45}); err != nil {
		t.Fatal(err)
	}
	p, _ := db.Portfolio(ctx)
	p.DefaultTermsDays = 60
	if _, err := db.UpdatePortfolio(ctx, p); err != nil {
		t.Fatal(err)
	}
	for _, rec := range []struct {
		entity string
		id     int64
		field  string
		before float64
		after  float64
	}{{"client", c.ID, "paymentTermsDays", 30, 45}, {"portfolio", 1, "defaultTermsDays", 30, 60}} {
		es, err := db.FindAudit(ctx, rec.entity, rec.id, 1)
		if err != nil || len(es) != 1 || es[0].Action != "update" {
			t.Fatalf("%s audit %+v %v; want its update", rec.entity, es, err)
		}
		var b, a map[string]any
		if json.Unmarshal([]byte(es[0].Before), &b) != nil || json.Unmarshal([]byte(es[0].After), &a) != nil {
			t.Fatalf("%s update stored before %q after %q; want both records", rec.entity, es[0].Before, es[0].After)
		}
		if b[rec.field] != rec.before || a[rec.field] != rec.after {
			t.Errorf("%s %s stored %v → %v; want %v → %v", rec.entity, rec.field, b[rec.field], a[rec.field], rec.before, rec.after)
		}
	}
	// The history reads it as a labelled change.
	page, err := db.FindHistory(ctx, sqlite.AuditFilter{Entity: "client", EntityID: c.ID})
	if err != nil || len(page.Rows) != 2 {
		t.Fatalf("client history %+v %v; want its creation and update", page, err)
	}
	upd := page.Rows[0]
	if len(upd.Changes) != 1 || upd.Changes[0].Field != "paymentTermsDays" || upd.Changes[0].Before == nil || *upd.Changes[0].Before != "30" || upd.Changes[0].After != "45" {
		t.Errorf("update changes %+v; want paymentTermsDays 30 → 45 alone", upd.Changes)
	}
	if upd.Record.Name != "Acme SpA" {
		t.Errorf("record %+v; want the client's name", upd.Record)
	}
}

func TestHistory_FiltersByKindAndLocalDate_NamesRecords_AndPages(t *testing.T) {
	day1 := date.MustParse("2026-11-02").In(time.Local).Add(10 * time.Hour)
	now := day1
	db := clockPortfolio(t, &now)
	c, err := db.CreateClient(ctx, ar.ClientInput{LegalName: "Comercial Peña", TaxID: "76.123.456-0", Country: "CL", PaymentTermsDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	// 3 November at 23:00 local time: 4 November in UTC west of Greenwich
	// (run with TZ=America/Santiago), and still the 3rd for the filter.
	now = day1.AddDate(0, 0, 1).Add(13 * time.Hour)
	inv, err := db.CreateDocument(ctx, ar.DocumentInput{ClientID: c.ID, Kind: ar.KindInvoice, Number: "F-77", IssueDate: date.MustParse("2026-11-03"), Currency: "CLP", Amount: 500_000})
	if err != nil {
		t.Fatal(err)
	}
	now = day1.AddDate(0, 0, 2)
	p, err := db.CreatePayment(ctx, ar.PaymentInput{ClientID: c.ID, Date: date.MustParse("2026-11-04"), Currency: "CLP", Amount: 200_000, Method: "transfer", Reference: "TEF 9",
		Allocations: []ar.Line{{DocumentID: inv.ID, Amount: 200_000}}})
	if err != nil {
		t.Fatal(err)
	}

	kinds := func(f sqlite.AuditFilter) []string {
		t.Helper()
		page, err := db.FindHistory(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range page.Rows {
			out = append(out, h.Entity)
		}
		return out
	}
	if got := kinds(sqlite.AuditFilter{Kinds: []string{"documents"}}); len(got) != 1 || got[0] != "document" {
		t.Errorf("documents: %v", got)
	}
	if got := kinds(sqlite.AuditFilter{Kinds: []string{"payments"}}); len(got) != 2 {
		t.Errorf("payments: %v; want the payment and its allocation", got)
	}
	if got := kinds(sqlite.AuditFilter{Kinds: []string{"clients", "documents"}}); len(got) != 2 {
		t.Errorf("clients and documents: %v", got)
	}
	if got := kinds(sqlite.AuditFilter{From: date.MustParse("2026-11-03"), To: date.MustParse("2026-11-03")}); len(got) != 1 || got[0] != "document" {
		t.Errorf("3 November (local): %v; want the invoice only", got)
	}
	if got := kinds(sqlite.AuditFilter{From: date.MustParse("2026-11-03")}); len(got) != 3 {
		t.Errorf("from 3 November: %v; want the invoice, the payment and its allocation", got)
	}
	if got := kinds(sqlite.AuditFilter{To: date.MustParse("2026-11-02"), Kinds: []string{"clients"}}); len(got) != 1 || got[0] != "client" {
		t.Errorf("clients until 2 November: %v", got)
	}
	if _, err := db.FindHistory(ctx, sqlite.AuditFilter{Kinds: []string{"bogus"}}); code(err) != ar.EInvalid {
		t.Errorf("unknown kind: %v; want invalid", err)
	}

	// Records are named as a user knows them.
	page, err := db.FindHistory(ctx, sqlite.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byEntity := map[string]ar.RecordRef{}
	for _, h := range page.Rows {
		byEntity[h.Entity] = h.Record
	}
	if r := byEntity["document"]; r.Kind != "invoice" || r.Number != "F-77" || r.Name != "Comercial Peña" {
		t.Errorf("document named %+v; want invoice F-77 of Comercial Peña", r)
	}
	if r := byEntity["payment"]; r.Reference != "TEF 9" || r.Amount != 200_000 || r.Date != "2026-11-04" || r.Name != "Comercial Peña" {
		t.Errorf("payment named %+v", r)
	}
	if r := byEntity["allocation"]; r.Number != "F-77" || r.DocKind != "invoice" || r.Reference != "TEF 9" || r.PaymentID != p.ID {
		t.Errorf("allocation named %+v; want invoice F-77 paid by TEF 9", r)
	}

	// A client's history holds its own changes and those of its documents, payments and allocations, not another client's.
	other, err := db.CreateClient(ctx, ar.ClientInput{LegalName: "Otro Cliente", Country: "CL", PaymentTermsDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateDocument(ctx, ar.DocumentInput{ClientID: other.ID, Kind: ar.KindInvoice, Number: "F-78", IssueDate: date.MustParse("2026-11-04"), Currency: "CLP", Amount: 100_000}); err != nil {
		t.Fatal(err)
	}
	if got := kinds(sqlite.AuditFilter{ClientID: c.ID}); len(got) != 4 || got[0] != "allocation" || got[3] != "client" {
		t.Errorf("client history: %v; want its allocation, payment, invoice and itself", got)
	}
	if got := kinds(sqlite.AuditFilter{ClientID: other.ID}); len(got) != 2 {
		t.Errorf("other client's history: %v; want its creation and its invoice", got)
	}

	// Pages: newest first, and whether more follow (seven entries: the portfolio's creation too).
	first, _ := db.FindHistory(ctx, sqlite.AuditFilter{Limit: 4})
	rest, _ := db.FindHistory(ctx, sqlite.AuditFilter{Limit: 4, Offset: 4})
	if len(first.Rows) != 4 || !first.More || len(rest.Rows) != 3 || rest.More || first.Rows[0].ID <= first.Rows[3].ID || first.Rows[3].ID <= rest.Rows[0].ID {
		t.Errorf("pages %+v / %+v; want the 4 newest with more, then the 3 oldest", first, rest)
	}
}
