package markdown

import (
	"bytes"
	"strings"
	"unicode"
)

// WithoutTitleHeading blanks the body's first heading when it only
// repeats the document's title (ignoring case, punctuation, white space
// and the id): the page shows the title above the body already, and
// sets converted from Word or other tools start each body with it. Only
// a heading before any other text counts, ATX (# Title) or setext
// (Title, then ===). The heading's lines become empty lines, so that
// every other line keeps its number. body is not changed; the result
// shares it when nothing is blanked.
func WithoutTitleHeading(body []byte, id, title string) []byte {
	without, _ := TitleHeading(body, id, title)
	return without
}

// BlankTitleHeading is TitleHeading for a body the caller owns: the
// heading is blanked in place, without a copy of the body.
func BlankTitleHeading(body []byte, id, title string) ([]byte, string) {
	start, end, text := titleHeading(body, id, title)
	if text == nil {
		return body, ""
	}
	anchor := Slug(string(text)) // before text, in body, is overwritten
	n := bytes.Count(body[start:end], []byte("\n"))
	for i := range n {
		body[start+i] = '\n'
	}
	k := copy(body[start+n:], body[end:])
	return body[:start+n+k], anchor
}

// TitleHeading is WithoutTitleHeading that also returns the anchor the
// heading left out had ("" when none is): a table of contents written
// into the body often links to it, and such a link leads to the top of
// the page.
func TitleHeading(body []byte, id, title string) ([]byte, string) {
	start, end, text := titleHeading(body, id, title)
	if text == nil {
		return body, ""
	}
	return blankLines(body, start, end), Slug(string(text))
}

// titleHeading finds the first heading of body when it only repeats
// the title: its offsets and its text, or a nil text.
func titleHeading(body []byte, id, title string) (start, end int, text []byte) {
	want := titleKey(title, id)
	if want == "" {
		return 0, 0, nil
	}
	s := lineScanner{body: body}
	for l, more := s.next(); more; l, more = s.next() {
		line, off := bytes.TrimSuffix(l.text, []byte("\r")), l.start
		trimmed := bytes.TrimSpace(line)
		switch {
		case len(trimmed) == 0 || isCommentLine(trimmed):
			continue
		case atxHeading(line) != nil:
			if text := atxHeading(line); titleKey(string(text), id) == want {
				return off, off + len(line), text
			}
			return 0, 0, nil
		}
		// A setext heading: this line, then a line of = or -.
		next, _ := s.peek()
		under := bytes.TrimSuffix(next.text, []byte("\r"))
		if isUnderline(bytes.TrimSpace(under)) && leadingSpaces(line) < 4 && titleKey(string(trimmed), id) == want {
			return off, off + len(line) + 1 + len(under), trimmed
		}
		return 0, 0, nil
	}
	return 0, 0, nil
}

// atxHeading returns the text of an ATX heading line, or nil.
func atxHeading(line []byte) []byte {
	if leadingSpaces(line) >= 4 {
		return nil
	}
	t := bytes.TrimLeft(line, " ")
	level := 0
	for level < len(t) && t[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || level < len(t) && t[level] != ' ' && t[level] != '\t' {
		return nil
	}
	text := bytes.TrimSpace(t[level:])
	// A closing run of # after a space is not part of the text.
	if i := bytes.LastIndexFunc(text, func(r rune) bool { return r != '#' }); i >= 0 && i < len(text)-1 && (text[i] == ' ' || text[i] == '\t') {
		text = bytes.TrimSpace(text[:i])
	} else if i < 0 {
		text = nil
	}
	if text == nil {
		text = []byte{}
	}
	return text
}

// isUnderline reports whether a trimmed line is a setext underline.
func isUnderline(u []byte) bool {
	return len(u) > 0 && (len(bytes.Trim(u, "=")) == 0 || len(bytes.Trim(u, "-")) == 0)
}

func leadingSpaces(line []byte) int {
	n := 0
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n
}

func isCommentLine(t []byte) bool {
	return bytes.HasPrefix(t, []byte("<!--")) && bytes.HasSuffix(t, []byte("-->"))
}

// blankLines returns a copy of body with the bytes from start to end replaced
// by as many line ends as they held.
func blankLines(body []byte, start, end int) []byte {
	out := make([]byte, 0, len(body))
	out = append(out, body[:start]...)
	out = append(out, bytes.Repeat([]byte("\n"), bytes.Count(body[start:end], []byte("\n")))...)
	return append(out, body[end:]...)
}

// indexFold is the index of the first instance of id in s, ignoring
// ASCII case (ids are ASCII), or -1.
func indexFold(s, id string) int {
	if id == "" {
		return -1
	}
	for i := 0; i+len(id) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(id)], id) {
			return i
		}
	}
	return -1
}

// titleKey is a title for comparison: without the id, Markdown emphasis,
// punctuation, symbols and white space, in lower case.
func titleKey(s, id string) string {
	if i := indexFold(s, id); i >= 0 {
		s = s[:i] + s[i+len(id):]
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
