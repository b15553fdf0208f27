package tabular

import (
	endian "encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/charmap"
)

// xlsBook is an open Excel 97-2003 workbook (BIFF8), or an Excel 95 one
// (BIFF5/7), read from the "Workbook" (or "Book") stream of its OLE2
// container. The stream is held in memory, as it is never larger than the
// file; its globals (sheet list, shared strings, code page, date system) are
// read at once, and each sheet is decoded row by row as it is read.
//
// Cells read as the xlsx reader reads them: numbers as plain decimal text
// with at most 15 significant digits (what Excel keeps; no float noise),
// dates as their serial numbers (FORMAT and XF records are not needed for
// that and are skipped), booleans as 1 or 0, errors as Excel writes them
// (#DIV/0!), a formula as its cached result.
type xlsBook struct {
	data   []byte // the workbook stream
	biff8  bool   // BIFF8 (Unicode strings); else BIFF5/7 (8-bit strings in the code page)
	names  []string
	starts map[string]int // offset of each worksheet's BOF record in data
	sst    []string
	is1904 bool
	// latin maps the bytes of 8-bit text to characters: in BIFF5 through
	// the workbook's code page; in BIFF8 a "compressed" string is Latin-1
	// by definition, but bytes 0x80-0x9F (control codes there, never text)
	// are taken from the code page, as some programs write them so.
	latin [256]rune
}

// BIFF record types this reader uses.
const (
	recFormula    = 0x0006
	recEOF        = 0x000A
	recDateMode   = 0x0022
	recFilePass   = 0x002F
	recContinue   = 0x003C
	recCodePage   = 0x0042
	recBoundSheet = 0x0085
	recMulRK      = 0x00BD
	recMulBlank   = 0x00BE
	recRString    = 0x00D6
	recSST        = 0x00FC
	recLabelSST   = 0x00FD
	recBlank      = 0x0201
	recNumber     = 0x0203
	recLabel      = 0x0204
	recBoolErr    = 0x0205
	recString     = 0x0207
	recArray      = 0x0221
	recTable      = 0x0236
	recRK         = 0x027E
	recSharedFmla = 0x04BC
	recBOF        = 0x0809
)

// maxXLSStream bounds the workbook stream held in memory. Excel 97-2003
// stops at 65,536 rows of 256 columns a sheet; real workbooks stay far below.
const maxXLSStream = 1 << 30

// bofWorksheet is the substream type of a worksheet in its BOF record.
const bofWorksheet = 0x0010

// le reads the little-endian integers of BIFF records.
var le = endian.LittleEndian

// openXLS reads the globals of the workbook at path.
func openXLS(path string) (x *xlsBook, err error) {
	defer guard(&err)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	doc, err := mscfb.New(f)
	if err != nil {
		return nil, damaged(err)
	}
	var stream *mscfb.File
	biff8 := true
	for _, e := range doc.File {
		switch {
		case strings.EqualFold(e.Name, "EncryptedPackage"):
			return nil, ErrEncrypted
		case len(e.Path) > 0:
		case strings.EqualFold(e.Name, "Workbook"):
			stream, biff8 = e, true
		case strings.EqualFold(e.Name, "Book") && stream == nil:
			stream, biff8 = e, false
		}
	}
	if stream == nil {
		// An OLE2 file that is no workbook: a Word document, an Outlook
		// message, a database, renamed.
		return nil, fmt.Errorf("%w: an OLE2 file without a workbook", ErrNotText)
	}
	// A stream longer than its file is a broken directory (or a cyclic
	// sector chain that would repeat itself up to the claimed size).
	if stream.Size > st.Size() {
		return nil, damaged(fmt.Errorf("the workbook stream claims %d bytes in a file of %d", stream.Size, st.Size()))
	}
	if stream.Size > maxXLSStream {
		return nil, damaged(fmt.Errorf("a workbook stream of %d bytes is beyond what Excel 97-2003 writes", stream.Size))
	}
	data := make([]byte, stream.Size)
	// mscfb maps each read to its sectors; 64 KB at a time keeps that cheap.
	for off := 0; off < len(data); off += 64 << 10 {
		if _, err := io.ReadFull(stream, data[off:min(len(data), off+64<<10)]); err != nil {
			return nil, damaged(fmt.Errorf("reading the workbook stream: %w", err))
		}
	}
	x = &xlsBook{data: data, biff8: biff8, starts: map[string]int{}}
	if err := x.readGlobals(); err != nil {
		return nil, err
	}
	return x, nil
}

