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
// of <details>, or on the same line), or over a few lines of its own,
// becomes a bold line, and the line
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
		if bold, k := summaryLines(bytes.TrimSpace(ls[1]), ls[2:]); k > 0 {
			return 1 + k, append([][]byte{nil, indented(ls[1], bold)}, make([][]byte, k-1)...)
		}
		return 0, nil
	}
	rest := first
	if hasTag(first, "details") {
		rest = bytes.TrimSpace(first[tagEnd(first):])
	}
	if bold, k := summaryLines(rest, ls[1:]); k > 0 {
		return k, append([][]byte{indented(ls[0], bold)}, make([][]byte, k-1)...)
	}
	return 0, nil
}

// maxSummaryLines bounds how far a summary is looked for its end.
const maxSummaryLines = 8

// summaryLines reads a summary that starts on line first and may go on
// over the lines of more until </summary> (<summary>, its text, then
// </summary>, each on a line, as tables of contents are generated): k
// is the number of lines it spans, 0 when they hold no summary, or a
// blank line cuts it.
func summaryLines(first []byte, more [][]byte) (bold []byte, k int) {
	if bold, ok := summaryLine(first); ok {
		return bold, 1
	}
	if !hasTag(first, "summary") || bytes.Contains(bytes.ToLower(first), []byte("</summary")) {
		return nil, 0
	}
	joined := append([]byte(nil), first...)
	for i, l := range more[:min(len(more), maxSummaryLines)] {
		l = bytes.TrimSpace(l)
		if len(l) == 0 {
			return nil, 0
		}
		joined = append(append(joined, '\n'), l...)
		if bytes.Contains(bytes.ToLower(l), []byte("</summary")) {
			bold, ok := summaryLine(joined)
			if !ok {
				return nil, 0
			}
			return bold, i + 2
		}
	}
	return nil, 0
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
