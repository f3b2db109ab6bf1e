package markdown

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// An HTML list (<ul> or <ol> and its <li> items) is common in pages
// generated for a web site (a list of commands, of steps) and in sets
// written for GitHub, which shows it; here raw HTML is not, and a list
// dropped whole loses every word in it. One whose items hold text,
// links, pictures, code, bold, italics, line breaks and lists becomes a
// Markdown list of the same items, read as tables are (htmltable.go):
// as many lines as the HTML took, the rest left empty. A list written
// on fewer lines than it has items, or with a table or preformatted
// text in an item, stays HTML, left out with a warning.

// opensList reports whether a line (without its indent) starts an HTML
// list.
func opensList(trimmed []byte) bool {
	if len(trimmed) < 3 || trimmed[0] != '<' || trimmed[1]|0x20 != 'u' && trimmed[1]|0x20 != 'o' || trimmed[2]|0x20 != 'l' {
		return false
	}
	return len(trimmed) == 3 || trimmed[3] == '>' || trimmed[3] == ' ' || trimmed[3] == '\t'
}

// htmlList reads the HTML list that starts ls[0]. n is the number of
// lines it spans (0 when it is not closed); list is its Markdown list in
// n lines, nil when it cannot be written so.
func htmlList(ls [][]byte) (n int, list [][]byte) {
	n, nodes := htmlElement(ls, false, "ul", "ol")
	if nodes == nil {
		return n, nil
	}
	var lines []string
	lists := 0
	for _, node := range nodes {
		switch {
		case node.Type == html.ElementNode && (node.DataAtom == atom.Ul || node.DataAtom == atom.Ol):
			lists++
			if lists > 1 || !listLines(&lines, node, strings.Repeat(" ", leadingSpaces(ls[0]))) {
				return n, nil
			}
		case node.Type == html.TextNode && strings.TrimSpace(node.Data) == "", node.Type == html.CommentNode:
		default:
			return n, nil // something beside the list, which would be lost
		}
	}
	// The line after the list must not run on as its last item's text.
	if len(lines) == 0 || len(lines) > n || len(lines) == n && n < len(ls) && len(bytes.TrimSpace(ls[n])) > 0 {
		return n, nil
	}
	list = make([][]byte, n)
	for i, l := range lines {
		list[i] = []byte(l)
	}
	return n, list
}

// htmlElement reads the HTML element that opens ls[0] and closes with a
// tag named one of names, nested ones counted: n is the number of lines
// up to its closing tag (0 when it does not close, or, with
// blankEnds, when a blank line comes first); nodes are those lines parsed
// as a browser does, nil when they cannot be shown for what they are:
// text after the closing tag, which would be lost with it, or a
// template tag, whose links name nothing here.
func htmlElement(ls [][]byte, blankEnds bool, names ...string) (n int, nodes []*html.Node) {
	depth := 0
	for n < len(ls) && n < maxTableLines {
		if blankEnds && len(bytes.TrimSpace(ls[n])) == 0 {
			return 0, nil // Markdown inside, shown as Markdown
		}
		depth += tagDepth(ls[n], names...)
		n++
		if depth <= 0 {
			break
		}
	}
	if depth > 0 {
		return 0, nil
	}
	last := bytes.ToLower(bytes.TrimSpace(ls[n-1]))
	if !slices.ContainsFunc(names, func(name string) bool { return bytes.HasSuffix(last, []byte("</"+name+">")) }) {
		return n, nil
	}
	src := bytes.Join(ls[:n], []byte("\n"))
	if bytes.Contains(src, []byte("{{")) || bytes.Contains(src, []byte("{%")) {
		return n, nil
	}
	nodes, err := html.ParseFragment(bytes.NewReader(src), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return n, nil
	}
	return n, nodes
}

// tagDepth is the number of elements named in names (lower case) that
// a line opens less the number it closes.
func tagDepth(line []byte, names ...string) int {
	depth := 0
	for i := bytes.IndexByte(line, '<'); i >= 0 && i+1 < len(line); {
		rest := line[i+1:]
		closing := rest[0] == '/'
		if closing {
			rest = rest[1:]
		}
		for _, name := range names {
			if len(rest) >= len(name) && bytes.EqualFold(rest[:len(name)], []byte(name)) && (len(rest) == len(name) || rest[len(name)] == '>' || rest[len(name)] == ' ' || rest[len(name)] == '\t' || rest[len(name)] == '/') {
				if closing {
					depth--
				} else {
					depth++
				}
			}
		}
		j := bytes.IndexByte(rest, '<')
		if j < 0 {
			break
		}
		i = len(line) - len(rest) + j
	}
	return depth
}

// listLines appends the Markdown lines of the list l, indented by
// indent: one line per item, a nested list below its item.
func listLines(lines *[]string, l *html.Node, indent string) bool {
	number := listStart(l)
	for li := l.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode {
			if li.Type == html.TextNode && strings.TrimSpace(li.Data) != "" {
				return false // text outside any item
			}
			continue
		}
		if li.DataAtom != atom.Li {
			return false
		}
		marker := "- "
		if l.DataAtom == atom.Ol {
			marker = strconv.Itoa(number) + ". "
			number++
		}
		var b strings.Builder
		var nested []*html.Node
		for c := li.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Ul || c.DataAtom == atom.Ol) {
				nested = append(nested, c)
				continue
			}
			if len(nested) > 0 && strings.TrimSpace(textOf(c)) != "" {
				return false // text after a nested list: its order would change
			}
			if !inlineMarkdown(&b, c) {
				return false
			}
		}
		*lines = append(*lines, strings.TrimRight(indent+marker+itemText(strings.TrimSpace(collapseSpaces(b.String()))), " "))
		for _, sub := range nested {
			if !listLines(lines, sub, indent+strings.Repeat(" ", len(marker))) {
				return false
			}
		}
	}
	return true
}

// itemText escapes what would start a block of its own at the start of
// an item's text: a list marker, a block quote, a heading's underline.
func itemText(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '-', '+', '>', '=':
		return `\` + s
	}
	i := 0
	for i < len(s) && i < 9 && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}
