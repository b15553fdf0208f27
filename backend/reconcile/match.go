package reconcile

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"cartera/backend/money"
	"cartera/backend/taxid"
)

// How a deposit is matched. The evidence in the line (tax IDs, learned
// rules, the payer's name, document numbers, the amount) points to candidate
// clients; for each, hypotheses say which of its documents the deposit pays
// (the named ones, one whose open amount is the deposit's, a combination, an
// invoice less a credit note, a partial payment, an overpayment, the oldest
// first). Each hypothesis gets a score, in the manner of log-odds: the
// client's evidence plus the documents' (named, amount, dates). Confidences
// are the hypotheses' share of exp(score), with a fixed weight for "none of
// these" (noneScore), so two equally good hypotheses (two invoices of the
// same amount, two combinations with the same sum, two clients with the same
// name) each get at most half and are never accepted automatically.

// Evidence weights (log-odds points).
const (
	noneScore = 8.0 // "something the book does not explain"

	taxFullPoints  = 9.0 // the payer's tax ID with its check digit
	taxBodyPoints  = 6.5 // without it
	rulePoints     = 7.5 // a learned rule
	namePoints     = 9.0 // times the name similarity, less nameOffset
	nameOffset     = 1.5
	otherTaxIDCost = 3.0 // the line carries another client's tax ID

	exactPoints     = 6.0  // one document's open amount, or the named documents'
	creditPoints    = 5.0  // an invoice less an open credit note
	appliesToPoints = 1.0  // ... the note that corrects that invoice
	partialPoints   = -1.0 // less than the named document's open amount
	overPoints      = -0.5
	nearPoints      = 1.5  // within 5% of one document (a fee or withholding deducted, a little extra)
	fallbackPoints  = -1.0 // oldest first, nothing fits exactly
	onAccountPoints = -2.0 // the client has nothing open
	unnamedCost     = 2.5  // a document the line names is left out
	futureCost      = 3.0  // a document issued after the deposit
	dueNearPoints   = 0.3  // the single document falls due within a week of the deposit
	incompleteCost  = 2.0  // the combination search ran out of budget

	corroborated = 4.0 // client evidence from which a one-digit typo in a number is believed
	formPoints   = 0.5 // the payer's legal form is the client's (as far as it is written)
	formCost     = 2.0 // it is another one
)

// refPoints is what a document named in the line adds, by how it is named.
func refPoints(l refLevel) float64 {
	switch l {
	case refFull:
		return 7
	case refKeyword:
		return 6
	case refPadded:
		return 4.5
	case refRef:
		return 4
	case refBare, refTypo:
		return 2.5
	case refBare3:
		return 1.5
	}
	return 0
}

// cand is a client the line may be from, with the evidence for it.
type cand struct {
	client  int32
	tax     *taxHit
	rule    int // index of a client rule, -1
	ruleRef compiledRule
	sim     float64
	refs    []numRef
	score   float64 // the client's evidence
	reasons []note
}

// hyp is one way the deposit may be recorded.
type hyp struct {
	client    int32
	allocs    []docAmount
	credits   []creditAmount
	remainder int64
	score     float64
	noAuto    bool
	inexact   bool // pays part of a document, or more than the documents (a remainder)
	reasons   []note
}

type docAmount struct {
	doc    int32
	amount int64
}

type creditAmount struct {
	note, doc int32
	amount    int64
}

// matcher holds what is known of one line while it is matched.
type matcher struct {
	b      *Book
	l      *Line
	cur    uint8
	day    int32
	amount int64
	t      text
	nums   []numCand
	taxes  []taxHit
	payer  payerName
	cands  map[int32]*cand
	hyps   []hyp
	// pending are documents that earlier lines of the same run may have
	// paid (their first proposal, not accepted): a later line does not pay
	// them in part or in excess automatically, since their open amount is in doubt.
	pending map[int32]bool
	openBuf []int32 // reused by hypothesize
}

// Match classifies one line and, for a deposit, proposes matches, best
// first, saying whether the first is sure enough to be accepted without
// asking. It reads the book and changes nothing.
func (b *Book) Match(l Line, opt Options) Result {
	r, _ := b.match(l, opt, nil)
	return r
}

// readSet is what a match read of the book that Apply may change: the
// clients whose documents it considered, and whether its first proposal
// pays a document in part or in excess (which documents pending in a run
// keep from being automatic).
type readSet struct {
	clients []int32
	inexact bool
}

func (b *Book) match(l Line, opt Options, pending map[int32]bool) (Result, readSet) {
	opt = opt.withDefaults()
	res := Result{LineID: l.ID}
	t := lineText(&l)
	res.Category, res.RuleID = b.rules.classifyLine(&l, ruleWords(&l, t), lineIDs(&l, t))
	if res.Category != CategoryDeposit {
		return res, readSet{}
	}
	cur, ok := b.lineCurrency(&l)
	if !ok {
		return res, readSet{} // nothing open in that currency
	}
	m := &matcher{b: b, l: &l, cur: cur, day: dayNumber(l.Date), amount: l.Amount, t: t,
		cands: make(map[int32]*cand, 8), pending: pending, hyps: make([]hyp, 0, 16)}
	m.gather()
	for _, c := range m.ranked() {
		m.hypothesize(c)
	}
	var rs readSet
	res.Proposals, res.Auto, rs.inexact = m.propose(opt)
	rs.clients = make([]int32, 0, len(m.cands))
	for c := range m.cands {
		rs.clients = append(rs.clients, c)
	}
	return res, rs
}

