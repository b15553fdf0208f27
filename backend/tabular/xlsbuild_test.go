package tabular

import (
	"bytes"
	endian "encoding/binary"
	"math"
	"testing"
	"unicode/utf16"
)

// This file writes small Excel 97-2003 files for the tests: BIFF records by
// hand, in an OLE2 container of our own. It makes the cases no spreadsheet
// program writes on request (Excel 95 text in Mac Roman, strings cut across
// CONTINUE records in both widths, cells out of order, damage of every kind).

// rec is one BIFF record of type typ whose data is the parts, joined.
func rec(typ uint16, parts ...[]byte) []byte {
	data := bytes.Join(parts, nil)
	return append(endian.LittleEndian.AppendUint16(endian.LittleEndian.AppendUint16(nil, typ), uint16(len(data))), data...)
}

func u8(v int) []byte  { return []byte{byte(v)} }
func u16(v int) []byte { return endian.LittleEndian.AppendUint16(nil, uint16(v)) }
func u32(v int) []byte { return endian.LittleEndian.AppendUint32(nil, uint32(v)) }
func f64(v float64) []byte {
	return endian.LittleEndian.AppendUint64(nil, math.Float64bits(v))
}

// latin1 is s in one byte per character (every character must be below 256).
func latin1(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r))
	}
	return b
}

// wide is s in UTF-16LE.
func wide(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = endian.LittleEndian.AppendUint16(b, u)
	}
	return b
}

// ustr is a BIFF8 XLUnicodeString with a 16-bit length: compressed when
// every character fits in a byte.
func ustr(s string) []byte {
	n := len(utf16.Encode([]rune(s)))
	for _, r := range s {
		if r > 0xFF {
			return bytes.Join([][]byte{u16(n), u8(1), wide(s)}, nil)
		}
	}
	return bytes.Join([][]byte{u16(n), u8(0), latin1(s)}, nil)
}

// Records of a BIFF8 workbook.
func bof8(kind int) []byte {
	return rec(recBOF, u16(0x0600), u16(kind), u16(0), u16(0), u32(0), u32(0))
}
func bof5(kind int) []byte { return rec(recBOF, u16(0x0500), u16(kind), u16(0), u16(0)) }
func eof() []byte          { return rec(recEOF) }
func codepage(cp int) []byte {
	return rec(recCodePage, u16(cp))
}
func labelSST(row, col, i int) []byte { return rec(recLabelSST, u16(row), u16(col), u16(15), u32(i)) }
func number(row, col int, v float64) []byte {
	return rec(recNumber, u16(row), u16(col), u16(15), f64(v))
}
func rk(row, col int, v uint32) []byte { return rec(recRK, u16(row), u16(col), u16(15), u32(int(v))) }
func label8(row, col int, s string) []byte {
	return rec(recLabel, u16(row), u16(col), u16(15), ustr(s))
}
func blank(row, col int) []byte { return rec(recBlank, u16(row), u16(col), u16(15)) }

// sst is an SST record holding strs, with no CONTINUE.
func sst(strs ...string) []byte {
	parts := [][]byte{u32(len(strs)), u32(len(strs))}
	for _, s := range strs {
		parts = append(parts, ustr(s))
	}
	return rec(recSST, parts...)
}

// formula is a FORMULA record whose cached result is the 8 bytes result
// (a float64, or a typed value ending in FF FF), with a one-token formula.
func formula(row, col int, result []byte) []byte {
	return rec(recFormula, u16(row), u16(col), u16(15), result, u16(0), u32(0), u16(1), u8(0x17))
}

// special is the result bytes of a formula that returned no number.
func special(typ, value int) []byte {
	return []byte{byte(typ), 0, byte(value), 0, 0, 0, 0xFF, 0xFF}
}

// sheetBody is one sheet of a workbook to write: its records between BOF and EOF.
type sheetBody struct {
	name    string
	kind    int // BOUNDSHEET type: 0 worksheet, 2 chart
	records [][]byte
}

