package reconcile

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/money"
	"cartera/backend/taxid"
)

// Book is what a matching run knows of a portfolio: its clients, their open
// documents and the rules, indexed once so that each line is matched
// quickly (a million open documents take about 60 bytes each). Match only
// reads it; Apply and Run consume the open amounts of accepted matches, so
// a Book must not be matched and applied from several goroutines at once.
type Book struct {
	country  string
	currency string // the country's currency, for lines that do not say
	exp      int    // its decimals
	style    money.Style

	clients   []clientRec
	clientPos map[int64]int32
	names     *nameIndex
	taxFull   map[string][]int32 // normalized tax ID → clients
	taxBody   map[string][]int32 // RUT/NIT body without its check digit → clients

	docs    []docRec // ordered by ID
	numbers string   // the documents' numbers end to end (docRec has no pointers for the GC to scan)
	curs    []string // currency codes by docRec.cur
	numHead map[uint64]int32
	numNext []int32
	amtHead map[int64]int32 // open amount → first receivable with it
	amtNext []int32
	amtPrev []int32

	rules ruleSet

	scratch sync.Pool // *nameScratch, so that concurrent Match calls do not share one
}

// clientRec is one client, with its open documents oldest first.
type clientRec struct {
	id      int64
	taxID   string
	name    string      // the legal name (the trade name when there is none), for reasons
	form    string      // its company form, as legalForm writes it
	tokens  [2][]string // significant words of the legal and the trade name
	docs    []int32     // open invoices and debit notes, by due date, issue date, ID
	credits []int32     // open credit notes
}

// docRec is one open document in compact form, without pointers.
type docRec struct {
	id        int64
	open      int64
	numOff    uint32 // its number is numbers[numOff : numOff+numLen]
	numLen    uint16
	client    int32 // -1 when the client is not in the book
	issue     int32 // days since 1970-01-01
	due       int32
	appliesTo int32 // a credit note's invoice, -1 when none or unknown
	cur       uint8
	credit    bool
}

// dayNumber is the count of days from 1970-01-01 to d (Howard Hinnant's
// days_from_civil), a compact and fast key for comparing dates.
func dayNumber(d date.Date) int32 {
	if d.IsZero() {
		return 0
	}
	y, m := d.Year, int(d.Month)
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int32(era*146097 + doe - 719468)
}

// NewBook indexes a portfolio for matching. country is the portfolio's
// ("CL", "CO", "MX", "PE", "AR"): it decides how tax IDs are read and
// amounts written. docs are the open documents (receivables and credit
// notes with Open > 0; others are ignored); rules are the stored rules,
// DefaultRules included.
func NewBook(country string, clients []Client, docs []Document, rules []Rule) *Book {
	country = strings.ToUpper(strings.TrimSpace(country))
	b := &Book{
		country:   country,
		currency:  money.CurrencyFor(country),
		style:     money.StyleFor(country),
		clientPos: make(map[int64]int32, len(clients)),
		taxFull:   make(map[string][]int32, len(clients)),
		taxBody:   make(map[string][]int32),
		rules:     compileRules(rules),
	}
	b.exp, _ = money.Exponent(b.currency)

	b.clients = make([]clientRec, len(clients))
	names := make([][2][]string, len(clients))
	for i, c := range clients {
		rec := clientRec{id: c.ID, name: c.LegalName}
		if strings.TrimSpace(rec.name) == "" {
			rec.name = c.TradeName
		}
		rec.tokens[0] = nameTokens(c.LegalName)
		rec.form = legalForm(scanText(c.LegalName).words)
		rec.tokens[1] = nameTokens(c.TradeName)
		names[i] = rec.tokens
		if _, dup := b.clientPos[c.ID]; !dup {
			b.clientPos[c.ID] = int32(i)
		}
		cc := country
		if c.Country != "" {
			cc = strings.ToUpper(c.Country)
		}
		if id := taxid.Normalize(cc, c.TaxID); len(id) >= 6 && !genericRFC(id) {
			rec.taxID = id
			b.taxFull[id] = append(b.taxFull[id], int32(i))
			if (cc == "CL" || cc == "CO") && len(id) >= 8 {
				body := id[:len(id)-1]
				b.taxBody[body] = append(b.taxBody[body], int32(i))
			}
		}
		b.clients[i] = rec
	}
	b.names = newNameIndex(names)
	b.scratch.New = func() any { return &nameScratch{} }
	b.indexDocs(docs)
	return b
}

