package importer

import (
	"strings"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/sqlite"
	"cartera/backend/taxid"
)

// writer sends parsed records to the store, finding (or creating) their clients.
type writer struct {
	im      *sqlite.Importer
	target  Target
	choices Choices
	today   date.Date
	parser  *Parser
	uuids   map[string]string // a CFDI's UUID → its document number, for the credit notes that refer to it
}

func (w *writer) write(rec Record, problem func(Problem)) error {
	switch w.target {
	case Clients:
		return w.im.Client(rec.Line, rec.NewClient)
	}
	c, ok := w.im.FindClient(rec.Client.TaxID, rec.Client.Name)
	for _, alt := range SameTaxID(w.parser.Country, rec.Client.TaxID) {
		if ok {
			break
		}
		c, ok = w.im.FindClient(alt, "")
	}
	if !ok {
		pr := w.parser.MissingClient(rec.Line, rec.Client)
		problem(pr)
		if !w.choices.CreateClients {
			w.im.Skip()
			return nil
		}
		if rec.NewClient.LegalName == "" {
			rec.NewClient.LegalName = rec.Client.TaxID // a file with tax IDs and no names
		}
		var err error
		if c, err = w.im.CreateClient(rec.NewClient); err != nil {
			return err
		}
	}
	switch w.target {
	case Invoices:
		d := rec.Doc
		d.ClientID = c.ID
		if d.DueDate.IsZero() {
			d.DueDate = ar.DefaultDueDate(d.IssueDate, c.Terms)
		}
		if rec.UUID != "" && rec.UUID != d.Number {
			if w.uuids == nil {
				w.uuids = map[string]string{}
			}
			w.uuids[rec.UUID] = d.Number
		}
		return w.im.Document(rec.Line, d, sqlite.DocBalance{Open: rec.Balance, Given: rec.HasBalance, AppliesTo: strings.ToUpper(rec.AppliesTo)})
	case Payments:
		p := rec.Payment
		p.ClientID = c.ID
		return w.im.Payment(rec.Line, p, rec.PaysNumber)
	}
	return nil
}

// SameTaxID lists the other ways a file may write the tax ID id of the same
// client: a Colombian NIT with its DV and without it (the client master has
// "900123456-7", the receivables report "900123456").
func SameTaxID(country, id string) []string {
	if country != "CO" || len(id) < 7 || !isDigits(id) {
		return nil
	}
	var out []string
	if dv, err := taxid.CheckDigit("CO", id); err == nil {
		out = append(out, id+dv)
	}
	if body := id[:len(id)-1]; len(body) >= 6 {
		if dv, err := taxid.CheckDigit("CO", body); err == nil && dv == id[len(id)-1:] {
			out = append(out, body)
		}
	}
	return out
}
