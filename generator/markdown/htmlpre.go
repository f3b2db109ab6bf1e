package markdown

import (
	"bytes"
	"html"
	"regexp"
	"strings"

	"ismsgen/generator/diag"
)

// A block of preformatted text, <pre> (often <pre><code
// class="language-x">), is how sets converted from HTML write code.
// Raw HTML is not shown, and the block went with its text: it becomes a
// fenced code block of its text, entities read (&lt; is <) and the tags
// within it (<code>, a highlighter's <span>) left out. The fences take
// the lines of the tags <pre> and </pre> when those hold no text, else
// the blank line above or below, so that the number of lines stays;
// text before <pre> on its line, and after </pre> on its line, keeps its
// line. In a block quote, the fences and the code are quoted; after a
// list item's marker ("- <pre>"), the code is the item's. A <pre> that
// cannot be a code block in its lines (one line of text with <pre>x</pre>
// in it, a row of a table) is code in the line, `x`, each of its lines
// a code span of its own.

// preTag is <pre …> or <code …> at the start of a line's text.
var preTag = regexp.MustCompile(`(?i)^<(?:pre|code)(?:\s[^<>]*)?>`)

// preClose is </code> or </pre> at the end of a line's text.
var preClose = regexp.MustCompile(`(?i)</(?:pre|code)[ \t]*>$`)

// preEnd is the closing tag of a <pre> element.
var preEnd = regexp.MustCompile(`(?i)</pre[ \t]*>`)

// preBreak is a line break in a <pre> written on one line.
var preBreak = regexp.MustCompile(`(?i)<br[ \t]*/?>`)

// preLanguage is the language a class names: language-x or lang-x.
var preLanguage = regexp.MustCompile(`(?i)\bclass=["']?[^"'<>]*?\blang(?:uage)?-([A-Za-z0-9_+#.-]+)`)

// anyTag is one HTML tag, opening or closing.
var anyTag = regexp.MustCompile(`</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>`)

// quotePrefix is the markers of the block quotes a line is in.
var quotePrefix = regexp.MustCompile(`^(?: {0,3}>[ \t]?)+`)

// isPreTag reports whether b starts with a <pre tag.
func isPreTag(b []byte) bool {
	return hasTag(b, "pre") || len(b) == 4 && bytes.EqualFold(b, []byte("<pre"))
}

// preIndex is the index in line of its first <pre tag outside a code
// span, or -1.
func preIndex(line []byte) int {
	spans, ok := codeSpans(line)
	if !ok {
		spans = nil
	}
	for i := bytes.IndexByte(line, '<'); i >= 0; {
		if isPreTag(line[i:]) && !inSpan(spans, i) {
			return i
		}
		j := bytes.IndexByte(line[i+1:], '<')
		if j < 0 {
			return -1
		}
		i += 1 + j
	}
	return -1
}

// preElement is a <pre> element read from its lines.
type preElement struct {
	prefix []byte   // the block quotes' markers of its lines
	before []byte   // the text before <pre> on its first line, trimmed
	marker bool     // before is a list item's marker ("- ", "1. ")
	pad    int      // the indent of <pre> on its line
	lines  [][]byte // its text, line by line, tags and all
	after  []byte   // the text after </pre> on its last line, nil when none
	lang   string   // the language its class names
	last   int      // the index of its last line
}

// readPre reads the <pre> element whose tag is in ls[i]: ok is false
// when it is not closed, or its lines leave the block quote it starts
// in; then p.last is the last line it read, where a <pre> of the lines
// between would not be closed either.
func readPre(ls [][]byte, i int) (p preElement, ok bool) {
	first := bytes.TrimRight(ls[i], " \t\r")
	p.prefix = first[:len(quotePrefix.Find(first))]
	unquoted := func(l []byte) ([]byte, bool) {
		l = bytes.TrimRight(l, "\r")
		if bytes.HasPrefix(l, p.prefix) {
			return l[len(p.prefix):], true
		}
		if len(bytes.TrimSpace(l)) > 0 && bytes.Equal(bytes.TrimSpace(l), bytes.TrimSpace(p.prefix)) {
			return nil, true // ">", the quote's blank line
		}
		return nil, false
	}
	text, _ := unquoted(first)
	at := preIndex(text)
	p.last = i
	if at < 0 {
		return p, false
	}
	p.before = bytes.TrimRight(text[:at], " \t")
	p.pad = at
	if m := listMarker.Find(text[:at]); m != nil && len(m) == at {
		p.marker = true
	} else if len(bytes.TrimSpace(p.before)) == 0 {
		p.before = nil
	}
	head := text[at:]
	for m := preTag.Find(head); m != nil; m = preTag.Find(head) {
		if l := preLanguage.FindSubmatch(m); l != nil && p.lang == "" {
			p.lang = string(l[1])
		}
		head = head[len(m):]
	}
	for j, line := i, head; j < len(ls); {
		p.last = j
		if j > i && len(bytes.TrimSpace(line)) == 0 && p.before != nil && !p.marker {
			break // <pre> in a paragraph's text ends with the paragraph
		}
		if end := preEnd.FindIndex(line); end != nil {
			p.lines = append(p.lines, line[:end[0]])
			if after := bytes.TrimRight(line[end[1]:], " \t"); len(after) > 0 {
				p.after = after
			}
			return p, true
		}
		p.lines = append(p.lines, line)
		j++
		if j == len(ls) {
			break
		}
		if line, ok = unquoted(ls[j]); !ok {
			break
		}
	}
	return p, false
}

