package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// QuickLink is what a page makes of one inline link (QuickOptions.Link).
type QuickLink struct {
	Dest   string // the link's destination (goldmark's ast.Link.Destination)
	Class  string // a class attribute, or ""
	Doc    string // a data-doc attribute (the id of the document linked to), or ""
	Unwrap bool   // show the link's text instead of a link
	Fill   string // the text of a link written without any, shown as it is
}

// QuickOptions are a page's rules for links and code blocks; both are
// what the page would do to goldmark's tree.
type QuickOptions struct {
	Link func(dest string) QuickLink
	// Code returns the HTML of a fenced code block; info is its info
	// string as goldmark's FencedCodeBlock.Info holds it (nil for none),
	// whose first word is the language (FenceLanguage).
	Code func(info []byte, code []byte) []byte
	// NoText: the caller wants the HTML alone, and QuickRender makes no
	// headings and no plain text (an earlier version's page, which is
	// not searched).
	NoText bool
}

// QuickRender writes the HTML of body into out, as goldmark renders it
// with the options the page's Link and Code stand for, and returns its
// top-level headings and plain text as Headings and PlainText give them.
// It reads the plain Markdown most documents are written in, line by
// line: paragraphs, ATX headings, one-line list items, GFM tables and
// code fences, with inline links, code spans and "**strong**" text. Any
// other body (see quickLine and inline for what declines) it leaves to
// goldmark: ok is false, and out holds a part of a page to throw away.
// A fuzz target holds it to goldmark.
func QuickRender(out *bytes.Buffer, body []byte, o QuickOptions) (headings []Heading, plain string, ok bool) {
	if bytes.IndexByte(body, '\r') >= 0 || bytes.IndexByte(body, 0) >= 0 || !utf8.Valid(body) {
		return nil, "", false
	}
	q := quickHTML{out: out, o: o, ids: *newHeadingIDs(), plain: plainText{off: o.NoText}}
	q.plain.grow(len(body) + len(body)/8)
	if !q.blocks(body) {
		return nil, "", false
	}
	return q.headings, q.plain.String(), true
}

// quickHTML is the state of one QuickRender.
type quickHTML struct {
	out      *bytes.Buffer
	plain    plainText
	o        QuickOptions
	ids      headingIDs
	headings []Heading

	para     [][]byte // the lines of the open paragraph
	list     byte     // the open list's marker ('-', '*', '+', or '.' or ')' after a number); 0 for none
	blankEnd bool     // a blank line followed the open list's last item
}

func (q *quickHTML) blocks(body []byte) bool {
	s := lineScanner{body: body}
	for l, more := s.next(); more; l, more = s.next() {
		line := l.text
		if blank(line) {
			if !q.endParagraph() {
				return false
			}
			if q.list != 0 {
				q.blankEnd = true
			}
			continue
		}
		if l.kind == fenceOpen {
			if !quickLine(line) || !q.endParagraph() {
				return false
			}
			q.endList()
			if !q.fence(&s, line, body) {
				return false
			}
			continue
		}
		if !quickLine(line) {
			return false
		}
		if level := atxLevel(line); level > 0 {
			if !q.endParagraph() {
				return false
			}
			q.endList()
			if !q.heading(line, level) {
				return false
			}
			continue
		}
		content, ok := itemContent(line)
		if !ok || !plainStart(content) {
			return false
		}
		if len(content) < len(line) { // a list item
			if q.para != nil || isTask(content) || !q.item(line, content) {
				return false // a list after a paragraph's line: may interrupt it or not
			}
			continue
		}
		if q.list != 0 {
			if !q.blankEnd {
				return false // a lazy line of the item's paragraph
			}
			q.endList()
		}
		if line[0] == '|' && q.para == nil {
			if !q.table(&s, line) {
				return false
			}
			continue
		}
		q.para = append(q.para, line)
	}
	if !q.endParagraph() {
		return false
	}
	q.endList()
	return true
}

