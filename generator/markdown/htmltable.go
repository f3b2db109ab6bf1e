package markdown

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"ismsgen/generator/diag"
)

// An HTML table (<table> … </table>) is common in sets written for
// GitHub, MkDocs or VuePress, where it is shown; here raw HTML is not,
// and a table dropped whole loses every word in it. A simple one (no
// cell spanning rows or columns, no table in a cell) becomes a pipe
// table of the same cells: text, links, pictures, code, bold, italics
// and line breaks kept, other tags left out. It is read with
// golang.org/x/net/html, as a browser reads it, and written as Markdown,
// so the links and pictures in it go through every check of the page's
// own. A cell spanning rows or columns is shown in the first row and
// column it covers, the others left empty: its words are kept, its
// shape is not. The pipe table takes as many lines as the HTML did, the
// rest left empty; a table written on fewer lines than it has rows stays
// HTML, left out with a warning as before.

// maxTableLines bounds the lines looked through for the closing tag.
const maxTableLines = 5000

// opensTable reports whether a line (without its indent) starts an HTML
// table.
func opensTable(trimmed []byte) bool {
	if len(trimmed) < 6 || !bytes.EqualFold(trimmed[:6], []byte("<table")) {
		return false
	}
	return len(trimmed) == 6 || trimmed[6] == '>' || trimmed[6] == ' ' || trimmed[6] == '\t'
}

// htmlTable reads the HTML table that starts ls[0]. n is the number of
// lines it spans (0 when it is not closed); table is its pipe table in n
// lines, nil when it is not simple enough or needs more lines; spanned
// says that a cell of it spanned rows or columns.
func htmlTable(ls [][]byte) (n int, table [][]byte, spanned bool) {
	depth := 0
	for n < len(ls) && n < maxTableLines {
		low := bytes.ToLower(ls[n])
		depth += bytes.Count(low, []byte("<table")) - bytes.Count(low, []byte("</table"))
		n++
		if depth <= 0 {
			break
		}
	}
	switch {
	case depth > 0 && n == len(ls):
		// A table left open at the end of the body, as a browser
		// closes it there: a document's revision table, most often.
		for n > 1 && len(bytes.TrimSpace(ls[n-1])) == 0 {
			n--
		}
	case depth > 0:
		return 0, nil, false
	case !bytes.HasSuffix(bytes.ToLower(bytes.TrimSpace(ls[n-1])), []byte("</table>")):
		return n, nil, false // text after the closing tag would be lost with it
	}
	rows, spanned, ok := tableRows(bytes.Join(ls[:n], []byte("\n")))
	if !ok || len(rows) == 0 {
		return n, nil, false
	}
	lines := pipeLines(rows, leadingSpaces(ls[0]))
	if lines == nil || len(lines) > n {
		return n, nil, false
	}
	table = make([][]byte, n)
	copy(table, lines)
	return n, table, spanned
}

// pipeLines are the lines of the pipe table of rows, indented by indent
// spaces: the first row heads it, as it does in most tables written
// without <th> (a pipe table has a header row), then the line of
// dashes and the other rows. nil when no row has a cell.
func pipeLines(rows []tableRow, indent int) [][]byte {
	columns := 0
	for _, r := range rows {
		columns = max(columns, len(r.cells))
	}
	if columns == 0 {
		return nil
	}
	line := func(cells []string) []byte {
		out := make([]string, columns)
		copy(out, cells)
		return []byte(strings.Repeat(" ", indent) + "| " + strings.Join(out, " | ") + " |")
	}
	lines := [][]byte{line(rows[0].cells), line(slices.Repeat([]string{"---"}, columns))}
	for _, r := range rows[1:] {
		lines = append(lines, line(r.cells))
	}
	return lines
}

