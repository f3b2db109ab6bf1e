package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"

	"ismsgen/generator/internal/fast"
)

// LinkAt is one link of a body: its destination, the offset of its '['
// in the body, the line of the body it is on (0 for the first), and how
// it was written.
type LinkAt struct {
	Dest string
	Pos  int
	Line int
	Kind LinkKind
}

// LinkKind is how a link was written.
type LinkKind uint8

const (
	KindLink  LinkKind = iota // [text](dest), [text][ref], [text]
	KindImage                 // ![alt](dest): a link when dest is an id (ImageID)
	KindAngle                 // <ISMS-P-009>: raw HTML to goldmark, an id link here (AngleID)
)

// ScanLinks returns what the link stage reads from a body: its links in
// order, and the ids of its top-level headings, as ParseForLinks gives
// them (its HTML anchors: ScanBody). A body in the plain Markdown most documents are written in is
// read line by line without goldmark (see quickScan); any other goes to
// ParseForLinks. With the fast paths off (package fast), every body goes
// to goldmark's own Parse.
func ScanLinks(body []byte) ([]LinkAt, []string) {
	links, ids, _, _ := ScanBody(body)
	return links, ids
}

// AnchorAt is an HTML anchor of a body (Anchor), at its line of the
// body (0 for the first).
type AnchorAt struct {
	ID    string
	Tag   string // "a" or "span"
	Line  int
	Clash string // why the page leaves it out (Anchor.Clash), "" if it does not
}

// ScanBody is ScanLinks, its HTML anchors, and what of body its page
// leaves out: its raw HTML and the anchors whose id is taken (Foreign);
// a body read line by line has none of these.
func ScanBody(body []byte) ([]LinkAt, []string, []AnchorAt, []Foreign) {
	var root ast.Node
	if fast.On() {
		if links, ids, ok := quickScan(body); ok {
			return links, ids, nil, nil
		}
		root = ParseForLinks(body)
	} else {
		root = Parse(nil, body)
	}
	var links []LinkAt
	var anchors []AnchorAt
	var foreign []Foreign
	lines := lineCounter{src: body}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		at := LinkAt{Pos: n.Pos()}
		switch n := n.(type) {
		case *ast.Link:
			at.Dest = string(n.Destination)
		case *ast.Image:
			at.Dest, at.Kind = string(n.Destination), KindImage
		case *ast.RawHTML:
			id, ok := AngleID(n, body)
			if !ok {
				if f, ok := rawHTML(n, body); ok && n.Segments.Len() > 0 {
					f.Line = lines.at(min(n.Segments.At(0).Start, len(body)))
					if k := len(foreign) - 1; k >= 0 && foreign[k].tags != nil && foreign[k].Line == f.Line {
						foreign[k] = foreign[k].withTag(f)
					} else {
						foreign = append(foreign, f)
					}
				}
				return ast.WalkContinue, nil
			}
			at.Dest, at.Kind = id, KindAngle
		case *ast.HTMLBlock:
			f, ok := rawHTML(n, body)
			if ok {
				f.Line = lines.at(min(n.Lines().At(0).Start, len(body)))
			}
			if code, isCode := n.NextSibling().(*ast.CodeBlock); isCode {
				// One warning for both: the block left out and its
				// rest shown as code are one mistake.
				if c, shown := htmlAsCode(code, body); shown {
					c.Line = lines.at(min(code.Lines().At(0).Start, len(body)))
					f, ok = withCode(f, ok, c), true
				}
			}
			if ok {
				foreign = append(foreign, f)
			}
			return ast.WalkContinue, nil
		case *Anchor:
			line := lines.at(min(max(n.Pos(), 0), len(body)))
			if n.Clash != "" {
				f := clashed(n)
				f.Line = line
				foreign = append(foreign, f)
			}
			anchors = append(anchors, AnchorAt{ID: n.ID, Tag: n.Tag, Line: line, Clash: n.Clash})
			return ast.WalkContinue, nil
		default:
			return ast.WalkContinue, nil
		}
		at.Line = lines.at(min(max(at.Pos, 0), len(body)))
		links = append(links, at)
		return ast.WalkContinue, nil
	})
	var ids []string
	for _, h := range Headings(root, body) {
		ids = append(ids, h.ID)
	}
	return links, ids, anchors, foreign
}

// lineCounter gives the line of offsets in src, counting on from the
// offset asked before: the links of a body come in the order of the body
// (but for footnotes, which goldmark moves to the end), and a 5 MB body
// with 41,000 links took a second counting each from the start.
type lineCounter struct {
	src       []byte
	pos, line int
}