// quickLine reports whether a line outside code holds nothing the quick
// path leaves to goldmark: tabs and other control characters, trailing
// spaces (hard breaks), raw HTML, entities and backslash escapes.
func quickLine(line []byte) bool {
	for _, c := range line {
		if notQuick[c] {
			return false
		}
	}
	return line[len(line)-1] != ' '
}

// notQuick marks the bytes quickLine declines.
var notQuick = func() (t [256]bool) {
	for c := range ' ' {
		t[c] = true
	}
	t['<'], t['&'], t['\\'] = true, true, true
	return t
}()

func (q *quickHTML) endParagraph() bool {
	if q.para == nil {
		return true
	}
	for i, l := range q.para {
		if bytes.IndexByte(l, '|') >= 0 || i > 0 && len(bytes.Trim(l, " -:")) == 0 {
			return false // a table may start on any of its lines ("a\n-:" is one)
		}
	}
	q.out.WriteString("<p>")
	for i, l := range q.para {
		if i > 0 {
			q.out.WriteByte('\n')
			q.plain.writeByte(' ')
		}
		if !q.inline(l) {
			return false
		}
	}
	q.out.WriteString("</p>\n")
	q.plain.writeByte('\n')
	q.para = nil
	return true
}

func (q *quickHTML) endList() {
	if q.list == 0 {
		return
	}
	if q.list == '.' || q.list == ')' {
		q.out.WriteString("</ol>\n")
	} else {
		q.out.WriteString("</ul>\n")
	}
	q.plain.writeByte('\n')
	q.list, q.blankEnd = 0, false
}

// item writes one list item; content is line after its marker.
func (q *quickHTML) item(line, content []byte) bool {
	kind := line[0]
	start := -1
	if kind >= '0' && kind <= '9' {
		digits := len(line) - len(content) - 2
		kind = line[digits]
		start, _ = strconv.Atoi(string(line[:digits]))
	}
	if q.list == kind && q.blankEnd {
		return false // a loose list: its items are paragraphs
	}
	if q.list != kind {
		q.endList()
		q.list = kind
		switch {
		case start < 0:
			q.out.WriteString("<ul>\n")
		case start == 1:
			q.out.WriteString("<ol>\n")
		default:
			q.out.WriteString(`<ol start="`)
			q.out.WriteString(strconv.Itoa(start))
			q.out.WriteString("\">\n")
		}
	}
	q.out.WriteString("<li>")
	if !q.inline(content) {
		return false
	}
	q.out.WriteString("</li>\n")
	q.plain.writeString("\n\n") // after the text block, and after the item
	return true
}

func (q *quickHTML) heading(line []byte, level int) bool {
	text := bytes.Trim(line[level:], " ")
	if len(text) == 0 || text[len(text)-1] == '#' || bytes.IndexByte(text, '[') >= 0 || bytes.IndexByte(text, '{') >= 0 {
		return false // an empty heading, a closing sequence, or a link (see linkHeadings)
	}
	id := q.ids.Generate(text, ast.KindHeading)
	q.out.WriteString("<h")
	q.out.WriteByte('0' + byte(level))
	q.out.WriteString(` id="`)
	q.out.Write(util.EscapeHTML(id))
	q.out.WriteString(`">`)
	from := q.plain.len()
	if !q.inline(text) {
		return false
	}
	// A copy: a slice of the text would keep all of it for as long as the
	// search index keeps the headings.
	if !q.o.NoText {
		q.headings = append(q.headings, Heading{Level: level, Text: strings.Clone(q.plain.String()[from:]), ID: string(id)})
	}
	q.out.WriteString("</h")
	q.out.WriteByte('0' + byte(level))
	q.out.WriteString(">\n")
	q.plain.writeByte('\n')
	return true
}

// fence writes the code block that opens with the line open, reading
// its lines from s up to the closing fence.
func (q *quickHTML) fence(s *lineScanner, open, body []byte) bool {
	info := bytes.Trim(open[runLength(open, 0):], " ")
	if len(info) == 0 {
		info = nil
	}
	// The block's lines are one piece of body: from the line after the
	// fence to the closing fence (or the end).
	first, end, closed := s.pos, len(body), false
	for l, more := s.next(); more; l, more = s.next() {
		if l.kind == fenceClose {
			end, closed = l.start, true
			break
		}
	}
	if !closed && body[len(body)-1] != '\n' {
		return false // goldmark ends the last line, or drops a one-letter language word
	}
	var code []byte
	if first < len(body) {
		code = body[first:end]
	}
	q.out.Write(q.o.Code(info, code))
	q.plain.write(code)
	q.plain.writeByte('\n')
	return true
}

