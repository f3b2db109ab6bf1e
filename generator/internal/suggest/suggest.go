// Package suggest finds the "did you mean" for a mistyped key, id or
// department: the closest candidate within two edits.
package suggest

import "strings"

// MaxDistance is the largest edit distance that still counts as a typo.
const MaxDistance = 2

// Closest returns the candidate closest to word within MaxDistance edits
// (ties: the smaller candidate), comparing case-insensitively, or "".
func Closest(word string, candidates []string) string {
	w := strings.ToLower(word)
	best, bestD := "", MaxDistance+1
	for _, c := range candidates {
		d := Distance(w, strings.ToLower(c))
		if d < bestD || d == bestD && c < best {
			best, bestD = c, d
		}
	}
	return best
}

// Distance is the edit distance between a and b (insertions, deletions,
// substitutions and transpositions of adjacent characters), capped at
// MaxDistance+1 so that clearly different words cost little.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if abs(len(ra)-len(rb)) > MaxDistance {
		return MaxDistance + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > MaxDistance {
			return MaxDistance + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], MaxDistance+1)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Budget limits how many expensive searches (over thousands of ids) one
// run makes: a document set with hundreds of wrong ids gets suggestions
// for the first ones and a plain hint for the rest.
type Budget struct{ left int }

// NewBudget allows n searches.
func NewBudget(n int) *Budget { return &Budget{left: n} }

// Take reports whether a search may run and counts it.
func (b *Budget) Take() bool {
	if b.left <= 0 {
		return false
	}
	b.left--
	return true
}