func (x *xlsBook) sheetNames() []string { return x.names }

func (x *xlsBook) date1904() bool { return x.is1904 }

// Close lets go of the stream; the file itself was closed once read.
func (x *xlsBook) Close() error {
	x.data, x.sst = nil, nil
	return nil
}

// record is one BIFF record: its type, its data, and where its header
// starts in the stream.
type record struct {
	typ  uint16
	data []byte
	pos  int
}

// recordAt reads the record whose header is at pos and returns the offset
// of the next one.
func (x *xlsBook) recordAt(pos int) (record, int, error) {
	if pos < 0 || pos+4 > len(x.data) {
		return record{}, 0, damaged(fmt.Errorf("the workbook ends at byte %d, inside a record", len(x.data)))
	}
	typ, n := le.Uint16(x.data[pos:]), int(le.Uint16(x.data[pos+2:]))
	end := pos + 4 + n
	if end > len(x.data) {
		return record{}, 0, damaged(fmt.Errorf("record %#04x at byte %d runs past the end of the workbook", typ, pos))
	}
	return record{typ: typ, data: x.data[pos+4 : end], pos: pos}, end, nil
}

// boundSheet is a sheet of the BOUNDSHEET list, its name still undecoded.
type boundSheet struct {
	start int
	kind  byte // 0 worksheet, 1 macro sheet, 2 chart, 6 VBA module
	name  []byte
}

// readGlobals reads the workbook globals substream, from its BOF to its EOF.
func (x *xlsBook) readGlobals() error {
	rec, pos, err := x.recordAt(0)
	if err != nil {
		return err
	}
	if rec.typ != recBOF || len(rec.data) < 4 {
		return damaged(errors.New("the workbook stream does not start with a BOF record"))
	}
	switch le.Uint16(rec.data) {
	case 0x0600:
		x.biff8 = true
	case 0x0500:
		x.biff8 = false
	} // otherwise the stream's name decides
	var sheets []boundSheet
	var sst []record
	codepage := 1252
	for {
		rec, next, err := x.recordAt(pos)
		if err != nil {
			return err
		}
		switch rec.typ {
		case recEOF:
			return x.finishGlobals(sheets, sst, codepage)
		case recFilePass:
			return ErrEncrypted
		case recCodePage:
			if len(rec.data) >= 2 {
				codepage = int(le.Uint16(rec.data))
			}
		case recDateMode:
			x.is1904 = len(rec.data) >= 2 && le.Uint16(rec.data) == 1
		case recBoundSheet:
			if len(rec.data) < 7 {
				return damaged(fmt.Errorf("sheet record at byte %d is too short", rec.pos))
			}
			sheets = append(sheets, boundSheet{start: int(le.Uint32(rec.data)), kind: rec.data[5], name: rec.data[6:]})
		case recSST:
			sst = []record{rec}
			for {
				c, after, err := x.recordAt(next)
				if err != nil || c.typ != recContinue {
					break
				}
				sst, next = append(sst, c), after
			}
		}
		pos = next
	}
}

