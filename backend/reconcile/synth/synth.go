// Package synth generates labelled portfolios and bank statements to measure
// the matcher (backend/reconcile) on: clients with realistic names and valid
// tax IDs, open invoices and credit notes numbered as each country numbers
// them, and statement lines that pay them with the mess real statements
// have (references in every shape or none, typos, upper-case names cut at
// 20-25 characters, tax IDs in descriptions, combined, partial and excess
// payments, invoices less credit notes, withholdings, equal amounts, similar
// names, third parties paying for a client), among fees, taxes, own
// transfers, outgoing payments and deposits that pay nothing in the book.
// Every line carries the truth: which client and documents it pays, or none.
//
// Generation is deterministic for a seed and a Config, and fast enough for
// benchmark scale (a million invoices).
package synth

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/reconcile"
)

// Config sizes a generated portfolio and statement.
type Config struct {
	Country  string    // CL, CO, MX, PE or AR
	Clients  int       // default 300
	Invoices int       // open invoices, default 10 per client
	Lines    int       // statement lines, default 2000
	Start    date.Date // first day of the statement, default 2025-03-03
	Days     int       // days the statement covers, default 30
}

// Dataset is a generated portfolio, its statement and the truth about it.
type Dataset struct {
	Country   string
	Currency  string
	Account   string // the statement's account
	Today     date.Date
	Clients   []reconcile.Client
	Documents []reconcile.Document // open as of the statement's first day
	Rules     []reconcile.Rule     // DefaultRules, an own-account transfer rule, learned client rules
	Lines     []reconcile.Line
	Labels    []Label // one per line, in the same order
}

// Label is the truth about one line.
type Label struct {
	Category  reconcile.Category
	ClientID  int64 // the client who paid; 0 when the line pays nothing in the book
	Allocs    []reconcile.Alloc
	Credits   []reconcile.CreditUse
	Remainder int64 // left as the client's credit
	// Case is the line's shape: single, multi, credit-note, partial,
	// overpay, short (a withholding or fee deducted), unknown (a deposit
	// that pays nothing in the book), fee, tax, transfer, outgoing, reversal.
	Case string
	// Traits say what makes a deposit hard: no-payer (neither name nor tax
	// ID), third-party, twin (a client with a similar name exists), typo,
	// bare-ref, no-ref, same-amount (another open invoice of the client has
	// the same amount), abbreviated, truncated, tax-id, rule.
	Traits []string
}

// PaysInvoices reports whether the line pays documents of the book.
func (l Label) PaysInvoices() bool {
	return l.ClientID != 0 && (len(l.Allocs) > 0 || len(l.Credits) > 0)
}

// Hard reports whether the line is one of the hard cases: a shape other
// than one invoice paid in full, or a deposit without the payer's name or
// tax ID, paid by a third party, with a typo in its reference, or from a
// client with another open invoice of the same amount.
func (l Label) Hard() bool {
	switch l.Case {
	case "multi", "credit-note", "partial", "overpay", "short":
		return true
	}
	for _, t := range l.Traits {
		switch t {
		case "no-payer", "third-party", "typo", "same-amount":
			return true
		}
	}
	return false
}

// client is a generated client and how it pays.
type client struct {
	rc           reconcile.Client
	person       bool
	first        string
	last         [2]string
	kind, core   string
	form         string
	twin         bool
	recurring    bool
	size         float64 // typical net invoice in whole units
	docs         []int   // receivables, by due date
	credits      []int
	refHabit     int    // 0 never, 1 explicit, 2 bare number, 3 in the reference field
	channel      int    // 0 transfer, 1 cheque, 2 cash
	thirdParty   string // who pays for this client, "" when it pays itself
	thirdPartyID string
	bankName     string // how banks write its name
	traits       []string
}

type gen struct {
	cfg        Config
	p          profile
	rng        *rand.Rand
	num        numbering
	unit       int64 // minor units per whole unit
	usedTaxIDs map[string]bool
	usedNames  map[string]bool
	clients    []*client
	docs       []reconcile.Document
	issued     []int32 // day number (from cfg.Start) of issue
	open       []int64 // open amounts as the statement goes
	receivable []int   // indexes of receivables, to pick payers by
	ownAccount string
	ds         Dataset
}

// Generate builds a labelled dataset; the same seed and Config give the same dataset.
func Generate(seed int64, cfg Config) Dataset {
	cfg = cfg.withDefaults()
	h := fnv.New64a()
	h.Write([]byte(cfg.Country))
	g := &gen{
		cfg:        cfg,
		p:          profiles[cfg.Country],
		rng:        rand.New(rand.NewPCG(uint64(seed), h.Sum64())),
		usedTaxIDs: map[string]bool{},
		usedNames:  map[string]bool{},
	}
	g.unit = 1
	for range g.p.exp {
		g.unit *= 10
	}
	g.num = numberingFor(cfg.Country, g.rng.IntN(6))
	g.ds = Dataset{Country: cfg.Country, Currency: g.p.currency, Today: cfg.Start.AddDays(cfg.Days)}
	g.ownAccount = strconv.Itoa(10_000_000 + g.rng.IntN(89_999_999))
	g.ds.Account = strconv.Itoa(10_000_000 + g.rng.IntN(89_999_999))
	g.makeClients()
	g.makeDocuments()
	g.makeRules()
	g.makeLines()
	return g.ds
}