func (c *lineCounter) at(pos int) int {
	if pos < c.pos {
		c.pos, c.line = 0, 0
	}
	c.line += bytes.Count(c.src[c.pos:pos], []byte{'\n'})
	c.pos = pos
	return c.line
}

// quickScan reads the links and top-level heading ids of body when every
// line is one whose meaning for links and headings does not depend on
// the lines around it: a blank line; a code fence and the lines it holds;
// an ATX heading at the margin; or text at the margin, after at most one
// list marker, whose brackets and backticks pair up within the line and
// whose links are plain inline links, "[text](destination)" with no
// spaces, quotes, brackets, parentheses, '<', '&' or '\' in the
// destination. It declines (ok false) everything else: indented lines,
// block quotes, setext headings, thematic breaks, definitions of any kind
// (link references, footnotes, definition lists), tables with links,
// raw HTML and autolinks, escapes, and a link on a line that linkify
// could take an address from. A fuzz target holds it to ParseForLinks.
func quickScan(body []byte) (links []LinkAt, ids []string, ok bool) {
	if bytes.IndexByte(body, '\\') >= 0 || bytes.IndexByte(body, '<') >= 0 ||
		bytes.IndexByte(body, '\r') >= 0 || bytes.IndexByte(body, 0) >= 0 {
		return nil, nil, false
	}
	headings := *newHeadingIDs()
	s := lineScanner{body: body}
	for l, more := s.next(); more; l, more = s.next() {
		line, off, lineNo := l.text, l.start, l.n
		if l.kind != textLine || blank(line) {
			continue // a code fence and the lines it holds
		}
		if level := atxLevel(line); level > 0 {
			text := bytes.Trim(line[level:], " ")
			if bytes.IndexByte(line, '\t') >= 0 || bytes.HasSuffix(text, []byte{'#'}) {
				return nil, nil, false // a closing sequence or a tab: goldmark's rules
			}
			if bytes.IndexByte(text, '[') >= 0 || bytes.IndexByte(text, '{') >= 0 {
				return nil, nil, false // a link's id comes from its text alone (linkHeadings); {#id} is its own (ownIDs)
			}
			ids = append(ids, string(headings.Generate(text, ast.KindHeading)))
			if links, ok = lineLinks(line, off, lineNo, links); !ok {
				return nil, nil, false
			}
			continue
		}
		content, ok := itemContent(line)
		if !ok || !plainStart(content) || len(content) < len(line) && isTask(content) {
			return nil, nil, false
		}
		if links, ok = lineLinks(line, off, lineNo, links); !ok {
			return nil, nil, false
		}
	}
	return links, ids, true
}

// atxLevel is the level of the ATX heading that line is ("## x": 2), or
// 0: one to six '#', then a space, a tab or the end of the line.
func atxLevel(line []byte) int {
	n := runLength(line, 0)
	if len(line) == 0 || line[0] != '#' || n > 6 || n < len(line) && line[n] != ' ' && line[n] != '\t' {
		return 0
	}
	return n
}

// itemContent returns what follows the list marker at the start of line
// ("- ", "* ", "+ ", "1. ", "1) "), or the whole line when it has none.
// It declines an empty item (a lone "-" may underline a heading), and a
// marker followed by a tab or by more than one space.
func itemContent(line []byte) ([]byte, bool) {
	marker := 0
	switch line[0] {
	case '-', '*', '+':
		marker = 1
	default:
		digits := len(line) - len(bytes.TrimLeft(line, "0123456789"))
		if digits > 0 && digits <= 9 && digits < len(line) && (line[digits] == '.' || line[digits] == ')') {
			marker = digits + 1
		}
	}
	switch {
	case marker == 0:
		return line, true
	case blank(line[marker:]):
		return nil, false
	case line[marker] == ' ':
		if line[marker+1] == ' ' {
			return nil, false
		}
		return line[marker+1:], true
	case line[marker] == '\t':
		return nil, false
	}
	return line, true // "-x", "1.5": text
}

