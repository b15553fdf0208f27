package importer

import (
	"context"

	"cartera/backend/ar"

	"cartera/backend/sqlite"
	"cartera/backend/tabular"
)

// PreviewRows is how many rows a preview shows.
const PreviewRows = 100

// PreviewRow is one row of the file as it would be stored.
type PreviewRow struct {
	Line     int       `json:"line"`
	Raw      []string  `json:"raw"`
	Record   Record    `json:"record"`
	ClientID int64     `json:"clientId"` // 0: not in the portfolio
	Client   string    `json:"client"`   // the client's name in the portfolio, or as the file gives it
	Problems []Problem `json:"problems"`
}

// Preview is what the wizard shows before anything is written: how the file
// is read, how its columns map, and its first rows as they would be stored.
type Preview struct {
	Info      tabular.Info `json:"info"`
	Header    []string     `json:"header"`
	Columns   []Field      `json:"columns"`
	Fields    []FieldSpec  `json:"fields"`
	Format    Format       `json:"format"`
	Signature string       `json:"signature"`
	Rows      []PreviewRow `json:"rows"`
	// MappingError explains why the mapping cannot be used yet (a required column missing).
	MappingError error `json:"-"`
}

// MakePreview reads the first rows of path. It reads at most a few hundred
// rows whatever the file's size, and writes nothing.
func MakePreview(ctx context.Context, db *sqlite.DB, path string, opt Options) (Preview, error) {
	var pv Preview
	pf, err := portfolioOf(ctx, db)
	if err != nil {
		return pv, err
	}
	p, err := prepare(path, opt, pf, false)
	if err != nil {
		return pv, err
	}
	defer p.src.Close()
	pv.Info = p.info
	pv.Header, pv.Columns, pv.Format, pv.Fields = p.header, p.columns, p.format, Fields(opt.Target)
	pv.Signature = Signature(p.header)
	pv.MappingError = CheckMapping(opt.Target, p.columns)
	pv.Rows = []PreviewRow{}
	for _, row := range p.sample {
		if len(pv.Rows) == PreviewRows {
			break
		}
		if pv.MappingError == nil && p.parser.IsTotals(row.Fields) {
			continue // the totals row under the data is not imported
		}
		pr := PreviewRow{Line: row.Line, Raw: row.Fields, Problems: []Problem{}}
		if pv.MappingError == nil {
			rec, probs := p.parser.Parse(row.Line, row.Fields)
			pr.Record, pr.Problems, pr.Client = rec, append(pr.Problems, probs...), rec.Client.Name
			if opt.Target != Clients {
				c, ok, err := db.LookupClient(ctx, rec.Client.TaxID, rec.Client.Name)
				if err != nil {
					return pv, err
				}
				terms := pf.DefaultTermsDays
				if ok {
					pr.ClientID, pr.Client, terms = c.ID, c.LegalName, c.PaymentTermsDays
				} else if rec.Client.TaxID != "" || rec.Client.Name != "" {
					pr.Problems = append(pr.Problems, p.parser.MissingClient(row.Line, rec.Client))
				}
				// What the import will store when the file gives no due date.
				if d := &pr.Record.Doc; d.DueDate.IsZero() && !d.IssueDate.IsZero() {
					d.DueDate = ar.DefaultDueDate(d.IssueDate, terms)
				}
			}
		}
		pv.Rows = append(pv.Rows, pr)
	}
	return pv, nil
}
