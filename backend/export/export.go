// Package export writes lists as spreadsheets a business owner opens in
// Excel: XLSX with typed cells (dates as dates, amounts as numbers in the
// currency's format), a frozen header and filters, or CSV in UTF-8 with a BOM
// and the country's separators. Rows are streamed, so a million invoices
// never sit in memory, and the file appears only when complete. No cell can
// carry a formula: text that Excel would read as one is neutralized.
package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/money"
)

// Kind is the type of a column's cells.
type Kind int

// Column kinds.
const (
	Text Kind = iota
	Date
	Money
	Int
)

// Column describes one column of the sheet.
type Column struct {
	Header string
	Kind   Kind
	Width  float64 // in characters; 0 picks one from the kind
}

// Amount is a Money cell: minor units of a currency.
type Amount struct {
	Minor    int64
	Currency string
}

// Format is the file type, chosen from the output's extension.
type Format int

// Formats.
const (
	XLSX Format = iota
	CSV
)

// FormatOf returns the format a path asks for, or an error naming the field.
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		return XLSX, nil
	case ".csv":
		return CSV, nil
	}
	return 0, ar.Errorf(ar.EInvalid, "out", "export.extension", "path", path)
}

// Writer streams rows into a new file.
type Writer struct {
	path, tmp string
	format    Format
	cols      []Column
	style     money.Style
	rows      int

	// XLSX
	f      *excelize.File
	sw     *excelize.StreamWriter
	styles map[string]int // money format per currency, "date", "header"

	// CSV
	file *os.File
	buf  *bufio.Writer
	csv  *csv.Writer
}

// New starts a sheet at path (which must not exist) with the given columns;
// country chooses the CSV separators. Nothing appears at path until Close.
func New(path, sheet, country string, cols []Column) (*Writer, error) {
	format, err := FormatOf(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); err == nil {
		return nil, ar.Errorf(ar.EConflict, "out", "export.exists", "path", path)
	}
	// The temporary name keeps the extension: excelize saves by extension.
	ext := filepath.Ext(path)
	w := &Writer{path: path, tmp: strings.TrimSuffix(path, ext) + ".partial" + ext, format: format, cols: cols, style: money.StyleFor(country)}
	if format == CSV {
		return w, w.startCSV()
	}
	return w, w.startXLSX(sheet)
}

func (w *Writer) startCSV() error {
	f, err := os.Create(w.tmp)
	if err != nil {
		return ar.Wrap(ar.EReadOnly, err, "folder.read_only", "path", filepath.Dir(w.path))
	}
	w.file, w.buf = f, bufio.NewWriterSize(f, 1<<16)
	w.buf.WriteString("\uFEFF") // Excel reads UTF-8 only with a BOM
	w.csv = csv.NewWriter(w.buf)
	if w.style.Decimal == ',' {
		w.csv.Comma = ';' // where the comma is the decimal mark, Excel splits on semicolons
	}
	w.csv.UseCRLF = true
	head := make([]string, len(w.cols))
	for i, c := range w.cols {
		head[i] = Neutralize(c.Header)
	}
	return w.csv.Write(head)
}

func (w *Writer) startXLSX(sheet string) error {
	w.f = excelize.NewFile()
	w.styles = map[string]int{}
	if sheet == "" {
		sheet = "Hoja1"
	}
	if err := w.f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := w.f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	w.sw = sw
	header, err := w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E6F4F1"}}})
	if err != nil {
		return err
	}
	dateFmt := "dd-mm-yyyy"
	d, err := w.f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return err
	}
	w.styles["header"], w.styles["date"] = header, d
	for i, c := range w.cols {
		width := c.Width
		if width == 0 {
			width = map[Kind]float64{Text: 28, Date: 12, Money: 16, Int: 10}[c.Kind]
		}
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(w.cols))
	for i, c := range w.cols {
		head[i] = excelize.Cell{StyleID: header, Value: Neutralize(c.Header)}
	}
	return sw.SetRow("A1", head)
}

