package markdown

import (
	"bytes"
	"fmt"
	"slices"
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
		{"a line break with attributes", "one<br class=\"sm:block hidden\" />two<br clear=\"all\">three\n", "one<br>\ntwo<br>\nthree", nil},
		{"an id in angle brackets stays", "see <ISMS-P-009>\n", "<!-- raw HTML omitted -->", nil},
		{"inline HTML", "a <span style=\"x\">red</span> b\n\nc <img src=\"x.png\">\n", "a <!-- raw HTML omitted -->red<!-- raw HTML omitted --> b", []string{"raw-html@0 <span>", "raw-html@2 <img>"}},
		{"an HTML block", "x\n\n<div align=\"center\">\n  <img src=\"a.png\">\n</div>\n", "<p>x</p>\n<!-- raw HTML omitted -->", []string{"raw-html@2 <div"}},
		{"an HTML table cut by blank lines: its rows are code", "<table>\n  <tr><td>a</td></tr>\n\n    <tr>\n        <td> b </td>\n    </tr>\n\n</table>\n\n<div>\n\n    x = 1\n\ntext\n\n    <p>code</p>\n",
			"<pre><code>&lt;tr&gt;", []string{"raw-html@0 <table>;"}},
		{"closing tags alone lose nothing; indented HTML after them is code", "<details>\n<summary>Contents</summary>\n\n- a\n</details>\n\n</td></tr>\n\n    <tr><td>x</td></tr>\n",
			"<pre><code>&lt;tr&gt;", []string{"raw-html@0 <details>", "raw-html@8 <tr><td>x</td></tr>"}},
		{"tags that lay out Markdown between blank lines lose nothing", "<div class=\"usage\">\n<DIV class=\"item yes\">\n\n**Yes**\n\n</div>\n<div class=\"item no\"><span>\n\n**No**\n\n</span></div>\n<div><p>\n\n<div><img src=\"a.png\">\n",
			"<p><strong>Yes</strong></p>", []string{"raw-html@13 <div><img"}},
		{"an HTML table on one line, or on fewer lines than its rows", "<table><tr><td>a</td></tr></table>\n\n<table><tr><td>b</td></tr>\n<tr><td>c</td></tr></table>\n\n> <table><tr><td>d</td></tr></table>\n",
			"<!-- raw HTML omitted -->", []string{"raw-html@0 an HTML table whose rows are not each on a line of their own", "raw-html@2 an HTML table whose rows are not each on a line of their own", "raw-html@5 <table><tr><td>d</td></tr></table>"}},
		{"the closing tag of a component whose opening tag is text is text too",
			"<template #title>\n标题\n</template>\n\n<template #footer>\n\n</template>\n\n</template>\n",
			"<p>&lt;template #title&gt;\n标题\n&lt;/template&gt;</p>\n<p>&lt;template #footer&gt;</p>\n<p>&lt;/template&gt;</p>\n<!-- raw HTML omitted -->", nil},
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
			_, _, _, foreign := ScanBody(src)
			var got []string
			for _, f := range foreign {
				tag := strings.TrimPrefix(strings.Split(f.Message.String(), " is not shown")[0], "the HTML tag ")
				if i := strings.LastIndex(f.Message.String(), ": "); strings.HasPrefix(f.Message.String(), "an HTML block") || strings.HasPrefix(f.Message.String(), "indented HTML") {
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

// An HTML table on one line, which cannot be shown as a table in its
// place, has the pipe table to write as its hint.
func TestCrampedTableHint(t *testing.T) {
	for _, tc := range []struct{ md, hint string }{
		{"<table><tr><th>姓名</th><th>部门</th></tr><tr><td>张三</td><td><b>IT</b></td></tr><tr><td>李四</td></tr></table>\n",
			"put <table>, each <tr>…</tr> and </table> on lines of their own, and it is shown as a table; or write it as a pipe table, one line per row: | 姓名 | 部门 |, then | --- | --- |, then a line for each other row, as | 张三 | **IT** |"},
		{"<TABLE border=1><tr><td>a</td></tr></TABLE>\n",
			"put <table>, each <tr>…</tr> and </table> on lines of their own, and it is shown as a table; or write it as a pipe table, one line per row: | a |, then | --- |"},
	} {
		_, _, _, foreign := ScanBody([]byte(tc.md))
		if len(foreign) != 1 || foreign[0].Hint.String() != tc.hint {
			t.Errorf("%q: %v, want the hint %q", tc.md, foreign, tc.hint)
		}
	}
}

// A heading's own id ("{#scope}") is its anchor unless another heading
// or the layout has it (the layout's: with a suffix, as a heading of that
// text gets it, so that a link to it arrives); its other attributes are
// dropped; the text shows without the braces.
func TestOwnIDs(t *testing.T) {
	for _, tc := range []struct{ md, html string }{
		{"## Scope {#scope-1}\n", `<h2 id="scope-1">Scope</h2>`},
		{"## 范围 {#scope .wide style=\"color:red\"}\n", `<h2 id="scope">范围</h2>`},
		{"## Styled {.wide}\n", `<h2 id="styled">Styled</h2>`},
		{"## A {#main}\n", `<h2 id="main-1">A</h2>`},
		{"## Footer changes {#footer}\n\n## Footer\n\n## B {#footer-1}\n", `<h2 id="footer-2">Footer changes</h2>` + "\n" + `<h2 id="footer-1">Footer</h2>` + "\n" + `<h2 id="b">B</h2>`},
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

// An empty element whose only attribute is a name or an id is an anchor
// of the page: one <span id> with the id escaped, never the HTML as
// written; heading ids win over it, as do an earlier anchor's and the
// layout's, each clash a warning at its line. Any other element stays
// raw HTML. <br> is a line break in a table cell and a list item too.
func TestHTMLAnchors(t *testing.T) {
	for _, tc := range []struct {
		name, md, html string
		anchors        []string // id@line, or id@line!clash
		foreign        []string // code@line
	}{
		{"a line above a heading", "<a name=\"setup\"></a>\n## Install\n",
			"<span id=\"setup\"></span>\n<h2 id=\"install\">Install</h2>", []string{"setup@0"}, nil},
		{"inline, each form", "text <span id=\"y\"></span> more <a id='z'></a> <A NAME=w></A>\n",
			"<p>text <span id=\"y\"></span> more <span id=\"z\"></span> <span id=\"w\"></span></p>", []string{"y@0", "z@0", "w@0"}, nil},
		{"escaped", "<a name=\"a&b\"></a> <a name=\"x/y?z\"></a>\n",
			"<p><!-- raw HTML omitted --><!-- raw HTML omitted --> <span id=\"x/y?z\"></span></p>", []string{"x/y?z@0"}, []string{"raw-html@0"}},
		{"in a heading: its id from its text", "## <a name=\"x\"></a>Install\n",
			"<h2 id=\"install\"><span id=\"x\"></span>Install</h2>", []string{"x@0"}, nil},
		{"a heading's id wins", "<a name=\"install\"></a>\n## Install\n",
			"<h2 id=\"install\">Install</h2>", []string{"install@0!heading"}, []string{"raw-html@0"}},
		{"the first of two wins", "a <a name=\"q\"></a>\n\nb <a name=\"q\"></a>\n",
			"<p>a <span id=\"q\"></span></p>\n<p>b </p>", []string{"q@0", "q@2!anchor"}, []string{"raw-html@2"}},
		{"a layout's id", "<a name=\"main\"></a>\n\ntext\n",
			"<p>text</p>", []string{"main@0!layout"}, []string{"raw-html@0"}},
		{"in a table cell", "| a | b |\n| - | - |\n| <a name=\"r1\"></a>x | y |\n",
			"<td><span id=\"r1\"></span>x</td>", []string{"r1@2"}, nil},
		{"not empty, more attributes, spaces, span name", "<a name=\"k\">t</a> <a name=\"x\" class=\"y\"></a> <a name=\"a b\"></a> <span name=\"n\"></span> <a id=\"\"></a>\n",
			"<p><!-- raw HTML omitted -->t<!-- raw HTML omitted -->", nil, []string{"raw-html@0"}},
		{"br in a table cell", "| a | b |\n| - | - |\n| x<br>y | z<br/>w<BR />v |\n",
			"<td>x<br>\ny</td>\n<td>z<br>\nw<br>\nv</td>", nil, nil},
		{"br in a list item", "- one<br>two\n- three<br />\n  four\n",
			"<li>one<br>\ntwo</li>", nil, nil},
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
			_, _, anchors, foreign := ScanBody(src)
			var got []string
			for _, a := range anchors {
				s := a.ID + "@" + itoa(a.Line)
				if a.Clash != "" {
					s += "!" + a.Clash
				}
				got = append(got, s)
			}
			if strings.Join(got, " ") != strings.Join(tc.anchors, " ") {
				t.Errorf("anchors %v, want %v", got, tc.anchors)
			}
			got = nil
			for _, f := range foreign {
				got = append(got, f.Code+"@"+itoa(f.Line))
			}
			if strings.Join(got, " ") != strings.Join(tc.foreign, " ") {
				t.Errorf("reported %v, want %v", got, tc.foreign)
			}
		})
	}
}

// The inline tags a line leaves out are one warning, each tag named
// once; a tag on another line is another warning.
func TestInlineTagsOfALineWarnedOnce(t *testing.T) {
	_, _, _, found := ScanBody([]byte("H<sub>2</sub>O, <font color=red>x</font> and <u>y</u> <sub>z</sub>\n\nAn <abbr>ISMS</abbr>.\n"))
	var got []string
	for _, f := range found {
		got = append(got, fmt.Sprintf("%s@%d %s", f.Code, f.Line, f.Message))
	}
	want := []string{
		"raw-html@0 the HTML tags <sub> <font> <u> are not shown (pages show no HTML written in a document); the text around them is",
		"raw-html@2 the HTML tag <abbr> is not shown (pages show no HTML written in a document); the text around it is",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
