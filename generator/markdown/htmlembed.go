package markdown

import (
	"bytes"
)

// An element that shows something from elsewhere — a frame, a player —
// written on its own line with a paragraph right under it, without a
// blank line between ("<iframe src=…></iframe>", then text): CommonMark
// reads the lines to the next blank one as one HTML block, which pages
// leave out whole, so the paragraph went with the frame. Such an
// element, when it closes at the end of its lines, is left out alone
// (with its warning), and the lines under it are shown as the paragraph
// their author wrote. Followed by a blank line, as CommonMark wants, it
// is left to the HTML block's own warning, as before.

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
	if len(ls[0]) == 0 || ls[0][0] != '<' {
		return 0, nil // indented: in a list item, or code
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
