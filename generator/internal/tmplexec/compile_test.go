package tmplexec

import (
	"errors"
	"html/template"
	"strings"
	"testing"
)

type tagList []string

// What a template compiles into and html/template write the same page:
// escapers passing plain strings along (a function's result, a field,
// a number, a typed URL), a function of []string given a named slice,
// constants converted for their parameters once.
func TestCompiledMatchesHTMLTemplate(t *testing.T) {
	funcs := template.FuncMap{
		"join":  func(xs []string) string { return strings.Join(xs, " & ") },
		"upper": strings.ToUpper,
		"tier":  func(n int) string { return "tier " + string(rune('0'+n)) },
		"show":  func(v any) string { return "<" + template.HTMLEscapeString(strings.TrimSpace(" x ")) + ">" },
		"t":     func(key string, args ...any) string { return key + "?" },
	}
	data := map[string]any{
		"Rel": "../a b/", "Tags": []string{"a b", "c<d>"}, "Named": tagList{"e", "f'g"}, "N": 12,
		"Link": template.URL("/x?y=1&z=%zz"), "Bad": "javascript:x()", "Empty": []string(nil),
	}
	for _, src := range []string{
		`<a href="{{.Rel}}{{join .Tags}}">{{join .Tags}}</a>`,
		`<a href="{{join .Named}}" title="{{join .Named}}">{{join .Named | upper}}</a>`,
		`<a href="/d/{{.N}}/{{tier 2}}?q={{upper .Rel}}&r={{.Link}}">{{.Link}}</a>`,
		`<a href="{{.Link}}">x</a><a href="{{.Bad}}">y</a><a href="{{upper .Bad}}">z</a><a href="{{.N}}">n</a>`,
		`<title>{{t "k" .N}}</title><textarea>{{show .Rel}}</textarea><p title='{{tier 3}}'>{{join .Empty}}</p>`,
		`{{range .Tags}}<a href="/q?x={{.}}">{{.}}</a>{{end}}`,
	} {
		tmpl := template.Must(template.New("page").Funcs(funcs).Parse(src))
		var want, got strings.Builder
		if err := tmpl.Execute(&want, data); err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		set := New(tmpl, funcs, nil)
		for range 2 {
			got.Reset()
			if err := set.Execute(&got, "page", data); err != nil || got.String() != want.String() {
				t.Errorf("%s:\n got %q (%v)\nwant %q", src, got.String(), err, want.String())
			}
		}
	}
}

// What a Set cannot run leaves the page to html/template only when it is
// run: a branch that does not run may hold it.
func TestUnsupportedOnlyWhereRun(t *testing.T) {
	for _, tc := range []struct {
		src      string
		fallback bool
	}{
		{`{{range .Items}}{{if eq .ID "none"}}{{break}}{{end}}{{.ID}}{{end}}`, false},
		{`{{range .Items}}{{if eq .Status "draft"}}{{break}}{{end}}{{.ID}}{{end}}`, true},
		{`{{if .None}}{{index .Items 0}}{{else}}{{.Rel}}{{end}}`, false},
		{`{{if .First}}{{index .Items 0}}{{end}}`, true},
		{`{{if .None}}{{upper "a" "b"}}{{eq .F 2.5}}{{.None.ID}}{{end}}{{.N}}`, false},
	} {
		want, got, werr, err := run(t, tc.src, testPage())
		switch {
		case werr != nil:
			t.Fatalf("%s: %v", tc.src, werr)
		case tc.fallback && !errors.Is(err, errFallback):
			t.Errorf("%s: got %q, %v; want it left to html/template", tc.src, got, err)
		case !tc.fallback && (err != nil || got != want):
			t.Errorf("%s: got %q, %v; want %q", tc.src, got, err, want)
		}
	}
}
