package ar

import (
	"testing"
	"time"
)

func TestPaymentStatusOf_ReversalWinsAndTheRemainderDecides(t *testing.T) {
	at := time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		name          string
		p             Payment
		want          PaymentStatus
		wantAvailable int64
	}{
		{"nothing applied", Payment{Amount: 300_000, Unallocated: 300_000}, PaymentUnallocated, 300_000},
		{"part applied", Payment{Amount: 300_000, Unallocated: 50_000}, PaymentPartial, 50_000},
		{"all applied", Payment{Amount: 300_000, Unallocated: 0}, PaymentAllocated, 0},
		{"reversed keeps its unallocated amount in the store but has none available", Payment{Amount: 300_000, Unallocated: 300_000, ReversedAt: &at}, PaymentReversed, 0},
		{"reversed after a partial allocation", Payment{Amount: 300_000, Unallocated: 50_000, ReversedAt: &at}, PaymentReversed, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PaymentStatusOf(tt.p); got != tt.want {
				t.Errorf("PaymentStatusOf = %q; want %q", got, tt.want)
			}
			if got := Available(tt.p); got != tt.wantAvailable {
				t.Errorf("Available = %d; want %d", got, tt.wantAvailable)
			}
		})
	}
}
