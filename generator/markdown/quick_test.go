package markdown

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sameAsGoldmark fails the test when quickScan reads src and finds other
// links or heading ids than goldmark's full parse; it reports whether
// quickScan read it.
func sameAsGoldmark(t *testing.T, src []byte) bool {
	t.Helper()
	links, ids, ok := quickScan(src)
	if !ok {
		return false
	}
	wantLinks, wantHeads := linksOf(Parse(nil, src), src)
	var gotLinks []string
	for _, l := range links {
		gotLinks = append(gotLinks, fmt.Sprintf("%s@%d", l.Dest, l.Pos))
	}
	sameLines(t, src, links)
	var wantIDs []string
	for _, h := range wantHeads {
		wantIDs = append(wantIDs, h.ID)
	}
	if !reflect.DeepEqual(gotLinks, wantLinks) {
		t.Errorf("%q: links %q, want %q", src, gotLinks, wantLinks)
	}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("%q: heading ids %q, want %q", src, ids, wantIDs)
	}
	return true
}

// sameLines fails the test when a link's line is not the line of its
// offset in src.
func sameLines(t *testing.T, src []byte, links []LinkAt) {
	t.Helper()
	for _, l := range links {
		if want := bytes.Count(src[:l.Pos], []byte("\n")); l.Line != want {
			t.Errorf("%q: link to %s at %d is on line %d, want %d", src, l.Dest, l.Pos, l.Line, want)
		}
	}
}

// quickCases are bodies quickScan must read (true) or leave to goldmark.
var quickCases = []struct {
	src  string
	read bool
}{
	{"# 标题\n\n正文 [x](ISMS-P-1) 与 [y](ISMS-P-2#范围)。\n\n## 1 目的 / Purpose\n\n1. 第一 [a](A)\n2. 第二\n\n- 项 `code [no](N)` 后\n- [b](B)(c) [d][e] [f]\n\n| a | b |\n| - | - |\n| c | d |\n", true},
	{"# Same\n\n# Same\n\n## same\n\n#\n\n# \n\n#5 not a heading\n\n####### seven\n", true},
	{"```\n[not](A)\n# not\n```\n[yes](B)\n~~~ info `x`\n[not](C)\n  ~~~\n**bold** [z](Z) ``a`b`` ~~del~~\n", true},
	{"text\n- list [a](A)\n* star [b](B)\n+ plus\n10) ten [c](C)\n-x [d](D)\n1.5 [e](E)\n", true},
	{"[x](X) link\n[](E) [a **b** c](D)\n- a [ ] [x] task\n", true},
	{"- [ ] task [a](A)\n", false},
	{"- [x](X) a checked box\n", false},
	{"Title\n===\n[a](A)\n", false},
	{"para\n-\n", false},
	{"> quote [a](A)\n", false},
	{"    code [a](A)\n", false},
	{"[r]: A\n\n[r]\n", false},
	{"x[^1]\n\n[^1]: [g](G)\n", false},
	{"[^1]: [early](E)\n\ntext[^1] [late](L)\n\n> [q](Q)\n", false}, // goldmark walks the footnote after the text
	{"Term\n: [c](C)\n", false},
	{"| [e](E) |\n", false},
	{"see http://a.com/[x](Y)\n", false},
	{"[a](b c)\n", false},
	{"[a [b](c)](d)\n", false},
	{"`open\n[x](Y)`\n", false},
	{"- # heading in an item\n", false},
	{"- ```\n[x](Y)\n", false},
	{"***\n", false},
	{"# closed #\n", false},
	{"a \\[b](c)\n", false},
	{"![img](i.png)\n", false},
	{"<div>[a](A)</div>\n", false},
}

func TestQuickScan(t *testing.T) {
	for _, c := range quickCases {
		if read := sameAsGoldmark(t, []byte(c.src)); read != c.read {
			t.Errorf("%q: read %v, want %v", c.src, read, c.read)
		}
		gotLinks, gotIDs := ScanLinks([]byte(c.src))
		sameLines(t, []byte(c.src), gotLinks)
		wantLinks, wantHeads := linksOf(ParseForLinks([]byte(c.src)), []byte(c.src))
		if len(gotLinks) != len(wantLinks) || len(gotIDs) != len(wantHeads) {
			t.Errorf("%q: ScanLinks found %d links and %d headings, want %d and %d", c.src, len(gotLinks), len(gotIDs), len(wantLinks), len(wantHeads))
		}
	}
}

// takesMostOfTheSample runs takes, which checks one way of reading a
// body against goldmark and reports whether it read it, on every
// document of the sample site, and fails the test unless it read most.
func takesMostOfTheSample(t *testing.T, what string, takes func(t *testing.T, body []byte) bool) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "content", "*", "*.md"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "content", "*", "*", "*.md"))
	read, total := 0, len(files)+len(more)
	for _, f := range append(files, more...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, body, _ := strings.Cut(string(src), "\n+++\n")
		if takes(t, []byte(body)) {
			read++
		}
	}
	t.Logf("%s read %d of %d sample documents", what, read, total)
	if read*2 < total {
		t.Errorf("%s read %d of %d sample documents, want most: what did it stop reading?", what, read, total)
	}
}

// TestQuickScanTakesTheSample checks quickScan on every document of the
// sample site, and that it reads most of them.
func TestQuickScanTakesTheSample(t *testing.T) {
	takesMostOfTheSample(t, "quickScan", sameAsGoldmark)
}

func FuzzQuickScan(f *testing.F) {
	for _, c := range quickCases {
		f.Add(c.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 2000 {
			return
		}
		sameAsGoldmark(t, []byte(src))
	})
}
