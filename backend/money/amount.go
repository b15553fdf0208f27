package money

// MaxAbs is the largest absolute value, in minor units, that Parse and
// Validate accept: anything larger is a corrupted cell, not a receivable, and
// the margin below int64's limit lets sums of many amounts stay exact.
const MaxAbs int64 = 1_000_000_000_000_000

// Amount is an exact sum of money: Minor units (cents, or whole pesos for CLP)
// of an ISO 4217 Currency.
type Amount struct {
	Minor    int64
	Currency string
}

// Add returns a+b, or an error when the currencies differ or the sum overflows int64.
func (a Amount) Add(b Amount) (Amount, error) {
	if a.Currency != b.Currency {
		return Amount{}, &Error{Op: "add", Reason: ReasonCurrencyMismatch}
	}
	r := a.Minor + b.Minor
	// Two's-complement overflow flips the direction the sum moved in.
	if (b.Minor > 0 && r < a.Minor) || (b.Minor < 0 && r > a.Minor) {
		return Amount{}, &Error{Op: "add", Reason: ReasonOverflow}
	}
	return Amount{Minor: r, Currency: a.Currency}, nil
}

// Sub returns a-b, or an error when the currencies differ or the difference overflows int64.
func (a Amount) Sub(b Amount) (Amount, error) {
	if a.Currency != b.Currency {
		return Amount{}, &Error{Op: "sub", Reason: ReasonCurrencyMismatch}
	}
	r := a.Minor - b.Minor
	if (b.Minor > 0 && r > a.Minor) || (b.Minor < 0 && r < a.Minor) {
		return Amount{}, &Error{Op: "sub", Reason: ReasonOverflow}
	}
	return Amount{Minor: r, Currency: a.Currency}, nil
}

// IsZero reports whether the amount is zero, whatever its currency.
func (a Amount) IsZero() bool { return a.Minor == 0 }

// Neg returns the amount with its sign flipped; it is exact for every value
// within MaxAbs (only math.MinInt64, which Validate rejects, has no negation).
func (a Amount) Neg() Amount { return Amount{Minor: -a.Minor, Currency: a.Currency} }

// Validate returns an error with ReasonTooLarge when |minor| exceeds MaxAbs.
func Validate(minor int64) error {
	if minor > MaxAbs || minor < -MaxAbs {
		return &Error{Op: "validate", Reason: ReasonTooLarge}
	}
	return nil
}