// indexDocs keeps the open documents and builds the per-client lists and
// the number and amount indexes.
func (b *Book) indexDocs(docs []Document) {
	curIndex := map[string]uint8{}
	b.docs = make([]docRec, 0, len(docs))
	nums := make([]byte, 0, 8*len(docs))
	for i := range docs {
		d := &docs[i]
		if d.Open <= 0 {
			continue
		}
		credit := d.Kind == ar.KindCreditNote
		cur := strings.ToUpper(d.Currency)
		if cur == "" {
			cur = b.currency
		}
		ci, ok := curIndex[cur]
		if !ok {
			if len(b.curs) == 255 {
				continue // more currencies than any portfolio has
			}
			ci = uint8(len(b.curs))
			curIndex[cur] = ci
			b.curs = append(b.curs, cur)
		}
		client := int32(-1)
		if p, ok := b.clientPos[d.ClientID]; ok {
			client = p
		}
		number := d.Number
		if len(number) > 1000 {
			number = number[:1000] // no document number is this long; keep the arena small
		}
		if len(nums)+len(number) > math.MaxUint32 {
			continue
		}
		off := uint32(len(nums))
		nums = append(nums, number...)
		b.docs = append(b.docs, docRec{id: d.ID, open: d.Open, numOff: off, numLen: uint16(len(number)), client: client,
			issue: dayNumber(d.IssueDate), due: dayNumber(d.DueDate), appliesTo: -1, cur: ci, credit: credit})
	}
	b.numbers = string(nums)
	if !slices.IsSortedFunc(b.docs, func(x, y docRec) int { return cmp.Compare(x.id, y.id) }) {
		slices.SortStableFunc(b.docs, func(x, y docRec) int { return cmp.Compare(x.id, y.id) })
	}
	// Credit notes name their invoice by ID; find its position.
	for i := range docs {
		d := &docs[i]
		if d.AppliesToID == 0 || d.Open <= 0 || d.Kind != ar.KindCreditNote {
			continue
		}
		if p := b.docIndex(d.ID); p >= 0 {
			b.docs[p].appliesTo = b.docIndex(d.AppliesToID)
		}
	}

	// Per-client lists share one backing array.
	counts := make([]int32, len(b.clients))
	credits := make([]int32, len(b.clients))
	for i := range b.docs {
		if c := b.docs[i].client; c >= 0 {
			if b.docs[i].credit {
				credits[c]++
			} else {
				counts[c]++
			}
		}
	}
	backing := make([]int32, 0, len(b.docs))
	for c := range b.clients {
		b.clients[c].docs = backing[len(backing) : len(backing) : len(backing)+int(counts[c])]
		backing = backing[:len(backing)+int(counts[c])]
	}
	for i := range b.docs {
		d := &b.docs[i]
		if d.client < 0 {
			continue
		}
		c := &b.clients[d.client]
		if d.credit {
			c.credits = append(c.credits, int32(i))
		} else {
			c.docs = append(c.docs, int32(i))
		}
	}
	for c := range b.clients {
		slices.SortFunc(b.clients[c].docs, b.oldestFirst)
	}

	b.numHead = make(map[uint64]int32, len(b.docs))
	b.numNext = make([]int32, len(b.docs))
	b.amtHead = make(map[int64]int32, len(b.docs))
	b.amtNext = make([]int32, len(b.docs))
	b.amtPrev = make([]int32, len(b.docs))
	for i := range b.docs {
		b.numNext[i], b.amtNext[i], b.amtPrev[i] = -1, -1, -1
		d := &b.docs[i]
		if d.client < 0 {
			continue
		}
		if k, ok := digitKey(numberDigits(b.number(int32(i)))); ok {
			if h, ok := b.numHead[k]; ok {
				b.numNext[i] = h
			}
			b.numHead[k] = int32(i)
		}
		if !d.credit {
			b.amtLink(int32(i))
		}
	}
}