// plainStart reports whether text that starts a line (or follows its list
// marker) is ordinary text, which opens no block of its own: no
// indentation, quote, heading, list marker, fence, definition, setext
// underline or thematic break.
func plainStart(text []byte) bool {
	switch text[0] {
	case ' ', '\t', '>', ':':
		return false
	case '-', '*', '_', '=', '+':
		// alone, with spaces, they underline or break; "**bold**", "-x" are text
		if len(bytes.Trim(text, string(text[:1])+" \t")) == 0 {
			return false
		}
	case '#':
		if atxLevel(text) > 0 {
			return false // a heading in a list item
		}
	case '`', '~':
		if _, ok := openFence(text); ok {
			return false
		}
	case '[':
		// "[label]: …" defines a link reference
		if end := bytes.IndexByte(text, ']'); end > 0 && end+1 < len(text) && text[end+1] == ':' {
			return false
		}
	}
	c, ok := itemContent(text)
	return ok && len(c) == len(text) // no second marker
}

// blank reports whether b holds nothing but spaces and tabs.
func blank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// isTask reports whether a list item's text starts with a task box,
// "[ ]" or "[x]", which the task list extension takes even before a '('.
func isTask(text []byte) bool {
	return len(text) >= 3 && text[0] == '[' && text[2] == ']' && (text[1] == ' ' || text[1] == '\t' || text[1] == 'x' || text[1] == 'X')
}

// mayLinkify reports whether linkify could make a link in b: every link
// it makes starts with "http:", "https:", "ftp:" or "www.", or is an
// e-mail address.
func mayLinkify(b []byte) bool {
	return bytes.IndexByte(b, '@') >= 0 || bytes.Contains(b, []byte("http")) ||
		bytes.Contains(b, []byte("ftp:")) || bytes.Contains(b, []byte("www."))
}

// codeSpans returns the code spans of line as [start, end) pairs: each
// run of backticks with the next run of the same length. A run without
// one is declined: it may close on a later line.
func codeSpans(line []byte) ([][2]int, bool) {
	var spans [][2]int
	for i := 0; i < len(line); {
		if line[i] != '`' {
			k := bytes.IndexByte(line[i:], '`')
			if k < 0 {
				break
			}
			i += k
		}
		n := runLength(line, i)
		j := i + n
		for {
			k := bytes.IndexByte(line[j:], '`')
			if k < 0 {
				return nil, false
			}
			j += k
			m := runLength(line, j)
			if m == n {
				spans = append(spans, [2]int{i, j + m})
				i = j + m
				break
			}
			j += m
		}
	}
	return spans, true
}

// runLength is the length of the run of line[i] that starts at i (0 past
// the end).
func runLength(line []byte, i int) int {
	n := 0
	for i+n < len(line) && line[i+n] == line[i] {
		n++
	}
	return n
}

// lineLinks appends the inline links of line, which starts at offset off
// in the body and is its line lineNo, to links. It declines a line whose code spans, brackets
// or links are more than plain.
func lineLinks(line []byte, off, lineNo int, links []LinkAt) ([]LinkAt, bool) {
	hasBracket := bytes.IndexByte(line, '[') >= 0 || bytes.IndexByte(line, ']') >= 0
	if !hasBracket && bytes.IndexByte(line, '`') < 0 {
		return links, true
	}
	if hasBracket && (bytes.IndexByte(line, '|') >= 0 || mayLinkify(line) ||
		bytes.Contains(line, []byte("![")) || bytes.Contains(line, []byte("[^"))) {
		return links, false
	}
	code, ok := codeSpans(line)
	if !ok {
		return links, false
	}
	// inCode reports whether offset i is in a code span; the offsets it
	// is asked about never decrease, so one pass over the spans answers.
	next := 0
	inCode := func(i int) bool {
		for next < len(code) && code[next][1] <= i {
			next++
		}
		return next < len(code) && code[next][0] <= i
	}
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == ']' && !inCode(i):
			return links, false // closes nothing
		case line[i] != '[' || inCode(i):
			continue
		}
		end := -1
		for j := i + 1; j < len(line); j++ {
			if inCode(j) {
				return links, false // a code span in the link text
			}
			if line[j] == '[' {
				return links, false // brackets within brackets
			}
			if line[j] == ']' {
				end = j
				break
			}
		}
		if end < 0 {
			return links, false
		}
		open := i
		i = end
		if end+1 >= len(line) || line[end+1] != '(' {
			continue // "[text]": no link without a reference definition
		}
		close := bytes.IndexByte(line[end+2:], ')')
		if close <= 0 {
			return links, false
		}
		dest := line[end+2 : end+2+close]
		if bytes.ContainsAny(dest, " \t\"'()[]<>&`\\") {
			return links, false
		}
		links = append(links, LinkAt{Dest: string(dest), Pos: off + open, Line: lineNo})
		i = end + 2 + close
	}
	return links, true
}
