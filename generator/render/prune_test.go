package render

import (
	"html/template"
	"slices"
	"strings"
	"testing"
)

func TestPageSet(t *testing.T) {
	fm := template.FuncMap{
		"cached":     func(string, any, ...any) (template.HTML, error) { return "", nil },
		"cachedRows": func(string, string, string, any) (template.HTML, error) { return "", nil },
		"eachRow":    func(string, string, string, any) (template.HTML, error) { return "", nil },
		"concat":     func(a, b string) string { return a + b },
	}
	shared := template.Must(template.New("").Funcs(fm).Parse(`
{{define "base"}}{{template "content" .}}{{end}}
{{define "content"}}shared content{{end}}
{{define "by-template"}}{{template "nested" .}}{{end}}
{{define "nested"}}n{{end}}
{{define "by-cached"}}c{{end}}
{{define "by-string"}}s{{end}}
{{define "unused"}}{{template "unused-too"}}{{end}}
{{define "unused-too"}}u{{end}}
{{define "list-tools"}}tools{{end}}
{{define "list-row:a"}}row a{{end}}
{{define "list-row:b"}}row b{{end}}`))
	for _, tc := range []struct {
		name, page string
		want       []string
	}{
		{"own content over the shared one, and what it reaches",
			`{{define "content"}}{{template "by-template" .}}{{cached "by-cached" .}}{{with concat "by-" "x"}}{{end}}{{if eq .S "by-string"}}{{end}}{{end}}`,
			[]string{"base", "by-cached", "by-string", "by-template", "content", "list-tools", "nested"}},
		{"row templates by name",
			`{{define "content"}}{{eachRow "list-row:b" "" "" .}}{{end}}`,
			[]string{"base", "content", "list-row:b", "list-tools"}},
		{"row templates picked by a value: all of them",
			`{{define "content"}}{{cachedRows .RowTemplate "" "" .}}{{end}}`,
			[]string{"base", "content", "list-row:a", "list-row:b", "list-tools"}},
		{"a name picked by another value: every template",
			`{{define "content"}}{{cached .S .}}{{end}}`,
			[]string{"base", "by-cached", "by-string", "by-template", "content", "list-row:a", "list-row:b", "list-tools", "nested", "unused", "unused-too"}},
		{"the shared content", ``,
			[]string{"base", "content", "list-tools"}},
	} {
		own := template.Must(template.New("").Funcs(fm).Parse(tc.page))
		set, err := pageSet(byName{own: own, shared: shared}, fm)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var got []string
		for _, tt := range set.Templates() {
			if tt.Tree != nil {
				got = append(got, tt.Name())
			} else if tt.Name() != "" {
				t.Errorf("%s: %q undefined", tc.name, tt.Name())
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
		var b strings.Builder
		if err := set.ExecuteTemplate(&b, "base", map[string]string{"S": "by-string", "RowTemplate": "list-row:a"}); err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
	// The shared trees are copied: escaping one page's set leaves them as
	// they were for the next page.
	if shared.Lookup("content").Tree.Root.String() != "shared content" {
		t.Errorf("shared content changed: %s", shared.Lookup("content").Tree.Root)
	}
}
