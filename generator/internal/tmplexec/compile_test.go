package tmplexec

import (
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"testing"
)

type (
	tagList    []string
	plainName  string // no methods: printed as it is
	plainCount int
	namedPtr   *plainName
)

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
		"nilArgs": func(key string, args ...any) string {
			return fmt.Sprintf("%s %v %d", key, args == nil, len(args))
		},
	}
	name := plainName("p")
	data := map[string]any{
		"Rel": "../a b/", "Tags": []string{"a b", "c<d>"}, "Named": tagList{"e", "f'g"}, "N": 12,
		"Link": template.URL("/x?y=1&z=%zz"), "Bad": "javascript:x()", "Empty": []string(nil),
		"Name": plainName("a<b> & c"), "Count": plainCount(-42), "Ptr": namedPtr(&name), "Kind": kindName("k<"),
	}
	for _, src := range []string{
		`<p title="{{.Name}}">{{.Name}} {{.Count}} {{.Ptr}} {{.Kind}}</p><a href="/{{.Name}}/{{.Count}}/{{.Kind}}">{{.Name}}</a>`,
		`<a href="{{.Rel}}{{join .Tags}}">{{join .Tags}}</a>`,
		`<a href="{{join .Named}}" title="{{join .Named}}">{{join .Named | upper}}</a>`,
		`<a href="/d/{{.N}}/{{tier 2}}?q={{upper .Rel}}&r={{.Link}}">{{.Link}}</a>`,
		`<a href="{{.Link}}">x</a><a href="{{.Bad}}">y</a><a href="{{upper .Bad}}">z</a><a href="{{.N}}">n</a>`,
		`<title>{{t "k" .N}}</title><textarea>{{show .Rel}}</textarea><p title='{{tier 3}}'>{{join .Empty}}</p>`,
		`{{range .Tags}}<a href="/q?x={{.}}">{{.}}</a>{{end}}`,
		`{{nilArgs "k"}} {{nilArgs "k" .N}} {{nilArgs (printf "%s" .Rel) .Rel .Count}}`,
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

// printf with one verb and a string or an integer joins the text and the
// value itself; everything else is fmt's, as in html/template.
func TestPrintfOne(t *testing.T) {
	for _, src := range []string{
		`{{printf "rel.%s" .Rel}}|{{printf "%v-" .Rel}}|{{printf "n=%d" .N}}|{{printf "%v" .N}}|{{printf "u%d" .U}}`,
		`{{printf "%s" .N}}|{{printf "%d" .Rel}}|{{printf "%s" .None}}|{{printf "%v" .Map.missing}}|{{printf "%s" .First.Kind}}`,
		`{{printf "%5s" .Rel}}|{{printf "100%% %s" .Rel}}|{{printf "%s%s" .Rel}}|{{printf "%" .Rel}}|{{printf "%s" .Data}}|{{printf "%s" .First.Any}}`,
		`{{upper (printf "x.%s" .First.Status)}}|{{t (printf "k.%s" .Rel) .N}}|{{range .Items}}{{printf "%d:%s" .Count .ID}}{{printf "<%v>" .Any}}{{end}}`,
		`<a href="{{printf "/d/%s/" .First.ID}}" title="{{printf "%s" .First.Title}}">{{printf "%s" .F}}</a>`,
	} {
		want, got, werr, err := run(t, src, testPage())
		if werr != nil || err != nil || got != want {
			t.Errorf("%s:\n got %q (%v)\nwant %q (%v)", src, got, err, want, werr)
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

// A name keeps what it means on the first type met there; values of
// other types, of the same type but nil, or given as interfaces, are
// read as before, and the direct callers of methods are used either way.
func TestQuickMembers(t *testing.T) {
	const src = `{{define "n"}}{{.ID}}/{{.Label}}|{{end}}{{define "u"}}{{.URL}}{{template "n" .}}{{end}}` +
		`{{template "u" .First}}{{range .Vals}}{{template "u" .}}{{end}}{{template "n" (value .First)}}` +
		`{{template "u" .Data}}{{range .Items}}{{template "u" .}}{{end}}{{template "n" .None}}`
	tmpl := template.Must(template.New("page").Funcs(testFuncs).Parse(src))
	var want strings.Builder
	werr := tmpl.Execute(&want, testPage())
	methods := map[MethodKey]DirectMethod{
		{reflect.TypeFor[*item](), "URL"}: func(v reflect.Value) reflect.Value {
			return reflect.ValueOf(v.Interface().(*item).URL())
		},
	}
	for _, set := range []*Set{New(tmpl, testFuncs, nil), New(tmpl, testFuncs, nil).WithMethods(methods)} {
		for range 2 {
			var got strings.Builder
			err := set.Execute(&got, "page", testPage())
			if werr == nil || !errors.Is(err, errFallback) || !strings.HasPrefix(want.String(), got.String()) {
				t.Errorf("got %q, %v; want the start of %q, then left to html/template (%v)", got.String(), err, want.String(), werr)
			}
		}
	}
	// Without the nil pointer at the end, the whole page.
	tmpl = template.Must(template.New("page").Funcs(testFuncs).Parse(src[:len(src)-len(`{{template "n" .None}}`)]))
	want.Reset()
	if err := tmpl.Execute(&want, testPage()); err != nil {
		t.Fatal(err)
	}
	set := New(tmpl, testFuncs, nil).WithMethods(methods)
	for range 2 {
		var got strings.Builder
		if err := set.Execute(&got, "page", testPage()); err != nil || got.String() != want.String() {
			t.Errorf("got %q, %v; want %q", got.String(), err, want.String())
		}
	}
}

// An escaper's changes says whether it writes anything but the string it
// is given, which it then passes along as it is.
func TestTextEscaperChanges(t *testing.T) {
	inputs := []string{"", "plain", "../a/b/", "a b", "x?y=1&z=2", "%zz%41", "javascript:x", "HTTP://h", "mailto:a@b", "/p:q", "表单", "\x00", "\xff", "'\"<>+&", "#f"}
	for c := range 0x80 {
		inputs = append(inputs, string(rune(c)), "a"+string(rune(c))+"%4")
	}
	for name, esc := range textEscapers {
		for _, in := range inputs {
			var b strings.Builder
			esc.write(&b, in)
			if changed := b.String() != in; changed != esc.changes(in) {
				t.Errorf("%s(%q) = %q; changes says %v", name, in, b.String(), esc.changes(in))
			}
		}
	}
}

// Every byte, alone and around a percent escape, is written in URLs as
// html/template writes it: kept, normalised or escaped.
func TestURLBytes(t *testing.T) {
	tmpl := template.Must(template.New("page").Parse(`<a href="/d/{{.}}">a</a><a href="/q?x={{.}}">b</a><a href="{{.}}">c</a>`))
	set := New(tmpl, nil, nil)
	for c := range 256 {
		for _, in := range []string{string(rune(c)), string([]byte{byte(c)}), "%4" + string([]byte{byte(c)}), "x%" + string([]byte{byte(c)}) + "1"} {
			var want, got strings.Builder
			if err := tmpl.Execute(&want, in); err != nil {
				t.Fatal(err)
			}
			if err := set.Execute(&got, "page", in); err != nil || got.String() != want.String() {
				t.Errorf("%q: got %q (%v), want %q", in, got.String(), err, want.String())
			}
		}
	}
}

// Executions at once share what the templates compiled into and what
// their names met: each writes the whole page (go test -race checks the
// sharing).
func TestConcurrentExecutions(t *testing.T) {
	const src = `{{define "row"}}<li><a href="../{{.URL}}">{{.ID}} {{.Label}}</a></li>{{end}}` +
		`{{range .Items}}{{template "row" .}}{{end}}{{range .Vals}}{{.Title}}{{printf "%d" .Count}}{{end}}{{with .Data}}{{.ID}}{{end}}`
	tmpl := template.Must(template.New("page").Funcs(testFuncs).Parse(src))
	var want strings.Builder
	if err := tmpl.Execute(&want, testPage()); err != nil {
		t.Fatal(err)
	}
	set := New(tmpl, testFuncs, nil)
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			for range 20 {
				var got strings.Builder
				if err := set.Execute(&got, "page", testPage()); err != nil || got.String() != want.String() {
					errs <- fmt.Errorf("got %q (%v), want %q", got.String(), err, want.String())
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
