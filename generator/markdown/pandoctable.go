package markdown

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// pandoc writes a table whose cells are single lines as a "simple
// table", and one with cells of several lines as a "multiline table":
// columns under lines of dashes, with no '|' or '+' at all (Word
// documents converted with pandoc -t markdown are full of them):
//
//	  Role     Duty                 -------------------
//	  -------- ----------           Role     Duty
//	  Owner    Keeps it             -------- ----------
//	                                Owner    Keeps the
//	                                         list
//
//	                                -------------------
//
// CommonMark shows their rows as one paragraph between rules. Each is
// shown as a pipe table of its cells, those of several lines joined; the
// columns are where the dashes are, counted as pandoc lays them out (a
// Chinese character takes two), and the pipe table takes the lines the
// table did, the rest left empty.

// dashRuns reads a line of runs of dashes ("  -------- ------"): the
// columns each run covers; nil for any other line.
func dashRuns(line []byte) (runs [][2]int) {
	line = bytes.TrimRight(line, " \t\r")
	for i := 0; i < len(line); {
		switch line[i] {
		case ' ':
			i++
		case '-':
			j := i
			for j < len(line) && line[j] == '-' {
				j++
			}
			if j-i < 2 {
				return nil
			}
			runs = append(runs, [2]int{i, j})
			i = j
		default:
			return nil
		}
	}
	return runs
}

// sameRuns reports whether two lines of dashes mark the same columns,
// or a border (one run) spans the same width as the other.
func sameRuns(a, b [][2]int) bool {
	if len(a) == 1 || len(b) == 1 {
		return len(a) > 0 && len(b) > 0 && a[0][0] == b[0][0] && a[len(a)-1][1] == b[len(b)-1][1]
	}
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// pandocTable reads the pandoc table whose first line is ls[0] (its
// header, when head, else its line of dashes): the number of lines it
// takes and the lines of the pipe table that shows it, or 0 and nil.
func pandocTable(ls [][]byte, head bool) (n int, table [][]byte) {
	line := func(i int) []byte { return bytes.TrimRight(ls[i], "\r") }
	blankAt := func(i int) bool { return i >= len(ls) || len(bytes.TrimSpace(ls[i])) == 0 }
	var columns [][2]int
	var header [][]byte // the header's lines
	start := 1          // the first line of the rows
	multiline := false
	switch top := dashRuns(line(0)); {
	case head:
		if len(ls) < 2 || blankAt(0) {
			return 0, nil
		}
		if columns = dashRuns(line(1)); len(columns) < 2 {
			return 0, nil
		}
		header, start = [][]byte{line(0)}, 2
	case len(top) == 1:
		// a multiline table's border, its header, then its columns
		i := 1
		for ; i < len(ls) && !blankAt(i) && dashRuns(line(i)) == nil; i++ {
			header = append(header, line(i))
		}
		if i >= len(ls) || len(header) == 0 {
			return 0, nil
		}
		if columns = dashRuns(line(i)); len(columns) < 2 || !sameRuns(top, columns) {
			return 0, nil
		}
		start, multiline = i+1, true
	case len(top) >= 2:
		columns = top
	default:
		return 0, nil
	}
	// The rows: to a line of dashes followed by a blank line, or (after a
	// header) to a blank line.
	var rows [][][]byte
	var cur [][]byte
	end := -1 // the closing line of dashes
	for i := start; i < len(ls) && i-start < maxTableLines; i++ {
		if r := dashRuns(line(i)); r != nil {
			if !sameRuns(r, columns) || !blankAt(i+1) {
				return 0, nil
			}
			end = i
			break
		}
		if blankAt(i) {
			if !multiline && len(header) > 0 {
				end = i - 1 // a simple table ends at a blank line
				break
			}
			if blankAt(i + 1) {
				return 0, nil
			}
			multiline = true
			if cur != nil {
				rows, cur = append(rows, cur), nil
			}
			continue
		}
		cur = append(cur, line(i))
	}
	if end < 0 && start < len(ls) && len(header) > 0 && !multiline {
		end = len(ls) - 1 // a simple table at the end of the body
	}
	if end < 0 {
		return 0, nil
	}
	if cur != nil {
		rows = append(rows, cur)
	}
	if !multiline {
		// each line of a simple table is a row
		var single [][][]byte
		for _, r := range rows {
			for _, l := range r {
				single = append(single, [][]byte{l})
			}
		}
		rows = single
	}
	if len(header) == 0 {
		if len(rows) == 0 {
			return 0, nil
		}
		header, rows = rows[0], rows[1:] // the first row heads it, as in an HTML table
	}
	n = end + 1
	if 2+len(rows) > n {
		return 0, nil
	}
	indent := leadingSpaces(ls[0])
	out := func(cells []string) []byte {
		return []byte(strings.Repeat(" ", indent) + "| " + strings.Join(cells, " | ") + " |")
	}
	table = make([][]byte, n)
	table[0] = out(cellsOf(header, columns))
	delim := make([]string, len(columns))
	for i := range delim {
		delim[i] = "---"
	}
	table[1] = out(delim)
	for i, r := range rows {
		table[2+i] = out(cellsOf(r, columns))
	}
	return n, table
}

// cellsOf splits the lines of a row into its columns' cells, each
// cell's lines joined by a space.
func cellsOf(lines [][]byte, columns [][2]int) []string {
	parts := make([][]string, len(columns))
	for _, l := range lines {
		col, c, from := 0, 0, 0
		flush := func(to int) {
			if s := strings.TrimSpace(string(l[from:to])); s != "" {
				parts[c] = append(parts[c], strings.ReplaceAll(s, "|", `\|`))
			}
		}
		for i := 0; i < len(l); {
			r, size := utf8.DecodeRune(l[i:])
			for c+1 < len(columns) && col >= columns[c+1][0] {
				flush(i)
				c, from = c+1, i
			}
			col += runeWidth(r)
			i += size
		}
		flush(len(l))
	}
	cells := make([]string, len(columns))
	for i, p := range parts {
		cells[i] = strings.Join(p, " ")
	}
	return cells
}

// runeWidth is the number of columns pandoc gives a character: two for
// the wide characters of Chinese, Japanese and Korean, one otherwise.
func runeWidth(r rune) int {
	switch {
	case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF, r >= 0xAC00 && r <= 0xD7A3,
		r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6, r >= 0x20000 && r <= 0x3FFFD:
		return 2
	}
	return 1
}