// biffStream writes a workbook stream: the globals (BOF, the extra
// records, one BOUNDSHEET per sheet, EOF), then each sheet's substream, then
// zeros up to 4 KB so the stream stays out of OLE2's mini stream.
func biffStream(biff8 bool, extra [][]byte, sheets ...sheetBody) []byte {
	bof := bof8
	if !biff8 {
		bof = bof5
	}
	bound := func(start int, s sheetBody) []byte {
		name := append(u8(len(s.name)), s.name...) // Excel 95: the bytes, in the code page
		if biff8 {
			name = append(u8(len(utf16.Encode([]rune(s.name)))), ustr(s.name)[2:]...)
		}
		return rec(recBoundSheet, u32(start), u8(0), u8(s.kind), name)
	}
	size := len(bof(5)) + len(eof())
	for _, r := range extra {
		size += len(r)
	}
	for _, s := range sheets {
		size += len(bound(0, s))
	}
	var subs []byte
	var globals [][]byte
	globals = append(globals, bof(5))
	globals = append(globals, extra...)
	for _, s := range sheets {
		globals = append(globals, bound(size+len(subs), s))
		kind := bofWorksheet
		if s.kind == 2 {
			kind = 0x0020
		}
		subs = append(subs, bof(kind)...)
		for _, r := range s.records {
			subs = append(subs, r...)
		}
		subs = append(subs, eof()...)
	}
	globals = append(globals, eof())
	stream := append(bytes.Join(globals, nil), subs...)
	for len(stream) < 4096 {
		stream = append(stream, 0)
	}
	return stream
}

// stream is a named stream of an OLE2 file.
type stream struct {
	name string
	data []byte // at least 4096 bytes, so that it lives in regular sectors
}

// ole2 writes a version 3 compound file holding streams under its root:
// the streams' sectors, one directory sector, then the FAT.
func ole2(streams ...stream) []byte {
	const sector = 512
	const (
		free       = 0xFFFFFFFF
		endOfChain = 0xFFFFFFFE
		fatSect    = 0xFFFFFFFD
		noStream   = 0xFFFFFFFF
	)
	var body []byte
	var fat []uint32
	starts := make([]int, len(streams))
	for i, s := range streams {
		starts[i] = len(fat)
		data := append([]byte(nil), s.data...)
		for len(data)%sector != 0 {
			data = append(data, 0)
		}
		n := len(data) / sector
		for j := range n {
			next := uint32(len(fat) + 1)
			if j == n-1 {
				next = endOfChain
			}
			fat = append(fat, next)
		}
		body = append(body, data...)
	}
	dirSector := len(fat)
	fat = append(fat, endOfChain)
	dir := make([]byte, sector)
	entry := func(i int, name string, typ byte, child, right uint32, start uint32, size int) {
		e := dir[i*128 : (i+1)*128]
		n := wide(name)
		copy(e, n)
		endian.LittleEndian.PutUint16(e[64:], uint16(len(n)+2))
		e[66], e[67] = typ, 1 // black
		endian.LittleEndian.PutUint32(e[68:], noStream)
		endian.LittleEndian.PutUint32(e[72:], right)
		endian.LittleEndian.PutUint32(e[76:], child)
		endian.LittleEndian.PutUint32(e[116:], start)
		endian.LittleEndian.PutUint32(e[120:], uint32(size))
	}
	entry(0, "Root Entry", 5, 1, noStream, endOfChain, 0)
	for i, s := range streams {
		right := uint32(noStream)
		if i+1 < len(streams) {
			right = uint32(i + 2)
		}
		entry(i+1, s.name, 2, noStream, right, uint32(starts[i]), len(s.data))
	}
	body = append(body, dir...)
	// FAT sectors: enough for every sector, themselves included.
	nFat := 1
	for (len(fat)+nFat)*4 > nFat*sector {
		nFat++
	}
	if nFat > 109 {
		panic("ole2: more than 109 FAT sectors (streams over 6 MB) need a DIFAT, which this writer does not write")
	}
	first := len(fat)
	for range nFat {
		fat = append(fat, fatSect)
	}
	for len(fat)*4 < nFat*sector {
		fat = append(fat, free)
	}
	for _, v := range fat {
		body = endian.LittleEndian.AppendUint32(body, v)
	}
	h := make([]byte, sector)
	copy(h, oleMagic)
	endian.LittleEndian.PutUint16(h[24:], 0x3E)
	endian.LittleEndian.PutUint16(h[26:], 3)
	endian.LittleEndian.PutUint16(h[28:], 0xFFFE)
	endian.LittleEndian.PutUint16(h[30:], 9)
	endian.LittleEndian.PutUint16(h[32:], 6)
	endian.LittleEndian.PutUint32(h[44:], uint32(nFat))
	endian.LittleEndian.PutUint32(h[48:], uint32(dirSector))
	endian.LittleEndian.PutUint32(h[56:], 4096)
	endian.LittleEndian.PutUint32(h[60:], endOfChain)
	endian.LittleEndian.PutUint32(h[68:], endOfChain)
	for i := range 109 {
		v := uint32(free)
		if i < nFat {
			v = uint32(first + i)
		}
		endian.LittleEndian.PutUint32(h[76+4*i:], v)
	}
	return append(h, body...)
}

// xlsFile writes a workbook stream into an OLE2 file named name.
func xlsFile(t testing.TB, name string, workbook []byte) string {
	t.Helper()
	return write(t, name, ole2(stream{"Workbook", workbook}))
}
