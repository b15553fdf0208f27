package app

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/i18n"
	"cartera/backend/importer"
	"cartera/backend/settings"
	"cartera/backend/sqlite"
	"cartera/backend/tabular"
	"cartera/backend/taxid"
)

// Imports is the import wizard's side in Go: preview, check, import, the
// saved column mappings and the history with its undo.
type Imports struct{ s *Session }

// NewImports binds imports to the session.
func NewImports(s *Session) *Imports { return &Imports{s} }

// ImportRequest is the wizard's state: the file, what it holds, how to read
// it, its mapping (nil: saved or automatic) and the choices made.
type ImportRequest struct {
	Path     string           `json:"path"`
	Target   importer.Target  `json:"target"`
	Settings tabular.Settings `json:"settings"`
	Columns  []importer.Field `json:"columns"`
	Format   importer.Format  `json:"format"`
	Choices  importer.Choices `json:"choices"`
	Mapping  string           `json:"mapping"` // a saved mapping to apply
}

// ProblemDTO is a problem with its sentence in the user's language.
type ProblemDTO struct {
	importer.Problem
	Message string `json:"message"`
}

// PreviewRowDTO is a preview row as it would be stored, flat for a table.
type PreviewRowDTO struct {
	Line     int          `json:"line"`
	ClientID int64        `json:"clientId"` // 0: not in the portfolio
	Client   string       `json:"client"`
	TaxID    string       `json:"taxId"`
	Kind     string       `json:"kind"`
	Number   string       `json:"number"`
	Issue    string       `json:"issue"` // invoices: issue date; payments: the date
	Due      string       `json:"due"`
	Currency string       `json:"currency"`
	Amount   int64        `json:"amount"`
	Balance  int64        `json:"balance"`
	Detail   string       `json:"detail"` // clients: terms and contact; payments: the invoice paid and reference
	Problems []ProblemDTO `json:"problems"`
}

func previewRow(lang, country string, r importer.PreviewRow) PreviewRowDTO {
	rec := r.Record
	out := PreviewRowDTO{Line: r.Line, ClientID: r.ClientID, Client: r.Client, TaxID: taxid.Format(country, rec.Client.TaxID), Problems: render(lang, r.Problems)}
	day := func(d date.Date) string {
		if d.IsZero() {
			return ""
		}
		return d.String()
	}
	switch {
	case rec.Doc.Number != "" || rec.Doc.Amount != 0:
		d := rec.Doc
		out.Kind, out.Number, out.Issue, out.Due, out.Currency, out.Amount, out.Balance = string(d.Kind), d.Number, day(d.IssueDate), day(d.DueDate), d.Currency, d.Amount, rec.Balance
		out.Detail = d.Description
	case rec.Payment.Amount != 0 || !rec.Payment.Date.IsZero():
		p := rec.Payment
		out.Issue, out.Currency, out.Amount, out.Number = day(p.Date), p.Currency, p.Amount, rec.PaysNumber
		out.Detail = strings.TrimSpace(p.Method + " " + p.Reference)
	default:
		c := rec.NewClient
		out.Client, out.Amount = c.LegalName, c.CreditLimit
		parts := []string{c.TradeName, c.Segment}
		if c.PaymentTermsDays >= 0 {
			parts = append(parts, strconv.Itoa(c.PaymentTermsDays)+"d")
		}
		for _, ct := range c.Contacts {
			parts = append(parts, ct.Name, ct.Email, ct.Phone)
		}
		out.Detail = strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
	}
	return out
}

// ImportPreview is what the wizard shows before anything is checked in full.
type ImportPreview struct {
	Info         tabular.Info         `json:"info"`
	Header       []string             `json:"header"`
	Columns      []importer.Field     `json:"columns"`
	Fields       []importer.FieldSpec `json:"fields"`
	Format       importer.Format      `json:"format"`
	Rows         []PreviewRowDTO      `json:"rows"`
	MappingError *ErrorDTO            `json:"mappingError"`
	Samples      [][]string           `json:"samples"`      // the first rows as written in the file
	SavedMapping string               `json:"savedMapping"` // the saved mapping applied, if any
	Currency     string               `json:"currency"`
}

// ImportReport is a check's or an import's result, problems rendered.
type ImportReport struct {
	ImportID      int64                  `json:"importId"`
	Committed     bool                   `json:"committed"`
	DryRun        bool                   `json:"dryRun"`
	Counts        sqlite.ImportCounts    `json:"counts"`
	Problems      []ProblemDTO           `json:"problems"`
	ByClass       map[importer.Class]int `json:"byClass"`
	RowsByClasses map[string]int         `json:"rowsByClasses"`
	Blocking      int                    `json:"blocking"`
}

// ChooseFile asks for the file to import ("" if cancelled).
func (x *Imports) ChooseFile() (string, error) {
	if x.s.wails == nil {
		return "", nil
	}
	return runtime.OpenFileDialog(x.s.wails, runtime.OpenDialogOptions{
		Title:            map[string]string{"es": "Importar un archivo", "en": "Import a file"}[x.s.Lang()],
		DefaultDirectory: existingDir(DefaultFolder()),
		Filters: []runtime.FileFilter{
			{DisplayName: "Excel, CSV, TXT", Pattern: "*.xlsx;*.xls;*.csv;*.txt"},
			{DisplayName: "*", Pattern: "*"},
		},
	})
}

func (x *Imports) options(req ImportRequest) importer.Options {
	return importer.Options{Target: req.Target, Settings: req.Settings, Columns: req.Columns, Format: req.Format, Choices: req.Choices}
}

