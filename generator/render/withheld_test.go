package render

import (
	"html"
	"net/url"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark/ast"

	"ismsgen/generator/markdown"
)

// canary is the id of a document that the builds of FuzzWithheld leave
// out; canaryCore is what no output may hold, in any case (without a
// letter that could end a "%5C" the output makes of other text).
const (
	canary     = "QZCANARY-9"
	canaryCore = "zcanary"
)

// withheldSeeds write a link to the left-out document in every way a
// link can be written, in headings and in the blocks around them.
var withheldSeeds = []string{
	"## Heading with [](QZCANARY-9) inside\n\nText.\n",
	"## See [t](QZCANARY-9#part)\n\nText [](QZCANARY&#45;9) [b](QZCANARY\\-9) [c](QZCANARY%2D9) [d][r] [e](<QZCANARY-9>)\n\n[r]: QZCANARY&#45;9\n",
	"Angle <QZCANARY-9> ![](QZCANARY-9) ![a](qzcanary-9) ![b](QZCANARY-9 \"t\")\n",
	"- [](QZCANARY-9)\n- ## [y](QZCANARY-9)\n\n> ## q [](QZCANARY-9)\n",
	"| [](QZCANARY-9) | b |\n| - | - |\n| ![](QZCANARY%2d9) | <QZCANARY-9> |\n",
	"Setext [](QZCANARY-9)\n===\n\nSetext ![](QZCANARY-9)\n---\n",
	"Note[^1]\n\n[^1]: [](QZCANARY-9) and ## x\n",
	"[![i](QZCANARY-9)](QZCANARY-9) [![](ISMS-P-009)](QZCANARY-9)\n",
	"**[](QZCANARY-9)** _[x](QZCANARY%2d9)_ ~~[](QZCANARY&#x2D;9)~~\n",
	"## [](QZCANARY&#x2D;9) x [](ISMS-P-009)\n\n## x\n\n## Search [](QZCANARY-9)\n",
	"# [](QZCANARY-9)\n\n# [](QZCANARY-9)\n\nTerm [](QZCANARY-9)\n: def [](QZCANARY\\-9)\n",
	"<a name=\"QZCANARY-9\"></a>\n## x [](QZCANARY-9)\n\nSee <span id=qzcanary-9></span> | <a id='QzCanary-9'></a>\n",
	// a heading's own id ({#id}; <h2 id="…"> and MyST's targets are
	// made so by the adaptations, TestWithheldHeadingIDs)
	"## Own {#QZCANARY-9}\n\nText.\n",
	"> ## Quoted {#QZCANARY-9}\n\n- ## Item {#qzcanary-9}\n",
	"## QZ {#QZCANARY-9}\n\n## section {#qzcanary-9}\n",
}

// FuzzWithheld renders bodies that link to a document the build leaves
// out, both ways a body is rendered, and fails when any part of the
// output — the HTML, the headings' text and anchors (the table of
// contents and the search index's entries) or the text for the search
// index — holds its id, unless the author wrote it as text (in a code
// span, say, or as a link's own text): then the input is of no use.
func FuzzWithheld(f *testing.F) {
	for _, s := range withheldSeeds {
		f.Add(s)
	}
	for _, s := range quickBodyCases {
		f.Add(s)
	}
	b := newBodies("未发布文件")
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 2000 || strings.Contains(squeeze(authorText(src)), canaryCore) {
			return
		}
		site, d := linked(t, src, `管理评审 <script> & "程序"`)
		bodies := []Body{goldmarkBody(b, site, d, []byte(src), "../../", "")}
		if quick, ok := quickBody(b, site, d, []byte(src), "../../", ""); ok {
			bodies = append(bodies, quick)
		}
		for _, body := range bodies {
			out := []string{string(body.HTML), html.UnescapeString(string(body.HTML)), body.Text}
			if u, err := url.PathUnescape(out[1]); err == nil {
				out = append(out, u)
			}
			for _, h := range body.Headings {
				out = append(out, h.Text, h.ID)
			}
			for _, o := range out {
				if strings.Contains(strings.ToLower(o), canaryCore) {
					t.Fatalf("%q: the output holds the left-out id:\n%s\nheadings %+v\ntext %q", src, body.HTML, body.Headings, body.Text)
				}
			}
		}
	})
}

// squeeze keeps the letters and digits of s, in lower case: a heading's
// anchor drops the punctuation between them ("C!ANARY" → "canary").
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// authorText is what the author of src wrote that a page may show as it
// is: the text, link and image titles, and the destinations that are not
// document ids (a web address, a file).
func authorText(src string) string {
	root := markdown.Parse(nil, []byte(src))
	var b strings.Builder
	b.WriteString(markdown.PlainText(root, []byte(src)))
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			b.Write(n.Title)
			if _, _, ok := markdown.SplitTarget(string(n.Destination)); !ok || n.Destination == nil {
				b.WriteString(" " + string(n.Destination) + " " + markdown.Unescape(string(n.Destination)))
			}
		case *ast.Image:
			b.Write(n.Title)
			if _, _, ok := markdown.ImageID(string(n.Destination)); !ok {
				b.WriteString(" " + string(n.Destination) + " " + markdown.Unescape(string(n.Destination)))
			}
		case *markdown.Anchor:
			// An HTML anchor's own id (<a name="x">) is published as
			// written, unless it is the left-out document's: the author's.
			if !strings.EqualFold(n.ID, canary) {
				b.WriteString(" " + n.ID + " ")
			}
		case *ast.AutoLink:
			b.Write(n.URL([]byte(src)))
		case *ast.RawHTML:
			if _, ok := markdown.AngleID(n, []byte(src)); !ok {
				for i := range n.Segments.Len() {
					seg := n.Segments.At(i)
					b.Write(seg.Value([]byte(src)))
				}
			}
		case *ast.Heading:
			// Its own id, "{#id}", after its text, is the author's
			// unless it is the left-out document's: it is given
			// another (renameWithheldIDs).
			if lines := n.Lines(); lines.Len() > 0 {
				last := lines.At(lines.Len() - 1)
				rest := src[last.Stop:]
				if i := strings.IndexByte(rest, '\n'); i >= 0 {
					rest = rest[:i]
				}
				if id, ok := n.AttributeString("id"); ok && strings.EqualFold(string(id.([]byte)), canary) {
					rest = "" // its attributes: the id and classes, not shown
				}
				b.WriteString(" " + rest + " ")
			}
		case *ast.HTMLBlock:
			for i := range n.Lines().Len() {
				seg := n.Lines().At(i)
				b.Write(seg.Value([]byte(src)))
			}
		}
		b.WriteByte(' ')
		return ast.WalkContinue, nil
	})
	return b.String()
}

// TestWithheldSeeds: every seed of FuzzWithheld links to the left-out
// document, and none leaves a trace of it.
func TestWithheldSeeds(t *testing.T) {
	b := newBodies("未发布文件")
	for _, src := range withheldSeeds {
		site, d := linked(t, src, "Title")
		if !strings.Contains(strings.ToLower(src), strings.ToLower(canary[:8])) {
			t.Errorf("%q does not link to %s", src, canary)
		}
		if strings.Contains(squeeze(authorText(src)), canaryCore) {
			t.Errorf("%q: the fuzz target takes the id for text the author wrote", src)
		}
		body := goldmarkBody(b, site, d, []byte(src), "../../", "")
		if strings.Contains(strings.ToLower(string(body.HTML)), canaryCore) {
			t.Errorf("%q: %s", src, body.HTML)
		}
	}
}
