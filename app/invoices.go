package app

import (
	"context"

	"cartera/backend/ar"
	"cartera/backend/sqlite"
)

// Invoices issues and lists invoices, credit notes and debit notes.
type Invoices struct{ s *Session }

// NewInvoices binds the document feature to the session.
func NewInvoices(s *Session) *Invoices { return &Invoices{s} }

// List returns a page of documents with their status as of today.
func (v *Invoices) List(f sqlite.DocumentFilter) (sqlite.DocumentPage, error) {
	f.Today = v.s.today()
	return with(v.s, func(ctx context.Context, db *sqlite.DB) (sqlite.DocumentPage, error) { return db.FindDocuments(ctx, f) })
}

// Get returns a document with its allocations.
func (v *Invoices) Get(id int64) (sqlite.DocumentDetail, error) {
	return with(v.s, func(ctx context.Context, db *sqlite.DB) (sqlite.DocumentDetail, error) {
		return db.FindDocumentByID(ctx, id, v.s.today())
	})
}

// Create issues a document.
func (v *Invoices) Create(in ar.DocumentInput) (ar.Document, error) {
	return with(v.s, func(ctx context.Context, db *sqlite.DB) (ar.Document, error) { return db.CreateDocument(ctx, in) })
}

// Void cancels a document issued by mistake, with a reason for the audit log.
func (v *Invoices) Void(id int64, reason string) (ar.Document, error) {
	return with(v.s, func(ctx context.Context, db *sqlite.DB) (ar.Document, error) { return db.VoidDocument(ctx, id, reason) })
}

// VoidUnapplyingNotes un-applies the credit notes applied to an invoice and
// voids it, in one step, once the user has agreed to both.
func (v *Invoices) VoidUnapplyingNotes(id int64, reason string) (ar.Document, error) {
	return with(v.s, func(ctx context.Context, db *sqlite.DB) (ar.Document, error) {
		return db.VoidDocumentUnapplyingNotes(ctx, id, reason)
	})
}

// LargestAmount is the largest live document or payment in currency, against
// which forms judge whether an amount is far out of the usual.
func (v *Invoices) LargestAmount(currency string) (int64, error) {
	return with(v.s, func(ctx context.Context, db *sqlite.DB) (int64, error) { return db.LargestAmount(ctx, currency) })
}

// OpenItems lists what a client still owes in a currency, oldest first.
func (v *Invoices) OpenItems(clientID int64, currency string) ([]ar.OpenItem, error) {
	return with(v.s, func(ctx context.Context, db *sqlite.DB) ([]ar.OpenItem, error) {
		return db.OpenItems(ctx, clientID, currency)
	})
}

// ApplyCreditNote applies an available credit note to open documents.
func (v *Invoices) ApplyCreditNote(creditNoteID int64, lines []ar.Line) (ar.Document, error) {
	return with(v.s, func(ctx context.Context, db *sqlite.DB) (ar.Document, error) {
		return db.ApplyCreditNote(ctx, creditNoteID, lines)
	})
}
