package release

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"unicode/utf16"
)

// nsisSignature follows the 4 flag bytes of an NSIS installer's first header.
var nsisSignature = append([]byte{0xEF, 0xBE, 0xAD, 0xDE}, "NullsoftInst"...)

// InstallerStrings reads the text an NSIS installer's script left in its
// header: registry keys and values, file names, shortcut names, language
// strings. 7-Zip lists an installer's files but, as Debian builds it, not
// its script; the test of the installer reads its registry entries here.
// Only non-solid, Deflate-compressed Unicode installers (NSIS 3's
// default, and ours) are understood.
func InstallerStrings(path string) ([]string, error) {
	exe, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	// The first header sits on a 512-byte boundary after the stub.
	start := -1
	for off := 0; off+32 <= len(exe); off += 512 {
		if bytes.Equal(exe[off+4:off+20], nsisSignature) {
			start = off
			break
		}
	}
	if start < 0 {
		return nil, errors.New("not an NSIS installer")
	}
	block := exe[start+28:]
	if len(block) < 4 {
		return nil, errors.New("NSIS header cut short")
	}
	size := binary.LittleEndian.Uint32(block)
	if size&0x80000000 == 0 {
		return nil, errors.New("NSIS header not compressed the expected way (solid or stored)")
	}
	n := int(size & 0x7fffffff)
	if 4+n > len(block) {
		return nil, errors.New("NSIS header cut short")
	}
	header, err := io.ReadAll(flate.NewReader(bytes.NewReader(block[4 : 4+n])))
	if err != nil {
		return nil, err
	}
	return utf16Strings(header), nil
}

// utf16Strings splits little-endian UTF-16 text into its runs of printable
// characters. NUL ends a string; NSIS's codes 1 to 4 (a language string, a
// shell folder, a variable, a skip), each followed by one code unit with the
// number, stand for a value filled in at install time and read as "$".
func utf16Strings(b []byte) []string {
	var out []string
	var run []uint16
	flush := func() {
		if len(run) >= 3 {
			out = append(out, string(utf16.Decode(run)))
		}
		run = run[:0]
	}
	for i := 0; i+1 < len(b); i += 2 {
		c := binary.LittleEndian.Uint16(b[i:])
		switch {
		case c >= 1 && c <= 4:
			run = append(run, '$')
			i += 2
		case c == '\t' || c == '\r' || c == '\n' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c < 0xFFFE):
			run = append(run, c)
		default:
			flush()
		}
	}
	flush()
	return out
}
