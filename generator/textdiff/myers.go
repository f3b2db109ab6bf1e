package textdiff

import "github.com/sergi/go-diff/diffmatchpatch"

// The diff of two texts' units before the clean-up, written again on the
// units themselves: go-diff's DiffMainRunes (with no deadline and no
// line mode, as Diff calls it) turns the units into a string and back at
// every step of its recursion and merges strings, and was two thirds of
// the time of a diff. This gives the same diffs, step for step (Myers'
// bisection, the same splits, the same merge after each), with the
// units kept as numbers; internal/fast turns it on, go-diff's own runs
// otherwise, and a test holds the two to the same results.

// edit is a diffmatchpatch.Diff whose text is a run of units. A text is
// never written to once made: the merge makes a new one when it joins
// two, so texts may share their units.
type edit struct {
	op   diffmatchpatch.Operation
	text []rune
}

// myers holds what the diffs of one units reuse.
type myers struct {
	v          []int    // the bisection's two paths
	free       [][]edit // lists of edits to reuse: each step's is copied into its caller's
	equalities []int    // the clean-up's stack of equalities
	joined     []rune   // the clean-up's texts around an edit, joined
	// The texts the merges make are cut from the arena, emptied when a
	// diff starts (newDiff): none outlives its diff.
	arena []rune
}

// newDiff empties the arena: the texts of the diff before are no longer
// used.
func (m *myers) newDiff() { m.arena = m.arena[:0] }

// list is an empty list of edits, one used before if there is one.
func (m *myers) list() []edit {
	if n := len(m.free); n > 0 {
		l := m.free[n-1]
		m.free = m.free[:n-1]
		return l[:0]
	}
	return make([]edit, 0, 8)
}

// done takes back a list no longer used.
func (m *myers) done(l []edit) {
	if cap(l) > 0 {
		m.free = append(m.free, l)
	}
}

// diffMain is DiffMainRunes(text1, text2, false) with no deadline.
func (m *myers) diffMain(text1, text2 []rune) []diffmatchpatch.Diff {
	edits := m.main(text1, text2)
	out := make([]diffmatchpatch.Diff, len(edits))
	for i, e := range edits {
		out[i] = diffmatchpatch.Diff{Type: e.op, Text: string(e.text)}
	}
	m.done(edits)
	return out
}

// main is go-diff's diffMainRunes.
func (m *myers) main(text1, text2 []rune) []edit {
	if runesEqual(text1, text2) {
		if len(text1) > 0 {
			return []edit{{diffmatchpatch.DiffEqual, text1}}
		}
		return nil
	}
	n := prefixLength(text1, text2)
	prefix := text1[:n]
	text1, text2 = text1[n:], text2[n:]
	n = suffixLength(text1, text2)
	suffix := text1[len(text1)-n:]
	text1, text2 = text1[:len(text1)-n], text2[:len(text2)-n]

	diffs := m.list()
	if len(prefix) != 0 {
		diffs = append(diffs, edit{diffmatchpatch.DiffEqual, prefix})
	}
	diffs = m.compute(diffs, text1, text2)
	if len(suffix) != 0 {
		diffs = append(diffs, edit{diffmatchpatch.DiffEqual, suffix})
	}
	return m.cleanupMerge(diffs)
}

// compute is go-diff's diffCompute, its edits appended to diffs: the
// texts share no start or end.
func (m *myers) compute(diffs []edit, text1, text2 []rune) []edit {
	if len(text1) == 0 {
		return append(diffs, edit{diffmatchpatch.DiffInsert, text2})
	}
	if len(text2) == 0 {
		return append(diffs, edit{diffmatchpatch.DiffDelete, text1})
	}
	long, short := text2, text1
	if len(text1) > len(text2) {
		long, short = text1, text2
	}
	if i := runesIndex(long, short); i != -1 {
		op := diffmatchpatch.DiffInsert
		if len(text1) > len(text2) {
			op = diffmatchpatch.DiffDelete
		}
		return append(diffs, edit{op, long[:i]}, edit{diffmatchpatch.DiffEqual, short}, edit{op, long[i+len(short):]})
	}
	if len(short) == 1 {
		return append(diffs, edit{diffmatchpatch.DiffDelete, text1}, edit{diffmatchpatch.DiffInsert, text2})
	}
	// The half match go-diff tries next runs only with a deadline.
	x, y, ok := m.bisect(text1, text2)
	if !ok {
		return append(diffs, edit{diffmatchpatch.DiffDelete, text1}, edit{diffmatchpatch.DiffInsert, text2})
	}
	for _, half := range [2][]edit{m.main(text1[:x], text2[:y]), m.main(text1[x:], text2[y:])} {
		diffs = append(diffs, half...)
		m.done(half)
	}
	return diffs
}

