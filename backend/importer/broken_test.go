package importer

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"cartera/backend/ar"
)

// notice finds the first problem with key, and whether there was one.
func notice(rep Report, key string) (Problem, bool) {
	for _, p := range rep.Problems {
		if p.Key == key {
			return p, true
		}
	}
	return Problem{}, false
}

// A UTF-8 BOM over a Windows-1252 body is read as 1252 (the header's
// accents right, the client's name right), with a notice.
func TestRun_BOMOverWindows1252(t *testing.T) {
	db := newPortfolio(t)
	body, _ := charmap.Windows1252.NewEncoder().String("RUT;Razón Social;Folio;Fecha Emisión;Monto\r\n76.086.428-5;Ferretería Sur;1;15/10/2026;100.000\r\n")
	rep := run(t, db, write(t, "bom.csv", "\xEF\xBB\xBF"+body), Invoices, Choices{CreateClients: true}, false)
	if !rep.Committed {
		t.Fatalf("%+v %+v", rep.Counts, rep.Problems)
	}
	if _, ok := notice(rep, "import.bom_over_1252"); !ok {
		t.Errorf("no notice: %+v", rep.Problems)
	}
	var name string
	db.SQL().QueryRow(`SELECT legal_name FROM clients`).Scan(&name)
	if name != "Ferretería Sur" {
		t.Errorf("client %q", name)
	}
}

// Random bytes named .xlsx are "not an Excel file", not a file without
// known column titles.
func TestRun_RandomBytesNamedXLSXAreNotAnExcelFile(t *testing.T) {
	db := newPortfolio(t)
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, 1<<20)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	for name, key := range map[string]string{"cartera.xlsx": "import.not_excel", "cartera.csv": "import.not_text"} {
		_, err := Run(context.Background(), db, write(t, name, string(b)), Options{Target: Invoices}, today, nil)
		var e *ar.Error
		if !asError(err, &e) || len(e.Issues) == 0 || e.Issues[0].Key != key {
			t.Errorf("%s: %v, want %s", name, err, key)
		}
	}
}

// A workbook whose first sheet is a summary and whose second holds the
// documents is read from the second, with a notice naming both.
func TestRun_DataOnASecondSheetIsFound(t *testing.T) {
	db := newPortfolio(t)
	path := filepath.Join(t.TempDir(), "cxc.xlsx")
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Resumen")
	f.SetSheetRow("Resumen", "A1", &[]any{"Resumen de cuentas por cobrar"})
	f.SetSheetRow("Resumen", "A3", &[]any{"Tramo", "Clientes", "Saldo"})
	f.SetSheetRow("Resumen", "A4", &[]any{"0-30 días", 2, 350000})
	f.NewSheet("Detalle")
	f.SetSheetRow("Detalle", "A1", &[]any{"RUT", "Razón Social", "Folio", "Fecha Emisión", "Monto", "Saldo"})
	f.SetSheetRow("Detalle", "A2", &[]any{"76.086.428-5", "Ferretería Sur", 1, "15/10/2026", 250000, 250000})
	f.SetSheetRow("Detalle", "A3", &[]any{"12.345.678-5", "Panadería El Sol", 2, "16/10/2026", 100000, 100000})
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	rep := run(t, db, path, Invoices, Choices{CreateClients: true}, false)
	if !rep.Committed || rep.Counts.Created != 2 || rep.Settings.Sheet != "Detalle" {
		t.Fatalf("%+v %+v %+v", rep.Counts, rep.Settings, rep.Problems)
	}
	if p, ok := notice(rep, "import.sheet_picked"); !ok || p.Params["sheet"] != "Detalle" || p.Params["first"] != "Resumen" {
		t.Errorf("notice %+v", rep.Problems)
	}
}

