package ar

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// enyeMark stands for ñ while a name is folded, so that Fold (which makes it
// n) leaves it apart; it is a private-use character no name contains.
const enyeMark = '\uE000'

// NameSortKey is the key client names are ordered by, as a Spanish reader
// expects: case and accents ignored ("Óptica" with the O's, "árbol" with the
// a's), ñ as its own letter after n, and leading quotes or punctuation
// skipped. Byte order of the keys is the order of the names.
func NameSortKey(name string) string {
	s := norm.NFC.String(name) // an ñ typed as n + combining tilde becomes one letter
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	s = strings.Map(func(r rune) rune {
		if r == 'ñ' || r == 'Ñ' {
			return enyeMark
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(Fold(s)), " ")
	// "n~" sorts after every "n" followed by a letter, digit or space, and
	// before "o": exactly where ñ goes.
	return strings.ReplaceAll(s, string(enyeMark), "n~")
}

// SearchWords splits what a user typed into the words a client must all
// match, each with the forms it may be found by in the client's folded
// search text. A word that looks like a tax ID written with dots or dashes
// ("77.555.444-4", "890.903.938-8", "GODE-561231-GR8") may also match
// compact, as tax IDs are stored ("775554444"), and without leading zeros
// ("076.123.456-7" is stored "761234567"); any other word is only folded, so
// "pena" finds Peña.
func SearchWords(s string) [][]string {
	var out [][]string
	for _, w := range strings.Fields(Fold(s)) {
		forms := []string{w}
		if looksLikeTaxID(w) {
			compact := strings.Map(func(r rune) rune {
				if r == '.' || isDash(r) {
					return -1
				}
				return r
			}, w)
			trimmed := strings.TrimLeft(compact, "0")
			for _, f := range []string{compact, trimmed} {
				if f != "" && !contains(forms, f) {
					forms = append(forms, f)
				}
			}
		}
		out = append(out, forms)
	}
	return out
}

// looksLikeTaxID reports whether a folded word is made of a tax ID's
// characters (digits, letters, & for an RFC) with at least one digit and at
// least one dot or dash between them.
func looksLikeTaxID(w string) bool {
	var digit, sep bool
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r == '.' || isDash(r):
			sep = true
		case unicode.IsLetter(r) || r == '&':
		default:
			return false
		}
	}
	return digit && sep
}

// isDash reports the hyphen and the look-alikes word processors put instead.
func isDash(r rune) bool {
	switch r {
	case '-', '\u00AD', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return true
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
