package reconcile

import (
	"strings"

	"cartera/backend/taxid"
)

// Tax IDs appear in bank lines in every written form: "76.123.456-7",
// "761234567", "76123456-7", "061801000-7" (a leading zero), NIT
// "900.123.456-7" or "900123456" (without its check digit, as Colombian
// forms keep it apart), RFC "XAXX010101000", CUIT "30-71234567-9". Each
// chunk is normalized the way backend/ar stores IDs and looked up among the
// clients' IDs; the body without its check digit is looked up too for RUTs
// and NITs.

// taxHit is a client whose tax ID a line carries.
type taxHit struct {
	client  int32
	full    bool   // the whole ID with its check digit; false: the body alone
	chunk   int    // the chunk it was read from; -1 for the PayerID field
	written string // as the line writes it
}

// genericRFC reports the SAT's generic RFCs (sales to the public, foreigners),
// which name no one.
func genericRFC(id string) bool {
	return id == "XAXX010101000" || id == "XEXX010101000"
}

// taxKeys returns the normalized full ID a written chunk may be, and the
// body it may be without its check digit ("" when the country's IDs are
// not written that way).
func taxKeys(country, written string) (full, body string) {
	c := compactID(written)
	if country != "MX" {
		// "RUT:76…" glued, "NIT900…": the ID is the part from the first digit.
		if i := strings.IndexAny(c, "0123456789"); i > 0 {
			c = c[i:]
		}
	}
	if len(c) < 6 {
		return "", ""
	}
	full = taxid.Normalize(country, c)
	if (country == "CL" || country == "CO") && allDigitsUpper(c) {
		body = strings.TrimLeft(c, "0")
	}
	if country == "MX" && genericRFC(full) {
		return "", ""
	}
	return full, body
}

func allDigitsUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// findTaxIDs returns the clients whose tax IDs the line's text or PayerID
// carries, and marks in taxShaped the chunks that are written as a tax ID
// (found or not), so that they are not read as invoice numbers.
func (b *Book) findTaxIDs(t text, payerID string, taxShaped []bool) []taxHit {
	var hits []taxHit
	look := func(written string, chunk int) bool {
		full, body := taxKeys(b.country, written)
		if full == "" {
			return false
		}
		found := false
		for _, c := range b.taxFull[full] {
			hits = append(hits, taxHit{client: c, full: true, chunk: chunk, written: written})
			found = true
		}
		if !found && body != "" && len(body) >= 7 {
			for _, c := range b.taxBody[body] {
				hits = append(hits, taxHit{client: c, chunk: chunk, written: written})
				found = true
			}
		}
		return found
	}
	if p := strings.TrimSpace(payerID); p != "" {
		look(foldText(p), -1)
	}
	for i, c := range t.chunks {
		if digitCount(c.s) < 6 {
			continue
		}
		if look(c.s, i) || writtenAsTaxID(b.country, c.s) {
			taxShaped[i] = true
		}
	}
	return dedupeTaxHits(hits)
}

// writtenAsTaxID reports whether a chunk is written the way the country
// writes tax IDs and passes the check: a RUT or NIT with its dash and check
// digit, an 11-digit RUC or CUIT, an RFC. Such a chunk is nobody's invoice
// number even when no client has that ID.
func writtenAsTaxID(country, s string) bool {
	switch country {
	case "CL", "CO":
		i := strings.LastIndexByte(s, '-')
		if i < 0 || i != len(s)-2 {
			return false
		}
	case "PE", "AR":
		if digitCount(s) != 11 {
			return false
		}
	case "MX":
		c := compactID(s)
		if genericRFC(c) {
			return true
		}
		if len(c) < 12 || len(c) > 13 {
			return false
		}
	default:
		return false
	}
	return taxid.Check(country, s).Severity == taxid.OK
}

// dedupeTaxHits keeps one hit per client, the strongest.
func dedupeTaxHits(hits []taxHit) []taxHit {
	if len(hits) < 2 {
		return hits
	}
	out := hits[:0]
	for _, h := range hits {
		dup := false
		for k := range out {
			if out[k].client == h.client {
				dup = true
				if h.full && !out[k].full {
					out[k] = h
				}
			}
		}
		if !dup {
			out = append(out, h)
		}
	}
	return out
}
