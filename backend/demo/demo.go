// Package demo generates realistic demo portfolios: a Chilean, Colombian,
// Mexican, Peruvian or Argentine company whose clients have valid tax IDs and
// Spanish names, with a year and a half of invoices, credit notes and payments
// that follow each client's habit (punctual, late, partial, never).
//
// The same Options give the same portfolio, so tests and benchmarks can rely
// on it. Generation writes a temporary file and renames it only when
// complete: cancelled or killed, it leaves no portfolio behind.
package demo

import (
	"context"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/money"
	"cartera/backend/sqlite"
	"cartera/backend/taxid"
)

// Limits of a demo portfolio.
const (
	MinClients  = 1
	MaxClients  = 200_000
	MaxInvoices = 5_000_000
	// Months is how far back the invoices go.
	Months = 18
)

// Options choose the demo portfolio.
type Options struct {
	Country  string    // CL, CO, MX, PE or AR; default CL
	Clients  int       // default 200
	Invoices int       // default 5000; at least one per client
	Seed     int64     // default 1; the same seed gives the same portfolio
	Today    date.Date // the day the portfolio is "as of"; default today
}

// Default sizes of a demo portfolio.
const (
	DefaultClients  = 200
	DefaultInvoices = 5000
)

// Check fills in the country, seed and day when they are zero and reports
// options out of range. Sizes have no implicit default: zero clients is an
// error, not a request for the default (forms start from DefaultClients).
func (o *Options) Check() error {
	o.Country = strings.ToUpper(strings.TrimSpace(o.Country))
	if o.Country == "" {
		o.Country = "CL"
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Today.IsZero() {
		o.Today = date.Of(time.Now())
	}
	var is ar.Issues
	if !ar.KnownCountry(o.Country) {
		is.Add("country", "country.unknown", "value", o.Country)
	}
	if o.Clients < MinClients || o.Clients > MaxClients {
		is.Add("clients", "demo.size", "min", strconv.Itoa(MinClients), "max", strconv.Itoa(MaxClients))
	}
	if o.Invoices < o.Clients || o.Invoices > MaxInvoices {
		is.Add("invoices", "demo.size", "min", strconv.Itoa(max(o.Clients, 1)), "max", strconv.Itoa(MaxInvoices))
	}
	return is.Err()
}

// CompanyName is the trade name of the demo company of a country.
func CompanyName(country string) string {
	if c, ok := companies[strings.ToUpper(country)]; ok {
		return c.name
	}
	return companies["CL"].name
}

// Summary tells what Generate wrote.
type Summary struct {
	Path        string
	Clients     int64
	Invoices    int64
	CreditNotes int64
	Payments    int64
	Allocations int64
	Elapsed     time.Duration
}

// Progress is told how far generation is: stage is "clients", "invoices" or
// "indexes"; total is 0 when unknown.
type Progress func(stage string, done, total int64)

// Generate writes a new demo portfolio at path, which must not exist. It
// writes to path+".partial" and renames it when done; on error or
// cancellation (ar.ECanceled) nothing is left at path.
func Generate(ctx context.Context, path string, opt Options, progress Progress) (Summary, error) {
	start := time.Now()
	if err := opt.Check(); err != nil {
		return Summary{}, err
	}
	if progress == nil {
		progress = func(string, int64, int64) {}
	}
	if _, err := os.Stat(path); err == nil {
		return Summary{}, ar.Errorf(ar.EConflict, "path", "portfolio.exists", "path", path)
	}
	tmp := path + ".partial"
	sqlite.RemoveFiles(tmp) // what a killed run left
	co := companies[opt.Country]
	dv, err := taxid.CheckDigit(opt.Country, co.taxBody)
	if err != nil {
		return Summary{}, ar.Wrap(ar.EInternal, err, "internal")
	}
	db, err := sqlite.Create(ctx, tmp, ar.Portfolio{
		Name: co.name + " (demo)", LegalName: co.legal, TaxID: co.taxBody + dv,
		Country: opt.Country, Currency: money.CurrencyFor(opt.Country),
	}, sqlite.Options{Holder: "Cartera demo"})
	if err != nil {
		return Summary{}, err
	}
	if err := db.Close(); err != nil {
		sqlite.RemoveFiles(tmp)
		return Summary{}, err
	}
	// Rows arrive in order of date and of payment: these indexes grow at the end.
	l, err := sqlite.NewLoader(ctx, tmp, time.Now(), "documents_issue", "payments_date", "allocations_payment")
	if err != nil {
		sqlite.RemoveFiles(tmp)
		return Summary{}, err
	}
	g := newGenerator(opt, l, progress)
	if err := g.run(ctx); err != nil {
		l.Abort()
		sqlite.RemoveFiles(tmp)
		if ctx.Err() != nil {
			return Summary{}, ar.Wrap(ar.ECanceled, ctx.Err(), "canceled")
		}
		return Summary{}, err
	}
	if err := l.Audit("demo", map[string]any{"country": opt.Country, "clients": opt.Clients, "invoices": opt.Invoices, "seed": opt.Seed, "today": opt.Today.String()}); err != nil {
		l.Abort()
		sqlite.RemoveFiles(tmp)
		return Summary{}, err
	}
	err = l.Finish(func(done, total int) { progress("indexes", int64(done), int64(total)) })
	if err != nil {
		sqlite.RemoveFiles(tmp)
		if ctx.Err() != nil {
			return Summary{}, ar.Wrap(ar.ECanceled, ctx.Err(), "canceled")
		}
		return Summary{}, err
	}
	if _, err := os.Stat(path); err == nil {
		sqlite.RemoveFiles(tmp)
		return Summary{}, ar.Errorf(ar.EConflict, "path", "portfolio.exists", "path", path)
	}
	if err := os.Rename(tmp, path); err != nil {
		sqlite.RemoveFiles(tmp)
		return Summary{}, ar.Wrap(ar.EReadOnly, err, "folder.read_only", "path", path)
	}
	s := g.sum
	s.Path, s.Elapsed = path, time.Since(start)
	return s, nil
}

// profile is a client's paying habit.
type profile uint8

const (
	punctual profile = iota
	late
	partial
	never
)

type client struct {
	id      int64
	terms   int
	scale   float64 // multiplies the country's typical invoice
	habit   profile
	method  string
	payDay  int // 0: any day; 1-6: that weekday only; 7: the 5th and 20th
	nextRef int
}

// event is something that happens to an invoice on a later day.
type event struct {
	client  int32
	doc     int64
	amount  int64
	credit  bool   // a credit note rather than a payment
	reason  string // of the credit note
	invoice string // number of the invoice a credit note corrects
}

type generator struct {
	opt      Options
	rng      *rand.Rand
	l        *sqlite.Loader
	progress Progress
	currency string
	exp      int64 // 10^exponent of the currency
	typical  float64
	vat      int64 // percent
	clients  []client
	start    date.Date
	days     int
	buckets  [][]event
	nextDoc  int64
	nextPay  int64
	nextCN   int64
	nextInv  int64
	day      int // being generated
	sum      Summary
}

// typicalInvoice is the median invoice net of tax in major units, and the VAT rate, per country.
var typicalInvoice = map[string]struct {
	net float64
	vat int64
}{
	"CL": {650_000, 19}, "CO": {2_800_000, 19}, "MX": {14_000, 16}, "PE": {2_900, 18}, "AR": {750_000, 21},
}

func newGenerator(opt Options, l *sqlite.Loader, progress Progress) *generator {
	cur := money.CurrencyFor(opt.Country)
	e, _ := money.Exponent(cur)
	g := &generator{
		opt: opt, l: l, progress: progress, currency: cur,
		rng:     rand.New(rand.NewPCG(uint64(opt.Seed), 0x43415254)),
		exp:     int64(math.Pow10(e)),
		typical: typicalInvoice[opt.Country].net, vat: typicalInvoice[opt.Country].vat,
		start: opt.Today.AddMonths(-Months),
	}
	g.days = opt.Today.DaysSince(g.start) + 1
	g.buckets = make([][]event, g.days)
	return g
}

func (g *generator) run(ctx context.Context) error {
	if err := g.makeClients(ctx); err != nil {
		return err
	}
	slots := g.invoiceSlots()
	n := len(slots)
	k := 0
	for d := 0; d < g.days; d++ {
		g.day = d
		issue := g.start.AddDays(d)
		for ; k < n && k*g.days/n == d; k++ {
			if k&4095 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				g.progress("invoices", int64(k), int64(n))
			}
			if err := g.invoice(&g.clients[slots[k]], slots[k], issue); err != nil {
				return err
			}
		}
		if err := g.settle(d); err != nil {
			return err
		}
	}
	g.progress("invoices", int64(n), int64(n))
	return nil
}

