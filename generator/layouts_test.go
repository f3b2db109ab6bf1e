package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/diag"
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