// A two-digit year that lands in the last century is told, naming its
// row and the century rule; a file whose days and months are all ≤ 12 is
// told which order was used, and the order chosen is used silently.
func TestRun_DatesTheFileDoesNotSettle(t *testing.T) {
	db := newPortfolio(t)
	path := write(t, "fechas.csv", "RUT;Razón Social;Folio;Fecha Emisión;Monto\r\n"+
		"76.086.428-5;Ferretería Sur;1;05/10/26;100.000\r\n"+
		"76.086.428-5;Ferretería Sur;2;06/10/96;100.000\r\n"+
		"76.086.428-5;Ferretería Sur;3;07/11/26;100.000\r\n")
	rep := run(t, db, path, Invoices, Choices{CreateClients: true}, true)
	if p, ok := notice(rep, "import.two_digit_year"); !ok || p.Line != 3 || p.Params["date"] != "1996-10-06" {
		t.Errorf("two-digit year: %+v", rep.Problems)
	}
	if p, ok := notice(rep, "import.date_order_ambiguous"); !ok || p.Params["order"] != "dmy" || p.Column != "Fecha Emisión" {
		t.Errorf("ambiguous order: %+v", rep.Problems)
	}
	rep, err := Run(context.Background(), db, path, Options{Target: Invoices, Choices: Choices{CreateClients: true}, Format: Format{DateOrder: MDY}}, today, nil)
	if err != nil || !rep.Committed {
		t.Fatalf("%v %+v", err, rep.Problems)
	}
	if _, ok := notice(rep, "import.date_order_ambiguous"); ok {
		t.Error("a chosen order is not a guess")
	}
	var issue string
	db.SQL().QueryRow(`SELECT issue_date FROM documents WHERE number = '1'`).Scan(&issue)
	if issue != "2026-05-10" {
		t.Errorf("month first: %s", issue)
	}
	// One date with a day above 12 settles it.
	path = write(t, "fechas2.csv", "RUT;Folio;Fecha;Monto\r\n76.086.428-5;1;05/10/2026;1\r\n76.086.428-5;2;25/10/2026;1\r\n")
	rep = run(t, newPortfolio(t), path, Invoices, Choices{CreateClients: true}, true)
	if _, ok := notice(rep, "import.date_order_ambiguous"); ok {
		t.Errorf("settled order: %+v", rep.Problems)
	}
}

// NUL bytes in a row are stripped, with a notice naming the row and column.
func TestRun_NULBytesAreStrippedAndTold(t *testing.T) {
	db := newPortfolio(t)
	path := write(t, "nul.csv", "RUT;Razón Social;Folio;Fecha Emisión;Monto\r\n"+
		"76.086.428-5;Ferre\x00tería Sur\x00\x00;1;15/10/2026;100.000\r\n"+
		"12.345.678-5;Panadería El Sol;2;15/10/2026;100.000\r\n")
	rep := run(t, db, path, Invoices, Choices{CreateClients: true}, false)
	p, ok := notice(rep, "import.nul_stripped")
	if !rep.Committed || !ok || p.Line != 2 || p.Column != "Razón Social" {
		t.Fatalf("%+v %+v", rep.Counts, rep.Problems)
	}
	var n int
	db.SQL().QueryRow(`SELECT count(*) FROM clients WHERE legal_name = 'Ferretería Sur'`).Scan(&n)
	if n != 1 {
		t.Error("the NUL bytes stayed in the name")
	}
}

// A client tax ID repeated in a clients file names the row it repeats and
// which one is kept.
func TestRun_RepeatedTaxIDNamesBothRows(t *testing.T) {
	db := newPortfolio(t)
	path := write(t, "clientes.csv", "RUT;Razón Social\r\n76.086.428-5;Ferretería Sur\r\n12.345.678-5;Panadería El Sol\r\n76.086.428-5;Ferretería del Sur Ltda.\r\n")
	rep := run(t, db, path, Clients, Choices{}, false)
	p, ok := notice(rep, "import.duplicate_tax_id")
	if !rep.Committed || !ok || p.Line != 4 || p.Params["first"] != "2" || p.Params["name"] != "Ferretería Sur" || rep.Counts.Created != 2 || rep.Counts.Skipped != 1 {
		t.Fatalf("%+v %+v", rep.Counts, rep.Problems)
	}
}
