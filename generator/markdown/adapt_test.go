package markdown

import (
	"strings"
	"testing"
)

func TestAdapt(t *testing.T) {
	for _, tc := range []struct {
		name, in, out string
		found         []string // code@line
	}{
		{"MDX comments are left out, as HTML comments are, with no warning",
			"{/* a note to the editor */}\nText.\n\n  {/* over\n  two lines */} {/* and one more */}\n\n{/* open */} but text\n\n```\n{/* code */}\n```\n",
			"\nText.\n\n\n\n\n but text\n\n```\n{/* code */}\n```\n", nil},
		{"an MDX comment that opens after text or closes before text, on another line, is left out, its lines kept empty",
			"MDX: text {/* a comment\nthat goes on */} after.\n\n- item {/* x\n      y */} more\n\na {/* x\n\nb */}\nc\n\nd {/* x\ny */} e {/* z\nv */} f {/* w */}\n\n{/* g\nh */} text\n\n`{/*` l\n*/}\n```\nm {/* n\n```\no */}\np {/* q\n~~~\nr */}\n~~~\nk {/* never closed\n",
			"MDX: text\nafter.\n\n- item\n   more\n\na\n\n\nc\n\nd\ne\nf \n\n\ntext\n\n`{/*` l\n*/}\n```\nm {/* n\n```\no */}\np {/* q\n~~~\nr */}\n~~~\nk {/* never closed\n", nil},
		{"an MDX comment within a line is left out, not in a code span", "a {/* x */}b `{/* y */}`\n", "a b `{/* y */}`\n", nil},
		{"an HTML link in a line of text is a Markdown link, as in a table",
			"See <a href=\"form.md\" target=\"_blank\">the form</a> and <A HREF='B-2#a b' title=\"T\">B</a>, `<a href=\"c.md\">c</a>`.\n<a name=\"x\"></a> <a href=\"d.md\"><b>d</b></a> <a href=\"javascript:alert(1)\">run</a>\n",
			"See [the form](form.md) and [B](<B-2#a b> \"T\"), `<a href=\"c.md\">c</a>`.\n<a name=\"x\"></a> <a href=\"d.md\"><b>d</b></a> [run](<javascript:alert(1)>)\n", nil},
		{"an HTML list in a pipe table's cell is its items, each on a line",
			"| Kind | Methods |\n| --- | --- |\n| A | <ul><li>Interviews</li><li>Card *sorting* a|b</li></ul> |\n| B | <ol start=\"2\"><li>x</li></ol> `<ul><li>c</li></ul>` |\n| C | <ul><li>a<ul><li>b</li></ul></li></ul> |\n\n<ul><li>not in a table</li></ul>\n",
			"| Kind | Methods |\n| --- | --- |\n| A | • Interviews<br>• Card \\*sorting\\* a\\|b |\n| B | 2. x `<ul><li>c</li></ul>` |\n| C | <ul><li>a<ul><li>b</li></ul></li></ul> |\n\n- not in a table\n",
			[]string{"html-list@6", "html-list@2", "html-list@3"}},
		{"a file: address with spaces is read whole, with no warning of its spaces: the link is dropped for its scheme",
			"[a](file:///Users/me/My Docs/x.md) [b](附件/申请 表.docx)\n", "[a](<file:///Users/me/My Docs/x.md>) [b](<附件/申请 表.docx>)\n", []string{"path-spaces@0"}},
		{"a path with spaces and parentheses in pairs, as in a file's name",
			"[a](docs/需求文档 (PRD).md) [b](x (1) y.md#s) [c](a b.md) (d)\n", "[a](<docs/需求文档 (PRD).md>) [b](<x (1) y.md#s>) [c](<a b.md>) (d)\n", []string{"path-spaces@0", "path-spaces@0", "path-spaces@0"}},
		{"a folder's path with spaces and an address with spaces are read whole",
			"[f](forms/some folder/) [u](https://host.example/Shared Documents/a b) [w](https://en.wikipedia.org/wiki/A (b c)) [n](see the policy/ now) [m](https://x/a b ) `[c](https://x/a b)`\n",
			"[f](<forms/some folder/>) [u](<https://host.example/Shared Documents/a b>) [w](<https://en.wikipedia.org/wiki/A (b c)>) [n](see the policy/ now) [m](https://x/a b ) `[c](https://x/a b)`\n",
			[]string{"path-spaces@0", "path-spaces@0", "path-spaces@0"}},
		{"a destination whose < is not closed is read as closed where it ends",
			"[a](<附件/申请 表.docx) ![b](<img/a b.png) [c](<需求 (PRD).md#s) [d](<e f.md>) [g](<h m.md \"t\") [n](<o.md ) `[i](<j k.md)` [l](<)\n",
			"[a](<附件/申请 表.docx>) ![b](<img/a b.png>) [c](<需求 (PRD).md#s>) [d](<e f.md>) [g](<h m.md> \"t\") [n](<o.md> ) `[i](<j k.md)` [l](<)\n",
			[]string{"open-angle@0", "open-angle@0", "open-angle@0", "open-angle@0", "open-angle@0"}},
		{"a link with a space between ] and ( is read as the link meant, when its destination names something",
			"见 [访问控制] (ISMS-P-009) 与 [表] (forms/a.docx)；[注] (见附件) [1] (2019 edition) `[c] (X-1)`\n- [x] (ISMS-P-001) done\n\\[e] (X-2)\n",
			"见 [访问控制](ISMS-P-009) 与 [表](forms/a.docx)；[注] (见附件) [1] (2019 edition) `[c] (X-1)`\n- [x] (ISMS-P-001) done\n\\[e] (X-2)\n",
			[]string{"link-space@0", "link-space@0"}},
		{"a picture with a space between ] and ( is shown as the picture meant",
			"![p] (a.png) ![流程图] (img/flow.png) ![注] (见附件) \\![q] (b.png) `![r] (c.png)`\n",
			"![p](a.png) ![流程图](img/flow.png) ![注] (见附件) \\![q](b.png) `![r] (c.png)`\n",
			[]string{"link-space@0", "link-space@0", "link-space@0"}},
		{"a picture or a file link with a space between ] and ( and spaces in its path: shown as meant, the path in angle brackets",
			"![图] (img/a b.png) 与 [表] (forms/申请 表.docx) 和 [夹] (forms/some folder/)；[注] (见 附件 1.2) [1] (see fig. 2.1) `![c] (d e.png)`\n",
			"![图](<img/a b.png>) 与 [表](<forms/申请 表.docx>) 和 [夹](<forms/some folder/>)；[注] (见 附件 1.2) [1] (see fig. 2.1) `![c] (d e.png)`\n",
			[]string{"link-space@0", "link-space@0", "link-space@0"}},
		{"an HTML table or list in a wrapper of layout tags is shown, the wrapper's lines left out; in other HTML, or in a comment, left alone",
			"<div align=\"center\">\n<!-- a table -->\n<table>\n<tr><th>a</th></tr>\n<tr><td>b</td></tr>\n</table>\n</div>\n\n<template>\n  <div>hi</div>\n</template>\n\n<!--\n<ul>\n<li>x</li>\n</ul>\n-->\n<!-- x -->\n<ol>\n<li>y</li>\n</ol>\n",
			"\n\n| a |\n| --- |\n| b |\n\n</div>\n\n<template>\n  <div>hi</div>\n</template>\n\n<!--\n<ul>\n<li>x</li>\n</ul>\n-->\n<!-- x -->\n1. y\n\n\n",
			[]string{"html-table@2", "html-list@18"}},
		{"docsify's heading ids and links to them: a heading's id, the link's fragment; its sidebar's words left out",
			"## 类 :id=classes\n### 核心主题（附加组件） :id=core-dark-add-on :docsify-ignore\n# 全部 :docsify-ignore-all\n见 [类](#classes)、[搜索](plugins.md?id=full-text-search)、[b](awesome?id=plugins) [c](https://x.example/?id=1) [d](a.aspx?id=2) `[e](f.md?id=g)`\n\n```\n## x :id=y\n```\n## a:id=b\n",
			"## 类 {#classes}\n### 核心主题（附加组件） {#core-dark-add-on}\n# 全部\n见 [类](#classes)、[搜索](plugins.md#full-text-search)、[b](awesome#plugins) [c](https://x.example/?id=1) [d](a.aspx?id=2) `[e](f.md?id=g)`\n\n```\n## x :id=y\n```\n## a:id=b\n",
			nil},
		{"Chinese paragraphs indented as code (首行缩进): paragraphs; code, English text and text that goes on a paragraph are left alone",
			"## 1 目的\n    为规范公司信息安全管理，\n    特制定本制度。\n\n        （一）适用范围。\n正文。\n\n    make all\n\n1. 范围\n\n       本制度适用于全体员工。\n\n文字\n    继续。\n\n\t「引号」开头。\n结束。\n\n    # 注释\n    中文\n\n单位（公章）：\n\n        年    月    日\n",
			"## 1 目的\n为规范公司信息安全管理，\n特制定本制度。\n\n（一）适用范围。\n正文。\n\n    make all\n\n1. 范围\n\n   本制度适用于全体员工。\n\n文字\n    继续。\n\n「引号」开头。\n结束。\n\n    # 注释\n    中文\n\n单位（公章）：\n\n        年    月    日\n",
			[]string{"indented-text@1", "indented-text@11", "indented-text@16"}},
		{"nothing to do", "# A\n\n50% of the staff.\n", "# A\n\n50% of the staff.\n", nil},
		{"YAML front matter without its opening line at the top: left out; one key above a rule, or YAML lower down, is text",
			"name: Access Policy\nacronym: AOTP\nsatisfies:\n  TSC:\n    - CC6.1\nmajorRevisions:\n  - date: Jun 1 2018\n---\n# Purpose\n\nNote: x\nand: y\n---\n",
			"\n\n\n\n\n\n\n\n# Purpose\n\nNote: x\nand: y\n---\n", []string{"other-front-matter@0"}},
		{"one YAML key above a rule at the top is a heading", "Note: read this\n---\ntext\n", "Note: read this\n---\ntext\n", nil},
		{"title block at the top", "\n% Access Policy\n% Jane Doe\n  and Ann Roe\n% 2024-01-01\n\n# Purpose\n", "\n\n\n\n\n\n# Purpose\n", []string{"pandoc-title@1"}},
		{"not a title block below text", "Text.\n\n% not a title\n", "Text.\n\n% not a title\n", nil},
		{"latex page breaks", "a\n\n\\pagebreak \n\n  \\newpage\n\n```\n\\newpage\n```\n", "a\n\n\n\n\n\n```\n\\newpage\n```\n", []string{"latex@2", "latex@4"}},
		{"grid table with a header and cells of several lines",
			"+-----+:-----:+\n| **A** | B |\n| a2  |   |\n+=====+:=====:+\n| 1   | two   |\n|     | lines |\n+-----+-------+\n|     |       |\n+-----+-------+\nafter\n",
			"| **A** a2 | B |\n| --- | :---: |\n| 1 | two lines |\n\n\n\n\n\n\nafter\n", []string{"grid-table@0"}},
		{"grid table without a header", "  +---+---+\n  | a | b |\n  +---+---+\n", "  |  |  |\n  | --- | --- |\n  | a | b |\n", []string{"grid-table@0"}},
		{"grid table whose cells hold a pipe: text", "+---+---+\n| a | b|c |\n+---+---+\n", "+---+---+\n| a | b|c |\n+---+---+\n", []string{"grid-table@0"}},
		{"pandoc simple tables: with a header, without one, Chinese characters two columns wide",
			"  职责     部门\n  -------- --------\n  批准     总经理\n  a|b      c\n\nText.\n\n  -------- --------\n  编制     信息部\n  审核     管理者代表\n  -------- --------\n\nafter\n",
			"  | 职责 | 部门 |\n  | --- | --- |\n  | 批准 | 总经理 |\n  | a\\|b | c |\n\nText.\n\n  | 编制 | 信息部 |\n  | --- | --- |\n  | 审核 | 管理者代表 |\n\n\nafter\n",
			[]string{"pandoc-table@0", "pandoc-table@7"}},
		{"a pandoc multiline table: cells of several lines joined",
			"-------------------------\nRole     Duty\n-------- ----------------\nOwner    Keeps the list\n         up to date.\n\nAuditor  Checks it.\n-------------------------\n\nafter\n",
			"| Role | Duty |\n| --- | --- |\n| Owner | Keeps the list up to date. |\n| Auditor | Checks it. |\n\n\n\n\n\nafter\n", []string{"pandoc-table@0"}},
		{"rules and headings that are no pandoc table",
			"Title\n-----\n\ntext\n\n---\n\n----------\n\n-- --\ntext\n",
			"Title\n-----\n\ntext\n\n---\n\n----------\n\n-- --\ntext\n", nil},
		{"a border alone is no table", "+---+\n\ntext\n", "+---+\n\ntext\n", nil},
		{"admonitions, nested, with code and a grid table",
			"!!! note\n    Text **b**.\n\n    ```sh\n    !!! x\n    ```\n\n    ??? tip \"Hidden\" {#h}\n        inner\n\n    +---+\n    | a |\n    +---+\n\nafter\n",
			"> **Note**\n> Text **b**.\n>\n> ```sh\n> !!! x\n> ```\n>\n> > **Hidden**\n> > inner\n>\n> |  |\n> | --- |\n> | a |\n\nafter\n",
			[]string{"admonition@0", "admonition@7", "grid-table@10"}},
		{"an admonition whose block is indented twice, with a fence, or without",
			"!!! tip \"Run\"\n        Run it:\n\n        ```bash\n        make\n        ```\n!!! example\n        code\n",
			"> **Run**\n> Run it:\n>\n> ```bash\n> make\n> ```\n> **Example**\n>     code\n", []string{"admonition@0", "admonition@6"}},
		{"an admonition whose title is partly bold", "!!! warning \"**注意：** 先备份 *.conf\"\n    x\n", "> **注意： 先备份 \\*.conf**\n> x\n", []string{"admonition@0"}},
		{"an admonition without a title, or alone", "!!! warning \"\"\n    x\n!!! danger \"本文编写中\"\n", ">\n> x\n> **本文编写中**\n", []string{"admonition@0", "admonition@2"}},
		{"content tabs", "=== \"One\"\n\n    ```\n    a\n    ```\n\n=== \"Two\"\n    b\n", "**One**\n\n```\na\n```\n\n**Two**\nb\n", []string{"content-tab@0", "content-tab@6"}},
		{"fenced divs and toc markers", "[TOC]\n\n::: warning\nCareful.\n:::\n\n:::{.note}\nx\n::::\n", "\n\n**Warning**\nCareful.\n\n\n**Note**\nx\n\n", []string{"toc-marker@0", "fenced-div@2", "fenced-div@4", "fenced-div@6", "fenced-div@8"}},
		{"Obsidian's callouts: any kind, folded or not, a title of their own",
			"> [!info] 适用范围\n> 全体员工。\n\n> [!faq]- Why *this*?\n> x\n\n> [!todo]+\n> y\n",
			"> **适用范围**\n> 全体员工。\n\n> **Why \\*this\\*?**\n> x\n\n> **Todo**\n> y\n", nil},
		{"MyST's roles that link: {ref} to a target, {doc} to a document, with a text or without; in code, escaped or another role, as written",
			"See {ref}`access-rules` and {ref}`the table <perm-table>`, {doc}`../tier2/b` and {doc}`B <b>`.\n`{ref}`x`` \\{ref}`y` {term}`ISMS`\n```\n{ref}`z`\n```\n",
			"See [access-rules](<#access-rules>) and [the table](<#perm-table>), [](<../tier2/b>) and [B](<b>).\n`{ref}`x`` \\{ref}`y` {term}`ISMS`\n```\n{ref}`z`\n```\n",
			[]string{"myst-directive@0"}},
		{"MyST's targets: a heading's own id when a heading follows, else an anchor; not in text or code",
			"(access-rules)=\n## Access rules ##\n\n(c-sharp)=\n\n### C#\n\n(tbl)=\n| a |\n\nx (y)=\n```\n(z)=\n```\n",
			"\n## Access rules {#access-rules}\n\n\n\n### C# {#c-sharp}\n\n<span id=\"tbl\"></span>\n| a |\n\nx (y)=\n```\n(z)=\n```\n", nil},
		{"MyST's directives as fenced code: a note as a block quote, a picture, a code block under its caption; others stay code (a toctree with a warning)",
			"```{note}\nReviewed yearly.\n```\n\n````{admonition} Read first\n:class: tip\nx\n````\n```{figure} img/a.png\n:alt: Plan\n\nFigure 1\n```\n```{code-block} python\n:caption: run.py\n:linenos:\nprint(1)\n```\n```{toctree}\nb\n```\n```{note}\nnever closed\n",
			"> **Note**\n> Reviewed yearly.\n\n\n> **Read first**\n>\n> x\n\n![Plan](<img/a.png>)\n\n\nFigure 1\n\n\n\n```python title=\"run.py\"\nprint(1)\n```\n```{toctree}\nb\n```\n```{note}\nnever closed\n",
			[]string{"admonition@0", "admonition@4", "myst-directive@8", "myst-directive@13", "myst-directive@18", "unclosed-fence@21"}},
		{"MyST's fenced directives: the name in braces, a title after it", ":::{tip}\nUse it.\n:::\n\n:::{admonition} Read first\nx\n:::\n\n::: {#id .x}\ny\n:::\n", "**Tip**\nUse it.\n\n\n**Read first**\nx\n\n\n**X**\ny\n\n", []string{"fenced-div@0", "fenced-div@2", "fenced-div@4", "fenced-div@6", "fenced-div@8", "fenced-div@10"}},
		{"fenced divs with pandoc's colons after the name or the attributes: the name, in the site's language; a title's own colon stays",
			"::: Warning ::::::\n这是一个警告。\n\n::::: {.danger #d} :::::\nx\n:::\n:::\n\n::: 注意: :::\ny\n:::\n",
			"**Warning**\n这是一个警告。\n\n**Danger**\nx\n\n\n\n**注意:**\ny\n\n", []string{"fenced-div@0", "fenced-div@3", "fenced-div@5", "fenced-div@6", "fenced-div@8", "fenced-div@10"}},
		{"fenced divs named in Chinese or with attributes", "::: 注意\n小心。\n:::\n\n::: {.note} 说明\nx\n:::\n\n::: {#id} 提示\ny\n:::\n", "**注意**\n小心。\n\n\n**说明**\nx\n\n\n**提示**\ny\n\n", []string{"fenced-div@0", "fenced-div@2", "fenced-div@4", "fenced-div@6", "fenced-div@8", "fenced-div@10"}},
		{"fenced divs with a title: the title, as VuePress and Docusaurus show it",
			"::: tip 自定义标题\na\n:::\n:::details Show the code\nb\n:::\n:::note[注意事项]\nc\n:::\n:::caution\nd\n:::\n",
			"**自定义标题**\na\n\n**Show the code**\nb\n\n**注意事项**\nc\n\n**Caution**\nd\n\n", []string{"fenced-div@0", "fenced-div@2", "fenced-div@3", "fenced-div@5", "fenced-div@6", "fenced-div@8", "fenced-div@9", "fenced-div@11"}},
		{"pandoc's bracketed spans: the text, an id an anchor, classes left out",
			"[1 目的 3](#_Toc1)\n\n# []{#_Toc1 .anchor}1 目的\n\n[**必须**]{.underline} and [x]{#k .mark lang=\"zh\"}[y]{.a}\n\n![a]{.b} \\[c]{.d} `[e]{.f}` [g](h){.i}\n\n```\n[]{#_Toc2}\n```\n",
			"[1 目的 3](#_Toc1)\n\n# <span id=\"_Toc1\"></span>1 目的\n\n**必须** and <span id=\"k\"></span>xy\n\n![a]{.b} \\[c]{.d} `[e]{.f}` [g](h)\n\n```\n[]{#_Toc2}\n```\n", nil},
		{"Hugo's ref shortcodes and Jekyll's site base in a link's address: the path",
			"See [scope]({{< relref \"scope.md#范围\" >}}), [a]({{% ref \"b c.md\" %}}) and ![p]({{ site.baseurl }}/img/p.png).\n\n`[x]({{< ref \"y.md\" >}})` [t]({{ .Title }})\n",
			"See [scope](scope.md#范围), [a](<b c.md>) and ![p](/img/p.png).\n\n`[x]({{< ref \"y.md\" >}})` [t]({{ .Title }})\n",
			[]string{"template-tag@0", "template-tag@0", "template-tag@0", "template-tag@2"}},
		{"Jekyll's link tag in a link's address: the path from the site's root, the site's base before it and a fragment after it kept",
			"See [c]({% link docs/configuration.md %}#callouts), [d]({{ site.baseurl }}{% link /docs/x.md %}) and [e]({%- link a b.md -%}).\n\n`[x]({% link y.md %})`\n",
			"See [c](/docs/configuration.md#callouts), [d](/docs/x.md) and [e]({%- link a b.md -%}).\n\n`[x]({% link y.md %})`\n",
			[]string{"template-tag@0", "template-tag@0", "template-tag@0"}},
		{"Jekyll's link tag and site base in a reference's definition: the path from the site's root",
			"[a][x] [b][y] [c][z]\n\n[x]: {% link docs/x.md %}#s\n  [y]: {{ site.baseurl }}/img/y.png\n[z]: {{site.baseurl}}\n\n    [w]: {% link w.md %}\n",
			"[a][x] [b][y] [c][z]\n\n[x]: /docs/x.md#s\n  [y]: /img/y.png\n[z]: /\n\n    [w]: {% link w.md %}\n",
			[]string{"template-tag@2", "template-tag@3", "template-tag@4"}},
		{"a template tag with spaces in a link's address is no path with spaces: the link stays text, with the tag's warning only",
			"See [this]({{ site.github.repository_url }}/blob/main/a.json) and [that]({% data x %}/b.md).\n",
			"See [this]({{ site.github.repository_url }}/blob/main/a.json) and [that]({% data x %}/b.md).\n",
			[]string{"template-tag@0"}},
		{"reference links without a definition", "[a][x] and [b][] `[c][d]`\n\n[x]: https://example.com\n\n> [e][y] [^1][z]\n", "[a][x] and [b][] `[c][d]`\n\n[x]: https://example.com\n\n> [e][y] [^1][z]\n", []string{"undefined-reference@0", "undefined-reference@4", "undefined-reference@4"}},
		{"a reference link whose label holds code: defined, no warning; not defined, warned of as written",
			"[site `copyright`][] and [`x` y][z] and `[a][b]` [c `]`][d]\n\n[site `copyright`]: https://example.com/c\n[d]: x.md\n",
			"[site `copyright`][] and [`x` y][z] and `[a][b]` [c `]`][d]\n\n[site `copyright`]: https://example.com/c\n[d]: x.md\n",
			[]string{"undefined-reference@0"}},
		{"reference links in code after a '<' in text: no warning", "| < 2TB | x |\n\n```vim\nset statusline=[%04l][%p%%]\n```\n\n[a][b]\n", "| < 2TB | x |\n\n```vim\nset statusline=[%04l][%p%%]\n```\n\n[a][b]\n", []string{"undefined-reference@6"}},
		{"table rows with more cells than the header", "| a | b |\n|---|:-:|\n| 1 | 2 | 3 |\n| 1 | 2 | |\n|x|y\\|z|\n\n| c |\n\n```\n| a |\n|---|\n| 1 | 2 |\n```\n", "| a | b |\n|---|:-:|\n| 1 | 2 | 3 |\n| 1 | 2 | |\n|x|y\\|z|\n\n| c |\n\n```\n| a |\n|---|\n| 1 | 2 |\n```\n", []string{"table-cells@2"}},
		{"an HTML table: cells' text, links, pictures, code, bold and breaks",
			"<table>\n  <thead><tr><th>Role</th><th>Duty</th></tr></thead>\n  <tr><td><b>Owner</b></td><td>Keeps the <a href=\"P-002\">list</a> | *now*</td></tr>\n  <tr><td><img src=\"a b.png\" alt=\"pic\"></td><td><code>a|b</code><br>two<script>x()</script></td></tr>\n</table>\nafter\n",
			"| Role | Duty |\n| --- | --- |\n| **Owner** | Keeps the [list](P-002) \\| \\*now\\* |\n| ![pic](<a b.png>) | `a\\|b`<br>two |\n\nafter\n", []string{"html-table@0"}},
		{"an HTML table without th: its first row heads it; blank lines between rows",
			"<TABLE border=1>\n<tr><td>a</td><td>b</td></tr>\n\n<tr><td>c</td></tr>\n</TABLE>\n",
			"| a | b |\n| --- | --- |\n| c |  |\n\n\n", []string{"html-table@0"}},
		{"HTML tables left as HTML: on one line, text after, nested",
			"<table><tr><td>a</td></tr><tr><td>b</td></tr></table>\n\n<table>\n<tr><td>y</td></tr>\n</table> tail\n\n<table>\n<tr><td><table><tr><td>z</td></tr></table></td></tr>\n</table>\n",
			"<table><tr><td>a</td></tr><tr><td>b</td></tr></table>\n\n<table>\n<tr><td>y</td></tr>\n</table> tail\n\n<table>\n<tr><td><table><tr><td>z</td></tr></table></td></tr>\n</table>\n", nil},
		{"an HTML table with cells spanning rows and columns: each in the first it covers, the rest empty",
			"<table>\n<tr><th rowspan=\"2\">Area</th><th colspan=\"2\">Owner</th></tr>\n<tr><th>Dept</th><th>Role</th></tr>\n<tr><td rowspan=\"0\">IT</td><td>Ops</td><td>Admin</td></tr>\n<tr><td>Dev</td><td colspan=\"x\">Lead</td></tr>\n<tr><td>Sec</td><td rowspan=\"9\">Mail</td></tr>\n</table>\n",
			"| Area | Owner |  |\n| --- | --- | --- |\n|  | Dept | Role |\n| IT | Ops | Admin |\n|  | Dev | Lead |\n|  | Sec | Mail |\n\n", []string{"html-table@0"}},
		{"an HTML table: a cell spanning into the rows below its row's end",
			"<table>\n<tr><td>a</td><td>b</td><td rowspan=\"3\">c</td></tr>\n<tr><td>d</td></tr>\n<tr><td colspan=\"4\">e</td></tr>\n</table>\n",
			"| a | b | c |  |\n| --- | --- | --- | --- |\n| d |  |  |  |\n| e |  |  |  |\n\n", []string{"html-table@0"}},
		{"an HTML table left open at the end of the body: closed there",
			"Text.\n\n<table>\n  <tr>\n    <th>Version</th>\n    <th>Date</th>\n  </tr>\n  <tr>\n    <td>1.0</td>\n    <td>2024-03-15</td>\n  </tr>\n\n",
			"Text.\n\n| Version | Date |\n| --- | --- |\n| 1.0 | 2024-03-15 |\n\n\n\n\n\n\n\n", []string{"html-table@2"}},
		{"an HTML table left open before text: left as HTML",
			"<table>\n<tr><td>a</td></tr>\n<tr><td>b</td></tr>\n\nMore text.\n",
			"<table>\n<tr><td>a</td></tr>\n<tr><td>b</td></tr>\n\nMore text.\n", nil},
		{"an HTML table whose cells hold lists: their items between line breaks",
			"<table>\n  <tr>\n   <th>Data</th>\n   <th>Kept</th>\n  </tr>\n  <tr>\n   <td>Recordings\n   </td>\n   <td>Kept:\n<ul>\n<li>30 days in <b>trash</b>\n<li>then deleted</li>\n</ul>\n<ol start=\"3\"><li>c<ul><li>d</li></ul></li></ol>\n   </td>\n  </tr>\n</table>\n",
			"| Data | Kept |\n| --- | --- |\n| Recordings | Kept:<br>• 30 days in **trash**<br>• then deleted<br>3. c<br>• d |\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n", []string{"html-table@0"}},
		{"HTML lists: items with links, code and bold, numbered, nested, blank lines between",
			"<ul>\n\n<li><strong><a href=\"https://example.com/a/\">Given a file</a></strong> - makes <code>a|b</code>.</li>\n\n<li>- not a list\n<ol start=\"2\"><li>two</li><li>1. three</li></ol></li>\n\n</ul>\nafter\n\n  <OL>\n  <li>x<br>y</li>\n  </OL>\n\n<ul>\n<li>e</li>\n</ul>\ntext\n",
			"- **[Given a file](https://example.com/a/)** - makes `a|b`.\n- \\- not a list\n  2. two\n  3. 1\\. three\n\n\n\n\nafter\n\n  1. x<br>y\n\n\n\n- e\n\n\ntext\n", []string{"html-list@0", "html-list@10", "html-list@14"}},
		{"HTML lists left as HTML: on one line, text after, a table in an item, text beside",
			"<ul><li>a</li><li>b</li></ul>\n\n<ul>\n<li>c</li>\n</ul> tail\n\n<ol>\n<li><table><tr><td>t</td></tr></table></li>\n</ol>\n\n<ul><li>e</li>\n<li>f</li></ul>\ntext\n",
			"<ul><li>a</li><li>b</li></ul>\n\n<ul>\n<li>c</li>\n</ul> tail\n\n<ol>\n<li><table><tr><td>t</td></tr></table></li>\n</ol>\n\n<ul><li>e</li>\n<li>f</li></ul>\ntext\n", nil},
		{"HTML paragraphs: a centred picture, a div of text and breaks, a p of several lines",
			"<p align=\"center\"><img src=\"img/logo.png\" alt=\"Logo\" width=\"90\"></p>\n\n<div>\n<strong>$name</strong> (string) Name, e.g. <code>site list</code>.<br />\n<strong>@return</strong> (bool) true<br />\n</div>\nafter\n\n  <P>- one,\n  <em>two</em> # <sup>3</sup></P>\n",
			"![Logo](img/logo.png)\n\n\n**$name** (string) Name, e.g. `site list`.<br>**@return** (bool) true\n\n\nafter\n\n  \\- one, *two* \\# 3\n\n", []string{"html-paragraph@0", "html-paragraph@2", "html-paragraph@8"}},
		{"HTML paragraphs in list items whose text starts four columns or more in: an item's, not code",
			"10. Ten\n\n    <p style=\"x\">Para ten</p>\n\n- a\n  - b\n\n    <p>In b</p>\n\n        <p>code in b</p>\n\n```\n<p>fenced</p>\n```\n\n<p>out</p>\n\n    <p>code</p>\n\n* * *\n\n    <p>code after a rule</p>\n",
			"10. Ten\n\n    Para ten\n\n- a\n  - b\n\n    In b\n\n        <p>code in b</p>\n\n```\n<p>fenced</p>\n```\n\nout\n\n    <p>code</p>\n\n* * *\n\n    <p>code after a rule</p>\n",
			[]string{"html-paragraph@2", "html-paragraph@7", "html-paragraph@15"}},
		{"HTML headings: a Markdown heading of their level, an id their own; over lines, on the line of their words; one holding a block stays HTML",
			"<h2 id=\"intro\">Introduction to <code>x</code></h2>\n\n<h1 align=\"center\">\n  <img src=\"a.png\" alt=\"Logo\"><br>\n  Handbook\n</h1>\n\n<h3><a href=\"b.md\">B</a> <em>now</em></h3>\n\n<h4><div><p>x</p><table></table></div></h4>\n",
			"## Introduction to `x` {#intro}\n\n\n# ![Logo](a.png)<br>Handbook\n\n\n\n### [B](b.md) *now*\n\n<h4><div><p>x</p><table></table></div></h4>\n",
			[]string{"html-heading@0", "html-heading@2", "html-heading@7"}},
		{"a picture and its caption in a figure, as GitBook writes them: the picture, the caption on the line under it; GitHub's picture for two themes: its img",
			"<figure><img src=\"assets/net.png\" alt=\"Network\"><figcaption><p>Figure 1 <em>zones</em></p></figcaption></figure>\n\n<figure>\n  <img src=\"b.png\" alt=\"\">\n</figure>\n<p align=\"center\">\n  <picture>\n    <source media=\"(prefers-color-scheme: dark)\" srcset=\"d.png\">\n    <img alt=\"Plan\" src=\"l.png\">\n  </picture>\n</p>\n",
			"![Network](assets/net.png)<br>Figure 1 *zones*\n\n\n![](b.png)\n\n\n![Plan](l.png)\n\n\n\n\n", []string{"html-paragraph@0", "html-paragraph@2", "html-paragraph@5"}},
		{"an abbreviation's title in an HTML paragraph, a list and a table: after it, in brackets",
			"<p>Run by the <abbr title=\"information security | management\">ISMS</abbr> team, <acronym title=\"CEO\">CEO</acronym>.</p>\n\n<ul>\n<li><abbr title=\"Statement of Applicability\">SoA</abbr></li>\n</ul>\n\n<table>\n<tr><td><abbr title=\"Chief Information Security Officer\">CISO</abbr></td></tr>\n<tr><td>x</td></tr>\n</table>\n",
			"Run by the ISMS (information security \\| management) team, CEO.\n\n- SoA (Statement of Applicability)\n\n\n\n| CISO (Chief Information Security Officer) |\n| --- |\n| x |\n\n",
			[]string{"html-paragraph@0", "html-list@2", "html-table@6"}},
		{"an HTML paragraph opened on a line of its own: it starts on its picture's line",
			"<p align=\"center\">\n  <img src=\"img/a.png\" alt=\"A\">\n</p>\n<p align=\"center\">\n  b</p>\n",
			"\n![A](img/a.png)\n\nb\n\n", []string{"html-paragraph@0", "html-paragraph@3"}},
		{"HTML paragraphs left as HTML: Markdown inside a div, an iframe, text after, unclosed",
			"<div class=\"note\">\n\n**Yes**\n\n</div>\n\n<div><iframe src=\"https://example.com/v\"></iframe></div>\n\n<p>a</p> tail\n\n<p>b\n",
			"<div class=\"note\">\n\n**Yes**\n\n</div>\n\n<div><iframe src=\"https://example.com/v\"></iframe></div>\n\n<p>a</p> tail\n\n<p>b\n", nil},
		{"HTML pictures: alone, in text, in a table's cell, with a title; not in code, an HTML block or without src",
			"<img src=\"flow chart.png\" width=\"600\" alt=\"流程 [1]\">\n图 1\n\nSee <IMG SRC='a.png' title='The \"A\"'/> and `<img src=\"b.png\">`.\n\n| x | <img src=\"c.png\" alt=\"a|b\"> |\n|---|---|\n\n<details>\n<img src=\"d.png\">\n</details>\n\n```\n<img src=\"e.png\">\n```\n<img alt=\"none\"> <img src=\"f.png\"\n",
			"![流程 \\[1\\]](<flow chart.png>)\n图 1\n\nSee ![](a.png \"The \\\"A\\\"\") and `<img src=\"b.png\">`.\n\n| x | ![a\\|b](c.png) |\n|---|---|\n\n<details>\n<img src=\"d.png\">\n</details>\n\n```\n<img src=\"e.png\">\n```\n<img alt=\"none\"> <img src=\"f.png\"\n",
			[]string{"html-image@0", "html-image@3", "html-image@5"}},
		{"a tag's name cut short at the end of a line", "<p\n<div\n<center\n<img\n", "<p\n<div\n<center\n<img\n", nil},
		{"collapsible sections: the summary a bold line",
			"<details open>\n  <summary>如何申请<b>权限</b>？</summary>\n\n答：填写申请单。\n\n</details>\n\n<details><summary>Why?</summary>\nBecause.\n</details>\n\n<summary></summary>\n",
			"\n  **如何申请权限？**\n\n答：填写申请单。\n\n</details>\n\n**Why?**\nBecause.\n</details>\n\n\n",
			[]string{"html-details@0", "html-details@7", "html-details@11"}},
		{"a summary over several lines, as a generated table of contents writes it, is a bold line too; one cut by a blank line, or never closed, stays HTML",
			"<details>\n<summary>\n目录\n</summary>\n\n- [概述](#概述)\n</details>\n\n<details><summary>Long\n<i>words</i></summary>\nx\n\n<details>\n<summary>\n\ncut\n</summary>\n\n<summary>\nopen\n",
			"\n**目录**\n\n\n\n- [概述](#概述)\n</details>\n\n**Long *words***\n\nx\n\n<details>\n<summary>\n\ncut\n</summary>\n\n<summary>\nopen\n",
			[]string{"html-details@0", "html-details@8"}},
		{"titles of code blocks are shown (no finding); a diagram's fence with one is still a diagram",
			"```python title=\"backup.py\"\nx\n```\n\n~~~ {.sh title=run.sh}\ny\n~~~\n\n```mermaid \"流程\"\nA-->B\n```\n\n```go\n```js title='no'\n```\n",
			"```python title=\"backup.py\"\nx\n```\n\n~~~ {.sh title=run.sh}\ny\n~~~\n\n```mermaid \"流程\"\nA-->B\n```\n\n```go\n```js title='no'\n```\n",
			[]string{"diagram@8"}},
		{"pipes in code in a table's lines",
			"| a | `b|c` |\n|---|---|\n| `x|y` | `p\\|q` |\n\n`p|q` outside\n\n```\n| `a|b` |\n|---|\n```\n| h | `i|j|k` |\n| - |\n",
			"| a | `b\\|c` |\n|---|---|\n| `x\\|y` | `p\\|q` |\n\n`p|q` outside\n\n```\n| `a|b` |\n|---|\n```\n| h | `i|j|k` |\n| - |\n", nil},
		{"a row after the table ends is no row", "text\n| a |\n| - |\n| 1 |\n- x | y\n\nq | r\n", "text\n| a |\n| - |\n| 1 |\n- x | y\n\nq | r\n", nil},
		{"template tags of Hugo and GitBook on lines of their own",
			"{{< callout emoji=\"!\" >}}\n  Careful.\n{{< /callout >}}\n\n{% hint %}\nNote.\n{%- endhint -%}\n  {{% notice %}}\n\n```\n{% raw %}\n```\n\n    {{< code >}}\n\nText {{< b >}}x{{< /b >}} and {{ site.title }}.\n{{< a >}}{{< b >}}\n",
			"\n  Careful.\n\n\n\nNote.\n\n\n\n```\n{% raw %}\n```\n\n    {{< code >}}\n\nText {{< b >}}x{{< /b >}} and {{ site.title }}.\n{{< a >}}{{< b >}}\n",
			[]string{"template-tag@0", "template-tag@2", "template-tag@4", "template-tag@6", "template-tag@7", "template-tag@15", "template-tag@16"}},
		{"MDX's exports to the blank line after them are left out; export in text, in code or after a line of text is not",
			"export const Highlight = ({children}) => (\n  <span>{children}</span>\n);\n\nexport default function Page() {}\nText.\n\nexport the logs daily.\n\n```js\nexport const x = 1;\n```\nA line\nexport const y = 2;\n",
			"\n\n\n\n\n\n\nexport the logs daily.\n\n```js\nexport const x = 1;\n```\nA line\nexport const y = 2;\n",
			[]string{"mdx-import@0", "mdx-import@4"}},
		{"GitBook's and Hugo's tags whose attributes a reader should see: a tab's or a code block's title in bold, an embedded page, a file and a figure as links",
			"{% tabs %}\n{% tab title=\"Windows\" %}\nRun it.\n{% endtab %}\n{% endtabs %}\n{% embed url=\"https://v.example.com/w?v=1\" %}\nCaption\n{% endembed %}\n{% file src=\"forms/a b.pdf\" %}\n{% code title='run.sh' %}\n{{< tab header=\"Linux\" >}}\n{{< figure src=\"img/n.png\" title=\"Net\" >}}\n{% content-ref url=\"b.md\" %}\n",
			"\n**Windows**\nRun it.\n\n\n<https://v.example.com/w?v=1>\nCaption\n\n[a b.pdf](<forms/a b.pdf>)\n**run.sh**\n**Linux**\n![Net](<img/n.png>)<br>**Net**\n\n",
			[]string{"template-tag@0", "template-tag@1", "template-tag@3", "template-tag@4", "template-tag@5", "template-tag@7", "template-tag@8", "template-tag@9", "template-tag@10", "template-tag@11", "template-tag@12"}},
		{"a note of GitBook or of a Hexo theme, of a kind or a title, is a block quote under its title, as an admonition",
			"{% hint style=\"warning\" %}\nNote.\n{%- endhint -%}\n\n{% note info 网站存放在子目录 %}\n如果……\n{% endnote %}\n{% note warn \"警告！\" %}\nx\n{% endnote %}\n{% note %}\ny\n{% endnote %}\n",
			"> **Warning**\n> Note.\n\n\n> **网站存放在子目录**\n> 如果……\n\n> **警告！**\n> x\n\n> **Note**\n> y\n\n",
			[]string{"admonition@0", "admonition@4", "admonition@7", "admonition@10"}},
		{"a Hugo theme's note of a kind or a title is a block quote under its title, as an admonition",
			"{{< callout note 注意 >}}\nBody.\n{{< /callout >}}\n\n{{< hint warning \"标题 \\\"一\\\"\" >}}\nHint.\n\nMore.\n{{< /hint >}}\n\n{{% alert title=\"Read me\" color=\"warning\" %}}\nx\n{{% /alert %}}\n" +
				"{{< hint info >}}\ny\n{{< /hint >}}\n{{< warning >}}\nz\n{{< /warning >}}\n",
			"> **注意**\n> Body.\n\n\n> **标题 \"一\"**\n> Hint.\n>\n> More.\n\n\n> **Read me**\n> x\n\n" +
				"> **Info**\n> y\n\n> **Warning**\n> z\n\n",
			[]string{"admonition@0", "admonition@4", "admonition@10", "admonition@13", "admonition@16"}},
		{"a Hugo theme's note within a note, in a list item, around code that holds its closing tag",
			"{{< callout type=\"warning\" >}}\na\n{{< callout note 内层 >}}\nb {{< x >}}\n{{< /callout >}}\n{{< /callout >}}\n- item\n\n  {{< hint danger >}}\n  c\n  {{< /hint >}}\n\n{{< notice tip T >}}\n```\n{{< /notice >}}\n```\n{{< /notice >}}\n",
			"> **Warning**\n> a\n> > **内层**\n> > b {{< x >}}\n>\n\n- item\n\n  > **Danger**\n  > c\n\n\n> **T**\n> ```\n> {{< /notice >}}\n> ```\n\n",
			// (the closing tag in code is warned of as one in text is: a
			// block quote's fences are not read for inline tags)
			[]string{"admonition@0", "admonition@2", "admonition@8", "admonition@12", "template-tag@3", "template-tag@14"}},
		{"a Hugo theme's note in four others stays a template tag: quotes nest only so deep",
			strings.Repeat("{{< hint warning >}}\n", 5) + "x\n" + strings.Repeat("{{< /hint >}}\n", 5),
			"> **Warning**\n> > **Warning**\n> > > **Warning**\n> > > > **Warning**\n> > > >\n> > > > x\n> > > >\n> > >\n> >\n>\n\n",
			[]string{"admonition@0", "admonition@1", "admonition@2", "admonition@3", "template-tag@4", "template-tag@6"}},
		{"a Hugo theme's note with neither kind nor title, or never closed, stays a template tag",
			"{{< callout emoji=\"!\" >}}\na\n{{< /callout >}}\n{{< callout note 注意 >}}\nb\n{{< alert \"circle-info\" >}}\nc\n{{< /alert >}}\n{{% alert color=\"primary\" %}}\nd\n{{% /alert %}}\n",
			"\na\n\n\nb\n\nc\n\n\nd\n\n",
			[]string{"template-tag@0", "template-tag@2", "template-tag@3", "template-tag@5", "template-tag@7", "template-tag@8", "template-tag@10"}},
		{"template tags in a line of text, not in code",
			"Contact {% data variables.contact.support %} or {% data x %}.\n* {% data reusables.apply %}\n\n`{% raw %}` and {{ site.title }}\n\n    {{< code >}}\n\n~~~\nSee {% x %}\n~~~\n| a | {{< param b >}} |\n",
			"Contact {% data variables.contact.support %} or {% data x %}.\n* {% data reusables.apply %}\n\n`{% raw %}` and {{ site.title }}\n\n    {{< code >}}\n\n~~~\nSee {% x %}\n~~~\n| a | {{< param b >}} |\n",
			[]string{"template-tag@0", "template-tag@1", "template-tag@3", "template-tag@10"}},
		{"an element marked as holding Markdown (kramdown's markdown=\"1\", md_in_html's markdown) is its Markdown: its tag lines go, nested too, a closing tag in code is code",
			"<div class=\"code-example\" markdown=\"1\">\nText **bold**.\n<div markdown>\n- a\n</div>\n```html\n</div>\n```\n</div>\n```md\nx\n```\n  <section markdown='block'>\n  y\n  </section>\n",
			"\nText **bold**.\n\n- a\n\n```html\n</div>\n```\n\n```md\nx\n```\n\n  y\n\n", nil},
		{"an element not marked so, marked markdown=\"0\", with markdown only in a value, or never closed on a line of its own, stays HTML",
			"<div markdown=\"0\">\n*a*\n\nz\n</div>\n\n<div class=\"x markdown\">\n*b*\n\nz\n</div>\n\n<div markdown=\"1\">\n*c*\n\nz</div>\n\n<table markdown=\"1\">\n</table>\n",
			"<div markdown=\"0\">\n*a*\n\nz\n</div>\n\n<div class=\"x markdown\">\n*b*\n\nz\n</div>\n\n<div markdown=\"1\">\n*c*\n\nz</div>\n\n<table markdown=\"1\">\n</table>\n", nil},
		{"mdBook's includes, in text and in code, are warned of: the file's text is not put in their place; escaped or in a code span they are written to be read",
			"Options:\n\n{{#include options.md}}\n\n```rust\n{{ #rustdoc_include ../listings/main.rs:2:10 }}\n```\nSee `{{#include x.md}}` and \\{{#include y.md}}.\n    {{#playground demo.rs editable}}\n{{#include}}\n",
			"Options:\n\n{{#include options.md}}\n\n```rust\n{{ #rustdoc_include ../listings/main.rs:2:10 }}\n```\nSee `{{#include x.md}}` and \\{{#include y.md}}.\n    {{#playground demo.rs editable}}\n{{#include}}\n",
			[]string{"template-tag@9", "template-tag@2", "template-tag@5", "template-tag@8"}},
		{"template tags in a list item's text, not in its code",
			"  * Logs\n\n    See your {% data dashboard %}.\n\n        {% code %}\n\nText\n\n    {% code %}\n1. One\n   ```\n   {% code %}\n   ```\n",
			"  * Logs\n\n    See your {% data dashboard %}.\n\n        {% code %}\n\nText\n\n    {% code %}\n1. One\n   ```\n   {% code %}\n   ```\n",
			[]string{"template-tag@2"}},
		{"template tags in an HTML block are not shown at all: no warning of their own",
			"<ul>\n<li><a href=\"{{ page.url }}\">{{ page.title }}</a></li>\n</ul>\n\n<span>x</span> {{ page.title }}\n<a href=\"y\">\n{{ page.url }}\n\n<a href=\"z\">\n{{ page.url }}\n\ntext {{ site.name }}\n",
			"<ul>\n<li><a href=\"{{ page.url }}\">{{ page.title }}</a></li>\n</ul>\n\n<span>x</span> {{ page.title }}\n<a href=\"y\">\n{{ page.url }}\n\n<a href=\"z\">\n{{ page.url }}\n\ntext {{ site.name }}\n",
			[]string{"template-tag@4", "template-tag@6", "template-tag@11"}},
		{"template variables in text, not other braces",
			"See {{ .Title }} and {{- page.url -}}.\n\nA port above {{value}}, {{ company_name }}, a set {{a, b}}, {{ 1 + 2 }}, {{ }}, {{ 1.5 }}.\n",
			"See {{ .Title }} and {{- page.url -}}.\n\nA port above {{value}}, {{ company_name }}, a set {{a, b}}, {{ 1 + 2 }}, {{ }}, {{ 1.5 }}.\n",
			[]string{"template-tag@0"}},
		{"MDX import lines at the start of a line",
			"import Tabs from '@theme/Tabs';\nimport TabItem from \"@theme/TabItem\"\nimport {A, B as C} from './x.mdx';\nimport './custom.css';\n\nimport controls are reviewed.\n  import X from 'y';\n```js\nimport React from 'react';\n```\nText import X from 'y';\n\npackage main\nimport \"fmt\"\n",
			"\n\n\n\n\nimport controls are reviewed.\n  import X from 'y';\n```js\nimport React from 'react';\n```\nText import X from 'y';\n\npackage main\nimport \"fmt\"\n",
			[]string{"mdx-import@0", "mdx-import@1", "mdx-import@2", "mdx-import@3"}},
		{"an imported component's tags alone on their lines: left out, a tab's label in bold",
			"import Tabs from '@theme/Tabs';\nimport {Item as Tab, Note} from './parts';\n\n<Tabs groupId=\"os\">\n<Tab value=\"a\" label=\"On the laptop\" default>\n\nStep one.\n\n</Tab>\n<Tab title='在服务器上'>\nStep two.\n</Tab>\n</Tabs>\n\n<Note />\nSee <Note /> here.\n<Other />\n    <Tabs>\n```\n<Tabs>\n```\n",
			"\n\n\n\n**On the laptop**\n\nStep one.\n\n\n**在服务器上**\nStep two.\n\n\n\n\nSee <Note /> here.\n<Other />\n    <Tabs>\n```\n<Tabs>\n```\n",
			[]string{"mdx-import@0", "mdx-import@1", "component-tag@16"}},
		{"another tool's YAML front matter at the top of the body",
			"\n---\ntitle: Acceptable use\nredirect_from:\n  - /a\n- /b\n# a comment\nversions:\n  fpt: '*'\n...\n\nText.\n",
			"\n\n\n\n\n\n\n\n\n\n\nText.\n", []string{"other-front-matter@1"}},
		{"Obsidian's properties at the top of the body", "---\nLast reviewed: 2026-01-10\n标签: [安全]\n---\n## 目的\n", "\n\n\n\n## 目的\n", []string{"other-front-matter@0"}},
		{"Hugo's TOML front matter at the top of the body", "+++\ntitle = \"x\"\n[params]\nk = 1\n+++\nText\n", "\n\n\n\n\nText\n", []string{"other-front-matter@0"}},
		{"a rule, text and a rule is no front matter",
			"---\n\nScope: everyone.\nAll staff.\n---\n\n---\n---\n\nText\n\n---\ntitle: x\n---\n",
			"---\n\nScope: everyone.\nAll staff.\n---\n\n---\n---\n\nText\n\n---\ntitle: x\n---\n", nil},
		{"front matter never closed is none", "---\ntitle: x\n\nText\n", "---\ntitle: x\n\nText\n", nil},
		{"attribute lists after pictures and links",
			"![Plan](img/plan.png){ width=\"95%\" } and ![](<a b.png> \"t\"){width=300 .center}\n[Go](x.md){: .md-button #go } [x](y) {not attrs} `![c](c.png){ width=\"1\" }`\n\n    ![d](d.png){ width=\"1\" }\n```\n![e](e.png){ .x }\n```\n- item\n\n    ![f](f.png){ width=\"9\" } {{< x >}}){ y }\n",
			"![Plan](img/plan.png) and ![](<a b.png> \"t\")\n[Go](x.md) [x](y) {not attrs} `![c](c.png){ width=\"1\" }`\n\n    ![d](d.png){ width=\"1\" }\n```\n![e](e.png){ .x }\n```\n- item\n\n    ![f](f.png) {{< x >}}){ y }\n",
			[]string{"template-tag@9"}},
		{"headings without a space after their #, closed as they opened",
			"##1 配置服务##\n#总则#\n##语言C#\n###三级 ###\n",
			"## 1 配置服务 ##\n# 总则 #\n## 语言C#\n### 三级 ###\n",
			[]string{"heading-space@0", "heading-space@1", "heading-space@2", "heading-space@3"}},
		{"headings without a space after their #",
			"#总则\n正文\n##1 目的\n  ###1.1范围\n#include <x.h>\n#123 fixed\n# 已有空格\n#######七级\n```\n#代码\n```\n    #缩进\n",
			"# 总则\n正文\n## 1 目的\n  ### 1.1范围\n#include <x.h>\n#123 fixed\n# 已有空格\n#######七级\n```\n#代码\n```\n    #缩进\n",
			[]string{"heading-space@0", "heading-space@2", "heading-space@3"}},
		{"diagrams and math",
			"```mermaid\ngraph TD\n```\n~~~ {.plantuml}\n@startuml\n~~~\n```go\n$$\n```\n$$\nR = L \\times I\n$$\n\n$$x$$\n    $$\nPrice $$5.\n",
			"```mermaid\ngraph TD\n```\n~~~ {.plantuml}\n@startuml\n~~~\n```go\n$$\n```\n\\$\\$\nR \\= L \\\\times I\n\\$\\$\n\n\\$\\$x\\$\\$\n    $$\nPrice $$5.\n",
			[]string{"diagram@0", "diagram@3", "math@9", "math@13"}},
		{"math in a line, and in a code span", "a $$x_1$$ b\n\n`$$y$$`\n", "a \\$\\$x\\_1\\$\\$ b\n\n`$$y$$`\n", []string{"math@0"}},
		{"a fence never closed", "Text\n\n~~~See [the old wiki] for more\nmore text\n\n## Heading\n", "Text\n\n~~~See [the old wiki] for more\nmore text\n\n## Heading\n", []string{"unclosed-fence@2"}},
		{"a fence with a language never closed", "```sh\nmake\n", "```sh\nmake\n", []string{"unclosed-fence@0"}},
		{"fences closed, in a list item, or at the end", "```\na\n```\n- item\n  ```\n  code\n- next\n\n```\n", "```\na\n```\n- item\n  ```\n  code\n- next\n\n```\n", nil},
		{"GitHub's alerts and kramdown's block attributes",
			"> [!NOTE]\n> Read this.\n\n>> [!warning]\n\n> [!NOTE] inline\n    > [!TIP]\n## Contents\n{: .no_toc }\n{:#x .y data-z=\"1\"}\n{: not attrs}\n```\n> [!NOTE]\n{: .x}\n```\n",
			"> **Note**\n> Read this.\n\n>> **Warning**\n\n> **inline**\n    > [!TIP]\n## Contents\n\n\n{: not attrs}\n```\n> [!NOTE]\n{: .x}\n```\n", nil},
		{"paths with spaces",
			"[表](附件/申请 表.docx) ![图](img/my pic.png \"t\") [x](a b.md#范围) `[c](c d.md)`\n[y](see the policy) [z](<e f.md>)\n    [w](g h.md)\n",
			"[表](<附件/申请 表.docx>) ![图](img/my pic.png \"t\") [x](<a b.md#范围>) `[c](c d.md)`\n[y](see the policy) [z](<e f.md>)\n    [w](g h.md)\n",
			[]string{"path-spaces@0", "path-spaces@0"}},
		{"wiki links and embeds",
			"见[[访问控制程序]]与[[访问控制程序#范围|范围]]。\n![[flow.png]] `[[code]]`\n[[_TOC_]]\n    [[indented]]\n[[a]] and [[b]]\n[[toc]]\n",
			"见[[访问控制程序]]与[[访问控制程序#范围|范围]]。\n![[flow.png]] `[[code]]`\n\n    [[indented]]\n[[a]] and [[b]]\n\n",
			[]string{"toc-marker@2", "toc-marker@5", "wiki-link@0", "wiki-link@0", "wiki-link@1", "wiki-link@4", "wiki-link@4"}},
		{"Mustache's sections and unescaped variables in text: shown as written, with a warning; a word alone in braces is left alone",
			"{{#controls}}\n- {{name}}: {{&url}}\n{{/controls}}\n{{^controls}}None.{{/controls}}\n`{{#x}}`\n\n    {{/y}}\n",
			"{{#controls}}\n- {{name}}: {{&url}}\n{{/controls}}\n{{^controls}}None.{{/controls}}\n`{{#x}}`\n\n    {{/y}}\n",
			[]string{"template-tag@0", "template-tag@1", "template-tag@2", "template-tag@3"}},
		{"pandoc's letter lists with roman sub-items (comply's policies): numbered lists, nested",
			"# Policy\n\na. *During onboarding:*\n\n    i. Manager informs HR.\n\n    i. The owner reviews the \nassociated permissions.\n\na. *During offboarding:*\n\n    ii. HR notifies IT.\n\n```\na. code\n\n    i. code\n```\n",
			"# Policy\n\n1. *During onboarding:*\n\n    1. Manager informs HR.\n\n    1. The owner reviews the \nassociated permissions.\n\n1. *During offboarding:*\n\n    2.  HR notifies IT.\n\n```\na. code\n\n    i. code\n```\n",
			[]string{"lettered-list@2"}},
		{"pandoc's letter items in a row, without sub-items: a numbered list; one alone, or a letter in a sentence, is text",
			"a. First.\nb. Second.\n\nText.\n\na. Alone.\n\nx. y. z\n\nc. one\n\nSee e.g. this.\n",
			"1. First.\n2. Second.\n\nText.\n\na. Alone.\n\nx. y. z\n\nc. one\n\nSee e.g. this.\n",
			[]string{"lettered-list@0"}},
		{"uppercase letters and roman numerals, as pandoc reads them: numbered lists too; cases mixed or a letter alone are text",
			"A. First.\nB. Second.\n\nText.\n\nI. One.\n\nII. Two.\n\nA. Smith\n\na. one\nB. two\n",
			"1. First.\n2. Second.\n\nText.\n\n1. One.\n\n2.  Two.\n\nA. Smith\n\na. one\nB. two\n",
			[]string{"lettered-list@0", "lettered-list@5"}},
		{"roman items indented by a tab under lettered ones: nested numbered lists",
			"a. Joining:\n\n\ti. Manager informs HR.\n\n\tii. The owner approves.\n\nb. Leaving:\n\n\t\tcode\n",
			"1. Joining:\n\n    1. Manager informs HR.\n\n    2.  The owner approves.\n\n2. Leaving:\n\n\t\tcode\n",
			[]string{"lettered-list@0"}},
		{"roman items with nothing above them but text: text, with no warning; sub-items under a paragraph shown as code are warned",
			"Text\n\n    i. under text\n",
			"Text\n\n    i. under text\n",
			[]string{"lettered-list@2"}},
		{"in code, nothing", "```\n+---+\n| a |\n+---+\n```\n", "```\n+---+\n| a |\n+---+\n```\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, found := Adapt([]byte(tc.in))
			if string(out) != tc.out {
				t.Errorf("got\n%q\nwant\n%q", out, tc.out)
			}
			if strings.Count(string(out), "\n") != strings.Count(tc.in, "\n") {
				t.Errorf("the number of lines changed")
			}
			var got []string
			for _, f := range found {
				got = append(got, f.Code+"@"+itoa(f.Line))
			}
			if strings.Join(got, " ") != strings.Join(tc.found, " ") {
				t.Errorf("found %v, want %v", got, tc.found)
			}
		})
	}
}

