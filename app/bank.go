package app

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"cartera/backend/ar"
	"cartera/backend/bankfile"
	"cartera/backend/bankimport"
	"cartera/backend/reconcile"
	"cartera/backend/sqlite"
)

// Bank keeps the business's bank accounts, imports statements and works the
// reconciliation queue.
type Bank struct{ s *Session }

// NewBank binds the bank feature to the session.
func NewBank(s *Session) *Bank { return &Bank{s} }

// Accounts lists the bank accounts with their figures.
func (b *Bank) Accounts() ([]sqlite.BankAccount, error) {
	return with(b.s, func(ctx context.Context, db *sqlite.DB) ([]sqlite.BankAccount, error) { return db.BankAccounts(ctx) })
}

// SaveAccount creates or renames an account.
func (b *Bank) SaveAccount(a sqlite.BankAccount) (sqlite.BankAccount, error) {
	return with(b.s, func(ctx context.Context, db *sqlite.DB) (sqlite.BankAccount, error) {
		return db.SaveBankAccount(ctx, a)
	})
}

// ChooseStatement asks for a statement file ("" if cancelled).
func (b *Bank) ChooseStatement() (string, error) {
	if b.s.wails == nil {
		return "", nil
	}
	return runtime.OpenFileDialog(b.s.wails, runtime.OpenDialogOptions{
		Title:            map[string]string{"es": "Importar una cartola", "en": "Import a bank statement"}[b.s.Lang()],
		DefaultDirectory: existingDir(DefaultFolder()),
		Filters: []runtime.FileFilter{
			{DisplayName: "Cartolas (Excel, CSV, TXT, OFX, CAMT, MT940, QIF)", Pattern: "*.xlsx;*.xls;*.csv;*.txt;*.tsv;*.ofx;*.qfx;*.xml;*.sta;*.940;*.mt940;*.qif"},
			{DisplayName: "*", Pattern: "*"},
		},
	})
}

// StatementRequest is a statement file to import.
type StatementRequest struct {
	Path      string `json:"path"`
	AccountID int64  `json:"accountId"` // 0: the account the file names, or the only one
	Profile   string `json:"profile"`   // "" detects the bank layout
}

// StatementResult is what importing a statement did, and the reconciliation
// run that followed it.
type StatementResult struct {
	Import sqlite.StatementReport `json:"import"`
	Run    RunSummary             `json:"run"`
}

// RunSummary is a reconciliation run's counts.
type RunSummary struct {
	RunID      int64          `json:"runId"`
	Lines      int            `json:"lines"`
	Deposits   int            `json:"deposits"`
	Auto       int            `json:"auto"`
	Suggested  int            `json:"suggested"`
	Unmatched  int            `json:"unmatched"`
	Classified map[string]int `json:"classified"`
}

func summary(r sqlite.ReconcileReport) RunSummary {
	return RunSummary{RunID: r.RunID, Lines: r.Lines, Deposits: r.Deposits, Auto: r.Auto, Suggested: r.Suggested, Unmatched: r.Unmatched, Classified: r.Classified}
}

// ImportStatement imports a statement file as a job, then reconciles the
// pending lines; the end carries a StatementResult.
func (b *Bank) ImportStatement(req StatementRequest) (string, error) {
	db, release, err := b.s.store()
	if err != nil {
		release()
		return "", err
	}
	today := b.s.today()
	return b.s.startJob("bank-import", func(ctx context.Context, progress func(string, int64, int64)) (any, error) {
		defer release()
		p, err := db.Portfolio(ctx)
		if err != nil {
			return nil, err
		}
		progress("bank.reading", 0, 0)
		rep, err := bankimport.Import(ctx, db, req.Path, bankimport.Options{Portfolio: p, AccountID: req.AccountID, Profile: req.Profile})
		if err != nil {
			return nil, err
		}
		progress("bank.matching", 0, 0)
		run, err := db.Reconcile(ctx, sqlite.ReconcileOptions{Today: today})
		if err != nil {
			return nil, err
		}
		return StatementResult{Import: rep, Run: summary(run)}, nil
	}), nil
}

// Reconcile runs the matcher over the pending lines as a job; the end carries a RunSummary.
func (b *Bank) Reconcile() (string, error) {
	db, release, err := b.s.store()
	if err != nil {
		release()
		return "", err
	}
	today := b.s.today()
	return b.s.startJob("reconcile", func(ctx context.Context, progress func(string, int64, int64)) (any, error) {
		defer release()
		progress("bank.matching", 0, 0)
		run, err := db.Reconcile(ctx, sqlite.ReconcileOptions{Today: today})
		if err != nil {
			return nil, err
		}
		return summary(run), nil
	}), nil
}

// Sample reads the top of a statement whose layout Cartera does not know,
// for the mapping wizard.
func (b *Bank) Sample(path string) (bankfile.Sample, error) {
	return with(b.s, func(ctx context.Context, db *sqlite.DB) (bankfile.Sample, error) {
		s, err := bankfile.ReadSample(path)
		return s, bankimport.FileError(path, err)
	})
}

