package reconcile

import (
	"sort"
	"strings"

	"cartera/backend/money"
	"cartera/backend/taxid"
)

// Reading a line's evidence: tax IDs, document numbers, learned rules, the
// payer's name and the amount point to candidate clients, each with a score
// for how surely the payer is that client and the reasons for it.

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
	copy(numChunks, taxShaped)
	for _, n := range m.nums {
		numChunks[n.chunk] = true
		h, ok := b.numHead[n.key]
		if !ok {
			continue
		}
		for i, walked := h, 0; i >= 0 && walked < maxSameNumber; i, walked = b.numNext[i], walked+1 {
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
	found := b.names.nameCandidates(m.payer, maxNameCands, sc)
	b.scratch.Put(sc)
	for _, ci := range found {
		cl := &b.clients[ci]
		sim := max(b.names.similarity(m.payer, cl.tokens[0]), b.names.similarity(m.payer, cl.tokens[1]))
		if sim >= 0.2 {
			m.cand(ci).sim = sim
		}
	}

	// Documents whose open amount is the deposit's, whoever they are of;
	// an amount that many documents owe points to no one.
	var byAmount []int32
	if h, ok := b.amtHead[m.amount]; ok {
		for i := h; i >= 0 && len(byAmount) <= maxSameAmount; i = b.amtNext[i] {
			if b.docs[i].cur == m.cur {
				byAmount = append(byAmount, i)
			}
		}
	}
	if len(byAmount) <= maxSameAmount {
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

// Limits on the candidates of one line: clients by name, and in all (a
// line rarely points to more than two or three clients; the rest of the
// list is there for a weak line's suggestions).
const (
	maxNameCands  = 6
	maxCands      = 8
	maxSameAmount = 8   // documents owing the deposit's amount that make candidates
	maxSameNumber = 200 // documents sharing a number's digits that are graded
)

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
	if len(out) > maxCands {
		out = out[:maxCands]
	}
	return out
}
