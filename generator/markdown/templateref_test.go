package markdown

import (
	"strconv"
	"strings"
	"testing"
)

// TestTemplateTagInDefinition: a link reference definition whose address
// holds a template tag with spaces is shown as written with a warning at
// its line that names the definition and the address to write, as a link
// whose address holds one is; in angle brackets, which CommonMark reads
// as a path (a broken link), too. A tag without spaces is a path, as in a
// link; in code, nothing is done.
func TestTemplateTagInDefinition(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		line     int    // of the warning, -1 for none naming a definition or link
		message  string // a part of it
		hint     string // a part of it
		shown    string // a part of the page
	}{
		{"a definition", "See [portal][ref].\n\n[ref]: {{% param \"url\" %}}\n", 2,
			`the link definition [ref]: {{% param "url" %}} is shown as written`, "[ref]: url", "[ref]: {{% param &quot;url&quot; %}}"},
		{"a definition with a path after the tag", "[a][r]\n\n  [r]: {{< param \"base\" >}}/guide.md\n", 2,
			"the link definition [r]: {{< param \"base\" >}}/guide.md", "[r]: base/guide.md", "[r]: {{&lt; param"},
		{"a definition in angle brackets", "[a][r]\n\n[r]: <{{% param \"url\" %}}>\n", 2,
			"the link definition [r]: <{{% param \"url\" %}}>", "[r]: <url>", "[r]: &lt;{{% param &quot;url&quot; %}}&gt;"},
		{"a link in angle brackets", "Go [there](<{{< param url >}}>) now.\n", 0,
			"the link [there](<{{< param url >}}>) is shown as written", "[there](<url>)", "[there](&lt;{{&lt; param url &gt;}}&gt;)"},
		{"a link", "Go [there]({{% param \"url\" %}}) now.\n", 0,
			"the link [there]({{% param \"url\" %}}) is shown as written", "[there](url)", "[there]({{% param"},
		{"a tag without spaces: a path, as in a link", "[a][r]\n\n[r]: <{{%param%}}>\n", -1, "", "", `href="%7B%7B%25param%25%7D%7D"`},
		{"in code", "`[r]: <{{% param \"url\" %}}>`\n", -1, "", "", "<code>[r]: &lt;{{% param"},
	} {
		body, found := Adapt([]byte(tc.in))
		var got *Foreign
		for i, f := range found {
			if m := f.Message.String(); strings.Contains(m, "link definition") || strings.Contains(m, "the link") {
				got = &found[i]
			}
		}
		switch {
		case tc.line < 0 && got != nil:
			t.Errorf("%s: warned %q", tc.name, got.Message)
		case tc.line >= 0 && got == nil:
			t.Errorf("%s: no warning of the link in %v", tc.name, found)
		case got != nil && (got.Line != tc.line || !strings.Contains(got.Message.String(), tc.message) || !strings.Contains(got.Hint.String(), tc.hint)):
			t.Errorf("%s: warned at %d %q, hint %q; want %d %q, %q", tc.name, got.Line, got.Message, got.Hint, tc.line, tc.message, tc.hint)
		}
		html := pageOf(body)
		if !strings.Contains(html, tc.shown) {
			t.Errorf("%s: the page\n%s\nlacks %q", tc.name, html, tc.shown)
		}
		if tc.line >= 0 && strings.Contains(html, "<a ") {
			t.Errorf("%s: a link is made: %s", tc.name, html)
		}
	}
}

