package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/demo"
	"cartera/backend/money"
	"cartera/backend/sqlite"
)

var today = date.MustParse("2026-11-24")

func TestAutoMap_ERPHeaders(t *testing.T) {
	cases := []struct {
		target Target
		header string
		want   string
	}{
		{Invoices, "RUT|Razón Social|Tipo Doc|Nº Documento|Fecha Emisión|Vencimiento|Monto|Saldo",
			"taxId|clientName|kind|number|issueDate|dueDate|amount|balance"},
		{Invoices, "NIT Tercero|Nombre Tercero|Comprobante|Fecha|Fecha Vencimiento|Valor Total|Saldo por cobrar",
			"taxId|clientName|number|issueDate|dueDate|amount|balance"},
		{Invoices, "Folio|RFC Receptor|Nombre Receptor|Fecha de Emisión|Total|Moneda|Fecha límite de pago",
			"number|taxId|clientName|issueDate|amount|currency|dueDate"},
		{Invoices, "Customer|Invoice No.|Invoice Date|Due Date|Amount|Open Balance|Memo",
			"clientName|number|issueDate|dueDate|amount|balance|description"},
		{Invoices, "N° Doc.|Cliente|Emisión|Nro. Documento|Importe", "number|clientName|issueDate||amount"},
		// Chile's sales register (RCV): "Nro" counts rows, "Folio" is the number.
		{Invoices, "Nro|Tipo Doc|Tipo Venta|Rut cliente|Razon Social|Folio|Fecha Docto|Fecha Recepcion|Fecha Acuse Recibo|Monto Exento|Monto Neto|Monto IVA|Monto total",
			"|kind||taxId|clientName|number|issueDate||||||amount"},
		{Invoices, "Serie|Folio|RFC|Razón Social|Fecha|Total|Moneda", "series|number|taxId|clientName|issueDate|amount|currency"},
		{Invoices, "Fecha|Documento|Cliente|Debe|Haber|Saldo", "issueDate|number|clientName|amount||balance"},
		{Clients, "Razón Social|Nombre de Fantasía|RUT|Plazo de pago|Cupo|Correo electrónico|Teléfono|Zona",
			"legalName|tradeName|taxId|paymentTermsDays|creditLimit|email|phone|segment"},
		{Payments, "RUT|Cliente|Fecha Pago|Monto Pagado|N° Factura|Medio de Pago|N° Operación",
			"taxId|clientName|date|amount|number|method|reference"},
	}
	for _, c := range cases {
		got := AutoMap(c.target, strings.Split(c.header, "|"))
		parts := make([]string, len(got))
		for i, f := range got {
			parts[i] = string(f)
		}
		if strings.Join(parts, "|") != c.want {
			t.Errorf("%s %q:\n got %s\nwant %s", c.target, c.header, strings.Join(parts, "|"), c.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	cases := []struct {
		in     string
		order  DateOrder
		serial bool
		want   string
		reason string
	}{
		{"31/01/2026", DMY, false, "2026-01-31", ""},
		{"2026-01-31", DMY, false, "2026-01-31", ""},
		{"2026-01-31T00:00:00", DMY, false, "2026-01-31", ""},
		{"31-01-26", DMY, false, "2026-01-31", ""},
		{"31.01.2026 00:00", DMY, false, "2026-01-31", ""},
		{"01/31/2026", MDY, false, "2026-01-31", ""},
		{"31-ene-2026", DMY, false, "2026-01-31", ""},
		{"5-Sept-2026", DMY, false, "2026-09-05", ""},
		{"20260131", DMY, false, "2026-01-31", ""},
		{"46053", DMY, true, "2026-01-31", ""},
		{"46053.5", DMY, true, "2026-01-31", ""},
		{"46053", DMY, false, "", ReasonDateInvalid},
		{"31/02/2026", DMY, false, "", ReasonDateImpossible},
		{"29/02/2028", DMY, false, "2028-02-29", ""},
		{"13/13/2026", DMY, false, "", ReasonDateInvalid},
		{"01/01/1890", DMY, false, "", ReasonDateRange},
		{"12", DMY, true, "", ReasonDateRange},
		{"mañana", DMY, false, "", ReasonDateInvalid},
		{"", DMY, false, "", ReasonDateInvalid},
	}
	for _, c := range cases {
		d, reason := ParseDate(c.in, c.order, c.serial)
		got := ""
		if reason == "" {
			got = d.String()
		}
		if got != c.want || reason != c.reason {
			t.Errorf("ParseDate(%q, %s, %v) = %q, %q; want %q, %q", c.in, c.order, c.serial, got, reason, c.want, c.reason)
		}
	}
}

func TestParseAmount(t *testing.T) {
	cases := []struct {
		in       string
		currency string
		style    money.Style
		cells    bool
		want     int64
		reason   string
	}{
		{"1.190.000", "CLP", money.StyleCommaDecimal, false, 1190000, ""},
		{"$ 1.190.000", "CLP", money.StyleCommaDecimal, false, 1190000, ""},
		{"1,234.56", "MXN", money.StyleDotDecimal, false, 123456, ""},
		{"-100.000", "CLP", money.StyleCommaDecimal, false, -100000, ""},
		{"(1.500,50)", "COP", money.StyleCommaDecimal, false, -150050, ""},
		{"1234.5", "MXN", money.StyleDotDecimal, true, 123450, ""},
		{"1234.5000000000002", "MXN", money.StyleDotDecimal, true, 123450, ""},
		{"1234.4999999999998", "MXN", money.StyleDotDecimal, true, 123450, ""},
		{"1.2345E+7", "CLP", money.StyleCommaDecimal, true, 12345000, ""},
		{"1190000", "CLP", money.StyleCommaDecimal, true, 1190000, ""},
		{"1.234", "CLP", money.StyleCommaDecimal, true, 1234, ""}, // number typed as text in a Chilean sheet
		{"1.5", "CLP", money.StyleCommaDecimal, true, 0, money.ReasonTooManyDecimals},
		{"1.234,5.6", "CLP", money.StyleCommaDecimal, false, 0, money.ReasonMisplacedGroup},
		{"abc", "CLP", money.StyleCommaDecimal, false, 0, money.ReasonInvalid},
		{"99999999999999999999", "CLP", money.StyleCommaDecimal, true, 0, money.ReasonTooLarge},
	}
	for _, c := range cases {
		v, reason := ParseAmount(c.in, c.currency, c.style, c.cells)
		if v != c.want || reason != c.reason {
			t.Errorf("ParseAmount(%q, %s, cells %v) = %d, %q; want %d, %q", c.in, c.currency, c.cells, v, reason, c.want, c.reason)
		}
	}
}

func TestDetectStyleAndOrder(t *testing.T) {
	if s := DetectStyle([]string{"1.190.000", "595.000", "100"}, "MX", false); s.Decimal != ',' {
		t.Errorf("grouped by dots: %q", s.Decimal)
	}
	if s := DetectStyle([]string{"1,234.50", "99.90"}, "CL", false); s.Decimal != '.' {
		t.Errorf("dot decimals: %q", s.Decimal)
	}
	if s := DetectStyle([]string{"1234.5", "100"}, "CL", true); s.Decimal != ',' {
		t.Errorf("machine numbers say nothing; the country decides: %q", s.Decimal)
	}
	if o := DetectDateOrder([]string{"01/02/2026", "12/31/2026"}); o != MDY {
		t.Errorf("order %s", o)
	}
	if o := DetectDateOrder([]string{"01/02/2026"}); o != DMY {
		t.Errorf("order %s without evidence", o)
	}
}

func TestParseKind(t *testing.T) {
	for in, want := range map[string]ar.Kind{"Factura Electrónica": ar.KindInvoice, "33": ar.KindInvoice, "N/C": ar.KindCreditNote,
		"Nota de Crédito": ar.KindCreditNote, "61": ar.KindCreditNote, "ND": ar.KindDebitNote, "Invoice": ar.KindInvoice} {
		if k, ok := ParseKind(in); !ok || k != want {
			t.Errorf("ParseKind(%q) = %s, %v", in, k, ok)
		}
	}
	if _, ok := ParseKind("Guía de despacho"); ok {
		t.Error("a dispatch note is not a receivable")
	}
}

// newPortfolio creates an empty Chilean portfolio.
func newPortfolio(t testing.TB) *sqlite.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.cartera")
	db, err := sqlite.Create(context.Background(), path, ar.Portfolio{Name: "Prueba", Country: "CL", Currency: "CLP", DefaultTermsDays: 30}, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func write(t testing.TB, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// state is everything a portfolio holds, as text, to compare before and after.
func state(t testing.TB, db *sqlite.DB) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT id, legal_name, tax_id, tax_id_status, payment_terms_days, credit_limit_minor, segment, updated_at FROM clients ORDER BY id`,
		`SELECT id, client_id, kind, number, issue_date, due_date, currency, amount_minor, open_minor, credited_minor FROM documents ORDER BY id`,
		`SELECT id, client_id, date, amount_minor, unallocated_minor, reference FROM payments ORDER BY id`,
		`SELECT id, document_id, payment_id, credit_note_id, amount_minor, reversed_at FROM allocations ORDER BY id`,
		`SELECT id, client_id, name, email FROM contacts ORDER BY id`,
	} {
		rows, err := db.SQL().Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			fmt.Fprintln(&b, vals...)
		}
		rows.Close()
		b.WriteString("--\n")
	}
	return b.String()
}

// written counts the documents, clients and imports a portfolio holds.
func written(t testing.TB, db *sqlite.DB) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow(`SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM clients) + (SELECT count(*) FROM imports)`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func checkPortfolio(t testing.TB, db *sqlite.DB) {
	t.Helper()
	v, err := db.Check(context.Background(), 10)
	if err != nil || len(v) > 0 {
		t.Fatalf("check: %v %v", v, err)
	}
}

const invoicesCSV = "Listado de documentos por cobrar\r\nEmitido el 24/11/2026\r\n\r\n" +
	"RUT;Razón Social;Tipo Doc;Nº Documento;Fecha Emisión;Vencimiento;Monto;Saldo\r\n" +
	"76.086.428-5;Ferretería Sur Ltda.;Factura;1001;15/10/2026;14/11/2026;1.190.000;1.190.000\r\n" +
	"76.086.428-5;Ferretería Sur Ltda.;Factura;1002;20/10/2026;19/11/2026;595.000;95.000\r\n" +
	"12.345.678-5;Panadería El Sol;NC;55;21/10/2026;;-100.000;-100.000\r\n" +
	"12.345.678-5;Panadería El Sol;Factura;1003;01/11/2026;;250.000;250.000\r\n" +
	"\r\nTotal;;;;;;1.935.000;\r\n"

func run(t testing.TB, db *sqlite.DB, path string, target Target, ch Choices, dry bool) Report {
	t.Helper()
	rep, err := Run(context.Background(), db, path, Options{Target: target, Choices: ch, DryRun: dry}, today, nil)
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	return rep
}

func TestRun_InvoicesWithBalancesReimportAndUndo(t *testing.T) {
	db := newPortfolio(t)
	path := write(t, "cxc.csv", invoicesCSV)
	empty := state(t, db)

	// Without creating clients nothing is written, and every missing client is named.
	rep := run(t, db, path, Invoices, Choices{}, false)
	if rep.Committed || rep.Blocking != 4 || rep.ByClass[ClassMissingClient] != 4 || state(t, db) != empty {
		t.Fatalf("blocked import: %+v", rep)
	}
	if p := rep.Problems[0]; p.Line != 5 || p.Column != "RUT" || p.Value != "76.086.428-5" {
		t.Errorf("first problem %+v", p)
	}
	// A dry run with the choice counts and still writes nothing.
	rep = run(t, db, path, Invoices, Choices{CreateClients: true}, true)
	if rep.Committed || rep.Counts.Created != 4 || rep.Counts.ClientsCreated != 2 || state(t, db) != empty {
		t.Fatalf("dry run: %+v", rep.Counts)
	}
	rep = run(t, db, path, Invoices, Choices{CreateClients: true}, false)
	if !rep.Committed || rep.Counts.Created != 4 || rep.Counts.Payments != 1 || rep.Counts.Rows != 4 {
		t.Fatalf("import: %+v %+v", rep.Counts, rep.Problems)
	}
	checkPortfolio(t, db)
	var open, credit int64
	db.SQL().QueryRow(`SELECT SUM(open_minor) FROM documents WHERE kind = 'invoice'`).Scan(&open)
	db.SQL().QueryRow(`SELECT SUM(open_minor) FROM documents WHERE kind = 'credit_note'`).Scan(&credit)
	if open != 1190000+95000+250000 || credit != 100000 {
		t.Errorf("open %d, credit notes %d: balances do not agree with the file", open, credit)
	}
	var due string
	db.SQL().QueryRow(`SELECT due_date FROM documents WHERE number = '1003'`).Scan(&due)
	if due != "2026-12-01" {
		t.Errorf("a missing due date is the issue date plus the portfolio's terms: %s", due)
	}
	afterFirst := state(t, db)

	// The same file again changes nothing and records no import.
	rep = run(t, db, path, Invoices, Choices{}, false)
	if rep.Committed || rep.Counts.Unchanged != 4 || rep.Blocking != 0 || state(t, db) != afterFirst {
		t.Fatalf("re-import: %+v %+v", rep.Counts, rep.Problems)
	}
	// A newer export: 1002 paid down further, 1001's amount corrected, a new invoice.
	newer := strings.NewReplacer("595.000;95.000", "595.000;45.000", "1001;15/10/2026;14/11/2026;1.190.000;1.190.000", "1001;15/10/2026;14/11/2026;1.200.000;1.200.000").Replace(invoicesCSV)
	newer = strings.Replace(newer, "\r\nTotal", "76.086.428-5;Ferretería Sur Ltda.;Factura;1004;22/11/2026;22/12/2026;10.000;10.000\r\n\r\nTotal", 1)
	path2 := write(t, "cxc2.csv", newer)
	rep = run(t, db, path2, Invoices, Choices{}, false)
	if rep.Committed || rep.ByClass[ClassConflict] != 1 || state(t, db) != afterFirst {
		t.Fatalf("a conflict must stop the import: %+v %+v", rep.Counts, rep.Problems)
	}
	if p := rep.Problems[0]; p.Class != ClassConflict || p.Column != "Monto" || !strings.Contains(p.Params["change"], "1.190.000") {
		t.Errorf("conflict %+v", p)
	}
	rep = run(t, db, path2, Invoices, Choices{AcceptChanges: true}, false)
	if !rep.Committed || rep.Counts.Updated != 1 || rep.Counts.Created != 1 || rep.Counts.Unchanged != 3 {
		t.Fatalf("accepted: %+v", rep.Counts)
	}
	checkPortfolio(t, db)
	db.SQL().QueryRow(`SELECT open_minor FROM documents WHERE number = '1002'`).Scan(&open)
	if open != 45000 {
		t.Errorf("1002 open %d; the newer balance is recorded as a payment", open)
	}
	var audits int
	db.SQL().QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'import.update' AND entity = 'document'`).Scan(&audits)
	if audits != 1 {
		t.Errorf("%d audit entries for the accepted change", audits)
	}
	// Undo: the first import cannot go while the second rests on it; in order, both go.
	imports, _ := db.Imports(context.Background())
	if len(imports) != 2 || imports[0].FileName != "cxc2.csv" || len(imports[1].FileHash) != 64 || imports[1].Counts.Created != 4 {
		t.Fatalf("history %+v", imports)
	}
	if err := db.UndoImport(context.Background(), imports[1].ID); ar.ErrorCode(err) != ar.EConflict {
		t.Fatalf("undo of the first import under the second: %v", err)
	}
	if err := db.UndoImport(context.Background(), imports[0].ID); err != nil {
		t.Fatal(err)
	}
	if got := state(t, db); got != afterFirst {
		t.Fatalf("undo did not restore the state after the first import:\n%s\nwant\n%s", got, afterFirst)
	}
	if err := db.UndoImport(context.Background(), imports[1].ID); err != nil {
		t.Fatal(err)
	}
	if got := state(t, db); got != empty {
		t.Fatalf("undo did not restore the empty portfolio:\n%s", got)
	}
	checkPortfolio(t, db)
}

func TestRun_ProblemsNameRowColumnValueAndBlock(t *testing.T) {
	db := newPortfolio(t)
	path := write(t, "malo.csv", "RUT;Cliente;Folio;Emisión;Vencimiento;Monto;Moneda\n"+
		"76.086.428-5;A;1;31/02/2026;;100;CLP\n"+
		"76.086.428-5;A;2;01/02/2026;;1.234,5.6;CLP\n"+
		"76.086.428-4;B;3;01/02/2026;;100;CLP\n"+
		"76.086.428-5;A;4;01/02/2026;01/01/2026;100;CLP\n"+
		"76.086.428-5;A;5;01/02/2026;;100;XYZ\n"+
		"76.086.428-5;A;1;01/03/2026;;100;CLP\n"+
		"76.086.428-5;A;6;01/03/2026;;0;CLP\n"+
		"76.086.428-5;A;7;01/03/2026;;100;CLP\n"+
		"76.086.428-5;A;7;02/03/2026;;200;CLP\n")
	rep := run(t, db, path, Invoices, Choices{CreateClients: true}, false)
	want := []struct {
		line        int
		column, key string
	}{
		{2, "Emisión", "import.date_impossible"},
		{3, "Monto", "import.amount_invalid"},
		{4, "RUT", "taxid.bad_check_digit"},
		{5, "Vencimiento", "import.due_before_issue"},
		{6, "Moneda", "import.currency_unknown"},
		{8, "Monto", "import.amount_zero"},
		{10, "Folio", "import.duplicate_number_rows"},
	}
	var got []Problem
	for _, p := range rep.Problems {
		if p.Class != ClassMissingClient {
			got = append(got, p)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("problems %+v", got)
	}
	for i, w := range want {
		if got[i].Line != w.line || got[i].Column != w.column || got[i].Key != w.key {
			t.Errorf("problem %d = %+v; want %+v", i, got[i], w)
		}
	}
	if rep.Committed || rep.ImportID != 0 {
		t.Fatal("rows with errors must stop the import")
	}
	if n := written(t, db); n != 0 {
		t.Fatalf("%d rows written by a blocked import", n)
	}
	// Skipping the rows with errors imports the rest: number 1 of row 7 is
	// not a duplicate, since row 2 is left out; row 10 repeats number 7.
	rep = run(t, db, path, Invoices, Choices{CreateClients: true, SkipInvalid: true}, false)
	if !rep.Committed || rep.Counts.Created != 2 || rep.Counts.Skipped != 7 {
		t.Fatalf("skip invalid: %+v %+v", rep.Counts, rep.Problems)
	}
	dup := false
	for _, p := range rep.Problems {
		dup = dup || (p.Line == 10 && p.Key == "import.duplicate_number_rows" && p.Value == "7" && p.Params["first"] == "9")
	}
	if !dup {
		t.Errorf("the duplicate number on row 10 was not reported: %+v", rep.Problems)
	}
	checkPortfolio(t, db)
}

func TestRun_EncodingsAndWorkbookReadTheSameRecords(t *testing.T) {
	base := strings.Replace(invoicesCSV, "\r\nTotal;;;;;;1.935.000;\r\n", "", 1)
	utf16, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().String(strings.ReplaceAll(base, ";", "\t"))
	cp1252, _ := charmap.Windows1252.NewEncoder().String(base)
	files := map[string]string{
		"utf8.csv":    base,
		"bom.csv":     "\ufeff" + strings.ReplaceAll(base, ";", ","),
		"unicode.txt": utf16,
		"ansi.csv":    cp1252,
	}
	var want string
	for name, text := range files {
		db := newPortfolio(t)
		rep := run(t, db, write(t, name, text), Invoices, Choices{CreateClients: true}, false)
		if !rep.Committed || rep.Counts.Created != 4 {
			t.Fatalf("%s: %+v %+v", name, rep.Counts, rep.Problems)
		}
		got := docsAndClients(t, db)
		if want == "" {
			want = got
		} else if got != want {
			t.Errorf("%s reads differently:\n%s\nwant\n%s", name, got, want)
		}
		if !strings.Contains(got, "Ferretería Sur Ltda.") {
			t.Errorf("%s: accents lost: %s", name, got)
		}
	}
	// The same data as a workbook: typed date and number cells, title rows, a second sheet.
	path := filepath.Join(t.TempDir(), "cxc.xlsx")
	f := excelize.NewFile()
	f.NewSheet("Documentos")
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetSheetRow("Documentos", "A1", &[]any{"Listado de documentos por cobrar"})
	f.SetSheetRow("Documentos", "A4", &[]any{"RUT", "Razón Social", "Tipo Doc", "Nº Documento", "Fecha Emisión", "Vencimiento", "Monto", "Saldo"})
	rows := [][]any{
		{"76.086.428-5", "Ferretería Sur Ltda.", "Factura", 1001, d("2026-10-15"), d("2026-11-14"), 1190000, 1190000},
		{"76.086.428-5", "Ferretería Sur Ltda.", "Factura", 1002, d("2026-10-20"), d("2026-11-19"), 595000, 95000},
		{"12.345.678-5", "Panadería El Sol", "NC", "55", d("2026-10-21"), nil, -100000, -100000},
		{"12.345.678-5", "Panadería El Sol", "Factura", "1003", d("2026-11-01"), nil, "250.000", "250000"},
	}
	for i, r := range rows {
		f.SetSheetRow("Documentos", fmt.Sprintf("A%d", 5+i), &r)
		f.SetCellStyle("Documentos", fmt.Sprintf("E%d", 5+i), fmt.Sprintf("F%d", 5+i), dateStyle)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	db := newPortfolio(t)
	rep := run(t, db, path, Invoices, Choices{CreateClients: true}, false)
	if !rep.Committed || rep.Counts.Created != 4 || rep.Settings.Sheet != "Documentos" || rep.Settings.HeaderRow != 4 {
		t.Fatalf("xlsx: %+v %+v %+v", rep.Counts, rep.Settings, rep.Problems)
	}
	if got := docsAndClients(t, db); got != want {
		t.Errorf("xlsx reads differently:\n%s\nwant\n%s", got, want)
	}
	// The same workbook saved by LibreOffice as Excel 97-2003 (.xls); see
	// backend/tabular/testdata/xls/README.md.
	db = newPortfolio(t)
	rep = run(t, db, filepath.Join("..", "tabular", "testdata", "xls", "documentos.xls"), Invoices, Choices{CreateClients: true}, false)
	if !rep.Committed || rep.Counts.Created != 4 || rep.Settings.Sheet != "Documentos" || rep.Settings.HeaderRow != 4 {
		t.Fatalf("xls: %+v %+v %+v", rep.Counts, rep.Settings, rep.Problems)
	}
	if got := docsAndClients(t, db); got != want {
		t.Errorf("xls reads differently:\n%s\nwant\n%s", got, want)
	}
}

func d(s string) time.Time { return date.MustParse(s).In(time.UTC) }

func docsAndClients(t *testing.T, db *sqlite.DB) string {
	var b strings.Builder
	rows, err := db.SQL().Query(`SELECT c.legal_name, c.tax_id, d.kind, d.number, d.issue_date, d.due_date, d.amount_minor, d.open_minor
		FROM documents d JOIN clients c ON c.id = d.client_id ORDER BY d.number`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var v [8]string
		rows.Scan(&v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7])
		b.WriteString(strings.Join(v[:], "|") + "\n")
	}
	return b.String()
}

func TestRun_ClientsThenPayments(t *testing.T) {
	db := newPortfolio(t)
	clients := write(t, "clientes.csv", "Razón Social,RUT,Plazo de pago,Cupo,Correo,Teléfono,Segmento\n"+
		"Ferretería Sur Ltda.,76.086.428-5,45,\"5.000.000\",pagos@sur.cl,+56 9 1234 5678,Mayorista\n"+
		"Panadería El Sol,12.345.678-5,Contado,,,,\n"+
		"Sin Correo SpA,11.111.111-1,30,,no-es-correo,,\n"+
		"Otra Ferretería,76.086.428-5,30,,,,\n")
	rep := run(t, db, clients, Clients, Choices{}, false)
	if rep.Committed || len(rep.Problems) != 2 {
		t.Fatalf("a bad e-mail and a repeated tax ID must stop the import: %+v", rep.Problems)
	}
	rep = run(t, db, clients, Clients, Choices{SkipInvalid: true}, false)
	if !rep.Committed || rep.Counts.Created != 2 {
		t.Fatalf("clients: %+v %+v", rep.Counts, rep.Problems)
	}
	var terms int
	var limit int64
	var email string
	db.SQL().QueryRow(`SELECT payment_terms_days, credit_limit_minor, (SELECT email FROM contacts WHERE client_id = clients.id) FROM clients WHERE tax_id = '760864285'`).Scan(&terms, &limit, &email)
	if terms != 45 || limit != 5000000 || email != "pagos@sur.cl" {
		t.Errorf("client read as terms %d, limit %d, email %q", terms, limit, email)
	}
	// A changed segment on re-import is a conflict, applied only when accepted.
	changed := write(t, "clientes2.csv", "Razón Social,RUT,Segmento\nFerretería Sur Ltda.,76.086.428-5,Minorista\n")
	if rep = run(t, db, changed, Clients, Choices{}, false); rep.Committed || rep.ByClass[ClassConflict] != 1 {
		t.Fatalf("client conflict: %+v", rep)
	}
	if rep = run(t, db, changed, Clients, Choices{AcceptChanges: true}, false); !rep.Committed || rep.Counts.Updated != 1 {
		t.Fatalf("client change accepted: %+v", rep.Counts)
	}
	invoices := write(t, "fact.csv", "RUT;Folio;Fecha;Monto\n76.086.428-5;1;01/10/2026;100.000\n76.086.428-5;2;01/11/2026;50.000\n12.345.678-5;3;01/11/2026;70.000\n")
	if rep = run(t, db, invoices, Invoices, Choices{}, false); !rep.Committed || rep.Counts.Created != 3 {
		t.Fatalf("invoices: %+v %+v", rep.Counts, rep.Problems)
	}
	before := state(t, db)
	payments := write(t, "pagos.csv", "RUT;Fecha Pago;Monto Pagado;N° Factura;Medio de Pago;Referencia\n"+
		"76.086.428-5;20/11/2026;120.000;;Transferencia;OP-1\n"+
		"12.345.678-5;21/11/2026;70.000;3;Cheque;CH-9\n"+
		"12.345.678-5;22/11/2026;5.000;99;Efectivo;\n")
	rep = run(t, db, payments, Payments, Choices{}, false)
	if !rep.Committed || rep.Counts.Created != 3 || rep.ByClass[ClassNotice] != 1 {
		t.Fatalf("payments: %+v %+v", rep.Counts, rep.Problems)
	}
	checkPortfolio(t, db)
	var open1, open2, open3 int64
	db.SQL().QueryRow(`SELECT (SELECT open_minor FROM documents WHERE number = '1'), (SELECT open_minor FROM documents WHERE number = '2'), (SELECT open_minor FROM documents WHERE number = '3')`).Scan(&open1, &open2, &open3)
	if open1 != 0 || open2 != 30000 || open3 != 0 {
		t.Errorf("open after payments: %d %d %d (oldest first, then the named invoice)", open1, open2, open3)
	}
	if rep = run(t, db, payments, Payments, Choices{}, false); rep.Committed || rep.Counts.Unchanged != 3 {
		t.Fatalf("payments re-import: %+v", rep.Counts)
	}
	if err := db.UndoImport(context.Background(), mustLastImport(t, db)); err != nil {
		t.Fatal(err)
	}
	if got := state(t, db); got != before {
		t.Fatalf("undoing the payments import:\n%s\nwant\n%s", got, before)
	}
}

func mustLastImport(t *testing.T, db *sqlite.DB) int64 {
	list, err := db.Imports(context.Background())
	if err != nil || len(list) == 0 {
		t.Fatal(list, err)
	}
	return list[0].ID
}

func TestRun_BadFilesGetClearMessagesAndWriteNothing(t *testing.T) {
	db := newPortfolio(t)
	xlsx := filepath.Join(t.TempDir(), "ok.xlsx")
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"RUT", "Folio", "Fecha", "Monto"})
	for i := 2; i < 300; i++ {
		f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i), &[]any{"76.086.428-5", i, "01/10/2026", strings.Repeat("9", 5)})
	}
	f.SaveAs(xlsx)
	whole, _ := os.ReadFile(xlsx)
	garbage := make([]byte, 10<<20)
	for i := range garbage {
		garbage[i] = byte(i*7919 + i>>3)
	}
	cases := map[string]struct {
		name string
		body []byte
		key  string
	}{
		"empty":       {"vacio.csv", nil, "import.file_empty"},
		"header only": {"solo.csv", []byte("RUT;Folio;Fecha;Monto\n"), ""},
		"truncated":   {"corto.xlsx", whole[:len(whole)/2], "import.damaged"},
		"broken xls":  {"viejo.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), "import.damaged"},
		"html":        {"web.xls", []byte("<html><table><tr><td>RUT</td></tr></table></html>"), "import.html_xls"},
		"wide":        {"ancho.csv", []byte(strings.Repeat("a;", 1200) + "\n" + strings.Repeat("1;", 1200) + "\n"), "import.file_too_wide"},
		"big cell":    {"celda.csv", []byte("RUT;Folio;Fecha;Monto\n76.086.428-5;" + strings.Repeat("x", 2<<20) + ";01/10/2026;1\n"), "import.cell_too_large"},
		"garbage":     {"basura.csv", garbage, ""},
	}
	for name, c := range cases {
		path := write(t, c.name, string(c.body))
		rep, err := Run(context.Background(), db, path, Options{Target: Invoices, Choices: Choices{CreateClients: true}}, today, nil)
		switch {
		case c.key != "":
			var e *ar.Error
			if !asError(err, &e) || len(e.Issues) == 0 || e.Issues[0].Key != c.key {
				t.Errorf("%s: error %v; want %s", name, err, c.key)
			}
		case err == nil && rep.Committed:
			t.Errorf("%s: something was imported: %+v", name, rep.Counts)
		}
	}
	if n := written(t, db); n != 0 {
		t.Fatalf("%d rows written by bad files", n)
	}
}

