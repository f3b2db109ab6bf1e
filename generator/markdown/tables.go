package markdown

import (
	"bytes"

	"ismsgen/generator/diag"
)

// overflowingRows finds the rows of the pipe tables of a body that have
// more cells than the table's header: GitHub's tables (and goldmark's)
// show as many cells as the header has and drop the rest, text and all,
// and sets edited by hand often have a row with a cell too many. Rows
// whose extra cells are empty are fine. Only tables at the margin count
// (up to three spaces), outside fenced code; a line that starts another
// block ends a table.
func overflowingRows(body []byte) []Foreign {
	if bytes.IndexByte(body, '|') < 0 {
		return nil
	}
	var found []Foreign
	var code fence
	columns := 0 // the header's cells while in a table's rows, else 0
	var prev []byte
	for n, line := range bytes.Split(body, []byte("\n")) {
		line = bytes.TrimSuffix(line, []byte("\r"))
		if code.holds(line) {
			continue
		}
		if f, ok := openFence(bytes.TrimLeft(line, " ")); ok && leadingSpaces(line) < 4 {
			code, columns, prev = f, 0, nil
			continue
		}
		if leadingSpaces(line) >= 4 || blank(line) || startsBlock(line) {
			columns, prev = 0, nil
			if !blank(line) && leadingSpaces(line) < 4 {
				prev = line
			}
			continue
		}
		switch {
		case columns > 0:
			if cells := tableCells(line); len(cells) > columns && !allBlank(cells[columns:]) {
				found = append(found, Foreign{Line: n, Code: "table-cells",
					Message: diag.Msg("this table row has %d cells and its header %d: the cells after the first %d are not shown, text and all", len(cells), columns, columns),
					Hint:    diag.Msg("add a column to the header and to its line of ---, or join the extra cells into the row's last one")})
			}
		case prev != nil && bytes.IndexByte(line, '|') >= 0:
			if align, ok := delimiterRow(bytes.TrimSpace(line)); ok && len(align) == len(tableCells(prev)) {
				columns = len(align)
			}
		}
		prev = line
	}
	return found
}

// tableCells splits a table line into its cells as goldmark does: an
// outer '|' at either end dropped, then at every '|' not after a '\'
// (in code spans too).
func tableCells(line []byte) [][]byte {
	line = bytes.TrimSpace(line)
	line = bytes.TrimPrefix(line, []byte("|"))
	line = bytes.TrimSuffix(line, []byte("|"))
	if len(line) == 0 {
		return nil
	}
	var cells [][]byte
	start := 0
	for i := range line {
		if line[i] == '|' && (i == 0 || line[i-1] != '\\') {
			cells = append(cells, line[start:i])
			start = i + 1
		}
	}
	return append(cells, line[start:])
}

// startsBlock reports whether a line at the margin starts a block that
// ends a paragraph, and with it a table: a heading, a block quote, a
// list item, HTML.
func startsBlock(line []byte) bool {
	t := bytes.TrimLeft(line, " ")
	if len(t) == 0 {
		return false
	}
	switch t[0] {
	case '#', '>', '<':
		return true
	case '-', '*', '+':
		return len(t) == 1 || t[1] == ' ' || t[1] == '\t'
	}
	i := 0
	for i < len(t) && i < 9 && '0' <= t[i] && t[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && (t[i+1] == ' ' || t[i+1] == '\t')
}

func allBlank(cells [][]byte) bool {
	for _, c := range cells {
		if len(bytes.TrimSpace(c)) > 0 {
			return false
		}
	}
	return true
}

// escapeCodePipes returns body with each '|' in a code span of a pipe
// table's lines escaped ("`a|b`" → "`a\|b`"). GitHub's tables (and
// goldmark's) split cells at such a pipe, code or not, so a header
// holding one makes no table and a row holding one loses its last
// cells; MkDocs, Typora and pandoc keep the code whole, as its author
// meant. When there is none, body itself is returned.
func escapeCodePipes(body []byte) []byte {
	if !pipeBetweenTicks(body) {
		return body
	}
	ls := bytes.Split(body, []byte("\n"))
	changed := false
	var code fence
	columns := 0 // while in a table's rows, its header's cells
	prev := -1   // the line before, that may be a header
	for n, line := range ls {
		line = bytes.TrimSuffix(line, []byte("\r"))
		if code.holds(line) {
			continue
		}
		if f, ok := openFence(bytes.TrimLeft(line, " ")); ok && leadingSpaces(line) < 4 {
			code, columns, prev = f, 0, -1
			continue
		}
		if leadingSpaces(line) >= 4 || blank(line) || startsBlock(line) {
			columns, prev = 0, -1
			if !blank(line) && leadingSpaces(line) < 4 {
				prev = n
			}
			continue
		}
		switch {
		case columns > 0:
			if esc, ok := escapedInCode(ls[n]); ok {
				ls[n], changed = esc, true
			}
		case prev >= 0 && bytes.IndexByte(line, '|') >= 0:
			align, ok := delimiterRow(bytes.TrimSpace(line))
			if !ok {
				break
			}
			header, escaped := ls[prev], false
			if esc, ok := escapedInCode(header); ok {
				header, escaped = esc, true
			}
			if len(align) == len(tableCells(header)) {
				columns = len(align)
				if escaped {
					ls[prev], changed = header, true
				}
			}
		}
		prev = n
	}
	if !changed {
		return body
	}
	return bytes.Join(ls, []byte("\n"))
}

// escapedInCode is line with a '\' before each '|' in its code spans
// that has none; ok is false when there is no such '|'.
func escapedInCode(line []byte) ([]byte, bool) {
	if bytes.IndexByte(line, '`') < 0 {
		return nil, false
	}
	spans, ok := codeSpans(line)
	if !ok {
		return nil, false
	}
	var out []byte
	last := 0
	for _, s := range spans {
		for i := s[0]; i < s[1]; i++ {
			if line[i] == '|' && line[i-1] != '\\' {
				out = append(append(out, line[last:i]...), '\\')
				last = i
			}
		}
	}
	if out == nil {
		return nil, false
	}
	return append(out, line[last:]...), true
}

// pipeBetweenTicks reports whether a line of body has a '|' between two
// '`': only such a line can hold a pipe in code, and most bodies with
// tables and code have none, so they are not split into lines for it.
func pipeBetweenTicks(body []byte) bool {
	for len(body) > 0 {
		line := body
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = nil
		}
		first, last := bytes.IndexByte(line, '`'), bytes.LastIndexByte(line, '`')
		if first >= 0 && first < last && bytes.IndexByte(line[first:last], '|') >= 0 {
			return true
		}
	}
	return false
}
