package reconcile

import (
	"strconv"
	"strings"
	"time"

	"cartera/backend/ar"
	"cartera/backend/date"
)

// Invoice numbers are written in bank lines in many shapes: "FACT 1234",
// "F-1234", "F1234", "fac1234", "FAC. 1234", "facturas 1234 y 1235", "FACT
// 1234/1235", "Nº 001-00001234", the number with its series as printed
// ("A 0003-00012001", "F001-123", "FV1001"), with or without leading zeros.
// Documents are indexed by the digits of their number's last run of digits
// ("A 0003-00012001" by 12001); a number read from a line is looked up by
// its digits and then graded by how it was written. Numbers that are dates,
// amounts, tax IDs, account, cheque or operation numbers are not taken.

// refLevel grades how surely a number in a line names a document.
type refLevel uint8

// Reference levels, weakest first.
const (
	refNone    refLevel = iota
	refTypo             // one digit off from the client's document (only with the client corroborated)
	refBare3            // a bare three-digit number
	refBare             // a bare number of four or more digits
	refRef              // after REF, REFERENCIA, CONCEPTO
	refPadded           // written with leading zeros ("00012001")
	refKeyword          // after FACT, F, Nº…, or in a list that follows one
	refFull             // the document's number as printed, with its series
)

// explicit reports whether the level names a document on its own.
func (l refLevel) explicit() bool { return l >= refPadded }

// numCand is a number read from a line that may be a document's.
type numCand struct {
	key     uint64   // the digits of its last run, leading zeros dropped
	digits  string   // the same digits as text
	numKey  string   // ar.NumberKey of what was written, keyword letters dropped
	series  string   // letters written before the digits that are not a keyword ("a" of "A1001")
	prev    string   // a lone letter chunk just before it ("a" of "A 0003-00012001")
	level   refLevel // from the words around it
	credit  bool     // written after NC / nota de crédito
	chunk   int
	written string
}

// numRef is a document a line names.
type numRef struct {
	doc     int32
	level   refLevel
	written string
	chunk   int // the chunk it was read from
}

// invoiceWords introduce a document number.
var invoiceWords = wordSet(
	"fact", "factura", "facturas", "fac", "fc", "fv", "fe", "ft", "f", "fa", "fra", "fras", "facts",
	"folio", "folios", "invoice", "invoices", "inv", "cfdi", "comprobante", "comprobantes", "comprob",
	"cbte", "cpbte", "nro", "num", "numero", "doc", "docto", "documento", "documentos", "boleta", "nd",
	"ff", "facs", "fct", "fctura", "dte",
)

// creditWords introduce a credit note's number.
var creditWords = wordSet("nc", "n/c", "ncr", "notacredito", "ncredito")

// refWords introduce a payer's own reference, which is often an invoice number.
var refWords = wordSet("ref", "referencia", "refer", "concepto", "glosa", "detalle", "motivo")

// blockWords introduce a number that is not an invoice's: cheques,
// accounts, operations, branches, phones, IDs.
var blockWords = wordSet(
	"op", "oper", "operacion", "trx", "transaccion", "cheque", "ch", "chq", "cheq", "serie", "cta", "cuenta",
	"cte", "cc", "ctacte", "cbu", "cvu", "clabe", "suc", "sucursal", "rut", "nit", "ruc", "cuit", "cuil",
	"rfc", "tel", "fono", "celular", "cel", "ci", "dni", "cedula", "id", "terminal", "term", "lote",
	"autorizacion", "aut", "codigo", "cod", "seguimiento", "rastreo", "clave", "comp", "cajero", "caja",
	"oficina", "of", "agencia", "ag", "ced", "pasaporte", "tarjeta", "tc", "td", "cuota", "cuotas",
	"ctas", "nro.cta", "orden", "pedido", "oc",
)

// connectors may stand between the numbers of a list.
var connectors = wordSet("y", "e", "and", "&", "-", "/")

// digitKey parses up to 18 digits as a number (leading zeros drop out).
func digitKey(d string) (uint64, bool) {
	d = strings.TrimLeft(d, "0")
	if d == "" || len(d) > 18 {
		return 0, false
	}
	v, err := strconv.ParseUint(d, 10, 64)
	return v, err == nil
}

