package reconcile

import (
	"strings"
)

// DefaultRules are the built-in rules that keep bank fees, account taxes
// and transfers between the business's own accounts out of the matching
// queue, for the five countries: Colombia's GMF (4x1000), Peru's ITF,
// Argentina's impuesto a los débitos y créditos (IDB, ley 25.413) and its
// perceptions and withholdings, IVA on fees, stamp tax, maintenance fees and
// commissions. The store seeds them and the user may edit or delete them;
// their IDs are 0 until stored.
func DefaultRules() []Rule {
	out := func(kind RuleKind, note string, patterns ...string) []Rule {
		rs := make([]Rule, len(patterns))
		for i, p := range patterns {
			rs[i] = Rule{Kind: kind, Pattern: p, Note: note, Direction: -1}
		}
		return rs
	}
	var rs []Rule
	rs = append(rs, out(RuleTax, "Colombia: gravamen a los movimientos financieros (4 por mil)",
		"GMF", "4X1000", "4 X 1000", "4 POR MIL", "GRAVAMEN MOVIMIENTOS FINANCIEROS")...)
	rs = append(rs, out(RuleTax, "Perú: impuesto a las transacciones financieras", "ITF",
		"IMPUESTO TRANSACCIONES FINANCIERAS")...)
	rs = append(rs, out(RuleTax, "Argentina: impuesto a los débitos y créditos bancarios (ley 25.413)",
		"IDB", "LEY 25413", "IMP DEB", "IMP CRED", "IMPUESTO DEBITOS", "IMPUESTO CREDITOS", "DEBITOS CREDITOS")...)
	rs = append(rs, out(RuleTax, "IVA cobrado por el banco sobre comisiones", "IVA")...)
	rs = append(rs, out(RuleTax, "Percepciones y retenciones de impuestos (IIBB, IVA, renta)",
		"PERCEPCION", "RETENCION", "IIBB", "SIRCREB", "ISR", "RETEFUENTE", "RETEICA", "RETEIVA")...)
	rs = append(rs, out(RuleTax, "Impuestos cobrados por el banco (timbres y estampillas, otros)",
		"IMPUESTO", "IMPTO", "IMP TIMBRE", "TIMBRES ESTAMPILLAS")...)
	rs = append(rs, out(RuleFee, "Comisiones y cargos del banco",
		"COMISION", "COMIS", "COM MANT", "MANTENCION", "MANTENIMIENTO", "CUOTA MANEJO", "CARGO FIJO",
		"ADMINISTRACION CUENTA", "PORTES", "MEMBRESIA", "CHEQUERA", "TALONARIO", "GASTOS BANCARIOS",
		"CARGO SERVICIO", "SEGURO CUENTA", "ENVIO ESTADO CUENTA", "INTERESES SOBREGIRO", "INTERES LINEA CREDITO")...)
	rs = append(rs, Rule{Kind: RuleFee, Pattern: "DEVOLUCION COMISION", Note: "El banco devuelve una comisión"})
	for _, p := range []string{"ENTRE CUENTAS", "CUENTAS PROPIAS", "CUENTA PROPIA", "TRASPASO ENTRE",
		"MISMO TITULAR", "TRANSFERENCIA PROPIA", "ENTRE MIS CUENTAS", "TRASPASO FONDOS PROPIOS"} {
		rs = append(rs, Rule{Kind: RuleTransfer, Pattern: p, Note: "Movimientos entre cuentas de la empresa"})
	}
	for _, p := range []string{"SALDO INICIAL", "SALDO ANTERIOR", "SALDO FINAL", "SALDO CONTABLE"} {
		rs = append(rs, Rule{Kind: RuleIgnore, Pattern: p, Note: "Filas de saldo, no son movimientos"})
	}
	return rs
}

// compiledRule is a rule ready to test against lines.
type compiledRule struct {
	index int      // in the rule list it came from
	words []string // folded pattern words; nil for an ID rule
	id    string   // the payer account or tax ID an ID rule names
}

// ruleSet holds compiled classification rules and an index of client rules.
type ruleSet struct {
	rules    []Rule
	classify []compiledRule
	byID     map[string][]compiledRule // client rules by payer ID
	byWord   map[string][]compiledRule // client rules by the first letters of their first word
}

// idPattern returns the compact ID a pattern names, or "" when it is words.
func idPattern(p string) string {
	f := strings.Fields(p)
	if len(f) != 1 || digitCount(f[0]) < 6 {
		return ""
	}
	return compactNumber(foldText(f[0]))
}

// compactNumber is compactID with the leading zeros of an all-digit body
// dropped, so "061801000-7" and "61801000-7" are one ID.
func compactNumber(s string) string {
	c := compactID(s)
	i := 0
	for i < len(c)-1 && c[i] == '0' {
		i++
	}
	return c[i:]
}

func wordKey(w string) string {
	if len(w) > 5 {
		return w[:5]
	}
	return w
}

