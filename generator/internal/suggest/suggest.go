// Package suggest finds the "did you mean" for a mistyped key, id or
// department: the closest candidate within two edits.
package suggest

import "strings"

// MaxDistance is the largest edit distance that still counts as a typo.
const MaxDistance = 2

// Closest returns the candidate closest to word within MaxDistance edits
// (ties: the smaller candidate), comparing case-insensitively, or "".
// For many searches over the same candidates, use an Index.
func Closest(word string, candidates []string) string {
	return search(word, candidates, nil)
}

// Index holds candidates prepared for many searches (the budgeted "did
// you mean" over every document id, on each rebuild of ismsgen serve):
// each search then passes over a candidate that is clearly too different
// in a few nanoseconds.
type Index struct {
	candidates []string
	sets       []uint64 // the characters of each ASCII candidate; see bit
	ascii      []bool
}

// NewIndex prepares candidates; the Index keeps the slice.
func NewIndex(candidates []string) *Index {
	ix := &Index{candidates: candidates, sets: make([]uint64, len(candidates)), ascii: make([]bool, len(candidates))}
	for i, c := range candidates {
		ix.sets[i], ix.ascii[i] = charSet(c)
	}
	return ix
}

// Closest is Closest(word, candidates) for the index's candidates.
func (ix *Index) Closest(word string) string {
	return search(word, ix.candidates, ix)
}

// search is Closest, with the candidates' sets from ix when it is not nil.
func search(word string, candidates []string, ix *Index) string {
	w := []rune(strings.ToLower(word))
	var s scratch
	s.count(w)
	best, bestD := "", MaxDistance+1
	for i, c := range candidates {
		var set uint64
		ascii := false
		if ix != nil {
			set, ascii = ix.sets[i], ix.ascii[i]
		} else if s.ascii {
			set, ascii = charSet(c)
		}
		if ascii && s.ascii && s.farApart(w, c, set) {
			continue // Distance would be MaxDistance+1, which never wins
		}
		d := s.distance(w, s.lower(c))
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
	var s scratch
	return s.distance([]rune(a), []rune(b))
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