func (m *matcher) cand(client int32) *cand {
	c, ok := m.cands[client]
	if !ok {
		c = &cand{client: client, rule: -1}
		m.cands[client] = c
	}
	return c
}

// gather reads the evidence of the line and turns it into candidate clients.
func (m *matcher) gather() {
	b := m.b
	taxShaped := make([]bool, len(m.t.chunks))
	m.taxes = b.findTaxIDs(m.t, m.l.PayerID, taxShaped)
	for i := range m.taxes {
		h := &m.taxes[i]
		c := m.cand(h.client)
		if c.tax == nil || (h.full && !c.tax.full) {
			c.tax = h
		}
	}

	exp, _ := money.Exponent(b.curs[m.cur])
	m.nums = findNumbers(m.t, taxShaped, m.amount, exp, m.l.Date)
	numChunks := make([]bool, len(m.t.chunks))
	for i := range taxShaped {
		numChunks[i] = taxShaped[i]
	}
	for _, n := range m.nums {
		numChunks[n.chunk] = true
		h, ok := b.numHead[n.key]
		if !ok {
			continue
		}
		for i, walked := h, 0; i >= 0 && walked < 200; i, walked = b.numNext[i], walked+1 {
			d := &b.docs[i]
			if d.cur == m.cur && d.open > 0 && d.client >= 0 {
				if lvl := gradeRef(n, b.number(i), d.credit); lvl > refNone {
					c := m.cand(d.client)
					c.refs = addRef(c.refs, numRef{doc: i, level: lvl, written: n.written, chunk: n.chunk})
				}
			}
		}
	}

	words := ruleWords(m.l, m.t)
	ids := lineIDs(m.l, m.t)
	for _, id := range ids {
		for _, r := range b.rules.byID[id] {
			m.addRule(r)
		}
	}
	seen := map[string]bool{}
	for _, w := range words {
		k := wordKey(w)
		if seen[k] {
			continue
		}
		seen[k] = true
		for _, r := range b.rules.byWord[k] {
			if r.matches(words, nil) {
				m.addRule(r)
			}
		}
	}

	m.payer = b.names.payerFromLine(m.l, m.t, nameSkip(m.t, numChunks, taxShaped))
	sc := b.scratch.Get().(*nameScratch)
	found := b.names.nameCandidates(m.payer, 8, sc)
	b.scratch.Put(sc)
	for _, ci := range found {
		cl := &b.clients[ci]
		sim := max(b.names.similarity(m.payer, cl.tokens[0]), b.names.similarity(m.payer, cl.tokens[1]))
		if sim >= 0.2 {
			m.cand(ci).sim = sim
		}
	}

	// Documents whose open amount is the deposit's, whoever they are of.
	var byAmount []int32
	if h, ok := b.amtHead[m.amount]; ok {
		for i := h; i >= 0 && len(byAmount) <= 8; i = b.amtNext[i] {
			if b.docs[i].cur == m.cur {
				byAmount = append(byAmount, i)
			}
		}
	}
	if len(byAmount) <= 8 {
		for _, i := range byAmount {
			m.cand(b.docs[i].client)
		}
	}

	for _, c := range m.cands {
		m.scoreClient(c)
	}
	// A one-digit typo in a number is believed only of a corroborated client.
	for _, c := range m.cands {
		if c.score >= corroborated {
			m.addTypos(c)
		}
	}
}

// nameSkip marks the chunks of a line that are not the payer's name: the
// reference column, tax IDs and numbers, the words that introduce
// documents ("FACT", "NC", "MENOS"), and the connectors and lone letters
// around those ("Y" of "FE1002 Y FE1003", "A" of "FC A 0003-00012001").
func nameSkip(t text, nums, taxShaped []bool) []bool {
	skip := make([]bool, len(t.chunks))
	ref := make([]bool, len(t.chunks))
	for i, c := range t.chunks {
		w := strings.ReplaceAll(c.s, ".", "")
		ref[i] = nums[i] && !taxShaped[i] || invoiceWords[w] || creditWords[w] || refWords[w] || w == "menos" || w == "mas"
		skip[i] = i >= t.descChunks || nums[i] || taxShaped[i] || ref[i]
	}
	for i, c := range t.chunks {
		if skip[i] || !(connectors[c.s] || len(c.s) == 1) {
			continue
		}
		if (i > 0 && ref[i-1]) || (i+1 < len(t.chunks) && ref[i+1]) {
			skip[i] = true
		}
	}
	return skip
}

func (m *matcher) addRule(r compiledRule) {
	rule := m.b.rules.rules[r.index]
	p, ok := m.b.clientPos[rule.ClientID]
	if !ok {
		return
	}
	c := m.cand(p)
	if c.rule < 0 {
		c.rule, c.ruleRef = r.index, r
	}
}

// addRef adds a named document, keeping the best level per document.
func addRef(refs []numRef, r numRef) []numRef {
	for k := range refs {
		if refs[k].doc == r.doc {
			if r.level > refs[k].level {
				refs[k] = r
			}
			return refs
		}
	}
	return append(refs, r)
}

