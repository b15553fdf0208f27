package demo

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"cartera/backend/date"
	"cartera/backend/money"
	"cartera/backend/taxid"
)

// FileOptions shape an ERP export of open receivables, for import tests and benchmarks.
type FileOptions struct {
	Country string
	Clients int
	Rows    int
	Seed    int64
	XLSX    bool      // a workbook with typed cells; otherwise a ";" CSV in the country's number style
	Today   date.Date // the export's date; zero: today
}

// ExportHeader is the header row of the files WriteExportFile writes; the
// first column is titled with the country's name for the tax ID.
var ExportHeader = []string{"RUT", "Razón Social", "Tipo Doc", "Folio", "Fecha Emisión", "Fecha Vencimiento", "Monto", "Saldo"}

// WriteExportFile writes a file that looks like an ERP's list of open
// documents: two title rows and a blank one above the header, one row per
// document (about 3% credit notes as negative amounts, a tenth partly paid),
// and a totals row at the end. Clients have valid tax IDs for the country.
// It streams, so a million rows take little memory. The file appears
// complete or not at all (written under a temporary name, then renamed).
func WriteExportFile(path string, o FileOptions) error {
	today := o.Today
	if today.IsZero() {
		today = date.Of(time.Now())
	}
	opt := Options{Country: o.Country, Clients: o.Clients, Invoices: o.Rows, Seed: o.Seed, Today: today}
	g := newGenerator(opt, nil, nil)
	type cl struct{ taxID, name string }
	clients := make([]cl, o.Clients)
	for i := range clients {
		c := g.client(i, &client{})
		clients[i] = cl{taxid.Format(o.Country, c.TaxID), c.LegalName}
	}
	style := money.StyleFor(o.Country)
	ext := filepath.Ext(path)
	tmp := strings.TrimSuffix(path, ext) + ".partial" + ext // excelize picks the format by extension
	w, err := newRowWriter(tmp, o.XLSX)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	w.row([]any{"Informe de cuentas por cobrar"})
	w.row([]any{"Emitido el " + today.String()})
	w.row(nil)
	hdr := make([]any, len(ExportHeader))
	for i, h := range ExportHeader {
		hdr[i] = h
	}
	hdr[0] = taxid.Name(o.Country) // RUT, NIT, RFC, RUC, CUIT: as each country's programs title it
	w.row(hdr)
	var total int64
	for i := 0; i < o.Rows; i++ {
		c := clients[g.rng.IntN(len(clients))]
		issue := today.AddDays(-g.rng.IntN(540))
		due := issue.AddDays([]int{0, 15, 30, 30, 30, 45, 60, 90}[g.rng.IntN(8)])
		amount := int64(math.Round(g.typical*math.Exp(g.rng.NormFloat64()*0.8))) * (100 + g.vat) / 100 * g.exp
		amount = max(amount, g.exp)
		kind, balance := "Factura", amount
		switch r := g.rng.IntN(100); {
		case r < 3:
			kind, amount, balance = "Nota de Crédito", -amount/4, -amount/4
			due = issue
		case r < 13:
			balance = amount - amount*int64(10+g.rng.IntN(80))/100
		}
		total += balance
		if o.XLSX {
			w.row([]any{c.taxID, c.name, kind, 100000 + i, issue.In(time.UTC), due.In(time.UTC), float64(amount) / float64(g.exp), float64(balance) / float64(g.exp)})
		} else {
			w.row([]any{c.taxID, c.name, kind, strconv.Itoa(100000 + i), dmy(issue.String()), dmy(due.String()),
				money.FormatPlain(amount, g.currency, style), money.FormatPlain(balance, g.currency, style)})
		}
	}
	w.row(nil)
	if o.XLSX {
		w.row([]any{"Total", nil, nil, nil, nil, nil, nil, float64(total) / float64(g.exp)})
	} else {
		w.row([]any{"Total", "", "", "", "", "", "", money.FormatPlain(total, g.currency, style)})
	}
	if err := w.close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func dmy(iso string) string { return iso[8:10] + "/" + iso[5:7] + "/" + iso[0:4] }

// rowWriter writes rows to a CSV or a streamed workbook.
type rowWriter struct {
	f    *os.File
	bw   *bufio.Writer
	x    *excelize.File
	sw   *excelize.StreamWriter
	date int
	n    int
	err  error
	path string
}

func newRowWriter(path string, xlsx bool) (*rowWriter, error) {
	w := &rowWriter{path: path}
	if !xlsx {
		f, err := os.Create(path)
		if err != nil {
			return nil, err
		}
		w.f, w.bw = f, bufio.NewWriterSize(f, 1<<16)
		return w, nil
	}
	w.x = excelize.NewFile()
	var err error
	if w.sw, err = w.x.NewStreamWriter("Sheet1"); err != nil {
		return nil, err
	}
	if w.date, err = w.x.NewStyle(&excelize.Style{NumFmt: 14}); err != nil {
		return nil, err
	}
	return w, nil
}

func (w *rowWriter) row(cells []any) {
	if w.err != nil {
		return
	}
	w.n++
	if w.bw != nil {
		parts := make([]string, len(cells))
		for i, c := range cells {
			s := fmt.Sprint(c)
			if c == nil {
				s = ""
			}
			if strings.ContainsAny(s, ";\"\n") {
				s = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
			}
			parts[i] = s
		}
		_, w.err = w.bw.WriteString(strings.Join(parts, ";") + "\r\n")
		return
	}
	row := make([]any, len(cells))
	for i, c := range cells {
		if t, ok := c.(time.Time); ok {
			row[i] = excelize.Cell{StyleID: w.date, Value: t}
		} else {
			row[i] = c
		}
	}
	cell, _ := excelize.CoordinatesToCellName(1, w.n)
	w.err = w.sw.SetRow(cell, row)
}

func (w *rowWriter) close() error {
	if w.bw != nil {
		if w.err == nil {
			w.err = w.bw.Flush()
		}
		if err := w.f.Close(); w.err == nil {
			w.err = err
		}
		return w.err
	}
	if w.err == nil {
		w.err = w.sw.Flush()
	}
	if w.err == nil {
		w.err = w.x.SaveAs(w.path)
	}
	w.x.Close()
	return w.err
}
