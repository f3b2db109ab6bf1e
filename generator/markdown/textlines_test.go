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

// Each adaptation that rewrites the links or spans of a line writes the
// line once (spliced), not once a link: twice the links, about twice the
// bytes, where a copy of the line a link made it four times.
func TestLineRewritesScale(t *testing.T) {
	drop := func(f func([]byte) ([]byte, []Foreign)) func([]byte) []byte {
		return func(b []byte) []byte { out, _ := f(b); return out }
	}
	for _, tc := range []struct {
		name, unit string
		f          func([]byte) []byte
	}{
		{"pandoc spans", "[]{#a} `c` ", pandocSpans},
		{"attribute lists", "![a](b.png){ width=1 } `c` ", dropLinkAttributes},
		{"docsify ids", "[x](p.md?id=a) `c` ", docsifyIDs},
		{"template destinations", "[x]({{< ref \"a.md\" >}}) `c` ", drop(templateDests)},
		{"full-width parentheses", "[a]（a.md） `c` ", drop(halfWidthLinks)},
		{"a space before the parenthesis", "[a] (a.md) `c` ", drop(joinedLinks)},
		{"paths with spaces", "[a](a b.md) `c` ", drop(func(b []byte) ([]byte, []Foreign) { return angleSpacedPaths(b, nil) })},
		{"angle brackets not closed", "[a](<b c.md) `c` ", drop(closedAngles)},
	} {
		line := []byte(strings.Repeat(tc.unit, 4000) + "\n")
		half := []byte(strings.Repeat(tc.unit, 2000) + "\n")
		if bytes.Equal(tc.f(line), line) {
			t.Fatalf("%s: nothing rewritten", tc.name)
		}
		n, m := allocated(func() { tc.f(half) }), allocated(func() { tc.f(line) })
		if m > 3*n {
			t.Errorf("%s: %d bytes allocated for a line of %d bytes, %d for half of it: the line is copied once a link", tc.name, m, len(line), n)
		}
	}
}