// addTypos names the client's documents whose number a number of the line
// misses by one digit or a swap. A number that names one of the client's
// documents as written is taken for a typo of another only when that other
// one's open amount is exactly the deposit.
func (m *matcher) addTypos(c *cand) {
	cl := &m.b.clients[c.client]
	named := map[int]bool{}
	for _, r := range c.refs {
		named[r.chunk] = true
	}
	for _, n := range m.nums {
		if n.level < refBare3 || len(n.digits) < 3 {
			continue
		}
		for _, list := range [2][]int32{cl.docs, cl.credits} {
			for k, i := range list {
				if k >= 200 {
					break
				}
				d := &m.b.docs[i]
				if d.cur != m.cur || d.open <= 0 || (named[n.chunk] && d.open != m.amount) {
					continue
				}
				if typoOf(n.digits, strings.TrimLeft(numberDigits(m.b.number(i)), "0")) {
					c.refs = addRef(c.refs, numRef{doc: i, level: refTypo, written: n.written, chunk: n.chunk})
				}
			}
		}
	}
}

// scoreClient weighs the evidence that the payer is c's client and writes
// the reasons for it.
func (m *matcher) scoreClient(c *cand) {
	b := m.b
	cl := &b.clients[c.client]
	s := 0.0
	if c.tax != nil {
		if c.tax.full {
			s += taxFullPoints
		} else {
			s += taxBodyPoints
		}
		shown := c.tax.written
		if c.tax.full {
			shown = taxid.Format(b.country, cl.taxID)
		}
		c.reasons = append(c.reasons, reason("bank.reason.taxid",
			"name", taxName(b.country), "taxid", strings.ToUpper(shown), "client", cl.name))
	} else if len(m.taxes) > 0 {
		s -= otherTaxIDCost
	}
	if c.rule >= 0 {
		s += rulePoints * m.ruleCoverage(c.ruleRef)
		c.reasons = append(c.reasons, reason("bank.reason.rule",
			"pattern", b.rules.rules[c.rule].Pattern, "client", cl.name))
	}
	if c.sim > 0 {
		if v := namePoints*c.sim - nameOffset; v > 0 {
			s += v
			c.reasons = append(c.reasons, reason("bank.reason.name", "payer", m.payer.text, "client", cl.name))
		}
	}
	if c.sim > 0 || c.rule >= 0 {
		// "SEGURIDAD ESPINOZA CASTRO S. D" is an S. de R.L., not an S.C.
		switch formsAgree(m.payer.form, cl.form) {
		case 1:
			s += formPoints
		case -1:
			s -= formCost
		}
	}
	c.score = s
}

// ruleCoverage is how much of the payer's name a learned rule's words
// account for: a rule learned from "SALINAS" says less of a payer named
// "PLASTICOS SALINAS" than of one named "SALINAS". An account or tax ID
// rule covers everything.
func (m *matcher) ruleCoverage(r compiledRule) float64 {
	if r.id != "" {
		return 1
	}
	n, hit := 0, 0
	for _, t := range m.payer.tokens {
		if len(t) < 2 {
			continue
		}
		n++
		for _, w := range r.words {
			if wordMatch(t, w, false) > 0 || wordMatch(w, t, false) > 0 {
				hit++
				break
			}
		}
	}
	if n == 0 {
		return 1
	}
	return max(0.4, float64(hit)/float64(n))
}

func taxName(country string) string {
	if n := taxid.Name(country); n != "" {
		return n
	}
	return "ID"
}

// ranked returns the candidates worth building hypotheses for, best first.
func (m *matcher) ranked() []*cand {
	out := make([]*cand, 0, len(m.cands))
	for _, c := range m.cands {
		out = append(out, c)
	}
	best := func(c *cand) float64 {
		v := c.score
		top := 0.0
		for _, r := range c.refs {
			top = max(top, refPoints(r.level))
		}
		return v + top
	}
	sort.Slice(out, func(i, j int) bool {
		bi, bj := best(out[i]), best(out[j])
		if bi != bj {
			return bi > bj
		}
		return out[i].client < out[j].client
	})
	if len(out) > 12 {
		out = out[:12]
	}
	return out
}

