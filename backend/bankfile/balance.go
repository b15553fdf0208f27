package bankfile

import "cartera/backend/date"

// BalanceCheck says whether a statement's lines account for its balances:
// opening balance + the sum of the lines = closing balance.
type BalanceCheck struct {
	// Checked is true when the statement carries both an opening and a
	// closing balance; without them nothing can be checked.
	Checked bool `json:"checked"`
	// OK is true when the balances were checked and agree.
	OK bool `json:"ok"`
	// Sum is the sum of the lines' amounts, in minor units.
	Sum int64 `json:"sum"`
	// Difference is closing − (opening + Sum), in minor units: what the lines
	// fail to explain; 0 when OK or not checked.
	Difference int64 `json:"difference"`
}

// Check tells whether opening + sum(lines) = closing for the statement.
func (s Statement) Check() BalanceCheck {
	var c BalanceCheck
	for _, l := range s.Lines {
		c.Sum += l.Amount
	}
	if s.Opening == nil || s.Closing == nil {
		return c
	}
	c.Checked = true
	c.Difference = s.Closing.Amount - (s.Opening.Amount + c.Sum)
	c.OK = c.Difference == 0
	return c
}

// Gap tells whether next, the statement of the same account that follows
// prev, leaves something out.
//
// When both balances are known they decide: missing is true when next's
// opening balance is not prev's closing balance, and amount is the money
// unaccounted for (next.Opening − prev.Closing). Banks issue no statement for
// days without movements, so days with no statement between balances that
// agree are not a gap. Without both balances, missing is true when next
// starts more than a day after prev ends.
//
// days is the number of calendar days between the two periods that no
// statement covers (0 when they touch or overlap, or when a date is unknown).
func Gap(prev, next Statement) (missing bool, amount int64, days int) {
	prevEnd, nextStart := periodEnd(prev), periodStart(next)
	if !prevEnd.IsZero() && !nextStart.IsZero() {
		if d := nextStart.DaysSince(prevEnd) - 1; d > 0 {
			days = d
		}
	}
	if prev.Closing != nil && next.Opening != nil {
		amount = next.Opening.Amount - prev.Closing.Amount
		return amount != 0, amount, days
	}
	return days > 0, 0, days
}

// periodStart is the first day a statement covers: its From, else its
// opening balance's day, else its first line's.
func periodStart(s Statement) date.Date {
	if !s.From.IsZero() {
		return s.From
	}
	if s.Opening != nil && !s.Opening.Date.IsZero() {
		return s.Opening.Date
	}
	from, _ := linePeriod(s.Lines)
	return from
}

// periodEnd is the last day a statement covers: its To, else its closing
// balance's day, else its last line's.
func periodEnd(s Statement) date.Date {
	if !s.To.IsZero() {
		return s.To
	}
	if s.Closing != nil && !s.Closing.Date.IsZero() {
		return s.Closing.Date
	}
	_, to := linePeriod(s.Lines)
	return to
}