// TestMySTCodeDirectives: a toctree and an eval-rst directive stay code,
// nothing of them lost, with a warning at the fence's line that says what
// is not made and what to write: the toctree's entries as a list of
// links, the reStructuredText in Markdown. Other directives that stay
// code have no such warning; nor does one in a code block.
func TestMySTCodeDirectives(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		line     int // of the warning, -1 for none
		message  string
		hint     string
	}{
		{"a toctree", "# 目录\n\n```{toctree}\n:maxdepth: 2\n:caption: 内容\n\n安装\nUsage <usage/index>\nhttps://example.com/x\n```\n", 2,
			"the MyST directive ```{toctree} is shown as code: the table of contents it makes",
			"- [安装](安装.md) - [Usage](usage/index.md) - [https://example.com/x](https://example.com/x)"},
		{"an empty toctree", "````{toctree}\n:hidden:\n````\n", 0, "```{toctree} is shown as code", "- [text](path.md)"},
		{"eval-rst", "Text.\n\n```{eval-rst}\n.. note:: Read this.\n```\n", 2,
			"the MyST directive ```{eval-rst} is shown as code: the reStructuredText in it is not read", "in Markdown"},
		{"another directive", "```{mermaid}\ngraph TD\n```\n", -1, "", ""},
		{"in a code block", "~~~~\n```{toctree}\na\n```\n~~~~\n", -1, "", ""},
	} {
		body, found := Adapt([]byte(tc.in))
		var got []Foreign
		for _, f := range found {
			if f.Code == "myst-directive" {
				got = append(got, f)
			}
		}
		if tc.line < 0 {
			if len(got) > 0 {
				t.Errorf("%s: warned %q", tc.name, got[0].Message)
			}
			continue
		}
		if len(got) != 1 || got[0].Line != tc.line || !strings.Contains(got[0].Message.String(), tc.message) || !strings.Contains(got[0].Hint.String(), tc.hint) {
			t.Errorf("%s: warned %v, want one at %d %q, hint %q", tc.name, got, tc.line, tc.message, tc.hint)
		}
		if string(body) != tc.in {
			t.Errorf("%s: the body changed: %q", tc.name, body)
		}
		html := pageOf(body)
		last := strings.Split(strings.TrimSpace(tc.in), "\n")
		if entry := last[len(last)-2]; !strings.Contains(html, strings.ReplaceAll(entry, "<", "&lt;")) {
			t.Errorf("%s: the page lacks %q: %s", tc.name, entry, html)
		}
	}
}

// TestMySTRefText: a {ref} role without a text of its own shows the text
// of the heading its label is on, as Sphinx does, whether the label is a
// MyST target above the heading or the heading's own id; a label on no
// heading of the document shows itself; a text of its own stays.
func TestMySTRefText(t *testing.T) {
	for _, tc := range []struct{ name, in, link string }{
		{"a target above a heading", "(access-rules)=\n## 访问 *规则* ##\n\nSee {ref}`access-rules`.\n", "[访问 *规则*](<#access-rules>)"},
		{"a heading's own id, a role before it", "See {ref}`c-sharp`.\n\n### C# {#c-sharp}\n", "[C#](<#c-sharp>)"},
		{"a heading with a bracket", "(x)=\n# [Draft] plan\n\n{ref}`x`\n", `[\[Draft\] plan](<#x>)`},
		{"a label on no heading", "(tbl)=\n| a |\n\n{ref}`tbl` {ref}`elsewhere`\n", "[tbl](<#tbl>) [elsewhere](<#elsewhere>)"},
		{"a text of its own", "(y)=\n## Why\n\n{ref}`the reason <y>`\n", "[the reason](<#y>)"},
		{"a heading in code is none", "```\n## Code {#z}\n```\n{ref}`z`\n", "[z](<#z>)"},
	} {
		body, _ := Adapt([]byte(tc.in))
		if !strings.Contains(string(body), tc.link) {
			t.Errorf("%s: adapted %q, want %q in it", tc.name, body, tc.link)
		}
	}
}

// TestTabsOverLines: Docusaurus's <Tabs values={[…]}> written over
// several lines is left out as it is on one line, its lines emptied, and
// a tab without a label of its own shows the label the values give its
// value, in either form; without an import, the tag is warned at its
// first line as shown as text.
func TestTabsOverLines(t *testing.T) {
	const imports = "import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n"
	for _, tc := range []struct {
		name, in, out string
		found         []string
	}{
		{"over several lines",
			imports + "<Tabs\n  defaultValue=\"mac\"\n  values={[\n    {label: 'macOS', value: 'mac'},\n    { value: \"win\", label: \"Windows 系统\" },\n  ]}>\n<TabItem value=\"mac\">\n\nRun it.\n\n</TabItem>\n<TabItem value=\"win\">\n\n运行。\n\n</TabItem>\n</Tabs>\n",
			"\n\n\n\n\n\n\n\n\n**macOS**\n\nRun it.\n\n\n**Windows 系统**\n\n运行。\n\n\n\n",
			[]string{"mdx-import@0", "mdx-import@1"}},
		{"on one line, a tab's own label first",
			imports + "<Tabs values={[{label: 'A', value: 'a'}, {label: 'B', value: 'b'}]}>\n<TabItem value=\"a\">\n\nx\n\n</TabItem>\n<TabItem value=\"b\" label=\"Own\">\n\ny\n\n</TabItem>\n</Tabs>\n",
			"\n\n\n\n**A**\n\nx\n\n\n**Own**\n\ny\n\n\n\n",
			[]string{"mdx-import@0", "mdx-import@1"}},
		{"not closed before a blank line: left alone",
			imports + "<Tabs\n  values={[\n\n]}>\n",
			"\n\n\n<Tabs\n  values={[\n\n]}>\n",
			[]string{"mdx-import@0", "mdx-import@1"}},
		{"without an import: text, warned at its first line",
			"<Tabs values={[\n  {label: 'A', value: 'a'},\n]}>\n",
			"<Tabs values={[\n  {label: 'A', value: 'a'},\n]}>\n",
			[]string{"component-tag@0"}},
	} {
		body, found := Adapt([]byte(tc.in))
		if string(body) != tc.out {
			t.Errorf("%s: adapted\n%q\nwant\n%q", tc.name, body, tc.out)
		}
		if got := foundAt(found); got != strings.Join(tc.found, " ") {
			t.Errorf("%s: found %q, want %q", tc.name, got, strings.Join(tc.found, " "))
		}
	}
}

