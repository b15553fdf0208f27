package reconcile

import (
	"testing"
)

// The built-in rules keep each country's bank fees and account taxes out of
// the queue; other money out is an outgoing payment, returned cheques are
// reversals, and a client's transfer that mentions a commission is still a
// deposit.
func TestClassify_DefaultRules(t *testing.T) {
	rules := DefaultRules()
	cases := []struct {
		country, desc string
		amount        int64
		want          Category
	}{
		{"CO", "GMF 4X1000", -4000, CategoryTax},
		{"CO", "IMPTO GOBIERNO 4 X 1000", -4000, CategoryTax},
		{"CO", "GRAVAMEN MOVIMIENTOS FINANCIEROS", -4000, CategoryTax},
		{"CO", "CUOTA MANEJO", -1500000, CategoryFee},
		{"PE", "ITF", -50, CategoryTax},
		{"PE", "COMISION MANTENIMIENTO", -1500, CategoryFee},
		{"PE", "PORTES", -300, CategoryFee},
		{"AR", "IMPUESTO LEY 25413 DEBITO", -6000, CategoryTax},
		{"AR", "IMP. DEB. Y CRED. LEY 25.413", -6000, CategoryTax},
		{"AR", "PERCEPCION IVA RG 2408", -3000, CategoryTax},
		{"AR", "RETENCION IIBB SIRCREB", -3000, CategoryTax},
		{"AR", "IVA 21% S/COMISION", -2100, CategoryTax},
		{"AR", "COMISION MANTENIMIENTO CUENTA", -10000, CategoryFee},
		{"CL", "IVA COMISION", -285, CategoryTax},
		{"CL", "IMPUESTO TIMBRES Y ESTAMPILLAS", -1200, CategoryTax},
		{"CL", "COMISION MANTENCION CTA CTE", -1500, CategoryFee},
		{"CL", "COMISIONES TRANSFERENCIAS", -300, CategoryFee},
		{"MX", "COMISION SPEI", -600, CategoryFee},
		{"MX", "IVA COMISION SPEI", -96, CategoryTax},
		{"MX", "ISR RETENIDO INTERESES", -1000, CategoryTax},
		{"CL", "TRASPASO ENTRE CUENTAS PROPIAS", 500000, CategoryTransfer},
		{"CL", "TRASPASO ENTRE CUENTAS PROPIAS", -500000, CategoryTransfer},
		{"CL", "PAGO PROVEEDOR MADERAS DEL SUR", -900000, CategoryOutgoing},
		{"CL", "CHEQUE DEVUELTO 1234567", -300000, CategoryReversal},
		{"CL", "RECHAZO CHEQUE DEPOSITADO", -300000, CategoryReversal},
		{"CL", "REVERSO CARGO COMISION", 1500, CategoryReversal},
		{"CL", "SALDO INICIAL", 0, CategoryIgnored},
		{"CL", "ABONO TERCEROS PAGO COMISION VENTAS COMERCIAL SUR", 250000, CategoryDeposit},
		{"CL", "DEVOLUCION COMISION MANTENCION", 4500, CategoryFee},
		{"CL", "TRANSF DE COMERCIAL SUR", 250000, CategoryDeposit},
	}
	for _, c := range cases {
		got, _ := Classify(Line{Description: c.desc, Amount: c.amount}, rules)
		if got != c.want {
			t.Errorf("%s %q (%d): %s, want %s", c.country, c.desc, c.amount, got, c.want)
		}
	}
	if got, _ := Classify(Line{Description: "TRANSF DE COMERCIAL SUR", Amount: -100, Reversal: true}, rules); got != CategoryReversal {
		t.Errorf("a line flagged as a reversal: %s", got)
	}
}

// The rule that decides is the most specific one (most words, then an
// account number over words), and its ID is returned; a user rule on the
// business's own account makes a transfer of what the defaults call nothing.
func TestClassify_UserRules(t *testing.T) {
	rules := append(DefaultRules(),
		Rule{ID: 901, Kind: RuleTransfer, Pattern: "00-123-45678-09"},
		Rule{ID: 902, Kind: RuleIgnore, Pattern: "COMISION VENTAS", Direction: -1},
		Rule{ID: 903, Kind: RuleOutgoing, Pattern: "PAGO REMUNERACIONES"},
	)
	for i := range rules {
		if rules[i].ID == 0 {
			rules[i].ID = int64(i + 1)
		}
	}
	cases := []struct {
		desc   string
		amount int64
		want   Category
		rule   int64
	}{
		{"TRASPASO A CTA 0012345678 09", -1000000, CategoryTransfer, 901},
		{"TRASPASO DE 00-123-45678-09 MI EMPRESA", 1000000, CategoryTransfer, 901},
		{"PAGO COMISION VENTAS JUAN PEREZ", -50000, CategoryIgnored, 902},
		{"PAGO REMUNERACIONES MARZO", -3000000, CategoryOutgoing, 903},
	}
	for _, c := range cases {
		got, id := Classify(Line{Description: c.desc, Amount: c.amount}, rules)
		if got != c.want || id != c.rule {
			t.Errorf("%q: %s by rule %d, want %s by rule %d", c.desc, got, id, c.want, c.rule)
		}
	}
}