// SaveLayout makes a bank layout from the user's mapping of a file and keeps
// it in the portfolio; files of that layout then import by themselves.
func (b *Bank) SaveLayout(path string, m bankfile.Mapping) (bankfile.Profile, error) {
	return with(b.s, func(ctx context.Context, db *sqlite.DB) (bankfile.Profile, error) {
		s, err := bankfile.ReadSample(path)
		if err != nil {
			return bankfile.Profile{}, bankimport.FileError(path, err)
		}
		p, err := s.ProfileFrom(m)
		if err != nil {
			return p, bankfile.Domain(err)
		}
		if p.Currency == "" {
			if pf, err := db.Portfolio(ctx); err == nil {
				p.Country = pf.Country
			}
		}
		return p, db.SaveBankProfile(ctx, p)
	})
}

// Imports lists the statement files imported, newest first.
func (b *Bank) Imports() ([]sqlite.BankImportRecord, error) {
	return with(b.s, func(ctx context.Context, db *sqlite.DB) ([]sqlite.BankImportRecord, error) {
		return db.BankImports(ctx)
	})
}

// UndoImport takes out the lines of a statement file.
func (b *Bank) UndoImport(id int64) error {
	_, err := with(b.s, func(ctx context.Context, db *sqlite.DB) (struct{}, error) {
		return struct{}{}, db.UndoBankImport(ctx, id)
	})
	return err
}

// ProposalView is a proposal as the queue shows it: the client, the
// documents with their numbers, and the reasons in the user's language.
type ProposalView struct {
	Proposal   reconcile.Proposal `json:"proposal"`
	ClientName string             `json:"clientName"`
	TaxID      string             `json:"taxId"`
	Documents  []ProposalDocument `json:"documents"`
	Credits    []ProposalDocument `json:"credits"`
	Reasons    []string           `json:"reasons"`
}

// ProposalDocument is one document a proposal applies money to.
type ProposalDocument struct {
	DocumentID int64  `json:"documentId"`
	Number     string `json:"number"`
	DueDate    string `json:"dueDate"`
	Open       int64  `json:"open"`   // open before the match
	Amount     int64  `json:"amount"` // what the match applies
}

// LineView is a statement line with its proposals ready to show.
type LineView struct {
	sqlite.BankLine
	Proposals []ProposalView `json:"proposals"`
	Reasons   []string       `json:"reasons"` // of the accepted match, for matched lines
}

// LinePage is a page of the queue (or of another list of lines).
type LinePage struct {
	Rows     []LineView `json:"rows"`
	Total    int        `json:"total"`
	Pending  int        `json:"pending"`
	Auto     int        `json:"auto"`
	Matched  int        `json:"matched"`
	Accounts int        `json:"accounts"`
}

// Lines returns a page of statement lines with their suggestions explained.
func (b *Bank) Lines(f sqlite.BankLineFilter) (LinePage, error) {
	lang := b.s.Lang()
	return with(b.s, func(ctx context.Context, db *sqlite.DB) (LinePage, error) {
		page, err := db.FindBankLines(ctx, f)
		if err != nil {
			return LinePage{}, err
		}
		var all []reconcile.Proposal
		for _, l := range page.Rows {
			all = append(all, l.Suggestions...)
		}
		names, err := db.NamesOf(ctx, all)
		if err != nil {
			return LinePage{}, err
		}
		out := LinePage{Rows: make([]LineView, len(page.Rows)), Total: page.Total, Pending: page.Pending, Auto: page.Auto, Matched: page.Matched, Accounts: page.Accounts}
		for i, l := range page.Rows {
			out.Rows[i] = LineView{BankLine: l, Proposals: views(lang, names, l.Suggestions), Reasons: []string{}}
			out.Rows[i].Suggestions = nil // sent once, inside Proposals
			if l.Match != nil {
				out.Rows[i].Reasons = describeEach(lang, l.Match.Reasons)
			}
		}
		return out, nil
	})
}

func describeEach(lang string, rs []reconcile.Reason) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = reconcile.Describe(lang, []reconcile.Reason{r})
	}
	return out
}

// views explains proposals with the names of their client and documents; a
// proposal whose client or documents are gone (archived, voided) is left out.
func views(lang string, names sqlite.ProposalNames, ps []reconcile.Proposal) []ProposalView {
	out := make([]ProposalView, 0, len(ps))
next:
	for _, p := range ps {
		c, ok := names.Clients[p.ClientID]
		if !ok {
			continue
		}
		v := ProposalView{Proposal: p, ClientName: c.LegalName, TaxID: c.TaxID, Documents: []ProposalDocument{}, Credits: []ProposalDocument{}, Reasons: describeEach(lang, p.Reasons)}
		for _, a := range p.Allocs {
			d, ok := names.Documents[a.DocumentID]
			if !ok {
				continue next
			}
			v.Documents = append(v.Documents, ProposalDocument{DocumentID: d.ID, Number: d.Number, DueDate: d.DueDate.String(), Open: d.Open, Amount: a.Amount})
		}
		for _, cu := range p.Credits {
			d, ok := names.Documents[cu.CreditNoteID]
			if !ok {
				continue next
			}
			v.Credits = append(v.Credits, ProposalDocument{DocumentID: d.ID, Number: d.Number, DueDate: d.DueDate.String(), Open: d.Open, Amount: cu.Amount})
		}
		out = append(out, v)
	}
	return out
}