// invoiceSlots returns, for each invoice in order of issue, the index of its
// client: every client gets at least one, big clients get many.
func (g *generator) invoiceSlots() []int32 {
	weights := make([]float64, len(g.clients))
	var total float64
	for i := range weights {
		weights[i] = g.clients[i].scale * (0.3 + g.rng.ExpFloat64())
		total += weights[i]
	}
	extra := g.opt.Invoices - len(g.clients)
	slots := make([]int32, 0, g.opt.Invoices)
	for i, w := range weights {
		c := 1 + int(float64(extra)*w/total)
		for j := 0; j < c && len(slots) < g.opt.Invoices; j++ {
			slots = append(slots, int32(i))
		}
	}
	for len(slots) < g.opt.Invoices { // what rounding down left over
		slots = append(slots, int32(g.rng.IntN(len(g.clients))))
	}
	g.rng.Shuffle(len(slots), func(i, j int) { slots[i], slots[j] = slots[j], slots[i] })
	return slots
}

func (g *generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *generator) makeClients(ctx context.Context) error {
	n := g.opt.Clients
	g.clients = make([]client, n)
	terms := []int{0, 15, 30, 30, 30, 30, 45, 60, 60, 90}
	methods := []string{"transfer", "transfer", "transfer", "transfer", "transfer", "transfer", "deposit", "check", "cash", "card"}
	for i := 0; i < n; i++ {
		if i&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			g.progress("clients", int64(i), int64(n))
		}
		c := &g.clients[i]
		c.id = int64(i + 1)
		c.terms = terms[g.rng.IntN(len(terms))]
		c.scale = math.Exp(g.rng.NormFloat64() * 0.9)
		c.method = methods[g.rng.IntN(len(methods))]
		switch r := g.rng.IntN(100); {
		case r < 35:
			c.payDay = 1 + g.rng.IntN(5)
		case r < 60:
			c.payDay = 7
		}
		switch r := g.rng.IntN(100); {
		case r < 45:
			c.habit = punctual
		case r < 75:
			c.habit = late
		case r < 90:
			c.habit = partial
		default:
			c.habit = never
		}
		if err := g.l.Client(g.client(i, c)); err != nil {
			return err
		}
	}
	g.sum.Clients = int64(n)
	g.progress("clients", int64(n), int64(n))
	return nil
}

