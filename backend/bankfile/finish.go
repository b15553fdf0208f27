package bankfile

import "cartera/backend/date"

// finishFile completes what every structured format leaves to the end: a
// statement period taken from its balances or lines when the file states
// none, and bank transaction ids that repeat within the file. A repeated id
// is not an id (Banco Mercantil gives every ITF tax charge the same
// reference), so it is moved to Reference and BankTxnID is left empty, and
// duplicates are then told apart by date, amount, text and position.
func finishFile(f *File) {
	seen := map[string]int{}
	for _, s := range f.Statements {
		for _, l := range s.Lines {
			if l.BankTxnID != "" {
				seen[l.BankTxnID]++
			}
		}
	}
	for si := range f.Statements {
		s := &f.Statements[si]
		for li := range s.Lines {
			l := &s.Lines[li]
			if l.BankTxnID != "" && seen[l.BankTxnID] > 1 {
				if l.Reference == "" {
					l.Reference = l.BankTxnID
				}
				l.BankTxnID = ""
			}
		}
		if s.From.IsZero() || s.To.IsZero() {
			from, to := linePeriod(s.Lines)
			if s.From.IsZero() {
				s.From = from
			}
			if s.To.IsZero() {
				s.To = to
			}
		}
		if s.Lines == nil {
			s.Lines = []Line{}
		}
	}
}

// linePeriod is the first and last booking date among lines.
func linePeriod(lines []Line) (from, to date.Date) {
	for _, l := range lines {
		if l.Date.IsZero() {
			continue
		}
		if from.IsZero() || l.Date.Before(from) {
			from = l.Date
		}
		if to.IsZero() || l.Date.After(to) {
			to = l.Date
		}
	}
	return from, to
}
