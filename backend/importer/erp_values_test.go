package importer

import (
	"path/filepath"
	"strings"
	"testing"

	"cartera/backend/ar"
)

func TestParseKindIn_CountryCodesAndLetters(t *testing.T) {
	cases := []struct {
		country, in string
		kind        ar.Kind
		letter      string
		ok          bool
	}{
		{"AR", "FA A", ar.KindInvoice, "A", true},
		{"AR", "FC B", ar.KindInvoice, "B", true},
		{"AR", "NC B", ar.KindCreditNote, "B", true},
		{"AR", "N/D M", ar.KindDebitNote, "M", true},
		{"AR", "6 - Factura B", ar.KindInvoice, "B", true},
		{"AR", "3 - Nota de Crédito A", ar.KindCreditNote, "A", true},
		{"AR", "8", ar.KindCreditNote, "", true}, // AFIP: nota de crédito B
		{"AR", "7", ar.KindDebitNote, "", true},  // AFIP: nota de débito B
		{"AR", "Factura de Crédito Electrónica MiPyMEs (FCE) A", ar.KindInvoice, "A", true},
		{"PE", "01", ar.KindInvoice, "", true},
		{"PE", "03", ar.KindInvoice, "", true}, // boleta
		{"PE", "07", ar.KindCreditNote, "", true},
		{"PE", "08", ar.KindDebitNote, "", true},
		{"PE", "07 - Nota de crédito", ar.KindCreditNote, "", true},
		{"CO", "91", ar.KindCreditNote, "", true},
		{"CO", "92", ar.KindDebitNote, "", true},
		{"CO", "Factura de venta", ar.KindInvoice, "", true},
		{"MX", "I", ar.KindInvoice, "", true},
		{"MX", "E", ar.KindCreditNote, "", true},
		{"MX", "Egreso", ar.KindCreditNote, "", true},
		{"CL", "61", ar.KindCreditNote, "", true},
		{"CL", "FACTURA ELECTRÓNICA", ar.KindInvoice, "", true},
		{"CL", "Credit Memo", ar.KindCreditNote, "", true},
		{"CL", "Orden de compra", ar.KindInvoice, "", false},
	}
	for _, c := range cases {
		k, l, ok := ParseKindIn(c.country, c.in)
		if k != c.kind || l != c.letter || ok != c.ok {
			t.Errorf("ParseKindIn(%s, %q) = %s %q %v, want %s %q %v", c.country, c.in, k, l, ok, c.kind, c.letter, c.ok)
		}
	}
	for _, c := range []struct{ country, in string }{{"MX", "P"}, {"MX", "T"}, {"CL", "Guía de despacho"}, {"CL", "Payment"}} {
		if !NotReceivable(c.country, c.in) {
			t.Errorf("%s %q is not a receivable", c.country, c.in)
		}
	}
	if NotReceivable("MX", "I") || NotReceivable("CL", "P") {
		t.Error("a receivable was taken for a payment")
	}
}

func TestDocumentNumber_KeepsSeriesAndPointOfSale(t *testing.T) {
	cases := []struct {
		country, letter, series, pos, number, want string
	}{
		{"AR", "A", "", "3", "12001", "A 0003-00012001"},
		{"AR", "B", "", "00005", "301", "B 00005-00000301"},
		{"AR", "A", "", "", "0003-00012010", "A 0003-00012010"},
		{"AR", "", "", "3", "12001", "0003-00012001"},
		{"AR", "A", "", "", "A0003-00012010", "A0003-00012010"},
		{"PE", "", "F001", "", "123", "F001-123"},
		{"PE", "", "F001", "", "F001-123", "F001-123"},
		{"CO", "", "FV", "", "1001", "FV1001"},
		{"MX", "", "A", "", "1001", "A-1001"},
		{"CL", "", "", "", "1001", "1001"},
	}
	for _, c := range cases {
		if got := DocumentNumber(c.country, c.letter, c.series, c.pos, c.number); got != c.want {
			t.Errorf("DocumentNumber(%+v) = %q, want %q", c, got, c.want)
		}
	}
}