// client builds the record of client i: a company (most) or a person.
func (g *generator) client(i int, c *client) ar.Client {
	country := g.opt.Country
	person := g.rng.IntN(100) < 12
	var legal, trade, core string
	if person {
		legal = g.pick(firstNames) + " " + g.pick(lastNames) + " " + g.pick(lastNames)
		core = legal
	} else {
		core = g.pick(businessCores)
		trade = g.pick(businessKinds) + " " + core
		sfx := legalSuffixes[country]
		legal = trade + " " + sfx[0] // the most common form, half the time
		if g.rng.IntN(2) == 0 {
			legal = trade + " " + g.pick(sfx)
		}
	}
	id := g.taxID(i, person, legal)
	cl := ar.Client{
		ID: c.id, LegalName: legal, TradeName: trade, TaxID: id, TaxIDStatus: ar.TaxIDOK,
		Country: country, PaymentTermsDays: c.terms, Segment: g.pick(segments), Source: ar.SourceDemo,
	}
	if g.rng.IntN(10) < 7 {
		// About what the client owes in a normal month, with room: invoices
		// a month times the months its terms keep them open, times 0.8-2.
		perMonth := float64(g.opt.Invoices) / float64(g.opt.Clients) / Months * c.scale
		open := g.typical * 1.2 * max(2, perMonth*(float64(c.terms)/30+1))
		limit := int64(open*(0.8+g.rng.Float64()*1.2)) / 100_000 * 100_000
		cl.CreditLimit = max(limit, 100_000) * g.exp
	}
	switch c.habit {
	case late:
		if g.rng.IntN(3) == 0 {
			cl.Tags = []string{"paga tarde"}
		}
	case never:
		cl.Tags = []string{"riesgo"}
		cl.Notes = "Cliente con historial de facturas impagas; pedir pago anticipado."
	}
	domain := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, ar.Fold(core))
	if domain == "" {
		domain = "empresa"
	}
	domain += emailTLD[country]
	nContacts := 1 + g.rng.IntN(2)
	for j := 0; j < nContacts; j++ {
		first, last := g.pick(firstNames), g.pick(lastNames)
		local := strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r == '.' {
				return r
			}
			return -1
		}, ar.Fold(first+"."+last))
		ch := ar.ChannelEmail
		if g.rng.IntN(3) == 0 {
			ch = ar.ChannelWhatsApp
		} else if g.rng.IntN(8) == 0 {
			ch = ar.ChannelPhone
		}
		cl.Contacts = append(cl.Contacts, ar.Contact{
			Name: first + " " + last, Role: contactRoles[(i+j)%len(contactRoles)],
			Email: local + "@" + domain, Phone: g.phone(), Channel: ch,
		})
	}
	return cl
}

