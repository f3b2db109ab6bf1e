package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"ismsgen/generator/diag"
)

// A pipe table's cell that holds an HTML list, | <ul><li>a</li><li>b</li></ul> |,
// as GitHub shows it, lost its tags and ran its items together ("ab"),
// with a raw-html warning. Such a list is written as an HTML table's
// cell writes one (listInCell): each item after "• " (or its number) on
// a line of its own, with warning html-list once per line. A list in
// code, or one that does not read as a list alone, is left as it was.

// cellListTag is a list written on one line, to the first closing tag of
// a list after it (a list in a list does not parse whole, and is left to
// its warning).
var cellListTag = regexp.MustCompile(`(?i)<(?:ul|ol)(?:\s[^<>]*)?>.*?</(?:ul|ol)\s*>`)

// listOpening is the opening tag of a list.
var listOpening = regexp.MustCompile(`(?i)<(?:ul|ol)[\s>]`)

// htmlCellLists writes the HTML lists in the cells of body's pipe tables
// as the items of their cells.
func htmlCellLists(body []byte) ([]byte, []Foreign) {
	if !bytes.Contains(body, []byte("<li")) && !bytes.Contains(body, []byte("<LI")) {
		return body, nil
	}
	var found []Foreign
	body = textLines(body, func(line []byte) bool {
		t := bytes.TrimSpace(line)
		return len(t) > 0 && t[0] == '|' && bytes.Contains(bytes.ToLower(line), []byte("<li"))
	}, func(n int, line []byte, spans [][2]int) []byte {
		var out []byte
		last := 0
		for _, m := range cellListTag.FindAllIndex(line, -1) {
			if inSpan(spans, m[0]) {
				continue
			}
			md, ok := cellList(line[m[0]:m[1]])
			if !ok {
				continue
			}
			out = append(append(out, line[last:m[0]]...), md...)
			last = m[1]
		}
		if out == nil {
			return line
		}
		found = append(found, Foreign{Line: n, Code: "html-list",
			Message: diag.Msg("an HTML list in a table's cell is shown as its items, each on a line of its own after • or its number; other formatting in it is left out"),
			Hint:    diag.Msg("write the items in the cell as • one<br>• two, or the list below the table")})
		return append(out, line[last:]...)
	})
	return body, found
}

// cellList is the text of a cell that the list written as tag shows
// (listInCell); false when tag is not one list of items alone.
func cellList(tag []byte) (string, bool) {
	if len(listOpening.FindAllIndex(tag, 2)) != 1 {
		return "", false // a list in a list: the match ends at the inner one's end
	}
	nodes, err := html.ParseFragment(bytes.NewReader(tag), &html.Node{Type: html.ElementNode, Data: "td", DataAtom: atom.Td})
	if err != nil || len(nodes) != 1 || nodes[0].Type != html.ElementNode || nodes[0].DataAtom != atom.Ul && nodes[0].DataAtom != atom.Ol {
		return "", false
	}
	var b strings.Builder
	if !listInCell(&b, nodes[0]) || b.Len() == 0 {
		return "", false
	}
	return b.String(), true
}
