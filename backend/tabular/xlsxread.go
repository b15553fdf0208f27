package tabular

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// workbook is an open xlsx file read straight from its zip: the sheet list
// from the workbook part, each sheet as a stream of XML tokens, the shared
// strings parsed only as far as the rows read so far need. Nothing is
// unpacked to disk and no part is held whole, so the first rows of a
// million-row sheet come in milliseconds and memory stays flat.
type workbook struct {
	z      *zip.ReadCloser
	sheets []string
	parts  map[string]*zip.File
	sst    *sharedStrings
	is1904 bool // workbookPr date1904: serials count from 1904
}

// maxSharedStrings bounds the text of the shared-string table held in memory.
const maxSharedStrings = 256 << 20

// maxColumn is Excel's last column (XFD); a cell reference beyond it is damage.
const maxColumn = 16384

func openWorkbook(p string) (x *workbook, err error) {
	defer guard(&err)
	z, err := zip.OpenReader(p)
	if err != nil {
		return nil, damaged(err)
	}
	x = &workbook{z: z, parts: map[string]*zip.File{}}
	files := map[string]*zip.File{}
	for _, f := range z.File {
		files[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))] = f
	}
	if err := x.readSheets(files); err != nil {
		z.Close()
		return nil, err
	}
	if f := files["xl/sharedstrings.xml"]; f != nil {
		x.sst = &sharedStrings{part: f}
	}
	return x, nil
}

func (x *workbook) Close() error {
	if x.sst != nil {
		x.sst.close()
	}
	return x.z.Close()
}

// readSheets lists the sheets in order and finds the part of each through
// the workbook's relationships.
func (x *workbook) readSheets(files map[string]*zip.File) error {
	targets := map[string]string{}
	if rels := files["xl/_rels/workbook.xml.rels"]; rels != nil {
		err := eachElement(rels, func(se xml.StartElement) {
			if se.Name.Local == "Relationship" {
				targets[attr(se, "Id")] = attr(se, "Target")
			}
		})
		if err != nil {
			return err
		}
	}
	wb := files["xl/workbook.xml"]
	if wb == nil {
		return damaged(errors.New("no workbook part"))
	}
	var order []string
	ids := map[string]string{}
	err := eachElement(wb, func(se xml.StartElement) {
		switch se.Name.Local {
		case "sheet":
			name := attr(se, "name")
			order = append(order, name)
			ids[name] = attrNS(se, "r", "id")
		case "workbookPr":
			v := attr(se, "date1904")
			x.is1904 = v == "1" || v == "true"
		}
	})
	if err != nil {
		return err
	}
	for i, name := range order {
		t := targets[ids[name]]
		var part string
		switch {
		case t == "":
			part = fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1) // no relationships: the usual name
		case strings.HasPrefix(t, "/"):
			part = strings.TrimPrefix(t, "/")
		default:
			part = path.Clean("xl/" + t)
		}
		if f := files[strings.ToLower(part)]; f != nil {
			x.sheets = append(x.sheets, name)
			x.parts[name] = f
		}
	}
	if len(x.sheets) == 0 {
		return damaged(errors.New("the workbook has no sheets"))
	}
	return nil
}

// eachElement calls fn for every start element of a small part.
func eachElement(f *zip.File, fn func(xml.StartElement)) error {
	r, err := f.Open()
	if err != nil {
		return damaged(err)
	}
	defer r.Close()
	d := xml.NewDecoder(r)
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return damaged(fmt.Errorf("%s: %w", f.Name, err))
		}
		if se, ok := tok.(xml.StartElement); ok {
			fn(se)
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// attrNS finds a prefixed attribute such as r:id (RawToken keeps prefixes).
func attrNS(se xml.StartElement, prefix, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space == prefix {
			return a.Value
		}
	}
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space != "" {
			return a.Value
		}
	}
	return ""
}

// sharedStrings parses the shared-string table on demand: a sheet's first
// rows mostly use its first strings.
type sharedStrings struct {
	part  *zip.File
	rc    io.ReadCloser
	d     *xml.Decoder
	list  []string
	bytes int
	done  bool
}

func (s *sharedStrings) get(i int) (string, error) {
	for len(s.list) <= i && !s.done {
		if err := s.parseNext(); err != nil {
			return "", err
		}
	}
	if i < 0 || i >= len(s.list) {
		return "", damaged(fmt.Errorf("shared string %d does not exist", i))
	}
	return s.list[i], nil
}

