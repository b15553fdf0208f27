package bankfile

import (
	"errors"
	"io"
	"os"
	"sort"
)

// SniffSize is how many bytes of a file the formats look at to claim it.
const SniffSize = 64 << 10

// MaxFileSize is the largest statement file read (a 100,000-line export is
// about 15 MB); a larger one is refused with a message, not read into memory.
const MaxFileSize = 256 << 20

// format is one statement format: how it recognises a file from its first
// bytes and how it reads it. Each format's file registers itself in an init.
type format struct {
	name Format
	// rank orders the claims: lower ranks are asked first. Structured formats
	// that recognise a signature use 10..50; the spreadsheet/text reader,
	// which takes anything tabular, uses 100.
	rank  int
	claim func(head []byte) bool
	read  func(path string, opt Options) (File, error)
}

var formats []format

// register adds a format; called from the init of each format's file.
func register(f format) {
	formats = append(formats, f)
	sort.SliceStable(formats, func(i, j int) bool { return formats[i].rank < formats[j].rank })
}

// ErrUnknownFormat means no format claimed the file.
var ErrUnknownFormat = errors.New("bankfile: not a statement format Cartera reads")

// Detect tells the format of a file from its first bytes ("" if none claims it).
func Detect(head []byte) Format {
	for _, f := range formats {
		if f.claim(head) {
			return f.name
		}
	}
	return ""
}

// Read reads the statement file at path, whatever its format; the format is
// told from the content, never from the extension. A file that cannot be
// read whole returns an *Error naming the line, and no lines.
func Read(path string, opt Options) (File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return File{}, err
	}
	st, err := fh.Stat()
	if err != nil {
		fh.Close()
		return File{}, err
	}
	if st.Size() == 0 {
		fh.Close()
		return File{}, &Error{Key: "bank.empty_file"}
	}
	if st.Size() > MaxFileSize {
		fh.Close()
		return File{}, &Error{Key: "bank.file_too_large", Params: map[string]string{"max": "256 MB"}}
	}
	head := make([]byte, SniffSize)
	n, err := io.ReadFull(fh, head)
	fh.Close()
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return File{}, err
	}
	head = head[:n]
	for _, f := range formats {
		if f.claim(head) {
			file, err := f.read(path, opt)
			if err != nil {
				return File{}, err
			}
			file.Format = f.name
			return file, nil
		}
	}
	return File{}, &Error{Key: "bank.unknown_format", Err: ErrUnknownFormat}
}
