package tabular

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// Format of a file, from its first bytes (never from its extension).
type Format string

// Formats Open reads.
const (
	FormatText Format = "text" // CSV/TXT
	FormatXLSX Format = "xlsx" // also an .xls that is really an xlsx (zip magic PK\x03\x04)
	FormatXLS  Format = "xls"  // Excel 97-2003 (BIFF8) and Excel 95 (BIFF5/7) workbooks (OLE2 magic D0 CF 11 E0)
)

// Settings say how to read a file; Inspect fills them in, the user may override any.
type Settings struct {
	Format    Format   `json:"format"`
	Sheet     string   `json:"sheet"`     // xlsx/xls: sheet name; "" = first sheet that has data
	Encoding  Encoding `json:"encoding"`  // text only
	Delimiter string   `json:"delimiter"` // text only, one character: "," ";" "\t" "|"
	HeaderRow int      `json:"headerRow"` // 1-based row/line of the column names
}

// Info is what Inspect learns about a file.
type Info struct {
	Settings Settings `json:"settings"`
	Sheets   []string `json:"sheets"` // xlsx/xls: all sheet names in order
	Size     int64    `json:"size"`
	// Date1904 is true for a workbook whose date serial numbers count days
	// from 1904-01-01 (Excel for Mac before 2011) rather than in the 1900
	// system: serial 0 is 1904-01-01, so add 1462 to get a 1900 serial.
	Date1904 bool `json:"date1904,omitempty"`
	// BOMOver1252 is true for a text file that starts with a UTF-8 BOM
	// but is written in Windows-1252: it is read as 1252, and the user told.
	BOMOver1252 bool `json:"bomOver1252,omitempty"`
}

// Source streams the rows after the header of a file. Every Source that Open
// returns is also a DateSystem.
type Source interface {
	// Header is the column names, trimmed.
	Header() []string
	// Next returns the next row that is not blank, or io.EOF. After a
	// *LimitError the row is dropped and Next may be called again.
	Next() (Row, error)
	// Close releases the file (and, for xlsx, its temporary files).
	Close() error
}

// DateSystem tells how the date serial numbers of a Source count: a date
// cell of a spreadsheet reads as its serial number, as Excel stores it.
type DateSystem interface {
	// Date1904 reports serials counted from 1904-01-01 (serial 0; old Mac
	// Excel) instead of the 1900 system; always false for text files.
	Date1904() bool
}

// Errors of Inspect and Open, for the caller to explain; test them with errors.Is.
var (
	// ErrEmpty means the file has 0 bytes or only blank rows.
	ErrEmpty = errors.New("tabular: the file is empty")
	// ErrNoSheet means the workbook has no sheet of the requested name.
	ErrNoSheet = errors.New("tabular: no such sheet")
	// ErrEncrypted means a workbook protected with a password to open it:
	// an xlsx that Excel keeps in an OLE2 container with an EncryptedPackage
	// stream, or an xls with a FILEPASS record.
	ErrEncrypted = errors.New("tabular: the workbook is protected with a password")
	// ErrHTMLTable means an HTML page saved with a spreadsheet name, as many ERPs export.
	ErrHTMLTable = errors.New("tabular: the file is an HTML page, not a spreadsheet")
	// ErrDamaged means a spreadsheet that cannot be read (truncated or corrupt); it wraps the cause.
	ErrDamaged = errors.New("tabular: the spreadsheet is damaged")
	// ErrNotText means a file that is neither a spreadsheet nor text: binary
	// bytes (a damaged or unrelated file, whatever its name says).
	ErrNotText = errors.New("tabular: the file is not text nor a spreadsheet")
	// ErrTooWide means a row with more than MaxColumns columns (inside a *LimitError).
	ErrTooWide = errors.New("tabular: too many columns")
	// ErrCellTooLarge means a cell of more than MaxCellSize bytes (inside a *LimitError).
	ErrCellTooLarge = errors.New("tabular: cell too large")
)