// table writes the GFM table whose header is the line header, reading
// its delimiter row and its rows from s: every line up to a blank one
// must be a row.
func (q *quickHTML) table(s *lineScanner, header []byte) bool {
	delim, ok := s.next()
	if !ok || len(delim.text) == 0 || delim.text[0] != '|' {
		return false
	}
	align, ok := delimiterRow(delim.text)
	if !ok {
		return false
	}
	head := cells(header, len(align), true)
	if len(head) != len(align) {
		return false // goldmark keeps the paragraph
	}
	q.out.WriteString("<table>\n<thead>\n<tr>\n")
	if !q.row(head, align, "th") {
		return false
	}
	q.out.WriteString("</tr>\n</thead>\n")
	q.plain.writeByte('\n')
	rows := 0
	for {
		if l, more := s.peek(); !more || blank(l.text) {
			break
		}
		l, _ := s.next()
		if l.text[0] != '|' || !quickLine(l.text) {
			return false
		}
		if rows == 0 {
			q.out.WriteString("<tbody>\n")
		}
		rows++
		q.out.WriteString("<tr>\n")
		if !q.row(cells(l.text, len(align), false), align, "td") {
			return false
		}
		q.out.WriteString("</tr>\n")
		q.plain.writeByte('\n')
	}
	if rows > 0 {
		q.out.WriteString("</tbody>\n")
	}
	q.out.WriteString("</table>\n")
	q.plain.writeByte('\n')
	return true
}

// row writes a row's cells; a cell past the row's own (nil) is empty
// and unaligned, as goldmark pads a short row.
func (q *quickHTML) row(cs [][]byte, align []string, tag string) bool {
	for i := range align {
		q.out.WriteByte('<')
		q.out.WriteString(tag)
		if i < len(cs) && align[i] != "" {
			q.out.WriteString(` style="text-align:`)
			q.out.WriteString(align[i])
			q.out.WriteByte('"')
		}
		q.out.WriteByte('>')
		if i < len(cs) && !q.inline(cs[i]) {
			return false
		}
		q.out.WriteString("</")
		q.out.WriteString(tag)
		q.out.WriteString(">\n")
		q.plain.writeByte('\n')
	}
	return true
}

// delimiterRow reads a table's delimiter row ("| --- | :-: |") into
// the columns' alignments ("" for none).
func delimiterRow(line []byte) ([]string, bool) {
	if len(bytes.Trim(line, "|-: ")) > 0 {
		return nil, false
	}
	cols := bytes.Split(line, []byte{'|'})
	if blank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && blank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	var align []string
	for _, c := range cols {
		c = bytes.Trim(c, " ")
		left, right := bytes.HasPrefix(c, []byte{':'}), bytes.HasSuffix(c, []byte{':'})
		dashes := c
		if left {
			dashes = dashes[1:]
		}
		if right && len(dashes) > 0 {
			dashes = dashes[:len(dashes)-1]
		}
		if len(dashes) == 0 || len(bytes.Trim(dashes, "-")) > 0 {
			return nil, false // ":-:-", "::", "- -"
		}
		switch {
		case left && right:
			align = append(align, "center")
		case left:
			align = append(align, "left")
		case right:
			align = append(align, "right")
		default:
			align = append(align, "")
		}
	}
	return align, len(align) > 0
}

// cells splits a table row into its cells' text, as goldmark does: the
// outer pipes go, a body row's cells past the columns are dropped, and a
// header keeps them (then it is no table).
func cells(line []byte, columns int, header bool) [][]byte {
	pos, limit := 0, len(line)
	if line[0] == '|' {
		pos++
	}
	if line[limit-1] == '|' {
		limit--
	}
	var out [][]byte
	for pos < limit {
		if len(out) >= columns && !header {
			break
		}
		end := pos + bytes.IndexByte(line[pos:limit], '|')
		if end < pos {
			end = limit
		}
		out = append(out, bytes.Trim(line[pos:end], " "))
		pos = end + 1
	}
	return out
}

