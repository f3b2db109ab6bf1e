package markdown

import (
	"bytes"
	"regexp"
	"strings"
)

// titleLine reports whether line is a line of a pandoc title block: "%"
// alone or before a space.
func titleLine(line []byte) bool {
	return len(line) > 0 && line[0] == '%' && (len(line) == 1 || line[1] == ' ' || line[1] == '\t')
}

var (
	latexCommand = regexp.MustCompile(`^\\(newpage|pagebreak|clearpage|cleardoublepage|linebreak|newline|vfill|hfill|bigskip|medskip|smallskip)(\[[^\]]*\]|\{[^}]*\})?\s*$`)
	gridBorder   = regexp.MustCompile(`^ {0,3}\+(:?[-=]+:?\+)+\s*$`)
)

// gridTable reads the grid table whose top border is ls[0]: how many
// lines it takes, and the lines of the pipe table that shows it, or nil
// when its rows do not split into its columns by '|'.
func gridTable(ls [][]byte) (n int, table [][]byte) {
	top := bytes.TrimRight(ls[0], " \t\r")
	indent := len(top) - len(bytes.TrimLeft(top, " "))
	columns := bytes.Count(top, []byte("+")) - 1
	type row struct{ cells [][]string }
	var rows []row
	var cur *row
	header := -1 // the rows before the "+===+" border are the header
	align := aligns(top)
	for n = 1; n < len(ls); n++ {
		line := bytes.TrimRight(ls[n], " \t\r")
		if len(line) <= indent || len(bytes.TrimLeft(line[:indent], " ")) != 0 {
			break
		}
		body := line[indent:]
		switch {
		case gridBorder.Match(line):
			if bytes.IndexByte(body, '=') >= 0 && header < 0 {
				header = len(rows)
				if cur != nil {
					header++
				}
				align = aligns(body)
			}
			if cur != nil {
				rows = append(rows, *cur)
				cur = nil
			}
			continue
		case len(body) >= 2 && body[0] == '|' && body[len(body)-1] == '|':
			parts := strings.Split(string(body[1:len(body)-1]), "|")
			if len(parts) != columns {
				return skipRows(ls, indent), nil
			}
			if cur == nil {
				cur = &row{cells: make([][]string, columns)}
			}
			for c, p := range parts {
				if p = strings.TrimSpace(p); p != "" {
					cur.cells[c] = append(cur.cells[c], p)
				}
			}
			continue
		}
		break
	}
	if cur != nil || len(rows) == 0 {
		return 0, nil // no closing border: not a table
	}
	line := func(cells []string) []byte {
		return []byte(strings.Repeat(" ", indent) + "| " + strings.Join(cells, " | ") + " |")
	}
	joined := func(r row) []string {
		out := make([]string, columns)
		for c, parts := range r.cells {
			out[c] = strings.Join(parts, " ")
		}
		return out
	}
	head := make([]string, columns)
	if header > 0 {
		parts := make([][]string, columns)
		for _, r := range rows[:header] {
			for c := range columns {
				parts[c] = append(parts[c], r.cells[c]...)
			}
		}
		head = joined(row{cells: parts})
		rows = rows[header:]
	}
	table = append(table, line(head), line(align))
	for _, r := range rows {
		cells := joined(r)
		if strings.Join(cells, "") == "" {
			continue // a spacer row
		}
		table = append(table, line(cells))
	}
	return n, table
}

// skipRows is how many lines a grid table takes whose rows cannot be
// split: its border and the lines of borders and rows after it.
func skipRows(ls [][]byte, indent int) int {
	n := 1
	for n < len(ls) {
		body := bytes.TrimSpace(ls[n])
		if len(body) == 0 || body[0] != '|' && !gridBorder.Match(ls[n]) {
			break
		}
		n++
	}
	return n
}

// aligns reads the alignment of each column from a border's colons
// ("+:---+---:+") as a pipe table's delimiter row writes it.
func aligns(border []byte) []string {
	parts := strings.Split(strings.Trim(strings.TrimSpace(string(border)), "+"), "+")
	out := make([]string, len(parts))
	for i, p := range parts {
		left, right := strings.HasPrefix(p, ":"), strings.HasSuffix(p, ":")
		switch {
		case left && right:
			out[i] = ":---:"
		case right:
			out[i] = "---:"
		case left:
			out[i] = ":---"
		default:
			out[i] = "---"
		}
	}
	return out
}