// numberDigits returns the last run of digits of a document number, or "".
func numberDigits(n string) string {
	end := -1
	for i := len(n) - 1; i >= 0; i-- {
		if isDigit(n[i]) {
			end = i + 1
			break
		}
	}
	if end < 0 {
		return ""
	}
	start := end - 1
	for start > 0 && isDigit(n[start-1]) {
		start--
	}
	return n[start:end]
}

// findNumbers reads the numbers of a line that may name documents, with the
// level their context gives them. skip marks chunks already taken (tax IDs).
func findNumbers(t text, skip []bool, amount int64, exp int, day date.Date) []numCand {
	var out []numCand
	ctx := refNone // the level the words before give the next number
	credit := false
	block := false
	listLevel := refNone // level of the previous number, while a list may go on
	prevLetter := ""
	for i, c := range t.chunks {
		s := c.s
		if skip[i] {
			ctx, block, listLevel, prevLetter = refNone, false, refNone, ""
			continue
		}
		if digitCount(s) == 0 {
			w := strings.ReplaceAll(s, ".", "")
			if block && (w == "nro" || w == "num" || w == "numero" || w == "n" || w == "no" || w == "de" || w == "del") {
				continue // "OPERACION NRO 12345": still not an invoice
			}
			switch {
			case creditWords[w] || (w == "nota" && i+1 < len(t.chunks) && strings.HasPrefix(t.chunks[i+1].s, "cred")):
				ctx, credit, block = refKeyword, true, false
			case invoiceWords[w]:
				ctx, credit, block = refKeyword, false, false
			case refWords[w]:
				ctx, credit, block = refRef, false, false
			case blockWords[w]:
				ctx, block = refNone, true
			case connectors[w] || w == "de" || w == "del" || w == "n" || w == "no" || w == "credito" || w == "cred":
				// keep the context: "facturas 1234 y 1235", "nota de crédito 88", "FACT N 1234"
			case len(w) == 1:
				prevLetter = w
				continue
			default:
				ctx, credit, block, listLevel = refNone, false, false, refNone
			}
			prevLetter = ""
			continue
		}
		if block && !hasLetter(s) {
			// A cheque, account or operation number; one written with a
			// series ("A CUENTA F001-126") is a document's.
			block, ctx, listLevel, prevLetter = false, refNone, refNone, ""
			continue
		}
		block = false
		level := ctx
		if listLevel > level {
			level = listLevel
		}
		if level < refKeyword && (isDateChunk(s, day) || isAmountChunk(s, amount, exp)) {
			ctx, listLevel, prevLetter = refNone, refNone, ""
			continue
		}
		var cands []numCand
		if pieces := strings.Split(s, "/"); len(pieces) > 1 && allHaveDigits(pieces, 3) {
			// "F001-4316/F001-4340", "1234/1235": a list, one number a piece.
			for _, p := range pieces {
				got := readNumberChunk(p, level, credit)
				if len(got) > 0 && got[0].level >= refKeyword {
					level = refKeyword
				}
				cands = append(cands, got...)
			}
		} else {
			cands = readNumberChunk(s, level, credit)
		}
		for k := range cands {
			cands[k].chunk = i
			cands[k].prev = prevLetter
			cands[k].written = c.s
		}
		out = append(out, cands...)
		if level >= refKeyword || (len(cands) > 0 && cands[0].level >= refKeyword) {
			listLevel = refKeyword
		} else {
			listLevel = refNone
		}
		ctx, prevLetter = refNone, ""
	}
	return out
}