// finishGlobals decodes what needed the code page: sheet names and shared strings.
func (x *xlsBook) finishGlobals(sheets []boundSheet, sst []record, codepage int) error {
	x.setCodePage(codepage)
	for _, s := range sheets {
		if s.kind != 0 {
			continue // charts, macro sheets and modules hold no table
		}
		name, err := x.sheetName(s.name)
		if err != nil {
			return damaged(fmt.Errorf("a sheet's name: %w", err))
		}
		bof, _, err := x.recordAt(s.start)
		if err != nil || bof.typ != recBOF || len(bof.data) < 4 {
			return damaged(fmt.Errorf("sheet %q is not where the workbook says (byte %d)", name, s.start))
		}
		if le.Uint16(bof.data[2:]) != bofWorksheet {
			continue // a dialog sheet or another substream listed as a sheet
		}
		if _, dup := x.starts[name]; dup {
			continue
		}
		x.names = append(x.names, name)
		x.starts[name] = s.start
	}
	if len(x.names) == 0 {
		return damaged(errors.New("the workbook has no sheets"))
	}
	if sst != nil {
		return x.readSST(sst)
	}
	return nil
}

// sheetName decodes the name of a BOUNDSHEET record: a length byte, then
// (BIFF8) an option byte and the characters.
func (x *xlsBook) sheetName(b []byte) (string, error) {
	n := int(b[0])
	if !x.biff8 {
		if len(b) < 1+n {
			return "", errCut
		}
		return x.text8(b[1 : 1+n]), nil
	}
	if len(b) < 2 {
		return "", errCut
	}
	c := &continued{parts: [][]byte{b[2:]}}
	return c.chars(x, n, b[1]&1 != 0)
}

// codePages are the 8-bit code pages a CODEPAGE record may name; any other
// (1252, 1200 for BIFF8's UTF-16, 367 for ASCII, one we do not know) reads
// as Windows-1252.
var codePages = map[int]*charmap.Charmap{
	437: charmap.CodePage437, 850: charmap.CodePage850, 852: charmap.CodePage852, 855: charmap.CodePage855,
	858: charmap.CodePage858, 860: charmap.CodePage860, 862: charmap.CodePage862, 863: charmap.CodePage863,
	865: charmap.CodePage865, 866: charmap.CodePage866, 874: charmap.Windows874,
	1250: charmap.Windows1250, 1251: charmap.Windows1251, 1253: charmap.Windows1253, 1254: charmap.Windows1254,
	1255: charmap.Windows1255, 1256: charmap.Windows1256, 1257: charmap.Windows1257, 1258: charmap.Windows1258,
	10000: charmap.Macintosh, 32768: charmap.Macintosh, // Mac Roman; 32768 is how Excel 95 and older name it
	10007: charmap.MacintoshCyrillic,
}

// setCodePage fills x.latin for the code page of a CODEPAGE record.
func (x *xlsBook) setCodePage(cp int) {
	cm := codePages[cp]
	if cm == nil {
		cm = charmap.Windows1252
	}
	for i := range x.latin {
		x.latin[i] = rune(i)
		if i >= 0x80 && (!x.biff8 || i < 0xA0) {
			if r := cm.DecodeByte(byte(i)); r != '\uFFFD' {
				x.latin[i] = r
			}
		}
	}
}

// text8 decodes 8-bit text.
func (x *xlsBook) text8(b []byte) string {
	var s strings.Builder
	s.Grow(len(b))
	for _, c := range b {
		s.WriteRune(x.latin[c])
	}
	return s.String()
}

// continued reads a record's data and that of the CONTINUE records after it
// as one sequence. Where the characters of a string cross into the next
// record, that record starts with a new option byte: the rest of the string
// may be stored in the other width.
type continued struct {
	parts [][]byte
	i     int // current part
	off   int // in the current part
}

var errCut = errors.New("a text runs past the end of its record")

// skip passes over n bytes, across records if need be.
func (c *continued) skip(n int) error {
	for n > 0 {
		if c.i >= len(c.parts) {
			return errCut
		}
		k := min(n, len(c.parts[c.i])-c.off)
		c.off += k
		n -= k
		if c.off == len(c.parts[c.i]) && n > 0 {
			c.i, c.off = c.i+1, 0
		}
	}
	return nil
}

