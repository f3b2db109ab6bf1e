package markdown

import (
	"bytes"
	"html"
)

// MkDocs, Docusaurus and VitePress show a title above a code block named
// in its info string (```python title="backup.py"); CommonMark keeps
// only the language. The page shows it above the block, as they do.

// FenceTitle is the title the info string of a fence names, "" for
// none: title="x" (or title=x), or a quoted string after the language.
// The fence's backticks or tildes may be given with it.
func FenceTitle(trimmed []byte) string {
	info := bytes.TrimSpace(bytes.TrimLeft(trimmed, "`~"))
	if len(info) == 0 {
		return ""
	}
	if at := indexLowerASCII(info, "title="); at >= 0 {
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

// FenceLanguage is the language word of a fence's info string, as
// goldmark's FencedCodeBlock.Language gives it: up to the first space.
func FenceLanguage(info []byte) []byte {
	if i := bytes.IndexByte(info, ' '); i >= 0 {
		return info[:i]
	}
	return info
}

// AppendCodeTitle appends the HTML of a code block's title, shown above
// the block.
func AppendCodeTitle(b []byte, title string) []byte {
	b = append(b, `<p class="code-title">`...)
	b = append(b, html.EscapeString(title)...)
	return append(b, "</p>\n"...)
}
