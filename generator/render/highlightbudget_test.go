package render

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/util"

	"ismsgen/generator/internal/fast"
)

// goBlock is a block of Go of about size bytes, named n (no two alike).
func goBlock(n, size int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "// block %d\n", n)
	for b.Len() < size {
		fmt.Fprintf(&b, "func f%d() { _ = %q }\n", b.Len(), "a < b")
	}
	return b.String()
}

// TestHighlightBudget: a body highlights its code blocks in order while
// their total stays within maxHighlightedDocument; a block that would
// pass it is plain, every character kept, and a later one that still
// fits is highlighted. The same with the fast paths on (line by line,
// the cache) and off (goldmark), and the same again when rendered a
// second time (the cache holds the blocks then).
func TestHighlightBudget(t *testing.T) {
	const size = 3000
	fits := maxHighlightedDocument / size
	var src strings.Builder
	var blocks []string
	for i := range fits + 1 {
		blocks = append(blocks, goBlock(i, size))
	}
	blocks = append(blocks, "func small() {}\n")
	if left := maxHighlightedDocument - fits*len(blocks[0]); left < len(blocks[len(blocks)-1]) {
		t.Fatalf("the test's last block does not fit in the %d bytes left", left)
	}
	for _, b := range blocks {
		src.WriteString("```go\n" + b + "```\n\n")
	}
	var pages []string
	for _, on := range []bool{true, false, true} {
		restore := fast.Set(on)
		b := newBodies("未发布文件")
		site, d := linked(t, src.String(), "程序")
		for range 2 {
			pages = append(pages, string(b.render(site, d, []byte(src.String()), "../../").HTML))
		}
		restore()
	}
	for i, page := range pages {
		if page != pages[0] {
			t.Fatalf("rendering %d differs from the first:\n%.300s\nwant\n%.300s", i, page, pages[0])
		}
	}
	got := strings.Split(pages[0], `<pre class="chroma">`)[1:]
	if len(got) != len(blocks) {
		t.Fatalf("%d code blocks, want %d", len(got), len(blocks))
	}
	for i, out := range got {
		highlighted := strings.Contains(out, "<span")
		want := i != fits // the one past the budget
		if highlighted != want {
			t.Errorf("block %d of %d bytes: highlighted %v, want %v", i, len(blocks[i]), highlighted, want)
		}
		if !want && !strings.HasPrefix(out, "<code>"+string(util.EscapeHTML([]byte(blocks[i])))+"</code></pre>") {
			t.Errorf("block %d, past the budget, is not shown as written: %.200q", i, out)
		}
	}
}

// The text that costs chroma the most a byte of those that
// BenchmarkHighlightWorst tries, measured in CPU time with chroma's
// clock off (as lexerTable sets it): Java, in lines of "a a … a x", 63 ms
// a KB at its bound of 2 KB (YAML's lines of "@@…@x" next, 56 ms a KB,
// 0.43 s a block of 8 KB), on 2 busy cores.
const (
	worstLanguage = "Java"
	worstFence    = "java"
)

var worstLine = strings.Repeat("a ", (maxHighlightedLine-1)/2) + "x\n"

// BenchmarkHighlightWorstDocument renders a body of 64 different blocks
// of that text (128 KB), each at its language's bound, with nothing
// cached: "unbounded" highlights them all, as every block within the
// bounds was before a body had a budget; "budget" within
// maxHighlightedDocument.
func BenchmarkHighlightWorstDocument(b *testing.B) {
	lexerTable() // chroma's clock off, as in a build
	limit := maxHighlighted
	if n := highlightedLanguages[worstLanguage]; n > 0 {
		limit = n
	}
	var src strings.Builder
	for i := range 64 {
		head := fmt.Sprintf("// block %d\n", i)
		code := head + strings.Repeat(worstLine, (limit-len(head))/len(worstLine))
		src.WriteString("```" + worstFence + "\n" + code + "```\n\n")
	}
	site, d := linked(b, src.String(), "程序")
	for _, bc := range []struct {
		name   string
		budget int
	}{{"unbounded", 1 << 30}, {"budget", maxHighlightedDocument}} {
		b.Run(bc.name, func(b *testing.B) {
			start := time.Now()
			for b.Loop() {
				bs := newBodies("")
				bs.code.perDocument = bc.budget
				page := bs.render(site, d, []byte(src.String()), "")
				if !strings.Contains(string(page.HTML), "<span") {
					b.Fatal("nothing highlighted")
				}
			}
			b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N), "ms/doc")
		})
	}
}
