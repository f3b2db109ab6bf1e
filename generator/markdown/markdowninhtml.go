package markdown

import (
	"bytes"
	"regexp"
	"strings"
)

// markdownWrappers are the elements whose lines a "markdown" attribute
// may mark as a wrapper of Markdown: kramdown's markdown="1" (Jekyll),
// Python-Markdown's md_in_html (<div class="grid cards" markdown>, as
// Material for MkDocs writes its cards). <details> is read apart
// (htmldetails.go).
var markdownWrappers = map[string]bool{"div": true, "section": true, "article": true, "aside": true,
	"main": true, "header": true, "footer": true, "nav": true, "figure": true, "figcaption": true,
	"blockquote": true, "center": true, "span": true, "p": true}

// tagAttribute is one attribute of an opening tag: its name, and its
// value as written (quoted or not), if any.
var tagAttribute = regexp.MustCompile(`\s([A-Za-z_:][\w.:-]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+))?`)

// markdownInside is the name of the element whose opening tag trimmed
// (a whole line) is, when the tag says that what it holds is Markdown
// (a markdown attribute not "0"); else "".
func markdownInside(trimmed []byte) string {
	if len(trimmed) < 3 || trimmed[1] == '/' || bytes.HasSuffix(trimmed, []byte("/>")) || !loneTag.Match(trimmed) {
		return ""
	}
	name, _ := tagOf(trimmed)
	if !markdownWrappers[name] {
		return ""
	}
	for _, m := range tagAttribute.FindAllSubmatch(trimmed[1+len(name):len(trimmed)-1], -1) {
		if strings.EqualFold(string(m[1]), "markdown") {
			switch v := strings.ToLower(strings.Trim(string(m[2]), `"'`)); v {
			case "0", "off", "false":
				return ""
			}
			return name
		}
	}
	return ""
}

// markdownWrapperEnd is the line of ls that closes the element name
// opened on ls[0], a line of its own ("</div>"), counting the same
// elements opened and closed on lines of their own within it and
// skipping fenced code; -1 when it is not closed so.
func markdownWrapperEnd(ls [][]byte, name string) int {
	var code fence
	depth := 0
	for j, line := range ls {
		line = bytes.TrimRight(line, "\r")
		if code.holds(line) {
			continue
		}
		if f, ok := openFence(bytes.TrimLeft(line, " ")); ok && indentOf(line) < 4 {
			code = f
			continue
		}
		t := bytes.TrimSpace(line)
		if len(t) < 3 || t[0] != '<' || !loneTag.Match(t) {
			continue
		}
		switch tag, closing := tagOf(t); {
		case tag != name:
		case closing:
			depth--
			if depth == 0 {
				return j
			}
		case !bytes.HasSuffix(t, []byte("/>")):
			depth++
		}
	}
	return -1
}

// firstLine is the first line of text, without white space around it.
func firstLine(text []byte) []byte {
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	return bytes.TrimSpace(text)
}