func (c Config) withDefaults() Config {
	c.Country = strings.ToUpper(c.Country)
	if _, ok := profiles[c.Country]; !ok {
		c.Country = "CL"
	}
	if c.Clients <= 0 {
		c.Clients = 300
	}
	if c.Invoices <= 0 {
		c.Invoices = 10 * c.Clients
	}
	if c.Lines <= 0 {
		c.Lines = 2000
	}
	if c.Start.IsZero() {
		c.Start = date.New(2025, 3, 3)
	}
	if c.Days <= 0 {
		c.Days = 30
	}
	return c
}

func (g *gen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *gen) chance(p float64) bool { return g.rng.Float64() < p }

// makeClients makes companies (some with a near twin: "Comercial Sur SpA" and
// "Comercial del Sur Ltda") and persons, each with its way of paying.
func (g *gen) makeClients() {
	forms := legalForms[g.p.code]
	for i := 0; i < g.cfg.Clients; i++ {
		c := &client{}
		switch {
		case i > 0 && g.chance(0.04) && g.company() != nil:
			g.twinOf(c, g.company())
		case g.chance(0.15):
			c.person = true
			for {
				c.first, c.last[0], c.last[1] = g.pick(firstNames), g.pick(lastNames), g.pick(lastNames)
				c.rc.LegalName = c.first + " " + c.last[0] + " " + c.last[1]
				if !g.usedNames[c.rc.LegalName] {
					break
				}
			}
			if g.chance(0.2) {
				c.rc.TradeName = g.pick(businessKinds) + " " + c.first
			}
		default:
			for tries := 0; ; tries++ {
				c.kind = g.pick(businessKinds)
				if g.chance(0.65) {
					c.core = g.pick(businessCores)
				} else if g.chance(0.5) {
					c.core = g.pick(lastNames) + " " + g.pick(lastNames)
				} else {
					c.core = g.pick(lastNames) + " y Cía."
				}
				c.form = forms[g.weightedForm(len(forms))]
				c.rc.LegalName = c.kind + " " + c.core + " " + c.form
				if !g.usedNames[c.rc.LegalName] {
					break
				}
			}
			if g.chance(0.35) {
				if g.chance(0.5) {
					c.rc.TradeName = c.core
				} else {
					c.rc.TradeName = c.kind + " " + c.core
				}
			}
		}
		g.usedNames[c.rc.LegalName] = true
		c.rc.ID = int64(len(g.clients) + 1)
		c.rc.Country = g.p.code
		c.rc.TaxID = g.newTaxID(c.person, c.rc.LegalName)
		c.recurring = g.chance(0.08)
		c.size = float64(g.p.typical) * math.Exp(g.rng.NormFloat64()*0.9)
		c.refHabit = []int{0, 0, 0, 0, 1, 1, 1, 2, 3, 3}[g.rng.IntN(10)]
		switch r := g.rng.Float64(); {
		case r < 0.03:
			c.channel = 1
		case r < 0.045:
			c.channel = 2
		}
		if g.chance(0.04) {
			c.thirdParty = g.pick(firstNames) + " " + g.pick(lastNames) + " " + g.pick(lastNames)
			c.thirdPartyID = g.newTaxID(true, c.thirdParty)
		}
		c.bankName = g.renderName(c)
		g.clients = append(g.clients, c)
		g.ds.Clients = append(g.ds.Clients, c.rc)
	}
}

// company picks an existing company client, nil if it finds none.
func (g *gen) company() *client {
	for tries := 0; tries < 10; tries++ {
		if c := g.clients[g.rng.IntN(len(g.clients))]; !c.person {
			return c
		}
	}
	return nil
}

// weightedForm picks a legal form, the most common first.
func (g *gen) weightedForm(n int) int {
	r := g.rng.Float64()
	switch {
	case r < 0.5:
		return 0
	case r < 0.8:
		return min(1, n-1)
	case r < 0.95:
		return min(2, n-1)
	}
	return n - 1
}

// twinOf makes c a company whose name is close to other's: the same words
// with another legal form, "del" added or dropped, or a sibling line of
// business. Banks that drop legal forms and articles write both the same.
func (g *gen) twinOf(c, other *client) {
	forms := legalForms[g.p.code]
	siblings := map[string]string{"Comercial": "Comercializadora", "Comercializadora": "Comercial",
		"Distribuidora": "Distribuciones", "Distribuciones": "Distribuidora", "Inversiones": "Inversiones y Servicios",
		"Servicios": "Soluciones", "Transportes": "Logística", "Constructora": "Ingeniería"}
	for tries := 0; tries < 20; tries++ {
		c.kind, c.core, c.form = other.kind, other.core, g.pick(forms)
		switch g.rng.IntN(3) {
		case 0: // another legal form only
		case 1:
			if rest, ok := strings.CutPrefix(c.core, "del "); ok {
				c.core = rest
			} else if !strings.Contains(c.core, " ") {
				c.core = "del " + c.core
			}
		case 2:
			if s, ok := siblings[c.kind]; ok {
				c.kind = s
			}
		}
		c.rc.LegalName = c.kind + " " + c.core + " " + c.form
		if !g.usedNames[c.rc.LegalName] {
			c.twin, other.twin = true, true
			return
		}
	}
	// No twin possible: an ordinary company.
	c.kind, c.core, c.form = g.pick(businessKinds), g.pick(lastNames)+" "+g.pick(lastNames), g.pick(forms)
	c.rc.LegalName = c.kind + " " + c.core + " " + c.form
}

