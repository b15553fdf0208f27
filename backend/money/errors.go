package money

import (
	"errors"
	"fmt"
)

// Reason codes are stable, machine-readable strings: the UI maps them to
// translated messages, so they must never change once shipped.
const (
	// ReasonEmpty means the text held nothing but spaces, quotes or a currency sign.
	ReasonEmpty = "empty"
	// ReasonInvalid means the text held characters or a shape that is not an amount.
	ReasonInvalid = "invalid"
	// ReasonDoubleSign means the text carried more than one sign, as in "-(5)" or "--5".
	ReasonDoubleSign = "double_sign"
	// ReasonMisplacedGroup means a group separator did not sit between 3-digit groups.
	ReasonMisplacedGroup = "misplaced_group"
	// ReasonTooManyDecimals means non-zero digits went beyond the currency's minor-unit exponent.
	ReasonTooManyDecimals = "too_many_decimals"
	// ReasonTooLarge means the absolute value exceeds MaxAbs minor units.
	ReasonTooLarge = "too_large"
	// ReasonUnknownCurrency means the currency code is not one this package knows.
	ReasonUnknownCurrency = "unknown_currency"
	// ReasonCurrencyMismatch means two currencies that had to agree did not.
	ReasonCurrencyMismatch = "currency_mismatch"
	// ReasonBadStyle means a Style had equal, missing or ambiguous separators.
	ReasonBadStyle = "bad_style"
	// ReasonOverflow means arithmetic on two amounts overflowed int64.
	ReasonOverflow = "overflow"
)

// describe turns a reason code into readable English for logs; the UI uses the code itself.
func describe(reason string) string {
	switch reason {
	case ReasonEmpty:
		return "no amount found"
	case ReasonInvalid:
		return "not a valid amount"
	case ReasonDoubleSign:
		return "more than one sign"
	case ReasonMisplacedGroup:
		return "group separator not between 3-digit groups"
	case ReasonTooManyDecimals:
		return "more decimals than the currency allows"
	case ReasonTooLarge:
		return "absolute value larger than 10^15 minor units"
	case ReasonUnknownCurrency:
		return "unknown currency"
	case ReasonCurrencyMismatch:
		return "currency does not match"
	case ReasonBadStyle:
		return "invalid number style"
	case ReasonOverflow:
		return "result overflows"
	}
	return reason
}

// ParseError reports why Parse rejected a text; Reason is one of the Reason constants.
type ParseError struct {
	Input  string
	Reason string
}

// Error returns a readable English description for logs.
func (e *ParseError) Error() string {
	return fmt.Sprintf("money: cannot parse %q: %s", e.Input, describe(e.Reason))
}

// Error reports a failed operation on amounts (Add, Sub, Validate); Reason is one of the Reason constants.
type Error struct {
	Op     string
	Reason string
}

// Error returns a readable English description for logs.
func (e *Error) Error() string {
	return "money: " + e.Op + ": " + describe(e.Reason)
}

// ReasonOf returns the reason code carried by err (a *ParseError or *Error,
// possibly wrapped), or "" when err carries none.
func ReasonOf(err error) string {
	var pe *ParseError
	if errors.As(err, &pe) {
		return pe.Reason
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return ""
}