func TestPreview_ShowsFirstRowsFastWithoutWriting(t *testing.T) {
	db := newPortfolio(t)
	path := filepath.Join(t.TempDir(), "grande.csv")
	if err := demo.WriteExportFile(path, demo.FileOptions{Country: "CL", Clients: 50, Rows: 20000, Seed: 1, Today: today}); err != nil {
		t.Fatal(err)
	}
	pv, err := MakePreview(context.Background(), db, path, Options{Target: Invoices})
	if err != nil {
		t.Fatal(err)
	}
	if len(pv.Rows) != PreviewRows || pv.Info.Settings.HeaderRow != 4 || pv.MappingError != nil || pv.Format.Decimal != "," {
		t.Fatalf("preview: %d rows, %+v, mapping %v, format %+v", len(pv.Rows), pv.Info.Settings, pv.MappingError, pv.Format)
	}
	r := pv.Rows[0]
	if r.Record.Doc.Amount <= 0 || r.ClientID != 0 || len(r.Problems) != 1 || r.Problems[0].Class != ClassMissingClient {
		t.Errorf("first row %+v", r)
	}
	var n int
	db.SQL().QueryRow(`SELECT count(*) FROM imports`).Scan(&n)
	if n != 0 {
		t.Error("a preview wrote an import")
	}
}