// hypothesize builds the ways the deposit may pay client c's documents.
func (m *matcher) hypothesize(c *cand) {
	b := m.b
	cl := &b.clients[c.client]
	open := m.openBuf[:0] // receivables in the line's currency, oldest first
	for _, i := range cl.docs {
		if d := &b.docs[i]; d.cur == m.cur && d.open > 0 {
			open = append(open, i)
		}
	}
	m.openBuf = open
	var notes []int32
	for _, i := range cl.credits {
		if d := &b.docs[i]; d.cur == m.cur && d.open > 0 {
			notes = append(notes, i)
		}
	}
	var named, namedNotes []numRef
	for _, r := range c.refs {
		if b.docs[r.doc].credit {
			namedNotes = append(namedNotes, r)
		} else {
			named = append(named, r)
		}
	}
	before := len(m.hyps)
	exact := false

	// The documents the line names as written make hypotheses of their own;
	// a mistyped number only supports hypotheses the amount makes (it may
	// be one digit off several documents, and it is one number).
	var written []numRef
	for _, r := range named {
		if r.level != refTypo {
			written = append(written, r)
		}
	}
	if len(written) > 0 {
		exact = m.namedHyps(c, written, namedNotes, open, notes)
	}
	// Documents whose open amount is the deposit's. Two or more of them
	// already issued by the deposit's day, none named: which one was paid
	// is a guess, never automatic.
	singles := 0
	for _, i := range open {
		if b.docs[i].open == m.amount && (m.day == 0 || b.docs[i].issue <= m.day+3) {
			singles++
		}
	}
	firstSingle := len(m.hyps)
	for _, i := range open {
		if b.docs[i].open == m.amount {
			h := m.newHyp(c, named, namedNotes, []docAmount{{i, m.amount}}, nil, 0)
			h.score += exactPoints + m.dueNear(i)
			h.reasons = append(h.reasons, reason("bank.reason.exact_amount"))
			if singles > 1 {
				h.reasons = append(h.reasons, reason("bank.reason.same_amount", "count", strconv.Itoa(singles)))
				h.noAuto = h.noAuto || !c.namesExplicitly(i)
			}
			m.hyps = append(m.hyps, h)
			exact = true
		}
	}
	if singles > 0 && len(open) >= 3 {
		// One invoice is the amount; two others may add up to it as well.
		// A single invoice is much the likelier, and the scores say by how
		// much: the pair competes, and with enough of them, or a weak
		// client, no proposal is sure enough to be automatic.
		if m.pairHyps(c, named, namedNotes, open) {
			for k := firstSingle; k < len(m.hyps); k++ {
				if h := &m.hyps[k]; len(h.allocs) == 1 && !c.namesExplicitly(h.allocs[0].doc) {
					h.reasons = append(h.reasons, reason("bank.reason.other_sum"))
				}
			}
		}
	}
	// An invoice less an open credit note.
	for _, n := range notes {
		note := &b.docs[n]
		for _, i := range open {
			d := &b.docs[i]
			if d.open-note.open == m.amount && note.open < d.open {
				h := m.newHyp(c, named, namedNotes, []docAmount{{i, m.amount}}, []creditAmount{{n, i, note.open}}, 0)
				h.score += creditPoints
				if note.appliesTo == i {
					h.score += appliesToPoints
				}
				h.reasons = append(h.reasons, reason("bank.reason.credit_note", "number", b.number(n)))
				m.hyps = append(m.hyps, h)
				exact = true
			}
		}
	}
	// Several invoices together, for a client the line points to (a sum
	// found among the invoices of a client nothing else points to is chance).
	if !exact && len(open) >= 2 && (c.score >= corroborated || len(c.refs) > 0) {
		exact = m.sumHyps(c, named, namedNotes, open, notes)
	}
	if len(m.hyps) == before && c.score >= corroborated {
		m.fallbackHyps(c, named, namedNotes, open)
	}
}

// namesExplicitly reports whether the line names document i explicitly (FACT 1234, F-1234…).
func (c *cand) namesExplicitly(i int32) bool {
	for _, r := range c.refs {
		if r.doc == i && r.level.explicit() {
			return true
		}
	}
	return false
}

// pairHyps adds the pairs of the client's open invoices that add up to the
// deposit; it reports whether there was any.
func (m *matcher) pairHyps(c *cand, named, namedNotes []numRef, open []int32) bool {
	items := open
	if len(items) > maxSubsetItems {
		items = items[:maxSubsetItems]
	}
	amounts := make([]int64, len(items))
	for k, i := range items {
		amounts[k] = m.b.docs[i].open
	}
	r := subsetSums(amounts, m.amount, 2, 2000)
	for _, set := range r.sets {
		allocs := []docAmount{{items[set[0]], amounts[set[0]]}, {items[set[1]], amounts[set[1]]}}
		h := m.newHyp(c, named, namedNotes, allocs, nil, 0)
		h.score += math.Min(exactPoints-0.5, 9.5-math.Log(combinations(len(items), 2))) - 1
		h.reasons = append(h.reasons, m.sumReason(allocs), reason("bank.reason.other_sum"))
		m.hyps = append(m.hyps, h)
	}
	return len(r.sets) > 0
}