// crampedTable is the Foreign of an HTML block that is a simple table
// (first, its first line, shown in the message) written on fewer lines
// than its pipe table takes, which could not be shown in its place (see
// htmlTable): a table on one line, most
// often. Its hint is the pipe table to write. ok is false for a block
// that is no such table.
func crampedTable(block, first []byte, shown string) (f Foreign, ok bool) {
	n := bytes.Count(bytes.TrimRight(block, "\n"), []byte("\n")) + 1
	if !opensTable(first) || !bytes.HasSuffix(bytes.ToLower(bytes.TrimSpace(block)), []byte("</table>")) {
		return Foreign{}, false // cut by a blank line, or text after it
	}
	rows, _, ok := tableRows(block)
	if !ok || len(rows) == 0 {
		return Foreign{}, false
	}
	lines := pipeLines(rows, 0)
	if lines == nil || len(lines) <= n {
		return Foreign{}, false // on lines enough, left out for another reason
	}
	f = Foreign{Code: "raw-html",
		Message: diag.Msg("an HTML table whose rows are not each on a line of their own is not shown, text and all (pages show no HTML written in a document): %s", shown),
		Hint: diag.Msg("put <table>, each <tr>…</tr> and </table> on lines of their own, and it is shown as a table; or write it as a pipe table, one line per row: %s, then %s",
			shortLine(lines[0]), shortLine(lines[1]))}
	if len(lines) > 2 {
		f.Hint = diag.Msg("put <table>, each <tr>…</tr> and </table> on lines of their own, and it is shown as a table; or write it as a pipe table, one line per row: %s, then %s, then a line for each other row, as %s",
			shortLine(lines[0]), shortLine(lines[1]), shortLine(lines[2]))
	}
	return f, true
}

// pipeRowLines are, for each line of table, the pipe table htmlTable
// wrote over the HTML table in ls, the lines of ls its row was written
// on (rowLines): the header's for the first, none for the line of
// dashes; nil when the rows read are not those of table (a row without
// its <tr>).
func pipeRowLines(ls [][]byte, table [][]byte) [][]int {
	rows := rowLines(bytes.Join(ls[:len(table)], []byte("\n")))
	if len(rows) == 0 || len(rows) != written(table)-1 {
		return nil
	}
	moved := make([][]int, len(table))
	moved[0] = rows[0]
	for k := 1; k < len(rows); k++ {
		moved[k+1] = rows[k]
	}
	return moved
}

// written is the number of lines of Markdown written over an HTML block's
// (lines), those before the first left empty (nil).
func written(lines [][]byte) int {
	n := 0
	for n < len(lines) && lines[n] != nil {
		n++
	}
	return n
}

// rowLines are the lines (from 0) of the rows of the simple HTML table
// src: each row's <tr>, then the line of each of its links (<a href>)
// and pictures (<img>), in the order its cells show them.
func rowLines(src []byte) [][]int {
	var rows [][]int
	tagLines(src, func(tag string, line int) {
		switch {
		case tag == "tr":
			rows = append(rows, []int{line})
		case tag != "li" && len(rows) > 0:
			rows[len(rows)-1] = append(rows[len(rows)-1], line)
		}
	})
	return rows
}

// itemLines are the lines (from 0) of the items of the HTML list src:
// each <li>'s, then the line of each link and picture up to the next.
func itemLines(src []byte) [][]int {
	var items [][]int
	tagLines(src, func(tag string, line int) {
		switch {
		case tag == "li":
			items = append(items, []int{line})
		case tag != "tr" && len(items) > 0:
			items[len(items)-1] = append(items[len(items)-1], line)
		}
	})
	return items
}

// linkTagLines are the lines (from 0) of the links (<a href>) and
// pictures (<img>) of the HTML src, in order.
func linkTagLines(src []byte) []int {
	var lines []int
	tagLines(src, func(tag string, line int) {
		if tag == "a" || tag == "img" {
			lines = append(lines, line)
		}
	})
	return lines
}

// tagLines calls seen with the line (from 0) of each <tr>, <li>, <a href>
// and <img> start tag of the HTML src, in order: the tags whose Markdown
// (a table's row, a list's item, a link, a picture) a body shows on
// fewer lines.
func tagLines(src []byte, seen func(tag string, line int)) {
	z := html.NewTokenizer(bytes.NewReader(src))
	line := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		at := line
		line += bytes.Count(z.Raw(), []byte("\n"))
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, more := z.TagName()
		switch string(name) {
		case "tr", "li", "img":
			seen(string(name), at)
		case "a":
			for more {
				var key, val []byte
				key, val, more = z.TagAttr()
				if string(key) == "href" && len(bytes.TrimSpace(val)) > 0 {
					seen("a", at)
					break
				}
			}
		}
	}
}

// shortLine is line, cut after 80 characters.
func shortLine(line []byte) string {
	if r := []rune(string(line)); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return string(line)
}

// tableRow is a row of an HTML table: its cells as Markdown.
type tableRow struct{ cells []string }

// tableCell is a cell as written: its Markdown and the columns and rows
// it spans.
type tableCell struct {
	text       string
	cols, rows int
}

// maxTableCells bounds the cells a table's spans may lay out.
const maxTableCells = 100_000