// inline writes one line of inline content: text, code spans, inline
// links and "**strong**" text. It declines emphasis of any other kind,
// images, footnotes, strikethrough and anything linkify could take.
func (q *quickHTML) inline(s []byte) bool {
	code, ok := codeSpans(s)
	if !ok {
		return false
	}
	checked := 0 // s[:checked] has been looked at for linkify
	text := 0    // the start of the text not yet written
	for i := 0; i < len(s); {
		if !inlineMark[s[i]] { // text: the bytes below are all marks
			i++
			continue
		}
		if len(code) > 0 && code[0][0] == i {
			span := code[0]
			code = code[1:]
			n := runLength(s, i)
			content := s[i+n : span[1]-n]
			if len(content) == 0 || content[0] == ' ' || content[len(content)-1] == ' ' {
				return false
			}
			q.text(s[text:i])
			q.out.WriteString("<code>")
			q.out.Write(util.EscapeHTML(content))
			q.out.WriteString("</code>")
			q.plain.write(content)
			i, text = span[1], span[1]
			continue
		}
		switch s[i] {
		case '~', ']':
			return false
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				return false
			}
		case '*', '_':
			n, end, ok := emphasis(s, i)
			if !ok {
				return false
			}
			tag := "em>"
			if n == 2 {
				tag = "strong>"
			}
			q.text(s[text:i])
			q.out.WriteByte('<')
			q.out.WriteString(tag)
			q.text(s[i+n : end])
			q.out.WriteString("</")
			q.out.WriteString(tag)
			i, text = end+n, end+n
			continue
		case '[':
			label, dest, end, ok := linkAt(s, i)
			if !ok {
				return false
			}
			if dest == nil { // "[text]": text
				i = end
				continue
			}
			if mayLinkify(s[checked:i+1+len(label)]) || len(code) > 0 && code[0][0] < end {
				return false
			}
			checked = end
			q.text(s[text:i])
			q.link(label, dest)
			i, text = end, end
			continue
		}
		i++
	}
	if mayLinkify(s[checked:]) {
		return false
	}
	q.text(s[text:])
	return true
}

// inlineMark marks the bytes inline looks at: a code span's backtick,
// and those of the switch.
var inlineMark = [256]bool{'`': true, '~': true, ']': true, '!': true, '*': true, '_': true, '[': true}

// text writes plain text, escaped. Each of the two bytes to escape is
// looked for by itself (bytes.IndexByte), which is quicker than looking
// for either byte by byte when, as mostly, there is neither.
func (q *quickHTML) text(t []byte) {
	q.plain.write(t)
	quote, gt := bytes.IndexByte(t, '"'), bytes.IndexByte(t, '>')
	last := 0
	for quote >= 0 || gt >= 0 {
		if gt < 0 || quote >= 0 && quote < gt {
			q.out.Write(t[last:quote])
			q.out.WriteString("&quot;")
			last = quote + 1
			if quote = bytes.IndexByte(t[last:], '"'); quote >= 0 {
				quote += last
			}
		} else {
			q.out.Write(t[last:gt])
			q.out.WriteString("&gt;")
			last = gt + 1
			if gt = bytes.IndexByte(t[last:], '>'); gt >= 0 {
				gt += last
			}
		}
	}
	q.out.Write(t[last:])
}

