package textdiff

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// commonLinesByLine is commonLines as it was first written, comparing
// the texts line by line: the reference the quicker one must agree with.
func commonLinesByLine(old, new string) (head, tail int) {
	for head < len(old) && head < len(new) {
		i := strings.IndexByte(old[head:], '\n')
		if i < 0 || !strings.HasPrefix(new[head:], old[head:head+i+1]) {
			break
		}
		head += i + 1
	}
	a, b := old[head:], new[head:]
	for tail < len(a) && tail < len(b) {
		rest := a[:len(a)-tail]
		i := strings.LastIndexByte(strings.TrimSuffix(rest, "\n"), '\n')
		line := rest[i+1:]
		if i < 0 || !strings.HasSuffix(b[:len(b)-tail], line) || len(b)-tail-len(line) < 0 || len(b)-tail-len(line) > 0 && b[len(b)-tail-len(line)-1] != '\n' {
			break
		}
		tail += len(line)
	}
	return head, tail
}

func TestCommonLines(t *testing.T) {
	cases := []struct {
		old, new   string
		head, tail int
	}{
		{"", "", 0, 0},
		{"a\nb\n", "a\nb\n", 4, 0}, // the same: all of it is the start
		{"a\nb\nc\n", "a\nx\nc\n", 2, 2},
		{"a\nb\nc", "a\nx\nc", 2, 1},       // the last line has no newline
		{"ab\nc\n", "xb\nc\n", 0, 2},       // the first line never counts as the end
		{"a\nxb\nc\n", "a\nb\nc\n", 2, 2},  // "b\n" ends both, but is a whole line only in new
		{"a\nb\nc\n", "a\nc\n", 2, 2},      // a line deleted
		{"a\nc\n", "a\nb\nc\n", 2, 0},      // a line inserted: what is left of old is one line
		{"x\na\nb\n", "a\nb\n", 0, 4},      // new is old's end whole
		{"a\nb\n", "x\na\nb\n", 0, 2},      // old's first line never counts as the end
		{"a\nb", "a\nbc", 2, 0},            // no newline after the common start
		{"第1条\n第2条\n", "第1条\n第3条\n", 8, 0}, // runes differ only in their last byte
		{"\n\n\n", "\n\n", 2, 0},
		{"a\n\nb\n", "c\n\nb\n", 0, 3},
	}
	for _, tc := range cases {
		head, tail := commonLines(tc.old, tc.new)
		if head != tc.head || tail != tc.tail {
			t.Errorf("commonLines(%q, %q) = %d, %d; want %d, %d", tc.old, tc.new, head, tail, tc.head, tc.tail)
		}
		if h, tl := commonLinesByLine(tc.old, tc.new); h != head || tl != tail {
			t.Errorf("commonLines(%q, %q) = %d, %d; line by line %d, %d", tc.old, tc.new, head, tail, h, tl)
		}
	}
}

// TestCommonLinesRandom holds commonLines to the line-by-line reference
// on texts made of few different lines, which share starts and ends.
func TestCommonLinesRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "b", "\n", "\n", "ab", "第", "\n\n", "1.2"}
	text := func() string {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 200_000 {
		common := text()
		old, new := text()+common, text()+common
		if r.IntN(2) == 0 {
			old, new = common+old, common+new
		}
		h, tl := commonLines(old, new)
		if wh, wt := commonLinesByLine(old, new); h != wh || tl != wt {
			t.Fatalf("commonLines(%q, %q) = %d, %d; line by line %d, %d", old, new, h, tl, wh, wt)
		}
	}
}

func FuzzCommonLines(f *testing.F) {
	f.Add("a\nb\nc\n", "a\nx\nc\n")
	f.Fuzz(func(t *testing.T, old, new string) {
		h, tl := commonLines(old, new)
		if wh, wt := commonLinesByLine(old, new); h != wh || tl != wt {
			t.Fatalf("commonLines(%q, %q) = %d, %d; line by line %d, %d", old, new, h, tl, wh, wt)
		}
	})
}
