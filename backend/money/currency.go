// Package money holds Cartera's representation of monetary amounts: integer
// minor units tagged with an ISO 4217 currency code, plus float-free parsing and
// formatting of the locale-specific text found in Latin American bank files,
// spreadsheets and invoices.
//
// Floats never touch an amount: 0.1 + 0.2 must equal 0.3 when a collector
// reconciles a payment against an invoice, so every conversion here is integer
// or string arithmetic.
package money

import "strings"

// Exponent returns the ISO 4217 minor-unit exponent of currency (2 for USD,
// 0 for CLP) and whether the currency is known; codes are matched exactly, upper-case.
func Exponent(currency string) (int, bool) {
	// A switch instead of a map keeps the table immutable and allocation-free.
	switch currency {
	case "CLP", "PYG", "JPY", "KRW":
		return 0, true
	case "COP", "MXN", "PEN", "ARS", "USD", "EUR", "UYU", "BOB", "BRL",
		"GTQ", "CRC", "DOP", "VES", "HNL", "NIO", "PAB",
		"GBP", "CAD", "CHF", "CNY":
		return 2, true
	case "CLF": // Unidad de Fomento, quoted with four decimals.
		return 4, true
	}
	return 0, false
}

// Known reports whether currency is an ISO 4217 code this package can parse and format.
func Known(currency string) bool {
	_, ok := Exponent(currency)
	return ok
}

// Currencies returns the known currency codes in ascending order, as a new slice the caller may modify.
func Currencies() []string {
	return []string{
		"ARS", "BOB", "BRL", "CAD", "CHF", "CLF", "CLP", "CNY", "COP", "CRC",
		"DOP", "EUR", "GBP", "GTQ", "HNL", "JPY", "KRW", "MXN", "NIO", "PAB",
		"PEN", "PYG", "USD", "UYU", "VES",
	}
}

// CurrencyFor returns the local currency of an ISO 3166 alpha-2 country code, or "" if unknown.
func CurrencyFor(country string) string {
	switch strings.ToUpper(strings.TrimSpace(country)) {
	case "CL":
		return "CLP"
	case "CO":
		return "COP"
	case "MX":
		return "MXN"
	case "PE":
		return "PEN"
	case "AR":
		return "ARS"
	case "UY":
		return "UYU"
	case "PY":
		return "PYG"
	case "BO":
		return "BOB"
	case "BR":
		return "BRL"
	}
	return ""
}

// symbol is the prefix Format writes before an amount of currency.
func symbol(currency string) string {
	switch currency {
	case "CLP", "COP", "MXN", "ARS":
		return "$"
	case "PEN":
		return "S/"
	case "USD":
		return "US$"
	}
	return currency
}

// symbolMatches reports whether a currency sign found in text, upper-cased, may
// denote currency; ok is false when the text is not a sign this package knows.
//
// "$" is accepted for every currency because Latin American files use it for
// the local peso and for dollars alike; the caller's currency decides.
func symbolMatches(sign, currency string) (match, ok bool) {
	switch sign {
	case "$":
		return true, true
	case "US$", "U$S":
		return currency == "USD", true
	case "S/", "S/.":
		return currency == "PEN", true
	case "R$":
		return currency == "BRL", true
	case "€":
		return currency == "EUR", true
	case "£":
		return currency == "GBP", true
	case "UF":
		return currency == "CLF", true
	case "BS", "BS.":
		return currency == "BOB" || currency == "VES", true
	case "GS", "GS.", "₲":
		return currency == "PYG", true
	case "₡":
		return currency == "CRC", true
	case "RD$":
		return currency == "DOP", true
	case "C$":
		return currency == "NIO", true
	case "B/.":
		return currency == "PAB", true
	case "MX$":
		return currency == "MXN", true
	}
	return false, false
}

// signs lists the currency signs Parse strips, longest first so that "US$" wins over "$".
func signs() [19]string {
	// An array value, not a package variable, so nobody can mutate the table.
	return [19]string{
		"U$S", "US$", "RD$", "MX$", "S/.", "B/.", "BS.", "GS.",
		"S/", "R$", "C$", "UF", "BS", "GS",
		"$", "€", "£", "₲", "₡",
	}
}
