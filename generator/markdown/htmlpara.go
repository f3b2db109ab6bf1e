package markdown

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A paragraph written in HTML (<p align="center"><img …></p>, a <div>
// of text with <strong> and <br />, as a generator of reference pages
// writes it, or a picture and its caption in a <figure>, as GitBook
// writes every picture, or a <figcaption> alone, as a table's caption
// under it) is common in sets written for GitHub, which shows it;
// here raw HTML is not, and a block dropped whole loses every word in
// it. One that holds only text and inline elements, on lines without a
// blank one between them, becomes a Markdown paragraph of its text,
// links, pictures, code, bold, italics and line breaks, read as tables
// are (htmltable.go). Markdown between blank lines inside a <div> is
// Markdown, shown as such: such a <div> is not read as a paragraph.

// paragraphTags are the elements read as a paragraph, and inlineTags
// those a paragraph may hold; any other (an iframe, a form, a heading)
// leaves the block HTML, left out with a warning.
var (
	paragraphTags = []string{"p", "div", "center", "figure", "figcaption"}
	inlineTags    = map[atom.Atom]bool{
		atom.A: true, atom.Img: true, atom.Code: true, atom.Kbd: true, atom.Tt: true, atom.Samp: true,
		atom.Strong: true, atom.B: true, atom.Em: true, atom.I: true, atom.Br: true, atom.Span: true,
		atom.Font: true, atom.Sup: true, atom.Sub: true, atom.Small: true, atom.Big: true, atom.U: true,
		atom.S: true, atom.Del: true, atom.Ins: true, atom.Mark: true, atom.Abbr: true, atom.Acronym: true, atom.P: true,
		atom.Div: true, atom.Center: true, atom.Figure: true, atom.Figcaption: true,
		// GitHub's picture for dark and light themes: its <img> is shown,
		// the <source> of the other theme's left out
		atom.Picture: true, atom.Source: true,
	}
)

// opensParagraph is the paragraph element a line (without its indent)
// starts with, or "".
func opensParagraph(trimmed []byte) string {
	for _, name := range paragraphTags {
		if hasTag(trimmed, name) {
			return name
		}
	}
	return ""
}

// htmlParagraph reads the element name that starts ls[0]. n is the
// number of lines it spans (0 when it is not closed); para is its
// Markdown paragraph in n lines, nil when it cannot be written so.
func htmlParagraph(ls [][]byte, name string) (n int, para [][]byte) {
	n, nodes := htmlElement(ls, true, name)
	if nodes == nil {
		return n, nil
	}
	var b strings.Builder
	elements := 0
	for _, node := range nodes {
		switch {
		case node.Type == html.ElementNode && node.Data == name:
			elements++
			if elements > 1 || !onlyInline(node) || !cellMarkdown(&b, node) {
				return n, nil
			}
		case node.Type == html.TextNode && strings.TrimSpace(node.Data) == "", node.Type == html.CommentNode:
		default:
			return n, nil // something beside it, which would be lost
		}
	}
	// line breaks at either end are no more than the lines of the HTML
	text := strings.TrimSpace(breakSpaces.Replace(collapseSpaces(b.String())))
	for strings.HasPrefix(text, "<br>") || strings.HasSuffix(text, "<br>") {
		text = strings.TrimSuffix(strings.TrimPrefix(text, "<br>"), "<br>")
	}
	if text == "" {
		return n, nil // nothing but tags: nothing is lost (see rawHTML)
	}
	// The paragraph starts on the line of its first content, after a
	// line that only opens it ("<p align=\"center\">"): a link's or a
	// picture's problem is reported at the line it is written on.
	at := 0
	if open := bytes.TrimSpace(ls[0]); n > 2 && open[len(open)-1] == '>' && bytes.IndexByte(open, '>') == len(open)-1 {
		at = 1
	}
	para = make([][]byte, n)
	para[at] = []byte(strings.Repeat(" ", leadingSpaces(ls[0])) + itemText(text))
	return n, para
}

// onlyInline reports whether every element below n is one a paragraph
// may hold.
func onlyInline(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (!inlineTags[c.DataAtom] || !onlyInline(c)) {
			return false
		}
	}
	return true
}
