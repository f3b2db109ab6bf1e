package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// linksOf lists what the link stage reads from a parsed body: each
// link's destination and position, and each HTML anchor's id, position
// and clash, in order, and the headings.
func linksOf(root ast.Node, src []byte) ([]string, []Heading) {
	var links []string
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			links = append(links, fmt.Sprintf("%s@%d", l.Destination, l.Pos()))
		case *ast.Image:
			links = append(links, fmt.Sprintf("!%s@%d", l.Destination, l.Pos()))
		case *ast.RawHTML:
			if id, ok := AngleID(l, src); ok {
				links = append(links, fmt.Sprintf("<%s>@%d", id, l.Pos()))
			}
		case *Anchor:
			links = append(links, fmt.Sprintf("#%s@%d%s", l.ID, l.Pos(), l.Clash))
		}
		return ast.WalkContinue, nil
	})
	return links, Headings(root, src)
}

// sameLinks fails the test when ParseForLinks and Parse find different
// links or headings in src.
func sameLinks(t *testing.T, src []byte) {
	t.Helper()
	wantLinks, wantHeads := linksOf(Parse(nil, src), src)
	gotLinks, gotHeads := linksOf(ParseForLinks(src), src)
	if !reflect.DeepEqual(gotLinks, wantLinks) {
		t.Errorf("%q: links %q, want %q", src, gotLinks, wantLinks)
	}
	if !reflect.DeepEqual(gotHeads, wantHeads) {
		t.Errorf("%q: headings %+v, want %+v", src, gotHeads, wantHeads)
	}
}

func TestParseForLinks(t *testing.T) {
	for _, src := range []string{
		"# 标题\n\n正文 [x](ISMS-P-1) 与 [y](ISMS-P-2#范围)。\n\n没有链接的段落。\n",
		"Title\n===\n\nSub\n---\n\n[a](A)\n",
		"> Quoted title\n> ===\n>\n> [a](A)\n",
		"- item\n  ===\n- [a](A)\n",
		"Term\n: definition [a](A)\n\nTerm 2\n:   [b](B)\n",
		"para\n- list [a](A)\n",
		"[ref]: ISMS-P-9\n\nsee [ref] and [x][ref]\n",
		"| a | b |\n| - | - |\n| [x](X) | y |\n",
		"no link at all\n\n```\n[not](A)\n```\n",
		"<a name=\"install\"></a>\n## Install\n\ntext <span id=\"x\"></span>\n\n<a name=\"main\"></a>\n",
		"text &#91;x&#93;(A) and \\[y](B)\n",
		"footnote[^1]\n\n[^1]: note [a](A)\n",
		"* a\n\n  para\n\n      code [x](X)\n",
		"- a\n\n  - b [x](X)\n",
		"lazy\n> ===\n[a](A)\n",
		"a  \nb\n===\n",
		"- a\n- b [x](X)\n- c\n",
		"Term\n\n: description\n  # heading in it\n",
		"a\n> ---\n\n[x](X)\n",
	} {
		sameLinks(t, []byte(src))
	}
}

// TestParseForLinksTakesTheSample compares the two parses on every
// document of the sample site.
func TestParseForLinksTakesTheSample(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "content", "*", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample documents: %v", err)
	}
	more, _ := filepath.Glob(filepath.Join("..", "..", "content", "*", "*", "*.md"))
	for _, f := range append(files, more...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, body, ok := strings.Cut(string(src), "\n+++\n")
		if !ok {
			t.Fatalf("%s: no front matter", f)
		}
		sameLinks(t, []byte(body))
	}
}

func FuzzParseForLinks(f *testing.F) {
	for _, s := range []string{
		"Title\n===\n[a](A)", "> a\n> ---\n[b](B)", "Term\n: [c](C)", "- x\n  ===\n[d](D)",
		"[r]: A\n\n[r]", "| a |\n| - |\n| [e](E) |", "a\n\n    [f](F)\n", "x[^1]\n\n[^1]: [g](G)",
		"<a name=\"x\"></a>\n## X\n\n<a id=x></a> [h](#x)", "## <span id='y'></span>Y\n\nY\n===\n<a name=\"y-1\"></a>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 2000 {
			return // goldmark is slow on some long inputs, and short ones find the differences
		}
		sameLinks(t, []byte(src))
	})
}

// A paragraph may be taken by the line after it (a setext underline) or
// by a definition's ": " after blank lines; anything else takes nothing.
// Only the lines up to the first that is not blank are read.
func TestMayTakeParagraph(t *testing.T) {
	for _, tc := range []struct {
		src  string
		stop int
		want bool
	}{
		{"Para\n===\n", 5, true},
		{"Para\n---\n", 5, true},
		{"Para\n\n---\n", 5, false},
		{"Term\n\n\n: definition\n", 5, true},
		{"Term\n> : quoted\n", 5, true},
		{"Text\n- item\n", 5, false},
		{"Text\n", 5, false},
		{"Text", 4, false},
		{"Text more\n===\n", 4, true}, // stopped within its line: the next line decides
		{"Text\n```\n:\n```\n", 5, false},
	} {
		if got := mayTakeParagraph([]byte(tc.src), tc.stop); got != tc.want {
			t.Errorf("%q from %d: %v, want %v", tc.src, tc.stop, got, tc.want)
		}
	}
}

// A body of many short paragraphs (the items of a long nested list):
// each paragraph's check read the rest of the body for a '<' (80,000
// items took 9 s to build, 3 s once only its next lines were read).
func BenchmarkParseForLinksManyParagraphs(b *testing.B) {
	src := []byte(strings.Repeat("- a\n    - b\n        - c\n", 20000))
	for b.Loop() {
		ParseForLinks(src)
	}
}
