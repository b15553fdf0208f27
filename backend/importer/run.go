package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/money"
	"cartera/backend/sqlite"
	"cartera/backend/tabular"
)

// Choices are what the user decides about each class of problem. Without
// them any problem means nothing is written.
type Choices struct {
	CreateClients bool `json:"createClients"` // create the clients the portfolio lacks
	SkipInvalid   bool `json:"skipInvalid"`   // leave out the rows with errors (and unaccepted conflicts)
	AcceptChanges bool `json:"acceptChanges"` // apply the changed amounts and dates of a re-import
	AcceptTaxIDs  bool `json:"acceptTaxIds"`  // keep tax IDs whose check digit is wrong, as written
}

// Options say how to read a file and what to do with it.
type Options struct {
	Target   Target           `json:"target"`
	Settings tabular.Settings `json:"settings"`
	Columns  []Field          `json:"columns"` // one per column of the header; nil: AutoMap
	Format   Format           `json:"format"`  // zero fields: detected
	Choices  Choices          `json:"choices"`
	DryRun   bool             `json:"dryRun"` // check everything, write nothing
}

// UseMapping puts a saved mapping in opt: its columns (the file's header must
// be as wide), and its date order and decimal separator unless opt says them.
// It reports false when the widths differ.
func UseMapping(opt *Options, columns []string, dateOrder, decimal string, width int) bool {
	if len(columns) != width {
		return false
	}
	opt.Columns = make([]Field, width)
	for i, c := range columns {
		opt.Columns[i] = Field(c)
	}
	if opt.Format.DateOrder == "" {
		opt.Format.DateOrder = DateOrder(dateOrder)
	}
	if opt.Format.Decimal == "" {
		opt.Format.Decimal = decimal
	}
	return true
}

// MaxProblems is how many problems a report lists; the rest are only counted.
const MaxProblems = 5000

// Report is what an import did, or would do.
type Report struct {
	ImportID  int64               `json:"importId"` // 0 when nothing was written
	Committed bool                `json:"committed"`
	DryRun    bool                `json:"dryRun"`
	Counts    sqlite.ImportCounts `json:"counts"`
	Problems  []Problem           `json:"problems"` // in row order, at most MaxProblems
	ByClass   map[Class]int       `json:"byClass"`  // every problem counted, listed or not
	Blocking  int                 `json:"blocking"` // rows that stop the import under the choices made
	// LeftOut counts the rows that are not documents to import (a cancelled
	// CFDI, a voided invoice, a payment receipt), each told by a notice.
	LeftOut int `json:"leftOut"`
	// RowsByClasses counts the rows by the set of classes of their problems
	// ("error", "missing_client+tax_id"…), so that a wizard can tell what
	// each choice would leave blocking without reading the file again.
	RowsByClasses map[string]int    `json:"rowsByClasses"`
	File          sqlite.ImportFile `json:"file"`
	Header        []string          `json:"header"`
	Columns       []Field           `json:"columns"`
	Format        Format            `json:"format"`
	Settings      tabular.Settings  `json:"settings"`
}

// portfolio is what reading a file needs to know of the portfolio.
type portfolio struct {
	ar.Portfolio
	// currencies lists the currencies the portfolio uses. It reads every
	// document (seconds in a large portfolio), so it runs only for a file
	// with a currency column.
	currencies func() (map[string]bool, error)
}

func portfolioOf(ctx context.Context, db *sqlite.DB) (portfolio, error) {
	p, err := db.Portfolio(ctx)
	if err != nil {
		return portfolio{}, err
	}
	return portfolio{Portfolio: p, currencies: func() (map[string]bool, error) {
		list, err := db.CurrenciesUsed(ctx)
		out := map[string]bool{p.Currency: true}
		for _, c := range list {
			out[c] = true
		}
		return out, err
	}}, nil
}

// prepared is a file opened and understood: settings, header, mapping, format.
type prepared struct {
	info     tabular.Info
	src      tabular.Source
	settings tabular.Settings
	header   []string
	columns  []Field
	format   Format
	parser   *Parser
	sample   []tabular.Row // rows read to detect the format, replayed first
	notices  []Problem     // about the whole file: how it was read
}

