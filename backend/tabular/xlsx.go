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

// inspect picks the sheet and its header row for the settings not given.
func (x *workbook) inspect(info Info) (_ Info, err error) {
	defer guard(&err)
	info.Sheets = x.sheets
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
			if start, window, err = x.firstRows(name); err != nil {
				return Info{}, err
			}
			if window == nil {
				return Info{}, ErrEmpty
			}
		}
	} else {
		for _, name := range info.Sheets {
			if start, window, err = x.firstRows(name); err != nil {
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
func (x *workbook) firstRows(sheet string) (int, [][]string, error) {
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

func (x *workbook) rows(sheet string) (*sheetRows, error) {
	part := x.parts[sheet]
	if part == nil {
		return nil, fmt.Errorf("%w: %q", ErrNoSheet, sheet)
	}
	return x.openRows(part)
}

// xlsxSource streams the rows of one sheet after its header.
type xlsxSource struct {
	x      *workbook
	r      *sheetRows
	header []string
	line   int // of the header
}

// source opens the sheet of s and reads down to its header row: the first
// row that is not blank at or after s.HeaderRow.
func (x *workbook) source(s Settings) (Source, error) {
	r, err := x.rows(s.Sheet)
	if err != nil {
		x.Close()
		return nil, err
	}
	src := &xlsxSource{x: x, r: r}
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

func (s *xlsxSource) Header() []string { return s.header }

func (s *xlsxSource) headerLine() int { return s.line }

func (s *xlsxSource) Next() (Row, error) {
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

func (s *xlsxSource) Close() error {
	err := s.r.Close()
	if err2 := s.x.Close(); err == nil {
		err = err2
	}
	return err
}