func compileRules(rules []Rule) ruleSet {
	rs := ruleSet{rules: rules, byID: map[string][]compiledRule{}, byWord: map[string][]compiledRule{}}
	// Client rules are found by their rarest word, so that a line with a
	// common word ("COMERCIAL") does not test every rule that has it.
	df := map[string]int{}
	for _, r := range rules {
		if r.Kind == RuleClient && idPattern(r.Pattern) == "" {
			for _, w := range scanText(r.Pattern).words {
				df[wordKey(w)]++
			}
		}
	}
	for i, r := range rules {
		c := compiledRule{index: i}
		if id := idPattern(r.Pattern); id != "" {
			c.id = id
		} else {
			c.words = scanText(r.Pattern).words
			if len(c.words) == 0 {
				continue
			}
		}
		if r.Kind != RuleClient {
			rs.classify = append(rs.classify, c)
			continue
		}
		if c.id != "" {
			rs.byID[c.id] = append(rs.byID[c.id], c)
		} else {
			k := wordKey(c.words[0])
			for _, w := range c.words[1:] {
				if df[wordKey(w)] < df[k] {
					k = wordKey(w)
				}
			}
			rs.byWord[k] = append(rs.byWord[k], c)
		}
	}
	return rs
}

// wordIn reports whether a pattern word appears among a line's words: the
// same word, or for a pattern word of five letters or more, the beginning of
// a line word.
func wordIn(pw string, words []string) bool {
	for _, w := range words {
		if w == pw || (len(pw) >= 5 && len(w) > len(pw) && strings.HasPrefix(w, pw)) {
			return true
		}
	}
	return false
}

// matches reports whether a compiled rule matches a line.
func (c compiledRule) matches(words []string, ids []string) bool {
	if c.id != "" {
		for _, id := range ids {
			if id == c.id {
				return true
			}
		}
		return false
	}
	for _, pw := range c.words {
		if !wordIn(pw, words) {
			return false
		}
	}
	return true
}

// lineIDs returns the compact numbers a line carries that may be a payer's
// account or tax ID: its PayerID and every chunk of six or more digits.
func lineIDs(l *Line, t text) []string {
	var ids []string
	if p := strings.TrimSpace(l.PayerID); p != "" {
		ids = append(ids, compactNumber(foldText(p)))
	}
	for i, c := range t.chunks {
		if digitCount(c.s) >= 6 {
			ids = append(ids, compactNumber(c.s))
		}
		// "0012345678 09": an account number the bank split with a space.
		if i > 0 && allDigitsOrDash(c.s) && allDigitsOrDash(t.chunks[i-1].s) && digitCount(c.s)+digitCount(t.chunks[i-1].s) >= 6 {
			ids = append(ids, compactNumber(t.chunks[i-1].s+c.s))
		}
	}
	return ids
}

func allDigitsOrDash(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) && s[i] != '-' {
			return false
		}
	}
	return s != ""
}

// kindRank breaks ties between classification rules with as many words:
// the more specific purpose wins ("IVA COMISION" is a tax, not a fee).
func kindRank(k RuleKind) int {
	switch k {
	case RuleIgnore:
		return 5
	case RuleTransfer:
		return 4
	case RuleTax:
		return 3
	case RuleFee:
		return 2
	case RuleOutgoing:
		return 1
	}
	return 0
}

// reversalWords mark a line that undoes an earlier one.
var reversalWords = wordSet("reverso", "reversa", "reversion", "reversado", "anulacion", "anula", "anulado",
	"contrasiento", "rechazo", "rechazado", "devuelto", "devuelta", "protestado", "storno")

// classifyLine decides what a line is; for rules the words and IDs of the
// line are those of its description, reference and payer.
func (rs *ruleSet) classifyLine(l *Line, words, ids []string) (Category, int64) {
	if l.Reversal {
		return CategoryReversal, 0
	}
	best, bestWords, bestRank := -1, 0, 0
	for _, c := range rs.classify {
		r := &rs.rules[c.index]
		if (r.Direction > 0 && l.Amount < 0) || (r.Direction < 0 && l.Amount > 0) {
			continue
		}
		if !c.matches(words, ids) {
			continue
		}
		n := len(c.words)
		if c.id != "" {
			n = 100 // an account number is as specific as it gets
		}
		if rank := kindRank(r.Kind); best < 0 || n > bestWords || (n == bestWords && rank > bestRank) {
			best, bestWords, bestRank = c.index, n, rank
		}
	}
	if best >= 0 {
		r := rs.rules[best]
		switch r.Kind {
		case RuleFee:
			return CategoryFee, r.ID
		case RuleTax:
			return CategoryTax, r.ID
		case RuleTransfer:
			return CategoryTransfer, r.ID
		case RuleOutgoing:
			return CategoryOutgoing, r.ID
		case RuleIgnore:
			return CategoryIgnored, r.ID
		}
	}
	reversed := false
	for _, w := range words {
		if reversalWords[w] {
			reversed = true
			break
		}
	}
	switch {
	case l.Amount < 0 && (reversed || (wordIn("cheque", words) && wordIn("devol", words))):
		return CategoryReversal, 0
	case l.Amount < 0:
		return CategoryOutgoing, 0
	case l.Amount == 0:
		return CategoryIgnored, 0
	case reversed:
		return CategoryReversal, 0
	}
	return CategoryDeposit, 0
}

