package synth

import (
	"fmt"
	"strconv"
	"strings"

	"cartera/backend/taxid"
)

// profile is what differs between the five countries: currency, VAT, typical
// invoice size, how documents are numbered, how tax IDs are written, and
// what the banks' descriptions look like.
type profile struct {
	code, currency string
	exp            int   // decimals of the currency
	vat            int   // VAT in percent, added to net prices
	typical        int64 // typical net invoice, in whole currency units
	terms          []int // payment terms in days
	widths         []int // how many characters of a payer's name banks keep (0: all)
	withholding    []int // per-mille of the net that clients may withhold from a payment
}

var profiles = map[string]profile{
	"CL": {code: "CL", currency: "CLP", exp: 0, vat: 19, typical: 650_000, terms: []int{30, 30, 45, 60}, widths: []int{20, 22, 25, 25, 30, 0}},
	"CO": {code: "CO", currency: "COP", exp: 2, vat: 19, typical: 2_800_000, terms: []int{30, 60, 90}, widths: []int{20, 25, 30, 0}, withholding: []int{25, 35, 40}},
	"MX": {code: "MX", currency: "MXN", exp: 2, vat: 16, typical: 24_000, terms: []int{15, 30, 30, 45}, widths: []int{25, 30, 40, 0}, withholding: []int{12}},
	"PE": {code: "PE", currency: "PEN", exp: 2, vat: 18, typical: 4_500, terms: []int{15, 30, 30, 60}, widths: []int{20, 25, 30, 0}, withholding: []int{30}},
	"AR": {code: "AR", currency: "ARS", exp: 2, vat: 21, typical: 900_000, terms: []int{15, 30, 30, 60}, widths: []int{22, 25, 30, 0}, withholding: []int{20, 30, 50}},
}

// numbering writes document numbers as each country's invoicing systems do.
type numbering struct {
	invoice func(n int) string
	credit  func(n int) string
}

// numberingFor picks one of the country's usual numberings for a portfolio.
func numberingFor(country string, variant int) numbering {
	switch country {
	case "CO":
		prefix := []string{"FE", "FV", "SETP"}[variant%3]
		return numbering{
			invoice: func(n int) string { return prefix + strconv.Itoa(n) },
			credit:  func(n int) string { return "NC" + strconv.Itoa(n) },
		}
	case "MX":
		if variant%2 == 0 {
			return numbering{
				invoice: func(n int) string { return "A" + strconv.Itoa(n) },
				credit:  func(n int) string { return "NC" + strconv.Itoa(n) },
			}
		}
		return numbering{
			invoice: func(n int) string { return "F-" + strconv.Itoa(n) },
			credit:  func(n int) string { return "NC-" + strconv.Itoa(n) },
		}
	case "PE":
		if variant%2 == 0 {
			return numbering{
				invoice: func(n int) string { return fmt.Sprintf("F001-%08d", n) },
				credit:  func(n int) string { return fmt.Sprintf("FC01-%08d", n) },
			}
		}
		return numbering{
			invoice: func(n int) string { return "F001-" + strconv.Itoa(n) },
			credit:  func(n int) string { return "FC01-" + strconv.Itoa(n) },
		}
	case "AR":
		pos := []int{3, 1, 5}[variant%3]
		return numbering{
			invoice: func(n int) string { return fmt.Sprintf("A %04d-%08d", pos, n) },
			credit:  func(n int) string { return fmt.Sprintf("A %04d-%08d", pos, n) },
		}
	}
	// Chile: DTE folios are plain numbers, one sequence per document type.
	return numbering{
		invoice: strconv.Itoa,
		credit:  strconv.Itoa,
	}
}

// digitsOf returns the digits of a document number's last run, without
// leading zeros: what a payer types when not copying the whole number.
func digitsOf(number string) string {
	end := len(number)
	for end > 0 && (number[end-1] < '0' || number[end-1] > '9') {
		end--
	}
	start := end
	for start > 0 && number[start-1] >= '0' && number[start-1] <= '9' {
		start--
	}
	d := strings.TrimLeft(number[start:end], "0")
	if d == "" {
		return "0"
	}
	return d
}

// newTaxID makes a valid tax ID for a company or a person, normalized as
// backend/ar stores it.
func (g *gen) newTaxID(person bool, name string) string {
	for {
		var body string
		switch g.p.code {
		case "CL":
			if person {
				body = strconv.Itoa(5_000_000 + g.rng.IntN(20_000_000))
			} else {
				body = strconv.Itoa(76_000_000 + g.rng.IntN(2_000_000))
			}
		case "CO":
			if person {
				body = strconv.Itoa(10_000_000 + g.rng.IntN(90_000_000))
			} else {
				body = strconv.Itoa(800_000_000 + g.rng.IntN(102_000_000))
			}
		case "PE":
			if person {
				body = "10" + fmt.Sprintf("%08d", g.rng.IntN(100_000_000))
			} else {
				body = "20" + fmt.Sprintf("%08d", g.rng.IntN(100_000_000))
			}
		case "AR":
			prefix := []string{"30", "30", "33"}[g.rng.IntN(3)]
			if person {
				prefix = []string{"20", "27", "23"}[g.rng.IntN(3)]
			}
			body = prefix + fmt.Sprintf("%08d", g.rng.IntN(100_000_000))
		case "MX":
			body = g.rfcBody(person, name)
		}
		dv, err := taxid.CheckDigit(g.p.code, body)
		if err != nil {
			continue
		}
		id := taxid.Normalize(g.p.code, body+dv)
		if g.usedTaxIDs[id] {
			continue
		}
		g.usedTaxIDs[id] = true
		return id
	}
}

// rfcBody is an RFC without its check character: letters from the name, a
// date, two homoclave characters.
func (g *gen) rfcBody(person bool, name string) string {
	letters := []byte{}
	for _, w := range strings.Fields(strings.ToUpper(fold(name))) {
		if c := w[0]; c >= 'A' && c <= 'Z' {
			letters = append(letters, c)
		}
	}
	n := 3
	if person {
		n = 4
	}
	for len(letters) < n {
		letters = append(letters, byte('A'+g.rng.IntN(26)))
	}
	letters = letters[:n]
	const alnum = "ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789"
	return fmt.Sprintf("%s%02d%02d%02d%c%c", letters, g.rng.IntN(100), 1+g.rng.IntN(12), 1+g.rng.IntN(28),
		alnum[g.rng.IntN(len(alnum))], alnum[g.rng.IntN(len(alnum))])
}

// writeTaxID writes a normalized tax ID in one of the forms bank
// descriptions use for the country.
func (g *gen) writeTaxID(id string) string {
	switch g.p.code {
	case "CL":
		body, dv := id[:len(id)-1], id[len(id)-1:]
		switch g.rng.IntN(5) {
		case 0:
			return taxid.Format("CL", id) // 76.123.456-7
		case 1, 2:
			return body + "-" + dv // 76123456-7
		case 3:
			return "0" + body + "-" + dv // 076123456-7 (BCI)
		}
		return id // 761234567
	case "CO":
		body, dv := id[:len(id)-1], id[len(id)-1:]
		switch g.rng.IntN(4) {
		case 0:
			return taxid.Format("CO", id)
		case 1:
			return body + "-" + dv
		}
		return body // without its DV, as Colombian forms keep it apart
	case "AR":
		if g.rng.IntN(2) == 0 {
			return taxid.Format("AR", id)
		}
	}
	return id
}
