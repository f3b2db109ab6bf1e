package markdown

import (
	"bytes"
	"regexp"

	"ismsgen/generator/diag"
)

// An element that shows something from elsewhere — a frame, a player —
// written on its own line with a paragraph right under it, without a
// blank line between ("<iframe src=…></iframe>", then text): CommonMark
// reads the lines to the next blank one as one HTML block, which pages
// leave out whole, so the paragraph went with the frame. Such an
// element, when it closes at the end of its lines, is left out alone
// (with its warning), and the lines under it are shown as the paragraph
// their author wrote. Followed by a blank line, as CommonMark wants, it
// is left to the HTML block's own warning, as before. So is one in a
// list item (indented as the item's text, or right after its marker) or
// in a block quote, whose HTML block takes the lines of the item or the
// quote under it (embedIn).

// embedTags are those elements.
var embedTags = []string{"iframe", "video", "audio", "embed", "object"}

// opensEmbed is the element of embedTags a line (without its indent)
// starts with, or "".
func opensEmbed(trimmed []byte) string {
	for _, name := range embedTags {
		if hasTag(trimmed, name) {
			return name
		}
	}
	return ""
}

// htmlEmbed reads the element name that starts ls[0], at the margin: n
// is the number of lines it spans, when it ends at the end of the last
// and a line of text follows them at once (0 otherwise); out is n empty
// lines, which end the HTML block before the text.
func htmlEmbed(ls [][]byte, name string, blankAbove bool) (n int, out [][]byte) {
	if len(ls[0]) == 0 {
		return 0, nil
	}
	if ls[0][0] != '<' {
		// indented, as a list item's text is (the caller reads no code)
		return embedIn(ls, leadingSpaces(ls[0]), blankAbove)
	}
	first := bytes.TrimSpace(ls[0])
	alone := tagEnd(first) == len(first) // the line is the opening tag alone
	if name != "iframe" && !(alone && blankAbove) {
		// CommonMark starts an HTML block at an <iframe> line, but at
		// another element's only when its tag is alone, and not in a
		// paragraph: else the line is a paragraph's, its text kept
		return 0, nil
	}
	closing := "</" + name
	for k, line := range ls {
		t := bytes.TrimSpace(line)
		if len(t) == 0 {
			return 0, nil // a blank line ends the block first: nothing swallowed
		}
		if k == 0 && alone && (name == "embed" || bytes.HasSuffix(t, []byte("/>"))) {
			// closed with its tag: <embed …>, <iframe … />
		} else if at := indexLowerASCII(t, closing); at < 0 {
			continue
		} else if end := tagEnd(t[at:]); end <= 0 || at+end != len(t) {
			return 0, nil // text after the closing tag, on its line
		}
		if !textUnder(ls, k) {
			return 0, nil
		}
		return k + 1, make([][]byte, k+1)
	}
	return 0, nil
}

// textUnder reports whether the line after ls[k] is text, not blank and
// not more HTML (which is the block's own, with its warning).
func textUnder(ls [][]byte, k int) bool {
	if k+1 >= len(ls) {
		return false
	}
	next := bytes.TrimSpace(ls[k+1])
	return len(next) > 0 && next[0] != '<'
}

// lineBreak reads a <br> alone on the line ls[0], at the margin after a
// blank line, as CommonMark starts an HTML block with it: a line of
// text right under it went with it, without a word (a <br> is no more
// than space, and has no warning). The line is emptied (n 1, out one
// empty line) when one does; n is 0 otherwise.
func lineBreak(ls [][]byte, blankAbove bool) (n int, out [][]byte) {
	if !blankAbove || len(ls[0]) == 0 || ls[0][0] != '<' || !textUnder(ls, 0) {
		return 0, nil
	}
	return 1, make([][]byte, 1)
}

// quoteMarks is the '>' of a block quote, nested or not, at the start of
// a line with the space after each.
var quoteMarks = regexp.MustCompile(`^ {0,3}(?:>[ \t]?)+`)

