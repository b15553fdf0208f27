package bankfile

import (
	"testing"

	"cartera/backend/date"
)

func bal(day string, amount int64) *Balance {
	return &Balance{Date: date.MustParse(day), Amount: amount}
}

func linesOf(amounts ...int64) []Line {
	out := make([]Line, len(amounts))
	for i, a := range amounts {
		out[i] = Line{Row: i + 1, Date: date.MustParse("2024-03-01"), Amount: a}
	}
	return out
}

// A statement checks when opening + lines = closing, says by how much it
// does not, and cannot be checked without both balances.
func TestCheck_OpeningPlusLinesIsClosing(t *testing.T) {
	cases := []struct {
		name string
		st   Statement
		want BalanceCheck
	}{
		{"agrees", Statement{Opening: bal("2024-03-01", 10000), Closing: bal("2024-03-31", 12500), Lines: linesOf(5000, -2500)},
			BalanceCheck{Checked: true, OK: true, Sum: 2500}},
		{"a line missing", Statement{Opening: bal("2024-03-01", 10000), Closing: bal("2024-03-31", 12500), Lines: linesOf(5000)},
			BalanceCheck{Checked: true, Sum: 5000, Difference: -2500}},
		{"an overdraft that agrees", Statement{Opening: bal("2024-03-01", -25000000), Closing: bal("2024-03-31", 473907000), Lines: linesOf(500000000, -1093000)},
			BalanceCheck{Checked: true, OK: true, Sum: 498907000}},
		{"no lines, same balances", Statement{Opening: bal("2024-03-01", 7), Closing: bal("2024-03-01", 7)},
			BalanceCheck{Checked: true, OK: true}},
		{"no opening (OFX)", Statement{Closing: bal("2024-03-31", 12500), Lines: linesOf(5000)},
			BalanceCheck{Sum: 5000}},
		{"no closing (MT942)", Statement{Opening: bal("2024-03-01", 1), Lines: linesOf(1, 1)},
			BalanceCheck{Sum: 2}},
	}
	for _, c := range cases {
		if got := c.st.Check(); got != c.want {
			t.Errorf("%s: Check() = %+v, want %+v", c.name, got, c.want)
		}
	}
}

// Consecutive statements of an account leave a gap when the money does not
// carry over, or, without balances to tell, when days are left uncovered.
func TestGap_MoneyOrDaysLeftOut(t *testing.T) {
	d := date.MustParse
	cases := []struct {
		name       string
		prev, next Statement
		missing    bool
		amount     int64
		days       int
	}{
		{"balances carry over, days touch",
			Statement{From: d("2024-03-01"), To: d("2024-03-31"), Closing: bal("2024-03-31", 500)},
			Statement{From: d("2024-04-01"), To: d("2024-04-30"), Opening: bal("2024-04-01", 500)},
			false, 0, 0},
		{"MT940 style: the opening is dated the previous closing day",
			Statement{Opening: bal("2011-06-14", 1), Closing: bal("2011-06-15", 500), From: d("2011-06-14"), To: d("2011-06-15")},
			Statement{Opening: bal("2011-06-15", 500), Closing: bal("2011-06-16", 500), From: d("2011-06-15"), To: d("2011-06-16")},
			false, 0, 0},
		{"a statement missing: the balance jumps",
			Statement{To: d("2024-03-31"), Closing: bal("2024-03-31", 500)},
			Statement{From: d("2024-05-01"), Opening: bal("2024-05-01", 800)},
			true, 300, 30},
		{"a weekend without movements: balances agree, days apart",
			Statement{To: d("2024-03-01"), Closing: bal("2024-03-01", 500)},
			Statement{From: d("2024-03-04"), Opening: bal("2024-03-04", 500)},
			false, 0, 2},
		{"the balance differs on contiguous days",
			Statement{To: d("2024-03-01"), Closing: bal("2024-03-01", 500)},
			Statement{From: d("2024-03-02"), Opening: bal("2024-03-02", 499)},
			true, -1, 0},
		{"no balances (OFX, QIF): days decide",
			Statement{From: d("2024-03-01"), To: d("2024-03-15")},
			Statement{From: d("2024-03-20"), To: d("2024-03-31")},
			true, 0, 4},
		{"no balances, overlapping periods",
			Statement{From: d("2024-03-01"), To: d("2024-03-15")},
			Statement{From: d("2024-03-10"), To: d("2024-03-31")},
			false, 0, 0},
		{"no balances, periods from the lines",
			Statement{Lines: []Line{{Date: d("2024-03-01")}, {Date: d("2024-03-05")}}},
			Statement{Lines: []Line{{Date: d("2024-03-06")}}},
			false, 0, 0},
		{"nothing known",
			Statement{}, Statement{},
			false, 0, 0},
	}
	for _, c := range cases {
		missing, amount, days := Gap(c.prev, c.next)
		if missing != c.missing || amount != c.amount || days != c.days {
			t.Errorf("%s: Gap = %v, %d, %d; want %v, %d, %d", c.name, missing, amount, days, c.missing, c.amount, c.days)
		}
	}
}