// readNumberChunk reads the numbers of one chunk that has digits, given the
// level of its context.
func readNumberChunk(s string, level refLevel, credit bool) []numCand {
	parts := splitParts(s)
	// Letters glued before the first digits: a keyword ("fac1234",
	// "F-1234"), a credit note's ("NC-88") or a series ("A1001", "FV1001").
	first := parts[0]
	letters := ""
	j := 0
	for j < len(first) && isLetter(first[j]) {
		j++
	}
	letters = first[:j]
	rest := parts
	if j == len(first) && len(parts) > 1 {
		// "f-1234": the letters are a part of their own.
		rest = parts[1:]
	} else if j > 0 {
		rest = append([]string{first[j:]}, parts[1:]...)
	}
	series := ""
	switch {
	case letters == "":
	case creditWords[letters]:
		credit = true
		level = max(level, refKeyword)
	case invoiceWords[letters] && letters != "f" && letters != "fe" && letters != "fv":
		level = max(level, refKeyword)
	case letters == "f" || letters == "fe" || letters == "fv":
		// A series as often as a keyword ("F-1234", "FE1001", "FV1001").
		series = letters
		level = max(level, refKeyword)
	case blockWords[letters]:
		return nil
	default:
		series = letters
	}
	for _, p := range rest {
		if !allDigits(p) {
			// "f001-123", "e001-45": a series with digits of its own.
			if series == "" && len(rest) > 1 {
				series = "x" // written with a series: compared as a whole
			}
		}
	}
	numKey := ar.NumberKey(strings.Join(rest, "-"))
	if series != "" && series != "x" {
		numKey = strings.ToUpper(series) + "-" + numKey
	}
	// "1234/1235", "1234-1235", "1234 1235": a list when every part is a
	// number of similar length; "0003-00012001" is a point of sale and a
	// number, read as one.
	if len(rest) > 1 && allNumberParts(rest) && similarLengths(rest) {
		var out []numCand
		for _, p := range rest {
			if c, ok := numberCand(p, p, "", level, credit); ok {
				out = append(out, c)
			}
		}
		return out
	}
	last := numberDigits(rest[len(rest)-1])
	if last == "" {
		return nil
	}
	if level < refPadded && len(last) >= 5 && last[0] == '0' && strings.TrimLeft(last, "0") != "" {
		level = refPadded
	}
	c, ok := numberCand(last, numKey, series, level, credit)
	if !ok {
		return nil
	}
	return []numCand{c}
}

func numberCand(digits, numKey, series string, level refLevel, credit bool) (numCand, bool) {
	key, ok := digitKey(digits)
	if !ok {
		return numCand{}, false
	}
	d := strings.TrimLeft(digits, "0")
	switch {
	case level >= refKeyword:
	case len(d) >= 4:
		level = max(level, refBare)
	case len(d) == 3:
		level = max(level, refBare3)
	default:
		return numCand{}, false
	}
	if len(d) > 12 && level < refKeyword {
		return numCand{}, false // an account number, a CLABE, a card
	}
	return numCand{key: key, digits: d, numKey: numKey, series: series, level: level, credit: credit}, true
}

func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if isLetter(s[i]) {
			return true
		}
	}
	return false
}

// allHaveDigits reports whether every piece has at least n digits.
func allHaveDigits(pieces []string, n int) bool {
	for _, p := range pieces {
		if digitCount(p) < n {
			return false
		}
	}
	return true
}

func allNumberParts(parts []string) bool {
	for _, p := range parts {
		if !allDigits(p) {
			return false
		}
	}
	return true
}

func similarLengths(parts []string) bool {
	for _, p := range parts {
		if len(p) < 3 || len(p)-len(parts[0]) > 1 || len(parts[0])-len(p) > 1 {
			return false
		}
		if p[0] == '0' {
			return false
		}
	}
	return true
}

// gradeRef grades how a number read from a line names a document whose
// number is docNumber (of kind creditNote or not): refNone when it cannot.
func gradeRef(c numCand, docNumber string, creditNote bool) refLevel {
	if c.credit != creditNote && c.level >= refKeyword {
		return refNone // "NC 88" is not invoice 88, "FACT 88" not credit note 88
	}
	docKey := ar.NumberKey(docNumber)
	if c.prev != "" && docKey == strings.ToUpper(c.prev)+"-"+c.numKey {
		return refFull // "A 0003-00012001"
	}
	if docKey == c.numKey {
		if strings.ContainsAny(c.numKey, "-ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			return refFull // written with its series or point of sale
		}
		return c.level // the digits alone say no more than their context
	}
	if strings.Count(c.numKey, "-") >= 1 && strings.HasSuffix(docKey, "-"+c.numKey) && c.series == "" {
		return refFull // "0003-00012001" of "A 0003-00012001", "001-00001234" of "F001-00001234"
	}
	if c.series != "" && c.series != "x" {
		// Letters were written: they must be the document's.
		if !strings.HasPrefix(strings.ToLower(strings.ReplaceAll(docKey, "-", "")), c.series) {
			if c.series == "f" || c.series == "fe" || c.series == "fv" {
				return c.level // "F-1234" of invoice "1234": F was a keyword
			}
			return refNone
		}
		return refFull
	}
	if c.series == "x" || strings.Count(c.numKey, "-") >= 1 {
		// A number written with a series or point of sale that is not
		// this document's.
		return refNone
	}
	if creditNote && !c.credit {
		return min(c.level, refBare)
	}
	return c.level
}