// tableRows parses src, an HTML table, into its rows, a cell spanning
// rows or columns laid out in the first of them (spanned). ok is false
// when the table is not simple: a table in a cell, more than one table.
func tableRows(src []byte) (rows []tableRow, spanned, ok bool) {
	nodes, err := html.ParseFragment(bytes.NewReader(src), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return nil, false, false
	}
	tables := 0
	var written [][]tableCell
	for _, n := range nodes {
		switch {
		case n.Type == html.ElementNode && n.DataAtom == atom.Table:
			tables++
			if tables > 1 {
				return nil, false, false
			}
			if written, ok = readTable(n); !ok {
				return nil, false, false
			}
		case n.Type == html.TextNode && strings.TrimSpace(n.Data) == "", n.Type == html.CommentNode:
		default:
			return nil, false, false // something beside the table, which would be lost
		}
	}
	if tables != 1 {
		return nil, false, false
	}
	rows, spanned, ok = layOut(written)
	return rows, spanned, ok
}

// layOut places the cells of each written row as a browser does: after
// the columns that cells of earlier rows span into it. A spanning cell's
// text is in its first row and column; the rest it covers are empty.
func layOut(written [][]tableCell) (rows []tableRow, spanned, ok bool) {
	var below []int // by column: rows still covered by a cell above
	cells := 0
	for i, w := range written {
		var r tableRow
		col := 0
		skipCovered := func() {
			for col < len(below) && below[col] > 0 {
				r.cells = append(r.cells, "")
				below[col]--
				col++
			}
		}
		for _, c := range w {
			skipCovered()
			down := c.rows
			if down == 0 || i+down > len(written) { // 0: to the end of the table
				down = len(written) - i
			}
			if c.cols > 1 || down > 1 {
				spanned = true
			}
			for k := range c.cols {
				text := ""
				if k == 0 {
					text = c.text
				}
				r.cells = append(r.cells, text)
				for len(below) <= col {
					below = append(below, 0)
				}
				below[col] = down - 1
				col++
			}
		}
		// Columns covered from above after this row's last cell.
		last := -1
		for c := col; c < len(below); c++ {
			if below[c] > 0 {
				last = c
			}
		}
		for ; col <= last; col++ {
			r.cells = append(r.cells, "")
			if below[col] > 0 {
				below[col]--
			}
		}
		if cells += len(r.cells); cells > maxTableCells {
			return nil, false, false
		}
		rows = append(rows, r)
	}
	return rows, spanned, true
}

// readTable reads the rows of a table element.
func readTable(t *html.Node) ([][]tableCell, bool) {
	var rows [][]tableCell
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
					return false // text outside any cell
				}
				continue
			}
			switch c.DataAtom {
			case atom.Thead, atom.Tbody, atom.Tfoot:
				if !walk(c) {
					return false
				}
			case atom.Tr:
				r, ok := readRow(c)
				if !ok {
					return false
				}
				rows = append(rows, r)
			case atom.Caption, atom.Colgroup, atom.Col:
				if c.DataAtom == atom.Caption && strings.TrimSpace(textOf(c)) != "" {
					return false // a caption would be lost
				}
			default:
				return false
			}
		}
		return true
	}
	return rows, walk(t)
}

// readRow reads a tr element's cells.
func readRow(tr *html.Node) ([]tableCell, bool) {
	var r []tableCell
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom != atom.Td && c.DataAtom != atom.Th {
			return r, false
		}
		var b strings.Builder
		if !cellMarkdown(&b, c) {
			return r, false
		}
		r = append(r, tableCell{
			text: strings.TrimSpace(breakSpaces.Replace(collapseSpaces(b.String()))),
			// as browsers read them: colspan 1 to 1000, rowspan 0 (to
			// the end) to 65534, anything else 1
			cols: span(attr(c, "colspan"), 1, 1000),
			rows: span(attr(c, "rowspan"), 0, 65534),
		})
	}
	return r, len(r) > 0
}

// span reads a colspan or rowspan value: its leading digits, between
// least and most; 1 when it has none.
func span(v string, least, most int) int {
	end := 0
	for end < len(v) && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	n, err := strconv.Atoi(v[:end])
	if err != nil || n < least {
		return 1
	}
	return min(n, most)
}

// cellMarkdown writes the content of n as inline Markdown; false for a
// table or a block that a line cannot hold (preformatted text). A list
// is its items, each after a bullet or its number, between line breaks.
func cellMarkdown(b *strings.Builder, n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !inlineMarkdown(b, c) {
			return false
		}
	}
	return true
}