// number is document i's number.
func (b *Book) number(i int32) string {
	d := &b.docs[i]
	return b.numbers[d.numOff : d.numOff+uint32(d.numLen)]
}

// oldestFirst orders documents by due date, issue date and ID, the order in
// which a payment without instructions is applied.
func (b *Book) oldestFirst(x, y int32) int {
	dx, dy := &b.docs[x], &b.docs[y]
	switch {
	case dx.due != dy.due:
		return int(dx.due - dy.due)
	case dx.issue != dy.issue:
		return int(dx.issue - dy.issue)
	}
	return cmp.Compare(dx.id, dy.id)
}

// docIndex finds a document's position by ID, -1 when it is not in the book.
func (b *Book) docIndex(id int64) int32 {
	i, ok := slices.BinarySearchFunc(b.docs, id, func(d docRec, id int64) int { return cmp.Compare(d.id, id) })
	if !ok {
		return -1
	}
	return int32(i)
}

// amtLink puts a receivable in the chain of its open amount.
func (b *Book) amtLink(i int32) {
	d := &b.docs[i]
	if d.open <= 0 {
		return
	}
	b.amtPrev[i] = -1
	b.amtNext[i] = -1
	if h, ok := b.amtHead[d.open]; ok {
		b.amtNext[i] = h
		b.amtPrev[h] = i
	}
	b.amtHead[d.open] = i
}

// amtUnlink takes a receivable out of the chain of its open amount.
func (b *Book) amtUnlink(i int32) {
	d := &b.docs[i]
	prev, next := b.amtPrev[i], b.amtNext[i]
	if prev >= 0 {
		b.amtNext[prev] = next
	} else if h, ok := b.amtHead[d.open]; ok && h == i {
		if next >= 0 {
			b.amtHead[d.open] = next
		} else {
			delete(b.amtHead, d.open)
		}
	}
	if next >= 0 {
		b.amtPrev[next] = prev
	}
	b.amtPrev[i], b.amtNext[i] = -1, -1
}

// Apply consumes a proposal's amounts in the book, as when the user accepts
// it: each allocation lowers its document's open amount and each credit use
// its credit note's, never below zero. Documents not in the book are skipped.
func (b *Book) Apply(p Proposal) {
	for _, a := range p.Allocs {
		if i := b.docIndex(a.DocumentID); i >= 0 && !b.docs[i].credit {
			b.setOpen(i, b.docs[i].open-a.Amount)
		}
	}
	for _, c := range p.Credits {
		if i := b.docIndex(c.CreditNoteID); i >= 0 && b.docs[i].credit {
			b.setOpen(i, b.docs[i].open-c.Amount)
		}
		if i := b.docIndex(c.DocumentID); i >= 0 && !b.docs[i].credit {
			b.setOpen(i, b.docs[i].open-c.Amount)
		}
	}
}

func (b *Book) setOpen(i int32, open int64) {
	d := &b.docs[i]
	if open < 0 {
		open = 0
	}
	if !d.credit && d.client >= 0 {
		b.amtUnlink(i)
		d.open = open
		b.amtLink(i)
		return
	}
	d.open = open
}

// Run matches lines in order. A line matched automatically is applied to the
// book before the next is matched, so no two lines pay the same invoice
// beyond its open amount automatically; suggestions consume nothing, but a
// document that an earlier line's first suggestion pays is not paid in part
// or in excess automatically by a later line (its open amount is in doubt
// until the user decides).
//
// Lines are matched on all processors, a batch at a time, against the book
// as the batch starts; walking the batch in order, a line is matched again
// when an automatic match earlier in the batch changed what it read, so the
// results are exactly those of matching one line after another.
func (b *Book) Run(lines []Line, opt Options) []Result {
	return b.RunEach(lines, opt, nil)
}