// TestHugoFigure: Hugo's figure shortcode shows its picture, linked to its
// link (a Markdown link, checked as any is), and under it its title in
// bold, its caption and its attribution, linked to attrlink.
func TestHugoFigure(t *testing.T) {
	for _, tc := range []struct{ name, in, out, html string }{
		{"caption and link", `{{< figure src="img/流程.png" caption="图 1：*审批*流程" link="https://example.com/big.png" alt="流程" >}}`,
			"[![流程](<img/流程.png>)](<https://example.com/big.png>)<br>图 1：*审批*流程",
			`<a href="https://example.com/big.png"><img src="img/%E6%B5%81%E7%A8%8B.png" alt="流程"></a><br>` + "\n" + `图 1：<em>审批</em>流程`},
		{"a link to a file, title and attribution", `{{% figure src="a.png" link="forms/a.docx" title="Plan" attr="ACME [1]" attrlink="https://example.com/acme" %}}`,
			`[![Plan](<a.png>)](<forms/a.docx>)<br>**Plan** [ACME \[1\]](<https://example.com/acme>)`,
			`<a href="forms/a.docx"><img src="a.png" alt="Plan"></a>`},
		{"a picture alone", `{{< figure src="a.png" alt="A" >}}`, "![A](<a.png>)", `<img src="a.png" alt="A">`},
	} {
		body, found := Adapt([]byte(tc.in + "\n"))
		if string(body) != tc.out+"\n" {
			t.Errorf("%s: adapted\n%q\nwant\n%q", tc.name, body, tc.out)
		}
		if len(found) != 1 || !strings.Contains(found[0].Hint.String(), tc.out) {
			t.Errorf("%s: found %v, want a hint with %q", tc.name, found, tc.out)
		}
		html := pageOf(body)
		if !strings.Contains(html, tc.html) {
			t.Errorf("%s: the page\n%s\nlacks %q", tc.name, html, tc.html)
		}
	}
}

// TestEmbedInContainer: a frame or a player in a list item (indented as
// its text, or right after its marker) or in a block quote, closed on its
// lines with text of the item or the quote right under it, is left out
// alone with a warning at its line, and the text is shown in the item or
// the quote, as at the margin; text outside the container, a blank line
// under the element, or text after its closing tag leave the body as it
// was.
func TestEmbedInContainer(t *testing.T) {
	for _, tc := range []struct {
		name, in, out, found, shown string
	}{
		{"indented in a list item", "- 演示\n  <iframe src=\"https://v.example/x\"></iframe>\n  后面的文字\n- next\n",
			"- 演示\n\n  后面的文字\n- next\n", "raw-html@1", "<p>后面的文字</p>"},
		{"after a list item's marker", "1. <iframe src=\"x\"\n   width=\"600\"></iframe>\n   Text *after*.\n",
			"\n1.\n   Text *after*.\n", "raw-html@0", "<li>Text <em>after</em>.</li>"},
		{"in a block quote", "> 引用\n> <iframe src=\"x\"></iframe>\n> after in quote\n",
			"> 引用\n>\n> after in quote\n", "raw-html@1", "<p>after in quote</p>\n</blockquote>"},
		{"nested quotes, a player", "> > <video src=\"a.mp4\">\n> > </video>\n> > more\n",
			"> >\n> >\n> > more\n", "raw-html@0", "<p>more</p>"},
		{"a blank line under it", "- <iframe src=\"x\"></iframe>\n\n  text\n", "", "", ""},
		{"text outside the quote under it", "> <iframe src=\"x\"></iframe>\ntext\n", "", "", ""},
		{"text after its closing tag", "- item\n  <iframe src=\"x\"></iframe> caption\n  text\n", "", "", ""},
		{"in code", "```\n- <iframe src=\"x\"></iframe>\n  text\n```\n", "", "", ""},
	} {
		body := adaptedAs(t, tc.name, tc.in, tc.out, tc.found)
		if tc.shown == "" {
			continue
		}
		html := pageOf(body)
		if !strings.Contains(html, tc.shown) || strings.Contains(html, "raw HTML") {
			t.Errorf("%s: the page\n%s\nlacks %q, or holds HTML", tc.name, html, tc.shown)
		}
	}
}

