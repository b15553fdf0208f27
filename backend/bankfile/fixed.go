package bankfile

import "strings"

// Fixed-width text statements (Banco de Chile's TXT cartola, Banco de
// Venezuela's) have no delimiter: each field sits at a fixed position of the
// line. cutFixed turns such lines into cells, one per field of the layout,
// so that the rest of the table reader treats them like any delimited row
// whose columns are found by position.

// fixedEnd is the length of a line the layout fills exactly.
func fixedEnd(fields []FixedField) int {
	end := 0
	for _, f := range fields {
		end = max(end, f.Start-1+f.Width)
	}
	return end
}

// cutFixed cuts each line into the fields of the layout, trimmed. A line
// longer than the layout widens its Grow field (a description that
// overflows) and moves the fields after it; a shorter line leaves the fields
// it does not reach empty.
func cutFixed(lines []tableRow, fields []FixedField) []tableRow {
	end := fixedEnd(fields)
	grow := -1
	for i, f := range fields {
		if f.Grow {
			grow = i
			break
		}
	}
	out := make([]tableRow, len(lines))
	for i, l := range lines {
		text := []rune(l.cells[0])
		extra := 0
		if grow >= 0 && len(text) > end {
			extra = len(text) - end
		}
		cells := make([]string, len(fields))
		for j, f := range fields {
			start, width := f.Start-1, f.Width
			switch {
			case grow >= 0 && j == grow:
				width += extra
			case grow >= 0 && f.Start > fields[grow].Start:
				start += extra
			}
			if start < 0 || start >= len(text) {
				continue
			}
			stop := min(len(text), start+width)
			cells[j] = strings.TrimSpace(string(text[start:stop]))
		}
		out[i] = tableRow{line: l.line, cells: cells}
	}
	return out
}