// containerEmbed reads a frame or a player that starts right after a
// list item's marker ("- <iframe …></iframe>") or a block quote's '>'
// ("> <iframe …></iframe>"), whose HTML block takes the lines of the
// item or of the quote right under it, as embedIn does; blankAbove says
// the line above ls[0] is blank, or there is none. name is the
// element's ("" for none).
func containerEmbed(ls [][]byte, blankAbove bool) (n int, out [][]byte, name string) {
	p := 0
	if m := quoteMarks.Find(ls[0]); m != nil {
		p = len(m)
	} else if m := listMarker.Find(ls[0]); m != nil {
		p = len(m)
	}
	if p == 0 || p >= len(ls[0]) || ls[0][p] != '<' {
		return 0, nil, ""
	}
	if name = opensEmbed(ls[0][p:]); name == "" {
		return 0, nil, ""
	}
	// a list item's first line, or a quote's, opens its container: the
	// element is not in a paragraph above it
	n, out = embedIn(ls, p, true)
	return n, out, name
}

// embedIn reads the element that starts ls[0] after its first p bytes,
// the indent of a list item's text or its marker, or a block quote's
// marks, as htmlEmbed reads one at the margin: the lines under it are
// read without as much (each line that lacks it ends the container, and
// what comes after is not taken). out keeps of the element's lines only
// what is before the element: the marker of a list item (its text, now a
// paragraph under it, stays in the item) or the quote's marks.
func embedIn(ls [][]byte, p int, blankAbove bool) (n int, out [][]byte) {
	prefix := ls[0][:p]
	quoted := bytes.ContainsRune(prefix, '>')
	inner := [][]byte{ls[0][p:]}
	for k := 1; k < len(ls) && k < maxEmbedLines; k++ {
		l := bytes.TrimRight(ls[k], "\r")
		switch {
		case quoted && quoteMarks.Find(l) != nil && bytes.Count(quoteMarks.Find(l), []byte(">")) == bytes.Count(prefix, []byte(">")):
			inner = append(inner, l[len(quoteMarks.Find(l)):])
		case !quoted && len(bytes.TrimSpace(l)) == 0:
			inner = append(inner, nil)
		case !quoted && leadingSpaces(l) >= p:
			inner = append(inner, l[p:])
		default:
			k = len(ls) // the container ends: nothing more is taken
		}
	}
	name := opensEmbed(inner[0])
	if name == "" || len(inner[0]) == 0 || inner[0][0] != '<' {
		return 0, nil
	}
	n, _ = htmlEmbed(inner, name, blankAbove)
	if n == 0 {
		return 0, nil
	}
	out = make([][]byte, n)
	switch {
	case quoted:
		for k := range n {
			out[k] = bytes.TrimRight(quoteMarks.Find(ls[k]), " \t")
		}
	case leadingSpaces(prefix) < len(prefix):
		// a list item's marker, on the element's last line: the item
		// may start with no more than one empty line
		out[n-1] = bytes.TrimRight(prefix, " \t")
	}
	return n, out
}

// maxEmbedLines bounds the lines an element in a container is read to.
const maxEmbedLines = 64

// embedFound is the warning of a frame or a player left out alone, at
// line.
func embedFound(line int, name string) Foreign {
	return Foreign{Line: line, Code: "raw-html",
		Message: diag.Msg("the HTML element <%s> is not shown (pages show no HTML written in a document); the lines right under it are, as a paragraph of their own", name),
		Hint:    htmlHint(name)}
}

// opensContainerEmbed reports whether line (its indent trimmed or not)
// holds a frame or a player right after a list item's marker or a
// block quote's '>'.
func opensContainerEmbed(line []byte) bool {
	c := line[0]
	if c != '>' && c != '-' && c != '*' && c != '+' && (c < '0' || c > '9') || bytes.IndexByte(line[:min(len(line), 16)], '<') < 0 {
		return false
	}
	m := quoteMarks.Find(line)
	if m == nil {
		m = listMarker.Find(line)
	}
	return m != nil && len(m) < len(line) && line[len(m)] == '<' && opensEmbed(line[len(m):]) != ""
}
