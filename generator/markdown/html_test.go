package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// Angle brackets around words that name no HTML element are text, shown
// as written; <br> is a line break; real HTML is left out, each tag and
// block reported (ScanBody) at its line, comments and closing tags not.
func TestAngleTextAndRawHTML(t *testing.T) {
	for _, tc := range []struct {
		name, md string
		html     string // a part of the HTML
		foreign  []string
	}{
		{"a placeholder", "email <insert email address here> now\n", "email &lt;insert email address here&gt; now", nil},
		{"a placeholder across lines", "write to <your\nname> here\n", "&lt;your\nname&gt;", nil},
		{"a placeholder closing", "a </not-html> b\n", "a &lt;/not-html&gt; b", nil},
		{"a block of its own", "text\n\n<company name>\n\nmore\n", "<p>&lt;company name&gt;</p>", nil},
		{"a line break", "one<br>two<br/>three<BR />four\n", "one<br>\ntwo<br>\nthree<br>\nfour", nil},
		{"an id in angle brackets stays", "see <ISMS-P-009>\n", "<!-- raw HTML omitted -->", nil},
		{"inline HTML", "a <span style=\"x\">red</span> b\n\nc <img src=\"x.png\">\n", "a <!-- raw HTML omitted -->red<!-- raw HTML omitted --> b", []string{"raw-html@0 <span>", "raw-html@2 <img>"}},
		{"an HTML block", "x\n\n<div align=\"center\">\n  <img src=\"a.png\">\n</div>\n", "<p>x</p>\n<!-- raw HTML omitted -->", []string{"raw-html@2 <div"}},
		{"comments and code", "<!-- note -->\n\na <!-- x --> b `<span>`\n\n```\n<div>\n```\n", "<code>&lt;span&gt;</code>", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			src := []byte(tc.md)
			if err := shared.Renderer().Render(&out, src, Parse(nil, src)); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), tc.html) {
				t.Errorf("missing %q in\n%s", tc.html, out.String())
			}
			_, _, foreign := ScanBody(src)
			var got []string
			for _, f := range foreign {
				tag := strings.TrimPrefix(strings.Split(f.Message.String(), " is not shown")[0], "the HTML tag ")
				if i := strings.LastIndex(f.Message.String(), ": "); strings.HasPrefix(f.Message.String(), "an HTML block") {
					tag = strings.Fields(f.Message.String()[i+2:])[0]
				}
				got = append(got, f.Code+"@"+itoa(f.Line)+" "+tag)
			}
			if strings.Join(got, ", ") != strings.Join(tc.foreign, ", ") {
				t.Errorf("reported %v, want %v", got, tc.foreign)
			}
		})
	}
}

// A heading's own id ("{#scope}") is its anchor unless another heading
// or the layout has it; its other attributes are dropped; the text shows
// without the braces.
func TestOwnIDs(t *testing.T) {
	for _, tc := range []struct{ md, html string }{
		{"## Scope {#scope-1}\n", `<h2 id="scope-1">Scope</h2>`},
		{"## 范围 {#scope .wide style=\"color:red\"}\n", `<h2 id="scope">范围</h2>`},
		{"## Styled {.wide}\n", `<h2 id="styled">Styled</h2>`},
		{"## A {#main}\n", `<h2 id="a">A</h2>`},
		{"## A {#x}\n\n## B {#x}\n", `<h2 id="a">A</h2>` + "\n" + `<h2 id="b">B</h2>`},
		{"## A {#x}\n\n## X\n", `<h2 id="x">A</h2>` + "\n" + `<h2 id="x-1">X</h2>`},
		{"## See [doc](D) {#see}\n\n## Also\n", `<h2 id="see">See <a href="D">doc</a></h2>` + "\n" + `<h2 id="also">Also</h2>`},
		{"## Use {curly} here\n", `<h2 id="use-curly-here">Use {curly} here</h2>`},
	} {
		var out bytes.Buffer
		src := []byte(tc.md)
		root := Parse(nil, src)
		if err := shared.Renderer().Render(&out, src, root); err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(out.String()); got != tc.html {
			t.Errorf("%q:\n got %s\nwant %s", tc.md, got, tc.html)
		}
		_, ids := ScanLinks(src)
		var want []string
		for _, h := range Headings(root, src) {
			want = append(want, h.ID)
		}
		if strings.Join(ids, " ") != strings.Join(want, " ") {
			t.Errorf("%q: ScanLinks ids %v, the page's %v", tc.md, ids, want)
		}
	}
}
