package ar

// PaymentStatus is how much of a payment has been applied to documents.
type PaymentStatus string

// Payment statuses, in the order filters offer them.
const (
	PaymentAllocated   PaymentStatus = "allocated"   // all of it applied to documents
	PaymentPartial     PaymentStatus = "partial"     // some applied, the rest is the client's credit
	PaymentUnallocated PaymentStatus = "unallocated" // nothing applied yet: all of it is the client's credit
	PaymentReversed    PaymentStatus = "reversed"    // undone: it pays nothing and is no credit
)

// PaymentStatuses lists the payment statuses in the order filters offer them.
var PaymentStatuses = []PaymentStatus{PaymentAllocated, PaymentPartial, PaymentUnallocated, PaymentReversed}

// PaymentStatusOf derives a payment's status from what is recorded. A reversal
// wins over everything: a reversed payment keeps its unallocated amount in the
// store (its allocations were undone) but none of it is available.
func PaymentStatusOf(p Payment) PaymentStatus {
	switch {
	case p.ReversedAt != nil:
		return PaymentReversed
	case p.Unallocated <= 0:
		return PaymentAllocated
	case p.Unallocated < p.Amount:
		return PaymentPartial
	}
	return PaymentUnallocated
}

// Available is the part of a payment that can still be applied to documents,
// which is also what it adds to the client's credit: none once reversed.
func Available(p Payment) int64 {
	if p.ReversedAt != nil || p.Unallocated < 0 {
		return 0
	}
	return p.Unallocated
}