func TestParseTerms_ReadsTermsWrittenAsText(t *testing.T) {
	cases := []struct {
		in   string
		want int
		ok   bool
	}{
		{"30", 30, true}, {"30 días", 30, true}, {"Crédito 30 días", 30, true}, {"CRÉDITO A 45 DÍAS", 45, true},
		{"Neto 30", 30, true}, {"Net 60", 60, true}, {"Contado", 0, true}, {"CONTADO", 0, true}, {"Al contado", 0, true},
		{"Due on receipt", 0, true}, {"Factura a 15 días", 15, true}, {"30 días fecha factura", 30, true}, {"15d", 15, true},
		{"Crédito", 0, false}, {"2 meses", 0, false}, {"", 0, false}, {"9999 días", 0, false},
	}
	for _, c := range cases {
		got, ok := ParseTerms(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseTerms(%q) = %d %v, want %d %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestIsCancelled(t *testing.T) {
	for _, s := range []string{"Cancelado", "CANCELADA", "Cancelado sin aceptación", "Anulada", "Void", "Voided", "0"} {
		if !IsCancelled(s) {
			t.Errorf("%q is cancelled", s)
		}
	}
	for _, s := range []string{"Vigente", "1", "Por cobrar", "Paid", "Overdue", "Awaiting Payment", ""} {
		if IsCancelled(s) {
			t.Errorf("%q is not cancelled", s)
		}
	}
}

func TestSameTaxID_NITWithAndWithoutDV(t *testing.T) {
	if got := strings.Join(SameTaxID("CO", "900123456"), ","); !strings.Contains(got, "9001234568") {
		t.Errorf("NIT without DV: %s", got)
	}
	if got := strings.Join(SameTaxID("CO", "9001234568"), ","); !strings.Contains(got, "900123456") {
		t.Errorf("NIT with DV: %s", got)
	}
	if SameTaxID("CL", "760864285") != nil {
		t.Error("only Colombia's NIT is written both ways")
	}
}

func TestAutoMap_ERPLayouts(t *testing.T) {
	cases := []struct {
		target Target
		header string
		want   string
	}{
		// Colombia's cartera report: Valor Factura, Abonos and Saldo.
		{Invoices, "Nit|Tercero|Tipo|Prefijo|Número|Fecha|Vence|Valor Factura|Abonos|Saldo",
			"taxId|clientName|kind|series|number|issueDate|dueDate|amount|paid|balance"},
		// An invoices file with "Total" and "Monto Pagado": the total is the amount.
		{Invoices, "Tipo Documento|N° Documento|Cliente|RUT Cliente|Total|Monto Pagado|Deuda",
			"kind|number|clientName|taxId|amount|paid|balance"},
		{Invoices, "Fecha Emision|T.D.|Serie|Número|RUC/DNI Cliente|Cliente|Importe Total|Doc. Referencia",
			"issueDate|kind|series|number|taxId|clientName|amount|appliesTo"},
		{Invoices, "Cód. Cliente|Razón Social|CUIT|Tipo Comp.|Pto. Vta.|Número|Fecha Emisión|Fecha Vto.|Importe|Saldo|Comprobante Afectado",
			"|clientName|taxId|kind|pointOfSale|number|issueDate|dueDate|amount|balance|appliesTo"},
		{Invoices, "Uuid|RfcEmisor|NombreEmisor|RfcReceptor|NombreReceptor|RfcPac|FechaEmision|FechaCertificacionSat|Monto|EfectoComprobante|Estatus|FechaCancelacion",
			"uuid|||taxId|clientName||issueDate||amount|kind|status|"},
		{Invoices, "Serie (ref)|Nº comprobante (ref)|Nro. Doc. Identidad|Apellidos y nombres, denominación o razón social",
			"appliesToSeries|appliesTo|taxId|clientName"},
		{Invoices, "Identificación|DV|Nombre del tercero|Consecutivo|Fecha de elaboración|Valor|Saldo",
			"taxId|checkDigit|clientName|number|issueDate|amount|balance"},
		{Invoices, "Contact|Invoice Number|Reference|Invoice Date|Due Date|Invoice Total|Paid|Due|Status",
			"clientName|number||issueDate|dueDate|amount|paid||status"},
		// Tango with the letter in a column of its own.
		{Invoices, "Cód. Cliente|Razón Social|CUIT|T. Comp.|Letra|Pto. Vta.|Nro. Comprobante|Fecha|Importe|Saldo",
			"|clientName|taxId|kind|letter|pointOfSale|number|issueDate|amount|balance"},
		{Clients, "Código|RUC/DNI|Razón Social|Dirección|Condición de Pago",
			"|taxId|legalName||paymentTermsDays"},
		{Clients, "Tipo Documento|Número de Documento|Nombre|Forma de pago", "|taxId|legalName|paymentTermsDays"},
		{Payments, "RUT|Cliente|Fecha Pago|Monto Pagado|N° Factura", "taxId|clientName|date|amount|number"},
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

// Rows that are not documents to collect (a cancelled CFDI, a payment
// CFDI, a voided invoice) are left out, each named in a notice, and the
// import goes on; a credit note linked by its reference records the link.
func TestRun_CancelledAndPaymentCFDIsAreLeftOutNamed(t *testing.T) {
	db := portfolioIn(t, "MX")
	rep := run(t, db, filepath.Join("testdata", "erp", "mx_sat_metadata.txt"), Invoices, Choices{CreateClients: true}, false)
	if !rep.Committed || rep.LeftOut != 2 || rep.Counts.Skipped != 2 || rep.Counts.Created != 2 {
		t.Fatalf("%+v left out %d", rep.Counts, rep.LeftOut)
	}
	var lines []int
	for _, p := range rep.Problems {
		if p.Key == "import.cancelled_left_out" || p.Key == "import.not_receivable_left_out" {
			lines = append(lines, p.Line)
		}
	}
	if len(lines) != 2 || lines[0] != 4 || lines[1] != 5 {
		t.Errorf("notices on rows %v, want 4 and 5: %+v", lines, rep.Problems)
	}

	db = portfolioIn(t, "MX")
	run(t, db, filepath.Join("testdata", "erp", "mx_contpaqi.csv"), Invoices, Choices{CreateClients: true}, false)
	var corrects string
	db.SQL().QueryRow(`SELECT d.number FROM documents n JOIN documents d ON d.id = n.applies_to_id WHERE n.number = 'NC-15'`).Scan(&corrects)
	if corrects != "A-1002" {
		t.Errorf("credit note NC-15 corrects %q, want A-1002 (its CFDI Relacionado)", corrects)
	}
}

// Terms written as text in a client master are read as days.
func TestRun_ClientTermsAsText(t *testing.T) {
	db := portfolioIn(t, "PE")
	rep := run(t, db, filepath.Join("testdata", "erp", "pe_clients.csv"), Clients, Choices{}, false)
	if !rep.Committed || rep.Counts.Created != 4 {
		t.Fatalf("%+v %+v", rep.Counts, rep.Problems)
	}
	var got []string
	rows, _ := db.SQL().Query(`SELECT tax_id || '=' || payment_terms_days FROM clients ORDER BY tax_id`)
	for rows.Next() {
		var s string
		rows.Scan(&s)
		got = append(got, s)
	}
	rows.Close()
	if want := "10456789124=15 20100123453=30 20601234565=60 45678912=0"; strings.Join(got, " ") != want {
		t.Errorf("terms %s, want %s", strings.Join(got, " "), want)
	}
}

// A credit note the file shows applied to documents that are not in it
// cannot be left as credit: its amount comes down to what the file
// explains (told, and in the history), or it is left out when nothing is;
// the client's balance is the file's either way.
func TestRun_CreditAppliedOutsideTheFile(t *testing.T) {
	db := newPortfolio(t)
	path := write(t, "cxc.csv", "RUT;Razón Social;Tipo Doc;Folio;Fecha Emisión;Monto;Saldo\r\n"+
		"76.086.428-5;Ferretería Sur;Factura;1;01/10/2026;100.000;70.000\r\n"+
		"76.086.428-5;Ferretería Sur;NC;2;02/10/2026;50.000;10.000\r\n"+ // 40.000 applied, 30.000 explained by invoice 1
		"12.345.678-5;Panadería El Sol;Factura;3;01/10/2026;80.000;80.000\r\n"+
		"12.345.678-5;Panadería El Sol;NC;4;02/10/2026;20.000;0\r\n") // applied to nothing in the file
	rep := run(t, db, path, Invoices, Choices{CreateClients: true}, false)
	if !rep.Committed {
		t.Fatalf("%+v %+v", rep.Counts, rep.Problems)
	}
	keys := map[string]int{}
	for _, p := range rep.Problems {
		keys[p.Key] = p.Line
	}
	if keys["import.credit_applied_elsewhere"] != 3 || keys["import.credit_applied_elsewhere_left_out"] != 5 {
		t.Errorf("notices: %+v", rep.Problems)
	}
	if got, want := openAmounts(t, db), "1=70000; 2=10000; 3=80000"; got != want {
		t.Errorf("open amounts %s, want %s", got, want)
	}
	if got, want := clientBalances(t, db), "123456785=80000; 760864285=60000"; got != want {
		t.Errorf("balances %s, want %s", got, want)
	}
	var audited int
	db.SQL().QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'import.credit_applied_elsewhere'`).Scan(&audited)
	if audited != 1 {
		t.Errorf("%d audit entries for the lowered credit note", audited)
	}
	checkPortfolio(t, db)
}

// A receipt's anonymous buyer ("0", "-", "00000000") is no tax ID: the row
// goes to a client named for it; a DV column is not added twice.
func TestParse_AnonymousBuyerAndDVColumn(t *testing.T) {
	p := NewParser(Invoices, []string{"CUIT", "DV", "Cliente", "Número", "Fecha", "Monto"},
		[]Field{FTaxID, FCheckDigit, FClientName, FNumber, FIssueDate, FAmount}, Format{}, "AR", "ARS")
	rec, probs := p.Parse(2, []string{"0", "", "", "1", "01/10/2026", "100"})
	if len(probs) > 0 || rec.Client.TaxID != "" || rec.Client.Name != "Consumidor final" {
		t.Errorf("anonymous buyer: %+v %+v", rec.Client, probs)
	}
	co := NewParser(Invoices, []string{"NIT", "DV", "Cliente", "Número", "Fecha", "Monto"},
		[]Field{FTaxID, FCheckDigit, FClientName, FNumber, FIssueDate, FAmount}, Format{}, "CO", "COP")
	for _, nit := range []string{"900123456", "900.123.456-8"} {
		rec, probs = co.Parse(2, []string{nit, "8", "Andinas", "1", "01/10/2026", "100"})
		if len(probs) > 0 || rec.Client.TaxID != "9001234568" || rec.Client.TaxIDStatus != ar.TaxIDOK {
			t.Errorf("NIT %q + DV: %+v %+v", nit, rec.Client, probs)
		}
	}
	cl := NewParser(Clients, []string{"RUT", "Razón Social", "Plazo"}, []Field{FTaxID, FLegalName, FTerms}, Format{}, "CL", "CLP")
	rec, probs = cl.Parse(2, []string{"76.086.428-5", "Ferretería Sur", "Crédito"})
	if len(probs) != 1 || probs[0].Class != ClassNotice || probs[0].Key != "import.terms_unread" || rec.NewClient.PaymentTermsDays != -1 {
		t.Errorf("unread terms: %+v %+v", rec.NewClient, probs)
	}
}

func TestParse_ArgentineLetterInItsOwnColumn(t *testing.T) {
	header := []string{"CUIT", "T. Comp.", "Letra", "Pto. Vta.", "Nro. Comprobante", "Fecha", "Importe"}
	p := NewParser(Invoices, header, AutoMap(Invoices, header), Format{}, "AR", "ARS")
	rec, probs := p.Parse(2, []string{"30-71234567-1", "N/C", "B", "2", "77", "01/10/2026", "100,00"})
	if len(probs) > 0 || rec.Doc.Number != "B 0002-00000077" || rec.Doc.Kind != ar.KindCreditNote {
		t.Errorf("%+v %+v", rec.Doc, probs)
	}
}

// A credit note applied in the other program since the last import is
// told on re-import (the file does not say to what; nothing is guessed).
func TestRun_ReimportTellsACreditAppliedSince(t *testing.T) {
	db := newPortfolio(t)
	head := "RUT;Razón Social;Tipo Doc;Folio;Fecha Emisión;Monto;Saldo\r\n"
	run(t, db, write(t, "a.csv", head+"76.086.428-5;Ferretería Sur;Factura;1;15/10/2026;100.000;100.000\r\n76.086.428-5;Ferretería Sur;NC;2;16/10/2026;30.000;30.000\r\n"), Invoices, Choices{CreateClients: true}, false)
	rep := run(t, db, write(t, "b.csv", head+"76.086.428-5;Ferretería Sur;Factura;1;15/10/2026;100.000;70.000\r\n76.086.428-5;Ferretería Sur;NC;2;16/10/2026;30.000;0\r\n"), Invoices, Choices{}, false)
	p, ok := notice(rep, "import.credit_applied_since")
	if !ok || p.Line != 3 || p.Params["applied"] != "30.000" {
		t.Errorf("%+v", rep.Problems)
	}
	checkPortfolio(t, db)
}
