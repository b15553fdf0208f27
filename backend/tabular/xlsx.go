package tabular

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// workbook is an open xlsx file. Sheets are read as streams (excelize
// unpacks big ones to temporary files), never loaded whole.
type workbook struct {
	f *excelize.File
}

// unzipXMLSizeLimit is the largest sheet or shared-string table excelize
// keeps in memory; bigger ones are unpacked to temporary files and read from
// there. With excelize's default (16 MB) a shared-string table of 15 MB took
// 220 MB of memory once decoded; read from its temporary file it took 60 MB,
// at the cost of about half as much time again for that sheet.
const unzipXMLSizeLimit = 4 << 20

func damaged(err error) error { return fmt.Errorf("%w: %w", ErrDamaged, err) }

// guard turns a panic of excelize on a malformed file into ErrDamaged.
func guard(err *error) {
	if r := recover(); r != nil {
		*err = damaged(fmt.Errorf("%v", r))
	}
}

// maxInMemoryParts bounds the sizes that the zip members excelize reads into
// memory may declare, all together. excelize allocates a member's declared
// size up front; it reads all members into memory but big sheets and shared
// strings, which it unpacks to temporary files — unless that fails, when it
// falls back to memory. So a small hostile file could claim gigabytes.
const maxInMemoryParts = 256 << 20

// checkParts looks at the zip before excelize does: the members it would
// hold in memory must be small, and the ones it unpacks to temporary files
// must inflate cleanly to their declared size (an extra pass over their
// data, without keeping it, that also finds truncated or corrupt sheets).
func checkParts(path string) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		return damaged(err)
	}
	defer z.Close()
	var inMemory uint64
	for _, m := range z.File {
		name := strings.ToLower(strings.ReplaceAll(m.Name, "\\", "/"))
		streamed := strings.HasPrefix(name, "xl/worksheets/sheet") || name == "xl/sharedstrings.xml"
		if !streamed || m.UncompressedSize64 <= unzipXMLSizeLimit {
			if inMemory += m.UncompressedSize64; inMemory > maxInMemoryParts || inMemory < m.UncompressedSize64 {
				return damaged(fmt.Errorf("its parts claim more than %d bytes", uint64(maxInMemoryParts)))
			}
			continue
		}
		r, err := m.Open()
		if err == nil {
			_, err = io.Copy(io.Discard, r)
			r.Close()
		}
		if err != nil {
			return damaged(fmt.Errorf("%s: %w", m.Name, err))
		}
	}
	return nil
}

func openWorkbook(path string) (x *workbook, err error) {
	defer guard(&err)
	if err := checkParts(path); err != nil {
		return nil, err
	}
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true, UnzipXMLSizeLimit: unzipXMLSizeLimit})
	if err != nil {
		if f != nil {
			f.Close()
		}
		return nil, damaged(err)
	}
	return &workbook{f: f}, nil
}

func (x *workbook) Close() error { return x.f.Close() }

// inspect picks the sheet and its header row for the settings not given.
func (x *workbook) inspect(info Info) (_ Info, err error) {
	defer guard(&err)
	info.Sheets = x.f.GetSheetList()
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

// sheetRows numbers the rows of an excelize iterator as Excel does.
type sheetRows struct {
	rows *excelize.Rows
	line int
}

func (x *workbook) rows(sheet string) (_ *sheetRows, err error) {
	defer guard(&err)
	r, err := x.f.Rows(sheet)
	if err != nil {
		if r != nil {
			r.Close()
		}
		return nil, damaged(err)
	}
	return &sheetRows{rows: r}, nil
}

// next returns the next row (maybe blank) and its number, or io.EOF. Every
// call of excelize's Next is one row, also for rows absent from the file.
func (r *sheetRows) next() (line int, cells []string, err error) {
	defer guard(&err)
	if !r.rows.Next() {
		if err := r.rows.Error(); err != nil {
			return 0, nil, damaged(err)
		}
		return 0, nil, io.EOF
	}
	r.line++
	cells, err = r.rows.Columns()
	if err != nil {
		return 0, nil, damaged(err)
	}
	return r.line, cells, nil
}

func (r *sheetRows) Close() error { return r.rows.Close() }

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
