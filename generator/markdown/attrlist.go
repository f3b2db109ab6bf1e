package markdown

import (
	"bytes"
	"regexp"
	"slices"
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
		var edits []edit
		for _, m := range attrAfterLink.FindAllSubmatchIndex(line, -1) {
			if !inSpan(spans, m[2]) {
				edits = append(edits, edit{m[2], m[3], nil})
			}
		}
		return spliced(line, edits)
	})
}

// inSpan reports whether the byte at i is in one of the code spans.
// The spans are in order and apart, as codeSpans finds them: a binary
// search, since a line may hold thousands of both.
func inSpan(spans [][2]int, i int) bool {
	k, _ := slices.BinarySearchFunc(spans, i, func(s [2]int, i int) int {
		if s[1] <= i {
			return -1
		}
		if s[0] > i {
			return 1
		}
		return 0
	})
	return k < len(spans) && spans[k][0] <= i && i < spans[k][1]
}
