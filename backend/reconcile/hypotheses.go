package reconcile

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"cartera/backend/money"
)

// The ways a deposit may pay a candidate client's documents: the documents
// the line names, one whose open amount is the deposit's, an invoice less a
// credit note, combinations, a near amount, the oldest first. Each
// hypothesis is scored on top of the client's evidence.

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