// Accept records a match of a line: a suggestion as shown, or as the user
// changed it (a split over several invoices, other amounts).
func (b *Bank) Accept(lineID int64, p reconcile.Proposal) (sqlite.BankLine, error) {
	return with(b.s, func(ctx context.Context, db *sqlite.DB) (sqlite.BankLine, error) {
		return db.AcceptMatch(ctx, lineID, p)
	})
}

// Reject drops one suggestion of a line (the next one moves up).
func (b *Bank) Reject(lineID int64, index int) (sqlite.BankLine, error) {
	return with(b.s, func(ctx context.Context, db *sqlite.DB) (sqlite.BankLine, error) {
		return db.RejectSuggestion(ctx, lineID, index)
	})
}

// Ignore sets a line aside (it pays nothing in this portfolio), or brings it back.
func (b *Bank) Ignore(lineID int64, ignored bool) error {
	_, err := with(b.s, func(ctx context.Context, db *sqlite.DB) (struct{}, error) {
		return struct{}{}, db.SetLineIgnored(ctx, lineID, ignored)
	})
	return err
}

// UndoMatch undoes one match: its payment is reversed and the line waits again.
func (b *Bank) UndoMatch(matchID int64) error {
	_, err := with(b.s, func(ctx context.Context, db *sqlite.DB) (struct{}, error) {
		return struct{}{}, db.UndoMatch(ctx, matchID)
	})
	return err
}

// Runs lists the reconciliation runs, newest first.
func (b *Bank) Runs() ([]sqlite.RunRecord, error) {
	return with(b.s, func(ctx context.Context, db *sqlite.DB) ([]sqlite.RunRecord, error) { return db.ReconcileRuns(ctx) })
}

// UndoRun undoes every automatic match of a run still in place.
func (b *Bank) UndoRun(runID int64) (int, error) {
	return with(b.s, func(ctx context.Context, db *sqlite.DB) (int, error) { return db.UndoRun(ctx, runID) })
}

// OpenItems are a client's open documents in a currency, oldest first, to
// show beside a line and to split a deposit over.
func (b *Bank) OpenItems(clientID int64, currency string) ([]ar.OpenItem, error) {
	return with(b.s, func(ctx context.Context, db *sqlite.DB) ([]ar.OpenItem, error) {
		items, err := db.OpenItems(ctx, clientID, currency)
		if items == nil {
			items = []ar.OpenItem{}
		}
		return items, err
	})
}

// Rules lists the rules in force.
func (b *Bank) Rules() ([]sqlite.BankRule, error) {
	return with(b.s, func(ctx context.Context, db *sqlite.DB) ([]sqlite.BankRule, error) { return db.BankRules(ctx) })
}

// SaveRule creates or changes a rule.
func (b *Bank) SaveRule(r reconcile.Rule) (reconcile.Rule, error) {
	return with(b.s, func(ctx context.Context, db *sqlite.DB) (reconcile.Rule, error) { return db.SaveBankRule(ctx, r) })
}

// DeleteRule retires a rule.
func (b *Bank) DeleteRule(id int64) error {
	_, err := with(b.s, func(ctx context.Context, db *sqlite.DB) (struct{}, error) {
		return struct{}{}, db.DeleteBankRule(ctx, id)
	})
	return err
}

// RuleOffer is the rule the app offers to learn after a confirmed match.
type RuleOffer struct {
	Rule  reconcile.Rule `json:"rule"`
	Offer bool           `json:"offer"` // false when the line has nothing stable to learn, or the rule exists
}

// LearnRule proposes the rule "this payer → this client" from a line.
func (b *Bank) LearnRule(lineID, clientID int64) (RuleOffer, error) {
	return with(b.s, func(ctx context.Context, db *sqlite.DB) (RuleOffer, error) {
		l, err := db.FindBankLine(ctx, lineID)
		if err != nil {
			return RuleOffer{}, err
		}
		r, ok := reconcile.LearnRule(reconcile.Line{ID: l.ID, Date: l.Date, Amount: l.Amount, Currency: l.Currency, Description: l.Description,
			Reference: l.Reference, Payer: l.Payer, PayerID: l.PayerID}, clientID)
		if ok {
			rules, err := db.BankRules(ctx)
			if err != nil {
				return RuleOffer{}, err
			}
			for _, x := range rules {
				if x.Kind == r.Kind && x.Pattern == r.Pattern && x.ClientID == r.ClientID {
					ok = false
				}
			}
		}
		return RuleOffer{Rule: r, Offer: ok}, nil
	})
}
