package markdown

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"ismsgen/generator/diag"
)

// A picture written as HTML, <img src="flow.png" width="600">, is how
// most sets size their figures; raw HTML is not shown here, and the
// figure was lost with a warning. Each <img> tag with a src in a line of
// text becomes the Markdown picture ![alt](src "title"), so that both
// renderers and every check of pictures and attachments see it; its
// size and other attributes are left out, warning html-image once per
// line. A tag in code, or in a line that belongs to an HTML block left
// out whole (a line starting with another tag, until a blank line), is
// left as it was: its block's warning says what is lost.

// htmlImages writes the <img> tags of body's text as Markdown pictures.
func htmlImages(body []byte) ([]byte, []Foreign) {
	if !mayHoldImgTag(body) {
		return body, nil
	}
	var found []Foreign
	inBlock := false // in an HTML block, which is left out whole
	body = textLines(body, func([]byte) bool { return true }, func(n int, line []byte, spans [][2]int) []byte {
		trimmed := bytes.TrimLeft(line, " ")
		switch {
		case len(bytes.TrimSpace(line)) == 0:
			inBlock = false
			return line
		case len(line)-len(trimmed) < 4 && opensHTMLBlock(trimmed):
			inBlock = true
		}
		if inBlock || !mayHoldImgTag(line) {
			return line
		}
		out, first := imgTags(line, spans)
		if first != "" {
			found = append(found, Foreign{Line: n, Code: "html-image",
				Message: diag.Msg("the HTML picture %s is shown as a Markdown picture; its size and other attributes are left out", first),
				Hint:    diag.Msg("write it as ![what it shows](picture.png): a page fits a picture to its width")})
		}
		return out
	})
	return body, found
}

// opensHTMLBlock reports whether a line (without its indent) may start a
// CommonMark HTML block: a tag, a closing tag, a comment or a
// declaration other than <img>, which this file makes a picture, and an
// autolink (<https://…>).
func opensHTMLBlock(trimmed []byte) bool {
	if len(trimmed) < 2 || trimmed[0] != '<' || isImgTag(trimmed) {
		return false
	}
	c := trimmed[1]
	if c == '/' || c == '!' || c == '?' {
		return true
	}
	if !('a' <= c|0x20 && c|0x20 <= 'z') {
		return false
	}
	end := bytes.IndexAny(trimmed, " \t>/:")
	return end < 0 || trimmed[end] != ':' // <https:…> is a link
}

// mayHoldImgTag reports whether b holds "<img", in any case.
func mayHoldImgTag(b []byte) bool { return mayHoldTag(b, isImgTag) }

// mayHoldTag reports whether b holds a '<' at which isTag is true.
func mayHoldTag(b []byte, isTag func([]byte) bool) bool {
	for i := bytes.IndexByte(b, '<'); i >= 0; {
		if isTag(b[i:]) {
			return true
		}
		j := bytes.IndexByte(b[i+1:], '<')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// isImgTag reports whether b starts with an <img tag's name.
func isImgTag(b []byte) bool {
	if len(b) < 5 || b[0] != '<' || !bytes.EqualFold(b[1:4], []byte("img")) {
		return false
	}
	c := b[4]
	return c == ' ' || c == '\t' || c == '/' || c == '>'
}

// imgTags replaces each <img> tag of line outside the code spans with a
// Markdown picture, and returns the first it replaced as written ("" for
// none).
func imgTags(line []byte, spans [][2]int) (out []byte, first string) {
	last, k := 0, 0 // the end of what out holds of line; the first span that may hold i
	for i := 0; i < len(line); i++ {
		if line[i] != '<' || !isImgTag(line[i:]) || inSpanFrom(spans, &k, i) {
			continue
		}
		end := tagEnd(line[i:])
		if end < 0 {
			break
		}
		tag := line[i : i+end]
		md, ok := imgMarkdown(tag)
		if !ok {
			continue
		}
		if first == "" {
			first = string(tag)
		}
		out = append(append(out, line[last:i]...), md...)
		last = i + end
		i = last - 1
	}
	if last == 0 {
		return line, first
	}
	return append(out, line[last:]...), first
}

// inSpanFrom reports whether byte i is in one of spans (in order, apart)
// for an i that only grows from call to call: *k is the first span that
// may hold it, so that a line's tags and spans are read once each.
func inSpanFrom(spans [][2]int, k *int, i int) bool {
	for *k < len(spans) && spans[*k][1] <= i {
		*k++
	}
	return *k < len(spans) && spans[*k][0] <= i
}

// tagEnd is the length of the tag that starts b, through its '>' (quoted
// values may hold one), or -1 when it does not end on the line.
func tagEnd(b []byte) int {
	var quote byte
	for i := 1; i < len(b); i++ {
		switch c := b[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return -1
}

// imgMarkdown writes an <img> tag as a Markdown picture; false when it
// has no src.
func imgMarkdown(tag []byte) ([]byte, bool) {
	z := html.NewTokenizer(bytes.NewReader(tag))
	if tt := z.Next(); tt != html.StartTagToken && tt != html.SelfClosingTagToken {
		return nil, false
	}
	t := z.Token()
	if t.DataAtom != atom.Img {
		return nil, false
	}
	var src, alt, title string
	for _, a := range t.Attr {
		switch a.Key {
		case "src":
			src = strings.TrimSpace(a.Val)
		case "alt":
			alt = collapseSpaces(a.Val)
		case "title":
			title = collapseSpaces(a.Val)
		}
	}
	if src == "" || strings.ContainsAny(src, "\n\r") {
		return nil, false
	}
	md := "![" + imageText.Replace(alt) + "](" + linkDest(src)
	if title != "" {
		md += ` "` + imageTitle.Replace(title) + `"`
	}
	return []byte(md + ")"), true
}

// imageText escapes what Markdown would read in a picture's text; '|'
// too, as the picture may be in a table's cell.
var imageText = strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", "&", "&amp;")

// imageTitle escapes a picture's title between double quotes.
var imageTitle = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "|", `\|`, "&", "&amp;", "<", "&lt;")
