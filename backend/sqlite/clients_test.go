package sqlite_test

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/sqlite"
	"cartera/backend/taxid"
)

func names(p sqlite.ClientPage) []string {
	out := []string{}
	for _, r := range p.Rows {
		out = append(out, r.LegalName)
	}
	return out
}

func creditNoteIssued(t *testing.T, db *sqlite.DB, clientID int64, number, issue string, amount int64) ar.Document {
	t.Helper()
	d, err := db.CreateDocument(ctx, ar.DocumentInput{ClientID: clientID, Kind: ar.KindCreditNote, Number: number, IssueDate: date.MustParse(issue), Currency: "CLP", Amount: amount})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func payment(t *testing.T, db *sqlite.DB, clientID int64, amount int64, lines ...ar.Line) ar.Payment {
	t.Helper()
	p, err := db.CreatePayment(ctx, ar.PaymentInput{ClientID: clientID, Date: today, Currency: "CLP", Amount: amount, Method: "transfer", Allocations: lines})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The main collections filter: only clients with something overdue, with
// every sort, search, segment and archived choice, and a total that agrees.
func TestClients_OverdueFilterWorksWithEverySortSearchSegmentAndArchivedChoice(t *testing.T) {
	db := newPortfolio(t)
	mk := func(name, rut, segment string) ar.Client {
		c, err := db.CreateClient(ctx, ar.ClientInput{LegalName: name, TaxID: rut, Country: "CL", PaymentTermsDays: 30, Segment: segment})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	late := mk("Óptica Atrasada", "77.555.444-4", "Retail")
	lateToo := mk("Ñandú Moroso", "12.345.678-5", "Mayorista")
	onTime := mk("Al Día Ltda", "9.876.543-3", "Retail")
	gone := mk("Archivada Morosa", "5.126.663-3", "Retail")
	mk("Sin Nada", "", "Retail")
	invoice(t, db, late.ID, "1", "2026-08-01", 100_000)
	invoice(t, db, lateToo.ID, "2", "2026-09-01", 300_000)
	invoice(t, db, onTime.ID, "3", "2026-11-20", 500_000)
	invoice(t, db, gone.ID, "4", "2026-07-01", 50_000)
	if _, err := db.ArchiveClient(ctx, gone.ID, true); err != nil {
		t.Fatal(err)
	}

	for _, sortKey := range []string{"", "name", "taxId", "segment", "balance", "overdue"} {
		for _, desc := range []bool{false, true} {
			cases := []struct {
				f    sqlite.ClientFilter
				want []string
			}{
				{sqlite.ClientFilter{}, []string{"Óptica Atrasada", "Ñandú Moroso"}},
				{sqlite.ClientFilter{Search: "optica"}, []string{"Óptica Atrasada"}},
				{sqlite.ClientFilter{Search: "12.345.678-5"}, []string{"Ñandú Moroso"}},
				{sqlite.ClientFilter{Segment: "Retail"}, []string{"Óptica Atrasada"}},
				{sqlite.ClientFilter{Archived: "archived"}, []string{"Archivada Morosa"}},
				{sqlite.ClientFilter{Archived: "all"}, []string{"Óptica Atrasada", "Ñandú Moroso", "Archivada Morosa"}},
				{sqlite.ClientFilter{Archived: "all", Segment: "Retail", Search: "a"}, []string{"Óptica Atrasada", "Archivada Morosa"}},
			}
			for _, c := range cases {
				f := c.f
				f.Overdue, f.Sort, f.Desc, f.Limit, f.Today = true, sortKey, desc, 50, today
				page, err := db.FindClients(ctx, f)
				if err != nil {
					t.Fatalf("%+v: %v", f, err)
				}
				got := names(page)
				sort.Strings(got)
				want := append([]string(nil), c.want...)
				sort.Strings(want)
				if !reflect.DeepEqual(got, want) || page.Total != len(want) {
					t.Errorf("%+v: %q (total %d); want %q", f, names(page), page.Total, want)
				}
				for _, r := range page.Rows {
					if r.Overdue <= 0 {
						t.Errorf("%+v: %s listed with overdue %d", f, r.LegalName, r.Overdue)
					}
				}
			}
		}
	}
}

func TestClients_SearchFindsATaxIDHoweverItIsWritten(t *testing.T) {
	db := newPortfolio(t)
	client(t, db, "Distribuidora Austral", "77555444-4")
	client(t, db, "Comercial Doce", "12.345.678-5")
	// A RUT whose check digit is K.
	var kBody string
	for n := 10_000_000; kBody == ""; n++ {
		if dv, _ := taxid.CheckDigit("CL", fmt.Sprint(n)); dv == "K" {
			kBody = fmt.Sprint(n)
		}
	}
	client(t, db, "Kiosco Ka", kBody+"K")
	if _, err := db.CreateClient(ctx, ar.ClientInput{LegalName: "Antioquia SAS", TaxID: "890903938-8", Country: "CO"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateClient(ctx, ar.ClientInput{LegalName: "Grupo Obregón", TaxID: "GODE561231GR8", Country: "MX"}); err != nil {
		t.Fatal(err)
	}
	client(t, db, "Almacén A-1", "")
	client(t, db, "Muñoz y Peña", "")

	kDots := taxid.Format("CL", kBody+"K")
	tests := []struct {
		search string
		want   string
	}{
		{"77.555.444-4", "Distribuidora Austral"},
		{"77.555.444", "Distribuidora Austral"},
		{"77.555", "Distribuidora Austral"},
		{"775554444", "Distribuidora Austral"},
		{"77555444-4", "Distribuidora Austral"},
		{"077.555.444-4", "Distribuidora Austral"},
		{"12345678-5", "Comercial Doce"},
		{"12.345.678-5", "Comercial Doce"},
		{"12.345.678", "Comercial Doce"},
		{kDots, "Kiosco Ka"},
		{kBody + "-k", "Kiosco Ka"},
		{"890.903.938-8", "Antioquia SAS"},
		{"890903938-8", "Antioquia SAS"},
		{"890.903", "Antioquia SAS"},
		{"GODE-561231-GR8", "Grupo Obregón"},
		{"gode561231gr8", "Grupo Obregón"},
		{"GODE 561231 GR8", "Grupo Obregón"},
		{"A-1", "Almacén A-1"},
		{"almacen", "Almacén A-1"},
		{"MUNOZ pena", "Muñoz y Peña"},
		{"obregon", "Grupo Obregón"},
	}
	for _, tt := range tests {
		page, err := db.FindClients(ctx, sqlite.ClientFilter{Search: tt.search, Limit: 50, Today: today})
		if err != nil {
			t.Fatalf("search %q: %v", tt.search, err)
		}
		if got := names(page); !reflect.DeepEqual(got, []string{tt.want}) || page.Total != 1 {
			t.Errorf("search %q: %q (total %d); want %q", tt.search, got, page.Total, tt.want)
		}
	}
}

func TestClients_NamesSortInSpanishOrder(t *testing.T) {
	db := newPortfolio(t)
	want := []string{"árbol Verde SpA", "Banco Sur", "Nutria SpA", "Ñandú Ltda", "Óptica Central", "Panadería La Espiga", "Zapatería Paz"}
	for _, i := range []int{5, 3, 0, 6, 4, 1, 2} { // saved in another order
		client(t, db, want[i], "")
	}
	page, err := db.FindClients(ctx, sqlite.ClientFilter{Sort: "name", Limit: 50, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(page); !reflect.DeepEqual(got, want) {
		t.Errorf("by name %q\nwant     %q", got, want)
	}
	page, _ = db.FindClients(ctx, sqlite.ClientFilter{Sort: "name", Desc: true, Limit: 50, Today: today})
	rev := slices.Clone(want)
	slices.Reverse(rev)
	if got := names(page); !reflect.DeepEqual(got, rev) {
		t.Errorf("by name, descending %q\nwant                %q", got, rev)
	}
	// The default order is by name too, and pages follow it.
	first, _ := db.FindClients(ctx, sqlite.ClientFilter{Limit: 4, Today: today})
	rest, _ := db.FindClients(ctx, sqlite.ClientFilter{Offset: 4, Limit: 4, Today: today})
	if got := append(names(first), names(rest)...); !reflect.DeepEqual(got, want) {
		t.Errorf("default order in pages %q", got)
	}
	// A renamed client moves to its new place.
	c := page.Rows[0] // Zapatería
	if _, err := db.UpdateClient(ctx, c.ID, ar.ClientInput{LegalName: "Ápice Zapatos", Country: "CL"}); err != nil {
		t.Fatal(err)
	}
	page, _ = db.FindClients(ctx, sqlite.ClientFilter{Sort: "name", Limit: 1, Today: today})
	if got := names(page); !reflect.DeepEqual(got, []string{"Ápice Zapatos"}) {
		t.Errorf("after renaming, first %q; want Ápice Zapatos", got)
	}
}

func TestClients_TaxIDsSortByNumber(t *testing.T) {
	db := newPortfolio(t)
	client(t, db, "Doce", "12.345.678-5")
	client(t, db, "Cinco", "5.126.663-3")
	client(t, db, "Setenta", "77.555.444-4")
	client(t, db, "Nueve", "9.876.543-3")
	page, err := db.FindClients(ctx, sqlite.ClientFilter{Sort: "taxId", Limit: 50, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(page), []string{"Cinco", "Nueve", "Doce", "Setenta"}; !reflect.DeepEqual(got, want) {
		t.Errorf("by tax ID %q; want %q (by number, not as text)", got, want)
	}
	page, _ = db.FindClients(ctx, sqlite.ClientFilter{Sort: "taxId", Desc: true, Limit: 50, Today: today})
	if got, want := names(page), []string{"Setenta", "Doce", "Nueve", "Cinco"}; !reflect.DeepEqual(got, want) {
		t.Errorf("by tax ID, descending %q; want %q", got, want)
	}
}

// signedBalances makes three clients in credit or in debt, the way the
// issue found them: only a credit note, only an unallocated payment, and
// debts with credit notes and a partly allocated payment besides.
func signedBalances(t *testing.T, db *sqlite.DB) (creditNoteOnly, paymentOnly, both ar.Client) {
	creditNoteOnly = client(t, db, "Solo Nota", "77.555.444-4")
	creditNoteIssued(t, db, creditNoteOnly.ID, "NC-1", "2026-11-02", 145_000)

	paymentOnly = client(t, db, "Solo Pago", "12.345.678-5")
	payment(t, db, paymentOnly.ID, 50_000)

	both = client(t, db, "Ambos", "9.876.543-3")
	old := invoice(t, db, both.ID, "1001", "2026-08-01", 300_000) // overdue
	invoice(t, db, both.ID, "1002", "2026-11-10", 200_000)        // not yet due
	creditNoteIssued(t, db, both.ID, "NC-2", "2026-11-03", 50_000)
	payment(t, db, both.ID, 120_000, ar.Line{DocumentID: old.ID, Amount: 100_000}) // 20.000 unallocated
	if _, err := db.CreateDocument(ctx, ar.DocumentInput{ClientID: both.ID, Kind: ar.KindInvoice, Number: "USD-1", IssueDate: today, Currency: "USD", Amount: 10_000}); err != nil {
		t.Fatal(err)
	}
	return
}

// One client, one balance: the list, its sort and the client page agree,
// signed, for clients in credit as well as in debt.
func TestClients_SignedBalanceIsTheSameInTheListAndTheClientPage(t *testing.T) {
	db := newPortfolio(t)
	cn, pay, both := signedBalances(t, db)
	want := map[int64]int64{cn.ID: -145_000, pay.ID: -50_000, both.ID: 330_000}

	page, err := db.FindClients(ctx, sqlite.ClientFilter{Sort: "balance", Limit: 50, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(page); !reflect.DeepEqual(got, []string{"Solo Nota", "Solo Pago", "Ambos"}) {
		t.Errorf("by balance %q; want the signed order", got)
	}
	for _, r := range page.Rows {
		s, err := db.FindClientSummary(ctx, r.ID, today)
		if err != nil {
			t.Fatal(err)
		}
		if r.Balance != want[r.ID] || s.Balances[0].Balance != want[r.ID] {
			t.Errorf("%s: list %d, page %d; want %d", r.LegalName, r.Balance, s.Balances[0].Balance, want[r.ID])
		}
		if r.Receivable != s.Balances[0].Receivable || r.Overdue != s.Balances[0].Overdue || r.Credit != s.Balances[0].Credit {
			t.Errorf("%s: list %+v; page %+v", r.LegalName, r, s.Balances[0])
		}
	}
	s, _ := db.FindClientSummary(ctx, both.ID, today)
	if b := s.Balances[0]; b.Receivable != 400_000 || b.Overdue != 200_000 || b.Credit != 70_000 {
		t.Errorf("Ambos: %+v", b)
	}
	if len(s.Balances) != 2 || s.Balances[1].Currency != "USD" || s.Balances[1].Balance != 10_000 {
		t.Errorf("Ambos' other currencies %+v", s.Balances[1:])
	}
	// Reversing the payment takes its credit away everywhere.
	var payID int64
	db.SQL().QueryRow(`SELECT id FROM payments WHERE client_id = ?`, pay.ID).Scan(&payID)
	if _, err := db.ReversePayment(ctx, payID, "cheque protestado"); err != nil {
		t.Fatal(err)
	}
	page, _ = db.FindClients(ctx, sqlite.ClientFilter{Search: "solo pago", Limit: 50, Today: today})
	if len(page.Rows) != 1 || page.Rows[0].Balance != 0 {
		t.Errorf("after the reversal %+v; want a zero balance", page.Rows)
	}
	mustCheck(t, db)
}

// A portfolio written before the sort keys existed is given them when it is
// opened, and lists in Spanish and numeric order at once.
func TestMigration_FillsTheSortKeysOfExistingClients(t *testing.T) {
	db := newPortfolio(t)
	client(t, db, "Óptica Central", "77.555.444-4")
	client(t, db, "Panadería", "9.876.543-3")
	client(t, db, "Ñandú", "12.345.678-5")
	// Back to how version 2 left clients: no keys (and none of version 4's bank tables).
	if _, err := db.SQL().Exec(dropBankTables + `DROP INDEX clients_name_key; DROP INDEX clients_tax_id_key; DROP INDEX payments_client_unallocated;
		ALTER TABLE clients DROP COLUMN name_key; ALTER TABLE clients DROP COLUMN tax_id_key; PRAGMA user_version = 2`); err != nil {
		t.Fatal(err)
	}
	path := db.Path()
	db.Close()
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	page, _ := db.FindClients(ctx, sqlite.ClientFilter{Sort: "name", Limit: 50, Today: today})
	if got, want := names(page), []string{"Ñandú", "Óptica Central", "Panadería"}; !reflect.DeepEqual(got, want) {
		t.Errorf("by name after migrating %q; want %q", got, want)
	}
	page, _ = db.FindClients(ctx, sqlite.ClientFilter{Sort: "taxId", Limit: 50, Today: today})
	if got, want := names(page), []string{"Panadería", "Ñandú", "Óptica Central"}; !reflect.DeepEqual(got, want) {
		t.Errorf("by tax ID after migrating %q; want %q", got, want)
	}
}

// `cartera check` notices a sort key that does not follow its client, so a
// write path that forgets them is caught by every test that checks.
func TestCheck_FindsAStaleSortKey(t *testing.T) {
	db := newPortfolio(t)
	c := client(t, db, "Óptica Central", "77.555.444-4")
	mustCheck(t, db)
	db.SQL().Exec(`UPDATE clients SET legal_name = 'Zapatería' WHERE id = ?`, c.ID)
	vs, err := db.Check(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0].Rule != "client_sort_key" {
		t.Errorf("violations %+v; want one client_sort_key", vs)
	}
}

// The documents and payments lists find a client's records by its tax ID as
// it is displayed, as the client list does, and sort clients in Spanish order.
func TestDocumentsAndPayments_FindAClientByTaxIDAsWrittenAndSortInSpanish(t *testing.T) {
	db := newPortfolio(t)
	austral := client(t, db, "Distribuidora Austral", "77555444-4")
	optica := client(t, db, "Óptica Norte", "12.345.678-5")
	panaderia := client(t, db, "Panadería Sur", "")
	for i, c := range []ar.Client{austral, optica, panaderia} {
		if _, err := db.CreateDocument(ctx, ar.DocumentInput{ClientID: c.ID, Number: fmt.Sprint(100 + i), IssueDate: today, Currency: "CLP", Amount: 10_000}); err != nil {
			t.Fatal(err)
		}
		payment(t, db, c.ID, 1_000)
	}
	for _, search := range []string{"77.555.444-4", "77.555", "77555444", "austral"} {
		docs, err := db.FindDocuments(ctx, sqlite.DocumentFilter{Search: search, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		if docs.Total != 1 || docs.Rows[0].ClientName != "Distribuidora Austral" {
			t.Errorf("documents searched %q: %d rows %+v", search, docs.Total, docs.Rows)
		}
		pays, err := db.FindPayments(ctx, sqlite.PaymentFilter{Search: search})
		if err != nil {
			t.Fatal(err)
		}
		if pays.Total != 1 || pays.Rows[0].ClientName != "Distribuidora Austral" {
			t.Errorf("payments searched %q: %d rows", search, pays.Total)
		}
	}
	docs, err := db.FindDocuments(ctx, sqlite.DocumentFilter{Sort: "client", Today: today})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range docs.Rows {
		got = append(got, r.ClientName)
	}
	if want := "Distribuidora Austral,Óptica Norte,Panadería Sur"; strings.Join(got, ",") != want {
		t.Errorf("documents by client: %v, want %s", got, want)
	}
	pays, err := db.FindPayments(ctx, sqlite.PaymentFilter{Sort: "client"})
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, r := range pays.Rows {
		got = append(got, r.ClientName)
	}
	if want := "Distribuidora Austral,Óptica Norte,Panadería Sur"; strings.Join(got, ",") != want {
		t.Errorf("payments by client: %v, want %s", got, want)
	}
}

// dropBankTables takes a portfolio back to before migration 4.
const dropBankTables = `DROP INDEX allocations_bank_match; ALTER TABLE allocations DROP COLUMN bank_match_id;
	DROP TABLE bank_matches; DROP TABLE reconcile_runs; DROP TABLE bank_lines; DROP TABLE bank_rules;
	DROP TABLE bank_statements; DROP TABLE bank_imports; DROP TABLE bank_profiles; DROP TABLE bank_accounts; `
