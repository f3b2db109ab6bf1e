package markdown

import (
	"bytes"
	"regexp"
)

// pandoc writes a Word document's bookmarks and character styles as
// bracketed spans: "[]{#_Toc123456 .anchor}" before a heading's text,
// which the table of contents links to ("[1 目的 3](#_Toc123456)"), and
// "[**必须**]{.underline}". CommonMark shows them as text, brackets and
// braces and all, in headings too. A span's text stays, without its
// brackets; an id becomes an anchor of the page (<span id>, see
// anchor.go) so that the links to it arrive; classes and other
// attributes go, as a heading's and a link's do.

// bracketedSpan is a span without brackets in its text, and its
// attributes: ids, classes and key=value pairs.
var bracketedSpan = regexp.MustCompile(`\[([^\[\]\n]*)\]\{((?:[ \t]*(?:#[^\s{}#.="']+|\.[^\s{}#.="']+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}"']+)))+)[ \t]*\}`)

// spanID is the id among a span's attributes.
var spanID = regexp.MustCompile(`(?:^|[ \t])#([^\s{}#.="']+)`)

// pandocSpans returns body with its bracketed spans written as their
// text, after an anchor for an id; code is left alone. When there is
// none, body itself is returned.
func pandocSpans(body []byte) []byte {
	if !bytes.Contains(body, []byte("]{")) {
		return body
	}
	return textLines(body, holding("]{"), func(_ int, line []byte, spans [][2]int) []byte {
		ms := bracketedSpan.FindAllSubmatchIndex(line, -1)
		var edits []edit
		for j := len(ms) - 1; j >= 0; j-- {
			start, end := ms[j][0], ms[j][1]
			if inSpan(spans, start) || start > 0 && bytes.IndexByte([]byte("!]\\"), line[start-1]) >= 0 {
				continue // code, a picture's text, a link's label, an escaped bracket
			}
			text := line[ms[j][2]:ms[j][3]]
			var out []byte
			if id := spanID.FindSubmatch(line[ms[j][4]:ms[j][5]]); id != nil {
				out = append(append(append(out, `<span id="`...), id[1]...), `"></span>`...)
			}
			out = append(out, text...)
			edits = append(edits, edit{start, end, out})
		}
		return spliced(line, edits)
	})
}
