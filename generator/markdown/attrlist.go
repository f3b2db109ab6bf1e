package markdown

import (
	"bytes"
	"regexp"
)

// Material for MkDocs (attr_list) and kramdown size and style a picture
// or a link with attributes in braces right after it:
// "![Plan](img/plan.png){ width="95%" }", "[Go](x.md){: .button}".
// CommonMark shows the braces as text after the picture. Pages here
// size pictures to fit and style links alike, so the attributes go, as
// a heading's classes do.

// attrAfterLink is the end of a link or an image, ")" after "](…", and
// an attribute list right after it.
var attrAfterLink = regexp.MustCompile(`\]\((?:<[^<>\n]*>|[^()\s]*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?\)(\{:?[ \t]*(?:[#.][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}"']+))(?:[ \t]+(?:[#.][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}"']+)))*[ \t]*\})`)

// dropLinkAttributes returns body without the attribute lists written
// right after its links and pictures; code is left alone. When there is
// none, body itself is returned.
func dropLinkAttributes(body []byte) []byte {
	if !bytes.Contains(body, []byte("){")) {
		return body
	}
	return textLines(body, holding("){"), func(_ int, line []byte, spans [][2]int) []byte {
		ms := attrAfterLink.FindAllSubmatchIndex(line, -1)
		for j := len(ms) - 1; j >= 0; j-- {
			start, end := ms[j][2], ms[j][3]
			if inSpan(spans, start) {
				continue
			}
			line = append(line[:start:start], line[end:]...)
		}
		return line
	})
}

// inSpan reports whether the byte at i is in one of the code spans.
func inSpan(spans [][2]int, i int) bool {
	for _, s := range spans {
		if s[0] <= i && i < s[1] {
			return true
		}
	}
	return false
}