// bytes reads n bytes, across records if need be.
func (c *continued) bytes(n int) ([]byte, error) {
	if c.i < len(c.parts) && c.off == len(c.parts[c.i]) {
		c.i, c.off = c.i+1, 0
	}
	if c.i < len(c.parts) && c.off+n <= len(c.parts[c.i]) {
		b := c.parts[c.i][c.off : c.off+n]
		c.off += n
		return b, nil
	}
	b := make([]byte, 0, n)
	for len(b) < n {
		if c.i >= len(c.parts) {
			return nil, errCut
		}
		k := min(n-len(b), len(c.parts[c.i])-c.off)
		b = append(b, c.parts[c.i][c.off:c.off+k]...)
		c.off += k
		if len(b) < n {
			c.i, c.off = c.i+1, 0
		}
	}
	return b, nil
}

// atEnd reports that nothing is left to read.
func (c *continued) atEnd() bool {
	for c.i < len(c.parts) && c.off == len(c.parts[c.i]) {
		if c.i+1 == len(c.parts) {
			return true
		}
		c.i, c.off = c.i+1, 0
	}
	return c.i >= len(c.parts)
}

// chars reads n characters, one byte each (Latin-1) or two (UTF-16LE) as
// high says, re-reading the option byte at each record boundary.
func (c *continued) chars(x *xlsBook, n int, high bool) (string, error) {
	units := make([]uint16, 0, n)
	for len(units) < n {
		if c.i >= len(c.parts) {
			return "", errCut
		}
		if c.off == len(c.parts[c.i]) {
			c.i, c.off = c.i+1, 0
			if c.i >= len(c.parts) || len(c.parts[c.i]) == 0 {
				return "", errCut
			}
			high = c.parts[c.i][0]&1 != 0
			c.off = 1
			continue
		}
		p := c.parts[c.i][c.off:]
		if high {
			k := min(n-len(units), len(p)/2)
			if k == 0 {
				return "", errors.New("a character is split between two records")
			}
			for j := range k {
				units = append(units, le.Uint16(p[2*j:]))
			}
			c.off += 2 * k
		} else {
			k := min(n-len(units), len(p))
			for _, b := range p[:k] {
				units = append(units, uint16(x.latin[b]))
			}
			c.off += k
		}
	}
	return string(utf16.Decode(units)), nil
}

// unicodeString reads an XLUnicodeRichExtendedString (BIFF8): a 16-bit
// length, an option byte, the run and phonetic sizes when flagged, the
// characters, then the runs and phonetic data, which are skipped.
func (c *continued) unicodeString(x *xlsBook) (string, error) {
	h, err := c.bytes(3)
	if err != nil {
		return "", err
	}
	n, opt := int(le.Uint16(h)), h[2]
	runs, ext := 0, 0
	if opt&0x08 != 0 {
		b, err := c.bytes(2)
		if err != nil {
			return "", err
		}
		runs = int(le.Uint16(b))
	}
	if opt&0x04 != 0 {
		b, err := c.bytes(4)
		if err != nil {
			return "", err
		}
		ext = int(le.Uint32(b))
	}
	s, err := c.chars(x, n, opt&1 != 0)
	if err != nil {
		return "", err
	}
	if err := c.skip(4*runs + ext); err != nil {
		return "", err
	}
	return s, nil
}

// readSST reads the shared-string table from the SST record and its
// CONTINUE records, within maxSharedStrings bytes of text.
func (x *xlsBook) readSST(recs []record) error {
	parts := make([][]byte, len(recs))
	size := 0
	for i, r := range recs {
		parts[i] = r.data
		size += len(r.data)
	}
	if len(parts[0]) < 8 {
		return damaged(errors.New("the shared-string table is too short"))
	}
	unique := int64(le.Uint32(parts[0][4:]))
	parts[0] = parts[0][8:]
	// Each string takes 3 bytes at least: the count cannot promise more.
	x.sst = make([]string, 0, min(unique, int64(size/3)))
	c := &continued{parts: parts}
	total := 0
	for int64(len(x.sst)) < unique && !c.atEnd() {
		s, err := c.unicodeString(x)
		if err != nil {
			return damaged(fmt.Errorf("shared string %d: %w", len(x.sst), err))
		}
		total += len(s)
		if total > maxSharedStrings {
			return damaged(errors.New("the shared strings exceed 256 MB"))
		}
		x.sst = append(x.sst, s)
	}
	return nil
}

