package bankfile

import (
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"unicode"
)

// Keys gives each line of a statement the key that finds the same movement
// when it arrives again, in the same file imported twice or in an overlapping
// statement of the same account. The bank's own transaction id decides when
// the line has one (with the date and amount, as some banks reuse ids across
// days); otherwise the date, amount, description (letters and digits only,
// case folded, since exports of one bank differ in spacing) and running
// balance, plus the line's occurrence among identical lines of the file, so
// that two genuine identical deposits on one day both stay while the same two
// read again from an overlapping file are recognised. A key is a hash of
// those parts (22 characters), so that the store's index of keys stays small.
func Keys(lines []Line) []string {
	out := make([]string, len(lines))
	seen := make(map[string]int, len(lines))
	for i, l := range lines {
		var b strings.Builder
		b.WriteString(l.Date.String())
		b.WriteByte('|')
		b.WriteString(strconv.FormatInt(l.Amount, 10))
		b.WriteByte('|')
		if l.BankTxnID != "" {
			b.WriteString("id:")
			b.WriteString(l.BankTxnID)
			out[i] = hashKey(b.String())
			continue
		}
		b.WriteString(foldKey(l.Description))
		b.WriteByte('|')
		if l.Balance != nil {
			b.WriteString(strconv.FormatInt(*l.Balance, 10))
		}
		base := b.String()
		n := seen[base]
		seen[base] = n + 1
		out[i] = hashKey(base + "|" + strconv.Itoa(n))
	}
	return out
}

func hashKey(s string) string {
	h := sha256.Sum256([]byte(s))
	return base64.RawURLEncoding.EncodeToString(h[:16])
}

// foldKey keeps the letters and digits of s, upper-cased.
func foldKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}