// renderName writes a client's name as a bank's system shows it: upper case,
// usually without accents, the legal form shortened or dropped, words
// abbreviated, persons as initial and surnames or surnames first, cut to
// the bank's width.
func (g *gen) renderName(c *client) string {
	keep := g.chance(0.2)
	var s string
	if c.person {
		f, l1, l2 := upper(c.first, keep), upper(c.last[0], keep), upper(c.last[1], keep)
		switch r := g.rng.Float64(); {
		case r < 0.4:
			s = f + " " + l1 + " " + l2
		case r < 0.7:
			s = f[:1] + "." + l1 + " " + l2
			c.traits = append(c.traits, "abbreviated")
		case r < 0.9:
			s = l1 + " " + l2 + " " + f
		default:
			s = f + " " + l1
		}
	} else {
		base := c.kind + " " + c.core
		if c.rc.TradeName != "" && g.chance(0.2) {
			base = c.rc.TradeName
		}
		words := strings.Fields(upper(base, keep))
		if g.chance(0.25) {
			for k, w := range words {
				if a, ok := abbreviations[fold(w)]; ok {
					words[k] = a
					c.traits = append(c.traits, "abbreviated")
				}
			}
		}
		s = strings.Join(words, " ")
		if variants := bankLegal[c.form]; len(variants) > 0 && base != c.rc.TradeName {
			if v := variants[g.rng.IntN(len(variants))]; v != "" {
				s += " " + v
			}
		}
	}
	if w := g.p.widths[g.rng.IntN(len(g.p.widths))]; w > 0 && len(s) > w {
		s = truncate(s, w)
		c.traits = append(c.traits, "truncated")
	}
	return s
}

// makeDocuments spreads the open invoices over the clients (a few clients
// hold many), with amounts around each client's typical size plus VAT,
// some equal month after month, some partly paid, and credit notes for a
// few of them.
func (g *gen) makeDocuments() {
	n := len(g.clients)
	weights := make([]float64, n)
	total := 0.0
	for i := range weights {
		weights[i] = math.Exp(g.rng.NormFloat64() * 0.9)
		total += weights[i]
	}
	g.docs = make([]reconcile.Document, 0, g.cfg.Invoices+g.cfg.Invoices/8+n)
	g.issued = make([]int32, 0, cap(g.docs))
	g.open = make([]int64, 0, cap(g.docs))
	// How many open invoices each client has: in proportion to its weight,
	// a few months for a client billed the same every month, and what
	// rounding leaves over to the others, so the total is what was asked.
	counts := make([]int, n)
	given := 0
	cumulative := make([]float64, 0, n)
	var sum float64
	for ci, c := range g.clients {
		counts[ci] = max(1, int(weights[ci]/total*float64(g.cfg.Invoices)))
		if c.recurring {
			counts[ci] = min(counts[ci], 1+g.rng.IntN(4))
		} else {
			sum += weights[ci]
		}
		cumulative = append(cumulative, sum)
		given += counts[ci]
	}
	for ; given < g.cfg.Invoices && sum > 0; given++ {
		ci, _ := slices.BinarySearch(cumulative, g.rng.Float64()*sum)
		ci = min(ci, n-1)
		for g.clients[ci].recurring && ci+1 < n {
			ci++
		}
		counts[ci]++
	}
	seq := 1000 + g.rng.IntN(40_000)
	creditSeq := 100 + g.rng.IntN(900)
	start := dayNum(g.cfg.Start)
	for ci, c := range g.clients {
		count := counts[ci]
		if count >= 15 && c.refHabit == 0 && g.chance(0.7) {
			// Large payers send a remittance with the invoices they pay.
			c.refHabit = 1
		}
		terms := g.p.terms[g.rng.IntN(len(g.p.terms))]
		recurringAmount := g.amount(c.size)
		for k := 0; k < count; k++ {
			issueOffset := -g.rng.IntN(150)
			if g.chance(0.08) {
				issueOffset = g.rng.IntN(max(1, g.cfg.Days-3))
			}
			issue := g.cfg.Start.AddDays(issueOffset)
			amount := recurringAmount
			if !c.recurring {
				amount = g.amount(c.size)
			}
			open := amount
			if g.chance(0.07) {
				open = g.roundNice(amount * int64(20+g.rng.IntN(60)) / 100)
				if open <= 0 || open >= amount {
					open = amount / 2
				}
			}
			seq += 1 + g.rng.IntN(3) // other clients' invoices, already paid, in between
			d := reconcile.Document{ID: int64(len(g.docs) + 1), ClientID: c.rc.ID, Kind: ar.KindInvoice,
				Number: g.num.invoice(seq), IssueDate: issue, DueDate: issue.AddDays(terms),
				Currency: g.p.currency, Open: open}
			g.addDoc(d, dayNum(issue)-start)
			c.docs = append(c.docs, len(g.docs)-1)
			g.receivable = append(g.receivable, len(g.docs)-1)
		}
		if g.chance(0.08) && len(c.docs) > 0 {
			inv := g.docs[c.docs[g.rng.IntN(len(c.docs))]]
			amount := g.roundNice(inv.Open * int64(10+g.rng.IntN(30)) / 100)
			if amount > 0 && amount < inv.Open {
				creditSeq += 1 + g.rng.IntN(4)
				issue := inv.IssueDate.AddDays(g.rng.IntN(10))
				if issue.After(g.cfg.Start) {
					issue = g.cfg.Start
				}
				d := reconcile.Document{ID: int64(len(g.docs) + 1), ClientID: c.rc.ID, Kind: ar.KindCreditNote,
					Number: g.num.credit(creditSeq), IssueDate: issue, DueDate: issue, Currency: g.p.currency,
					Open: amount, AppliesToID: inv.ID}
				g.addDoc(d, dayNum(issue)-start)
				c.credits = append(c.credits, len(g.docs)-1)
			}
		}
		slices.SortStableFunc(c.docs, func(x, y int) int {
			if c := g.docs[x].DueDate.Compare(g.docs[y].DueDate); c != 0 {
				return c
			}
			return x - y
		})
	}
	g.ds.Documents = g.docs
}