// The generated ERP export imports whole: counts and the sum of balances agree with the file.
func TestRun_GeneratedExportBalancesAgree(t *testing.T) {
	for _, xlsx := range []bool{false, true} {
		db := newPortfolio(t)
		name := "cxc.csv"
		if xlsx {
			name = "cxc.xlsx"
		}
		path := filepath.Join(t.TempDir(), name)
		if err := demo.WriteExportFile(path, demo.FileOptions{Country: "CL", Clients: 40, Rows: 3000, Seed: 9, Today: today, XLSX: xlsx}); err != nil {
			t.Fatal(err)
		}
		rep := run(t, db, path, Invoices, Choices{CreateClients: true}, false)
		if !rep.Committed || rep.Counts.Created != 3000 || rep.Blocking != 0 {
			t.Fatalf("%s: %+v %+v", name, rep.Counts, rep.Problems[:min(5, len(rep.Problems))])
		}
		checkPortfolio(t, db)
		// The totals row of the file is the sum of the balances (credit notes negative).
		var net int64
		db.SQL().QueryRow(`SELECT SUM(CASE kind WHEN 'credit_note' THEN -open_minor ELSE open_minor END) FROM documents`).Scan(&net)
		var totals string
		for _, p := range rep.Problems {
			if p.Key == "import.totals_row" {
				totals = "found"
			}
		}
		if totals == "" || net <= 0 {
			t.Errorf("%s: totals row %q, net balance %d", name, totals, net)
		}
	}
}

