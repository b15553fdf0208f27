package reconcile

import (
	"testing"

	"cartera/backend/taxid"
)

// withDV completes a tax ID body with its check character.
func withDV(t *testing.T, country, body string) string {
	t.Helper()
	dv, err := taxid.CheckDigit(country, body)
	if err != nil {
		t.Fatalf("CheckDigit(%s, %s): %v", country, body, err)
	}
	return body + dv
}

// A client's tax ID is found in a line in every form it is written, and
// only there.
func TestTaxIDs_WrittenForms(t *testing.T) {
	rut := withDV(t, "CL", "76123456")   // 76.123.456-?
	nit := withDV(t, "CO", "900123456")  // 900.123.456-?
	ruc := withDV(t, "PE", "2012345678") // 11 digits
	cuit := withDV(t, "AR", "3071234567")
	rfc := withDV(t, "MX", "ABC850101AB")
	cases := []struct {
		country, id, text string
		found, full       bool
	}{
		{"CL", rut, "ABONO TERCEROS " + taxid.Format("CL", rut) + " COMERCIAL SUR", true, true},
		{"CL", rut, "TEF " + rut + " COMERCIAL SUR", true, true},
		{"CL", rut, "TRANSF " + rut[:8] + "-" + rut[8:], true, true},
		{"CL", rut, "PAGO RECIBIDO PRV 0" + rut[:8] + "-" + rut[8:] + " BCO ESTAD", true, true},
		{"CL", rut, "RUT:" + taxid.Format("CL", rut), true, true},
		{"CL", rut, "ABONO 76123456", true, false},
		{"CL", rut, "ABONO 76123457", false, false},
		{"CO", nit, "PAGO PROVEEDORES NIT " + taxid.Format("CO", nit) + " COMERCIAL SUR SAS", true, true},
		{"CO", nit, "PAGO PROVEEDORES NIT 900123456 COMERCIAL SUR", true, false},
		{"CO", nit, "ABONO " + nit, true, true},
		{"PE", ruc, "TRANSF.INTERBANC. " + ruc + " COMERCIAL SUR SAC", true, true},
		{"AR", cuit, "TRANSF. RECIBIDA CUIT " + taxid.Format("AR", cuit), true, true},
		{"AR", cuit, "CREDITO TRANSFERENCIA " + cuit, true, true},
		{"MX", rfc, "SPEI RECIBIDO BBVA COMERCIAL SUR RFC " + rfc, true, true},
		{"MX", rfc, "SPEI RECIBIDO R.F.C. " + rfc[:3] + "-" + rfc[3:9] + "-" + rfc[9:], true, true},
		{"MX", "XAXX010101000", "SPEI RECIBIDO RFC XAXX010101000", false, false},
	}
	for _, c := range cases {
		b := NewBook(c.country, []Client{{ID: 7, TaxID: c.id, LegalName: "Comercial Sur", Country: c.country}}, nil, nil)
		tx := scanText(c.text)
		hits := b.findTaxIDs(tx, "", make([]bool, len(tx.chunks)))
		found := len(hits) == 1 && b.clients[hits[0].client].id == 7
		if found != c.found || (found && hits[0].full != c.full) {
			t.Errorf("%s %q: hits %+v, want found=%v full=%v", c.country, c.text, hits, c.found, c.full)
		}
	}
}

// The PayerID field is read like the text.
func TestTaxIDs_PayerID(t *testing.T) {
	rut := withDV(t, "CL", "16268796")
	b := NewBook("CL", []Client{{ID: 3, TaxID: rut, LegalName: "Alejandro Palma Saldivia"}}, nil, nil)
	tx := scanText("ABONO TERCEROS")
	hits := b.findTaxIDs(tx, taxid.Format("CL", rut), nil)
	if len(hits) != 1 || !hits[0].full || hits[0].chunk != -1 {
		t.Errorf("PayerID %s: hits %+v", taxid.Format("CL", rut), hits)
	}
}

// A chunk written as a tax ID is kept from being read as an invoice number,
// even when no client has that ID.
func TestWrittenAsTaxID(t *testing.T) {
	cases := []struct {
		country, s string
		want       bool
	}{
		{"CL", foldText(taxid.Format("CL", withDV(t, "CL", "16268796"))), true},
		{"CL", withDV(t, "CL", "16268796")[:8] + "-" + withDV(t, "CL", "16268796")[8:], true},
		{"CL", "16268796", false},
		{"CL", "0003-00012001", false},
		{"AR", withDV(t, "AR", "3071234567"), true},
		{"MX", "xaxx010101000", true},
		{"PE", "12345", false},
	}
	for _, c := range cases {
		if got := writtenAsTaxID(c.country, c.s); got != c.want {
			t.Errorf("writtenAsTaxID(%s, %q) = %v, want %v", c.country, c.s, got, c.want)
		}
	}
}