// applyMapping puts a saved mapping's columns and format in opt: the one
// named, or the one saved for files with these columns.
func (x *Imports) applyMapping(opt *importer.Options, name, signature string, width int) string {
	var m settings.Mapping
	var ok bool
	if name != "" {
		m, ok = x.s.settings.FindMapping(name)
	} else {
		m, ok = x.s.settings.MappingFor(string(opt.Target), signature)
	}
	if !ok || !importer.UseMapping(opt, m.Columns, m.DateOrder, m.Decimal, width) {
		return ""
	}
	return m.Name
}

// Preview reads the first rows of the file as the request says; without
// columns it applies the saved mapping for such files, or maps automatically.
func (x *Imports) Preview(req ImportRequest) (ImportPreview, error) {
	lang := x.s.Lang()
	return with(x.s, func(ctx context.Context, db *sqlite.DB) (ImportPreview, error) {
		opt := x.options(req)
		pv, err := importer.MakePreview(ctx, db, req.Path, opt)
		if err != nil {
			return ImportPreview{}, err
		}
		var saved string
		if req.Columns == nil || req.Mapping != "" {
			if saved = x.applyMapping(&opt, req.Mapping, pv.Signature, len(pv.Header)); saved != "" {
				if pv, err = importer.MakePreview(ctx, db, req.Path, opt); err != nil {
					return ImportPreview{}, err
				}
			}
		}
		pf, _ := db.Portfolio(ctx)
		out := ImportPreview{Info: pv.Info, Header: pv.Header, Columns: pv.Columns, Fields: pv.Fields, Format: pv.Format,
			SavedMapping: saved, Currency: pf.Currency, Rows: make([]PreviewRowDTO, len(pv.Rows))}
		if pv.MappingError != nil {
			dto := ToDTO(lang, pv.MappingError)
			out.MappingError = &dto
		}
		out.Samples = [][]string{}
		for i, r := range pv.Rows {
			out.Rows[i] = previewRow(lang, pf.Country, r)
			if i < 5 {
				out.Samples = append(out.Samples, r.Raw)
			}
		}
		return out, nil
	})
}

func render(lang string, ps []importer.Problem) []ProblemDTO {
	out := make([]ProblemDTO, len(ps))
	for i, p := range ps {
		out[i] = ProblemDTO{Problem: p, Message: i18n.Message(lang, p.Key, p.Params)}
	}
	return out
}

// Check reads the whole file and reports every problem without writing
// anything, as a job. It assumes the permissive choices (clients created,
// tax IDs accepted, rows with errors left out) so that the rest of the file
// is checked too; RowsByClasses says what each choice leaves blocking.
func (x *Imports) Check(req ImportRequest) (string, error) {
	chosen := req.Choices
	req.Choices = importer.Choices{CreateClients: true, AcceptTaxIDs: true, SkipInvalid: true}
	return x.start(req, true, chosen)
}

// Start imports the file with the choices made, as a job; the end carries an ImportReport.
func (x *Imports) Start(req ImportRequest) (string, error) { return x.start(req, false, req.Choices) }

func (x *Imports) start(req ImportRequest, dry bool, chosen importer.Choices) (string, error) {
	db, release, err := x.s.store()
	if err != nil {
		release()
		return "", err
	}
	lang, today := x.s.Lang(), x.s.today()
	opt := x.options(req)
	opt.DryRun = dry
	return x.s.startJob("import", func(ctx context.Context, progress func(string, int64, int64)) (any, error) {
		defer release()
		rep, err := importer.Run(ctx, db, req.Path, opt, today, func(rows int) { progress("import.rows", int64(rows), 0) })
		if err != nil {
			return nil, err
		}
		return ImportReport{ImportID: rep.ImportID, Committed: rep.Committed, DryRun: rep.DryRun, Counts: rep.Counts,
			Problems: render(lang, rep.Problems), ByClass: rep.ByClass, RowsByClasses: rep.RowsByClasses,
			Blocking: importer.BlockingRows(rep.RowsByClasses, chosen)}, nil
	}), nil
}

// SaveMapping remembers the request's mapping under name for files with this header.
func (x *Imports) SaveMapping(name string, header []string, req ImportRequest) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return ar.Errorf(ar.EInvalid, "name", "required")
	}
	if err := importer.CheckMapping(req.Target, req.Columns); err != nil {
		return err
	}
	cols := make([]string, len(req.Columns))
	for i, c := range req.Columns {
		cols[i] = string(c)
	}
	return x.s.settings.SaveMapping(settings.Mapping{Name: name, Target: string(req.Target), Signature: importer.Signature(header),
		Columns: cols, DateOrder: string(req.Format.DateOrder), Decimal: req.Format.Decimal, SavedAt: time.Now().UTC()})
}

// Mappings lists the saved mappings.
func (x *Imports) Mappings() []settings.Mapping { return x.s.settings.Load().Mappings }

// History lists the imports of the open portfolio, newest first.
func (x *Imports) History() ([]sqlite.ImportRecord, error) {
	return with(x.s, func(ctx context.Context, db *sqlite.DB) ([]sqlite.ImportRecord, error) { return db.Imports(ctx) })
}

// Undo removes an import, or says what recorded later rests on it.
func (x *Imports) Undo(id int64) error {
	_, err := with(x.s, func(ctx context.Context, db *sqlite.DB) (struct{}, error) {
		return struct{}{}, db.UndoImport(ctx, id)
	})
	return err
}

// Blocking says how many rows of a check would stop the import under the
// choices (the wizard asks as the user ticks them).
func (x *Imports) Blocking(rowsByClasses map[string]int, ch importer.Choices) int {
	return importer.BlockingRows(rowsByClasses, ch)
}
