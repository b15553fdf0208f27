package bankfile

import (
	"testing"

	"cartera/backend/date"
)

func TestKeys_SameMovementSameKey_IdenticalDepositsBothStay(t *testing.T) {
	d := date.MustParse("2026-11-02")
	bal := int64(500)
	a := []Line{
		{Row: 5, Date: d, Amount: 100, Description: "DEP CHEQUE  123"},
		{Row: 6, Date: d, Amount: 100, Description: "DEP CHEQUE  123"}, // a second, genuine deposit
		{Row: 7, Date: d, Amount: 300, Description: "Transf. Comercial Sur", Balance: &bal},
		{Row: 8, Date: d, Amount: 40, Description: "x", BankTxnID: "T-1"},
	}
	// The same movements in an overlapping export: other rows, other spacing.
	b := []Line{
		{Row: 2, Date: d.AddDays(-1), Amount: 7, Description: "older"},
		{Row: 3, Date: d, Amount: 100, Description: "DEP CHEQUE 123"},
		{Row: 4, Date: d, Amount: 100, Description: "dep cheque 123"},
		{Row: 9, Date: d, Amount: 300, Description: "TRANSF COMERCIAL SUR", Balance: &bal},
		{Row: 10, Date: d, Amount: 40, Description: "other text", BankTxnID: "T-1"},
	}
	ka, kb := Keys(a), Keys(b)
	if ka[0] == ka[1] {
		t.Fatalf("two identical deposits of one file share the key %q", ka[0])
	}
	for i, j := range map[int]int{0: 1, 1: 2, 2: 3, 3: 4} {
		if ka[i] != kb[j] {
			t.Errorf("line %d of a and %d of b are one movement: keys %q and %q", i, j, ka[i], kb[j])
		}
	}
	other := Keys([]Line{{Date: d, Amount: 300, Description: "TRANSF COMERCIAL SUR"}})[0]
	if other == ka[2] {
		t.Errorf("a line without the running balance has the key of one with it: %q", other)
	}
}