// RunEach is Run that also hands each stretch of results to done as soon as
// it is final (results[i] is the result of lines[from+i]), in order, so that
// a caller can store them while the next stretch is matched. done runs on
// the caller's goroutine between batches.
func (b *Book) RunEach(lines []Line, opt Options, done func(from int, results []Result)) []Result {
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 || len(lines) < 2*runBatch {
		out := b.runSequential(lines, opt)
		if done != nil {
			done(0, out)
		}
		return out
	}
	out := make([]Result, len(lines))
	pending := map[int32]bool{}
	spec := make([]Result, runBatch)
	reads := make([]readSet, runBatch)
	dirty := map[int32]bool{}   // clients an automatic match of this batch changed
	amounts := map[int64]bool{} // open amounts documents had or were left with
	for start := 0; start < len(lines); start += runBatch {
		end := min(start+runBatch, len(lines))
		var wg sync.WaitGroup
		var next atomic.Int64
		next.Store(int64(start))
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1) - 1)
					if i >= end {
						return
					}
					spec[i-start], reads[i-start] = b.match(lines[i], opt, nil)
				}
			}()
		}
		wg.Wait()
		clear(dirty)
		clear(amounts)
		for i := start; i < end; i++ {
			r, rs := spec[i-start], reads[i-start]
			stale := amounts[lines[i].Amount]
			for _, c := range rs.clients {
				if dirty[c] {
					stale = true
					break
				}
			}
			if !stale && r.Auto && rs.inexact {
				// A partial or excess payment of a document an earlier line
				// may have paid is not automatic (see match).
				for _, a := range r.Proposals[0].Allocs {
					if p := b.docIndex(a.DocumentID); p >= 0 && pending[p] {
						stale = true
					}
				}
			}
			if stale {
				r, _ = b.match(lines[i], opt, pending)
			}
			b.settle(r, pending, dirty, amounts)
			out[i] = r
		}
		if done != nil {
			done(start, out[start:end])
		}
	}
	return out
}

// runBatch is how many lines Run matches at once.
const runBatch = 256

// runSequential is Run one line after another.
func (b *Book) runSequential(lines []Line, opt Options) []Result {
	out := make([]Result, len(lines))
	pending := map[int32]bool{}
	for i := range lines {
		out[i], _ = b.match(lines[i], opt, pending)
		b.settle(out[i], pending, nil, nil)
	}
	return out
}

// settle applies an automatic match, noting the clients it changed and the
// open amounts their documents had and were left with (a line of that
// amount may find other documents by it now), or marks the documents of a
// suggestion as pending.
func (b *Book) settle(r Result, pending, dirty map[int32]bool, amounts map[int64]bool) {
	switch {
	case r.Auto:
		p := r.Proposals[0]
		var ids []int64
		if dirty != nil {
			for _, a := range p.Allocs {
				ids = append(ids, a.DocumentID)
			}
			for _, c := range p.Credits {
				ids = append(ids, c.CreditNoteID, c.DocumentID)
			}
			for _, id := range ids {
				if i := b.docIndex(id); i >= 0 {
					dirty[b.docs[i].client] = true
					amounts[b.docs[i].open] = true
				}
			}
		}
		b.Apply(p)
		for _, id := range ids {
			if i := b.docIndex(id); i >= 0 {
				amounts[b.docs[i].open] = true
			}
		}
	case len(r.Proposals) > 0:
		for _, a := range r.Proposals[0].Allocs {
			if i := b.docIndex(a.DocumentID); i >= 0 {
				pending[i] = true
			}
		}
	}
}

// lineCurrency is the currency a line is in: its own, else the portfolio's.
func (b *Book) lineCurrency(l *Line) (uint8, bool) {
	cur := strings.ToUpper(strings.TrimSpace(l.Currency))
	if cur == "" {
		cur = b.currency
	}
	for i, c := range b.curs {
		if c == cur {
			return uint8(i), true
		}
	}
	return 0, false
}