// namedHyps builds the hypotheses from the documents the line names; it
// reports whether one of them accounts for the amount exactly.
func (m *matcher) namedHyps(c *cand, named, namedNotes []numRef, open, notes []int32) bool {
	b := m.b
	var sum int64
	docs := make([]int32, 0, len(named))
	for _, r := range named {
		docs = append(docs, r.doc)
		sum += b.docs[r.doc].open
	}
	explicit := false
	for _, r := range named {
		if r.level.explicit() {
			explicit = true
		}
	}
	switch {
	case sum == m.amount:
		allocs := make([]docAmount, len(docs))
		for k, i := range docs {
			allocs[k] = docAmount{i, b.docs[i].open}
		}
		h := m.newHyp(c, named, namedNotes, allocs, nil, 0)
		h.score += exactPoints
		if len(allocs) == 1 {
			h.score += m.dueNear(allocs[0].doc)
			h.reasons = append(h.reasons, reason("bank.reason.exact_amount"))
		} else {
			h.reasons = append(h.reasons, m.sumReason(allocs))
		}
		m.hyps = append(m.hyps, h)
		return true
	case sum > m.amount:
		// Part of the named documents, exactly.
		if len(docs) >= 2 && len(docs) <= 12 {
			amounts := make([]int64, len(docs))
			for k, i := range docs {
				amounts[k] = b.docs[i].open
			}
			if r := subsetSums(amounts, m.amount, len(docs)-1, 2000); len(r.sets) > 0 {
				for _, set := range r.sets {
					allocs := make([]docAmount, len(set))
					for k, x := range set {
						allocs[k] = docAmount{docs[x], amounts[x]}
					}
					h := m.newHyp(c, named, namedNotes, allocs, nil, 0)
					h.score += exactPoints - 1
					h.reasons = append(h.reasons, m.sumReason(allocs))
					m.hyps = append(m.hyps, h)
				}
				return true
			}
			for k, i := range docs {
				if amounts[k] == m.amount {
					h := m.newHyp(c, named, namedNotes, []docAmount{{i, m.amount}}, nil, 0)
					h.score += exactPoints - 1
					h.reasons = append(h.reasons, reason("bank.reason.exact_amount"))
					m.hyps = append(m.hyps, h)
					return true
				}
			}
		}
		// The named documents less a credit note.
		found := false
		for _, n := range notes {
			note := &b.docs[n]
			if sum-note.open != m.amount {
				continue
			}
			target := docs[0]
			for _, i := range docs {
				if note.appliesTo == i {
					target = i
				}
			}
			if b.docs[target].open < note.open {
				continue
			}
			allocs := make([]docAmount, 0, len(docs))
			for _, i := range docs {
				a := b.docs[i].open
				if i == target {
					a -= note.open
				}
				if a > 0 {
					allocs = append(allocs, docAmount{i, a})
				}
			}
			h := m.newHyp(c, named, namedNotes, allocs, []creditAmount{{n, target, note.open}}, 0)
			h.score += creditPoints
			if note.appliesTo == target {
				h.score += appliesToPoints
			}
			h.reasons = append(h.reasons, reason("bank.reason.credit_note", "number", b.number(n)))
			m.hyps = append(m.hyps, h)
			found = true
		}
		if found {
			return true
		}
		// A partial payment: the named documents in the order named, the last one in part.
		left := m.amount
		var allocs []docAmount
		for _, i := range docs {
			if left <= 0 {
				break
			}
			a := min(left, b.docs[i].open)
			allocs = append(allocs, docAmount{i, a})
			left -= a
		}
		last := allocs[len(allocs)-1]
		h := m.newHyp(c, named, namedNotes, allocs, nil, 0)
		h.inexact = true
		h.score += partialPoints
		// Which of several named invoices is paid in part is a guess (one may
		// have been paid in part by a line still waiting for confirmation).
		h.noAuto = !explicit || len(allocs) > 1
		h.reasons = append(h.reasons, reason("bank.reason.partial", "number", b.number(last.doc),
			"left", m.money(b.docs[last.doc].open-last.amount)))
		m.hyps = append(m.hyps, h)
	default: // sum < amount
		extra := m.amount - sum
		allocs := make([]docAmount, 0, len(docs)+2)
		for _, i := range docs {
			allocs = append(allocs, docAmount{i, b.docs[i].open})
		}
		// The rest may pay other open documents exactly.
		for _, i := range open {
			if !slices.Contains(docs, i) && b.docs[i].open == extra {
				all := append(append([]docAmount(nil), allocs...), docAmount{i, extra})
				h := m.newHyp(c, named, namedNotes, all, nil, 0)
				h.score += exactPoints - 2
				h.reasons = append(h.reasons, m.sumReason(all))
				m.hyps = append(m.hyps, h)
				return true
			}
		}
		h := m.newHyp(c, named, namedNotes, allocs, nil, extra)
		h.inexact = true
		h.score += overPoints
		// Real overpayments are small (rounding, a fee paid twice); a large
		// excess is more likely a payment of something else as well.
		h.noAuto = !explicit || extra*10 > m.amount
		h.reasons = append(h.reasons, reason("bank.reason.overpayment", "amount", m.money(extra)))
		m.hyps = append(m.hyps, h)
	}
	return false
}

// sumHyps looks for combinations of the client's open invoices (and of them
// less a credit note) that add up to the deposit.
func (m *matcher) sumHyps(c *cand, named, namedNotes []numRef, open, notes []int32) bool {
	if len(open) <= maxSubsetItems {
		return m.sumHypsOf(c, named, namedNotes, open, notes)
	}
	// The oldest invoices first; then, for a client with many, those that
	// fall due nearest the deposit (a payment run covers a period).
	if m.sumHypsOf(c, named, namedNotes, open[:maxSubsetItems], notes) {
		return true
	}
	near := slices.Clone(open)
	dist := func(i int32) int32 {
		d := m.b.docs[i].due - m.day
		if d < 0 {
			d = -d
		}
		return d
	}
	slices.SortStableFunc(near, func(x, y int32) int { return int(dist(x) - dist(y)) })
	near = near[:maxSubsetItems]
	slices.SortFunc(near, m.b.oldestFirst)
	if near[0] == open[0] && near[maxSubsetItems-1] == open[maxSubsetItems-1] {
		return false // the same invoices again
	}
	return m.sumHypsOf(c, named, namedNotes, near, notes)
}