func (g *gen) addDoc(d reconcile.Document, issued int32) {
	g.docs = append(g.docs, d)
	g.issued = append(g.issued, issued)
	g.open = append(g.open, d.Open)
}

// amount is an invoice total in minor units: a net price around size, often
// a round one, plus VAT.
func (g *gen) amount(size float64) int64 {
	net := size * math.Exp(g.rng.NormFloat64()*0.6)
	whole := int64(math.Max(1, net))
	switch r := g.rng.Float64(); {
	case r < 0.35:
		whole = roundTo(whole, niceStep(whole))
	case r < 0.6:
		whole = roundTo(whole, niceStep(whole)/10)
	}
	minor := whole * g.unit
	if g.unit > 1 && g.chance(0.4) {
		minor += g.rng.Int64N(g.unit)
	}
	return minor + minor*int64(g.p.vat)/100
}

// niceStep is the round step people price in at this size: 1.000 for
// hundreds of thousands, 10 for thousands.
func niceStep(v int64) int64 {
	step := int64(1)
	for v >= step*100 {
		step *= 10
	}
	return step
}

func roundTo(v, step int64) int64 {
	if step <= 1 {
		return v
	}
	r := (v + step/2) / step * step
	if r <= 0 {
		return step
	}
	return r
}

// roundNice rounds minor units to a round amount in whole units.
func (g *gen) roundNice(minor int64) int64 {
	whole := minor / g.unit
	return roundTo(whole, max(1, niceStep(whole)/10)) * g.unit
}

func dayNum(d date.Date) int32 {
	return int32(d.In(time.UTC).Unix() / 86400)
}

// makeRules stores the built-in rules, a transfer rule on the business's
// other account (as the store would from the accounts it keeps), and rules
// learned earlier: for a tenth of the clients the name their bank writes,
// and for half of the clients whom someone else pays for, that payer.
func (g *gen) makeRules() {
	g.ds.Rules = reconcile.DefaultRules()
	g.ds.Rules = append(g.ds.Rules, reconcile.Rule{Kind: reconcile.RuleTransfer, Pattern: g.ownAccount, Note: "cuenta propia"})
	for _, c := range g.clients {
		name := ""
		switch {
		case c.thirdParty != "" && g.chance(0.5):
			name = strings.ToUpper(fold(c.thirdParty))
			c.traits = append(c.traits, "rule")
		case c.thirdParty == "" && g.chance(0.1):
			name = c.bankName
			c.traits = append(c.traits, "rule")
		}
		if name == "" {
			continue
		}
		if r, ok := reconcile.LearnRule(reconcile.Line{Description: "TRANSF DE " + name, Amount: 1}, c.rc.ID); ok {
			g.ds.Rules = append(g.ds.Rules, r)
		}
	}
	for i := range g.ds.Rules {
		g.ds.Rules[i].ID = int64(i + 1)
	}
}

// makeLines writes the statement: 70 % deposits paying invoices, the rest
// deposits nobody in the book made, fees, taxes, own transfers, outgoing
// payments and reversals, day by day.
func (g *gen) makeLines() {
	for i := 0; i < g.cfg.Lines; i++ {
		dayOffset := i * g.cfg.Days / g.cfg.Lines
		day := g.cfg.Start.AddDays(dayOffset)
		var l reconcile.Line
		var lab Label
		switch r := g.rng.Float64(); {
		case r < 0.70:
			var ok bool
			l, lab, ok = g.paying(day, int32(dayOffset))
			if !ok {
				l, lab = g.unknownDeposit()
			}
		case r < 0.75:
			l, lab = g.unknownDeposit()
		case r < 0.82:
			l, lab = g.fee()
		case r < 0.88:
			l, lab = g.tax()
		case r < 0.90:
			l, lab = g.ownTransfer()
		case r < 0.99:
			l, lab = g.outgoing()
		default:
			l, lab = g.reversal()
		}
		l.ID = int64(i + 1)
		l.Date = day
		l.Account = g.ds.Account
		if l.Currency == "" {
			l.Currency = g.p.currency
		}
		g.ds.Lines = append(g.ds.Lines, l)
		g.ds.Labels = append(g.ds.Labels, lab)
	}
}

// openDocs lists a client's receivables still open and issued by the day, oldest first.
func (g *gen) openDocs(c *client, day int32) []int {
	var out []int
	for _, d := range c.docs {
		if g.open[d] > 0 && g.issued[d] <= day {
			out = append(out, d)
		}
	}
	return out
}

// pickOpen picks the invoice a client pays: usually among the oldest.
func (g *gen) pickOpen(open []int) int {
	if g.chance(0.25) {
		return g.rng.IntN(len(open))
	}
	k := 0
	for k < len(open)-1 && g.chance(0.45) {
		k++
	}
	return k
}

