package markdown

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"
)

// wrapperEnds finds the line markdownWrapperEnd finds, for every line
// that opens a wrapper, in lines of nested, unclosed, stray and fenced
// tags.
func TestWrapperEndsAsScanned(t *testing.T) {
	parts := []string{"<div markdown=\"1\">", "</div>", "<section markdown>", "</section>", "<div>", "<div/>", "```", "~~~", "text", "", "  </div>", "<div markdown=\"1\"> x"}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 2000; n++ {
		lines := make([]string, r.Intn(14))
		for i := range lines {
			lines[i] = parts[r.Intn(len(parts))]
		}
		ls := bytes.Split([]byte(strings.Join(lines, "\n")), []byte("\n"))
		var w wrapperEnds
		for i, line := range ls {
			name := markdownInside(bytes.TrimSpace(line))
			if name == "" {
				continue
			}
			if got, want := w.of(ls, i, name), markdownWrapperEnd(ls[i:], name); got != want {
				t.Fatalf("%q, line %d: %d, want %d", strings.Join(lines, "\n"), i, got, want)
			}
		}
	}
}

// BenchmarkAdaptNestedWrappers: 2,000 nested <div markdown="1">, each
// scanned to its end, took 4.8 s to build.
func BenchmarkAdaptNestedWrappers(b *testing.B) {
	body := []byte(strings.Repeat("<div markdown=\"1\">\n", 2000) + "x\n" + strings.Repeat("</div>\n", 2000))
	for b.Loop() {
		Adapt(body)
	}
}