// sumHypsOf looks for combinations among the given invoices (at most maxSubsetItems).
func (m *matcher) sumHypsOf(c *cand, named, namedNotes []numRef, items, notes []int32) bool {
	b := m.b
	amounts := make([]int64, len(items))
	for k, i := range items {
		amounts[k] = b.docs[i].open
	}
	found := false
	try := func(target int64, note int32) {
		r := subsetSums(amounts, target, maxSubsetK, subsetBudget)
		for _, set := range r.sets {
			allocs := make([]docAmount, len(set))
			for k, x := range set {
				allocs[k] = docAmount{items[x], amounts[x]}
			}
			var credits []creditAmount
			if note >= 0 {
				// The note goes to the invoice it corrects, else the largest it fits.
				nopen := b.docs[note].open
				t := -1
				for k, a := range allocs {
					if b.docs[note].appliesTo == a.doc {
						t = k
					}
				}
				if t < 0 {
					for k, a := range allocs {
						if a.amount > nopen && (t < 0 || a.amount > allocs[t].amount) {
							t = k
						}
					}
				}
				if t < 0 {
					continue
				}
				credits = []creditAmount{{note, allocs[t].doc, nopen}}
				allocs[t].amount -= nopen
			}
			h := m.newHyp(c, named, namedNotes, allocs, credits, 0)
			v := math.Min(exactPoints-0.5, 9.5-math.Log(combinations(len(items), r.k))) - 0.3*float64(r.k-2)
			h.score += v
			if note >= 0 {
				h.score += creditPoints - exactPoints - 1
				h.reasons = append(h.reasons, reason("bank.reason.credit_note", "number", b.number(note)))
			}
			h.reasons = append(h.reasons, m.sumReason(allocs))
			if len(r.sets) > 1 {
				h.reasons = append(h.reasons, reason("bank.reason.other_sum"))
			}
			if !r.complete {
				h.score -= incompleteCost
				h.noAuto = true
			}
			m.hyps = append(m.hyps, h)
			found = true
		}
	}
	try(m.amount, -1)
	if !found {
		for k, n := range notes {
			if k >= 3 {
				break
			}
			try(m.amount+b.docs[n].open, n)
		}
	}
	return found
}

// fallbackHyps are for a client the line surely is from when nothing fits
// exactly: a document within 5% of the amount (a bank fee or a withholding
// deducted, a little extra), else the oldest documents first with any
// excess left as the client's credit.
func (m *matcher) fallbackHyps(c *cand, named, namedNotes []numRef, open []int32) {
	b := m.b
	near := 0
	for _, i := range open {
		d := &b.docs[i]
		switch {
		case m.amount < d.open && m.amount*100 >= d.open*95:
			h := m.newHyp(c, named, namedNotes, []docAmount{{i, m.amount}}, nil, 0)
			h.score += nearPoints
			h.noAuto = true
			h.reasons = append(h.reasons, reason("bank.reason.short", "number", b.number(i), "diff", m.money(d.open-m.amount)))
			m.hyps = append(m.hyps, h)
			near++
		case m.amount > d.open && d.open*105 >= m.amount*100:
			h := m.newHyp(c, named, namedNotes, []docAmount{{i, d.open}}, nil, m.amount-d.open)
			h.score += nearPoints - 0.5
			h.noAuto = true
			h.reasons = append(h.reasons, reason("bank.reason.overpayment", "amount", m.money(m.amount-d.open)))
			m.hyps = append(m.hyps, h)
			near++
		}
		if near >= 3 {
			break
		}
	}
	if len(open) == 0 {
		h := m.newHyp(c, named, namedNotes, nil, nil, m.amount)
		h.score += onAccountPoints
		h.noAuto = true
		h.reasons = append(h.reasons, reason("bank.reason.on_account"))
		m.hyps = append(m.hyps, h)
		return
	}
	left := m.amount
	var allocs []docAmount
	for _, i := range open {
		if left <= 0 {
			break
		}
		a := min(left, b.docs[i].open)
		allocs = append(allocs, docAmount{i, a})
		left -= a
	}
	h := m.newHyp(c, named, namedNotes, allocs, nil, left)
	h.score += fallbackPoints
	h.noAuto = true
	h.reasons = append(h.reasons, reason("bank.reason.oldest_first"))
	m.hyps = append(m.hyps, h)
	// Less than one invoice: it may be a part of the next ones as well.
	alt := 0
	for k, i := range open {
		if k == 0 || alt >= 2 {
			continue
		}
		if d := &b.docs[i]; m.amount < d.open {
			h := m.newHyp(c, named, namedNotes, []docAmount{{i, m.amount}}, nil, 0)
			h.score += fallbackPoints - 0.5 - 0.5*float64(alt)
			h.noAuto = true
			h.reasons = append(h.reasons, reason("bank.reason.partial", "number", b.number(i), "left", m.money(d.open-m.amount)))
			m.hyps = append(m.hyps, h)
			alt++
		}
	}
}