// taxID returns a valid, normalized tax ID for client i, distinct from every other client's.
func (g *generator) taxID(i int, person bool, name string) string {
	var body string
	switch g.opt.Country {
	case "CL":
		if person {
			body = strconv.Itoa(8_000_000 + i*97 + g.rng.IntN(97))
		} else {
			body = strconv.Itoa(76_000_000 + i*11 + g.rng.IntN(11))
		}
	case "CO":
		if person {
			body = strconv.Itoa(1_010_000_000 + i*131 + g.rng.IntN(131))
		} else {
			body = strconv.Itoa(900_000_000 + i*7 + g.rng.IntN(7))
		}
	case "PE":
		if person {
			body = "10" + strconv.Itoa(10_000_000+i*400+g.rng.IntN(400))
		} else {
			body = "20" + strconv.Itoa(10_000_000+i*400+g.rng.IntN(400))
		}
	case "AR":
		if person {
			body = []string{"20", "27"}[g.rng.IntN(2)] + strconv.Itoa(10_000_000+i*400+g.rng.IntN(400))
		} else {
			body = "30" + strconv.Itoa(50_000_000+i*200+g.rng.IntN(200))
		}
	case "MX":
		body = g.rfcBody(i, person, name)
	}
	dv, err := taxid.CheckDigit(g.opt.Country, body)
	if err != nil {
		panic("demo: bad tax ID body " + body + ": " + err.Error()) // a bug in this generator
	}
	return taxid.Normalize(g.opt.Country, body+dv)
}

