package markdown

import "bytes"

// spanningMDXComments leaves out each MDX comment that opens after text
// on a line ("text {/* a note") or before text on a later line ("*/}
// text"), and closes on a later line, as a comment on lines of its own
// is: the lines it covers stay, empty, so that every other line keeps
// its number. The text after it stays on its closing line, indented as
// that line is but at most three columns past the opening line (no
// code); the text before it loses the spaces that would break its line.
// One in code stays.
func spanningMDXComments(body []byte) []byte {
	if !bytes.Contains(body, []byte("{/*")) {
		return body // most bodies: no split into lines
	}
	var opens [][2]int // the line and the column of each {/* a line leaves open
	textLines(body, holding("{/*"), func(n int, line []byte, spans [][2]int) []byte {
		if at := openComment(line, spans); at >= 0 {
			opens = append(opens, [2]int{n, at})
		}
		return line
	})
	if len(opens) == 0 {
		return body
	}
	starts := []int{0} // the offset of each line
	for i, c := range body {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	var out []byte
	last := 0        // the offset up to which body is in out
	closing := -1    // the offset of the last "*/}" found
	closingLine := 0 // its line
	for _, o := range opens {
		open := starts[o[0]] + o[1]
		if open < last {
			continue // within the comment before
		}
		if closing < open+3 {
			i := bytes.Index(body[open+3:], []byte("*/}"))
			if i < 0 {
				break // none closes after it, nor after the next
			}
			closing = open + 3 + i
			closingLine = o[0] + bytes.Count(body[open:closing], []byte("\n"))
		}
		if closingLine-o[0] > maxCommentLines || holdsFence(body[open:closing]) {
			continue // a fence in it: left out, it would leave its other fence open
		}
		out = append(out, bytes.TrimRight(body[last:open], " \t")...)
		out = append(out, bytes.Repeat([]byte("\n"), closingLine-o[0])...)
		end := closing + 3
		rest := body[end:]
		if eol := bytes.IndexByte(rest, '\n'); eol >= 0 {
			rest = rest[:eol]
		}
		text := bytes.TrimLeft(rest, " \t")
		last = end + len(rest) - len(text)
		if len(bytes.TrimSpace(text)) > 0 {
			indent := min(indentOf(body[starts[closingLine]:]), indentOf(body[starts[o[0]]:])+3)
			out = append(out, bytes.Repeat([]byte(" "), indent)...)
		}
	}
	if out == nil {
		return body
	}
	return append(out, body[last:]...)
}

// openComment is the column of the first "{/*" in line, out of its code
// spans, that no "*/}" after it closes on the line; -1 when there is
// none.
func openComment(line []byte, spans [][2]int) int {
	from := 0
	for {
		i := bytes.Index(line[from:], []byte("{/*"))
		if i < 0 {
			return -1
		}
		i += from
		if inSpan(spans, i) {
			from = i + 3
			continue
		}
		j := bytes.Index(line[i+3:], []byte("*/}"))
		if j < 0 {
			return i
		}
		from = i + 3 + j + 3
	}
}

// holdsFence reports whether a line of text after its first opens or
// closes fenced code.
func holdsFence(text []byte) bool {
	for _, l := range bytes.Split(text, []byte("\n"))[1:] {
		if _, ok := openFence(bytes.TrimLeft(l, " ")); ok {
			return true
		}
	}
	return false
}