// newHyp starts a hypothesis with the client's evidence, the named
// documents it pays (and those it leaves out), and the dates.
func (m *matcher) newHyp(c *cand, named, namedNotes []numRef, allocs []docAmount, credits []creditAmount, remainder int64) hyp {
	b := m.b
	h := hyp{client: c.client, allocs: allocs, credits: credits, remainder: remainder, score: c.score}
	h.reasons = make([]note, len(c.reasons), len(c.reasons)+4)
	copy(h.reasons, c.reasons)
	in := func(doc int32) bool {
		for _, a := range allocs {
			if a.doc == doc {
				return true
			}
		}
		for _, cr := range credits {
			if cr.note == doc || cr.doc == doc {
				return true
			}
		}
		return false
	}
	var got []float64
	missed := 0
	used := map[int]bool{} // a written number counts once, whatever it names
	for _, list := range [2][]numRef{named, namedNotes} {
		for _, r := range list {
			if r.level == refTypo && c.score < corroborated {
				continue
			}
			if in(r.doc) {
				if !used[r.chunk] {
					got = append(got, refPoints(r.level))
				}
				used[r.chunk] = true
				key := "bank.reason.number"
				params := []string{"number", b.number(r.doc)}
				if r.level == refTypo {
					key = "bank.reason.number_typo"
					params = append(params, "written", strings.ToUpper(r.written))
				}
				h.reasons = append(h.reasons, reason(key, params...))
			} else if r.level >= refBare && !b.docs[r.doc].credit {
				missed++
				h.reasons = append(h.reasons, reason("bank.reason.number_elsewhere", "number", b.number(r.doc)))
				if r.level.explicit() {
					h.noAuto = true // the line says it pays a document this proposal does not
				}
			}
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(got)))
	for k, p := range got {
		if k == 0 {
			h.score += p
		} else {
			h.score += min(p, 2)
		}
	}
	h.score -= unnamedCost * float64(min(missed, 2))
	if c.score <= 0 && len(got) == 0 {
		h.reasons = append(h.reasons, reason("bank.reason.amount_only"))
	}
	future := 0
	for _, a := range allocs {
		if m.day > 0 && b.docs[a.doc].issue > m.day+3 {
			future++
		}
	}
	h.score -= futureCost * float64(min(future, 2))
	if len(allocs) == 1 && m.day > 0 {
		h.reasons = append(h.reasons, m.dueReason(allocs[0].doc))
	}
	return h
}

// dueNear is the bonus for a document that falls due within a week of the deposit.
func (m *matcher) dueNear(i int32) float64 {
	d := m.day - m.b.docs[i].due
	if m.day > 0 && d >= -7 && d <= 7 {
		return dueNearPoints
	}
	return 0
}

func (m *matcher) dueReason(i int32) note {
	d := int(m.day - m.b.docs[i].due)
	switch {
	case d == 0:
		return reason("bank.reason.due_same_day")
	case d == 1:
		return reason("bank.reason.due_before_one")
	case d > 1:
		return reason("bank.reason.due_before", "days", strconv.Itoa(d))
	case d == -1:
		return reason("bank.reason.due_after_one")
	}
	return reason("bank.reason.due_after", "days", strconv.Itoa(-d))
}

func (m *matcher) sumReason(allocs []docAmount) note {
	nums := make([]string, len(allocs))
	for k, a := range allocs {
		nums[k] = m.b.number(a.doc)
	}
	return reason("bank.reason.sum", "count", strconv.Itoa(len(allocs)), "numbers", strings.Join(nums, ", "))
}

func (m *matcher) money(v int64) string {
	return money.FormatPlain(v, m.b.curs[m.cur], m.b.style)
}

// reasonRank orders a proposal's reasons as a person reads them: the
// documents the line names, what the amount says, who the payer is, what
// is doubtful, and last the dates.
func reasonRank(key string) int {
	switch key {
	case "bank.reason.number", "bank.reason.number_typo":
		return 0
	case "bank.reason.exact_amount", "bank.reason.sum", "bank.reason.credit_note", "bank.reason.partial",
		"bank.reason.overpayment", "bank.reason.short", "bank.reason.oldest_first", "bank.reason.on_account":
		return 1
	case "bank.reason.taxid", "bank.reason.rule", "bank.reason.name", "bank.reason.amount_only":
		return 2
	case "bank.reason.same_amount", "bank.reason.other_sum", "bank.reason.number_elsewhere":
		return 3
	}
	return 4
}

// note is a reason while hypotheses are weighed: a plain value, turned
// into a Reason (with its map) only for the proposals a line returns.
type note struct {
	key string
	kv  [6]string // up to three name-value pairs
}

func reason(key string, kv ...string) note {
	n := note{key: key}
	copy(n.kv[:], kv)
	return n
}

// Reason is the note as backend/i18n renders it.
func (n note) Reason() Reason {
	r := Reason{Key: n.key}
	for i := 0; i+1 < len(n.kv) && n.kv[i] != ""; i += 2 {
		if r.Params == nil {
			r.Params = make(map[string]string, 3)
		}
		r.Params[n.kv[i]] = n.kv[i+1]
	}
	return r
}