// bisect is go-diff's diffBisect up to where it splits the texts: the
// middle snake's point, or false when the texts have nothing in common.
// The paths are found before the halves are diffed, so the halves reuse
// their memory.
func (m *myers) bisect(runes1, runes2 []rune) (int, int, bool) {
	len1, len2 := len(runes1), len(runes2)
	maxD := (len1 + len2 + 1) / 2
	vOffset := maxD
	vLength := 2 * maxD
	if cap(m.v) < 2*vLength {
		m.v = make([]int, 2*vLength)
	}
	v1, v2 := m.v[:vLength], m.v[vLength:2*vLength]
	for i := range v1 {
		v1[i] = -1
		v2[i] = -1
	}
	v1[vOffset+1] = 0
	v2[vOffset+1] = 0
	delta := len1 - len2
	front := delta%2 != 0
	k1start, k1end, k2start, k2end := 0, 0, 0, 0
	for d := 0; d < maxD; d++ {
		for k1 := -d + k1start; k1 <= d-k1end; k1 += 2 {
			k1Offset := vOffset + k1
			var x1 int
			if k1 == -d || (k1 != d && v1[k1Offset-1] < v1[k1Offset+1]) {
				x1 = v1[k1Offset+1]
			} else {
				x1 = v1[k1Offset-1] + 1
			}
			y1 := x1 - k1
			for uint(x1) < uint(len(runes1)) && uint(y1) < uint(len(runes2)) && runes1[x1] == runes2[y1] {
				x1++
				y1++
			}
			v1[k1Offset] = x1
			if x1 > len1 {
				k1end += 2
			} else if y1 > len2 {
				k1start += 2
			} else if front {
				k2Offset := vOffset + delta - k1
				if k2Offset >= 0 && k2Offset < vLength && v2[k2Offset] != -1 {
					if x2 := len1 - v2[k2Offset]; x1 >= x2 {
						return x1, y1, true
					}
				}
			}
		}
		for k2 := -d + k2start; k2 <= d-k2end; k2 += 2 {
			k2Offset := vOffset + k2
			var x2 int
			if k2 == -d || (k2 != d && v2[k2Offset-1] < v2[k2Offset+1]) {
				x2 = v2[k2Offset+1]
			} else {
				x2 = v2[k2Offset-1] + 1
			}
			y2 := x2 - k2
			for uint(len1-x2-1) < uint(len(runes1)) && uint(len2-y2-1) < uint(len(runes2)) && runes1[len1-x2-1] == runes2[len2-y2-1] {
				x2++
				y2++
			}
			v2[k2Offset] = x2
			if x2 > len1 {
				k2end += 2
			} else if y2 > len2 {
				k2start += 2
			} else if !front {
				k1Offset := vOffset + delta - k2
				if k1Offset >= 0 && k1Offset < vLength && v1[k1Offset] != -1 {
					x1 := v1[k1Offset]
					y1 := vOffset + x1 - k1Offset // as go-diff computes it
					if x1 >= len1-x2 {
						return x1, y1, true
					}
				}
			}
		}
	}
	return 0, 0, false
}