// rfcBody is an RFC without its check character: letters from the name, a
// date of incorporation or birth, and a homoclave that keeps it distinct.
func (g *generator) rfcBody(i int, person bool, name string) string {
	letters := []rune{}
	for _, w := range strings.Fields(strings.ToUpper(ar.Fold(name))) {
		for _, r := range w {
			if r >= 'A' && r <= 'Z' {
				letters = append(letters, r)
				break
			}
		}
	}
	for len(letters) < 4 {
		letters = append(letters, 'X')
	}
	n := 3
	if person {
		n = 4
	}
	y := 60 + g.rng.IntN(40)
	if !person {
		y = (90 + g.rng.IntN(33)) % 100
	}
	const hc = "ABCDEFGHIJKLMNPQRSTUVWXYZ123456789"
	ymd := y*10000 + (1+g.rng.IntN(12))*100 + 1 + g.rng.IntN(28)
	return string(letters[:n]) + pad6(ymd) + string(hc[i%len(hc)]) + string(hc[(i/len(hc))%len(hc)])
}

func pad6(n int) string {
	s := strconv.Itoa(n)
	return strings.Repeat("0", 6-len(s)) + s
}

func (g *generator) phone() string {
	d := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('0' + g.rng.IntN(10))
		}
		return string(b)
	}
	switch g.opt.Country {
	case "CO":
		return "+57 3" + d(2) + " " + d(3) + " " + d(4)
	case "MX":
		return "+52 55 " + d(4) + " " + d(4)
	case "PE":
		return "+51 9" + d(2) + " " + d(3) + " " + d(3)
	case "AR":
		return "+54 9 11 " + d(4) + "-" + d(4)
	}
	return "+56 9 " + d(4) + " " + d(4)
}

var creditReasons = []string{"Devolución de mercadería", "Descuento comercial", "Error en precio", "Anulación de factura", "Producto dañado"}

// invoice issues one invoice to client c and decides its future: a credit
// note, and the payments the client's habit makes on it.
func (g *generator) invoice(c *client, ci int32, issue date.Date) error {
	if issue.Weekday() == time.Sunday {
		issue = issue.AddDays(1)
		if issue.After(g.opt.Today) {
			issue = issue.AddDays(-2)
		}
	}
	net := int64(g.typical * c.scale * math.Exp(g.rng.NormFloat64()*0.7))
	switch {
	case net >= 1_000_000:
		net = net / 1000 * 1000
	case net >= 10_000:
		net = net / 10 * 10
	}
	net = max(net, 1)
	amount := (net*g.exp*(100+g.vat) + 50) / 100
	due := issue.AddDays(c.terms)
	g.nextDoc++
	id := g.nextDoc
	g.nextInv++
	number := strconv.FormatInt(1000+g.nextInv, 10)
	d := ar.Document{ID: id, ClientID: c.id, Kind: ar.KindInvoice, Number: number, IssueDate: issue, DueDate: due,
		Currency: g.currency, Amount: amount, Source: ar.SourceDemo}
	payable := amount
	if g.rng.IntN(100) < 3 {
		when := issue.AddDays(2 + g.rng.IntN(24))
		if !when.After(g.opt.Today) {
			cn := amount
			reason := creditReasons[g.rng.IntN(len(creditReasons))]
			if reason != "Anulación de factura" {
				cn = amount * int64(5+g.rng.IntN(45)) / 100
				cn = max(cn, 1)
			}
			payable -= cn
			d.Credited = cn
			g.schedule(when, event{client: ci, doc: id, amount: cn, credit: true, reason: reason, invoice: number})
		}
	}
	paid := int64(0)
	pay := func(on date.Date, amount int64) {
		if amount <= 0 || on.After(g.opt.Today) {
			return
		}
		if on.Before(issue) {
			on = issue
		}
		on = nextPayDay(c.payDay, on)
		if on.After(g.opt.Today) {
			return
		}
		paid += amount
		g.schedule(on, event{client: ci, doc: id, amount: amount})
	}
	habit := c.habit
	if habit == punctual && g.rng.IntN(10) == 0 {
		habit = late // even good payers slip sometimes
	}
	switch habit {
	case punctual:
		pay(due.AddDays(g.rng.IntN(9)-5), payable)
	case late:
		pay(due.AddDays(8+int(g.rng.ExpFloat64()*35)), payable)
	case partial:
		first := payable * int64(30+g.rng.IntN(41)) / 100
		pay(due.AddDays(g.rng.IntN(30)), first)
		if g.rng.IntN(2) == 0 {
			pay(due.AddDays(30+g.rng.IntN(90)), payable-first)
		}
	case never:
		if g.rng.IntN(5) == 0 {
			pay(due.AddDays(90+g.rng.IntN(210)), payable)
		}
	}
	d.Open = payable - paid
	g.sum.Invoices++
	return g.l.Document(d)
}