// propose turns the hypotheses into proposals with confidences, best first.
func (m *matcher) propose(opt Options) ([]Proposal, bool, bool) {
	if len(m.hyps) == 0 {
		return nil, false, false
	}
	hs := dedupe(m.hyps)
	// Oldest documents first among equals, then by client for a stable order.
	sort.SliceStable(hs, func(i, j int) bool {
		if hs[i].score != hs[j].score {
			return hs[i].score > hs[j].score
		}
		return m.older(hs[i], hs[j])
	})
	top := hs[0].score
	total := math.Exp(noneScore - top)
	for _, h := range hs {
		total += math.Exp(h.score - top)
	}
	auto := !hs[0].noAuto && 1/total >= opt.AutoThreshold
	// Proposals past the third with almost no chance are not worth their
	// memory (a run keeps every line's); after an automatic match only
	// those with some chance at all are.
	n := min(len(hs), opt.MaxProposals)
	for n > 1 {
		c := math.Exp(hs[n-1].score-top) / total
		if (auto && c < 0.001) || (n > 3 && c < 0.01) {
			n--
			continue
		}
		break
	}
	out := make([]Proposal, n)
	shared := make(map[note]Reason, 8) // one map per distinct reason of the line
	for k := 0; k < n; k++ {
		h := hs[k]
		p := Proposal{ClientID: m.b.clients[h.client].id, Remainder: h.remainder,
			Confidence: math.Exp(h.score-top) / total, Reasons: make([]Reason, len(h.reasons))}
		slices.SortStableFunc(h.reasons, func(x, y note) int { return reasonRank(x.key) - reasonRank(y.key) })
		for k, n := range h.reasons {
			r, ok := shared[n]
			if !ok {
				r = n.Reason()
				shared[n] = r
			}
			p.Reasons[k] = r
		}
		for _, a := range h.allocs {
			if a.amount > 0 {
				p.Allocs = append(p.Allocs, Alloc{DocumentID: m.b.docs[a.doc].id, Amount: a.amount})
			}
		}
		for _, c := range h.credits {
			p.Credits = append(p.Credits, CreditUse{CreditNoteID: m.b.docs[c.note].id, DocumentID: m.b.docs[c.doc].id, Amount: c.amount})
		}
		out[k] = p
	}
	if auto && hs[0].inexact {
		for _, a := range hs[0].allocs {
			if m.pending[a.doc] {
				auto = false
			}
		}
		if auto && m.typoNeighbour(hs[0]) {
			auto = false
		}
	}
	return out, auto, hs[0].inexact
}

// typoNeighbour reports whether a number the line writes is one digit off
// the number of an open document of a candidate client, other than those
// the hypothesis pays, whose open amount is within 3 % of the deposit: then
// a partial or excess payment of the document written may really be a
// payment of its neighbour, mistyped. (Consecutive invoices always differ
// in one digit; only the amount makes a neighbour a suspect.)
func (m *matcher) typoNeighbour(h hyp) bool {
	paid := map[int32]bool{}
	for _, a := range h.allocs {
		paid[a.doc] = true
	}
	for _, n := range m.nums {
		if len(n.digits) < 3 {
			continue
		}
		for _, c := range m.cands {
			if c.score <= 0 && len(c.refs) == 0 {
				continue
			}
			for k, i := range m.b.clients[c.client].docs {
				if k >= 200 {
					break
				}
				d := &m.b.docs[i]
				near := d.open > 0 && m.amount*100 >= d.open*97 && m.amount*100 <= d.open*103
				if !paid[i] && near && typoOf(n.digits, strings.TrimLeft(numberDigits(m.b.number(i)), "0")) {
					return true
				}
			}
		}
	}
	return false
}

// older orders two hypotheses by their oldest document, then by client.
func (m *matcher) older(x, y hyp) bool {
	first := func(h hyp) int32 {
		if len(h.allocs) == 0 {
			return math.MaxInt32
		}
		return h.allocs[0].doc
	}
	fx, fy := first(x), first(y)
	if fx >= 0 && fy >= 0 && fx != math.MaxInt32 && fy != math.MaxInt32 {
		if c := m.b.oldestFirst(fx, fy); c != 0 {
			return c < 0
		}
	}
	return x.client < y.client
}

// dedupe keeps the best-scored of hypotheses that record the same thing.
func dedupe(hs []hyp) []hyp {
	key := func(h hyp) string {
		var sb strings.Builder
		sb.WriteString(strconv.Itoa(int(h.client)))
		as := append([]docAmount(nil), h.allocs...)
		sort.Slice(as, func(i, j int) bool { return as[i].doc < as[j].doc })
		for _, a := range as {
			sb.WriteString("|" + strconv.Itoa(int(a.doc)) + ":" + strconv.FormatInt(a.amount, 10))
		}
		for _, c := range h.credits {
			sb.WriteString("|c" + strconv.Itoa(int(c.note)) + ">" + strconv.Itoa(int(c.doc)) + ":" + strconv.FormatInt(c.amount, 10))
		}
		sb.WriteString("|r" + strconv.FormatInt(h.remainder, 10))
		return sb.String()
	}
	best := map[string]int{}
	out := hs[:0:0]
	for _, h := range hs {
		k := key(h)
		if i, ok := best[k]; ok {
			if h.score > out[i].score {
				out[i] = h
			}
			continue
		}
		best[k] = len(out)
		out = append(out, h)
	}
	return out
}