func (q *quickHTML) link(label, dest []byte) {
	l := QuickLink{Dest: string(dest)}
	if q.o.Link != nil {
		l = q.o.Link(l.Dest)
	}
	if !l.Unwrap {
		q.out.WriteString(`<a href="`)
		d := util.URLEscape([]byte(l.Dest), true)
		if !dangerousURL(d) {
			q.out.Write(util.EscapeHTML(d))
		}
		q.out.WriteByte('"')
		if l.Class != "" {
			q.out.WriteString(` class="`)
			q.out.Write(util.EscapeHTML([]byte(l.Class)))
			q.out.WriteByte('"')
		}
		if l.Doc != "" {
			q.out.WriteString(` data-doc="`)
			q.out.Write(util.EscapeHTML([]byte(l.Doc)))
			q.out.WriteByte('"')
		}
		q.out.WriteByte('>')
	}
	if len(label) == 0 {
		q.out.Write(util.EscapeHTML([]byte(l.Fill)))
		q.plain.writeString(l.Fill)
	} else {
		q.text(label)
	}
	if !l.Unwrap {
		q.out.WriteString("</a>")
	}
}

// linkAt reads the inline link whose '[' is s[i]: its text, its
// destination and the offset after it. A bracketed text with no
// destination after it is text (dest nil): with no link reference
// definitions (the quick path takes none), goldmark leaves it so. It
// declines text with code, emphasis or brackets, and a destination that
// is more than plain (see lineLinks).
func linkAt(s []byte, i int) (label, dest []byte, end int, ok bool) {
	close := bytes.IndexByte(s[i+1:], ']')
	if close < 0 {
		return nil, nil, 0, false
	}
	label = s[i+1 : i+1+close]
	if bytes.ContainsAny(label, "[`*_~^") {
		return nil, nil, 0, false
	}
	end = i + 2 + close
	if end >= len(s) || s[end] != '(' {
		return label, nil, end, true
	}
	stop := bytes.IndexByte(s[end+1:], ')')
	if stop <= 0 {
		return nil, nil, 0, false
	}
	dest = s[end+1 : end+1+stop]
	if bytes.ContainsAny(dest, " \"'()[]`") {
		return nil, nil, 0, false
	}
	return label, dest, end + 2 + stop, true
}

// emphasis finds the end of the emphasis ("*em*", "**strong**", or
// with '_') that opens at s[i], and its run's length: a run of one or two
// after white space or punctuation (or at the start) and before a letter
// or digit, closed by the next run of the same character, as long, after
// a letter or digit and before white space, punctuation or the end, with
// only plain text between. Such runs open and close only one way,
// whatever is around them.
func emphasis(s []byte, i int) (n, end int, ok bool) {
	c := s[i]
	n = runLength(s, i)
	if n > 2 || !outside(s[:i], true) || !wordAt(s[i+n:], true) {
		return 0, 0, false
	}
	close := bytes.IndexByte(s[i+n:], c)
	if close < 0 {
		return 0, 0, false
	}
	end = i + n + close
	if bytes.ContainsAny(s[i+n:end], "*_~`[]!") || runLength(s, end) != n ||
		!wordAt(s[:end], false) || !outside(s[end+n:], false) {
		return 0, 0, false
	}
	return n, end, true
}

// wordAt reports whether the rune at the start of b (or at its end, when
// first is false) is a letter or a digit.
func wordAt(b []byte, first bool) bool {
	r, _ := utf8.DecodeRune(b)
	if !first {
		r, _ = utf8.DecodeLastRune(b)
	}
	return len(b) > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// outside reports whether the rune at the end of b (or at its start, when
// last is false) is white space or punctuation, or whether b is empty.
func outside(b []byte, last bool) bool {
	if len(b) == 0 {
		return true
	}
	r, _ := utf8.DecodeRune(b)
	if last {
		r, _ = utf8.DecodeLastRune(b)
	}
	return unicode.IsSpace(r) || unicode.IsPunct(r)
}

// plainText is the plain text QuickRender makes, or none (off).
type plainText struct {
	b   strings.Builder
	off bool
}

func (p *plainText) grow(n int) {
	if !p.off {
		p.b.Grow(n)
	}
}

func (p *plainText) writeByte(c byte) {
	if !p.off {
		p.b.WriteByte(c)
	}
}

func (p *plainText) writeString(s string) {
	if !p.off {
		p.b.WriteString(s)
	}
}

func (p *plainText) write(s []byte) {
	if !p.off {
		p.b.Write(s)
	}
}

func (p *plainText) len() int       { return p.b.Len() }
func (p *plainText) String() string { return p.b.String() }