// otherSheet looks, when the first sheet with data does not have the
// columns of opt's target (a summary before the detail, as some exports
// put it), for the first sheet that has them, and reads that one instead,
// with a notice.
func (p *prepared) otherSheet(path string, opt Options) {
	for _, name := range p.info.Sheets {
		if name == p.settings.Sheet {
			continue
		}
		o := opt.Settings
		o.Sheet, o.HeaderRow = name, 0
		info, err := tabular.Inspect(path, o)
		if err != nil {
			continue
		}
		src, err := tabular.Open(path, info.Settings)
		if err != nil {
			continue
		}
		cols := AutoMap(opt.Target, src.Header())
		if CheckMapping(opt.Target, cols) != nil {
			src.Close()
			continue
		}
		first := p.settings.Sheet
		p.src.Close()
		p.info.Settings, p.settings, p.src, p.header, p.columns = info.Settings, info.Settings, src, src.Header(), cols
		p.notices = append(p.notices, Problem{Class: ClassNotice, Key: "import.sheet_picked", Params: map[string]string{"sheet": name, "first": first}})
		return
	}
}

// prepare opens path with opt's settings, maps its columns and detects the
// format. A mapping that misses required fields is an error when strict.
func prepare(path string, opt Options, pf portfolio, strict bool) (*prepared, error) {
	if !ValidTarget(opt.Target) {
		return nil, ar.Errorf(ar.EInvalid, "target", "import.target", "value", string(opt.Target))
	}
	info, err := tabular.Inspect(path, opt.Settings)
	if err != nil {
		return nil, FileError(path, err)
	}
	s := info.Settings
	src, err := tabular.Open(path, s)
	if err != nil {
		return nil, FileError(path, err)
	}
	p := &prepared{info: info, src: src, settings: s, header: src.Header()}
	p.columns = opt.Columns
	if p.columns == nil {
		p.columns = AutoMap(opt.Target, p.header)
		if CheckMapping(opt.Target, p.columns) != nil && opt.Settings.Sheet == "" && len(info.Sheets) > 1 {
			p.otherSheet(path, opt)
		}
	}
	if info.BOMOver1252 {
		p.notices = append(p.notices, Problem{Class: ClassNotice, Key: "import.bom_over_1252"})
	}
	if len(p.columns) != len(p.header) {
		p.src.Close()
		return nil, ar.Errorf(ar.EInvalid, "mapping", "import.mapping_width", "columns", fmt.Sprint(len(p.header)))
	}
	if err := CheckMapping(opt.Target, p.columns); err != nil && strict {
		p.src.Close()
		if slices.IndexFunc(p.columns, func(f Field) bool { return f != "" }) < 0 {
			// Not one known title: most likely not an export of this kind at all.
			return nil, ar.Wrap(ar.EInvalid, err, "import.no_known_columns", "path", filepath.Base(path), "line", fmt.Sprint(info.Settings.HeaderRow))
		}
		return nil, err
	}
	for len(p.sample) < 200 {
		row, err := p.src.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			p.src.Close()
			return nil, FileError(path, err)
		}
		p.sample = append(p.sample, row)
	}
	p.format = opt.Format
	p.format.Cells = s.Format == tabular.FormatXLSX || s.Format == tabular.FormatXLS
	if !ValidDateOrder(p.format.DateOrder) {
		p.format.DateOrder = DetectDateOrder(p.values(FIssueDate, FDueDate, FDate))
	}
	if p.format.Decimal != "," && p.format.Decimal != "." {
		p.format.Decimal = string(DetectStyle(p.values(FAmount, FBalance, FCreditLimit), pf.Country, p.format.Cells).Decimal)
	}
	p.parser = NewParser(opt.Target, p.header, p.columns, p.format, pf.Country, pf.Currency)
	if slices.Contains(p.columns, FCurrency) {
		if p.parser.Currencies, err = pf.currencies(); err != nil {
			p.src.Close()
			return nil, err
		}
	}
	return p, nil
}

// values are the sample's values of the columns mapped to fields.
func (p *prepared) values(fields ...Field) []string {
	var out []string
	for i, f := range p.columns {
		for _, want := range fields {
			if f == want {
				for _, r := range p.sample {
					if i < len(r.Fields) {
						out = append(out, r.Fields[i])
					}
				}
			}
		}
	}
	return out
}

// next returns the sample rows first, then the rest of the file.
func (p *prepared) next() (tabular.Row, error) {
	if len(p.sample) > 0 {
		r := p.sample[0]
		p.sample = p.sample[1:]
		return r, nil
	}
	return p.src.Next()
}

