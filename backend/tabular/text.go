// Package tabular reads the rows of the files businesses hand Cartera: CSV
// and TXT exports of ERPs, spreadsheets and banks. It finds what the user
// should not have to say — the encoding (UTF-8 with or without BOM, UTF-16,
// Windows-1252), the delimiter and the header row under title lines — and
// streams the rows with their line numbers, so that every problem can name
// its row. It knows nothing of clients or invoices.
package tabular

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names a text encoding this package reads.
type Encoding string

// Encodings, as the import wizard shows them.
const (
	UTF8        Encoding = "utf-8"
	UTF8BOM     Encoding = "utf-8-bom"
	UTF16LE     Encoding = "utf-16le"
	UTF16BE     Encoding = "utf-16be"
	Windows1252 Encoding = "windows-1252"
)

// Sniff is what the first bytes of a text file say about it; every field can be overridden.
type Sniff struct {
	Encoding  Encoding
	Delimiter rune // ',', ';', '\t' or '|'
	HeaderRow int  // 1-based line of the column names (after title rows)
}

// SniffSize is how much of a file Detect needs to look at.
const SniffSize = 64 << 10

// Detect guesses the encoding, delimiter and header row from the start of a file.
func Detect(head []byte) Sniff {
	return sniff(head, "", 0)
}

// sniff is Detect with the encoding and delimiter given when they are not zero.
func sniff(head []byte, e Encoding, d rune) Sniff {
	if e == "" {
		e = detectEncoding(head)
	}
	text, _ := decodeAll(head, e)
	lines := firstLines(text, headerWindow)
	if d == 0 {
		d = detectDelimiter(lines)
	}
	return Sniff{Encoding: e, Delimiter: d, HeaderRow: detectHeader(splitLines(lines, d))}
}

// headerWindow is how many rows from the top detectHeader looks at.
const headerWindow = 40

func detectEncoding(b []byte) Encoding {
	switch {
	case bytes.HasPrefix(b, utf8BOM) && !validUTF8(b[3:]):
		// A UTF-8 BOM over a Windows-1252 body: an export that wrote the
		// mark and then its own encoding. The body decides.
		return Windows1252
	case bytes.HasPrefix(b, utf8BOM):
		return UTF8BOM
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return UTF16LE
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return UTF16BE
	}
	// UTF-16 without a BOM: ASCII text with a zero in every other byte.
	if len(b) >= 4 {
		var evenZero, oddZero int
		n := min(len(b), 4096)
		for i := 0; i < n; i++ {
			if b[i] == 0 {
				if i%2 == 0 {
					evenZero++
				} else {
					oddZero++
				}
			}
		}
		switch {
		case oddZero > n/4 && evenZero < n/20:
			return UTF16LE
		case evenZero > n/4 && oddZero < n/20:
			return UTF16BE
		}
	}
	// Valid UTF-8 is UTF-8; anything else is 1252.
	if validUTF8(b) {
		return UTF8
	}
	return Windows1252
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// BOMOver1252 reports a file that starts with a UTF-8 BOM while the rest of
// head is not UTF-8: it is read as Windows-1252 without the mark, and the
// user is told.
func BOMOver1252(head []byte) bool {
	return bytes.HasPrefix(head, utf8BOM) && !validUTF8(head[3:])
}

// validUTF8 reports whether b is UTF-8, allowing a cut in the middle of its last rune.
func validUTF8(b []byte) bool {
	cut := b
	for i := 0; i < utf8.UTFMax && len(cut) > 0 && !utf8.Valid(cut); i++ {
		cut = cut[:len(cut)-1]
	}
	return utf8.Valid(cut)
}

// cp1252 decodes Windows-1252 and drops a UTF-8 BOM at the start, which
// in 1252 would read as "ï»¿" before the first column's name.
type cp1252 struct{}

func (cp1252) NewDecoder() *encoding.Decoder {
	return &encoding.Decoder{Transformer: transform.Chain(&dropBOM{}, charmap.Windows1252.NewDecoder())}
}

func (cp1252) NewEncoder() *encoding.Encoder { return charmap.Windows1252.NewEncoder() }

// dropBOM passes its input through, less a UTF-8 BOM at its start.
type dropBOM struct{ started bool }

func (t *dropBOM) Reset() { t.started = false }

func (t *dropBOM) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	if !t.started {
		if len(src) < 3 && !atEOF && bytes.HasPrefix(utf8BOM, src) {
			return 0, 0, transform.ErrShortSrc
		}
		t.started = true
		if bytes.HasPrefix(src, utf8BOM) {
			nSrc = 3
		}
	}
	n := copy(dst, src[nSrc:])
	nDst, nSrc = n, nSrc+n
	if nSrc < len(src) {
		err = transform.ErrShortDst
	}
	return nDst, nSrc, err
}