// moneyStyle returns the number format of a currency: its decimals, grouped thousands.
func (w *Writer) moneyStyle(currency string) (int, error) {
	if id, ok := w.styles[currency]; ok {
		return id, nil
	}
	exp, ok := money.Exponent(currency)
	if !ok {
		exp = 2
	}
	format := "#,##0"
	if exp > 0 {
		format += "." + strings.Repeat("0", exp)
	}
	id, err := w.f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		return 0, err
	}
	w.styles[currency] = id
	return id, nil
}

// Row writes one row; values match the columns: string for Text, date.Date
// for Date, Amount for Money, int or int64 for Int.
func (w *Writer) Row(values ...any) error {
	if len(values) != len(w.cols) {
		return fmt.Errorf("export: row of %d values for %d columns", len(values), len(w.cols))
	}
	w.rows++
	if w.format == CSV {
		rec := make([]string, len(values))
		for i, v := range values {
			rec[i] = w.csvText(v)
		}
		return w.csv.Write(rec)
	}
	cells := make([]any, len(values))
	for i, v := range values {
		switch v := v.(type) {
		case string:
			cells[i] = Neutralize(v)
		case date.Date:
			if v.IsZero() {
				cells[i] = nil
			} else {
				cells[i] = excelize.Cell{StyleID: w.styles["date"], Value: v.In(time.UTC)}
			}
		case Amount:
			id, err := w.moneyStyle(v.Currency)
			if err != nil {
				return err
			}
			exp, _ := money.Exponent(v.Currency)
			// A spreadsheet number is a double: exact for every amount the store
			// accepts (at most 10^15 minor units) once divided back by 10^exp.
			cells[i] = excelize.Cell{StyleID: id, Value: float64(v.Minor) / math.Pow10(exp)}
		default:
			cells[i] = v
		}
	}
	cell, err := excelize.CoordinatesToCellName(1, w.rows+1)
	if err != nil {
		return err
	}
	return w.sw.SetRow(cell, cells)
}

func (w *Writer) csvText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return Neutralize(v)
	case date.Date:
		if v.IsZero() {
			return ""
		}
		return fmt.Sprintf("%02d/%02d/%04d", v.Day, int(v.Month), v.Year)
	case Amount:
		return money.FormatPlain(v.Minor, v.Currency, money.Style{Decimal: w.style.Decimal})
	default:
		return fmt.Sprint(v)
	}
}

// Close finishes the file and moves it into place. After an error nothing is
// left at path.
func (w *Writer) Close() error {
	var err error
	if w.format == CSV {
		w.csv.Flush()
		if err = w.csv.Error(); err == nil {
			err = w.buf.Flush()
		}
		if cerr := w.file.Close(); err == nil {
			err = cerr
		}
	} else {
		if w.rows > 0 {
			last, _ := excelize.CoordinatesToCellName(len(w.cols), w.rows+1)
			no := false
			err = w.sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: "Datos", ShowRowStripes: &no})
		}
		if err == nil {
			err = w.sw.Flush()
		}
		if err == nil {
			err = w.f.SaveAs(w.tmp)
		}
		w.f.Close()
	}
	if err == nil {
		err = os.Chmod(w.tmp, 0o644) // excelize saves with 0755
	}
	if err == nil {
		err = os.Rename(w.tmp, w.path)
	}
	if err != nil {
		os.Remove(w.tmp)
		return ar.Wrap(ar.EReadOnly, err, "export.write", "path", w.path)
	}
	return nil
}

// Abort gives up and removes the temporary file.
func (w *Writer) Abort() {
	if w.format == CSV {
		w.file.Close()
	} else {
		w.f.Close()
	}
	os.Remove(w.tmp)
}

// Neutralize makes text that a spreadsheet would read as a formula (it
// begins with =, +, -, @, a tab or a carriage return) plain text, by putting
// an apostrophe in front, as Excel itself does for typed text.
func Neutralize(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