// FileError turns a file reading error into a message the user can act on.
func FileError(path string, err error) error {
	name := filepath.Base(path)
	var lim *tabular.LimitError
	switch {
	case errors.As(err, &lim) && errors.Is(err, tabular.ErrTooWide):
		return ar.Wrap(ar.EInvalid, err, "import.file_too_wide", "path", name, "line", fmt.Sprint(lim.Line), "column", fmt.Sprint(lim.Column))
	case errors.As(err, &lim):
		return ar.Wrap(ar.EInvalid, err, "import.cell_too_large", "path", name, "line", fmt.Sprint(lim.Line), "column", fmt.Sprint(lim.Column))
	case errors.Is(err, tabular.ErrEmpty):
		return ar.Wrap(ar.EInvalid, err, "import.file_empty", "path", name)
	case errors.Is(err, tabular.ErrNoHeader):
		return ar.Wrap(ar.EInvalid, err, "import.no_header", "path", name)
	case errors.Is(err, tabular.ErrNoSheet):
		return ar.Wrap(ar.EInvalid, err, "import.no_sheet", "path", name)
	case errors.Is(err, tabular.ErrEncrypted):
		return ar.Wrap(ar.EInvalid, err, "import.encrypted", "path", name)
	case errors.Is(err, tabular.ErrHTMLTable):
		return ar.Wrap(ar.EInvalid, err, "import.html_xls", "path", name)
	case errors.Is(err, tabular.ErrNotText) && isSpreadsheetName(name):
		return ar.Wrap(ar.EInvalid, err, "import.not_excel", "path", name)
	case errors.Is(err, tabular.ErrNotText):
		return ar.Wrap(ar.EInvalid, err, "import.not_text", "path", name)
	case errors.Is(err, tabular.ErrDamaged):
		return ar.Wrap(ar.EInvalid, err, "import.damaged", "path", name)
	case errors.Is(err, os.ErrNotExist):
		return ar.Wrap(ar.ENotFound, err, "import.not_found", "path", path)
	case errors.Is(err, context.Canceled):
		return ar.Wrap(ar.ECanceled, err, "canceled")
	}
	var e *ar.Error
	if errors.As(err, &e) {
		return err
	}
	return ar.Wrap(ar.EInvalid, err, "import.unreadable", "path", name, "detail", err.Error())
}

// isSpreadsheetName reports a file named as a spreadsheet.
func isSpreadsheetName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xls", ".xlsm", ".xlsb", ".ods":
		return true
	}
	return false
}

func hashFile(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	return hex.EncodeToString(h.Sum(nil)), n, err
}

// blocks says whether a problem of class c stops the import under ch, and
// whether it leaves its row out.
func blocks(c Class, ch Choices) (block, skip bool) {
	switch c {
	case ClassError:
		return !ch.SkipInvalid, true
	case ClassTaxID:
		if ch.AcceptTaxIDs {
			return false, false
		}
		return !ch.SkipInvalid, true
	case ClassMissingClient:
		if ch.CreateClients {
			return false, false
		}
		return !ch.SkipInvalid, true
	case ClassConflict:
		if ch.AcceptChanges {
			return false, false
		}
		return !ch.SkipInvalid, true
	}
	return false, false
}

