package bankfile

import (
	"reflect"
	"testing"
)

func TestCutFixed_GrowsTheOverflowingField(t *testing.T) {
	fields := []FixedField{{Start: 1, Width: 3}, {Start: 4, Width: 5, Grow: true}, {Start: 9, Width: 2}}
	lines := []tableRow{
		{line: 1, cells: []string{"001abcdeXY"}},    // exact
		{line: 2, cells: []string{"002abcdefghXY"}}, // description three longer
		{line: 3, cells: []string{"003ab"}},         // short: later fields empty
		{line: 4, cells: []string{"004ñandúXY"}},    // runes, not bytes
	}
	want := [][]string{{"001", "abcde", "XY"}, {"002", "abcdefgh", "XY"}, {"003", "ab", ""}, {"004", "ñandú", "XY"}}
	got := cutFixed(lines, fields)
	for i := range want {
		if !reflect.DeepEqual(got[i].cells, want[i]) || got[i].line != lines[i].line {
			t.Errorf("line %d: %q, want %q", i+1, got[i].cells, want[i])
		}
	}
}
