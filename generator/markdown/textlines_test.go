package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// withoutCodeSpans copies a line once, not once a code span: a line of
// 20,000 code spans (one long line of a generated table, a pasted log)
// was copied 20,000 times, and its document took seconds to read.
func TestWithoutCodeSpansCopiesOnce(t *testing.T) {
	line := []byte(strings.Repeat("a `b` ", 2000))
	text, ok := withoutCodeSpans(line)
	if !ok || !bytes.Equal(text, []byte(strings.Repeat("a  ", 2000))) {
		t.Fatalf("got %q, %v", text[:min(len(text), 40)], ok)
	}
	if allocs := testing.AllocsPerRun(5, func() { withoutCodeSpans(line) }); allocs > 40 {
		t.Errorf("%v allocations for a line of 2,000 code spans, want a few: the line is copied once per span", allocs)
	}
}

func BenchmarkWithoutCodeSpans(b *testing.B) {
	line := []byte(strings.Repeat("*a* `d` [e](#f) <g> ", 20000))
	for b.Loop() {
		withoutCodeSpans(line)
	}
}
