package reconcile

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