// The rule offered after a confirmed match is the payer's account or tax
// ID when the line has one, else the significant words of the payer's name;
// nothing when nothing stable is left.
func TestLearnRule(t *testing.T) {
	cases := []struct {
		line    Line
		pattern string
		ok      bool
	}{
		{Line{Description: "TRANSF DE COMERCIAL SUR", PayerID: "76.123.456-7"}, "761234567", true},
		{Line{Description: "ABONO TERCEROS 16268796-4 A.PALMA SALDIV"}, "162687964", true},
		{Line{Description: "PAGO RECIBIDO PRV 061801000-7 BCO ESTAD"}, "618010007", true},
		{Line{Description: "TRANSF. RECIBIDA CUIT 30-71234567-9 COMERCIAL SUR SRL"}, "30712345679", true},
		{Line{Description: "SPEI RECIBIDO BBVA RFC ABC850101AB1"}, "ABC850101AB1", true},
		{Line{Description: "TRANSF DE COMERCIAL SUR Y CIA LT"}, "COMERCIAL SUR", true},
		{Line{Description: "Traspaso De:DISTRIBUIDORA LOS ANDES S.A."}, "DISTRIBUIDORA ANDES", true},
		{Line{Description: "TRANSF DE", Payer: "Ferretería El Roble Ltda."}, "FERRETERIA ROBLE", true},
		{Line{Description: "PAGO FACTURA 1234 MARZO COMERCIAL SUR"}, "COMERCIAL SUR", true},
		{Line{Description: "PAGO FACT A 0003-00012001"}, "", false},
		{Line{Description: "DEP CHEQUE"}, "", false},
		{Line{Description: "DEPOSITO EN EFECTIVO"}, "", false},
	}
	for _, c := range cases {
		r, ok := LearnRule(c.line, 42)
		if ok != c.ok || r.Pattern != c.pattern || (ok && (r.Kind != RuleClient || r.ClientID != 42)) {
			t.Errorf("LearnRule(%q, %q): %+v %v, want pattern %q %v", c.line.Description, c.line.PayerID, r, ok, c.pattern, c.ok)
		}
	}
}

// A learned rule finds its client again: by account or tax ID, or by its
// words in any order and case, with accents or without.
func TestClientRules_Match(t *testing.T) {
	rules := []Rule{
		{ID: 1, Kind: RuleClient, Pattern: "162687964", ClientID: 7},
		{ID: 2, Kind: RuleClient, Pattern: "PALMA SALDIV", ClientID: 7},
	}
	rs := compileRules(rules)
	find := func(l Line) []int64 {
		t := lineText(&l)
		var out []int64
		for _, id := range lineIDs(&l, t) {
			for _, r := range rs.byID[id] {
				out = append(out, rs.rules[r.index].ID)
			}
		}
		words := ruleWords(&l, t)
		for _, w := range words {
			for _, r := range rs.byWord[wordKey(w)] {
				if r.matches(words, nil) {
					out = append(out, rs.rules[r.index].ID)
				}
			}
		}
		return out
	}
	if got := find(Line{Description: "ABONO TERCEROS 16.268.796-4"}); len(got) != 1 || got[0] != 1 {
		t.Errorf("by tax ID: %v", got)
	}
	if got := find(Line{Description: "TRANSF", Payer: "Saldivia Palma"}); len(got) != 1 || got[0] != 2 {
		t.Errorf("\"SALDIVIA PALMA\" has palma and saldivia (which begins with saldiv): %v", got)
	}
	if got := find(Line{Description: "TRANSF DE PALMA SOTO"}); len(got) != 0 {
		t.Errorf("a line without saldiv: %v", got)
	}
	if got := find(Line{Description: "transf de saldiv pálma a"}); len(got) != 1 || got[0] != 2 {
		t.Errorf("by words: %v", got)
	}
}
