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
	ls := bytes.Split(body, []byte("\n"))
	changed := false
	var code fence // the fence of the open code block
	item := -1     // the column of the text of the list item above, or -1
	for i, line := range ls {
		if code.char != 0 {
			if code.closedBy(bytes.TrimSuffix(line, []byte("\r"))) {
				code = fence{}
			}
			continue
		}
		indent := leadingSpaces(line)
		if f, ok := openFence(bytes.TrimLeft(line, " ")); ok && indent-max(item, 0) < 4 {
			code = f
			continue
		}
		if m := listMarker.FindIndex(line); m != nil {
			item = m[1]
		} else if indent == 0 && len(bytes.TrimSpace(line)) > 0 {
			item = -1
		}
		if indent-max(item, 0) >= 4 || bytes.HasPrefix(line, []byte("\t")) || !bytes.Contains(line, []byte("){")) {
			continue
		}
		spans, ok := codeSpans(line)
		if !ok {
			continue
		}
		ms := attrAfterLink.FindAllSubmatchIndex(line, -1)
		for j := len(ms) - 1; j >= 0; j-- {
			start, end := ms[j][2], ms[j][3]
			if inSpan(spans, start) {
				continue
			}
			line = append(line[:start:start], line[end:]...)
			changed = true
		}
		ls[i] = line
	}
	if !changed {
		return body
	}
	return bytes.Join(ls, []byte("\n"))
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
