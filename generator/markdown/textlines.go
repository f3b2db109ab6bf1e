package markdown

import (
	"bytes"
	"slices"
)

// textLines calls f for each line of body that is text and that holds
// what wanted looks for: not in fenced code, not indented code (four
// spaces past the text of the list item above, or a tab), and with code
// spans that close (spans, which f leaves alone). f returns the line to
// keep, the same slice when it changes nothing. textLines returns the
// body with the lines f changed, or body itself when it changed none.
// Several of the adaptations of other tools' Markdown read a body so.
func textLines(body []byte, wanted func(line []byte) bool, f func(n int, line []byte, spans [][2]int) []byte) []byte {
	ls := bytes.Split(body, []byte("\n"))
	changed := false
	var code fence // the fence of the open code block
	item := -1     // the column of the text of the list item above, or -1
	for n, line := range ls {
		if code.holds(bytes.TrimSuffix(line, []byte("\r"))) {
			continue
		}
		indent := leadingSpaces(line)
		if f, ok := openFence(bytes.TrimLeft(line, " ")); ok && indent-max(item, 0) < 4 {
			code = f.in(item)
			continue
		}
		if m := listMarker.FindIndex(line); m != nil {
			item = m[1]
		} else if indent == 0 && len(bytes.TrimSpace(line)) > 0 {
			item = -1
		}
		if indent-max(item, 0) >= 4 || bytes.HasPrefix(line, []byte("\t")) || !wanted(line) {
			continue
		}
		spans, ok := codeSpans(line)
		if !ok {
			continue
		}
		if kept := f(n, line, spans); !sameSlice(kept, line) {
			ls[n], changed = kept, true
		}
	}
	if !changed {
		return body
	}
	return bytes.Join(ls, []byte("\n"))
}

// sameSlice reports whether a and b are the same bytes in memory.
func sameSlice(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// holding returns a test of whether a line holds s.
func holding(s string) func([]byte) bool {
	return func(line []byte) bool { return bytes.Contains(line, []byte(s)) }
}

// withoutCodeSpans is line without its code spans; ok is false when one
// does not close. line itself when it has none.
func withoutCodeSpans(line []byte) (text []byte, ok bool) {
	if bytes.IndexByte(line, '`') < 0 {
		return line, true
	}
	spans, ok := codeSpans(line)
	if !ok {
		return nil, false
	}
	// one copy, not one a span: a line of 20,000 code spans took
	// seconds
	text = make([]byte, 0, len(line))
	last := 0
	for _, sp := range spans {
		text = append(text, line[last:sp[0]]...)
		last = sp[1]
	}
	return append(text, line[last:]...), true
}

// edit is a change to a line: line[from:to] replaced by with.
type edit struct {
	from, to int
	with     []byte
}

// spliced is line with the edits made, apart from one another and in
// any order, in one copy of it: a copy of the line an edit made a line
// of 20,000 links or spans take tens of seconds. line itself when there
// are none.
func spliced(line []byte, edits []edit) []byte {
	if len(edits) == 0 {
		return line
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.from - b.from })
	out := make([]byte, 0, len(line)+len(edits)*4)
	last := 0
	for _, e := range edits {
		out = append(append(out, line[last:e.from]...), e.with...)
		last = e.to
	}
	return append(out, line[last:]...)
}
