package suggest

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// scratch holds what one search reuses: the word's characters for the
// cheap filters, and the buffers of distance.
type scratch struct {
	runes            []rune
	prev2, prev, cur []int
	ascii            bool       // the word is ASCII
	hist             [128]int16 // how often each character occurs in it
	set              uint64     // which characters occur in it (see bit)
}

// count records the word's characters for farApart.
func (s *scratch) count(w []rune) {
	s.ascii = true
	for _, r := range w {
		if r >= utf8.RuneSelf {
			s.ascii = false
			return
		}
		s.hist[r]++
		s.set |= 1 << bit[r]
	}
}

// bit numbers the ASCII characters for a 64-bit set: digits and letters
// one bit each, the rest sharing bits (which only makes the set weaker).
var bit = func() (b [128]uint8) {
	for i := range b {
		switch {
		case '0' <= i && i <= '9':
			b[i] = uint8(i - '0')
		case 'a' <= i && i <= 'z':
			b[i] = uint8(10 + i - 'a')
		default:
			b[i] = uint8(36 + i%28)
		}
	}
	return b
}()

// charSet returns the set of c's characters in lower case, and whether c
// is ASCII (the set is 0 when not).
func charSet(c string) (uint64, bool) {
	var set uint64
	for i := 0; i < len(c); i++ {
		if c[i] >= utf8.RuneSelf {
			return 0, false
		}
		set |= 1 << bit[lowerASCII(c[i])]
	}
	return set, true
}

// farApart reports whether the ASCII word and the ASCII candidate c, whose
// characters are set, certainly are more than MaxDistance edits apart:
// their lengths differ by more, or they have more than 2*MaxDistance
// characters that the other lacks, or their character counts differ by
// more than that (an edit changes the counts by at most two, a
// transposition by none). Each test is cheaper than the next, and all are
// cheaper than distance.
func (s *scratch) farApart(w []rune, c string, set uint64) bool {
	if abs(len(w)-len(c)) > MaxDistance || bits.OnesCount64(set^s.set) > 2*MaxDistance {
		return true
	}
	h := s.hist
	for i := 0; i < len(c); i++ {
		h[lowerASCII(c[i])]--
	}
	diff := 0
	for _, r := range w {
		diff += abs(int(h[r]))
		h[r] = 0
	}
	for i := 0; i < len(c); i++ {
		b := lowerASCII(c[i])
		diff += abs(int(h[b]))
		h[b] = 0
	}
	return diff > 2*MaxDistance
}

func lowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// lower returns the runes of strings.ToLower(c), in a buffer that the
// next call reuses.
func (s *scratch) lower(c string) []rune {
	for i := 0; i < len(c); i++ {
		if c[i] >= utf8.RuneSelf {
			return []rune(strings.ToLower(c))
		}
	}
	s.runes = s.runes[:0]
	for i := 0; i < len(c); i++ {
		s.runes = append(s.runes, rune(lowerASCII(c[i])))
	}
	return s.runes
}

// distance is Distance of runes, in buffers that the next call reuses.
func (s *scratch) distance(ra, rb []rune) int {
	if abs(len(ra)-len(rb)) > MaxDistance {
		return MaxDistance + 1
	}
	n := len(rb) + 1
	if cap(s.cur) < n {
		s.prev2, s.prev, s.cur = make([]int, n), make([]int, n), make([]int, n)
	}
	prev2, prev, cur := s.prev2[:n], s.prev[:n], s.cur[:n]
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
