package generator_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/internal/fast"
	"ismsgen/internal/sitetest"
)

// writeLayouts writes files under a site's layouts/ folder.
func writeLayouts(t *testing.T, site string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(site, "layouts", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// What a site's own layout holds outside its {{define}} blocks is never
// shown: a warning at its line says so and where to put it, in the
// site's language, once for what one line holds. Spaces, comments and a
// {{block}} (which defines its template) are no such text.
func TestLayoutTextOutsideDefine(t *testing.T) {
	site := sitetest.Copy(t, "testdata/site")
	writeLayouts(t, site, map[string]string{
		"partials/extra.html": "{{/* a comment */}}\nStray text\n{{define \"extra\"}}x{{end}}\nmore {{.Title}} and\nmore\n{{block \"b\" .}}y{{end}}\n  \n",
		"search.html":         "{{define \"main\"}}<p>search</p>{{end}}\n{{.Title}}\n",
		"partials/clean.html": "{{/* only a comment */}}\n{{define \"clean\"}}x{{end}}\n\n{{- block \"c\" .}}y{{end}}\n",
	})
	res, err := generator.Check(generator.Options{Source: site, Now: now, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"en": `layouts/partials/extra.html:2: warning: "Stray text" is outside every {{define}} block of the layout, and is ignored: pages show only defined templates
    hint: put it inside a {{define "…"}} … {{end}} block, where the page's content goes in {{define "main"}}, or delete it
layouts/partials/extra.html:4: warning: "more" is outside every {{define}} block of the layout, and is ignored: pages show only defined templates
    hint: put it inside a {{define "…"}} … {{end}} block, where the page's content goes in {{define "main"}}, or delete it
layouts/search.html:2: warning: "{{.Title}}" is outside every {{define}} block of the layout, and is ignored: pages show only defined templates
    hint: put it inside a {{define "…"}} … {{end}} block, where the page's content goes in {{define "main"}}, or delete it
`,
		"zh-CN": `layouts/partials/extra.html:2: 警告："Stray text" 位于布局中所有 {{define}} 块之外，会被忽略：页面只显示已定义的模板
    提示：请把它放进 {{define "…"}} … {{end}} 块中（页面正文放在 {{define "main"}} 中），或删除它
layouts/partials/extra.html:4: 警告："more" 位于布局中所有 {{define}} 块之外，会被忽略：页面只显示已定义的模板
    提示：请把它放进 {{define "…"}} … {{end}} 块中（页面正文放在 {{define "main"}} 中），或删除它
layouts/search.html:2: 警告："{{.Title}}" 位于布局中所有 {{define}} 块之外，会被忽略：页面只显示已定义的模板
    提示：请把它放进 {{define "…"}} … {{end}} 块中（页面正文放在 {{define "main"}} 中），或删除它
`,
	} {
		var stray diag.List
		for _, d := range res.Diagnostics {
			if d.Code == "layout-outside-define" {
				stray.Add(d)
			}
		}
		var got strings.Builder
		stray.Print(&got, generator.Messages(defaults(), lang))
		if got.String() != want {
			t.Errorf("%s:\n%s\nwant:\n%s", lang, got.String(), want)
		}
	}
	if res.Diagnostics.HasErrors() {
		t.Errorf("errors: %v", res.Diagnostics.Errors())
	}
}

// Every mistake a layout makes when it runs is reported, each once at
// its file:line:col, not only the first the run stops at: after one, the
// layout runs again without that statement. An assignment that fails
// takes the rest of its block with it, so that the uses of its variable
// are no knock-on errors, and a partial that fails on pages of several
// kinds is one error. The build fails and leaves the previous output
// untouched, with the fast paths on and off alike.
func TestLayoutRunErrorsAllReported(t *testing.T) {
	site, dest, kept := builtSite(t)
	doc, err := os.ReadFile(filepath.Join(sitetest.Root(), "layouts", "doc.html"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(doc), "\n")
	for i, from := range map[int]string{0: `{{$d := $v.Doc}}`, 2: `{{t "nav.breadcrumb"}}`, 4: `{{tier $d.Tier}}`} {
		if !strings.Contains(lines[i], from) {
			t.Fatalf("layouts/doc.html:%d has no %s", i+1, from)
		}
	}
	lines[0] = strings.Replace(lines[0], `{{$d := $v.Doc}}`, `{{$d := $v.Doc}}{{$v.Nope}}`, 1)
	lines[2] = strings.Replace(lines[2], `{{t "nav.breadcrumb"}}`, `{{$d.Bad1}}`, 1)
	lines[4] = strings.Replace(lines[4], `{{tier $d.Tier}}`, `{{tier $d.Bad2}}{{$q := $d.Bad3}}{{$q.X}}`, 1)
	writeLayouts(t, site, map[string]string{
		"doc.html":             strings.Join(lines, "\n"),
		"partials/footer.html": "{{define \"footer\"}}<footer>{{.Data.Zap}}</footer>{{end}}\n",
	})
	want := `layouts/doc.html:1:52: the layout shows $v.Nope, but the page's data has no field Nope (in *render.DocView)
layouts/doc.html:3:40: the layout shows $d.Bad1, but the page's data has no field Bad1 (in *model.Document)
layouts/doc.html:5:52: the layout shows $d.Bad2, but the page's data has no field Bad2 (in *model.Document)
layouts/doc.html:5:69: the layout shows $d.Bad3, but the page's data has no field Bad3 (in *model.Document)
layouts/partials/footer.html:1:34: the layout shows .Data.Zap, but the page's data has no field Zap (in interface {})
`
	failingBuilds(t, site, dest, kept, func(on bool, res *generator.Result) {
		var got strings.Builder
		for _, d := range res.Diagnostics.Errors() {
			got.WriteString(d.String() + "\n")
		}
		if got.String() != want {
			t.Errorf("fast paths %v: errors\n%s\nwant\n%s", on, got.String(), want)
		}
	})
}

// A site's layout files that ismsgen never reads say so (layout-unused),
// and one that is not UTF-8 is an error at its first bad line that
// stops the build, in the site's language; a byte-order mark is no
// text of the layout's and goes unremarked. Dot files are an editor's.
func TestLayoutFiles(t *testing.T) {
	site, dest, kept := builtSite(t)
	writeLayouts(t, site, map[string]string{
		"search.html":          "\ufeff{{define \"main\"}}<p>search</p>{{end}}\n",
		"doc.html":             "{{define \"main\"}}\n<p>caf\xe9</p>{{end}}\n",
		"reviewz.html":         "{{define \"main\"}}x{{end}}\n",
		"partials/x/head.html": "{{define \"x\"}}x{{end}}\n",
		"tiers/tier.html":      "{{define \"main\"}}x{{end}}\n",
		"partials/notes.txt":   "notes\n",
		".doc.html.swp":        "\x00",
	})
	want := map[string]string{
		"en": `layouts/doc.html:2: the layout is not UTF-8 text: its pages would show its bytes as they are, garbled
    hint: save the file as UTF-8 (in most editors: Save with Encoding, UTF-8)
layouts/partials/notes.txt: warning: the file is not read: it is no layout
    hint: layouts are .html files in layouts/ (pages) and layouts/partials/ (shared pieces): rename it, or move it out of layouts/
layouts/partials/x/head.html: warning: the layout is not read: ismsgen reads layouts/*.html and layouts/partials/*.html only
    hint: put it in layouts/head.html to replace that layout, or in layouts/partials/ and call it with {{template}}
layouts/reviewz.html: warning: no page is made with the layout reviewz.html: ismsgen has no page layout of that name
    hint: name it as the default layout of the page it is for (docs/layouts.md lists them), or put it in layouts/partials/ and call it with {{template}}
layouts/tiers/tier.html: warning: the layout is not read: ismsgen reads layouts/*.html and layouts/partials/*.html only
    hint: put it in layouts/tier.html to replace that layout, or in layouts/partials/ and call it with {{template}}
`,
		"zh-CN": `layouts/doc.html:2: 该布局不是 UTF-8 文本：其页面会原样显示这些字节，成为乱码
    提示：请把文件另存为 UTF-8 编码（多数编辑器中：另存为时选择编码 UTF-8）
layouts/partials/notes.txt: 警告：该文件不会被读取：它不是布局
    提示：布局是 layouts/（页面）和 layouts/partials/（共用片段）中的 .html 文件：请重命名它，或把它移出 layouts/
layouts/partials/x/head.html: 警告：该布局不会被读取：ismsgen 只读取 layouts/*.html 和 layouts/partials/*.html
    提示：若要替换该布局，请把它放在 layouts/head.html；或放进 layouts/partials/，并用 {{template}} 调用
layouts/reviewz.html: 警告：没有页面使用布局 reviewz.html：ismsgen 没有这个名称的页面布局
    提示：请按其所用页面的默认布局命名（见 docs/layouts.md），或把它放进 layouts/partials/，并用 {{template}} 调用
layouts/tiers/tier.html: 警告：该布局不会被读取：ismsgen 只读取 layouts/*.html 和 layouts/partials/*.html
    提示：若要替换该布局，请把它放在 layouts/tier.html；或放进 layouts/partials/，并用 {{template}} 调用
`,
	}
	layoutDiags := func(list diag.List) diag.List {
		var out diag.List
		for _, d := range list {
			if strings.HasPrefix(d.File, "layouts") {
				out.Add(d)
			}
		}
		return out
	}
	res, err := generator.Check(generator.Options{Source: site, Now: now, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	for lang, w := range want {
		var got strings.Builder
		layoutDiags(res.Diagnostics).Print(&got, generator.Messages(defaults(), lang))
		if got.String() != w {
			t.Errorf("check, %s:\n%s\nwant:\n%s", lang, got.String(), w)
		}
	}
	failingBuilds(t, site, dest, kept, func(on bool, res *generator.Result) {
		var got strings.Builder
		layoutDiags(res.Diagnostics).Print(&got, generator.Messages(defaults(), "en"))
		if got.String() != want["en"] {
			t.Errorf("build, fast paths %v:\n%s\nwant:\n%s", on, got.String(), want["en"])
		}
	})
}

// A site's copy of a partial that no longer defines a template ismsgen's
// own file of that name defines, which a layout still runs (an empty
// file, a define under another name), is an error at the site's file,
// not at the default layout that runs it, and not when nothing runs it.
func TestLayoutLostDefine(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"empty footer", map[string]string{"partials/footer.html": ""},
			`layouts/partials/footer.html: the layout does not define the template "footer", which ismsgen's own layouts/partials/footer.html defines and layouts/base.html runs
    hint: put it between {{define "footer"}} and {{end}} in this file, as ismsgen's own layouts/partials/footer.html does, or delete the site's copy to use the default
`},
		{"renamed", map[string]string{"partials/docmeta.html": "{{define \"meta\"}}x{{end}}\n"},
			`layouts/partials/docmeta.html: the layout does not define the template "docmeta", which ismsgen's own layouts/partials/docmeta.html defines and layouts/doc.html runs
    hint: put it between {{define "docmeta"}} and {{end}} in this file, as ismsgen's own layouts/partials/docmeta.html does, or delete the site's copy to use the default
`},
		{"defined elsewhere", map[string]string{"partials/footer.html": "", "partials/myfooter.html": "{{define \"footer\"}}f{{end}}\n"}, ""},
		{"run by nothing", map[string]string{"partials/doctraining.html": "", "doc.html": "{{define \"main\"}}{{.Title}}{{end}}\n"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := sitetest.Copy(t, "testdata/site")
			writeLayouts(t, site, tc.files)
			res, err := generator.Check(generator.Options{Source: site, Now: now, Defaults: defaults()})
			if err != nil {
				t.Fatal(err)
			}
			var got strings.Builder
			res.Diagnostics.Errors().Print(&got, generator.Messages(defaults(), "en"))
			if got.String() != tc.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got.String(), tc.want)
			}
		})
	}
}

// A mistake in a layout the site added (a partial of its own, a page
// layout ismsgen has none of) has a hint that does not send the reader
// to ismsgen's own copy of it, or to deleting the site's: there is none.
func TestLayoutNewFileHints(t *testing.T) {
	site := sitetest.Copy(t, "testdata/site")
	writeLayouts(t, site, map[string]string{
		"partials/ownerbox.html": "{{define \"ownerbox\"}}<p>{{.Nope}}</p>{{end}}\n",
		"partials/card.html":     "{{define \"card\"}}{{if .}}\n",
		"doc.html":               "{{define \"main\"}}{{template \"ownerbox\" .Data.Doc}}{{end}}\n",
	})
	want := map[string]string{
		"en": `layouts/partials/card.html:2: the layout ends before each {{if}}, {{range}}, {{with}} or {{define}} is closed with {{end}}
    hint: add the {{end}} that is missing
`,
		"zh-CN": `layouts/partials/card.html:2: 布局在 {{if}}、{{range}}、{{with}} 或 {{define}} 以 {{end}} 结束之前就结束了
    提示：请补上缺少的 {{end}}
`,
	}
	res, err := generator.Check(generator.Options{Source: site, Now: now, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	for lang, w := range want {
		var got strings.Builder
		res.Diagnostics.Errors().Print(&got, generator.Messages(defaults(), lang))
		if got.String() != w {
			t.Errorf("%s:\n%s\nwant:\n%s", lang, got.String(), w)
		}
	}
	writeLayouts(t, site, map[string]string{"partials/card.html": "{{define \"card\"}}{{end}}\n"})
	res, err = generator.Check(generator.Options{Source: site, Now: now, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	res.Diagnostics.Errors().Print(&got, generator.Messages(defaults(), "en"))
	if w := `layouts/partials/ownerbox.html:1:26: the layout shows .Nope, but the page's data has no field Nope (in *model.Document)
    hint: the data has no such field: docs/layouts.md lists what each layout is given, and what the template is called with comes from the layout that calls it
`; got.String() != w {
		t.Errorf("run:\n%s\nwant:\n%s", got.String(), w)
	}
}

// A template defined in two shared layout files, one of them the site's,
// is warned of at the site's file (layout-redefined), saying which one
// the pages use: the one read last, by the files' names.
func TestLayoutRedefined(t *testing.T) {
	site := sitetest.Copy(t, "testdata/site")
	writeLayouts(t, site, map[string]string{
		"partials/a.html":  "{{define \"footer\"}}A{{end}}\n",
		"partials/zz.html": "\n{{define \"banner\"}}Z{{end}}\n{{define \"latebanner\"}}{{end}}\n",
	})
	res, err := generator.Check(generator.Options{Source: site, Now: now, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	var redef diag.List
	for _, d := range res.Diagnostics {
		if d.Code == "layout-redefined" {
			redef.Add(d)
		}
	}
	var got strings.Builder
	redef.Print(&got, generator.Messages(defaults(), "en"))
	want := `layouts/partials/a.html:1: warning: the template "footer" is defined here and in layouts/partials/footer.html: pages use the one in layouts/partials/footer.html, read last by the files' names
    hint: define each template in one file: to change ismsgen's "footer", copy its file to the same name in the site's layouts/ and change the copy
layouts/partials/zz.html:2: warning: the template "banner" is defined here and in layouts/partials/banner.html: pages use the one in layouts/partials/zz.html, read last by the files' names
    hint: define each template in one file: to change ismsgen's "banner", copy its file to the same name in the site's layouts/ and change the copy
`
	if got.String() != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", got.String(), want)
	}
}

// The usual slips of a layout's syntax are said in the site's language,
// with how to fix them, each at its file and line, all at once.
func TestLayoutSyntaxSlips(t *testing.T) {
	site := sitetest.Copy(t, "testdata/site")
	writeLayouts(t, site, map[string]string{
		"doc.html":             "{{define \"main\"}}{{if}}{{end}}\n",
		"partials/footer.html": "{{define \"footer\"}}{{.Title}\n{{end}}\n",
		"tier.html":            "{{define \"main\"}}{{range .Data}}{{end}}{{end}}{{end}}\n",
		"search.html":          "{{define \"main\"}}\n{{\"abc}}{{end}}\n",
	})
	want := `layouts/doc.html:1: 布局中的 {{if}} 没有要判断的值
    提示：请在 layouts/doc.html 中于其后写出要判断的值，例如 {{if .Title}}
layouts/partials/footer.html:1: 布局中有一个动作没有以 }} 结束
    提示：请在 layouts/partials/footer.html 中以 }} 结束该动作
layouts/search.html:2: 布局某个动作中带引号的字符串没有闭合
    提示：请在 layouts/search.html 中于 }} 之前用开头的引号闭合该字符串
layouts/tier.html:1: 布局中有一个 {{end}} 没有可结束的内容：此处没有未结束的 {{if}}、{{range}}、{{with}}、{{define}} 或 {{block}}
    提示：请在 layouts/tier.html 中删除这个 {{end}}，或补上它要结束的动作
`
	res, err := generator.Check(generator.Options{Source: site, Now: now, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	res.Diagnostics.Errors().Print(&got, generator.Messages(defaults(), "zh-CN"))
	if got.String() != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got.String(), want)
	}
}

// HTML that a layout leaves open (an attribute's value without its
// closing quote, a tag without its >) is reported where it opens, in the
// layout that has it, with how to close it: html/template found it only
// in base.html, which runs the page's "main" and the footer. A tag that
// is not HTML is at its place too, with html/template's words.
func TestLayoutUnclosedHTML(t *testing.T) {
	site, dest, kept := builtSite(t)
	writeLayouts(t, site, map[string]string{
		"tier.html":            "{{define \"main\"}}\n<h1>{{.Title}}</h1>\n<p><a href=\"{{ .URL }}>{{.Title}}</a></p>\n{{template \"list\" .Data.Docs}}\n{{end}}\n",
		"partials/footer.html": "{{define \"footer\"}}<footer>{{if .Config}}<span class=\"org\"{{.Config.Organisation}}</span>{{end}}</footer>{{end}}\n",
		"search.html":          "{{define \"main\"}}\n<p>x</p>\n<p \"q\">search</p>{{end}}\n",
	})
	want := map[string]string{
		"en": `layouts/partials/footer.html:1:42: the tag <span class="org"{{.Config.Organisation}}</span> is not valid HTML ("<" in attribute name: "</span>")
    hint: close each tag with > and write its attributes as name="value", in layouts/partials/footer.html
layouts/search.html:3:1: the tag <p "q">search</p> is not valid HTML ("\"" in attribute name: " \"q\">search</p>")
    hint: close each tag with > and write its attributes as name="value", in layouts/search.html
layouts/tier.html:3:4: the value of an attribute in <a href="{{.URL}}>{{.Title}}</a></p> opens with " and is not closed: the rest of the page would be part of it
    hint: close the value with " before the tag's > (as in <a href="{{.URL}}">), in layouts/tier.html
`,
		"zh-CN": `layouts/partials/footer.html:1:42: 标签 <span class="org"{{.Config.Organisation}}</span> 不是有效的 HTML（"<" in attribute name: "</span>"）
    提示：请在 layouts/partials/footer.html 中以 > 结束每个标签，并把属性写成 name="value" 的形式
layouts/search.html:3:1: 标签 <p "q">search</p> 不是有效的 HTML（"\"" in attribute name: " \"q\">search</p>"）
    提示：请在 layouts/search.html 中以 > 结束每个标签，并把属性写成 name="value" 的形式
layouts/tier.html:3:4: <a href="{{.URL}}>{{.Title}}</a></p> 中的属性值以 " 开头，但没有闭合：页面的其余部分都会成为该属性值的一部分
    提示：请在 layouts/tier.html 中于标签的 > 之前用 " 闭合该属性值（如 <a href="{{.URL}}">）
`,
	}
	res, err := generator.Check(generator.Options{Source: site, Now: now, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	for lang, w := range want {
		var got strings.Builder
		res.Diagnostics.Errors().Print(&got, generator.Messages(defaults(), lang))
		if got.String() != w {
			t.Errorf("check, %s:\n%s\nwant:\n%s", lang, got.String(), w)
		}
	}
	failingBuilds(t, site, dest, kept, func(on bool, res *generator.Result) {
		var got strings.Builder
		res.Diagnostics.Errors().Print(&got, generator.Messages(defaults(), "en"))
		if got.String() != want["en"] {
			t.Errorf("build, fast paths %v:\n%s\nwant:\n%s", on, got.String(), want["en"])
		}
	})
}

// A mistake that shows only when a layout runs is reported beside the
// content's errors, not once they are fixed: the pages of what has no
// errors are made and thrown away. What has errors is left out of them,
// so that none of its faults is reported again as a layout's (a link to
// an id that does not exist, a document whose file does not read).
func TestLayoutRunErrorsBesideContentErrors(t *testing.T) {
	site, dest, kept := builtSite(t)
	edit := func(file, from, to string) {
		t.Helper()
		p := filepath.Join(site, "content", filepath.FromSlash(file))
		data, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(data), from) {
			t.Fatalf("%s has no %q (%v)", file, from, err)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(data), from, to, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("tier2/site-p-001.md", "effective = 2025-06-15", "effective = 2025-06-15\nnext_reveiw = 2026-06-01")
	edit("tier2/site-p-003.md", "Superseded text.", "Superseded text, see [the old one](SITE-P-999).")
	writeLayouts(t, site, map[string]string{
		"tier.html":            "{{define \"main\"}}<h1>{{.Title}}</h1>\n<p>{{(index .Config.Departments 99).Name}}</p>{{end}}\n",
		"partials/footer.html": "{{define \"footer\"}}<footer>{{.Data.Doc.Version}}</footer>{{end}}\n",
	})
	want := `content/tier2/site-p-001.md:12: unknown key "next_reveiw"
content/tier2/site-p-003.md:14: broken link: no document has the id "SITE-P-999"
layouts/partials/footer.html:1:34: the layout shows .Data.Doc.Version, but the page's data has no field Doc (in interface {})
layouts/tier.html:2:6: the layout stops at index .Config.Departments 99: index out of range: 99
`
	errorsOf := func(res *generator.Result) string {
		var got strings.Builder
		for _, d := range res.Diagnostics.Errors() {
			msg, _, _ := strings.Cut(d.String(), "\n")
			got.WriteString(msg + "\n")
		}
		return got.String()
	}
	res, err := generator.Check(generator.Options{Source: site, Now: now, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	if got := errorsOf(res); got != want {
		t.Errorf("check: errors\n%s\nwant\n%s", got, want)
	}
	failingBuilds(t, site, dest, kept, func(on bool, res *generator.Result) {
		if got := errorsOf(res); got != want {
			t.Errorf("fast paths %v: errors\n%s\nwant\n%s", on, got, want)
		}
	})
}

// builtSite is a copy of the test site, built into its dest, and what
// that build wrote to its home page.
func builtSite(t *testing.T) (site, dest string, kept []byte) {
	t.Helper()
	site = sitetest.Copy(t, "testdata/site")
	dest = build(t, site, generator.Options{})
	kept, err := os.ReadFile(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return site, dest, kept
}

// failingBuilds builds site into dest with the fast paths on and off,
// hands each result to check, and fails the test if a build changed the
// previous output, whose home page held kept.
func failingBuilds(t *testing.T, site, dest string, kept []byte, check func(on bool, res *generator.Result)) {
	t.Helper()
	for _, on := range []bool{true, false} {
		restore := fast.Set(on)
		res, err := generator.Build(generator.Options{Source: site, Dest: dest, Now: now, NoHistory: true, Defaults: defaults()})
		restore()
		if err != nil {
			t.Fatal(err)
		}
		check(on, res)
		if data, err := os.ReadFile(filepath.Join(dest, "index.html")); err != nil || !bytes.Equal(data, kept) {
			t.Errorf("fast paths %v: the previous output changed (%v)", on, err)
		}
	}
}
