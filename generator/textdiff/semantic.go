package textdiff

import (
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// go-diff's DiffCleanupSemantic written again on edits, the units kept
// as numbers (a fast path beside it, as myers.go is beside
// DiffMainRunes): go-diff's works on strings, counts their runes again
// at every step and matches regular expressions at every place an edit
// could shift to, and was a fifth of the time of a diff. Its quirks are
// kept, as they are part of the result: the units' numbers are read as
// characters where it looks for spaces and line ends, and the overlap
// of a deletion and an insertion is measured in bytes of UTF-8 but
// compared with half their length in runes. A test holds the two to the
// same results.

// cleanupSemantic is DiffCleanupSemantic on edits.
func (m *myers) cleanupSemantic(diffs []edit) []edit {
	changes := false
	equalities := m.equalities[:0] // the indexes of the equalities found
	var lastEquality []rune        // the text of the last of them
	pointer := 0
	// The units inserted and deleted before the last equality, and after.
	var ins1, del1, ins2, del2 int
	for pointer < len(diffs) {
		if diffs[pointer].op == diffmatchpatch.DiffEqual {
			equalities = append(equalities, pointer)
			ins1, del1 = ins2, del2
			ins2, del2 = 0, 0
			lastEquality = diffs[pointer].text
		} else {
			if diffs[pointer].op == diffmatchpatch.DiffInsert {
				ins2 += len(diffs[pointer].text)
			} else {
				del2 += len(diffs[pointer].text)
			}
			// An equality no longer than the edits on either side of it
			// goes: it becomes a deletion and an insertion.
			if n := len(lastEquality); n > 0 && n <= max(ins1, del1) && n <= max(ins2, del2) {
				at := equalities[len(equalities)-1]
				diffs = splice(diffs, at, 0, edit{diffmatchpatch.DiffDelete, lastEquality})
				diffs[at+1].op = diffmatchpatch.DiffInsert
				equalities = equalities[:len(equalities)-1]
				if len(equalities) > 0 {
					equalities = equalities[:len(equalities)-1]
				}
				pointer = -1
				if len(equalities) > 0 {
					pointer = equalities[len(equalities)-1]
				}
				ins1, del1, ins2, del2 = 0, 0, 0, 0
				lastEquality = nil
				changes = true
			}
		}
		pointer++
	}
	m.equalities = equalities[:0]
	if changes {
		diffs = m.cleanupMerge(diffs)
	}
	diffs = m.cleanupSemanticLossless(diffs)

	// A deletion and an insertion that overlap (the end of one is the
	// start of the other) by at least half of either have the overlap
	// taken out as an equality.
	for pointer = 1; pointer < len(diffs); pointer++ {
		if diffs[pointer-1].op == diffmatchpatch.DiffDelete && diffs[pointer].op == diffmatchpatch.DiffInsert {
			deletion, insertion := diffs[pointer-1].text, diffs[pointer].text
			n1, n2 := commonOverlap(deletion, insertion), commonOverlap(insertion, deletion)
			b1, b2 := utf8Len(insertion[:n1]), utf8Len(deletion[:n2])
			// go-diff measures the overlaps in bytes and the edits in runes.
			if b1 >= b2 {
				if 2*b1 >= len(deletion) || 2*b1 >= len(insertion) {
					diffs = splice(diffs, pointer, 0, edit{diffmatchpatch.DiffEqual, insertion[:n1]})
					diffs[pointer-1].text = deletion[:len(deletion)-n1]
					diffs[pointer+1].text = insertion[n1:]
					pointer++
				}
			} else if 2*b2 >= len(deletion) || 2*b2 >= len(insertion) {
				diffs = splice(diffs, pointer, 0, edit{diffmatchpatch.DiffEqual, deletion[:n2]})
				diffs[pointer-1] = edit{diffmatchpatch.DiffInsert, insertion[:len(insertion)-n2]}
				diffs[pointer+1] = edit{diffmatchpatch.DiffDelete, deletion[n2:]}
				pointer++
			}
			pointer++
		}
	}
	return diffs
}

// cleanupSemanticLossless is DiffCleanupSemanticLossless on edits: an
// edit between two equalities is shifted sideways to where its ends
// score best (semanticScore). The three texts joined stay the same, so
// the edit is a window over them that moves.
func (m *myers) cleanupSemanticLossless(diffs []edit) []edit {
	for pointer := 1; pointer < len(diffs)-1; pointer++ {
		if diffs[pointer-1].op != diffmatchpatch.DiffEqual || diffs[pointer+1].op != diffmatchpatch.DiffEqual {
			continue
		}
		eq1, ed, eq2 := diffs[pointer-1].text, diffs[pointer].text, diffs[pointer+1].text
		t := append(append(append(m.joined[:0], eq1...), ed...), eq2...)
		m.joined = t
		n := len(ed)
		// First as far left as it goes, then right one unit at a time.
		p := len(eq1) - suffixLength(eq1, ed)
		score := func(p int) int { return semanticScore(t[:p], t[p:p+n]) + semanticScore(t[p:p+n], t[p+n:]) }
		best, bestScore := p, score(p)
		for n > 0 && p+n < len(t) && t[p] == t[p+n] {
			p++
			if s := score(p); s >= bestScore {
				best, bestScore = p, s
			}
		}
		if best == len(eq1) {
			continue
		}
		t = m.concat(t, nil) // the texts keep their units; t is used again
		if best > 0 {
			diffs[pointer-1].text = t[:best:best]
		} else {
			diffs = splice(diffs, pointer-1, 1)
			pointer--
		}
		diffs[pointer].text = t[best : best+n : best+n]
		if best+n < len(t) {
			diffs[pointer+1].text = t[best+n:]
		} else {
			diffs = append(diffs[:pointer+1], diffs[pointer+2:]...)
			pointer--
		}
	}
	return diffs
}

// semanticScore is go-diff's diffCleanupSemanticScore of the boundary
// between one and two: 6 at an end, 5 at a blank line, 4 at a line
// break, 3 at the end of a sentence, 2 at a space, 1 next to a
// character neither a letter nor a digit (of ASCII), else 0.
func semanticScore(one, two []rune) int {
	if len(one) == 0 || len(two) == 0 {
		return 6
	}
	c1, c2 := one[len(one)-1], two[0]
	nonAlnum1, nonAlnum2 := !asciiAlnum(c1), !asciiAlnum(c2)
	space1, space2 := nonAlnum1 && reSpace(c1), nonAlnum2 && reSpace(c2)
	break1, break2 := space1 && (c1 == '\r' || c1 == '\n'), space2 && (c2 == '\r' || c2 == '\n')
	// A blank line: one ends with \n\r?\n, two starts with \r?\n\r?\n.
	n := len(one)
	blank1 := break1 && c1 == '\n' && n >= 2 && (one[n-2] == '\n' || one[n-2] == '\r' && n >= 3 && one[n-3] == '\n')
	blank2 := false
	if break2 {
		j := 0
		if two[j] == '\r' {
			j++
		}
		if j < len(two) && two[j] == '\n' {
			j++
			if j < len(two) && two[j] == '\r' {
				j++
			}
			blank2 = j < len(two) && two[j] == '\n'
		}
	}
	switch {
	case blank1 || blank2:
		return 5
	case break1 || break2:
		return 4
	case nonAlnum1 && !space1 && space2:
		return 3
	case space1 || space2:
		return 2
	case nonAlnum1 || nonAlnum2:
		return 1
	}
	return 0
}

func asciiAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// reSpace is \s of Go's regular expressions.
func reSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r'
}

// commonOverlap is the most units the end of a and the start of b share
// (go-diff's DiffCommonOverlap, in units rather than bytes: an overlap
// in bytes of UTF-8 always falls between runes).
func commonOverlap(a, b []rune) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := min(len(a), len(b))
	a, b = a[len(a)-n:], b[:n]
	if runesEqual(a, b) {
		return n
	}
	best := 0
	for length := 1; ; {
		found := runesIndex(b, a[n-length:])
		if found == -1 {
			return best
		}
		length += found
		if found == 0 || runesEqual(a[n-length:], b[:length]) {
			best = length
			length++
		}
	}
}

// utf8Len is the length of s in bytes of UTF-8.
func utf8Len(s []rune) int {
	n := 0
	for _, r := range s {
		n += utf8.RuneLen(r)
	}
	return n
}