// rows opens a worksheet for reading.
func (x *xlsBook) rows(sheet string) (rowStream, error) {
	start, ok := x.starts[sheet]
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrNoSheet, sheet)
	}
	r := &xlsRows{x: x}
	if err := r.scan(start); err != nil {
		return nil, err
	}
	return r, nil
}

// xlsRows reads the cells of one worksheet and hands them out row by row.
// Writers put the cell records in row order, and then they are read as they
// come; for a file that does not, the records are read in row order from a
// sorted list of where they are.
type xlsRows struct {
	x       *xlsBook
	pos     int   // the next record, reading in file order
	depth   int   // of nested substreams (charts inside the sheet); 0 at the sheet's end
	order   []int // the cell records sorted by row, when the file has them out of order
	pending []cell
}

// cell is a value and where it goes (0-based).
type cell struct {
	row, col int
	v        string
}

// isCell reports the record types that hold cells.
func isCell(typ uint16) bool {
	switch typ {
	case recLabelSST, recLabel, recRString, recNumber, recRK, recMulRK, recBoolErr, recFormula, recBlank, recMulBlank:
		return true
	}
	return false
}

// scan goes through the sheet whose BOF is at start down to its EOF, so
// that a sheet cut short is damaged before any row is read, and checks that
// its cells come in row order; if not, it sorts where they are.
func (r *xlsRows) scan(start int) error {
	_, first, err := r.x.recordAt(start)
	if err != nil {
		return err
	}
	r.pos, r.depth = first, 1
	last := -1
	errUnsorted := errors.New("cells out of row order")
	err = r.eachCell(first, func(rec record) error {
		row := int(le.Uint16(rec.data))
		if row < last {
			return errUnsorted
		}
		last = row
		return nil
	})
	if errors.Is(err, errUnsorted) {
		return r.sort(first)
	}
	return err
}

// eachCell calls fn with each cell record of the sheet from first on, in
// file order, skipping what nested substreams (charts) hold.
func (r *xlsRows) eachCell(first int, fn func(rec record) error) error {
	for pos, depth := first, 1; depth > 0; {
		rec, next, err := r.x.recordAt(pos)
		if err != nil {
			return err
		}
		switch {
		case rec.typ == recBOF:
			depth++
		case rec.typ == recEOF:
			depth--
		case depth == 1 && isCell(rec.typ):
			if len(rec.data) < 6 {
				return damaged(fmt.Errorf("cell record at byte %d is too short", rec.pos))
			}
			if err := fn(rec); err != nil {
				return err
			}
		}
		pos = next
	}
	return nil
}

// sort lists the cell records of the sheet from first on, sorted by row
// (and in file order within a row).
func (r *xlsRows) sort(first int) error {
	r.order = []int{}
	if err := r.eachCell(first, func(rec record) error {
		r.order = append(r.order, rec.pos)
		return nil
	}); err != nil {
		return err
	}
	data := r.x.data
	slices.SortStableFunc(r.order, func(a, b int) int {
		return int(le.Uint16(data[a+4:])) - int(le.Uint16(data[b+4:]))
	})
	return nil
}

// nextCells decodes the next cell record; false at the end of the sheet.
func (r *xlsRows) nextCells() (bool, error) {
	if r.order != nil {
		if len(r.order) == 0 {
			return false, nil
		}
		rec, _, err := r.x.recordAt(r.order[0])
		if err != nil {
			return false, err
		}
		r.order = r.order[1:]
		r.pending, err = r.x.decodeCell(rec)
		return true, err
	}
	for r.depth > 0 {
		rec, next, err := r.x.recordAt(r.pos)
		if err != nil {
			return false, err
		}
		r.pos = next
		switch {
		case rec.typ == recBOF:
			r.depth++
		case rec.typ == recEOF:
			r.depth--
		case r.depth == 1 && isCell(rec.typ):
			r.pending, err = r.x.decodeCell(rec)
			return true, err
		}
	}
	return false, nil
}

