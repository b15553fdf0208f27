package reconcile

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// Payer names arrive upper-case, without accents, with their legal form cut
// or abbreviated, truncated at 20-25 characters and sometimes in another
// word order ("COMERCIAL SUR Y CIA LT", "A.PALMA SALDIV", "PALMA SALDIVIA
// ALEJANDRO"). Names are compared as sets of significant words: folded,
// without legal forms and articles, each weighted by how rare it is among the
// clients (a shared word like "comercial" says little; "saldivia" says a
// lot), with a payer word that begins a client word standing for it.

// legalWords are the words of company forms (S.A., SpA, Ltda., E.I.R.L.,
// S.A.S., S.A. de C.V., S. de R.L. de C.V., SRL, SAC...) and the articles and
// conjunctions between name words; none of them tells clients apart.
var legalWords = wordSet(
	"sa", "spa", "ltda", "ltd", "lt", "ltda.", "limitada", "eirl", "sas", "sac", "srl", "sc", "cv", "rl",
	"sapi", "sab", "s", "c", "v", "r", "l", "en", "de", "del", "y", "e", "la", "las", "los", "el", "lo",
	"cia", "compania", "co", "inc", "llc", "corp", "sociedad", "soc", "anonima", "responsabilidad",
	"comandita", "variable", "capital", "individual", "empresa", "hnos", "hno", "and", "the", "of", "i",
)

// bankWords are the words banks write around a payer's name in a
// description ("TRANSF DE", "ABONO TERCEROS", "PAGO RECIBIDO PRV", "SPEI
// RECIBIDO ... REF", "PAGO PROVEEDORES NIT"), including the banks' own names.
// They are dropped from a name read out of a description unless some
// client's name has them.
var bankWords = wordSet(
	"transf", "transfer", "transferencia", "transferencias", "tef", "tr", "trf", "trx", "traspaso", "desde",
	"abono", "abonos", "terceros", "tercero", "terc", "pago", "pagos", "recibido", "recibida", "recib",
	"prv", "proveedores", "proveedor", "prov", "dep", "deposito", "depositos", "cheque", "cheques", "ch",
	"chq", "efectivo", "spei", "ref", "referencia", "concepto", "nit", "rut", "rfc", "cuit", "ruc", "cuil",
	"fact", "factura", "facturas", "fac", "fc", "fv", "fe", "nro", "num", "numero", "bco", "banco", "otros",
	"otro", "bancos", "credito", "cred", "ach", "interbanc", "interbancaria", "interbancario", "linea",
	"electronica", "electronico", "inmediata", "recibo", "cta", "cuenta", "cte", "corriente", "ctas",
	"tran", "plin", "yape", "nequi", "daviplata", "consignacion", "consig", "corresponsal", "cb",
	"ordenante", "emisor", "beneficiario", "origen", "pagador", "cliente", "cobro", "echeq", "cheq",
	"valores", "camara", "canje", "mismo", "dia", "op", "oper", "operacion", "suc", "sucursal", "oficina",
	"via", "web", "app", "movil", "internet", "por", "para", "con", "n", "no", "nc", "recibida.",
	"estado", "estad", "bci", "santander", "itau", "scotiabank", "scotia", "bice", "security", "falabella",
	"ripley", "bancolombia", "davivienda", "bogota", "occidente", "bbva", "banorte", "hsbc", "banamex",
	"citibanamex", "azteca", "inbursa", "bcp", "interbank", "galicia", "nacion", "macro", "frances",
	"patagonia", "icbc", "supervielle", "credicoop", "bancoestado", "chile", "edwards", "provincial",
	"mercantil", "banregio", "bajio", "santan", "banc", "bancol", "x", "cheq.", "cc", "ca", "cci", "cbu",
	"cvu", "clabe", "inter", "mov", "movimiento", "pmt", "pay", "payment", "from", "received", "wire",
	"deposit", "folio", "doc", "docto", "cfdi", "inv", "invoice", "cancelacion", "cancela", "abona",
)

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// nameTokens returns the significant words of a name: folded, legal forms and
// articles dropped, digits-only words dropped.
func nameTokens(name string) []string {
	t := scanText(name)
	out := make([]string, 0, len(t.words))
	for _, w := range t.words {
		if legalWords[w] || allDigits(w) || len(w) < 2 {
			continue
		}
		out = append(out, w)
	}
	return out
}

// nameIndex finds clients by the words of their names.
type nameIndex struct {
	clients int
	posting map[string][]int32 // word → clients having it (each at most once)
	vocab   []string           // the words, sorted, for prefix search
	idf     map[string]float64
	maxIDF  float64
}