// typoOf reports whether written digits are a document's digits with one
// digit wrong or two adjacent digits swapped.
func typoOf(written, doc string) bool {
	if len(written) != len(doc) || len(doc) < 3 || written == doc {
		return false
	}
	diff := -1
	for i := 0; i < len(doc); i++ {
		if written[i] != doc[i] {
			if diff >= 0 {
				// A second difference: only an adjacent swap is allowed.
				return i == diff+1 && written[diff] == doc[i] && written[i] == doc[diff] && written[i+1:] == doc[i+1:]
			}
			diff = i
		}
	}
	return true
}

// isDateChunk reports whether a chunk is a date: dd/mm/yyyy, dd-mm-yy,
// yyyy-mm-dd, dd/mm, yyyymmdd, ddmmyyyy, or six digits (ddmmyy, yymmdd) that
// fall within three months of the line's day.
func isDateChunk(s string, day date.Date) bool {
	parts := splitParts(s)
	if !allNumberParts(parts) {
		return false
	}
	n := func(p string) int { v, _ := strconv.Atoi(p); return v }
	valid := func(y, m, d int) bool {
		if y < 100 {
			y += 2000
		}
		return y >= 1990 && y <= 2099 && date.Valid(y, timeMonth(m), d)
	}
	switch len(parts) {
	case 3:
		a, b, c := parts[0], parts[1], parts[2]
		if len(a) <= 2 && len(b) <= 2 && (len(c) == 2 || len(c) == 4) && valid(n(c), n(b), n(a)) {
			return true
		}
		return len(a) == 4 && len(b) <= 2 && len(c) <= 2 && valid(n(a), n(b), n(c))
	case 2:
		a, b := parts[0], parts[1]
		return len(a) <= 2 && len(b) <= 2 && n(a) >= 1 && n(a) <= 31 && n(b) >= 1 && n(b) <= 12
	case 1:
		p := parts[0]
		switch len(p) {
		case 8:
			return valid(n(p[:4]), n(p[4:6]), n(p[6:])) || valid(n(p[4:]), n(p[2:4]), n(p[:2]))
		case 6:
			if day.IsZero() {
				return false
			}
			near := func(y, m, d int) bool {
				if !valid(y, m, d) {
					return false
				}
				diff := date.New(2000+y, timeMonth(m), d).DaysSince(day)
				return diff >= -92 && diff <= 92
			}
			return near(n(p[4:]), n(p[2:4]), n(p[:2])) || near(n(p[:2]), n(p[2:4]), n(p[4:]))
		}
	}
	return false
}

// isAmountChunk reports whether a chunk is an amount: grouped thousands
// ("1.234.567", "1,234,567.89"), two decimals ("1234,50"), or the line's own
// amount in whole units or minor units.
func isAmountChunk(s string, amount int64, exp int) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ',' })
	if strings.ContainsAny(s, "-/") || len(parts) == 0 || !allNumberParts(parts) {
		return false
	}
	if len(parts) > 1 {
		grouped := len(parts[0]) <= 3
		for k, p := range parts[1:] {
			lastPart := k == len(parts)-2
			if len(p) != 3 && !(lastPart && len(p) <= 2) {
				grouped = false
			}
		}
		if grouped {
			return true
		}
		return len(parts) == 2 && len(parts[1]) == 2
	}
	v, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil || amount <= 0 {
		return false
	}
	if v == amount {
		return true
	}
	unit := int64(1)
	for k := 0; k < exp; k++ {
		unit *= 10
	}
	return amount%unit == 0 && v == amount/unit
}

func timeMonth(m int) time.Month { return time.Month(m) }