// Limits on absurd inputs, for both text and spreadsheets.
const (
	MaxColumns  = 1000    // columns in a row (trailing empty ones not counted)
	MaxCellSize = 1 << 20 // bytes in a cell
)

// LimitError names the row and column where a file broke a limit.
type LimitError struct {
	Line   int   // row of the file (1-based)
	Column int   // 1-based; for ErrTooWide the first column over the limit
	Err    error // ErrTooWide or ErrCellTooLarge
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("tabular: line %d, column %d: %v", e.Line, e.Column, e.Err)
}

// Unwrap returns Err.
func (e *LimitError) Unwrap() error { return e.Err }

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// encryptedPackage is the name of the stream, in UTF-16, in the OLE2
	// directory of a password-protected .xlsx (within the first sectors).
	encryptedPackage = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
	htmlTags         = []string{"<html", "<!doctype", "<table", "<head", "<body", "<meta"}
)

// sniffFormat tells the format from the first bytes of a file.
func sniffFormat(head []byte) (Format, error) {
	switch {
	case len(head) == 0:
		return "", ErrEmpty
	case bytes.HasPrefix(head, zipMagic):
		return FormatXLSX, nil
	case bytes.HasPrefix(head, oleMagic) && bytes.Contains(head, encryptedPackage):
		return "", ErrEncrypted
	case bytes.HasPrefix(head, oleMagic):
		return FormatXLS, nil
	}
	text, _ := decodeAll(head[:min(len(head), 1024)], detectEncoding(head))
	text = strings.ToLower(strings.TrimLeft(text, "\ufeff \t\r\n"))
	for _, tag := range htmlTags {
		if strings.HasPrefix(text, tag) {
			return "", ErrHTMLTable
		}
	}
	if binary(text) {
		return "", ErrNotText
	}
	return FormatText, nil
}

// Inspect opens path, sniffs its format and detects the settings the user did
// not give in override: for text the encoding, delimiter and header row; for
// xlsx and xls the sheet (the first one with data) and its header row.
func Inspect(path string, override Settings) (Info, error) {
	info, x, err := inspect(path, override)
	if x != nil {
		x.Close()
	}
	return info, err
}

// Open reads path with the settings s; zero fields are detected as Inspect does.
// The rows of an xlsx and of an xls of the same sheet are the same.
func Open(path string, s Settings) (Source, error) {
	info, x, err := inspect(path, s)
	if err != nil {
		return nil, err
	}
	var src Source
	switch info.Settings.Format {
	case FormatXLSX, FormatXLS:
		src, err = openSheet(x, info.Settings)
	default:
		src, err = openText(path, info.Settings)
	}
	if err != nil {
		return nil, err
	}
	return limit(src)
}

// inspect is Inspect that keeps a workbook open for Open.
func inspect(path string, o Settings) (Info, book, error) {
	f, err := os.Open(path)
	if err != nil {
		return Info{}, nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Info{}, nil, err
	}
	head := make([]byte, SniffSize)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return Info{}, nil, err
	}
	head = head[:n]
	info := Info{Settings: o, Size: st.Size()}
	if info.Settings.Format == "" {
		if info.Settings.Format, err = sniffFormat(head); err != nil {
			return Info{}, nil, err
		}
	}
	switch info.Settings.Format {
	case FormatText:
		return inspectText(head, info, st.Size() <= int64(n))
	case FormatXLSX, FormatXLS:
		var x book
		if info.Settings.Format == FormatXLSX {
			x, err = openWorkbook(path)
		} else {
			x, err = openXLS(path)
		}
		if err != nil {
			return Info{}, nil, err
		}
		if info, err = inspectBook(x, info); err != nil {
			x.Close()
			return Info{}, nil, err
		}
		return info, x, nil
	}
	return Info{}, nil, fmt.Errorf("tabular: unknown format %q", info.Settings.Format)
}