// Run imports path into db: every row is read, checked and written inside one
// transaction, committed only when no problem blocks it under the choices
// made (and not in a dry run). progress, when set, is told the rows read.
func Run(ctx context.Context, db *sqlite.DB, path string, opt Options, today date.Date, progress func(rows int)) (Report, error) {
	var rep Report
	pf, err := portfolioOf(ctx, db)
	if err != nil {
		return rep, err
	}
	hash, size, err := hashFile(path)
	if err != nil {
		return rep, FileError(path, err)
	}
	p, err := prepare(path, opt, pf, true)
	if err != nil {
		return rep, err
	}
	defer p.src.Close()
	rep = Report{DryRun: opt.DryRun, ByClass: map[Class]int{}, Header: p.header, Columns: p.columns, Format: p.format, Settings: p.settings, Problems: []Problem{}}
	for _, n := range p.notices {
		rep.ByClass[n.Class]++
		rep.Problems = append(rep.Problems, n)
	}
	settings, _ := json.Marshal(struct {
		Settings tabular.Settings `json:"settings"`
		Columns  []Field          `json:"columns"`
		Format   Format           `json:"format"`
		Choices  Choices          `json:"choices"`
	}{p.settings, p.columns, p.format, opt.Choices})
	rep.File = sqlite.ImportFile{Target: string(opt.Target), Name: filepath.Base(path), Hash: hash, Size: size, Settings: string(settings)}

	blockedLines := map[int]bool{}
	lineClasses := map[int]uint8{}
	addProblem := func(pr Problem) {
		rep.ByClass[pr.Class]++
		if bit := classBit(pr.Class); bit != 0 {
			lineClasses[pr.Line] |= bit
		}
		if len(rep.Problems) < MaxProblems {
			rep.Problems = append(rep.Problems, pr)
		}
		if b, _ := blocks(pr.Class, opt.Choices); b && !blockedLines[pr.Line] {
			blockedLines[pr.Line] = true
			rep.Blocking++
		}
	}
	var im *sqlite.Importer
	im, err = db.BeginImport(ctx, rep.File, opt.Choices.AcceptChanges, today, func(o sqlite.Outcome) {
		pr := Problem{Line: o.Line, Column: p.parser.ColumnName(Field(o.Field)), Value: o.Params["value"], Params: o.Params}
		switch o.Kind {
		case "unchanged":
			return
		case "duplicate_in_file":
			pr.Class, pr.Key = ClassError, "import.duplicate_number"
			if o.Params["first"] != "" {
				pr.Key = "import.duplicate_number_rows"
			}
		case "duplicate_tax_id", "duplicate_tax_id_same":
			pr.Class, pr.Key = ClassNotice, "import."+o.Kind // the first row is kept, and said
		case "conflict":
			pr.Class, pr.Key = ClassConflict, "import.conflict"
			pr.Params["change"] = describeChange(o.Params, p.parser.Format.Style, p.parser.Currency)
			pr.Value = ""
		case "lower_than_paid":
			pr.Class, pr.Key = ClassError, "import.lower_than_paid"
		case "balance_higher":
			pr.Class, pr.Key = ClassNotice, "import.balance_higher"
		case "invoice_not_found":
			pr.Class, pr.Key = ClassNotice, "import.invoice_not_found"
		case "payment_exists":
			pr.Class, pr.Key = ClassNotice, "import.payment_exists"
		default:
			pr.Class, pr.Key = ClassNotice, "import."+o.Kind
		}
		for _, k := range []string{"applied", "amount", "open", "paid"} {
			if v, ok := pr.Params[k]; ok && o.Kind != "conflict" {
				pr.Params[k] = formatMinor(v, pr.Params["currency"], p.parser.Format.Style, p.parser.Currency)
			}
		}
		addProblem(pr)
		if _, skip := blocks(pr.Class, opt.Choices); skip && pr.Class != ClassNotice {
			im.Skip()
		}
	})
	if err != nil {
		return rep, err
	}
	committed := false
	defer func() {
		if !committed {
			im.Rollback()
		}
	}()
	pw := &writer{im: im, target: opt.Target, choices: opt.Choices, today: today, parser: p.parser}
	// The file is read and parsed on a goroutine of its own while this one
	// writes: parsing is pure, and SQLite takes one core by itself.
	feed, stop := p.parse(ctx)
	defer stop()
	rows := 0
	for batch := range feed {
		if batch.err != nil {
			return rep, FileError(path, batch.err)
		}
		if err := ctx.Err(); err != nil {
			return rep, ar.Wrap(ar.ECanceled, err, "canceled")
		}
		for _, r := range batch.rows {
			if r.totals {
				addProblem(Problem{Line: r.rec.Line, Class: ClassNotice, Key: "import.totals_row"})
				continue
			}
			rows++
			skip := false
			for _, pr := range r.probs {
				addProblem(pr)
				if _, s := blocks(pr.Class, opt.Choices); s {
					skip = true
				}
			}
			if skip || r.rec.Left {
				im.Skip()
				if r.rec.Left {
					rep.LeftOut++
				}
				continue
			}
			if err := pw.write(r.rec, addProblem); err != nil {
				return rep, err
			}
		}
		if progress != nil {
			progress(rows)
		}
	}
	if !ValidDateOrder(opt.Format.DateOrder) && p.parser.DatesAmbiguous() {
		col := p.parser.ColumnName(FIssueDate)
		if opt.Target == Payments {
			col = p.parser.ColumnName(FDate)
		}
		addProblem(Problem{Column: col, Class: ClassNotice, Key: "import.date_order_ambiguous", Params: map[string]string{"order": string(p.format.DateOrder)}})
	}
	im.MapReferences(pw.uuids)
	if err := im.Flush(); err != nil {
		return rep, err
	}
	if progress != nil {
		progress(rows)
	}
	rep.Counts = im.Counts
	rep.Counts.Rows = rows
	sort.SliceStable(rep.Problems, func(i, j int) bool { return rep.Problems[i].Line < rep.Problems[j].Line })
	if rows == 0 {
		return rep, ar.Errorf(ar.EInvalid, "path", "import.no_rows", "path", filepath.Base(path))
	}
	im.Counts.Rows = rows
	rep.RowsByClasses = map[string]int{}
	for _, bits := range lineClasses {
		rep.RowsByClasses[classSet(bits)]++
	}
	c := im.Counts
	if rep.Blocking > 0 || opt.DryRun || c.Created+c.Updated+c.Payments+c.ClientsCreated == 0 {
		return rep, nil // nothing is written: the deferred rollback drops the import
	}
	if err := im.Commit(); err != nil {
		return rep, err
	}
	committed = true
	rep.Committed, rep.ImportID = true, im.ID()
	return rep, nil
}