func TestBlockingRows_FollowChoices(t *testing.T) {
	rows := map[string]int{"error": 2, "missing_client": 5, "missing_client+tax_id": 1, "conflict": 3}
	for _, c := range []struct {
		ch   Choices
		want int
	}{
		{Choices{}, 11},
		{Choices{CreateClients: true}, 6},
		{Choices{CreateClients: true, AcceptTaxIDs: true}, 5},
		{Choices{CreateClients: true, AcceptTaxIDs: true, AcceptChanges: true}, 2},
		{Choices{SkipInvalid: true}, 0},
	} {
		if got := BlockingRows(rows, c.ch); got != c.want {
			t.Errorf("%+v: %d blocking rows, want %d", c.ch, got, c.want)
		}
	}
}

func TestRun_CurrencyNotInPortfolio(t *testing.T) {
	db := newPortfolio(t)
	path := write(t, "usd.csv", "RUT;Folio;Fecha;Monto;Moneda\n76.086.428-5;1;15/10/2026;100,50;US$\n76.086.428-5;2;15/10/2026;100;CLP\n")
	rep := run(t, db, path, Invoices, Choices{CreateClients: true}, false)
	if rep.Committed || len(rep.Problems) < 1 || rep.Problems[0].Key != "import.currency_not_in_portfolio" || rep.Problems[0].Params["currency"] != "USD" || rep.Problems[0].Line != 2 {
		t.Fatalf("a dollar invoice in a peso portfolio: %+v", rep.Problems)
	}
	// Once the portfolio has a document in dollars, dollars are its currency too.
	client, err := db.CreateClient(context.Background(), ar.ClientInput{LegalName: "Exportadora", TaxID: "76.086.428-5", Country: "CL"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateDocument(context.Background(), ar.DocumentInput{ClientID: client.ID, Number: "X1", IssueDate: today, Currency: "USD", Amount: 1000}); err != nil {
		t.Fatal(err)
	}
	rep = run(t, db, path, Invoices, Choices{}, false)
	if !rep.Committed || rep.Counts.Created != 2 {
		t.Fatalf("after a USD document: %+v %+v", rep.Counts, rep.Problems)
	}
	var amount int64
	db.SQL().QueryRow(`SELECT amount_minor FROM documents WHERE number = '1'`).Scan(&amount)
	if amount != 10050 {
		t.Errorf("USD 100,50 stored as %d cents", amount)
	}
}