// inlineMarkdown writes the node c as inline Markdown (see cellMarkdown).
func inlineMarkdown(b *strings.Builder, c *html.Node) bool {
	switch c.Type {
	case html.TextNode:
		b.WriteString(escapeCellText(c.Data))
		return true
	case html.ElementNode:
	default:
		return true
	}
	switch c.DataAtom {
	case atom.Table, atom.Pre:
		return false
	case atom.Ul, atom.Ol:
		// a list in a cell, as Google Docs exports write them
		return listInCell(b, c)
	case atom.Script, atom.Style, atom.Template, atom.Noscript:
		// not shown by a browser either
	case atom.Br:
		b.WriteString("<br>")
	case atom.A:
		href := attr(c, "href")
		if href == "" {
			return cellMarkdown(b, c)
		}
		b.WriteString("[")
		if !cellMarkdown(b, c) {
			return false
		}
		b.WriteString("](" + linkDest(href) + ")")
	case atom.Img:
		b.WriteString("![" + escapeCellText(attr(c, "alt")) + "](" + linkDest(attr(c, "src")) + ")")
	case atom.Code, atom.Kbd, atom.Tt, atom.Samp:
		code := collapseSpaces(textOf(c))
		if code == "" {
			return true
		}
		ticks := "`"
		for strings.Contains(code, ticks) {
			ticks += "`"
		}
		pad := ""
		if strings.HasPrefix(code, "`") || strings.HasSuffix(code, "`") {
			pad = " "
		}
		b.WriteString(ticks + pad + code + pad + ticks)
	case atom.Abbr, atom.Acronym:
		// its title is words a reader would otherwise lose: after it,
		// in brackets, as a printed page spells an abbreviation out
		var inner strings.Builder
		if !cellMarkdown(&inner, c) {
			return false
		}
		b.WriteString(inner.String())
		if title := collapseSpaces(attr(c, "title")); title != "" && title != collapseSpaces(textOf(c)) {
			b.WriteString(" (" + escapeCellText(title) + ")")
		}
	case atom.Strong, atom.B:
		wrapped(b, c, "**")
	case atom.Em, atom.I:
		wrapped(b, c, "*")
	case atom.P, atom.Div, atom.Li:
		if !cellMarkdown(b, c) {
			return false
		}
		b.WriteString(" ")
	case atom.Figcaption:
		// a picture's caption: on the line under it
		b.WriteString("<br>")
		if !cellMarkdown(b, c) {
			return false
		}
	default:
		return cellMarkdown(b, c)
	}
	return true
}

// listInCell writes the items of the list l after a line break each,
// marked with a bullet or their number; a nested list's items follow
// their item's text. A cell holds no list, and a list dropped would
// lose every word in it.
func listInCell(b *strings.Builder, l *html.Node) bool {
	number := listStart(l)
	for li := l.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode || li.DataAtom != atom.Li {
			if !inlineMarkdown(b, li) {
				return false
			}
			continue
		}
		if b.Len() > 0 {
			b.WriteString("<br>")
		}
		if l.DataAtom == atom.Ol {
			b.WriteString(strconv.Itoa(number) + ". ")
			number++
		} else {
			b.WriteString("• ")
		}
		if !cellMarkdown(b, li) {
			return false
		}
	}
	return true
}

// wrapped writes c's content between marks, when it has any text.
func wrapped(b *strings.Builder, c *html.Node, mark string) {
	var inner strings.Builder
	if !cellMarkdown(&inner, c) {
		b.WriteString(escapeCellText(textOf(c)))
		return
	}
	if s := strings.TrimSpace(inner.String()); s != "" {
		b.WriteString(mark + s + mark)
	}
}

// textOf is the text of n and its children.
func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// linkDest writes a link's destination so that Markdown reads it whole.
func linkDest(d string) string {
	if strings.ContainsAny(d, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(d) + ">"
	}
	return d
}

// cellText escapes what Markdown would read as formatting in a cell's
// text: the text is shown as it was.
var cellText = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", "&lt;", "&", "&amp;", "#", `\#`, "~", `\~`,
)

func escapeCellText(s string) string { return cellText.Replace(s) }

// breakSpaces drops the spaces around a line break, which the lines of
// the HTML around a list or a paragraph leave.
var breakSpaces = strings.NewReplacer(" <br> ", "<br>", " <br>", "<br>", "<br> ", "<br>")

// collapseSpaces turns each run of white space into one space.
func collapseSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }

// listStart is the number of an ordered list's first item.
func listStart(l *html.Node) int {
	if n, err := strconv.Atoi(attr(l, "start")); err == nil && n >= 0 && n < 1e9 {
		return n
	}
	return 1
}
