package reconcile

import (
	"slices"
	"testing"
)

// Combinations are found with the fewest invoices, every combination of that
// size is reported (two make the deposit ambiguous), and a search that runs
// out of budget says so.
func TestSubsetSums(t *testing.T) {
	cases := []struct {
		name     string
		amounts  []int64
		target   int64
		budget   int
		sets     [][]int
		complete bool
	}{
		{"pair", []int64{100, 250, 400, 75}, 475, 1000, [][]int{{2, 3}}, true},
		{"three", []int64{100, 250, 400, 75}, 425, 1000, [][]int{{0, 1, 3}}, true},
		{"fewest first", []int64{300, 100, 200, 600}, 600, 1000, [][]int{{0, 1, 2}}, true},
		{"ambiguous pairs", []int64{100, 200, 150, 150, 50}, 300, 1000, [][]int{{0, 1}, {2, 3}}, true},
		{"none", []int64{100, 200, 400}, 250, 1000, nil, true},
		{"single is not a combination", []int64{100, 250}, 250, 1000, nil, true},
		{"all too large", []int64{7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47}, 1, 5, nil, true},
	}
	for _, c := range cases {
		r := subsetSums(c.amounts, c.target, maxSubsetK, c.budget)
		var got [][]int
		for _, s := range r.sets {
			got = append(got, s)
		}
		slices.SortFunc(got, slices.Compare[[]int])
		if !slices.EqualFunc(got, c.sets, slices.Equal[[]int]) || r.complete != c.complete {
			t.Errorf("%s: sets %v complete %v, want %v %v", c.name, got, r.complete, c.sets, c.complete)
		}
	}
	// A search with too little budget for what it must explore reports that it is incomplete.
	amounts := make([]int64, 30)
	for i := range amounts {
		amounts[i] = int64(1000 + 37*i)
	}
	if r := subsetSums(amounts, 1000+1037+1074+1111+1148-1, maxSubsetK, 50); r.complete {
		t.Errorf("a 50-step search over 30 amounts claims to be complete")
	}
}
