package reconcile

import "sort"

// Subset sums: which of a client's open invoices a deposit pays together.
// The search is bounded (at most maxSubsetItems candidates, at most
// maxSubsetK invoices in one combination, and a budget of steps), looks for
// the fewest invoices first, and keeps looking after the first combination
// so that it can tell whether another combination of as many invoices gives
// the same sum: then the deposit is ambiguous.

const (
	maxSubsetItems  = 30    // candidates, the client's oldest open invoices
	maxSubsetK      = 5     // invoices in one combination
	subsetBudget    = 20000 // search steps per deposit and client
	maxSubsetAnswer = 3     // combinations kept (two already make it ambiguous)
)

// subsetResult is what a subset search found.
type subsetResult struct {
	sets     [][]int // indexes into the amounts searched, each set in increasing index order
	k        int     // invoices per set (all sets have the fewest found)
	complete bool    // the search covered every combination of k (and of fewer) invoices
}

// subsetSums finds combinations of two to maxK amounts whose sum is target,
// with the fewest amounts: every combination of the smallest size that has
// one (up to maxSubsetAnswer of them). Amounts must be positive.
func subsetSums(amounts []int64, target int64, maxK, budget int) subsetResult {
	n := len(amounts)
	res := subsetResult{complete: true}
	if n < 2 || target <= 0 {
		return res
	}
	// Largest first, so that sums overshoot early and branches are cut.
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return amounts[order[i]] > amounts[order[j]] })
	a := make([]int64, n)
	for i, o := range order {
		a[i] = amounts[o]
	}
	prefix := make([]int64, n+1) // prefix[i] = a[0]+…+a[i-1]
	for i, v := range a {
		prefix[i+1] = prefix[i] + v
	}
	steps := 0
	pick := make([]int, 0, maxK)
	var found [][]int
	var dfs func(start, need int, rest int64) bool
	dfs = func(start, need int, rest int64) bool {
		if need == 0 {
			if rest == 0 {
				set := make([]int, len(pick))
				for i, p := range pick {
					set[i] = order[p]
				}
				sort.Ints(set)
				found = append(found, set)
				return len(found) >= maxSubsetAnswer
			}
			return false
		}
		// The need smallest amounts are the last ones.
		if prefix[n]-prefix[n-need] > rest {
			return false
		}
		for i := start; i <= n-need; i++ {
			steps++
			if steps > budget {
				res.complete = false
				return true
			}
			// The largest sum from here on is a[i..i+need-1]; later ones are smaller.
			if prefix[i+need]-prefix[i] < rest {
				return false
			}
			if a[i] > rest {
				continue
			}
			pick = append(pick, i)
			stop := dfs(i+1, need-1, rest-a[i])
			pick = pick[:len(pick)-1]
			if stop {
				return true
			}
		}
		return false
	}
	for k := 2; k <= maxK && k <= n; k++ {
		stop := dfs(0, k, target)
		if len(found) > 0 {
			res.sets, res.k = found, k
			return res
		}
		if stop {
			return res // out of budget
		}
	}
	return res
}

// combinations is n choose k as a float, for weighing how likely a sum is by chance.
func combinations(n, k int) float64 {
	if k < 0 || k > n {
		return 0
	}
	c := 1.0
	for i := 1; i <= k; i++ {
		c = c * float64(n-k+i) / float64(i)
	}
	return c
}
