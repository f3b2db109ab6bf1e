package markdown

import "bytes"

// The hand-written Markdown readers (LimitNesting and LimitLinks, the link
// reader quickScan, the renderer QuickRender, the paragraph check of
// ParseForLinks and WithoutTitleHeading) read a body line by line with
// lineScanner, which tells the lines of fenced code apart as goldmark
// does, where it can be sure of them. It must never take for code a line
// that goldmark reads as text: LimitNesting and LimitLinks leave the lines
// of code alone, and a line of text must not reach goldmark unchecked. A
// fence is certain only at the margin, where every container (list item,
// block quote, footnote) has ended:
//
//   - a fence opens at a line of three or more '`' or '~' at the margin
//     (for '`', with no '`' in the rest of the line), and closes at a line
//     of up to three spaces, a run of the same character at least as long,
//     and nothing else but spaces, tabs and carriage returns: goldmark's
//     fences at the top level;
//   - after a line of text that holds a '<' (which may open an HTML block,
//     whose lines are HTML until a blank line or its end tag) or that
//     opens a fence indented by one to three spaces (at the top level, or
//     in a list item that may end before the fence does), goldmark may
//     hold lines in a block the scanner cannot follow: from there on it
//     sees no fences, and every line is text.
//
// FuzzFences holds the scanner to goldmark's tree.
type lineScanner struct {
	body   []byte
	pos    int // where the next line starts
	n      int // the number of the next line, from 0
	open   fence
	unsure bool // from here on no fences: see above
	lt     int  // 1 + the offset of the first '<' at or after the line last searched from; 0 for not searched
}

// fence is the run of '`' or '~' that opened a fenced code block.
type fence struct {
	char   byte // 0 for none
	length int
	base   int // the column of the text of the list item it is in, 0 outside lists
}

// in is f opened in a list item whose text starts at column base: its
// closing fence is indented as its item's text is, up to three spaces
// more.
func (f fence) in(base int) fence {
	f.base = max(base, 0)
	return f
}

// lineKind says what a line is to the scanner.
type lineKind uint8

const (
	textLine   lineKind = iota // outside fenced code
	fenceOpen                  // opens a fenced code block
	codeLine                   // inside one
	fenceClose                 // closes one
)

// line is one line of a body.
type line struct {
	text  []byte // without its '\n'
	start int    // its offset in the body
	n     int    // its number, from 0
	kind  lineKind
}

// next returns the next line, or false at the end of the body.
func (s *lineScanner) next() (line, bool) {
	if s.pos >= len(s.body) {
		return line{}, false
	}
	l := line{start: s.pos, n: s.n}
	if i := bytes.IndexByte(s.body[s.pos:], '\n'); i >= 0 {
		l.text, s.pos = s.body[s.pos:s.pos+i], s.pos+i+1
	} else {
		l.text, s.pos = s.body[s.pos:], len(s.body)
	}
	s.n++
	switch {
	case s.open.char != 0:
		l.kind = codeLine
		if s.open.closedBy(l.text) {
			l.kind, s.open = fenceClose, fence{}
		}
	case s.unsure:
	default:
		if f, ok := openFence(l.text); ok {
			l.kind, s.open = fenceOpen, f
		} else if s.holdsLT(l) || indentedFence(l.text) {
			s.unsure = true
		}
	}
	return l, true
}

// holdsLT reports whether the line holds a '<', searching the body once
// for the next '<' rather than each line (most bodies have none).
func (s *lineScanner) holdsLT(l line) bool {
	if s.lt == 0 || s.lt-1 < l.start && s.lt <= len(s.body) {
		// Not searched yet, or the '<' found was in code: search on.
		i := bytes.IndexByte(s.body[l.start:], '<')
		if i < 0 {
			s.lt = len(s.body) + 1 // none to the end
			return false
		}
		s.lt = l.start + i + 1
	}
	return s.lt-1 < l.start+len(l.text)
}

// indentedFence reports whether text opens a fence after one to three
// spaces.
func indentedFence(text []byte) bool {
	i := 0
	for i < len(text) && i < 4 && text[i] == ' ' {
		i++
	}
	_, ok := openFence(text[i:])
	return i > 0 && i < 4 && ok
}

// peek returns the line that next would return, without reading it.
func (s lineScanner) peek() (line, bool) { return s.next() }

// openFence reads the fence that text, a line at the margin, opens.
func openFence(text []byte) (fence, bool) {
	if len(text) == 0 || text[0] != '`' && text[0] != '~' {
		return fence{}, false
	}
	n := runLength(text, 0)
	if n < 3 || text[0] == '`' && bytes.IndexByte(text[n:], '`') >= 0 {
		return fence{}, false
	}
	return fence{char: text[0], length: n}, true
}

// holds reports whether line belongs to the open code block f, if any:
// a line in it, or the line that closes it, after which f is none.
func (f *fence) holds(line []byte) bool {
	if f.char == 0 {
		return false
	}
	if f.closedBy(line) {
		*f = fence{}
	}
	return true
}

// closedBy reports whether text closes the fence.
func (f fence) closedBy(text []byte) bool {
	indent := 0
	for indent < len(text) && indent < f.base+4 && text[indent] == ' ' {
		indent++
	}
	if indent > f.base+3 || indent == len(text) || text[indent] != f.char {
		return false
	}
	n := runLength(text, indent)
	if n < f.length {
		return false
	}
	for _, c := range text[indent+n:] {
		if c != ' ' && c != '\t' && c != '\r' { // goldmark's blank
			return false
		}
	}
	return true
}