// On a site in Chinese, an admonition, an alert or a fenced div its
// author gave no title is titled with its kind in Chinese; a title the
// author wrote, and a kind no table names, stay as written.
func TestAdaptInChinese(t *testing.T) {
	in := "!!! warning\n    a\n\n!!! note \"Read me\"\n    b\n\n:::tip\nc\n:::\n\n:::danger[小心电源]\nd\n:::\n\n::: custom\ne\n:::\n\n> [!IMPORTANT]\n> f\n\n{{< hint warning >}}\ng\n{{< /hint >}}\n"
	want := "> **警告**\n> a\n\n> **Read me**\n> b\n\n**提示**\nc\n\n\n**小心电源**\nd\n\n\n**Custom**\ne\n\n\n> **重要**\n> f\n\n> **警告**\n> g\n\n"
	if out := AdaptTextIn([]byte(in), "zh-CN"); string(out) != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
	if out := AdaptTextIn([]byte(in), "en"); !strings.Contains(string(out), "> **Warning**") || !strings.Contains(string(out), "**Tip**") || !strings.Contains(string(out), "> **Important**") {
		t.Errorf("in English:\n%s", out)
	}
}

func FuzzAdapt(f *testing.F) {
	for _, s := range []string{"+---+\n| a |\n+===+\n| b |\n+---+\n", "% t\n% a\n", "\\newpage\n", "```\n+--+\n",
		"---\ntitle: x\n---\n", "![a](a.png){ width=\"9\" }\n", "##1 目的\n", "!!! tip\n        ```\n        x\n", "<table>\n<tr><td>a</td></tr>\n</table>\n", "<table>\n<tr><th>`x`</th></tr>\n<tr><td><a href=\"(\">[</a></td></tr>\n</table>\n",
		"{/* a\n b */} x {/* c */}\n", "a {/* b\n  c */} d {/* e\nf */}\n", "see <a href=\"a b.md\" title='t'>x</a>\n", "| a | <ul><li>b</li></ul> |\n", "!!! warning\n    x\n", "{{< hint warning \"t\" >}}\n{{< hint >}}\nx\n{{< /hint >}}\n{{% /hint %}}\n", "a\n\n<pre><code class=\"language-go\">x &lt; y\n</code></pre>\n\n", "> a <pre>x\n> y</pre> b\n", "- <pre>\n  x\n  </pre>\n| <pre>a<br>b</pre> |\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, _ := Adapt([]byte(in))
		if strings.Count(string(out), "\n") != strings.Count(in, "\n") {
			t.Errorf("%q → %q: the number of lines changed", in, out)
		}
	})
}

