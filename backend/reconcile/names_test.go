package reconcile

import (
	"slices"
	"testing"
)

// Legal forms, articles and digits are not part of what tells names apart.
func TestNameTokens_DropLegalForms(t *testing.T) {
	cases := []struct {
		name string
		want []string
	}{
		{"Comercial Sur SpA", []string{"comercial", "sur"}},
		{"Comercial del Sur Ltda.", []string{"comercial", "sur"}},
		{"Distribuidora Los Andes S.A. de C.V.", []string{"distribuidora", "andes"}},
		{"Ferretería Ñuñoa S. de R.L. de C.V.", []string{"ferreteria", "nunoa"}},
		{"Inversiones Pérez y Cía. E.I.R.L.", []string{"inversiones", "perez"}},
		{"Servicios Integrales S.A.S.", []string{"servicios", "integrales"}},
		{"Textil Andina S.A.C.", []string{"textil", "andina"}},
		{"Logística 2000 S.R.L.", []string{"logistica"}},
		{"Alejandro Palma Saldivia", []string{"alejandro", "palma", "saldivia"}},
	}
	for _, c := range cases {
		if got := nameTokens(c.name); !slices.Equal(got, c.want) {
			t.Errorf("nameTokens(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// A payer's name as banks write it (upper case, no accents, legal form cut,
// abbreviated, truncated at 20-25 characters, surnames first) is close to
// the client's; another business is not.
func TestSimilarity_BankNames(t *testing.T) {
	clients := []string{"Comercial Sur y Cía. Ltda.", "Alejandro Palma Saldivia", "Distribuidora Los Andes Ltda.",
		"Transportes Andes SpA", "Constructora Herrera Hermanos S.A.", "Inversiones Cordillera SpA",
		"Ferretería El Roble Ltda.", "Comercial Los Robles SpA", "Transportes Hermanos García SpA"}
	var toks [][2][]string
	for _, c := range clients {
		toks = append(toks, [2][]string{nameTokens(c)})
	}
	ix := newNameIndex(toks)
	cases := []struct {
		payer, client string
		min, max      float64
	}{
		{"COMERCIAL SUR Y CIA LT", "Comercial Sur y Cía. Ltda.", 0.99, 1},
		{"A.PALMA SALDIV", "Alejandro Palma Saldivia", 0.6, 1},
		{"PALMA SALDIVIA ALEJANDRO", "Alejandro Palma Saldivia", 0.99, 1},
		{"DIST. LOS ANDES", "Distribuidora Los Andes Ltda.", 0.7, 1},
		{"CONSTRUCTORA HERRERA HERM", "Constructora Herrera Hermanos S.A.", 0.9, 1},
		{"INVERSIONES CORDILLRA", "Inversiones Cordillera SpA", 0.7, 1}, // one letter lost
		{"TRANSPORTES GARCIA", "Transportes Hermanos García SpA", 0.4, 0.9},
		{"TRANSPORTES GARCIA", "Transportes Andes SpA", 0, 0.25},
		{"FERRETERIA EL ROBLE", "Ferretería El Roble Ltda.", 0.99, 1},
		{"FERRETERIA EL ROBLE", "Comercial Los Robles SpA", 0, 0.3},
		{"JUAN PEREZ", "Comercial Sur y Cía. Ltda.", 0, 0},
	}
	for _, c := range cases {
		var p payerName
		l := Line{Payer: c.payer}
		p = ix.payerFromLine(&l, text{}, nil)
		got := ix.similarity(p, nameTokens(c.client))
		if got < c.min || got > c.max {
			t.Errorf("similarity(%q, %q) = %.2f, want in [%.2f, %.2f]", c.payer, c.client, got, c.min, c.max)
		}
	}
}

// A payer's name is read out of a description once the bank's words, tax
// IDs and numbers are set aside; candidates come out of the index.
func TestPayerFromDescription(t *testing.T) {
	ix := newNameIndex([][2][]string{{nameTokens("Alejandro Palma Saldivia")}, {nameTokens("Comercial Sur SpA")}})
	l := Line{Description: "ABONO TERCEROS 16268796-4 A.PALMA SALDIV"}
	tx := lineText(&l)
	skip := make([]bool, len(tx.chunks))
	skip[2] = true // the tax ID
	p := ix.payerFromLine(&l, tx, skip)
	if p.text != "A PALMA SALDIV" || !slices.Equal(p.tokens, []string{"a", "palma", "saldiv"}) {
		t.Errorf("payer %q tokens %q", p.text, p.tokens)
	}
	sc := &nameScratch{}
	if got := ix.nameCandidates(p, 3, sc); len(got) == 0 || got[0] != 0 {
		t.Errorf("candidates %v, want client 0 first", got)
	}
}

// Legal forms agree when one begins the other (banks cut them), disagree
// otherwise, and say nothing when either is not written.
func TestLegalForms(t *testing.T) {
	cases := []struct {
		payer, client string
		want          int
	}{
		{"SEGURIDAD ESPINOZA CASTRO S. D", "Seguridad Espinoza Castro S. de R.L. de C.V.", 1},
		{"SEGURIDAD ESPINOZA CASTRO S. D", "Seguridad Espinoza Castro S.C.", -1},
		{"COMERCIAL SUR Y CIA LT", "Comercial Sur y Cía. Ltda.", 1},
		{"COMERCIAL SUR LIMITADA", "Comercial Sur Ltda.", 1},
		{"COMERCIAL SUR SPA", "Comercial Sur Ltda.", -1},
		{"COMERCIAL SUR", "Comercial Sur Ltda.", 0},
		{"COMERCIAL SUR SA", "Comercial Sur S.A.C.", 1},
	}
	for _, c := range cases {
		pf := legalForm(scanText(c.payer).words)
		cf := legalForm(scanText(c.client).words)
		if got := formsAgree(pf, cf); got != c.want {
			t.Errorf("%q (%q) vs %q (%q): %d, want %d", c.payer, pf, c.client, cf, got, c.want)
		}
	}
}