// nextPayDay moves a payment to the first day on or after on on which the client pays suppliers.
func nextPayDay(payDay int, on date.Date) date.Date {
	switch {
	case payDay >= 1 && payDay <= 6:
		return on.AddDays((payDay - int(on.Weekday()) + 7) % 7)
	case payDay == 7:
		switch {
		case on.Day <= 5:
			return date.New(on.Year, on.Month, 5)
		case on.Day <= 20:
			return date.New(on.Year, on.Month, 20)
		}
		return date.New(on.Year, on.Month+1, 5)
	}
	return on
}

func (g *generator) schedule(on date.Date, e event) {
	day := max(on.DaysSince(g.start), g.day) // never a day already settled
	if day >= g.days {
		return
	}
	g.buckets[day] = append(g.buckets[day], e)
}

// settle writes what happens on day d: credit notes, and one payment per
// client for all the invoices it pays that day.
func (g *generator) settle(d int) error {
	evs := g.buckets[d]
	g.buckets[d] = nil
	if len(evs) == 0 {
		return nil
	}
	on := g.start.AddDays(d)
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].client < evs[j].client })
	for i := 0; i < len(evs); {
		j := i
		var total int64
		for ; j < len(evs) && evs[j].client == evs[i].client; j++ {
			if !evs[j].credit {
				total += evs[j].amount
			}
		}
		c := &g.clients[evs[i].client]
		if total > 0 {
			g.nextPay++
			p := ar.Payment{ID: g.nextPay, ClientID: c.id, Date: on, Currency: g.currency, Amount: total,
				Method: c.method, Reference: g.reference(c), Source: ar.SourceDemo}
			if g.rng.IntN(150) == 0 { // paid a little more: the rest is the client's credit
				p.Unallocated = max(total/20, 1)
				p.Amount += p.Unallocated
			}
			if err := g.l.Payment(p); err != nil {
				return err
			}
			g.sum.Payments++
		}
		for _, e := range evs[i:j] {
			a := ar.Allocation{DocumentID: e.doc, Amount: e.amount}
			if e.credit {
				g.nextDoc++
				g.nextCN++
				cn := ar.Document{ID: g.nextDoc, ClientID: c.id, Kind: ar.KindCreditNote, Number: strconv.FormatInt(100+g.nextCN, 10),
					IssueDate: on, DueDate: on, Currency: g.currency, Amount: e.amount, AppliesToID: e.doc,
					Description: e.reason + " (factura " + e.invoice + ")", Source: ar.SourceDemo}
				if err := g.l.Document(cn); err != nil {
					return err
				}
				g.sum.CreditNotes++
				a.CreditNoteID = cn.ID
			} else {
				a.PaymentID = g.nextPay
			}
			if err := g.l.Allocation(a); err != nil {
				return err
			}
			g.sum.Allocations++
		}
		i = j
	}
	return nil
}

func (g *generator) reference(c *client) string {
	c.nextRef++
	n := strconv.Itoa(100000 + g.rng.IntN(900000))
	switch c.method {
	case "check":
		return "Cheque N° " + strconv.Itoa(1000+c.nextRef)
	case "cash":
		return "Caja " + n
	case "card":
		return "Voucher " + n
	case "deposit":
		return "Depósito " + n
	}
	return "Transferencia " + n
}
