package markdown

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A link written as HTML in a line of text, <a href="x.md">the form</a>,
// was its text alone with a warning, while the same link in an HTML
// table became a link. Each such link whose text is plain (no tag in it)
// becomes the Markdown link [text](href "title") here too, so that it
// goes through every check of links, a dangerous address included, as
// a table's does; its other attributes (target, rel) change nothing a
// reader sees and are left out. A tag in code, or in a line of an HTML
// block left out whole, is left as it was, as htmlImages leaves one.

// htmlLinks writes the <a href> links of body's text as Markdown links.
func htmlLinks(body []byte) []byte {
	if !mayHoldATag(body) {
		return body
	}
	inBlock := false // in an HTML block, which is left out whole
	return textLines(body, func([]byte) bool { return true }, func(_ int, line []byte, spans [][2]int) []byte {
		trimmed := bytes.TrimLeft(line, " ")
		switch {
		case len(bytes.TrimSpace(line)) == 0:
			inBlock = false
			return line
		case len(line)-len(trimmed) < 4 && opensHTMLBlock(trimmed) && !isATag(trimmed):
			inBlock = true
		}
		if inBlock || !mayHoldATag(line) {
			return line
		}
		return aTags(line, spans)
	})
}

// mayHoldATag reports whether b holds "<a " or "<A ".
func mayHoldATag(b []byte) bool { return mayHoldTag(b, isATag) }

// isATag reports whether b starts with an <a tag's name and a space.
func isATag(b []byte) bool {
	return len(b) > 3 && b[0] == '<' && b[1]|0x20 == 'a' && (b[2] == ' ' || b[2] == '\t')
}

// aTags replaces each link <a href=…>text</a> of line outside the code
// spans with a Markdown link. It writes the line once, whatever the
// number of links (a line of 20,000 took 40 s when each was a copy).
func aTags(line []byte, spans [][2]int) []byte {
	var out []byte
	last, k := 0, 0 // the end of what out holds of line; the first span that may hold i
	for i := 0; i < len(line); i++ {
		if line[i] != '<' || !isATag(line[i:]) || inSpanFrom(spans, &k, i) {
			continue
		}
		end := tagEnd(line[i:])
		if end < 0 {
			break
		}
		rest := line[i+end:]
		c := bytes.IndexByte(rest, '<')
		if c < 0 || len(rest)-c < len("</a>") || !bytes.EqualFold(rest[c:c+len("</a>")], []byte("</a>")) {
			continue // text with a tag in it, or no closing tag: left to its warning
		}
		md, ok := aMarkdown(line[i:i+end], rest[:c])
		if !ok {
			continue
		}
		out = append(append(out, line[last:i]...), md...)
		last = i + end + c + len("</a>")
		i = last - 1
	}
	if last == 0 {
		return line
	}
	return append(out, line[last:]...)
}

// aMarkdown is the Markdown link of an <a> tag with a href and its
// text; false for a tag without one, or a text that is empty or whose
// brackets would not make one link.
func aMarkdown(tag, text []byte) ([]byte, bool) {
	z := html.NewTokenizer(bytes.NewReader(tag))
	if z.Next() != html.StartTagToken {
		return nil, false
	}
	t := z.Token()
	if t.DataAtom != atom.A {
		return nil, false
	}
	var href, title string
	for _, a := range t.Attr {
		switch a.Key {
		case "href":
			href = strings.TrimSpace(a.Val)
		case "title":
			title = collapseSpaces(a.Val)
		}
	}
	shown := bytes.TrimSpace(text)
	if href == "" || strings.ContainsAny(href, "\n\r") || len(shown) == 0 ||
		bytes.Count(shown, []byte("[")) != bytes.Count(shown, []byte("]")) || bytes.Contains(shown, []byte("](")) && !bytes.HasPrefix(shown, []byte("![")) {
		return nil, false
	}
	md := "[" + string(shown) + "](" + linkDest(href)
	if title != "" {
		md += ` "` + imageTitle.Replace(title) + `"`
	}
	return []byte(md + ")"), true
}