// describeChange writes "1.000 → 1.200; 2026-01-31 → 2026-02-28" from a
// conflict's before and after values, in the file's number style.
func describeChange(kv map[string]string, style money.Style, base string) string {
	var parts []string
	for _, f := range []string{"amount", "issue", "due", "legalName", "tradeName", "segment", "paymentTermsDays", "creditLimit", "notes"} {
		before, ok := kv[f+"Before"]
		if !ok {
			continue
		}
		after := kv[f+"After"]
		if f == "amount" || f == "creditLimit" {
			cur := kv["currency"]
			if cur == "" {
				cur = base
			}
			b, _ := strconv.ParseInt(before, 10, 64)
			a, _ := strconv.ParseInt(after, 10, 64)
			if money.Known(cur) {
				before, after = money.FormatPlain(b, cur, style), money.FormatPlain(a, cur, style)
			}
		}
		parts = append(parts, "«"+before+"» → «"+after+"»")
	}
	return strings.Join(parts, "; ")
}

// formatMinor writes an amount in minor units the way the file writes amounts.
func formatMinor(v, currency string, style money.Style, base string) string {
	if currency == "" {
		currency = base
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || !money.Known(currency) {
		return v
	}
	return money.FormatPlain(n, currency, style)
}

// stripNUL removes NUL bytes from the fields of a row (a damaged export,
// or a fixed-width field padded with them) and returns the index of the
// first field that held one (-1 when none did).
func stripNUL(fields []string) int {
	col := -1
	for i, f := range fields {
		if strings.IndexByte(f, 0) >= 0 {
			fields[i] = strings.ReplaceAll(f, "\x00", "")
			if col < 0 {
				col = i
			}
		}
	}
	return col
}

// parsed is one row read and parsed.
type parsed struct {
	rec    Record
	probs  []Problem
	totals bool
}

type parsedBatch struct {
	rows []parsed
	err  error
}

// parse reads and parses the rest of the file on a goroutine, sending rows
// in batches; stop ends it early. A read error is the last batch.
func (p *prepared) parse(ctx context.Context) (<-chan parsedBatch, func()) {
	out := make(chan parsedBatch, 4)
	done := make(chan struct{})
	go func() {
		defer close(out)
		batch := make([]parsed, 0, 512)
		send := func(b parsedBatch) bool {
			select {
			case out <- b:
				return true
			case <-done:
				return false
			case <-ctx.Done():
				return false
			}
		}
		for {
			row, err := p.next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				if send(parsedBatch{rows: batch}) {
					send(parsedBatch{err: err})
				}
				return
			}
			nul := stripNUL(row.Fields)
			if p.parser.IsTotals(row.Fields) {
				batch = append(batch, parsed{rec: Record{Line: row.Line}, totals: true})
			} else {
				rec, probs := p.parser.Parse(row.Line, row.Fields)
				if nul >= 0 {
					col := fmt.Sprint(nul + 1)
					if nul < len(p.header) {
						col = p.header[nul]
					}
					probs = append(probs, Problem{Line: row.Line, Column: col, Class: ClassNotice, Key: "import.nul_stripped"})
				}
				batch = append(batch, parsed{rec: rec, probs: probs})
			}
			if len(batch) == cap(batch) {
				if !send(parsedBatch{rows: batch}) {
					return
				}
				batch = make([]parsed, 0, 512)
			}
		}
		send(parsedBatch{rows: batch})
	}()
	var once sync.Once
	return out, func() {
		once.Do(func() { close(done) })
		for range out {
		}
	}
}

var blockingClasses = []Class{ClassError, ClassMissingClient, ClassTaxID, ClassConflict}

func classBit(c Class) uint8 {
	for i, k := range blockingClasses {
		if k == c {
			return 1 << i
		}
	}
	return 0
}

func classSet(bits uint8) string {
	var parts []string
	for i, k := range blockingClasses {
		if bits&(1<<i) != 0 {
			parts = append(parts, string(k))
		}
	}
	return strings.Join(parts, "+")
}

// BlockingRows says how many rows of a report would stop an import under ch.
func BlockingRows(rowsByClasses map[string]int, ch Choices) int {
	n := 0
	for set, rows := range rowsByClasses {
		for _, c := range strings.Split(set, "+") {
			if b, _ := blocks(Class(c), ch); b {
				n += rows
				break
			}
		}
	}
	return n
}
