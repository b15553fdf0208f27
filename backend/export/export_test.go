package export_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/demo"
	"cartera/backend/export"
	"cartera/backend/sqlite"
)

var today = date.MustParse("2026-11-24")

// portfolio is a small demo plus a client whose name is a formula, the way an
// attacker (or an ERP) could type it.
func portfolio(t *testing.T, country string) *sqlite.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.cartera")
	if _, err := demo.Generate(context.Background(), path, demo.Options{Country: country, Clients: 20, Invoices: 300, Today: today}, nil); err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.CreateClient(context.Background(), ar.ClientInput{LegalName: `=HYPERLINK("http://x","clic")`, Country: country}); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestXLSX_TypedCellsFrozenHeaderFiltersAndNoFormula(t *testing.T) {
	db := portfolio(t, "CL")
	out := filepath.Join(t.TempDir(), "documentos.xlsx")
	n, err := export.List(context.Background(), db, "invoices", out, "es", today, nil)
	if err != nil {
		t.Fatal(err)
	}
	var docs int64
	db.SQL().QueryRow(`SELECT count(*) FROM documents`).Scan(&docs)
	if n != docs {
		t.Fatalf("%d rows exported, %d documents", n, docs)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	if sheet != "Documentos" {
		t.Errorf("sheet %q", sheet)
	}
	if h, _ := f.GetCellValue(sheet, "E1"); h != "Emisión" {
		t.Errorf("E1 = %q; want the Spanish header", h)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v %v; want the header row frozen", panes, err)
	}
	tables, err := f.GetTables(sheet)
	if err != nil || len(tables) != 1 || !strings.HasPrefix(tables[0].Range, "A1:L") {
		t.Errorf("tables %+v %v; want one table (with filters) over the data", tables, err)
	}
	// Row 2: the oldest invoice. Its issue date is a real date cell, its amount a number.
	if typ, _ := f.GetCellType(sheet, "E2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("the issue date is stored as text")
	}
	raw, _ := f.GetCellValue(sheet, "E2", excelize.Options{RawCellValue: true})
	if strings.Contains(raw, "-") || raw == "" {
		t.Errorf("E2 raw value %q; want an Excel date serial", raw)
	}
	amount, _ := f.GetCellValue(sheet, "H2", excelize.Options{RawCellValue: true})
	var number string
	db.SQL().QueryRow(`SELECT amount_minor FROM documents ORDER BY issue_date, id LIMIT 1`).Scan(&number)
	if amount != number {
		t.Errorf("H2 = %q; want the amount %s as a number (CLP has no decimals)", amount, number)
	}
	style, _ := f.GetCellStyle(sheet, "H2")
	if st, _ := f.GetStyle(style); st == nil || st.CustomNumFmt == nil || *st.CustomNumFmt != "#,##0" {
		t.Errorf("H2 style %+v; want #,##0", st)
	}
	// No cell anywhere carries a formula.
	rows, _ := f.GetRows(sheet)
	for i := range rows {
		for j := range rows[i] {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if fo, _ := f.GetCellFormula(sheet, cell); fo != "" {
				t.Fatalf("%s holds the formula %q", cell, fo)
			}
		}
	}
}

func TestXLSX_ClientWithAFormulaNameIsNeutralized(t *testing.T) {
	db := portfolio(t, "MX")
	out := filepath.Join(t.TempDir(), "clientes.xlsx")
	if _, err := export.List(context.Background(), db, "clients", out, "en", today, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Clients")
	found := false
	for _, r := range rows {
		if strings.Contains(r[0], "HYPERLINK") {
			found = true
			if !strings.HasPrefix(r[0], "'=") {
				t.Errorf("cell %q is not neutralized", r[0])
			}
		}
	}
	if !found || rows[0][0] != "Legal name" {
		t.Errorf("rows %v", rows[:2])
	}
}

func TestCSV_BOMSeparatorsPerCountryAndNeutralized(t *testing.T) {
	for _, tc := range []struct{ country, sep, dec string }{{"CL", ";", ","}, {"MX", ",", "."}} {
		db := portfolio(t, tc.country)
		out := filepath.Join(t.TempDir(), "pagos.csv")
		if _, err := export.List(context.Background(), db, "payments", out, "es", today, nil); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(out)
		s := string(b)
		if !strings.HasPrefix(s, "\uFEFFFecha"+tc.sep+"Cliente") {
			t.Errorf("%s: file starts %q; want a BOM and %q separators", tc.country, s[:30], tc.sep)
		}
		line := strings.Split(s, "\r\n")[1]
		fields := strings.Split(line, tc.sep)
		if len(fields) < 6 || !strings.Contains(fields[0], "/") {
			t.Fatalf("%s: first row %q", tc.country, line)
		}
		if tc.country == "MX" && !strings.Contains(fields[4], ".") {
			t.Errorf("MX amount %q; want a dot before the cents", fields[4])
		}
		if tc.country == "CL" && strings.ContainsAny(fields[4], ".,") {
			t.Errorf("CL amount %q; pesos have no decimals and no grouping in CSV", fields[4])
		}
	}
	if got := export.Neutralize("@SUM(A1)"); got != "'@SUM(A1)" {
		t.Errorf("Neutralize = %q", got)
	}
	for _, ok := range []string{"Ferretería", "", "1.000", "a=b"} {
		if export.Neutralize(ok) != ok {
			t.Errorf("%q changed", ok)
		}
	}
}

func TestExport_RefusesAndLeavesNothing(t *testing.T) {
	db := portfolio(t, "CL")
	dir := t.TempDir()
	existing := filepath.Join(dir, "ya.xlsx")
	os.WriteFile(existing, []byte("mío"), 0o644)
	cases := map[string]ar.Code{existing: ar.EConflict, filepath.Join(dir, "x.pdf"): ar.EInvalid}
	for path, code := range cases {
		_, err := export.List(context.Background(), db, "clients", path, "es", today, nil)
		var e *ar.Error
		if !errors.As(err, &e) || e.Code != code {
			t.Errorf("%s: %v; want %s", path, err, code)
		}
	}
	if _, err := export.List(context.Background(), db, "facturas", filepath.Join(dir, "f.xlsx"), "es", today, nil); ar.ErrorCode(err) != ar.EInvalid {
		t.Errorf("unknown list: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := export.List(ctx, db, "invoices", filepath.Join(dir, "c.xlsx"), "es", today, nil); err == nil {
		t.Error("a cancelled export succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		names := []string{}
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the folder holds %v; want only the file that was there", names)
	}
	if b, _ := os.ReadFile(existing); string(b) != "mío" {
		t.Error("the existing file was overwritten")
	}
}

func TestLedger_WritesTheClientAccount(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Create(ctx, filepath.Join(t.TempDir(), "l.cartera"), ar.Portfolio{Name: "L", Country: "CL", Currency: "CLP", DefaultTermsDays: 30}, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c, err := db.CreateClient(ctx, ar.ClientInput{LegalName: "Ferretería =Sur/Norte", Country: "CL"})
	if err != nil {
		t.Fatal(err)
	}
	d, err := db.CreateDocument(ctx, ar.DocumentInput{ClientID: c.ID, Number: "1001", IssueDate: date.MustParse("2026-10-01"), Currency: "CLP", Amount: 1190000})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreatePayment(ctx, ar.PaymentInput{ClientID: c.ID, Date: date.MustParse("2026-10-20"), Currency: "CLP", Amount: 500000,
		Allocations: []ar.Line{{DocumentID: d.ID, Amount: 500000}}}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"cuenta.xlsx", "cuenta.csv"} {
		path := filepath.Join(t.TempDir(), name)
		n, err := export.Ledger(ctx, db, c.ID, path, "es", date.MustParse("2026-11-24"), nil)
		if err != nil || n != 2 {
			t.Fatalf("%s: %d rows, %v", name, n, err)
		}
		if name == "cuenta.csv" {
			b, _ := os.ReadFile(path)
			text := string(b)
			if !strings.Contains(text, "Factura;1001") || !strings.Contains(text, "690000") || strings.Contains(text, "<nil>") {
				t.Errorf("ledger CSV:\n%s", text)
			}
			continue
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows("Estado de cuenta", excelize.Options{RawCellValue: true})
		f.Close()
		if len(rows) != 3 || rows[2][7] != "690000" {
			t.Errorf("ledger sheet %q", rows)
		}
	}
	if _, err := export.Ledger(ctx, db, 999, filepath.Join(t.TempDir(), "x.xlsx"), "es", date.MustParse("2026-11-24"), nil); ar.ErrorCode(err) != ar.ENotFound {
		t.Errorf("unknown client: %v", err)
	}
}

// An export of a filtered list writes exactly the rows the list shows, in its
// order: the overdue invoices of one search, sorted by amount, in the XLSX;
// active clients only (not archived ones) and live payments only in the CSV.
func TestListOf_WritesExactlyTheRowsTheListShows(t *testing.T) {
	ctx := context.Background()
	db := portfolio(t, "CL")
	overdue := sqlite.DocumentFilter{Status: ar.StatusOverdue, Kind: ar.KindInvoice, Sort: "amount", Desc: true, Today: today, Limit: 1000}
	page, err := db.FindDocuments(ctx, overdue)
	if err != nil || page.Total == 0 || page.Total > 1000 {
		t.Fatalf("the demo has %d overdue invoices (%v); the test needs some", page.Total, err)
	}
	var all int
	db.SQL().QueryRow(`SELECT count(*) FROM documents`).Scan(&all)
	if page.Total == all {
		t.Fatalf("every document is overdue; the filter proves nothing")
	}
	out := filepath.Join(t.TempDir(), "vencidas.xlsx")
	overdue.Offset, overdue.Limit = 40, 5 // the screen's paging is not the export's
	n, err := export.ListOf(ctx, db, "invoices", export.Filters{Documents: &overdue}, out, "es", today, nil)
	if err != nil || n != int64(page.Total) {
		t.Fatalf("wrote %d rows (%v); the list shows %d", n, err, page.Total)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Documentos")
	if len(rows)-1 != page.Total {
		t.Fatalf("the file holds %d rows; the list shows %d", len(rows)-1, page.Total)
	}
	for i, r := range page.Rows {
		if got := rows[i+1]; got[1] != r.Number || got[9] != "Vencida" {
			t.Fatalf("file row %d = %v; the list shows %s (%s) there", i+1, got, r.Number, r.Status)
		}
	}

	var archivedID int64
	db.SQL().QueryRow(`SELECT id FROM clients ORDER BY id LIMIT 1`).Scan(&archivedID)
	if _, err := db.ArchiveClient(ctx, archivedID, true); err != nil {
		t.Fatal(err)
	}
	active := sqlite.ClientFilter{Today: today}
	cpage, _ := db.FindClients(ctx, sqlite.ClientFilter{Today: today, Limit: 1000})
	out = filepath.Join(t.TempDir(), "clientes.csv")
	if n, err := export.ListOf(ctx, db, "clients", export.Filters{Clients: &active}, out, "es", today, nil); err != nil || n != int64(cpage.Total) {
		t.Fatalf("clients: wrote %d (%v); the list shows %d", n, err, cpage.Total)
	}
	b, _ := os.ReadFile(out)
	lines := strings.Split(strings.TrimRight(string(b), "\r\n"), "\r\n")
	if len(lines)-1 != cpage.Total {
		t.Errorf("the CSV holds %d clients; the list shows %d", len(lines)-1, cpage.Total)
	}
	for _, l := range lines[1:] {
		if strings.HasSuffix(l, ";Sí") {
			t.Errorf("an archived client was exported: %q", l)
		}
	}
	// The command line's export (no filter) still writes every client, archived included.
	out = filepath.Join(t.TempDir(), "todos.csv")
	var clients int64
	db.SQL().QueryRow(`SELECT count(*) FROM clients`).Scan(&clients)
	if n, err := export.List(ctx, db, "clients", out, "es", today, nil); err != nil || n != clients || n != int64(cpage.Total)+1 {
		t.Errorf("whole export: %d rows (%v); %d clients", n, err, clients)
	}
}