func (r *xlsRows) Close() error { return nil }

// next returns the next row that has cells, or io.EOF.
func (r *xlsRows) next() (line int, cells []string, err error) {
	defer guard(&err)
	for len(r.pending) == 0 {
		more, err := r.nextCells()
		if err != nil {
			return 0, nil, err
		}
		if !more {
			return 0, nil, io.EOF
		}
	}
	row := r.pending[0].row
	for {
		k := 0
		for ; k < len(r.pending) && r.pending[k].row == row; k++ {
			c := r.pending[k]
			for len(cells) <= c.col {
				cells = append(cells, "")
			}
			cells[c.col] = c.v
		}
		r.pending = r.pending[k:]
		if len(r.pending) > 0 {
			break // the next row has begun
		}
		more, err := r.nextCells()
		if err != nil {
			return 0, nil, err
		}
		if !more {
			break
		}
	}
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	return row + 1, cells, nil
}

// decodeCell returns the cells of a cell record.
func (x *xlsBook) decodeCell(rec record) ([]cell, error) {
	d := rec.data
	short := func(n int) error {
		if len(d) < n {
			return damaged(fmt.Errorf("cell record %#04x at byte %d is too short", rec.typ, rec.pos))
		}
		return nil
	}
	if err := short(6); err != nil {
		return nil, err
	}
	row, col := int(le.Uint16(d)), int(le.Uint16(d[2:]))
	one := func(v string) []cell { return []cell{{row, col, v}} }
	switch rec.typ {
	case recLabelSST:
		if err := short(10); err != nil {
			return nil, err
		}
		i := le.Uint32(d[6:])
		if int64(i) >= int64(len(x.sst)) {
			return nil, damaged(fmt.Errorf("cell at row %d refers to shared string %d of %d", row+1, i, len(x.sst)))
		}
		return one(x.sst[i]), nil
	case recLabel, recRString:
		s, err := x.label(d[6:])
		if err != nil {
			return nil, damaged(fmt.Errorf("text cell at row %d: %w", row+1, err))
		}
		return one(s), nil
	case recNumber:
		if err := short(14); err != nil {
			return nil, err
		}
		return one(formatNumber(math.Float64frombits(le.Uint64(d[6:])))), nil
	case recRK:
		if err := short(10); err != nil {
			return nil, err
		}
		return one(rkNumber(le.Uint32(d[6:]))), nil
	case recMulRK:
		n := (len(d) - 6) / 6
		if n < 1 {
			return nil, damaged(fmt.Errorf("number cells at row %d: the record is too short", row+1))
		}
		out := make([]cell, n)
		for i := range n {
			out[i] = cell{row, col + i, rkNumber(le.Uint32(d[4+6*i+2:]))}
		}
		return out, nil
	case recBlank:
		return one(""), nil
	case recMulBlank:
		n := (len(d) - 6) / 2
		out := make([]cell, max(n, 0))
		for i := range out {
			out[i] = cell{row, col + i, ""}
		}
		return out, nil
	case recBoolErr:
		if err := short(8); err != nil {
			return nil, err
		}
		if d[7] != 0 {
			return one(errorText(d[6])), nil
		}
		return one(strconv.Itoa(int(d[6]))), nil
	case recFormula:
		if err := short(20); err != nil {
			return nil, err
		}
		v, err := x.formulaResult(rec)
		if err != nil {
			return nil, err
		}
		return one(v), nil
	}
	return nil, nil
}

// label reads the text of a LABEL or RSTRING record, after row, column and XF.
func (x *xlsBook) label(d []byte) (string, error) {
	if len(d) < 2 {
		return "", errCut
	}
	n := int(le.Uint16(d))
	if !x.biff8 {
		if len(d) < 2+n {
			return "", errCut
		}
		return x.text8(d[2 : 2+n]), nil
	}
	if len(d) < 3 {
		return "", errCut
	}
	c := &continued{parts: [][]byte{d[3:]}}
	return c.chars(x, n, d[2]&1 != 0)
}

