package reconcile

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"cartera/backend/ar"
)

// A bank line's text is read at two grains. Chunks are what a person sees
// as one item: runs of letters and digits with the dots, dashes and slashes
// inside them ("76.123.456-7", "F-1234", "1234/1235", "s.a."); numbers, tax
// IDs and dates are recognised on chunks. Words are the letters-and-digits
// parts of the chunks ("f", "1234"), except that dotted initials and dotted
// digit groups are joined back ("s.a." is "sa", "25.413" is "25413"); names
// and rules are matched on words.

// chunk is one item of a folded text.
type chunk struct {
	s      string // folded: lower case, no accents; inner '.', '-', '/', '&' kept
	w0, w1 int    // its words are text.words[w0:w1]
}

// text is a folded line split into chunks and words.
type text struct {
	chunks []chunk
	words  []string
	// descChunks is how many of the chunks come from the description (the
	// rest from the reference column); the payer's name is read there only.
	descChunks int
}

// foldText lowers s and strips accents, keeping letters, digits and the
// characters that join the parts of numbers and abbreviations ('.', '-',
// '/', '&'); every other character becomes a space. "N°" and "Nº" become
// "nro", the one way the scanner knows a number sign.
func foldText(s string) string {
	b := make([]byte, 0, len(s)+4)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'A' && c <= 'Z':
				b = append(b, c+'a'-'A')
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '.', c == '-', c == '/', c == '&':
				b = append(b, c)
			default:
				b = append(b, ' ')
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '°' || r == 'º':
			// "N°1234": the sign after an n that starts a word.
			if n := len(b); n > 0 && b[n-1] == 'n' && (n == 1 || !isAlnum(b[n-2])) {
				b = append(b, "ro "...)
			} else {
				b = append(b, ' ')
			}
		case isDashRune(r):
			b = append(b, '-')
		default:
			if f := foldRune(r); f != 0 {
				b = append(b, f)
			} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
				// A letter outside the Latin alphabet: fold it the slow
				// way and keep what is ASCII of it.
				for _, c := range []byte(ar.Fold(string(r))) {
					if isAlnum(c) {
						b = append(b, c)
					}
				}
			} else {
				b = append(b, ' ')
			}
		}
	}
	return string(b)
}

// foldRune maps the accented letters Spanish and Portuguese use to their
// lower-case base letter, and returns 0 for anything else.
func foldRune(r rune) byte {
	switch r {
	case 'á', 'à', 'â', 'ä', 'ã', 'Á', 'À', 'Â', 'Ä', 'Ã', 'ª':
		return 'a'
	case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'Ë':
		return 'e'
	case 'í', 'ì', 'î', 'ï', 'Í', 'Ì', 'Î', 'Ï':
		return 'i'
	case 'ó', 'ò', 'ô', 'ö', 'õ', 'Ó', 'Ò', 'Ô', 'Ö', 'Õ':
		return 'o'
	case 'ú', 'ù', 'û', 'ü', 'Ú', 'Ù', 'Û', 'Ü':
		return 'u'
	case 'ñ', 'Ñ':
		return 'n'
	case 'ç', 'Ç':
		return 'c'
	}
	return 0
}

// isDashRune reports the hyphen's look-alikes that word processors and
// banks' systems put instead of it.
func isDashRune(r rune) bool {
	switch r {
	case '\u00AD', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return true
	}
	return false
}

func isAlnum(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }

// isJoiner reports the characters that may join the parts of a chunk.
func isJoiner(c byte) bool { return c == '.' || c == '-' || c == '/' || c == '&' }

// scanText folds s and splits it into chunks and words.
func scanText(s string) text {
	f := foldText(s)
	var t text
	for _, field := range strings.Fields(f) {
		field = strings.TrimFunc(field, func(r rune) bool { return r < utf8.RuneSelf && isJoiner(byte(r)) })
		if field == "" {
			continue
		}
		c := chunk{s: field, w0: len(t.words)}
		t.words = appendWords(t.words, field)
		c.w1 = len(t.words)
		t.chunks = append(t.chunks, c)
	}
	t.descChunks = len(t.chunks)
	return t
}

// appendWords appends the words of one chunk: its letters-and-digits parts,
// with dotted initials ("s.a", "e.i.r.l") and dotted digit groups
// ("25.413") joined into one word.
func appendWords(words []string, ch string) []string {
	parts := splitParts(ch)
	if len(parts) == 1 {
		return append(words, parts[0])
	}
	dotted := strings.IndexByte(ch, '.') >= 0 && strings.IndexAny(ch, "-/&") < 0
	if dotted {
		initials, digits := true, true
		for _, p := range parts {
			if len(p) != 1 || !isLetter(p[0]) {
				initials = false
			}
			if !allDigits(p) {
				digits = false
			}
		}
		if initials || digits {
			return append(words, strings.Join(parts, ""))
		}
	}
	return append(words, parts...)
}

// splitParts splits a chunk at its joiners into non-empty parts.
func splitParts(ch string) []string {
	var parts []string
	start := 0
	for i := 0; i <= len(ch); i++ {
		if i == len(ch) || isJoiner(ch[i]) {
			if i > start {
				parts = append(parts, ch[start:i])
			}
			start = i + 1
		}
	}
	return parts
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// compactID removes dots, dashes, slashes and spaces from a folded chunk and
// upper-cases it, the form tax IDs and account numbers are compared in.
func compactID(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			b = append(b, c-'a'+'A')
		case c >= '0' && c <= '9', c == '&', c >= 'A' && c <= 'Z':
			b = append(b, c)
		}
	}
	return string(b)
}

// digitCount is the number of ASCII digits in s.
func digitCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}
