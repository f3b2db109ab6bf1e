package markdown

import (
	"bytes"
	"fmt"
	"regexp"

	"ismsgen/generator/diag"
)

// Obsidian, Foam and many wikis link notes by name: "[[访问控制程序]]",
// "[[访问控制程序#范围|见范围]]", and show a picture with
// "![[flow.png]]". CommonMark shows the brackets as text; a page here
// links only what a Markdown link names, so each is warned at its line.
var wikiLink = regexp.MustCompile(`(!?)\[\[([^\[\]|#\n]+)(?:#[^\[\]|\n]*)?(?:\|[^\[\]\n]*)?\]\]`)

// wikiLinkHint is the hint of a wiki link (not an embed), whose
// argument is the name it links: the link stage, which knows every
// document, puts the one of that name in its place (WikiLinkName).
const wikiLinkHint = "write [%[1]s](path/%[1]s.md), the path from this document, or [%[1]s](ID) with the document's id"

// WikiLinkName is the name a wiki link's hint (wikiLinkHint) was made
// for; false for any other hint.
func WikiLinkName(hint diag.Text) (string, bool) {
	if hint.Format != wikiLinkHint || len(hint.Args) != 1 {
		return "", false
	}
	return fmt.Sprint(hint.Args[0]), true
}

// wikiLinks finds the wiki links of body's text; code is left alone, and
// so are the table-of-contents markers adapt takes ("[[_TOC_]]", and
// "[[toc]]" of VuePress and markdown-it).
func wikiLinks(body []byte) []Foreign {
	if !bytes.Contains(body, []byte("[[")) {
		return nil
	}
	var found []Foreign
	textLines(body, holding("[["), func(n int, line []byte, spans [][2]int) []byte {
		for _, m := range wikiLink.FindAllSubmatchIndex(line, -1) {
			name := string(bytes.TrimSpace(line[m[4]:m[5]]))
			if inSpan(spans, m[0]) || name == "_TOC_" || name == "TOC" || name == "toc" {
				continue
			}
			f := Foreign{Line: n, Code: "wiki-link",
				Message: diag.Msg("the wiki link %s is shown as text, brackets and all: pages link only what a Markdown link names", string(line[m[0]:m[1]])),
				Hint:    diag.Msg(wikiLinkHint, name)}
			if m[3] > m[2] { // "![[…]]"
				f.Message = diag.Msg("the wiki embed %s is shown as text, brackets and all: pages show only what a Markdown image names", string(line[m[0]:m[1]]))
				f.Hint = diag.Msg("write ![what it shows](path/%s), the path from this document", name)
			}
			found = append(found, f)
		}
		return line
	})
	return found
}