// codeLines is the text of the element's lines as code: closing tags at
// the end of the last line and other tags left out, entities read.
func (p preElement) codeLines() [][]byte {
	out := make([][]byte, len(p.lines))
	for k, l := range p.lines {
		if k == len(p.lines)-1 {
			l = bytes.TrimRight(l, " \t")
			for m := preClose.Find(l); m != nil; m = preClose.Find(l) {
				l = bytes.TrimRight(l[:len(l)-len(m)], " \t")
			}
		}
		out[k] = []byte(html.UnescapeString(string(withoutTags(l))))
	}
	return out
}

// preFence writes the <pre> element p, whose tag is in ls[i], as a
// fenced code block: from is the first line it writes over (i, or the
// blank line above), out the lines to write from there, f its warning.
// out is nil when it cannot be written so in as many lines: then
// preSpans writes it as code in its lines.
func preFence(ls [][]byte, i int, p preElement) (from int, out [][]byte, f Foreign) {
	if bytes.HasPrefix(bytes.TrimSpace(p.before), []byte("|")) {
		return 0, nil, Foreign{} // a table's row holds no code block
	}
	code := p.codeLines()
	if len(bytes.TrimSpace(code[0])) == 0 {
		code = code[1:]
	}
	if len(code) > 0 && len(bytes.TrimSpace(code[len(code)-1])) == 0 {
		code = code[:len(code)-1]
	}
	fence := bytes.Repeat([]byte("`"), max(3, longestRun(code, '`')+1))
	indent := bytes.Repeat([]byte(" "), p.pad)
	var body [][]byte
	switch {
	case p.marker:
		body = append(body, append(append(append([]byte{}, p.before...), ' '), fence...))
		body[0] = append(body[0], p.lang...)
	case p.before != nil:
		indent = indent[:leadingSpaces(p.before)]
		body = append(body, p.before, append(append(append([]byte{}, indent...), fence...), p.lang...))
	default:
		body = append(body, append(append(append([]byte{}, indent...), fence...), p.lang...))
	}
	for _, l := range code {
		if len(l) > 0 {
			l = append(append([]byte{}, indent...), l...)
		}
		body = append(body, l)
	}
	body = append(body, append(append([]byte{}, indent...), fence...))
	if p.after != nil {
		body = append(body, bytes.TrimLeft(p.after, " \t"))
	}
	// The lines the block takes: its own, and a blank line above or
	// below when it needs more, where no text of its lines moves.
	from, to := i, p.last
	blank := func(k int) bool {
		if k < 0 || k >= len(ls) {
			return false
		}
		l := bytes.TrimRight(ls[k], "\r")
		return bytes.HasPrefix(l, p.prefix) && len(bytes.TrimSpace(l[len(p.prefix):])) == 0 ||
			len(p.prefix) > 0 && bytes.Equal(bytes.TrimSpace(l), bytes.TrimSpace(p.prefix))
	}
	if len(body) > to-from+1 && p.before == nil && !p.marker && blank(from-1) {
		from--
	}
	if len(body) > to-from+1 && p.after == nil && blank(to+1) {
		to++
	}
	if len(body) != to-from+1 {
		return 0, nil, Foreign{}
	}
	for k, l := range body {
		if len(p.prefix) > 0 {
			body[k] = append(append([]byte{}, p.prefix...), l...)
		}
	}
	return from, body, preFound(p.lang)
}

