package markdown

import (
	"bytes"
	"path"
	"regexp"
	"strings"
)

// docsify gives a heading its id at the end of its line ("## 类
// :id=classes"), keeps one out of its sidebar with ":docsify-ignore"
// (or all of a page's with ":docsify-ignore-all"), and links to a
// heading of another page with "?id=": "[搜索](plugins.md?id=full-text-search)".
// CommonMark shows the words as the heading's text, and made its id of
// them ("类-idclasses"), so that every link to #classes missed; a link's
// ?id= was no fragment, and the link went to the page's top. The id is
// the heading's ({#classes}), the sidebar's words go, and ?id=x is the
// fragment #x: nothing of what the author meant is lost, and the links
// are checked as any are.

var (
	// a heading's docsify words at the end of its line
	docsifyHeading = regexp.MustCompile(`^( {0,3}#{1,6}[ \t].*?)((?:[ \t]+:(?:id=[A-Za-z0-9_\-\p{L}]+|docsify-ignore(?:-all)?))+)[ \t]*$`)
	docsifyID      = regexp.MustCompile(`:id=([A-Za-z0-9_\-\p{L}]+)`)
	// a relative link to a page's heading: "](plugins.md?id=x)", "](plugins?id=x)"
	docsifyLink = regexp.MustCompile(`\]\(([^()\s<>:?#]*)\?id=([^()\s<>&#]+)\)`)
)

// docsifyIDs returns body with docsify's heading ids written as heading
// attributes, its sidebar's words left out, and its links' ?id= written
// as fragments; code is left alone.
func docsifyIDs(body []byte) []byte {
	// " :" stands in much prose ("Purpose :"); a heading's docsify words
	// are rarer, and each line is looked at only when the body has them
	if bytes.Contains(body, []byte(":id=")) || bytes.Contains(body, []byte(":docsify-ignore")) {
		body = textLines(body, holding(" :"), func(_ int, line []byte, _ [][2]int) []byte {
			m := docsifyHeading.FindSubmatchIndex(line)
			if m == nil {
				return line
			}
			out := append([]byte{}, line[:m[3]]...)
			if id := docsifyID.FindSubmatch(line[m[4]:m[5]]); id != nil {
				out = append(append(append(out, " {#"...), id[1]...), '}')
			}
			return out
		})
	}
	if bytes.Contains(body, []byte("?id=")) {
		body = textLines(body, holding("?id="), func(_ int, line []byte, spans [][2]int) []byte {
			var edits []edit
			for _, m := range docsifyLink.FindAllSubmatchIndex(line, -1) {
				page := string(line[m[2]:m[3]])
				if inSpan(spans, m[0]) || !strings.EqualFold(path.Ext(page), ".md") && path.Ext(page) != "" {
					continue // a query of another kind of file's address
				}
				edits = append(edits, edit{m[3], m[4], []byte("#")})
			}
			return spliced(line, edits)
		})
	}
	return body
}
