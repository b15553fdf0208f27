package export_test

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/export"
	"cartera/backend/sqlite"
)

// inCredit is a Chilean portfolio with a client holding only a credit note,
// one holding only an unallocated payment, and one with debts and credit.
func inCredit(t *testing.T) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Create(ctx, filepath.Join(t.TempDir(), "p.cartera"), ar.Portfolio{Name: "P", Country: "CL"}, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	newClient := func(name, rut string) int64 {
		c, err := db.CreateClient(ctx, ar.ClientInput{LegalName: name, TaxID: rut, Country: "CL", PaymentTermsDays: 30})
		must(err)
		return c.ID
	}
	doc := func(client int64, kind ar.Kind, number, issue string, amount int64) ar.Document {
		d, err := db.CreateDocument(ctx, ar.DocumentInput{ClientID: client, Kind: kind, Number: number, IssueDate: date.MustParse(issue), Currency: "CLP", Amount: amount})
		must(err)
		return d
	}
	pay := func(client, amount int64, lines ...ar.Line) {
		_, err := db.CreatePayment(ctx, ar.PaymentInput{ClientID: client, Date: today, Currency: "CLP", Amount: amount, Method: "transfer", Allocations: lines})
		must(err)
	}
	cn := newClient("Solo Nota", "77.555.444-4")
	doc(cn, ar.KindCreditNote, "NC-1", "2026-11-02", 145_000)
	pay(newClient("Solo Pago", "12.345.678-5"), 50_000)
	both := newClient("Ambos", "9.876.543-3")
	old := doc(both, ar.KindInvoice, "1001", "2026-08-01", 300_000)
	doc(both, ar.KindInvoice, "1002", "2026-11-10", 200_000)
	doc(both, ar.KindCreditNote, "NC-2", "2026-11-03", 50_000)
	pay(both, 120_000, ar.Line{DocumentID: old.ID, Amount: 100_000})
	return db
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\uFEFF")))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// The client export's Saldo is the signed balance the list and the client
// page show, in CSV and in XLSX.
func TestClientsExport_SignedBalanceEqualsTheListAndTheClientPage(t *testing.T) {
	ctx := context.Background()
	db := inCredit(t)
	want := map[string]int64{"Solo Nota": -145_000, "Solo Pago": -50_000, "Ambos": 330_000}
	page, err := db.FindClients(ctx, sqlite.ClientFilter{Limit: 50, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range page.Rows {
		s, err := db.FindClientSummary(ctx, r.ID, today)
		if err != nil {
			t.Fatal(err)
		}
		if r.Balance != want[r.LegalName] || s.Balances[0].Balance != want[r.LegalName] {
			t.Fatalf("%s: list %d, page %d; want %d", r.LegalName, r.Balance, s.Balances[0].Balance, want[r.LegalName])
		}
	}

	dir := t.TempDir()
	csvPath := filepath.Join(dir, "clientes.csv")
	if _, err := export.List(ctx, db, "clients", csvPath, "es", today, nil); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, csvPath)
	if rows[0][8] != "Saldo" {
		t.Fatalf("header %q", rows[0])
	}
	got := map[string]int64{}
	for _, r := range rows[1:] {
		v, err := strconv.ParseInt(r[8], 10, 64)
		if err != nil {
			t.Fatalf("%s: Saldo %q is not a plain signed number", r[0], r[8])
		}
		got[r[0]] = v
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("CSV %s: Saldo %d; want %d", name, got[name], w)
		}
	}
	// The export lists clients in the list's order by name.
	if rows[1][0] != "Ambos" || rows[3][0] != "Solo Pago" {
		t.Errorf("order %q, %q, %q", rows[1][0], rows[2][0], rows[3][0])
	}

	xlsxPath := filepath.Join(dir, "clientes.xlsx")
	if _, err := export.List(ctx, db, "clients", xlsxPath, "es", today, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i := 2; i <= 4; i++ {
		name, _ := f.GetCellValue("Clientes", "A"+strconv.Itoa(i))
		raw, _ := f.GetCellValue("Clientes", "I"+strconv.Itoa(i), excelize.Options{RawCellValue: true})
		if v, err := strconv.ParseInt(raw, 10, 64); err != nil || v != want[name] {
			t.Errorf("XLSX %s: Saldo %q; want the number %d", name, raw, want[name])
		}
	}
}

// In the documents export a credit note's amounts are negative, so the sum
// of the Pendiente column of a client is what it owes net of credit notes.
func TestDocumentsExport_CreditNotesAreNegativeSoTheOpenColumnSumsToWhatIsOwed(t *testing.T) {
	ctx := context.Background()
	db := inCredit(t)
	path := filepath.Join(t.TempDir(), "documentos.csv")
	if _, err := export.List(ctx, db, "invoices", path, "es", today, nil); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, path)
	if rows[0][7] != "Monto" || rows[0][8] != "Pendiente" {
		t.Fatalf("header %q", rows[0])
	}
	sum := map[string]int64{}
	for _, r := range rows[1:] {
		amount, _ := strconv.ParseInt(r[7], 10, 64)
		open, err := strconv.ParseInt(r[8], 10, 64)
		if err != nil {
			t.Fatalf("row %q: Pendiente is not a plain number", r)
		}
		if r[0] == "Nota de crédito" && (amount >= 0 || open > 0) {
			t.Errorf("credit note %s: Monto %d, Pendiente %d; want them negative", r[1], amount, open)
		}
		if r[0] == "Factura" && amount <= 0 {
			t.Errorf("invoice %s: Monto %d", r[1], amount)
		}
		sum[r[2]] += open
	}
	// What documents leave owed: the balance without unallocated payments.
	for name, want := range map[string]int64{"Solo Nota": -145_000, "Solo Pago": 0, "Ambos": 350_000} {
		if sum[name] != want {
			t.Errorf("%s: Pendiente sums to %d; want %d", name, sum[name], want)
		}
	}
}