func inspectText(head []byte, info Info, whole bool) (Info, book, error) {
	s := &info.Settings
	d, err := delimiter(s.Delimiter)
	if err != nil {
		return Info{}, nil, err
	}
	sn := sniff(head, s.Encoding, d)
	if text, _ := decodeAll(head, sn.Encoding); whole && strings.TrimSpace(strings.TrimPrefix(text, "\ufeff")) == "" {
		return Info{}, nil, ErrEmpty
	}
	info.BOMOver1252 = sn.Encoding == Windows1252 && BOMOver1252(head)
	s.Encoding, s.Delimiter = sn.Encoding, string(sn.Delimiter)
	if s.HeaderRow <= 0 {
		s.HeaderRow = sn.HeaderRow
	}
	return info, nil, nil
}

func delimiter(s string) (rune, error) {
	if s == "" {
		return 0, nil
	}
	r, n := utf8.DecodeRuneInString(s)
	if n != len(s) || r == utf8.RuneError || r == '"' || r == '\r' || r == '\n' {
		return 0, fmt.Errorf("tabular: delimiter %q is not one usable character", s)
	}
	return r, nil
}

// textSource is a Reader over an open file.
type textSource struct {
	*Reader
	f *os.File
}

func (t textSource) Close() error { return t.f.Close() }

// Date1904 is false: text has no date serials.
func (t textSource) Date1904() bool { return false }

func openText(path string, s Settings) (Source, error) {
	d, err := delimiter(s.Delimiter)
	if err != nil {
		return nil, err
	}
	sn := Sniff{Encoding: s.Encoding, Delimiter: d, HeaderRow: s.HeaderRow}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	r, err := NewReader(f, sn)
	if errors.Is(err, ErrNoHeader) && sn.HeaderRow > 1 {
		// No record at or after the header line: empty if there is none at all.
		if _, err2 := f.Seek(0, io.SeekStart); err2 == nil {
			sn.HeaderRow = 1
			if _, err2 = NewReader(f, sn); errors.Is(err2, ErrNoHeader) {
				err = ErrEmpty
			}
		}
	} else if errors.Is(err, ErrNoHeader) {
		err = ErrEmpty
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return textSource{r, f}, nil
}

// headerLiner is a Source that knows the line of its header.
type headerLiner interface {
	Source
	headerLine() int
}

func (r *Reader) headerLine() int { return r.line }

// limited applies MaxColumns and MaxCellSize to the rows of a Source.
type limited struct{ headerLiner }

func limit(src Source) (Source, error) {
	l := limited{src.(headerLiner)}
	if _, err := checkLimits(Row{Line: l.headerLine(), Fields: l.Header()}); err != nil {
		src.Close()
		return nil, err
	}
	return l, nil
}

// Date1904 tells the date system of the workbook read; false for text.
func (l limited) Date1904() bool {
	d, ok := l.headerLiner.(DateSystem)
	return ok && d.Date1904()
}

func (l limited) Next() (Row, error) {
	row, err := l.headerLiner.Next()
	if err != nil {
		return row, err
	}
	return checkLimits(row)
}

func checkLimits(row Row) (Row, error) {
	if len(row.Fields) > MaxColumns {
		n := len(row.Fields)
		for n > 0 && strings.TrimSpace(row.Fields[n-1]) == "" {
			n--
		}
		if n > MaxColumns {
			return Row{}, &LimitError{Line: row.Line, Column: MaxColumns + 1, Err: ErrTooWide}
		}
		row.Fields = row.Fields[:n]
	}
	for i, c := range row.Fields {
		if len(c) > MaxCellSize {
			return Row{}, &LimitError{Line: row.Line, Column: i + 1, Err: ErrCellTooLarge}
		}
	}
	return row, nil
}

// binary reports decoded text that holds more control characters than text
// ever does (more than one in ten; random or compressed bytes have about one
// in eight, while a text export with a few damaged rows stays far below).
func binary(text string) bool {
	ctl, n := 0, 0
	for _, r := range text {
		n++
		if r < 0x20 && r != '\t' && r != '\r' && r != '\n' && r != '\f' || r == utf8.RuneError || r >= 0x7F && r < 0xA0 {
			ctl++
		}
	}
	return n >= 16 && ctl*10 > n
}