// mayHaveSpacedPath finds every line in which spacedPath finds a path:
// it only spares the regexp where there is none.
func FuzzMayHaveSpacedPath(f *testing.F) {
	for _, s := range []string{"[a](附件/申请 表.docx)", "[a](需求 (PRD).md)", "[a](x (1) (2.md)", "[a](b c.txt#x<y)", "[a](a b/)", "[a](https://h/a (b c))", "[a](https://h/a b )", "[a]( b.c)", "](a b.c)", "[a](b.c)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if spacedPath.MatchString(s) && !mayHaveSpacedPath([]byte(s)) {
			t.Errorf("%q: spacedPath matches, mayHaveSpacedPath says no", s)
		}
	})
}

// An address with spaces has the address with %20 as its hint, a path
// the path in angle brackets.
func TestSpacedPathHint(t *testing.T) {
	for _, tc := range []struct{ in, message, hint string }{
		{"[u](https://host/Shared Documents/a b.docx)\n",
			`the address "https://host/Shared Documents/a b.docx" has spaces: it is read as one address here, each space as %20, but CommonMark and GitHub show the link as text`,
			"write each space as %20: https://host/Shared%20Documents/a%20b.docx"},
		{"[f](forms/some folder/)\n",
			`the path "forms/some folder/" has spaces: it is read as one path here, but CommonMark and GitHub show the link as text`,
			"write it in angle brackets, (<forms/some folder/>), or with %20 for each space"},
	} {
		_, found := angleSpacedPaths([]byte(tc.in), nil)
		if len(found) != 1 || found[0].Message.String() != tc.message || found[0].Hint.String() != tc.hint {
			t.Errorf("%q: %v, want %q (%q)", tc.in, found, tc.message, tc.hint)
		}
	}
}

