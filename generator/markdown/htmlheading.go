package markdown

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// A heading written in HTML (<h2 id="intro">Introduction</h2>, or an
// <h1 align="center"> over lines around a logo and a name, as READMEs
// for GitHub write them) is an HTML block, left out whole: the heading's
// words, its place in the table of contents and the anchor links go to.
// One that holds only text and inline elements becomes a Markdown
// heading of its level, its id its own ("{#intro}").

// headingTags are the HTML headings, by level.
var headingTags = []string{"h1", "h2", "h3", "h4", "h5", "h6"}

// opensHeading is the heading element a line (without its indent)
// starts with, or "".
func opensHeading(trimmed []byte) string {
	if len(trimmed) < 4 || trimmed[0] != '<' || trimmed[1]|0x20 != 'h' {
		return ""
	}
	for _, name := range headingTags {
		if hasTag(trimmed, name) {
			return name
		}
	}
	return ""
}

// htmlHeading reads the heading element name that starts ls[0]. n is
// the number of lines it spans (0 when it is not closed); out is its
// Markdown heading in n lines, nil when it cannot be written so.
func htmlHeading(ls [][]byte, name string) (n int, out [][]byte) {
	n, nodes := htmlElement(ls, true, name)
	if nodes == nil {
		return n, nil
	}
	var b strings.Builder
	id := ""
	elements := 0
	for _, node := range nodes {
		switch {
		case node.Type == html.ElementNode && node.Data == name:
			elements++
			if elements > 1 || !onlyInline(node) || !cellMarkdown(&b, node) {
				return n, nil
			}
			id = attr(node, "id")
		case node.Type == html.TextNode && strings.TrimSpace(node.Data) == "", node.Type == html.CommentNode:
		default:
			return n, nil // something beside it, which would be lost
		}
	}
	text := strings.TrimSpace(breakSpaces.Replace(collapseSpaces(b.String())))
	for strings.HasPrefix(text, "<br>") || strings.HasSuffix(text, "<br>") {
		text = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(text, "<br>"), "<br>"))
	}
	if text == "" {
		return n, nil // nothing but tags: nothing is lost
	}
	line := strings.Repeat("#", int(name[1]-'0')) + " " + text
	if id != "" && validID([]byte(id)) {
		line += " {#" + id + "}"
	}
	// on the line of its first words, after a line that only opens it
	at := 0
	if open := bytes.TrimSpace(ls[0]); n > 2 && open[len(open)-1] == '>' && bytes.IndexByte(open, '>') == len(open)-1 {
		at = 1
	}
	out = make([][]byte, n)
	out[at] = []byte(strings.Repeat(" ", leadingSpaces(ls[0])) + line)
	return n, out
}