// formulaResult is the value Excel saved with a formula: a number, text (in
// the STRING record that follows), a boolean, an error or an empty text.
func (x *xlsBook) formulaResult(rec record) (string, error) {
	r := rec.data[6:14]
	if r[6] != 0xFF || r[7] != 0xFF {
		return formatNumber(math.Float64frombits(le.Uint64(r))), nil
	}
	switch r[0] {
	case 1:
		return strconv.Itoa(int(r[2])), nil
	case 2:
		return errorText(r[2]), nil
	case 0:
		return x.formulaString(rec)
	}
	return "", nil
}

// formulaString finds the STRING record of a formula: the first record after
// it other than those that share or extend formulas.
func (x *xlsBook) formulaString(formula record) (string, error) {
	pos := formula.pos + 4 + len(formula.data)
	for {
		rec, next, err := x.recordAt(pos)
		if err != nil {
			return "", err
		}
		switch rec.typ {
		case recSharedFmla, recArray, recTable:
			pos = next
			continue
		case recString:
		default:
			return "", nil // no cached text: Excel shows the cell empty until it recalculates
		}
		if !x.biff8 {
			s, err := x.label(rec.data)
			if err != nil {
				return "", damaged(fmt.Errorf("formula text at byte %d: %w", rec.pos, err))
			}
			return s, nil
		}
		parts := [][]byte{rec.data}
		for {
			c, after, err := x.recordAt(next)
			if err != nil || c.typ != recContinue {
				break
			}
			parts, next = append(parts, c.data), after
		}
		if len(rec.data) < 3 {
			return "", damaged(fmt.Errorf("formula text at byte %d is too short", rec.pos))
		}
		n, high := int(le.Uint16(rec.data)), rec.data[2]&1 != 0
		c := &continued{parts: parts, off: 3}
		s, err := c.chars(x, n, high)
		if err != nil {
			return "", damaged(fmt.Errorf("formula text at byte %d: %w", rec.pos, err))
		}
		return s, nil
	}
}

// rkNumber decodes an RK value: 30 bits of either a signed integer or the
// top of a float64, divided by 100 when its lowest bit says so.
func rkNumber(rk uint32) string {
	x100 := rk&1 != 0
	if rk&2 != 0 {
		i := int32(rk) >> 2
		if !x100 {
			return strconv.Itoa(int(i))
		}
		return formatNumber(float64(i) / 100)
	}
	v := math.Float64frombits(uint64(rk&^3) << 32)
	if x100 {
		v /= 100
	}
	return formatNumber(v)
}

// errorText is how Excel writes an error value.
func errorText(code byte) string {
	switch code {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	case 0x2A:
		return "#N/A"
	}
	return "#N/A"
}

// formatNumber writes a number as plain decimal text rounded to the 15
// significant digits Excel keeps: 1213.28 (not 1213.2800000000002), 43102
// (not 43102.0), 0.3 for 0.1+0.2, 1234567890123460 for a 16-digit number.
// There is no exponent, so amounts parse as decimal text.
func formatNumber(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "#NUM!"
	case v == 0:
		return "0"
	case v == math.Trunc(v) && math.Abs(v) < 1e15:
		return strconv.FormatInt(int64(v), 10)
	}
	e := strconv.FormatFloat(v, 'e', 14, 64) // [-]d.dddddddddddddde±dd
	var b strings.Builder
	if e[0] == '-' {
		b.WriteByte('-')
		e = e[1:]
	}
	exp, _ := strconv.Atoi(e[17:])
	digits := strings.TrimRight(e[:1]+e[2:16], "0")
	point := exp + 1 // digits before the decimal point
	switch {
	case point <= 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -point))
		b.WriteString(digits)
	case point >= len(digits):
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", point-len(digits)))
	default:
		b.WriteString(digits[:point])
		b.WriteByte('.')
		b.WriteString(digits[point:])
	}
	return b.String()
}