// lineText is what rules and matching read of a line: its description and
// reference; the payer's name and ID are added for rules.
func lineText(l *Line) text {
	t := scanText(l.Description)
	if l.Reference != "" {
		r := scanText(l.Reference)
		n := len(t.words)
		for _, c := range r.chunks {
			t.chunks = append(t.chunks, chunk{s: c.s, w0: c.w0 + n, w1: c.w1 + n})
		}
		t.words = append(t.words, r.words...)
	}
	return t
}

// ruleWords are the words rules look for: the line's and its payer's.
func ruleWords(l *Line, t text) []string {
	if strings.TrimSpace(l.Payer) == "" {
		return t.words
	}
	return append(append([]string(nil), t.words...), scanText(l.Payer).words...)
}

// Classify says what a line is (a deposit to match, a fee, a tax, a
// transfer between own accounts, an outgoing payment, a reversal, or
// ignored) by the given rules, and which rule decided (0 when none did).
// Only the rules given count: pass DefaultRules (as stored) and the user's.
// Lines a rule does not classify are deposits when money comes in and
// outgoing payments when it goes out, unless they are reversals.
func Classify(l Line, rules []Rule) (Category, int64) {
	rs := compileRules(rules)
	t := lineText(&l)
	return rs.classifyLine(&l, ruleWords(&l, t), lineIDs(&l, t))
}

// monthWords are never learned: a payer writes another month next time.
var monthWords = wordSet("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
	"septiembre", "setiembre", "octubre", "noviembre", "diciembre", "ene", "feb", "abr", "may", "jun",
	"jul", "ago", "sep", "set", "oct", "nov", "dic", "mes", "cuota", "saldo", "anticipo", "parcial",
	"total", "pendiente", "adelanto", "abono", "servicio", "servicios", "honorarios", "arriendo", "venta",
	"ventas", "gracias")

// LearnRule proposes the rule to offer once the user has confirmed that a
// line was paid by clientID: the payer's account or tax ID when the line
// carries one (the PayerID field, or a tax ID written in the description),
// else the significant words of the payer's name (legal forms, bank words
// like TRANSF, DE, ABONO, PAGO, numbers and months dropped). It reports
// false when nothing stable is left to learn.
func LearnRule(l Line, clientID int64) (Rule, bool) {
	r := Rule{Kind: RuleClient, ClientID: clientID}
	if id := compactNumber(foldText(l.PayerID)); digitCount(id) >= 6 {
		r.Pattern = id
		return r, true
	}
	t := lineText(&l)
	for _, c := range t.chunks {
		if looksLikeTaxID(c.s) {
			r.Pattern = compactNumber(c.s)
			return r, true
		}
	}
	source := t
	if strings.TrimSpace(l.Payer) != "" {
		source = scanText(l.Payer)
	}
	var words []string
	long := false
	for _, w := range source.words {
		if legalWords[w] || bankWords[w] || monthWords[w] || invoiceWords[w] || len(w) < 2 || digitCount(w) > 0 {
			continue
		}
		words = append(words, strings.ToUpper(w))
		if len(w) >= 3 {
			long = true
		}
		if len(words) == 4 {
			break
		}
	}
	if !long {
		return Rule{}, false
	}
	r.Pattern = strings.Join(words, " ")
	return r, true
}

// looksLikeTaxID reports whether a chunk is written as a tax ID of any of
// the five countries: a dotted RUT or NIT ("76.123.456-7"), digits with a
// one-character check digit after a dash ("16268796-4", "061801000-K"), a
// dashed CUIT ("30-71234567-9"), or an RFC (letters, six digits, three
// characters). Invoice numbers with a point of sale ("0003-00012001") are not.
func looksLikeTaxID(s string) bool {
	parts := splitParts(s)
	n := digitCount(s)
	switch {
	case len(parts) == 2 && len(parts[1]) == 1 && allDigits(parts[0]) && len(parts[0]) >= 7 && len(parts[0]) <= 10:
		return true // 16268796-4, 061801000-7
	case len(parts) == 2 && parts[1] == "k" && allDigits(parts[0]) && len(parts[0]) >= 7:
		return true
	case len(parts) >= 3 && strings.Count(s, ".") >= 2 && n >= 7 && n <= 11 && !strings.Contains(s, "/"):
		return true // 76.123.456-7, 900.123.456-7
	case len(parts) == 3 && len(parts[0]) == 2 && len(parts[1]) == 8 && len(parts[2]) == 1 && n == 11:
		return true // 30-71234567-9
	}
	return rfcShape(s)
}

// rfcShape reports a Mexican RFC: three or four letters, six digits (a
// date), three letters or digits.
func rfcShape(s string) bool {
	if len(s) != 12 && len(s) != 13 {
		return false
	}
	letters := len(s) - 9
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case i < letters:
			if !isLetter(c) && c != '&' {
				return false
			}
		case i < letters+6:
			if !isDigit(c) {
				return false
			}
		default:
			if !isAlnum(c) {
				return false
			}
		}
	}
	return true
}