// parseNext reads one <si> entry: the text of its <t> elements, runs
// included, phonetic guides (<rPh>) left out.
func (s *sharedStrings) parseNext() error {
	if s.d == nil {
		rc, err := s.part.Open()
		if err != nil {
			return damaged(err)
		}
		s.rc, s.d = rc, xml.NewDecoder(bufio.NewReaderSize(rc, 64<<10))
	}
	var b strings.Builder
	in, inT, phonetic := false, false, 0
	for {
		tok, err := s.d.RawToken()
		if errors.Is(err, io.EOF) {
			s.done = true
			return nil
		}
		if err != nil {
			return damaged(fmt.Errorf("shared strings: %w", err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				in = true
				b.Reset()
			case "t":
				inT = in && phonetic == 0
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inT = false
			case "rPh":
				phonetic--
			case "si":
				s.bytes += b.Len()
				if s.bytes > maxSharedStrings {
					return damaged(errors.New("the shared strings exceed 256 MB"))
				}
				s.list = append(s.list, b.String())
				return nil
			}
		case xml.CharData:
			if inT {
				b.Write(t)
			}
		}
	}
}

func (s *sharedStrings) close() {
	if s.rc != nil {
		s.rc.Close()
	}
}

// sheetRows streams the rows of one sheet, numbered as Excel numbers them;
// rows absent from the file are skipped (their numbers too).
type sheetRows struct {
	x    *workbook
	rc   io.ReadCloser
	d    *xml.Decoder
	line int
	text strings.Builder
}

func (x *workbook) openRows(f *zip.File) (*sheetRows, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, damaged(err)
	}
	return &sheetRows{x: x, rc: rc, d: xml.NewDecoder(bufio.NewReaderSize(rc, 256<<10))}, nil
}

func (r *sheetRows) Close() error { return r.rc.Close() }

// next returns the next row present in the sheet and its number, or io.EOF.
// Cells hold their stored values: numbers and dates unformatted (a date is
// its serial number), shared and inline strings as text.
func (r *sheetRows) next() (line int, cells []string, err error) {
	defer guard(&err)
	inRow := false
	col := 0
	for {
		tok, err := r.d.RawToken()
		if errors.Is(err, io.EOF) {
			if inRow {
				return 0, nil, damaged(errors.New("the sheet ends inside a row"))
			}
			return 0, nil, io.EOF
		}
		if err != nil {
			return 0, nil, damaged(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				inRow, col = true, 0
				r.line++
				if n, err := strconv.Atoi(attr(t, "r")); err == nil && n > 0 {
					r.line = n
				}
				cells = cells[:0]
			case "c":
				if !inRow {
					continue
				}
				if ref := attr(t, "r"); ref != "" {
					c, ok := columnOf(ref)
					if !ok {
						return 0, nil, damaged(fmt.Errorf("cell reference %q", ref))
					}
					col = c
				}
				v, err := r.cell(attr(t, "t"))
				if err != nil {
					return 0, nil, err
				}
				for len(cells) < col {
					cells = append(cells, "")
				}
				cells = append(cells, v)
				col++
			}
		case xml.EndElement:
			if t.Name.Local == "row" && inRow {
				for len(cells) > 0 && cells[len(cells)-1] == "" {
					cells = cells[:len(cells)-1]
				}
				out := make([]string, len(cells))
				copy(out, cells)
				return r.line, out, nil
			}
		}
	}
}

// cell reads the inside of a <c> element of type typ up to its end.
func (r *sheetRows) cell(typ string) (string, error) {
	r.text.Reset()
	var v string
	inV, inT, phonetic := false, false, 0
	for {
		tok, err := r.d.RawToken()
		if err != nil {
			return "", damaged(fmt.Errorf("inside a cell: %w", err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				inV = true
			case "t":
				inT = phonetic == 0
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inV = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			case "c":
				switch typ {
				case "s":
					i, err := strconv.Atoi(strings.TrimSpace(v))
					if err != nil || r.x.sst == nil {
						return "", damaged(fmt.Errorf("shared string %q", v))
					}
					return r.x.sst.get(i)
				case "inlineStr":
					return r.text.String(), nil
				}
				return v, nil
			}
		case xml.CharData:
			// Past the cell limit the rest is not kept: the limit wrapper
			// names the cell from what is.
			switch {
			case inV:
				v += string(t[:min(len(t), max(0, MaxCellSize+1-len(v)))])
			case inT:
				r.text.Write(t[:min(len(t), max(0, MaxCellSize+1-r.text.Len()))])
			}
		}
	}
}

// columnOf reads the column of a cell reference ("AB12" → 27, from 0).
func columnOf(ref string) (int, bool) {
	n, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		n = n*26 + int(c-'a'+1)
		if n > maxColumn {
			return 0, false
		}
	}
	return n - 1, i > 0
}
