package markdown

import (
	"bytes"
	"strconv"

	"ismsgen/generator/diag"
)

// pandoc reads "a." and "i." as the markers of lists lettered or
// numbered in roman numerals, and comply's policies are written so: "a."
// items, "i." items indented by four spaces under them. CommonMark shows
// an "a." line as text, and the indented items after a blank line as
// code. Such a list, of two items or more or with items under its
// items, is shown as a numbered list, the items under its items nested,
// with a warning naming its markers; an indented item shown as code
// under text gets a warning saying how to write it.

// letterMarker is the marker of a line of a lettered list: its column,
// its letters, the value they stand for in either reading, the column
// of the item's text and where that text starts in the line.
type letterMarker struct {
	indent, content int
	letters         []byte
	upper           bool
	alpha, roman    int // 0: not so read
	text            int
}

// columnOf is the column of line's first character that is not a space
// or a tab, tabs stopping every four columns as CommonMark reads them,
// and its offset in line.
func columnOf(line []byte) (col, at int) {
	for ; at < len(line); at++ {
		switch line[at] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col, at
		}
	}
	return col, at
}

// readLetterMarker reads the marker that line starts with, after spaces
// or tabs: one letter, or a roman numeral of two letters or more up to
// xxxix, all lowercase or all uppercase, a '.' and one to four spaces
// before text.
func readLetterMarker(line []byte) (letterMarker, bool) {
	var m letterMarker
	var at int
	m.indent, at = columnOf(line)
	i := at
	for i < len(line) && ('a' <= line[i] && line[i] <= 'z' || 'A' <= line[i] && line[i] <= 'Z') {
		i++
	}
	m.letters = line[at:i]
	if len(m.letters) == 0 || i+2 > len(line) || line[i] != '.' {
		return m, false
	}
	lower := bytes.ToLower(m.letters)
	m.upper = lower[0] != m.letters[0]
	if !bytes.Equal(m.letters, lower) && !bytes.Equal(m.letters, bytes.ToUpper(m.letters)) {
		return m, false // "Mr." or "No.": a word, not a marker
	}
	spaces := 0
	for j := i + 1; j < len(line) && line[j] == ' '; j++ {
		spaces++
	}
	if spaces == 0 || spaces > 4 || i+1+spaces >= len(line) || line[i+1+spaces] == '\r' {
		return m, false
	}
	m.text = i + 1 + spaces
	m.content = m.indent + len(m.letters) + 1 + spaces
	if len(m.letters) == 1 {
		m.alpha = int(lower[0]-'a') + 1
	}
	m.roman = romanValue(lower)
	return m, m.alpha > 0 || m.roman > 0
}

// romanValue is the value of the roman numeral s, in lowercase, from i
// to xxxix; 0 when s is none.
func romanValue(s []byte) int {
	for v := 39; v > 0; v-- {
		if string(s) == romanNumeral(v) {
			return v
		}
	}
	return 0
}

func romanNumeral(v int) string {
	ones := []string{"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"}
	return string(bytes.Repeat([]byte("x"), v/10)) + ones[v%10]
}

// letterLevel is one list of a lettered run: its markers' column, its
// items' text's, how its markers are read and the first and last values.
type letterLevel struct {
	indent, content int
	roman, upper    bool
	first, last     int
}

// value is m's value in the level's reading, and whether m goes on the
// level's list: the same marker again (a., a., a.) or the next, in the
// same case.
func (l letterLevel) value(m letterMarker) (int, bool) {
	v := m.alpha
	if l.roman {
		v = m.roman
	}
	return v, v > 0 && m.upper == l.upper && (v == l.first || v == l.last+1)
}

// newLevel is the list that m opens: "i." and numerals of more letters
// are roman, other letters lettered.
func newLevel(m letterMarker) letterLevel {
	l := letterLevel{indent: m.indent, content: m.content, upper: m.upper,
		roman: m.roman > 0 && (len(m.letters) > 1 || m.letters[0] == 'i' || m.letters[0] == 'I')}
	l.first, _ = l.value(m)
	if l.first == 0 {
		l.first = m.alpha
	}
	l.last = l.first
	return l
}

// letterItemAt is an item of a run, at line n, to write with value.
type letterItemAt struct {
	n     int
	m     letterMarker
	value int
	roman bool // read as a roman numeral
}

// letterRun reads the run of lettered lists whose first item is ls[i],
// at the margin after a blank line: its items, the line it ends before,
// whether it nests lists and the readings its markers have.
func letterRun(ls [][]byte, i int) (items []letterItemAt, end int, nested bool, alpha, roman bool) {
	first, _ := readLetterMarker(ls[i])
	stack := []letterLevel{newLevel(first)}
	items = []letterItemAt{{i, first, stack[0].first, stack[0].roman}}
	blank, afterItem := false, true
	for end = i + 1; end < len(ls); end++ {
		line := bytes.TrimRight(ls[end], "\r")
		if len(bytes.TrimSpace(line)) == 0 {
			blank = true
			continue
		}
		k, at := columnOf(line)
		if bytes.HasPrefix(line[at:], []byte("```")) || bytes.HasPrefix(line[at:], []byte("~~~")) {
			break // a fence: left as CommonMark reads it
		}
		wasBlank := blank
		blank = false
		m, ok := readLetterMarker(line)
		if ok && (wasBlank || afterItem) {
			d := len(stack) - 1
			for d >= 0 && stack[d].indent != k {
				d--
			}
			if d >= 0 {
				v, goesOn := stack[d].value(m)
				if !goesOn {
					break
				}
				stack = stack[:d+1]
				stack[d].last = v
				items = append(items, letterItemAt{end, m, v, stack[d].roman})
				afterItem = true
				continue
			}
			if top := stack[len(stack)-1]; wasBlank && k >= top.content && k < top.content+4 {
				l := newLevel(m)
				stack = append(stack, l)
				items = append(items, letterItemAt{end, m, l.first, l.roman})
				nested, afterItem = true, true
				continue
			}
			if k < stack[len(stack)-1].content {
				break
			}
		}
		afterItem = false
		if !wasBlank {
			continue // the item's text goes on
		}
		for len(stack) > 0 && k < stack[len(stack)-1].content {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			break
		}
	}
	for _, it := range items {
		roman = roman || it.roman
		alpha = alpha || !it.roman
	}
	return items, end, nested, alpha, roman
}

