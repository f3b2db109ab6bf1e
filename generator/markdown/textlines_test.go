package markdown

import (
	"bytes"
	"runtime"
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

// allocated is the number of bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A line of many HTML links or pictures, and code spans, is written
// once, not once a tag: 20,000 links on a line took 40 s, each copying
// the line and lowering the rest of it.
func TestHTMLTagsOfALineCopyItOnce(t *testing.T) {
	for _, tc := range []struct {
		name, unit, want string
		f                func([]byte, [][2]int) []byte
	}{
		{"links", `<a href="x.md">t</a> ` + "`c` ", "[t](x.md) `c` ", aTags},
		{"pictures", `<img src="a.png" alt="x"> ` + "`c` ", "![x](a.png) `c` ", func(l []byte, s [][2]int) []byte { out, _ := imgTags(l, s); return out }},
	} {
		line := []byte(strings.Repeat(tc.unit, 4000))
		spans, _ := codeSpans(line)
		if got := tc.f(line, spans); !bytes.Equal(got, []byte(strings.Repeat(tc.want, 4000))) {
			t.Fatalf("%s: got %q…", tc.name, got[:80])
		}
		// twice the tags, twice the bytes; four times when each copies
		// the line
		half := line[:len(line)/2]
		halfSpans, _ := codeSpans(half)
		n, m := allocated(func() { tc.f(half, halfSpans) }), allocated(func() { tc.f(line, spans) })
		if m > 3*n {
			t.Errorf("%s: %d bytes allocated for a line of %d bytes, %d for half of it: the line is copied once a tag", tc.name, m, len(line), n)
		}
	}
}