// paying makes a deposit that pays invoices of one client.
func (g *gen) paying(day date.Date, dayOffset int32) (reconcile.Line, Label, bool) {
	var c *client
	var open []int
	for tries := 0; tries < 20; tries++ {
		d := g.receivable[g.rng.IntN(len(g.receivable))]
		cand := g.clients[g.docs[d].ClientID-1]
		if o := g.openDocs(cand, dayOffset); len(o) > 0 {
			c, open = cand, o
			break
		}
	}
	if c == nil {
		return reconcile.Line{}, Label{}, false
	}
	lab := Label{Category: reconcile.CategoryDeposit, ClientID: c.rc.ID, Case: "single"}
	var paid []int // documents named as paid, for the reference
	var amount int64
	var usableNote = -1
	for _, n := range c.credits {
		if g.open[n] > 0 {
			inv := int(g.docs[n].AppliesToID - 1)
			if g.open[inv] > g.open[n] && g.issued[inv] <= dayOffset {
				usableNote = n
			}
		}
	}
	hasRef := (c.refHabit != 0 && g.chance(0.8)) || (c.refHabit == 0 && g.chance(0.1))
	r := g.rng.Float64()
	if usableNote >= 0 && g.chance(0.5) {
		r = -1 // a client with an open credit note usually deducts it
	}
	// The shapes of payments: one invoice (most), several invoices, an
	// invoice less the client's credit note, part of an invoice, a little
	// more than an invoice, an invoice less a withholding.
	switch {
	case r < 0:
		lab.Case = "credit-note"
		inv := int(g.docs[usableNote].AppliesToID - 1)
		paid = append(paid, inv)
		note := g.open[usableNote]
		amount = g.open[inv] - note
		lab.Allocs = []reconcile.Alloc{{DocumentID: g.docs[inv].ID, Amount: amount}}
		lab.Credits = []reconcile.CreditUse{{CreditNoteID: g.docs[usableNote].ID, DocumentID: g.docs[inv].ID, Amount: note}}
		g.open[usableNote] = 0
		g.open[inv] -= note
	case r < 0.10 && len(open) >= 2:
		lab.Case = "multi"
		k := 2
		if g.chance(0.4) {
			k = 3 + g.rng.IntN(2)
		}
		k = min(k, len(open))
		first := 0
		if g.chance(0.3) {
			first = g.rng.IntN(len(open) - k + 1)
		}
		for _, d := range open[first : first+k] {
			paid = append(paid, d)
			lab.Allocs = append(lab.Allocs, reconcile.Alloc{DocumentID: g.docs[d].ID, Amount: g.open[d]})
			amount += g.open[d]
		}
	case r >= 0.10 && r < 0.16:
		lab.Case = "partial"
		// People explain a partial payment more often than a full one; one
		// without a reference is booked to the oldest invoice, as a
		// bookkeeper would, and the label says so.
		hasRef = hasRef || g.chance(0.3)
		d := open[0]
		if hasRef {
			d = open[g.pickOpen(open)]
		}
		amount = g.roundNice(g.open[d] * int64(25+g.rng.IntN(50)) / 100)
		if amount <= 0 || amount >= g.open[d] {
			amount = g.open[d] / 2
		}
		if !hasRef && g.owesExactly(open, amount) {
			// Unreferenced, an amount that is exactly another open invoice
			// is that invoice's payment to anyone reading the statement;
			// a partial payment is not written that way.
			amount -= g.unit
		}
		if amount <= 0 {
			// Too little left to pay in part: paid in full.
			amount, lab.Case = g.open[d], "single"
		}
		paid = append(paid, d)
		lab.Allocs = []reconcile.Alloc{{DocumentID: g.docs[d].ID, Amount: amount}}
	case r >= 0.16 && r < 0.18:
		lab.Case = "overpay"
		hasRef = hasRef || g.chance(0.2)
		d := open[g.pickOpen(open)]
		extra := g.roundNice(g.open[d] * int64(1+g.rng.IntN(5)) / 100)
		if extra <= 0 {
			extra = g.unit * 10
		}
		amount = g.open[d] + extra
		paid = append(paid, d)
		lab.Allocs = []reconcile.Alloc{{DocumentID: g.docs[d].ID, Amount: g.open[d]}}
		lab.Remainder = extra
	case r >= 0.18 && r < 0.21:
		lab.Case = "short"
		d := open[g.pickOpen(open)]
		// A withholding on the net (Colombia's retención en la fuente,
		// Argentina's IIBB, Peru's retención del IGV) or, in Chile, the
		// bank's transfer fee deducted by the payer.
		var cut int64
		if len(g.p.withholding) > 0 {
			net := g.open[d] * 100 / int64(100+g.p.vat)
			cut = net * int64(g.p.withholding[g.rng.IntN(len(g.p.withholding))]) / 1000
		} else {
			cut = int64(200+g.rng.IntN(1300)) * g.unit
		}
		amount = g.open[d] - cut
		if cut <= 0 || amount <= 0 {
			amount = g.open[d] - g.unit
		}
		paid = append(paid, d)
		lab.Allocs = []reconcile.Alloc{{DocumentID: g.docs[d].ID, Amount: amount}}
	default:
		d := open[g.pickOpen(open)]
		amount = g.open[d]
		paid = append(paid, d)
		lab.Allocs = []reconcile.Alloc{{DocumentID: g.docs[d].ID, Amount: amount}}
	}
	for _, a := range lab.Allocs {
		g.open[a.DocumentID-1] -= a.Amount
	}
	if lab.Case == "single" {
		for _, o := range open {
			if o != paid[0] && g.open[o] == amount {
				lab.Traits = append(lab.Traits, "same-amount")
				break
			}
		}
	}

	l := reconcile.Line{Amount: amount}
	var ref string
	if hasRef {
		ref = g.writeRef(paid, &lab)
	} else {
		lab.Traits = append(lab.Traits, "no-ref")
	}
	g.describeDeposit(&l, &lab, c, ref)
	lab.Traits = append(lab.Traits, c.traits...)
	if c.twin {
		lab.Traits = append(lab.Traits, "twin")
	}
	return l, lab, true
}