// preSpans writes the <pre> element p, whose tag is in ls[i], as code
// in its lines: each line's text a code span, the line breaks of a <pre>
// written on one line (<br>) and those between its lines breaks of the
// text. out is nil when it is in a table's row and goes on to another
// line.
func preSpans(ls [][]byte, i int, p preElement) (out [][]byte, f Foreign) {
	if p.last > i && bytes.HasPrefix(bytes.TrimSpace(p.before), []byte("|")) {
		return nil, Foreign{}
	}
	code := append([][]byte{}, p.lines...)
	code[len(code)-1] = bytes.TrimRight(code[len(code)-1], " \t")
	for m := preClose.Find(code[len(code)-1]); m != nil; m = preClose.Find(code[len(code)-1]) {
		code[len(code)-1] = bytes.TrimRight(code[len(code)-1][:len(code[len(code)-1])-len(m)], " \t")
	}
	// The text of the line above, and of the line below, is of the same
	// paragraph: a break between it and the code keeps them apart.
	text := p.before != nil || i > 0 && p.proseLine(ls[i-1])
	for k, l := range code {
		line := append([]byte{}, p.prefix...)
		if k == 0 {
			line = append(line, ls[i][len(p.prefix):len(p.prefix)+p.pad]...)
		}
		span := codeSpansOf(l)
		switch {
		case len(span) > 0 && text && (k > 0 || p.before == nil):
			line = append(line, "<br>"...)
		case len(span) > 0 && p.marker && k == 0 && line[len(line)-1] != ' ':
			line = append(line, ' ')
		}
		line = append(line, span...)
		if k == len(code)-1 && p.after != nil {
			line = append(line, p.after...)
		} else if k == len(code)-1 && len(span) > 0 && p.last+1 < len(ls) && p.proseLine(ls[p.last+1]) {
			line = append(line, "<br>"...)
		}
		text = len(bytes.TrimSpace(line[len(p.prefix):])) > 0
		out = append(out, line)
	}
	f = Foreign{Code: "html-pre",
		Message: diag.Msg("the preformatted text (<pre>) in a line of text is shown as code in that line, its tags left out: a code block needs lines of its own"),
		Hint:    diag.Msg("write it as `code` between backticks, or as a code block on lines of its own: a line of ```, the code, a line of ```")}
	if p.last > i {
		f.Message = diag.Msg("the preformatted text (<pre>) that shares its lines with text is shown as code line by line, its tags left out: a code block needs lines of its own, with a blank line or a line of its tag before and after it")
		f.Hint = diag.Msg("put <pre> and </pre> on lines of their own, or write a code block: a line of ```, the code, a line of ```")
	}
	return out, f
}

// proseLine reports whether l, a line beside the element, is a line of
// a paragraph's text in the element's block quotes: not blank, no
// heading, table row, fence, tag or list item.
func (p preElement) proseLine(l []byte) bool {
	if !bytes.HasPrefix(l, p.prefix) {
		return false
	}
	t := bytes.TrimSpace(l[len(p.prefix):])
	return len(t) > 0 && !bytes.ContainsRune([]byte("#|`~<>"), rune(t[0])) && !listMarker.Match(t)
}

// codeSpansOf is the text of line l of a <pre> as code spans, one for
// each part between its line breaks (<br>), tags left out and entities
// read: "" when it holds no text.
func codeSpansOf(l []byte) []byte {
	var out []byte
	for _, part := range preBreak.Split(string(l), -1) {
		text := strings.TrimSpace(html.UnescapeString(string(withoutTags([]byte(part)))))
		if text == "" {
			continue
		}
		if len(out) > 0 {
			out = append(out, "<br>"...)
		}
		ticks := strings.Repeat("`", longestRun([][]byte{[]byte(text)}, '`')+1)
		if text[0] == '`' || text[len(text)-1] == '`' {
			text = " " + text + " "
		}
		out = append(append(append(out, ticks...), text...), ticks...)
	}
	return out
}

// withoutTags is line without the HTML tags in it; a word in angle
// brackets that names no element is text, and stays.
func withoutTags(line []byte) []byte {
	return anyTag.ReplaceAllFunc(line, func(tag []byte) []byte {
		if name, _ := tagOf(tag); htmlElements[name] {
			return nil
		}
		return tag
	})
}

// longestRun is the length of the longest run of c in lines.
func longestRun(lines [][]byte, c byte) int {
	longest := 0
	for _, l := range lines {
		run := 0
		for _, d := range l {
			if d == c {
				run++
				longest = max(longest, run)
			} else {
				run = 0
			}
		}
	}
	return longest
}

// preFound is the Foreign of a <pre> block shown as code.
func preFound(lang string) Foreign {
	return Foreign{Code: "html-pre",
		Message: diag.Msg("an HTML block of preformatted text (<pre>) is shown as a code block of its text, its tags left out"),
		Hint:    diag.Msg("write it as a fenced code block: a line of %s, its lines as they are (< rather than &lt;, without tags), then a line of ```", strings.TrimSpace("```"+lang))}
}
