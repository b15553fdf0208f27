package app

import (
	"context"

	"cartera/backend/ar"
	"cartera/backend/i18n"
	"cartera/backend/sqlite"
	"cartera/backend/taxid"
)

// Clients lists, creates, edits and archives clients.
type Clients struct{ s *Session }

// NewClients binds the client feature to the session.
func NewClients(s *Session) *Clients { return &Clients{s} }

// List returns a page of clients with their balances as of today.
func (c *Clients) List(f sqlite.ClientFilter) (sqlite.ClientPage, error) {
	f.Today = c.s.today()
	return with(c.s, func(ctx context.Context, db *sqlite.DB) (sqlite.ClientPage, error) { return db.FindClients(ctx, f) })
}

// Get returns a client with its balances.
func (c *Clients) Get(id int64) (sqlite.ClientSummary, error) {
	return with(c.s, func(ctx context.Context, db *sqlite.DB) (sqlite.ClientSummary, error) {
		return db.FindClientSummary(ctx, id, c.s.today())
	})
}

// Create adds a client.
func (c *Clients) Create(in ar.ClientInput) (ar.Client, error) {
	return with(c.s, func(ctx context.Context, db *sqlite.DB) (ar.Client, error) { return db.CreateClient(ctx, in) })
}

// Update changes a client's details.
func (c *Clients) Update(id int64, in ar.ClientInput) (ar.Client, error) {
	return with(c.s, func(ctx context.Context, db *sqlite.DB) (ar.Client, error) { return db.UpdateClient(ctx, id, in) })
}

// Archive hides a client from daily lists, or brings it back.
func (c *Clients) Archive(id int64, archived bool) (ar.Client, error) {
	return with(c.s, func(ctx context.Context, db *sqlite.DB) (ar.Client, error) {
		return db.ArchiveClient(ctx, id, archived)
	})
}

// Ledger returns the client's account with running balances.
func (c *Clients) Ledger(id int64) ([]ar.LedgerEntry, error) {
	return with(c.s, func(ctx context.Context, db *sqlite.DB) ([]ar.LedgerEntry, error) {
		return db.ClientLedger(ctx, id, c.s.today())
	})
}

// Segments lists the segments in use.
func (c *Clients) Segments() ([]string, error) {
	return with(c.s, func(ctx context.Context, db *sqlite.DB) ([]string, error) { return db.Segments(ctx) })
}

// TaxIDCheck is the verdict on a tax ID as the user types it.
type TaxIDCheck struct {
	Name      string `json:"name"`      // RUT, NIT, RUC, RFC, CUIT ("" for a country without rules)
	Formatted string `json:"formatted"` // as it will be shown
	Severity  string `json:"severity"`  // ok, warning, invalid, none
	Message   string `json:"message"`   // what is wrong, in the user's language
}

// CheckTaxID validates a tax ID for country without saving anything.
func (c *Clients) CheckTaxID(country, value string) TaxIDCheck {
	name := taxid.Name(country)
	if name == "" || value == "" {
		return TaxIDCheck{Name: name, Formatted: value, Severity: "none"}
	}
	r := taxid.Check(country, value)
	out := TaxIDCheck{Name: name, Formatted: r.Formatted, Severity: "ok"}
	if r.Severity != taxid.OK {
		out.Severity = "invalid"
		if r.Severity == taxid.Warning {
			out.Severity = "warning"
		}
		out.Message = i18n.Message(c.s.Lang(), "taxid."+r.Reason, map[string]string{"name": name, "value": value, "expected": r.Expected})
	}
	return out
}