// owesExactly reports whether one of the open invoices is owed exactly amount.
func (g *gen) owesExactly(open []int, amount int64) bool {
	for _, o := range open {
		if g.open[o] == amount {
			return true
		}
	}
	return false
}

// writeRef writes the documents a deposit pays as a payer does: FACT 1234,
// F-1234, F1234, fac1234, FAC. 1234, Nº 1234, the number as printed with
// its series, a bare number, lists ("FACTURAS 1234 Y 1235", "FACT
// 1234/1235"), sometimes with a digit wrong.
func (g *gen) writeRef(paid []int, lab *Label) string {
	c := g.clients[g.docs[paid[0]].ClientID-1]
	bare := c.refHabit == 2 || g.chance(0.08)
	typo := g.chance(0.05)
	forms := make([]string, len(paid))
	for k, d := range paid {
		number := g.docs[d].Number
		digits := digitsOf(number)
		if typo && k == 0 {
			digits = g.typo(digits)
			lab.Traits = append(lab.Traits, "typo")
		}
		switch {
		case bare:
			if g.chance(0.2) && len(digits) < 8 {
				forms[k] = strings.Repeat("0", 8-len(digits)) + digits
			} else {
				forms[k] = digits
			}
		case !typo && g.chance(0.35):
			forms[k] = number // as printed, with its series
		default:
			forms[k] = digits
		}
	}
	if bare {
		lab.Traits = append(lab.Traits, "bare-ref")
		return strings.Join(forms, " ")
	}
	if len(forms) == 1 {
		f := forms[0]
		if digitsOnly(f) {
			switch g.rng.IntN(4) {
			case 0:
				return "F-" + f
			case 1:
				return "F" + f
			case 2:
				return "fac" + f
			}
		}
		switch g.rng.IntN(9) {
		case 0:
			return "FACT " + f
		case 1, 2, 3, 4:
			return "FAC. " + f
		case 5:
			return "Nº " + f
		case 6:
			return "FACTURA " + f
		case 7:
			return "PAGO FACTURA N° " + f
		}
		return f
	}
	last := forms[len(forms)-1]
	head := strings.Join(forms[:len(forms)-1], ", ")
	switch g.rng.IntN(4) {
	case 0:
		return "FACTURAS " + head + " Y " + last
	case 1:
		return "FACT " + strings.Join(forms, "/")
	case 2:
		if digitsOnly(forms[0]) {
			return "F" + strings.Join(forms, " F")
		}
		return strings.Join(forms, " ")
	}
	return "FACTS " + strings.Join(forms, " ")
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// typo changes one digit or swaps two adjacent ones.
func (g *gen) typo(d string) string {
	b := []byte(d)
	if len(b) < 3 {
		return d
	}
	for {
		i := g.rng.IntN(len(b))
		if g.chance(0.5) && i+1 < len(b) && b[i] != b[i+1] {
			b[i], b[i+1] = b[i+1], b[i]
		} else {
			b[i] = byte('0' + (int(b[i]-'0')+1+g.rng.IntN(9))%10)
		}
		if b[0] != '0' && string(b) != d {
			return string(b)
		}
		b = []byte(d)
	}
}

// describeDeposit writes a deposit's description in one of the country's
// bank templates: with the payer's name, tax ID, both or neither (cheques
// and cash), and the reference in the text or the reference column.
func (g *gen) describeDeposit(l *reconcile.Line, lab *Label, c *client, ref string) {
	name := c.bankName
	if g.chance(0.1) {
		name = g.renderName(&client{person: c.person, first: c.first, last: c.last, kind: c.kind, core: c.core,
			form: c.form, rc: c.rc})
	}
	taxID := c.rc.TaxID
	if c.thirdParty != "" {
		name = strings.ToUpper(fold(c.thirdParty))
		taxID = c.thirdPartyID
		lab.Traits = append(lab.Traits, "third-party")
	}
	kind := "transfer"
	switch c.channel {
	case 1:
		kind = "cheque"
	case 2:
		kind = "cash"
	}
	if g.chance(0.015) {
		kind = "cheque"
	}
	desc, usedName, usedTax := g.template(kind, name, g.writeTaxID(taxID))
	if !usedName && !usedTax {
		lab.Traits = append(lab.Traits, "no-payer")
	}
	if usedTax && c.thirdParty == "" {
		lab.Traits = append(lab.Traits, "tax-id")
	}
	if g.chance(0.15) && usedName {
		// The file gives the payer apart (CAMT, OFX, some exports).
		l.Payer = name
		desc = strings.TrimSpace(strings.Replace(desc, name, "", 1))
	}
	if ref != "" {
		if c.refHabit == 3 || g.chance(0.25) {
			l.Reference = ref
		} else {
			desc += " " + ref
		}
	}
	if l.Reference == "" && g.chance(0.35) {
		l.Reference = strconv.Itoa(100_000 + g.rng.IntN(99_900_000)) // the bank's operation number
	}
	l.Description = desc
}

// template writes a deposit description; it reports whether the payer's
// name and tax ID are in it.
func (g *gen) template(kind, name, taxID string) (string, bool, bool) {
	chq := strconv.Itoa(1_000_000 + g.rng.IntN(8_999_999))
	if kind == "cheque" {
		switch g.p.code {
		case "CL":
			return g.pick([]string{"DEP CHEQUE", "DEP.CHEQUE OTROS BANCOS", "DEPOSITO CHEQUE " + chq}), false, false
		case "CO":
			return g.pick([]string{"CONSIGNACION CHEQUE", "CONSIGNACION CORRESPONSAL CB " + chq[:6]}), false, false
		case "MX":
			return g.pick([]string{"DEPOSITO CHEQUE " + chq, "DEP SBC CHEQUE"}), false, false
		case "PE":
			return g.pick([]string{"DEP.CHEQUE " + chq, "DEPOSITO CHEQUE"}), false, false
		}
		return g.pick([]string{"ACREDITAMIENTO ECHEQ " + chq, "DEPOSITO CHEQUE"}), false, false
	}
	if kind == "cash" {
		switch g.p.code {
		case "CO":
			return "CONSIGNACION EFECTIVO", false, false
		case "MX":
			return "DEPOSITO EN EFECTIVO SUC " + chq[:4], false, false
		case "PE":
			return "DEPOSITO EFECTIVO", false, false
		}
		return "DEPOSITO EN EFECTIVO", false, false
	}
	type tpl struct {
		s         string
		name, tax bool
	}
	var ts []tpl
	switch g.p.code {
	case "CL":
		ts = []tpl{{"TRANSF DE {N}", true, false}, {"TRANSFERENCIA DE {N}", true, false},
			{"ABONO TERCEROS {T} {N}", true, true}, {"Traspaso De:{N}", true, false},
			{"TEF {T} {N}", true, true}, {"PAGO RECIBIDO PRV {T} BCO ESTAD", false, true},
			{"TRANSFERENCIA ELECTRONICA {T}", false, true}}
	case "CO":
		ts = []tpl{{"PAGO PROVEEDORES NIT {T} {N}", true, true}, {"ABONO ACH {N}", true, false},
			{"TRANSFERENCIA DESDE {N}", true, false}, {"PAGO INTERBANC {N}", true, false},
			{"ABONO TRANSFERENCIA NIT {T}", false, true}}
	case "MX":
		ts = []tpl{{"SPEI RECIBIDO BANORTE REF " + chq + " {N}", true, false},
			{"SPEI RECIBIDO BBVA {N} RFC {T}", true, true}, {"TRANSFERENCIA SPEI {N}", true, false},
			{"SPEI RECIBIDO SANTANDER {T}", false, true}}
	case "PE":
		ts = []tpl{{"TRAN.CTAS.TERC.{N}", true, false}, {"TRANSF.INTERBANC. {T} {N}", true, true},
			{"ABONO PLIN {N}", true, false}, {"TRANSFERENCIA DE {N}", true, false}}
	case "AR":
		ts = []tpl{{"TRANSF. RECIBIDA CUIT {T} {N}", true, true}, {"CREDITO TRANSFERENCIA {N}", true, false},
			{"TRANSFERENCIA DE TERCEROS {T}", false, true}, {"ECHEQ {N}", true, false}}
	}
	t := ts[g.rng.IntN(len(ts))]
	s := strings.ReplaceAll(strings.ReplaceAll(t.s, "{N}", name), "{T}", taxID)
	return s, t.name, t.tax
}

// unknownDeposit is money in that pays nothing in the book: someone who is
// not a client, card sales, interest, a loan, a tax refund. Its amount is
// drawn like an invoice's, so it may equal one by chance.
func (g *gen) unknownDeposit() (reconcile.Line, Label) {
	lab := Label{Category: reconcile.CategoryDeposit, Case: "unknown"}
	size := float64(g.p.typical) * math.Exp(g.rng.NormFloat64()*0.9)
	amount := g.amount(size)
	var desc string
	switch r := g.rng.Float64(); {
	case r < 0.55:
		var name string
		person := g.chance(0.6)
		if person {
			name = g.pick(firstNames) + " " + g.pick(lastNames) + " " + g.pick(lastNames)
		} else {
			name = g.pick(unknownCompanies) + " " + g.pick(legalForms[g.p.code])
		}
		name = truncate(upper(name, false), g.p.widths[g.rng.IntN(len(g.p.widths))])
		desc, _, _ = g.template("transfer", name, g.writeTaxID(g.newTaxID(person, name)))
		if g.chance(0.1) {
			desc += " FACT " + strconv.Itoa(1000+g.rng.IntN(90_000))
		}
	case r < 0.75:
		desc = g.pick([]string{"LIQUIDACION VENTAS TARJETAS", "ABONO TRANSBANK", "ABONO VENTAS POS", "MERCADO PAGO LIQUIDACION"})
	case r < 0.85:
		desc = g.pick([]string{"DEPOSITO EN EFECTIVO", "DEP CHEQUE"})
	case r < 0.93:
		desc = g.pick([]string{"INTERESES GANADOS", "ABONO CREDITO COMERCIAL", "DESEMBOLSO PRESTAMO"})
		amount = g.amount(size * 3)
	default:
		desc = g.pick([]string{"DEVOLUCION IMPUESTO RENTA", "REINTEGRO SEGURO", "DEVOLUCION GARANTIA"})
	}
	return reconcile.Line{Amount: amount, Description: desc}, lab
}

// fee is a bank fee.
func (g *gen) fee() (reconcile.Line, Label) {
	descs := map[string][]string{
		"CL": {"COMISION MANTENCION CTA CTE", "COMISION TRANSFERENCIA", "CARGO POR SERVICIO PLAN", "COMIS. MANTENCION LINEA CREDITO"},
		"CO": {"CUOTA MANEJO", "COMISION TRANSFERENCIA ACH", "COMISION CONSIGNACION NACIONAL", "CARGO FIJO CUENTA"},
		"MX": {"COMISION SPEI", "COMISION MANEJO DE CUENTA", "COMISION CHEQUERA", "MEMBRESIA BANCA EMPRESARIAL"},
		"PE": {"COMISION MANTENIMIENTO", "PORTES", "COMISION TRANSF INTERBANCARIA", "COMISION ENVIO ESTADO CUENTA"},
		"AR": {"COMISION MANTENIMIENTO CUENTA", "COMISION TRANSFERENCIA", "COMIS. PAQUETE EMPRESAS", "GASTOS BANCARIOS"},
	}[g.p.code]
	amount := -(int64(5+g.rng.IntN(50)) * int64(math.Max(1, float64(g.p.typical)/500))) * g.unit / 10
	if g.chance(0.05) {
		// The bank gives a fee back.
		return reconcile.Line{Amount: -min(amount, -g.unit), Description: "DEVOLUCION COMISION " + g.pick(descs)},
			Label{Category: reconcile.CategoryFee, Case: "fee"}
	}
	return reconcile.Line{Amount: min(amount, -g.unit), Description: g.pick(descs)}, Label{Category: reconcile.CategoryFee, Case: "fee"}
}

// tax is a tax charged on the account: GMF, ITF, IDB, IVA on fees, stamp
// tax, perceptions and withholdings.
func (g *gen) tax() (reconcile.Line, Label) {
	descs := map[string][]string{
		"CL": {"IVA COMISION", "IMPUESTO TIMBRES Y ESTAMPILLAS", "IVA S/COMISION MANTENCION"},
		"CO": {"GMF 4X1000", "GRAVAMEN MOVIMIENTOS FINANCIEROS", "IMPTO GOBIERNO 4 X 1000", "IVA COMISION"},
		"MX": {"IVA COMISION SPEI", "IVA POR COMISION", "ISR RETENIDO INTERESES"},
		"PE": {"ITF", "IMPUESTO ITF", "IGV COMISION"},
		"AR": {"IMPUESTO LEY 25413 DEBITO", "IMP. DEB. Y CRED. LEY 25.413", "PERCEPCION IVA RG 2408", "RETENCION IIBB SIRCREB", "IVA 21% S/COMISION"},
	}[g.p.code]
	amount := -(int64(1+g.rng.IntN(40)) * int64(math.Max(1, float64(g.p.typical)/1000))) * g.unit / 10
	d := g.pick(descs)
	if g.p.code == "PE" && d == "IGV COMISION" {
		// IGV is Peru's VAT; a rule on "IGV" is the user's to add.
		d = "IMPUESTO IGV COMISION"
	}
	return reconcile.Line{Amount: min(amount, -g.unit), Description: d}, Label{Category: reconcile.CategoryTax, Case: "tax"}
}

// ownTransfer moves money between the business's accounts.
func (g *gen) ownTransfer() (reconcile.Line, Label) {
	amount := g.amount(float64(g.p.typical) * 5)
	if g.chance(0.5) {
		amount = -amount
	}
	descs := []string{"TRASPASO ENTRE CUENTAS PROPIAS", "TRASPASO A CTA " + g.ownAccount,
		"TRASPASO DE CTA " + g.ownAccount, "TRANSF. ENTRE CTAS. MISMO TITULAR"}
	return reconcile.Line{Amount: amount, Description: g.pick(descs)}, Label{Category: reconcile.CategoryTransfer, Case: "transfer"}
}

// outgoing is a payment the business made.
func (g *gen) outgoing() (reconcile.Line, Label) {
	name := upper(g.pick(unknownCompanies), false)
	descs := []string{"PAGO PROVEEDOR " + name, "TRANSF A " + name, "CHEQUE " + strconv.Itoa(1000+g.rng.IntN(9000)) + " COBRADO",
		"PAGO REMUNERACIONES", "PAGO EN LINEA SII", "PAGO PREVIRED", "PAGO TARJETA CREDITO", "PAGO SERVICIOS BASICOS",
		// Outgoing payments whose words the bank-fee and tax rules also use:
		// a salesperson's commission, the business's own taxes.
		"PAGO COMISION VENDEDORES", "PAGO IMPUESTOS MENSUALES"}
	amount := -g.amount(float64(g.p.typical) * math.Exp(g.rng.NormFloat64()))
	return reconcile.Line{Amount: amount, Description: g.pick(descs)}, Label{Category: reconcile.CategoryOutgoing, Case: "outgoing"}
}

// reversal is a returned cheque or a reversed transfer.
func (g *gen) reversal() (reconcile.Line, Label) {
	descs := []string{"CHEQUE DEVUELTO " + strconv.Itoa(1_000_000+g.rng.IntN(8_999_999)), "REVERSO TRANSFERENCIA", "RECHAZO CHEQUE DEPOSITADO"}
	amount := -g.amount(float64(g.p.typical))
	return reconcile.Line{Amount: amount, Description: g.pick(descs)}, Label{Category: reconcile.CategoryReversal, Case: "reversal"}
}
