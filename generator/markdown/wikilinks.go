package markdown

import (
	"bytes"
	"regexp"

	"ismsgen/generator/diag"
)

// Obsidian, Foam and many wikis link notes by name: "[[访问控制程序]]",
// "[[访问控制程序#范围|见范围]]", and show a picture with
// "![[flow.png]]". CommonMark shows the brackets as text; a page here
// links only what a Markdown link names, so each is warned at its line.
var wikiLink = regexp.MustCompile(`(!?)\[\[([^\[\]|#\n]+)(?:#[^\[\]|\n]*)?(?:\|[^\[\]\n]*)?\]\]`)

// wikiLinks finds the wiki links of body's text; code is left alone, and
// so are the table-of-contents markers adapt takes ("[[_TOC_]]").
func wikiLinks(body []byte) []Foreign {
	if !bytes.Contains(body, []byte("[[")) {
		return nil
	}
	var found []Foreign
	var code fence
	item := -1
	for n, line := range bytes.Split(body, []byte("\n")) {
		line = bytes.TrimSuffix(line, []byte("\r"))
		if code.char != 0 {
			if code.closedBy(line) {
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
		if indent-max(item, 0) >= 4 || bytes.HasPrefix(line, []byte("\t")) || !bytes.Contains(line, []byte("[[")) {
			continue
		}
		spans, ok := codeSpans(line)
		if !ok {
			continue
		}
		for _, m := range wikiLink.FindAllSubmatchIndex(line, -1) {
			name := string(bytes.TrimSpace(line[m[4]:m[5]]))
			if inSpan(spans, m[0]) || name == "_TOC_" || name == "TOC" {
				continue
			}
			f := Foreign{Line: n, Code: "wiki-link",
				Message: diag.Msg("the wiki link %s is shown as text, brackets and all: pages link only what a Markdown link names", string(line[m[0]:m[1]])),
				Hint:    diag.Msg("write [%[1]s](path/%[1]s.md), the path from this document, or [%[1]s](ID) with the document's id", name)}
			if m[3] > m[2] { // "![[…]]"
				f.Message = diag.Msg("the wiki embed %s is shown as text, brackets and all: pages show only what a Markdown image names", string(line[m[0]:m[1]]))
				f.Hint = diag.Msg("write ![what it shows](path/%s), the path from this document", name)
			}
			found = append(found, f)
		}
	}
	return found
}