// numbered writes the items of a run with numbers in place of their
// letters, each item's text where it was; false when a number does not
// fit.
func numbered(ls [][]byte, items []letterItemAt) bool {
	out := make([][]byte, len(items))
	for j, it := range items {
		num := strconv.Itoa(it.value)
		spaces := it.m.content - it.m.indent - len(num) - 1
		if spaces < 1 || spaces > 4 {
			return false
		}
		line := ls[it.n]
		out[j] = append(append(append(bytes.Repeat([]byte(" "), it.m.indent), num+"."...), bytes.Repeat([]byte(" "), spaces)...), line[it.m.text:]...)
	}
	for j, it := range items {
		ls[it.n] = out[j]
	}
	return true
}

// mayLetter reports whether a line of body starts, after spaces or
// tabs, with letters, a '.' and a space: letteredLists' test.
func mayLetter(body []byte) bool {
	for rest := body; len(rest) > 0; {
		line := bytes.TrimLeft(rest, " \t")
		i := 0
		for i < len(line) && ('a' <= line[i] && line[i] <= 'z' || 'A' <= line[i] && line[i] <= 'Z') {
			i++
		}
		if i > 0 && i+1 < len(line) && line[i] == '.' && line[i+1] == ' ' {
			return true
		}
		n := bytes.IndexByte(rest, '\n')
		if n < 0 {
			break
		}
		rest = rest[n+1:]
	}
	return false
}

// letteredLists returns body with pandoc's lettered lists numbered, and
// where it did so or where an item is shown as code.
func letteredLists(body []byte) ([]byte, []Foreign) {
	if !mayLetter(body) {
		return body, nil
	}
	ls := bytes.Split(body, []byte("\n"))
	var found []Foreign
	var code fence
	changed := false
	inList := false // in a CommonMark list, whose indented lines are its text
	blank := true   // the line above is blank, or there is none
	above := 0      // the indent of the last line not blank
	for i := 0; i < len(ls); i++ {
		line := bytes.TrimRight(ls[i], "\r")
		if code.holds(line) {
			continue
		}
		k := indentOf(line)
		if f, ok := openFence(line[k:]); ok && (k < 4 || inList) {
			code = f.in(k)
			blank = false
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			blank = true
			continue
		}
		wasBlank := blank
		blank = false
		m, isLetter := readLetterMarker(line)
		switch {
		case isLetter && m.indent == 0 && wasBlank:
			items, end, nested, alpha, roman := letterRun(ls, i)
			if (len(items) > 1 || nested) && numbered(ls, items) {
				found = append(found, letteredFound(i, alpha, roman))
				changed, inList = true, false
				i, blank, above = end-1, true, 0
				continue
			}
		case isLetter && m.indent >= 4 && wasBlank && !inList && above < 4:
			found = append(found, Foreign{Line: i, Code: "lettered-list",
				Message: diag.Msg("the item %s is shown as code: CommonMark shows a line indented by four spaces after a blank line as code, and reads letter and roman markers (a., i.) as text", string(m.letters)+"."),
				Hint:    diag.Msg("number the items 1., 2., 3. and indent each item of an item's list to that item's text, three spaces under \"1. \"")})
		}
		if listMarker.Match(line) {
			inList = true
		} else if k == 0 && (wasBlank || line[0] == '#') {
			inList = false
		}
		above, _ = columnOf(line)
	}
	if !changed {
		return body, found
	}
	return bytes.Join(ls, []byte("\n")), found
}

// letteredFound is the Foreign of a lettered list at line at, shown
// numbered.
func letteredFound(at int, alpha, roman bool) Foreign {
	f := Foreign{Line: at, Code: "lettered-list",
		Hint: diag.Msg("number the items 1., 2., 3. and indent each item of an item's list to that item's text, three spaces under \"1. \"")}
	switch {
	case alpha && roman:
		f.Message = diag.Msg("the list marked with letters and roman numerals (a., b. and i., ii.), as pandoc writes it, is shown numbered (1., 2.), its indented items as lists within its items: CommonMark shows such markers as text and the indented items as code")
	case roman:
		f.Message = diag.Msg("the list marked with roman numerals (i., ii.), as pandoc writes it, is shown numbered (1., 2.): CommonMark shows such markers as text")
	default:
		f.Message = diag.Msg("the list marked with letters (a., b.), as pandoc writes it, is shown numbered (1., 2.): CommonMark shows such markers as text")
	}
	return f
}
