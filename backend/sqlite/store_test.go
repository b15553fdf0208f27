package sqlite_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/sqlite"
)

var (
	ctx   = context.Background()
	today = date.MustParse("2026-11-24")
)

func newPortfolio(t *testing.T) *sqlite.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "prueba.cartera")
	db, err := sqlite.Create(ctx, path, ar.Portfolio{Name: "Prueba", Country: "CL"}, sqlite.Options{User: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func code(err error) ar.Code { return ar.ErrorCode(err) }

func wantCode(t *testing.T, err error, c ar.Code, field string) {
	t.Helper()
	if code(err) != c {
		t.Fatalf("err = %v; want code %s", err, c)
	}
	if field == "" {
		return
	}
	var e *ar.Error
	errors.As(err, &e)
	for _, is := range e.Issues {
		if is.Field == field {
			return
		}
	}
	t.Fatalf("err = %v; want an issue on field %q", err, field)
}

// mustCheck runs the same invariants as `cartera check` after every change.
func mustCheck(t *testing.T, db *sqlite.DB) {
	t.Helper()
	vs, err := db.Check(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		t.Errorf("check: %s: %s", v.Rule, v.Detail)
	}
}

func client(t *testing.T, db *sqlite.DB, name, rut string) ar.Client {
	t.Helper()
	c, err := db.CreateClient(ctx, ar.ClientInput{LegalName: name, TaxID: rut, Country: "CL", PaymentTermsDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func invoice(t *testing.T, db *sqlite.DB, clientID int64, number string, issue string, amount int64) ar.Document {
	t.Helper()
	d, err := db.CreateDocument(ctx, ar.DocumentInput{ClientID: clientID, Kind: ar.KindInvoice, Number: number, IssueDate: date.MustParse(issue), Currency: "CLP", Amount: amount})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCreate_DefaultsCurrencyAndRefusesToOverwrite(t *testing.T) {
	db := newPortfolio(t)
	p, err := db.Portfolio(ctx)
	if err != nil || p.Currency != "CLP" || p.Name != "Prueba" {
		t.Fatalf("portfolio %+v %v", p, err)
	}
	_, err = sqlite.Create(ctx, db.Path(), ar.Portfolio{Name: "Otra", Country: "CL"}, sqlite.Options{})
	wantCode(t, err, ar.EConflict, "path")
}

func TestOpen_RefusesWhatIsNotAPortfolio(t *testing.T) {
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "clientes.cartera")
	os.WriteFile(xlsx, append([]byte("PK\x03\x04"), make([]byte, 2000)...), 0o644)
	_, err := sqlite.Open(ctx, xlsx, sqlite.Options{})
	wantCode(t, err, ar.ENotPortfolio, "")

	// A real SQLite database of another program.
	other := filepath.Join(dir, "otra.db")
	db := newPortfolio(t)
	db.Close()
	raw, _ := os.ReadFile(db.Path())
	os.WriteFile(other, raw, 0o644)
	conn, err := sqlite.Open(ctx, other, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	conn.SQL().Exec(`PRAGMA application_id = 12345`)
	conn.Close()
	_, err = sqlite.Open(ctx, other, sqlite.Options{})
	wantCode(t, err, ar.ENotPortfolio, "")

	_, err = sqlite.Open(ctx, filepath.Join(dir, "no-existe.cartera"), sqlite.Options{})
	wantCode(t, err, ar.ENotFound, "")
}

func TestOpen_RefusesAFileFromANewerCartera(t *testing.T) {
	db := newPortfolio(t)
	db.SQL().Exec(`PRAGMA user_version = 999`)
	path := db.Path()
	db.Close()
	_, err := sqlite.Open(ctx, path, sqlite.Options{})
	wantCode(t, err, ar.ENewerVersion, "")
}

func TestLock_SecondOpenIsRefusedNamingTheHolder_AndFreedOnClose(t *testing.T) {
	db := newPortfolio(t)
	path := db.Path()
	db.Close()
	first, err := sqlite.Open(ctx, path, sqlite.Options{Holder: "Cartera (ventana)"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = sqlite.Open(ctx, path, sqlite.Options{Holder: "cartera check"})
	wantCode(t, err, ar.ELocked, "")
	if !strings.Contains(err.Error(), "user=") || !strings.Contains(err.Error(), "host=") {
		t.Errorf("refusal %q does not say who holds the portfolio", err)
	}
	first.Close()
	again, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatalf("after the holder closed: %v", err)
	}
	again.Close()
}

func TestLock_StaleLockFileFromACrashIsRecovered(t *testing.T) {
	db := newPortfolio(t)
	path := db.Path()
	db.Close()
	// A crashed Cartera leaves its lock file behind, but no OS lock on it.
	os.WriteFile(path+"-lock", []byte(`{"user":"otro","host":"pc","pid":999999,"holder":"Cartera","since":"2026-01-01T00:00:00Z"}`), 0o644)
	db2, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatalf("stale lock not recovered: %v", err)
	}
	db2.Close()
}

func TestClient_WrongCheckDigitIsRefusedUnlessConfirmed(t *testing.T) {
	db := newPortfolio(t)
	_, err := db.CreateClient(ctx, ar.ClientInput{LegalName: "Ferretería", TaxID: "76.123.456-K", Country: "CL"})
	wantCode(t, err, ar.EInvalid, "taxId")
	c, err := db.CreateClient(ctx, ar.ClientInput{LegalName: "Ferretería", TaxID: "76.123.456-K", Country: "CL", ConfirmTaxID: true})
	if err != nil {
		t.Fatal(err)
	}
	if c.TaxIDStatus != ar.TaxIDInvalid || c.TaxID != "76123456K" {
		t.Errorf("confirmed client %+v; want the typed ID kept, marked invalid", c)
	}
	ok := client(t, db, "Ferretería Buena", "76.123.456-0")
	if ok.TaxIDStatus != ar.TaxIDOK {
		t.Errorf("status %s", ok.TaxIDStatus)
	}
	var n int
	db.SQL().QueryRow(`SELECT count(*) FROM clients`).Scan(&n)
	if n != 2 {
		t.Errorf("%d clients stored; the refused one must not be", n)
	}
}

func TestDocument_BadInputIsRefusedAndNothingIsSaved(t *testing.T) {
	db := newPortfolio(t)
	c := client(t, db, "Cliente", "76.123.456-0")
	d := invoice(t, db, c.ID, "1001", "2026-10-01", 1_190_000)
	if d.DueDate.String() != "2026-10-31" {
		t.Errorf("due %s; want issue + the client's 30 days", d.DueDate)
	}
	cases := []struct {
		in    ar.DocumentInput
		code  ar.Code
		field string
	}{
		{ar.DocumentInput{ClientID: c.ID, Kind: ar.KindInvoice, Number: "1002", IssueDate: today, DueDate: today.AddDays(-1), Currency: "CLP", Amount: 100}, ar.EInvalid, "dueDate"},
		{ar.DocumentInput{ClientID: c.ID, Kind: ar.KindInvoice, Number: "1003", IssueDate: today, Currency: "CLP", Amount: -5}, ar.EInvalid, "amount"},
		{ar.DocumentInput{ClientID: c.ID, Kind: ar.KindInvoice, Number: "1004", IssueDate: today, Currency: "CLP", Amount: 1_000_000_000_000_001}, ar.EInvalid, "amount"},
		{ar.DocumentInput{ClientID: c.ID, Kind: ar.KindInvoice, Number: "1001", IssueDate: today, Currency: "CLP", Amount: 100}, ar.EConflict, "number"},
		{ar.DocumentInput{ClientID: 9999, Kind: ar.KindInvoice, Number: "1005", IssueDate: today, Currency: "CLP", Amount: 100}, "", "clientId"},
	}
	for _, tc := range cases {
		_, err := db.CreateDocument(ctx, tc.in)
		if err == nil {
			t.Errorf("%+v was accepted", tc.in)
			continue
		}
		if tc.code != "" {
			wantCode(t, err, tc.code, tc.field)
		}
	}
	var n int
	db.SQL().QueryRow(`SELECT count(*) FROM documents`).Scan(&n)
	if n != 1 {
		t.Errorf("%d documents; the refused ones must leave nothing", n)
	}
	mustCheck(t, db)
}

func TestPayment_PartialAllocationRemainderAndReversal(t *testing.T) {
	db := newPortfolio(t)
	c := client(t, db, "Cliente", "76.123.456-0")
	old := invoice(t, db, c.ID, "1001", "2026-08-01", 300_000)
	recent := invoice(t, db, c.ID, "1002", "2026-11-01", 1_190_000)

	lines, err := db.OpenItems(ctx, c.ID, "CLP")
	if err != nil || len(lines) != 2 || lines[0].DocumentID != old.ID {
		t.Fatalf("open items %+v %v; want the oldest first", lines, err)
	}
	// An allocation larger than the invoice is refused, and nothing is saved.
	_, err = db.CreatePayment(ctx, ar.PaymentInput{ClientID: c.ID, Date: today, Currency: "CLP", Amount: 500_000, Method: "transfer",
		Allocations: []ar.Line{{DocumentID: old.ID, Amount: 400_000}}})
	if code(err) != ar.EInvalid {
		t.Fatalf("over-allocation: %v", err)
	}
	// A payment in another currency cannot pay a CLP invoice.
	_, err = db.CreatePayment(ctx, ar.PaymentInput{ClientID: c.ID, Date: today, Currency: "USD", Amount: 100, Method: "transfer",
		Allocations: []ar.Line{{DocumentID: old.ID, Amount: 100}}})
	if err == nil {
		t.Fatal("a USD payment was allocated to a CLP invoice")
	}
	var n int
	db.SQL().QueryRow(`SELECT count(*) FROM payments`).Scan(&n)
	if n != 0 {
		t.Fatalf("%d payments after two refusals", n)
	}

	p, err := db.CreatePayment(ctx, ar.PaymentInput{ClientID: c.ID, Date: today, Currency: "CLP", Amount: 500_000, Method: "transfer", Reference: "TEF 1",
		Allocations: []ar.Line{{DocumentID: old.ID, Amount: 300_000}, {DocumentID: recent.ID, Amount: 150_000}}})
	if err != nil {
		t.Fatal(err)
	}
	if p.Unallocated != 50_000 {
		t.Errorf("unallocated %d; want the 50.000 remainder kept as the client's credit", p.Unallocated)
	}
	s, err := db.FindClientSummary(ctx, c.ID, today)
	if err != nil {
		t.Fatal(err)
	}
	if b := s.Balances[0]; b.Receivable != 1_040_000 || b.Credit != 50_000 || b.Balance != 990_000 {
		t.Errorf("balances %+v; want receivable 1.040.000, credit 50.000, balance 990.000", b)
	}
	d, _ := db.FindDocumentByID(ctx, recent.ID, today)
	if d.Status != ar.StatusPartlyPaid {
		t.Errorf("status %s; want partly paid", d.Status)
	}
	mustCheck(t, db)

	// The remainder is allocated later.
	if _, err := db.Allocate(ctx, p.ID, []ar.Line{{DocumentID: recent.ID, Amount: 50_000}}); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, db)

	// Reversal: logged, not deleted, and the invoices are open again.
	if _, err := db.ReversePayment(ctx, p.ID, "cheque protestado"); err != nil {
		t.Fatal(err)
	}
	db.SQL().QueryRow(`SELECT count(*) FROM payments`).Scan(&n)
	if n != 1 {
		t.Errorf("%d payments after a reversal; a reversal must not delete", n)
	}
	s, _ = db.FindClientSummary(ctx, c.ID, today)
	if b := s.Balances[0]; b.Receivable != 1_490_000 || b.Credit != 0 {
		t.Errorf("after reversal %+v; want everything open again", b)
	}
	if _, err := db.ReversePayment(ctx, p.ID, "otra vez"); err == nil {
		t.Error("a payment was reversed twice")
	}
	mustCheck(t, db)

	hist, err := db.FindAudit(ctx, "payment", p.ID, 10)
	if err != nil || len(hist) < 2 {
		t.Fatalf("payment history %+v %v; want its creation and reversal", hist, err)
	}
	for _, h := range hist {
		if h.User != "tester" || h.At.IsZero() || h.At.Location() != time.UTC {
			t.Errorf("audit entry %+v lacks who or when (UTC)", h)
		}
	}
}

func TestVoid_IsLoggedAndRefusedWhilePaymentsApply(t *testing.T) {
	db := newPortfolio(t)
	c := client(t, db, "Cliente", "76.123.456-0")
	d := invoice(t, db, c.ID, "1001", "2026-11-01", 100_000)
	p, err := db.CreatePayment(ctx, ar.PaymentInput{ClientID: c.ID, Date: today, Currency: "CLP", Amount: 10_000, Method: "cash",
		Allocations: []ar.Line{{DocumentID: d.ID, Amount: 10_000}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.VoidDocument(ctx, d.ID, "error de digitación")
	wantCode(t, err, ar.EConflict, "")
	db.ReversePayment(ctx, p.ID, "mal imputado")
	v, err := db.VoidDocument(ctx, d.ID, "error de digitación")
	if err != nil || v.VoidedAt == nil || v.VoidReason != "error de digitación" {
		t.Fatalf("void: %+v %v", v, err)
	}
	var amount int64
	db.SQL().QueryRow(`SELECT amount_minor FROM documents WHERE id = ?`, d.ID).Scan(&amount)
	if amount != 100_000 {
		t.Errorf("voiding rewrote the amount to %d", amount)
	}
	mustCheck(t, db)
}

func TestBackup_RestoreBringsBackTheEarlierState(t *testing.T) {
	db := newPortfolio(t)
	client(t, db, "Antes", "76.123.456-0")
	b, err := db.BackupNow(ctx, 5)
	if err != nil {
		t.Fatal(err)
	}
	client(t, db, "Después", "")
	path := db.Path()
	db.Close()
	list, err := sqlite.ListBackups(path)
	if err != nil || len(list) == 0 {
		t.Fatalf("backups %v %v", list, err)
	}
	if err := sqlite.RestoreBackup(ctx, path, b.Path, sqlite.Options{}); err != nil {
		t.Fatal(err)
	}
	db2, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	var names string
	db2.SQL().QueryRow(`SELECT group_concat(legal_name) FROM clients`).Scan(&names)
	if names != "Antes" {
		t.Errorf("after restore the clients are %q; want only Antes", names)
	}
}

func TestClients_SearchIgnoresAccentsAndPagesAreStable(t *testing.T) {
	db := newPortfolio(t)
	client(t, db, "Panadería Muñoz", "")
	client(t, db, "Ferretería Pérez", "")
	client(t, db, "Botillería Sur", "")
	page, err := db.FindClients(ctx, sqlite.ClientFilter{Search: "munoz", Limit: 50, Today: today})
	if err != nil || page.Total != 1 || page.Rows[0].LegalName != "Panadería Muñoz" {
		t.Fatalf("search munoz: %+v %v", page, err)
	}
	all, _ := db.FindClients(ctx, sqlite.ClientFilter{Sort: "name", Limit: 2, Today: today})
	rest, _ := db.FindClients(ctx, sqlite.ClientFilter{Sort: "name", Offset: 2, Limit: 2, Today: today})
	if all.Total != 3 || len(all.Rows) != 2 || len(rest.Rows) != 1 || all.Rows[0].LegalName != "Botillería Sur" {
		t.Errorf("pages %+v / %+v", all, rest)
	}
}

func TestAutoBackup_WaitsItsDelayThenCopies(t *testing.T) {
	db := newPortfolio(t)
	client(t, db, "Cliente", "")
	db.StartAutoBackup(300*time.Millisecond, time.Hour, 3, func(err error) { t.Error(err) })
	if list, _ := sqlite.ListBackups(db.Path()); len(list) != 0 {
		t.Fatalf("a copy was taken at once: %v", list)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		list, _ := sqlite.ListBackups(db.Path())
		if len(list) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no automatic copy after the delay: %v", list)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// A full disk and a read-only file reach the user as their own error codes,
// and the refused change leaves nothing behind. SQLite reports a full disk
// exactly as when max_page_count is reached, and a read-only file as when
// query_only is set, so both are provoked through SQLite itself (CI runs as
// root, which ignores file permissions).
func TestWrite_FullDiskAndReadOnlyAreClearAndSaveNothing(t *testing.T) {
	db := newPortfolio(t)
	db.SQL().SetMaxOpenConns(1)
	client(t, db, "Existente", "")
	var pages int
	db.SQL().QueryRow(`PRAGMA page_count`).Scan(&pages)
	if _, err := db.SQL().Exec(`PRAGMA max_page_count = ` + strconv.Itoa(pages)); err != nil {
		t.Fatal(err)
	}
	_, err := db.CreateClient(ctx, ar.ClientInput{LegalName: "Nuevo", Country: "CL", Notes: strings.Repeat("nota larga ", 900)})
	wantCode(t, err, ar.EDiskFull, "")
	db.SQL().Exec(`PRAGMA max_page_count = 1073741823`)

	db.SQL().Exec(`PRAGMA query_only = 1`)
	_, err = db.CreateClient(ctx, ar.ClientInput{LegalName: "Otro", Country: "CL"})
	wantCode(t, err, ar.EReadOnly, "")
	db.SQL().Exec(`PRAGMA query_only = 0`)

	var n, audits int
	db.SQL().QueryRow(`SELECT count(*) FROM clients`).Scan(&n)
	db.SQL().QueryRow(`SELECT count(*) FROM audit_log WHERE entity = 'client'`).Scan(&audits)
	if n != 1 || audits != 1 {
		t.Errorf("%d clients and %d client audit entries after two refused writes; want 1 and 1", n, audits)
	}
	mustCheck(t, db)
}
