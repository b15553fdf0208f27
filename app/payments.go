package app

import (
	"context"

	"cartera/backend/ar"
	"cartera/backend/sqlite"
)

// Payments records, applies and reverses money received.
type Payments struct{ s *Session }

// NewPayments binds the payment feature to the session.
func NewPayments(s *Session) *Payments { return &Payments{s} }

// List returns a page of payments.
func (p *Payments) List(f sqlite.PaymentFilter) (sqlite.PaymentPage, error) {
	return with(p.s, func(ctx context.Context, db *sqlite.DB) (sqlite.PaymentPage, error) { return db.FindPayments(ctx, f) })
}

// Get returns a payment with its allocations.
func (p *Payments) Get(id int64) (sqlite.PaymentDetail, error) {
	return with(p.s, func(ctx context.Context, db *sqlite.DB) (sqlite.PaymentDetail, error) {
		return db.FindPaymentByID(ctx, id)
	})
}

// Propose spreads amount over the client's open documents in currency, oldest first.
func (p *Payments) Propose(clientID int64, currency string, amount int64) ([]ar.Line, error) {
	return with(p.s, func(ctx context.Context, db *sqlite.DB) ([]ar.Line, error) {
		items, err := db.OpenItems(ctx, clientID, currency)
		if err != nil {
			return nil, err
		}
		lines := ar.ProposeAllocation(items, amount)
		if lines == nil {
			lines = []ar.Line{}
		}
		return lines, nil
	})
}

// Create records a payment with its allocations.
func (p *Payments) Create(in ar.PaymentInput) (ar.Payment, error) {
	return with(p.s, func(ctx context.Context, db *sqlite.DB) (ar.Payment, error) { return db.CreatePayment(ctx, in) })
}

// Allocate applies more of a payment's credit.
func (p *Payments) Allocate(paymentID int64, lines []ar.Line) (ar.Payment, error) {
	return with(p.s, func(ctx context.Context, db *sqlite.DB) (ar.Payment, error) {
		return db.Allocate(ctx, paymentID, lines)
	})
}

// Unallocate undoes one allocation.
func (p *Payments) Unallocate(allocationID int64) error {
	_, err := with(p.s, func(ctx context.Context, db *sqlite.DB) (struct{}, error) {
		return struct{}{}, db.Unallocate(ctx, allocationID)
	})
	return err
}

// Reverse undoes a payment (a mistake, a bounced check), with a reason.
func (p *Payments) Reverse(id int64, reason string) (ar.Payment, error) {
	return with(p.s, func(ctx context.Context, db *sqlite.DB) (ar.Payment, error) {
		return db.ReversePayment(ctx, id, reason)
	})
}
