package markdown

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A collapsible section, <details> with its <summary>, is how sets
// written for GitHub hide an answer under its question. Raw HTML is not
// shown here, and the summary went with its block: the answer was shown
// without its question. The summary on a line of its own (after a line
// of <details>, or on the same line) becomes a bold line, and the line
// of <details> a blank one, so that what follows is shown as Markdown;
// a page shows everything, so nothing is hidden. </details> alone is a
// line of tags that loses nothing.

// opensDetails reports whether a line (without its indent) starts with
// <details or <summary.
func opensDetails(trimmed []byte) bool {
	return hasTag(trimmed, "details") || hasTag(trimmed, "summary")
}

// hasTag reports whether b starts with the opening tag name.
func hasTag(b []byte, name string) bool {
	if len(b) < len(name)+2 || b[0] != '<' || !bytes.EqualFold(b[1:1+len(name)], []byte(name)) {
		return false
	}
	c := b[1+len(name)]
	return c == '>' || c == ' ' || c == '\t'
}

// htmlDetails reads the lines at ls[0]: <details> alone followed by a
// line of <summary>…</summary>, or <details><summary>…</summary> or
// <summary>…</summary> alone. n is the number of lines it read (0 when
// they are none of these) and out the lines to write instead.
func htmlDetails(ls [][]byte) (n int, out [][]byte) {
	first := bytes.TrimSpace(ls[0])
	if hasTag(first, "details") && tagAlone(first) && len(ls) > 1 {
		if bold, ok := summaryLine(bytes.TrimSpace(ls[1])); ok {
			return 2, [][]byte{nil, indented(ls[1], bold)}
		}
		return 0, nil
	}
	rest := first
	if hasTag(first, "details") {
		rest = bytes.TrimSpace(first[tagEnd(first):])
	}
	if bold, ok := summaryLine(rest); ok {
		return 1, [][]byte{indented(ls[0], bold)}
	}
	return 0, nil
}

// tagAlone reports whether line is one tag and nothing after it.
func tagAlone(line []byte) bool {
	end := tagEnd(line)
	return end > 0 && end == len(line)
}

// summaryLine writes a line of <summary>…</summary> as its text in bold;
// false for any other line, or a summary whose text is not inline.
func summaryLine(line []byte) ([]byte, bool) {
	if !hasTag(line, "summary") || !bytes.HasSuffix(bytes.ToLower(line), []byte("</summary>")) {
		return nil, false
	}
	nodes, err := html.ParseFragment(bytes.NewReader(line), &html.Node{Type: html.ElementNode, Data: "details", DataAtom: atom.Details})
	if err != nil || len(nodes) != 1 || nodes[0].DataAtom != atom.Summary {
		return nil, false
	}
	var b strings.Builder
	if !cellMarkdown(&b, nodes[0]) {
		return nil, false
	}
	text := strings.TrimSpace(collapseSpaces(strings.ReplaceAll(b.String(), "**", "")))
	if text == "" {
		return []byte{}, true
	}
	return []byte("**" + text + "**"), true
}

// indented is s after the indent of line.
func indented(line, s []byte) []byte {
	return append([]byte(strings.Repeat(" ", leadingSpaces(line))), s...)
}