// TestCaptionLines: a caption written as Material for MkDocs writes it,
// an element marked as holding Markdown on one line (<figcaption
// markdown>…</figcaption>), shows its Markdown, links and all, without a
// warning (nothing is lost); a <figcaption> of text on lines of its own
// (a table's caption under it) is shown as a paragraph of its text, with
// the html-paragraph warning; CommonMark left out both, text and all.
func TestCaptionLines(t *testing.T) {
	for _, tc := range []struct{ name, in, out, found, shown string }{
		{"one line marked as Markdown", "![Z](a.png)\n\n  <figcaption markdown>Our public [roadmap], built *here*</figcaption>\n\n[roadmap]: https://example.com/r\n",
			"![Z](a.png)\n\n  Our public [roadmap], built *here*\n\n[roadmap]: https://example.com/r\n", "",
			`<p>Our public <a href="https://example.com/r">roadmap</a>, built <em>here</em></p>`},
		{"a Markdown div on one line, in Chinese", "<div markdown=\"1\">**注意**：见[程序](ISMS-P-009)。</div>\n", "**注意**：见[程序](ISMS-P-009)。\n", "",
			`<p><strong>注意</strong>：见<a href="ISMS-P-009">程序</a>。</p>`},
		{"a figcaption on lines of its own", "| a |\n| - |\n| 1 |\n\n<figcaption>\n  <p>基准测试结果</p>\n</figcaption>\n",
			"| a |\n| - |\n| 1 |\n\n\n基准测试结果\n\n", "html-paragraph@4", "<p>基准测试结果</p>"},
		{"not marked as Markdown: as before", "<span>x</span>\n", "", "", ""},
		{"marked off: an HTML paragraph, its text as text", "<div markdown=\"0\">*x*</div>\n", "\\*x\\*\n", "html-paragraph@0", ""},
		{"empty", "<figcaption markdown></figcaption>\n", "", "", ""},
	} {
		body := adaptedAs(t, tc.name, tc.in, tc.out, tc.found)
		if tc.shown == "" {
			continue
		}
		html := pageOf(body)
		if !strings.Contains(html, tc.shown) {
			t.Errorf("%s: the page\n%s\nlacks %q", tc.name, html, tc.shown)
		}
	}
}

// TestVuePressTabs: in VuePress's ::: tabs and ::: code-tabs divs, each
// "@tab title" line is the tab's title in bold, with a content-tab
// warning at its line, as a content tab of MkDocs is; outside such a
// div (another div, after it closes, indented, in code) it stays text.
func TestVuePressTabs(t *testing.T) {
	in := "::: code-tabs#shell\n\n@tab pnpm\n\n```bash\n@tab x\n```\n\n@tab:active 中文 npm#npm\n\n::: tip\n@tab no\n:::\n@tab yes\n:::\n\n@tab after\n\n::: tabs\n  @tab indented\n:::\n"
	want := "**Code-tabs**\n\n**pnpm**\n\n```bash\n@tab x\n```\n\n**中文 npm**\n\n**Tip**\n@tab no\n\n**yes**\n\n\n@tab after\n\n**Tabs**\n  @tab indented\n\n"
	body, found := Adapt([]byte(in))
	if string(body) != want {
		t.Errorf("adapted\n%q\nwant\n%q", body, want)
	}
	var tabs []string
	for _, f := range found {
		if f.Code == "content-tab" {
			tabs = append(tabs, strconv.Itoa(f.Line)+" "+f.Hint.String())
		}
	}
	if strings.Join(tabs, "|") != "2 write the title in bold or as a heading in place of the @tab line: **pnpm**|8 write the title in bold or as a heading in place of the @tab line: **中文 npm**|13 write the title in bold or as a heading in place of the @tab line: **yes**" {
		t.Errorf("content-tab warnings %q", tabs)
	}
}
