package importer

import (
	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/sqlite"
)

// writer sends parsed records to the store, finding (or creating) their clients.
type writer struct {
	im      *sqlite.Importer
	target  Target
	choices Choices
	today   date.Date
	parser  *Parser
}

func (w *writer) write(rec Record, problem func(Problem)) error {
	switch w.target {
	case Clients:
		return w.im.Client(rec.Line, rec.NewClient)
	}
	c, ok := w.im.FindClient(rec.Client.TaxID, rec.Client.Name)
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
		return w.im.Document(rec.Line, d, rec.Balance)
	case Payments:
		p := rec.Payment
		p.ClientID = c.ID
		return w.im.Payment(rec.Line, p, rec.PaysNumber)
	}
	return nil
}