func newNameIndex(names [][2][]string) *nameIndex {
	ix := &nameIndex{clients: len(names), posting: make(map[string][]int32)}
	for i, n := range names {
		seen := map[string]bool{}
		for _, toks := range n {
			for _, w := range toks {
				if !seen[w] {
					seen[w] = true
					ix.posting[w] = append(ix.posting[w], int32(i))
				}
			}
		}
	}
	ix.vocab = make([]string, 0, len(ix.posting))
	ix.idf = make(map[string]float64, len(ix.posting))
	for w, p := range ix.posting {
		ix.vocab = append(ix.vocab, w)
		ix.idf[w] = math.Log(1 + float64(ix.clients)/float64(len(p)))
	}
	sort.Strings(ix.vocab)
	ix.maxIDF = math.Log(1 + float64(max(ix.clients, 1)))
	return ix
}

// weight is how much a word tells: its idf among clients, or for a word no
// client has, most of the rarest word's (an unknown word in a payer's name
// suggests someone else).
func (ix *nameIndex) weight(w string) float64 {
	if v, ok := ix.idf[w]; ok {
		return v
	}
	return 0.7 * ix.maxIDF
}

// prefixed calls fn for each vocabulary word that starts with p, at most limit of them.
func (ix *nameIndex) prefixed(p string, limit int, fn func(w string)) {
	i := sort.SearchStrings(ix.vocab, p)
	for n := 0; i < len(ix.vocab) && n < limit && strings.HasPrefix(ix.vocab[i], p); i, n = i+1, n+1 {
		fn(ix.vocab[i])
	}
}

// payerName is the name part of a bank line, ready to compare.
type payerName struct {
	tokens    []string
	text      string // the words as read, for the reason ("COMERCIAL SUR")
	truncated bool   // long enough that the bank may have cut it
	form      string // the legal form at its end, as far as written ("sd" of "S. D")
}

// formWords are the words company forms are written with; "y", "cia" and
// the like stand between a name and its form and are skipped.
var formWords = wordSet("sa", "spa", "ltda", "lt", "ltd", "limitada", "eirl", "sas", "sac", "srl", "sc", "rl",
	"cv", "sapi", "sab", "de", "en")

var formSkip = wordSet("y", "e", "cia", "compania", "hnos", "hermanos", "asociados")

// legalForm is the company form at the end of a list of name words, joined
// without spaces ("sderldecv" for "S. de R.L. de C.V."), "" when there is none.
func legalForm(words []string) string {
	var parts []string
	for k := len(words) - 1; k >= 0; k-- {
		w := words[k]
		switch {
		case w == "limitada":
			parts = append(parts, "ltda")
		case formWords[w] || len(w) == 1:
			parts = append(parts, w)
		case formSkip[w]:
		default:
			k = -1
		}
	}
	if len(parts) == 0 {
		return ""
	}
	slices.Reverse(parts)
	return strings.Join(parts, "")
}

// formsAgree compares a payer's legal form with a client's: 1 when one
// begins the other (a bank cuts "S.A. DE C.V." to "SA DE"), -1 when they
// differ, 0 when either is not written.
func formsAgree(payer, client string) int {
	switch {
	case payer == "" || client == "":
		return 0
	case strings.HasPrefix(client, payer) || strings.HasPrefix(payer, client):
		return 1
	}
	return -1
}

// payerFromLine reads the payer's name: the Payer field when the file gives
// one, else what is left of the description once bank words, numbers, tax
// IDs and references are set aside.
func (ix *nameIndex) payerFromLine(l *Line, desc text, skip []bool) payerName {
	var words []string
	if strings.TrimSpace(l.Payer) != "" {
		t := scanText(l.Payer)
		words = t.words
	} else {
		for ci, c := range desc.chunks {
			if skip != nil && skip[ci] {
				continue
			}
			words = append(words, desc.words[c.w0:c.w1]...)
		}
	}
	var p payerName
	var shown []string
	length := 0
	for _, w := range words {
		if allDigits(w) || digitCount(w) > 2 {
			continue
		}
		if legalWords[w] && len(w) > 1 {
			shown = append(shown, w)
			length += len(w) + 1
			continue
		}
		if bankWords[w] {
			if _, known := ix.posting[w]; !known {
				continue
			}
		}
		shown = append(shown, w)
		length += len(w) + 1
		if len(w) == 1 && legalWords[w] {
			continue
		}
		p.tokens = append(p.tokens, w)
	}
	for len(shown) > 0 && (legalWords[shown[0]] || bankWords[shown[0]]) {
		shown = shown[1:] // "DE COMERCIAL SUR": the name starts at its first own word
	}
	p.text = strings.ToUpper(strings.Join(shown, " "))
	p.form = legalForm(shown)
	p.truncated = length-1 >= 18
	return p
}

// nameScratch is the working memory of nameCandidates, reused between lines.
type nameScratch struct {
	acc     []float32 // per client
	touched []int32
}

