package importer

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/money"
	"cartera/backend/sqlite"
)

// portfolioIn creates an empty portfolio of country.
func portfolioIn(t testing.TB, country string) *sqlite.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.cartera")
	db, err := sqlite.Create(context.Background(), path, ar.Portfolio{Name: "Prueba", Country: country, Currency: money.CurrencyFor(country), DefaultTermsDays: 30}, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// openAmounts lists every document as "number=open" in major units, sorted.
func openAmounts(t testing.TB, db *sqlite.DB) string {
	t.Helper()
	rows, err := db.SQL().Query(`SELECT number, currency, open_minor FROM documents WHERE voided_at IS NULL`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n, cur string
		var open int64
		rows.Scan(&n, &cur, &open)
		out = append(out, n+"="+major(open, cur))
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

// clientBalances lists every client as "tax ID (or name)=balance" in major
// units: what its invoices and debit notes owe less its open credit notes
// and unapplied payments.
func clientBalances(t testing.TB, db *sqlite.DB) string {
	t.Helper()
	rows, err := db.SQL().Query(`SELECT CASE WHEN c.tax_id <> '' THEN c.tax_id ELSE c.legal_name END, p.currency,
		COALESCE((SELECT SUM(CASE WHEN kind = 'credit_note' THEN -open_minor ELSE open_minor END) FROM documents d WHERE d.client_id = c.id AND d.voided_at IS NULL), 0)
		- COALESCE((SELECT SUM(unallocated_minor) FROM payments y WHERE y.client_id = c.id AND y.reversed_at IS NULL), 0)
		FROM clients c, portfolio p`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k, cur string
		var bal int64
		rows.Scan(&k, &cur, &bal)
		out = append(out, k+"="+major(bal, cur))
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

func major(v int64, cur string) string {
	exp, _ := money.Exponent(cur)
	div := int64(1)
	for i := 0; i < exp; i++ {
		div *= 10
	}
	if v%div != 0 {
		return fmt.Sprintf("%d.%0*d", v/div, exp, abs(v%div))
	}
	return fmt.Sprint(v / div)
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// Real layouts of the programs small businesses use in each country import
// as they come (with at most the choice of creating the clients), and every
// document's open amount and every client's balance are the file's:
// credit notes the program applied are applied here, to the document they
// name or against what the file shows paid, never left as credit to apply
// again; series, prefixes and points of sale stay in the numbers.
func TestRun_ERPLayoutsImportWithTheFilesBalances(t *testing.T) {
	cases := []struct {
		file     string
		country  string
		clients  string // a clients file imported first ("" creates the clients from the invoices)
		docs     string
		balances string
	}{
		{"cl_defontana.csv", "CL", "",
			"1001=1190000; 1002=95000; 1003=230000; 55=0; 56=30000",
			"123456785=200000; 760864285=1285000"},
		{"cl_bsale.csv", "CL", "",
			"2001=0; 2002=400000; 2003=45000; 310=0",
			"123456785=45000; 965554440=400000"},
		{"cl_softland.csv", "CL", "",
			"5001=2380000; 5002=590000; 801=0",
			"771234569=2970000"},
		{"cl_nubox.csv", "CL", "",
			"150=0; 7001=833000; 7002=20000; 90=15000",
			"123456785=15000; 760864285=853000"},
		{"cl_sii_rcv.csv", "CL", "",
			"400=0; 8001=1071000; 8002=238000",
			"123456785=238000; 760864285=1071000"},
		{"co_siigo.csv", "CO", "",
			"FV1001=11900000; FV1002=1380000; FV1003=595000; NC15=0",
			"8300456788=595000; 9001234568=13280000"},
		{"co_alegra.csv", "CO", "co_clients_worldoffice.csv",
			"FE-501=1000000; FE-503=0",
			"1020304050=0; 8005551113=0; 9001234568=1000000"},
		{"co_worldoffice.csv", "CO", "co_clients_worldoffice.csv",
			"FE2101=3760000; FE2102=1190000; NC33=0",
			"1020304050=0; 8005551113=4950000; 9001234568=0"},
		{"co_helisa.csv", "CO", "",
			"FV-3001=600000; NC-77=0",
			"1020304050=600000"},
		{"pe_sunat_141.csv", "PE", "pe_clients.csv",
			"B001-45=590; F001-123=10620; F001-7=0",
			"10456789124=0; 20100123453=10620; 20601234565=0; 45678912=590"},
		{"pe_contasis.csv", "PE", "",
			"F002-1501=2900; F002-1502=2360; F002-31=0",
			"20601234565=5260"},
		{"pe_siscont.csv", "PE", "",
			"F001-12=236; F001-2001=3540",
			"20100123453=3776"},
		{"mx_contpaqi.csv", "MX", "",
			"A-1001=11600; A-1002=3800; NC-15=0",
			"ABC010203AB9=15400"},
		{"mx_aspel.csv", "MX", "",
			"F 501=13200; NC 20=0",
			"GOMJ800101AB4=13200"},
		{"mx_sat_metadata.txt", "MX", "",
			"AAAAAAAA-0000-4000-8000-000000000001=11600; AAAAAAAA-0000-4000-8000-000000000002=1160",
			"ABC010203AB9=10440"},
		{"ar_tango.csv", "AR", "",
			"A 0003-00012001=1210000; A 0004-00000150=0; A 0004-00012001=305000; B 0003-00008801=48400",
			"20123456786=48400; 30712345671=1515000"},
		{"ar_colppy.csv", "AR", "",
			"A 0003-00000160=21000; A 0003-00012010=121000",
			"30712345671=100000"},
		{"ar_xubio.csv", "AR", "",
			"B 0005-00000012=0; B 0005-00000301=6300",
			"20123456786=6300"},
		{"ar_afip_mis_comprobantes.csv", "AR", "",
			"A 0003-00000170=12100; A 0003-00012020=121000; B 0003-00008810=12100",
			"23456789=12100; 30712345671=108900"},
		{"quickbooks_open_invoices.csv", "MX", "",
			"1050=5800; 1051=1320; 1052=0",
			"Abarrotes del Centro SA de CV=7120"},
		{"xero_invoices.csv", "MX", "",
			"INV-0041=2000",
			"Transportes Xalapa SA de CV=2000"},
		{"zoho_invoices.csv", "PE", "",
			"INV-000101=1180; INV-000103=0",
			"Agroexport del Sur S.A.C.=1180"},
	}
	for _, c := range cases {
		t.Run(strings.TrimSuffix(c.file, filepath.Ext(c.file)), func(t *testing.T) {
			db := portfolioIn(t, c.country)
			if c.clients != "" {
				rep := run(t, db, filepath.Join("testdata", "erp", c.clients), Clients, Choices{}, false)
				if !rep.Committed || rep.Blocking > 0 {
					t.Fatalf("clients: %+v %+v", rep.Counts, rep.Problems)
				}
			}
			rep := run(t, db, filepath.Join("testdata", "erp", c.file), Invoices, Choices{CreateClients: c.clients == ""}, false)
			if !rep.Committed || rep.Blocking > 0 {
				t.Fatalf("not imported: %+v %v\n%+v", rep.Counts, rep.Columns, rep.Problems)
			}
			for _, p := range rep.Problems {
				if p.Class != ClassNotice && p.Class != ClassMissingClient {
					t.Errorf("problem: %+v", p)
				}
			}
			if got := openAmounts(t, db); got != c.docs {
				t.Errorf("open amounts:\n got %s\nwant %s\n%v %+v", got, c.docs, rep.Columns, rep.Problems)
			}
			if got := clientBalances(t, db); got != c.balances {
				t.Errorf("balances:\n got %s\nwant %s", got, c.balances)
			}
			checkPortfolio(t, db)
			// The same file again changes nothing and finds nothing to say about balances.
			again := run(t, db, filepath.Join("testdata", "erp", c.file), Invoices, Choices{}, false)
			if again.Committed || again.Blocking > 0 || again.Counts.Unchanged != rep.Counts.Created {
				t.Errorf("again: %+v\n%+v", again.Counts, again.Problems)
			}
			for _, p := range again.Problems {
				if p.Key == "import.balance_higher" || p.Class != ClassNotice {
					t.Errorf("again: %+v", p)
				}
			}
			if got := openAmounts(t, db); got != c.docs {
				t.Errorf("open amounts after the same file again:\n got %s\nwant %s", got, c.docs)
			}
			// Undoing the import removes its documents, payments and links.
			if err := db.UndoImport(context.Background(), rep.ImportID); err != nil {
				t.Fatalf("undo: %v", err)
			}
			var left int
			db.SQL().QueryRow(`SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM payments) + (SELECT count(*) FROM allocations)`).Scan(&left)
			if left != 0 {
				t.Errorf("%d documents, payments and allocations left after undo", left)
			}
			checkPortfolio(t, db)
		})
	}
}

// The same layouts saved as workbooks, with numbers and dates in number
// and date cells, import the same: Argentina's points of sale and numbers
// as numbers are padded, Colombia's NIT and DV as numbers make one ID.
func TestRun_ERPLayoutsAsWorkbooks(t *testing.T) {
	day := func(s string) time.Time { return date.MustParse(s).In(time.UTC) }
	cases := []struct {
		name, country string
		rows          [][]any
		docs          string
	}{
		{"tango.xlsx", "AR", [][]any{
			{"Cód. Cliente", "Razón Social", "CUIT", "Tipo Comp.", "Pto. Vta.", "Número", "Fecha Emisión", "Fecha Vto.", "Importe", "Saldo", "Comprobante Afectado"},
			{"C0001", "Metalúrgica del Plata S.A.", "30-71234567-1", "FA A", 3, 12001, day("2026-10-01"), day("2026-10-31"), 1210000.0, 1210000.0, nil},
			{"C0001", "Metalúrgica del Plata S.A.", "30-71234567-1", "FA A", 4, 12001, day("2026-10-02"), day("2026-11-01"), 605000.5, 305000.5, nil},
			{"C0001", "Metalúrgica del Plata S.A.", "30-71234567-1", "NC A", 4, 150, day("2026-10-05"), day("2026-10-05"), 300000.0, 0.0, "A 0004-00012001"},
		}, "A 0003-00012001=1210000; A 0004-00000150=0; A 0004-00012001=305000.50"},
		{"siigo.xlsx", "CO", [][]any{
			{"Identificación", "DV", "Nombre del tercero", "Tipo de documento", "Prefijo", "Consecutivo", "Fecha de elaboración", "Valor", "Saldo", "Documento referencia"},
			{900123456, 8, "Industrias Andinas S.A.S.", "Factura de venta", "FV", 1002, day("2026-10-10"), 2380000, 1380000, nil},
			{900123456, 8, "Industrias Andinas S.A.S.", "Nota crédito", "NC", 15, day("2026-10-12"), 1000000, 0, "FV1002"},
		}, "FV1002=1380000; NC15=0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), c.name)
			f := excelize.NewFile()
			for i, r := range c.rows {
				row := r
				f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &row)
			}
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			db := portfolioIn(t, c.country)
			rep := run(t, db, path, Invoices, Choices{CreateClients: true}, false)
			if !rep.Committed || rep.Blocking > 0 {
				t.Fatalf("%+v %+v", rep.Counts, rep.Problems)
			}
			if got := openAmounts(t, db); got != c.docs {
				t.Errorf("open amounts:\n got %s\nwant %s", got, c.docs)
			}
			checkPortfolio(t, db)
		})
	}
}