// A path with spaces and no extension is read as a path when it names
// a file or a folder beside the document, fragment and all; else, and in
// code, it stays text: "[1](TCP/IP 协议)" is prose.
func TestSpacedPathThatExists(t *testing.T) {
	exists := func(p string) bool { return p == "forms/some folder" || p == "表单 模板" }
	in := "[x](forms/some folder) [y](forms/some folder#a b) [1](TCP/IP 协议) `[c](forms/some folder)` [z](forms/other one) ![p](表单 模板)\n"
	want := "[x](<forms/some folder>) [y](<forms/some folder#a b>) [1](TCP/IP 协议) `[c](forms/some folder)` [z](forms/other one) ![p](<表单 模板>)\n"
	out, found := AdaptAt([]byte(in), "en", exists)
	if string(out) != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
	var got []string
	for _, f := range found {
		got = append(got, f.Code+"@"+itoa(f.Line)+" "+f.Hint.String())
	}
	if w := []string{"path-spaces@0 write it in angle brackets, (<表单 模板>), or with %20 for each space", "path-spaces@0 write it in angle brackets, (<forms/some folder#a b>), or with %20 for each space", "path-spaces@0 write it in angle brackets, (<forms/some folder>), or with %20 for each space"}; strings.Join(got, "\n") != strings.Join(w, "\n") {
		t.Errorf("found\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(w, "\n"))
	}
	if out, _ := Adapt([]byte(in)); string(out) != in {
		t.Errorf("with nothing known: %q", out)
	}
}

// A reference link whose label is an address written in square brackets
// ([modules][#module]) has the link to write as its hint; any other, the
// definition to add.
func TestUndefinedReferenceHint(t *testing.T) {
	for _, tc := range []struct{ in, hint string }{
		{"See [modules][#module].\n", "write the address in parentheses: [modules](#module)"},
		{"See [the guide][../guide.md#setup].\n", "write the address in parentheses: [the guide](../guide.md#setup)"},
		{"See [x][https://example.com/a].\n", "write the address in parentheses: [x](https://example.com/a)"},
		{"See [shares][Verify this number].\n", "add a line [Verify this number]: address (a web address, a path or a document id), or write the link as [text](address)"},
		{"See [site `copyright`][].\n", "add a line [site `copyright`]: address (a web address, a path or a document id), or write the link as [text](address)"},
	} {
		found := undefinedReferences([]byte(tc.in))
		if len(found) != 1 || found[0].Hint.String() != tc.hint {
			t.Errorf("%q: %v, want the hint %q", tc.in, found, tc.hint)
		}
	}
}

// A link whose address holds a template tag with spaces is no link: its
// warning says so, and how to write the address out.
func TestTemplateTagInALinkHint(t *testing.T) {
	for _, tc := range []struct{ in, message, hint string }{
		{"See [x](http://host/{{< param \"branch\" >}}/y) now.\n",
			`the link [x](http://host/{{< param "branch" >}}/y) is shown as written, not as a link: its address holds a template tag with spaces, and pages here run no templates`,
			"write the address out, the tag replaced by what it stands for: [x](http://host/branch/y)"},
		{"![a]({{ .Site.Params.cdn }}/a b.png) {{% x %}}\n",
			"the template tag {{ .Site.Params.cdn }} is shown as written: pages here run no templates (it is written for Hugo, GitBook or Jekyll, which put something in its place)",
			"write in its place what it stands for: a name, an address, a link as [text](path)"},
		{"[z]({{< param \"a\" >}} b)\n",
			`the template tag {{< param "a" >}} is shown as written: pages here run no templates (it is written for Hugo, GitBook or Jekyll, which put something in its place)`,
			"write in its place what it stands for: a name, an address, a link as [text](path)"},
		{"Version {{< param \"v\" >}} (see [y](a.md)).\n",
			`the template tag {{< param "v" >}} is shown as written: pages here run no templates (it is written for Hugo, GitBook or Jekyll, which put something in its place)`,
			"write in its place what it stands for: a name, an address, a link as [text](path)"},
	} {
		found := inlineTemplateTags([]byte(tc.in))
		if len(found) != 1 || found[0].Message.String() != tc.message || found[0].Hint.String() != tc.hint {
			t.Errorf("%q: %v, want %q, hint %q", tc.in, found, tc.message, tc.hint)
		}
	}
}

// An admonition's hint names the title the page shows it under: the one
// written, else its kind in the site's language.
func TestAdmonitionHint(t *testing.T) {
	for _, tc := range []struct{ in, lang, hint string }{
		{"!!! check \"Exceptions\"\n    x\n", "en", "write it as a block quote: > **Exceptions** …"},
		{"!!! warning \"**注意：** 先备份\"\n    x\n", "zh-CN", "write it as a block quote: > **注意： 先备份** …"},
		{"!!! tldr\n    x\n", "zh-CN", "write it as a block quote: > **摘要** …"},
		{"!!! important\n    x\n", "en", "write it as a block quote: > **Important** …"},
	} {
		_, found := AdaptIn([]byte(tc.in), tc.lang)
		if len(found) != 1 || found[0].Hint.String() != tc.hint {
			t.Errorf("%q: %v, want the hint %q", tc.in, found, tc.hint)
		}
	}
}