// nameCandidates returns up to limit clients whose names share rare words
// with the payer's, most promising first. Words are taken rarest first; a
// word that a twentieth of the clients share is skipped once rarer words
// have found someone, as it would add nothing but work.
func (ix *nameIndex) nameCandidates(p payerName, limit int, sc *nameScratch) []int32 {
	if len(p.tokens) == 0 {
		return nil
	}
	if len(sc.acc) < ix.clients {
		sc.acc = make([]float32, ix.clients)
	}
	sc.touched = sc.touched[:0]
	common := max(200, ix.clients/20)
	add := func(w string, q float32) {
		post := ix.posting[w]
		if len(post) > common && len(sc.touched) > 0 {
			return
		}
		v := float32(ix.idf[w]) * q
		for _, c := range post {
			if sc.acc[c] == 0 {
				sc.touched = append(sc.touched, c)
			}
			sc.acc[c] += v
		}
	}
	toks := append([]string(nil), p.tokens...)
	sort.Slice(toks, func(i, j int) bool { return ix.weight(toks[i]) > ix.weight(toks[j]) })
	for _, w := range toks {
		if len(w) < 2 {
			continue
		}
		if _, ok := ix.posting[w]; ok {
			add(w, 1)
			continue
		}
		if len(w) >= 3 {
			ix.prefixed(w, 48, func(v string) { add(v, 0.8) })
		}
	}
	// The best limit of the touched clients, without sorting them all.
	out := make([]int32, 0, limit+1)
	better := func(a, b int32) bool {
		if sc.acc[a] != sc.acc[b] {
			return sc.acc[a] > sc.acc[b]
		}
		return a < b
	}
	for _, c := range sc.touched {
		if len(out) == limit && !better(c, out[limit-1]) {
			continue
		}
		k := len(out)
		if k < limit {
			out = append(out, c)
		} else {
			k = limit - 1
			out[k] = c
		}
		for k > 0 && better(out[k], out[k-1]) {
			out[k], out[k-1] = out[k-1], out[k]
			k--
		}
	}
	for _, c := range sc.touched {
		sc.acc[c] = 0
	}
	return out
}

// similarity compares a payer's name with a client's name tokens: 1 is the
// same name, 0 nothing in common. It is the product of how much of the
// client's name the payer's covers (words after the last one matched do not
// count when the payer's name may have been truncated) and how much of the
// payer's name the client's explains.
func (ix *nameIndex) similarity(p payerName, client []string) float64 {
	if len(client) == 0 || len(p.tokens) == 0 {
		return 0
	}
	var qc [8]float64
	var usedBuf [8]bool
	if len(client) > len(qc) {
		client = client[:len(qc)]
	}
	used := usedBuf[:len(client)]
	var matchedP, totalP float64
	for i, w := range p.tokens {
		last := i == len(p.tokens)-1
		best, bj := 0.0, -1
		for j, c := range client {
			if used[j] {
				continue
			}
			if q := wordMatch(w, c, last && p.truncated); q > best {
				best, bj = q, j
			}
		}
		pw := ix.weight(w)
		if len(w) == 1 {
			pw = 0.3
		}
		if bj >= 0 {
			used[bj] = true
			qc[bj] = best
			matchedP += pw * best
		}
		totalP += pw
	}
	lastMatched := -1
	for j := range client {
		if used[j] {
			lastMatched = j
		}
	}
	if lastMatched < 0 {
		return 0
	}
	// Client words after the last one matched may have been cut off by the
	// bank, but only when the payer's own words are all accounted for: an
	// unexplained word ("TRANSPORTES GARCIA" for "Transportes Andes") says
	// the name is another one, not a cut one.
	cut := p.truncated && matchedP >= 0.9*totalP
	var matchedC, totalC float64
	for j, c := range client {
		if cut && j > lastMatched {
			break
		}
		w := ix.weight(c)
		matchedC += w * qc[j]
		totalC += w
	}
	return (matchedC / totalC) * (matchedP / totalP)
}

// wordMatch grades how well a payer's word stands for a client's word: the
// same word 1; its beginning (an abbreviation or a truncation) a little less
// the shorter it is; one typo in a long word 0.8; an initial 0.3.
func wordMatch(p, c string, lastTruncated bool) float64 {
	switch {
	case p == c:
		return 1
	case len(p) == 1:
		if c[0] == p[0] {
			return 0.3
		}
		return 0
	case len(p) < len(c) && strings.HasPrefix(c, p) && (len(p) >= 3 || lastTruncated):
		return 0.7 + 0.25*float64(len(p))/float64(len(c))
	case len(p) >= 5 && len(c) >= 5 && oneEdit(p, c):
		return 0.8
	}
	return 0
}

// oneEdit reports whether a and b differ by one substituted, inserted or
// deleted letter, or two adjacent letters swapped.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if i == len(a) {
			return false
		}
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case 1:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		return a[i:] == b[i+1:]
	}
	return false
}