// cleanupMerge is go-diff's DiffCleanupMerge on edits: it joins the
// edits of one kind in a row, takes what a deletion and an insertion
// next to each other share at their start and end out of them, and
// shifts an edit between two equalities sideways when that removes one.
func (m *myers) cleanupMerge(diffs []edit) []edit {
	diffs = append(diffs, edit{diffmatchpatch.DiffEqual, nil})
	pointer := 0
	countDelete, countInsert := 0, 0
	var textDelete, textInsert []rune
	for pointer < len(diffs) {
		switch diffs[pointer].op {
		case diffmatchpatch.DiffInsert:
			countInsert++
			textInsert = m.join(textInsert, diffs[pointer].text)
			pointer++
		case diffmatchpatch.DiffDelete:
			countDelete++
			textDelete = m.join(textDelete, diffs[pointer].text)
			pointer++
		case diffmatchpatch.DiffEqual:
			if countDelete+countInsert > 1 {
				if countDelete != 0 && countInsert != 0 {
					if n := prefixLength(textInsert, textDelete); n != 0 {
						x := pointer - countDelete - countInsert
						if x > 0 && diffs[x-1].op == diffmatchpatch.DiffEqual {
							diffs[x-1].text = m.concat(diffs[x-1].text, textInsert[:n])
						} else {
							diffs = append([]edit{{diffmatchpatch.DiffEqual, m.concat(nil, textInsert[:n])}}, diffs...)
							pointer++
						}
						textInsert = textInsert[n:]
						textDelete = textDelete[n:]
					}
					if n := suffixLength(textInsert, textDelete); n != 0 {
						insertIndex := len(textInsert) - n
						deleteIndex := len(textDelete) - n
						diffs[pointer].text = m.concat(textInsert[insertIndex:], diffs[pointer].text)
						textInsert = textInsert[:insertIndex]
						textDelete = textDelete[:deleteIndex]
					}
				}
				if countDelete == 0 {
					diffs = splice(diffs, pointer-countInsert, countDelete+countInsert,
						edit{diffmatchpatch.DiffInsert, textInsert})
				} else if countInsert == 0 {
					diffs = splice(diffs, pointer-countDelete, countDelete+countInsert,
						edit{diffmatchpatch.DiffDelete, textDelete})
				} else {
					diffs = splice(diffs, pointer-countDelete-countInsert, countDelete+countInsert,
						edit{diffmatchpatch.DiffDelete, textDelete}, edit{diffmatchpatch.DiffInsert, textInsert})
				}
				pointer = pointer - countDelete - countInsert + 1
				if countDelete != 0 {
					pointer++
				}
				if countInsert != 0 {
					pointer++
				}
			} else if pointer != 0 && diffs[pointer-1].op == diffmatchpatch.DiffEqual {
				diffs[pointer-1].text = m.concat(diffs[pointer-1].text, diffs[pointer].text)
				diffs = append(diffs[:pointer], diffs[pointer+1:]...)
			} else {
				pointer++
			}
			countInsert, countDelete = 0, 0
			textDelete, textInsert = nil, nil
		}
	}
	if len(diffs[len(diffs)-1].text) == 0 {
		diffs = diffs[:len(diffs)-1]
	}

	// An edit between two equalities that it ends (or starts) with is
	// shifted over the one before (or after), which then goes.
	changes := false
	for pointer = 1; pointer < len(diffs)-1; pointer++ {
		if diffs[pointer-1].op != diffmatchpatch.DiffEqual || diffs[pointer+1].op != diffmatchpatch.DiffEqual {
			continue
		}
		prev, cur, next := diffs[pointer-1].text, diffs[pointer].text, diffs[pointer+1].text
		if hasSuffix(cur, prev) {
			diffs[pointer].text = m.concat(prev, cur[:len(cur)-len(prev)])
			diffs[pointer+1].text = m.concat(prev, next)
			diffs = splice(diffs, pointer-1, 1)
			changes = true
		} else if hasPrefix(cur, next) {
			diffs[pointer-1].text = m.concat(prev, next)
			diffs[pointer].text = m.concat(cur[len(next):], next)
			diffs = splice(diffs, pointer+1, 1)
			changes = true
		}
	}
	if changes {
		diffs = m.cleanupMerge(diffs)
	}
	return diffs
}

// splice is go-diff's: it replaces amount edits at index with elements.
func splice(s []edit, index, amount int, elements ...edit) []edit {
	if len(elements) == amount {
		copy(s[index:], elements)
		return s
	}
	if len(elements) < amount {
		copy(s[index:], elements)
		copy(s[index+len(elements):], s[index+amount:])
		end := len(s) - amount + len(elements)
		clear(s[end:])
		return s[:end]
	}
	need := len(s) - amount + len(elements)
	for len(s) < need {
		s = append(s, edit{})
	}
	copy(s[index+len(elements):], s[index+amount:])
	copy(s[index:], elements)
	return s
}

// join is a then b: b itself when a is empty, else a new text. A text
// is never written to, so b can be used as it is.
func (m *myers) join(a, b []rune) []rune {
	if len(a) == 0 {
		return b[:len(b):len(b)]
	}
	return m.concat(a, b)
}

// concat is a new text of a then b, made in the arena.
func (m *myers) concat(a, b []rune) []rune {
	n := len(a) + len(b)
	if cap(m.arena)-len(m.arena) < n {
		// A new slab; the texts in the old one keep it alive.
		m.arena = make([]rune, 0, max(4096, n))
	}
	at := len(m.arena)
	m.arena = append(append(m.arena, a...), b...)
	return m.arena[at : at+n : at+n]
}

func runesEqual(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i, r := range a {
		if r != b[i] {
			return false
		}
	}
	return true
}

// runesIndex is where b first is in a, or -1.
func runesIndex(a, b []rune) int {
	for i := 0; i+len(b) <= len(a); i++ {
		if runesEqual(a[i:i+len(b)], b) {
			return i
		}
	}
	return -1
}

func prefixLength(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func suffixLength(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-n-1] == b[len(b)-n-1] {
		n++
	}
	return n
}

func hasSuffix(s, suffix []rune) bool {
	return len(s) >= len(suffix) && runesEqual(s[len(s)-len(suffix):], suffix)
}

func hasPrefix(s, prefix []rune) bool {
	return len(s) >= len(prefix) && runesEqual(s[:len(prefix)], prefix)
}
