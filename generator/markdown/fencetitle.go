package markdown

import (
	"bytes"

	"ismsgen/generator/diag"
)

// MkDocs, Docusaurus and VitePress show a title above a code block named
// in its info string (```python title="backup.py"); CommonMark keeps
// only the language, and the title went unseen. It is warned at the
// fence, once per document, with the line to write instead.

// fenceTitle is the title the info string of a fence line names, "" for
// none: title="x" (or title=x), or a quoted string after the language.
func fenceTitle(trimmed []byte) string {
	info := bytes.TrimSpace(bytes.TrimLeft(trimmed, "`~"))
	if len(info) == 0 {
		return ""
	}
	if at := bytes.Index(bytes.ToLower(info), []byte("title=")); at >= 0 {
		return quotedOrWord(info[at+len("title="):])
	}
	if at := bytes.IndexAny(info, `"'`); at > 0 {
		return quotedOrWord(info[at:])
	}
	return ""
}

// quotedOrWord is the string between the quotes that start s, or the
// word that does.
func quotedOrWord(s []byte) string {
	if len(s) > 0 && (s[0] == '"' || s[0] == '\'') {
		if end := bytes.IndexByte(s[1:], s[0]); end > 0 {
			return string(s[1 : 1+end])
		}
		return ""
	}
	if end := bytes.IndexAny(s, " \t}"); end >= 0 {
		s = s[:end]
	}
	return string(s)
}

// fenceTitleFound is the Foreign of a code block's title at line at.
func fenceTitleFound(at int, title string) Foreign {
	return Foreign{Line: at, Code: "fence-title",
		Message: diag.Msg("the title of a code block, %q, is not shown: the page shows the block's language only", title),
		Hint:    diag.Msg("write the title as a line of text above the block, such as **%s**, with a blank line before it", title)}
}
