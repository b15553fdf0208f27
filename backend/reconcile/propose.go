package reconcile

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// From hypotheses to proposals: confidences as shares of exp(score) beside
// "none of these", best first, duplicates merged, automatic only when sure,
// and the reasons in words.

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
	out := hs[:0:0]
	for _, h := range hs {
		dup := -1
		for i := range out {
			if sameRecord(out[i], h) {
				dup = i
				break
			}
		}
		switch {
		case dup < 0:
			out = append(out, h)
		case h.score > out[dup].score:
			out[dup] = h
		}
	}
	return out
}

// sameRecord reports whether two hypotheses record the same payment: the
// same client, amounts to the same documents (in any order), credit notes
// and remainder. A line has a few dozen hypotheses at most, so comparing
// each pair is cheaper than building keys.
func sameRecord(x, y hyp) bool {
	if x.client != y.client || x.remainder != y.remainder || len(x.allocs) != len(y.allocs) || !slices.Equal(x.credits, y.credits) {
		return false
	}
	for _, a := range x.allocs {
		if !slices.Contains(y.allocs, a) {
			return false
		}
	}
	return true
}