func decoder(e Encoding) encoding.Encoding {
	switch e {
	case UTF8BOM:
		return xunicode.UTF8BOM
	case UTF16LE:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)
	case UTF16BE:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM)
	case Windows1252:
		return cp1252{}
	}
	return encoding.Nop
}

func decodeAll(b []byte, e Encoding) (string, error) {
	out, _, err := transform.Bytes(decoder(e).NewDecoder(), b)
	return string(out), err
}

func firstLines(text string, n int) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if len(out) == n {
			break
		}
		out = append(out, l)
	}
	// The last line of a sniffed head may be cut short.
	if len(out) > 2 {
		out = out[:len(out)-1]
	}
	return out
}

var delimiters = []rune{';', ',', '\t', '|', '~'}

// detectDelimiter picks the delimiter that splits the most lines into the
// same number of fields (quotes respected), preferring more fields.
func detectDelimiter(lines []string) rune {
	best, bestScore := ',', -1
	for _, d := range delimiters {
		counts := map[int]int{}
		for _, l := range lines {
			if strings.TrimSpace(l) == "" {
				continue
			}
			if n := countFields(l, d); n > 1 {
				counts[n]++
			}
		}
		mode, freq := 0, 0
		for n, f := range counts {
			if f > freq || (f == freq && n > mode) {
				mode, freq = n, f
			}
		}
		if score := freq*100 + mode; freq > 0 && score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}

func countFields(line string, d rune) int {
	n, quoted := 1, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == d && !quoted:
			n++
		}
	}
	return n
}

// splitLines splits each line into its fields, one row per line (a blank line is a nil row).
func splitLines(lines []string, d rune) [][]string {
	rows := make([][]string, len(lines))
	for i, l := range lines {
		r := csv.NewReader(strings.NewReader(l))
		r.Comma, r.LazyQuotes, r.FieldsPerRecord = d, true, -1
		rows[i], _ = r.Read()
	}
	return rows
}

// detectHeader finds the row of column names: the first row with at least two
// non-empty cells, mostly words rather than numbers or dates, as wide as the
// rows that follow it. Title rows ("Listado de clientes", "Fecha: …") above it
// are skipped. rows[i] is row i+1 (blank rows included); the result is 1-based,
// and 1 when no row qualifies.
func detectHeader(rows [][]string) int {
	width := 0
	for _, r := range rows {
		width = max(width, filled(r))
	}
	for i, r := range rows {
		f := filled(r)
		if f < 2 || f*10 < width*6 {
			continue
		}
		words := 0
		for _, c := range r {
			if looksLikeWord(c) {
				words++
			}
		}
		if words*10 >= f*7 {
			return i + 1
		}
	}
	return 1
}

func filled(r []string) int {
	n := 0
	for _, c := range r {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

func looksLikeWord(c string) bool {
	c = strings.TrimSpace(c)
	letters := 0
	for _, r := range c {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2 && letters*2 >= utf8.RuneCountInString(c)
}

// Row is one record of a file and the line it starts on (1-based), for messages.
type Row struct {
	Line   int
	Fields []string
}

// Reader streams the rows of a text file after its header row.
type Reader struct {
	csv    *csv.Reader
	header []string
	line   int // of the header
}

// ErrNoHeader means the file ended before its header row.
var ErrNoHeader = errors.New("tabular: the file has no header row")

// NewReader reads r with the sniffed (or user-chosen) settings, skipping the
// rows above the header. Header returns the column names.
func NewReader(r io.Reader, s Sniff) (*Reader, error) {
	br := bufio.NewReaderSize(transform.NewReader(r, decoder(s.Encoding).NewDecoder()), 1<<16)
	// A UTF-8 BOM that the encoding did not announce is dropped too.
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	c := csv.NewReader(br)
	c.Comma, c.LazyQuotes, c.FieldsPerRecord, c.ReuseRecord = s.Delimiter, true, -1, false
	if c.Comma == 0 {
		c.Comma = ','
	}
	rd := &Reader{csv: c}
	for {
		rec, err := c.Read()
		if errors.Is(err, io.EOF) {
			return nil, ErrNoHeader
		}
		if err != nil {
			return nil, err
		}
		// The header is the first record at or after its line (blank lines
		// produce no record, so counting records would drift).
		if line, _ := c.FieldPos(0); line >= s.HeaderRow && filled(rec) > 0 {
			for j := range rec {
				rec[j] = strings.TrimSpace(rec[j])
			}
			rd.header, rd.line = rec, line
			return rd, nil
		}
	}
}

// Header is the column names, trimmed.
func (r *Reader) Header() []string { return r.header }

// Next returns the next row that is not blank, or io.EOF.
func (r *Reader) Next() (Row, error) {
	for {
		rec, err := r.csv.Read()
		if err != nil {
			return Row{}, err
		}
		line, _ := r.csv.FieldPos(0)
		if filled(rec) == 0 {
			continue
		}
		return Row{Line: line, Fields: rec}, nil
	}
}
