package tabular

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

func damaged(err error) error { return fmt.Errorf("%w: %w", ErrDamaged, err) }

// guard turns a panic while reading a malformed file into ErrDamaged.
func guard(err *error) {
	if r := recover(); r != nil {
		*err = damaged(fmt.Errorf("%v", r))
	}
}

// book is an open workbook, xlsx or xls: its worksheets in order, each read
// as a stream of rows. Inspect and Open work on rows, so both kinds of file
// find their sheet and header row the same way.
type book interface {
	sheetNames() []string
	rows(sheet string) (rowStream, error)
	// date1904 reports date serials counted from 1904 (old Mac Excel).
	date1904() bool
	Close() error
}

// rowStream yields the rows present in a sheet, each with its 1-based Excel
// row number, in order, then io.EOF. Cells hold their stored values: numbers
// and dates unformatted (a date is its serial number), text as text; trailing
// empty cells are dropped.
type rowStream interface {
	next() (line int, cells []string, err error)
	Close() error
}

// inspectBook picks the sheet and its header row for the settings not given.
func inspectBook(x book, info Info) (_ Info, err error) {
	defer guard(&err)
	info.Sheets = x.sheetNames()
	info.Date1904 = x.date1904()
	if len(info.Sheets) == 0 {
		return Info{}, damaged(errors.New("the workbook has no sheets"))
	}
	s := &info.Settings
	s.Encoding, s.Delimiter = "", ""
	var window [][]string
	var start int
	if s.Sheet != "" {
		name, ok := findSheet(info.Sheets, s.Sheet)
		if !ok {
			return Info{}, fmt.Errorf("%w: %q", ErrNoSheet, s.Sheet)
		}
		s.Sheet = name
		if s.HeaderRow <= 0 {
			if start, window, err = firstRows(x, name); err != nil {
				return Info{}, err
			}
			if window == nil {
				return Info{}, ErrEmpty
			}
		}
	} else {
		for _, name := range info.Sheets {
			if start, window, err = firstRows(x, name); err != nil {
				return Info{}, err
			}
			if window != nil {
				s.Sheet = name
				break
			}
		}
		if s.Sheet == "" {
			return Info{}, ErrEmpty
		}
	}
	if s.HeaderRow <= 0 {
		s.HeaderRow = start + detectHeader(window) - 1
	}
	return info, nil
}

// findSheet matches a sheet name as Excel does, ignoring case.
func findSheet(sheets []string, name string) (string, bool) {
	for _, s := range sheets {
		if s == name {
			return s, true
		}
	}
	for _, s := range sheets {
		if strings.EqualFold(s, name) {
			return s, true
		}
	}
	return "", false
}

// firstRows returns the first non-blank row number of a sheet and the
// headerWindow rows from it (blank ones as nil), or a nil window for a sheet
// without data.
func firstRows(x book, sheet string) (int, [][]string, error) {
	r, err := x.rows(sheet)
	if err != nil {
		return 0, nil, err
	}
	defer r.Close()
	start := 0
	var window [][]string
	for len(window) < headerWindow {
		line, cells, err := r.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return 0, nil, err
		}
		if start == 0 {
			if filled(cells) == 0 {
				continue
			}
			start = line
		}
		for len(window) < line-start {
			window = append(window, nil)
		}
		window = append(window, cells)
	}
	return start, window, nil
}

func (x *workbook) rows(sheet string) (rowStream, error) {
	part := x.parts[sheet]
	if part == nil {
		return nil, fmt.Errorf("%w: %q", ErrNoSheet, sheet)
	}
	return x.openRows(part)
}

func (x *workbook) sheetNames() []string { return x.sheets }

func (x *workbook) date1904() bool { return x.is1904 }

// sheetSource streams the rows of one sheet of a workbook after its header.
type sheetSource struct {
	x      book
	r      rowStream
	header []string
	line   int // of the header
}

// openSheet opens the sheet of s and reads down to its header row: the
// first row that is not blank at or after s.HeaderRow. The source owns x.
func openSheet(x book, s Settings) (Source, error) {
	r, err := x.rows(s.Sheet)
	if err != nil {
		x.Close()
		return nil, err
	}
	src := &sheetSource{x: x, r: r}
	for {
		line, cells, err := r.next()
		if errors.Is(err, io.EOF) {
			src.Close()
			return nil, ErrNoHeader
		}
		if err != nil {
			src.Close()
			return nil, err
		}
		if line >= s.HeaderRow && filled(cells) > 0 {
			for i := range cells {
				cells[i] = strings.TrimSpace(cells[i])
			}
			src.header, src.line = cells, line
			return src, nil
		}
	}
}

func (s *sheetSource) Header() []string { return s.header }

func (s *sheetSource) headerLine() int { return s.line }

// Date1904 reports a workbook whose date serials count from 1904.
func (s *sheetSource) Date1904() bool { return s.x.date1904() }

func (s *sheetSource) Next() (Row, error) {
	for {
		line, cells, err := s.r.next()
		if err != nil {
			return Row{}, err
		}
		if filled(cells) > 0 {
			return Row{Line: line, Fields: cells}, nil
		}
	}
}

func (s *sheetSource) Close() error {
	err := s.r.Close()
	if err2 := s.x.Close(); err == nil {
		err = err2
	}
	return err
}
