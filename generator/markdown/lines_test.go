package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// scanned is what lineScanner makes of a body: each line's kind, and
// whether it had stopped seeing fences before the line.
func scanned(body []byte) (kinds []lineKind, unsure []bool) {
	s := lineScanner{body: body}
	for {
		was := s.unsure
		l, ok := s.next()
		if !ok {
			return kinds, unsure
		}
		kinds = append(kinds, l.kind)
		unsure = append(unsure, was)
	}
}

// goldmarkFences is goldmark's view of the fenced code in body: which
// lines hold code, which hold a fence's info string, and the first code
// line of each fenced block at the top level (-1 for one without code).
func goldmarkFences(body []byte) (code, info map[int]bool, top []int) {
	code, info = map[int]bool{}, map[int]bool{}
	lineOf := func(off int) int { return bytes.Count(body[:min(off, len(body))], []byte{'\n'}) }
	_ = ast.Walk(Parse(nil, body), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		f, ok := n.(*ast.FencedCodeBlock)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		first := -1
		for i := range f.Lines().Len() {
			seg := f.Lines().At(i)
			code[lineOf(seg.Start)] = true
			if i == 0 {
				first = lineOf(seg.Start)
			}
		}
		if f.Info != nil {
			info[lineOf(f.Info.Segment.Start)] = true
		}
		if n.Parent().Kind() == ast.KindDocument {
			top = append(top, first)
		}
		return ast.WalkSkipChildren, nil
	})
	return code, info, top
}

// sameFences fails the test where lineScanner reads a line as code, or
// as a fence with an info string, that goldmark does not; and where
// goldmark has a fenced block at the top level, opened at the margin
// while the scanner was sure, whose lines it does not read as code.
func sameFences(t *testing.T, body []byte) {
	t.Helper()
	kinds, unsure := scanned(body)
	code, info, top := goldmarkFences(body)
	lines := bytes.Split(body, []byte{'\n'})
	for n, k := range kinds {
		switch {
		case k == codeLine && !code[n]:
			t.Fatalf("%q: line %d is code to the scanner, not to goldmark", body, n)
		case k == fenceOpen && !info[n] && hasInfo(lines[n]) && (n < len(lines)-1 || len(lines[n])-runLength(lines[n], 0) > 1):
			// (goldmark reads no info string from a last line, without
			// '\n', that has one byte after the run)
			t.Fatalf("%q: line %d opens a fence to the scanner, not to goldmark", body, n)
		}
	}
	for _, first := range top {
		open := first - 1
		if first < 0 || open < 0 || len(lines[open]) == 0 || lines[open][0] != '`' && lines[open][0] != '~' || unsure[open] {
			continue
		}
		if kinds[open] != fenceOpen {
			t.Fatalf("%q: goldmark opens a fence at line %d, the scanner does not", body, open)
		}
		for n := first; n < len(kinds) && code[n]; n++ {
			if kinds[n] != codeLine {
				t.Fatalf("%q: line %d is code to goldmark, not to the scanner", body, n)
			}
		}
	}
}

// hasInfo reports whether a fence line has anything after its run.
func hasInfo(text []byte) bool {
	return len(bytes.Trim(text[runLength(text, 0):], " \t\r")) > 0
}

var fenceCases = []string{
	"```\ncode\n```\ntext\n",
	"```go\ncode\n  ```\n",
	"~~~~\n~~~\n```\n~~~~~\nafter\n",
	"```a`\nnot code\n",
	"   ```\nindented: the scanner leaves it\n```\n",
	"- a\n  ```\n> > > > not code once the item ends\n",
	"<div>\n```\n\n> > text after the HTML block\n",
	"a < b\n```\ncode, but the scanner no longer knows\n```\n",
	"> a\n```\ncode after a quote\n```\n",
	"```\n\tcode\n\t```\n    ```\n```\r\nafter\n",
	"``` info `x\n",
	"```\ncode\n``` x\nstill code\n",
	"[^1]: note\n```\ncode\n```\n",
	"term\n: definition\n```\ncode\n```\n",
	"| a |\n| - |\n```\ncode\n```\n",
	"```x",
	"```",
	" ~~~\n~~~x\n",
	" ```\n~~~x\n```\ntext after the indented fence\n~~~\n",
	"- a\n  ```\nx\n```\ncode\n```\n",
}

func TestLineScanner(t *testing.T) {
	for _, c := range fenceCases {
		sameFences(t, []byte(c))
	}
	kinds, _ := scanned([]byte("```go\nx\n```\ny\n"))
	if want := []lineKind{fenceOpen, codeLine, fenceClose, textLine}; !bytes.Equal(kindBytes(kinds), kindBytes(want)) {
		t.Errorf("kinds %v, want %v", kinds, want)
	}
}

func kindBytes(ks []lineKind) []byte {
	b := make([]byte, len(ks))
	for i, k := range ks {
		b[i] = byte(k)
	}
	return b
}

// FuzzFences holds lineScanner to goldmark's own view of fenced code.
func FuzzFences(f *testing.F) {
	for _, c := range fenceCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > 2000 {
			return
		}
		sameFences(t, []byte(body))
	})
}
