package tmplexec

import (
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"testing"
)

type item struct {
	ID, Title string
	Status    string
	Count     int
	Tags      []string
	Parent    *item
	Any       any
	Safe      template.HTML
	Link      template.URL
	Kind      kindName
	inner     string
}

func (i item) Label() string            { return i.ID + ": " + i.Title }
func (i *item) URL() string             { return "docs/" + i.ID + "/" }
func (i item) Plus(n int) int           { return i.Count + n }
func (i item) Fails() (string, error)   { return "", errors.New("no") }
func (i item) Join(sep string) string   { return strings.Join(i.Tags, sep) }
func (i item) Pair() (string, string)   { return "a", "b" }
func (i *item) Nested() *item           { return i.Parent }
func (i item) Greeting(a ...any) string { return fmt.Sprint(a...) }

type kindName string

func (k kindName) String() string { return "kind<" + string(k) + ">" }

type page struct {
	Rel   string
	Items []*item
	Vals  []item
	First *item
	None  *item
	Empty []string
	Map   map[string]string
	Data  any
	N     int
	U     uint
	F     float64
	Err   error
}

var testFuncs = template.FuncMap{
	"upper":  strings.ToUpper,
	"tier":   func(n int) string { return fmt.Sprintf("tier %d", n) },
	"show":   func(v any) string { return fmt.Sprintf("%v", v) },
	"t":      func(key string, args ...any) string { return key + fmt.Sprint(args...) },
	"pair":   func(a, b string) string { return a + "+" + b },
	"items":  func(p *page) []*item { return p.Items },
	"fail":   func() (string, error) { return "", errors.New("failed") },
	"panics": func() string { panic("boom") },
	"list":   func(xs ...string) []string { return xs },
	"ptr":    func(i item) *item { return &i },
	"value":  func(i *item) item { return *i },
	"add":    func(a, b int) int { return a + b },
	"frag": func(name string, data any, keys ...any) (template.HTML, error) {
		if name == "" {
			return "", errors.New("no name")
		}
		return template.HTML(fmt.Sprintf("<i>%s %v %v</i>", name, data, keys)), nil
	},
	"rowsOf": func(name, rel, kind string, list any) (template.HTML, error) {
		if name == "" {
			return "", errors.New("no name")
		}
		return template.HTML(fmt.Sprintf("<tr>%s %s %s %v</tr>", name, rel, kind, list)), nil
	},
}

func testPage() *page {
	parent := &item{ID: "ISMS-M-001", Title: "Manual <1>", Status: "approved"}
	items := []*item{
		parent,
		{ID: "ISMS-P-002", Title: `Access "control" & 'more'`, Status: "draft", Count: 3, Tags: []string{"a", "b+c"}, Parent: parent, Any: 7},
		{ID: "ISMS-F-003", Title: "表单\x00<script>", Status: "in_review", Any: "text", Safe: "<b>bold</b>", Link: "javascript:alert(1)", Kind: "form"},
		{ID: "bad\xffutf8", Title: "", Any: &item{ID: "inner"}, Tags: []string{}},
	}
	return &page{
		Rel: "../../", Items: items, Vals: []item{*items[1], *items[2]}, First: items[1],
		Map: map[string]string{"k": "v"}, Data: items[2], N: 2, U: 2, F: 2.5, Err: errors.New("an <error>"),
	}
}

// run executes src with html/template and then with a Set built on its
// escaped trees, and returns both outputs and both errors.
func run(t *testing.T, src string, data any) (want, got string, werr, gerr error) {
	t.Helper()
	tmpl, perr := template.New("page").Funcs(testFuncs).Parse(src)
	if perr != nil {
		t.Fatalf("%s: %v", src, perr)
	}
	var w, g strings.Builder
	werr = tmpl.Execute(&w, data)
	gerr = New(tmpl, testFuncs, nil).Execute(&g, "page", data)
	return w.String(), g.String(), werr, gerr
}

// Every case must give html/template's output; those marked fallback
// must be left to html/template (an error), all others must not.
func TestExecuteMatchesHTMLTemplate(t *testing.T) {
	cases := []struct {
		src      string
		fallback bool
	}{
		{src: `<p>{{.Rel}}</p>`},
		{src: `{{range .Items}}<li><a href="{{$.Rel}}{{.URL}}" title="{{.Title}}">{{.ID}} {{.Title}}</a>{{end}}`},
		{src: `{{range $i, $e := .Items}}{{$i}}={{$e.ID}};{{else}}none{{end}}`},
		{src: `{{range $e := .Items}}{{$e.Label}}|{{end}}{{range .Empty}}x{{else}}empty{{end}}`},
		{src: `{{range .Vals}}{{.Label}} {{.Plus 2}} {{.Join ","}}{{end}}`},
		{src: `{{with .First}}{{.Parent.Title}} {{.Nested.ID}}{{end}}{{with .None}}x{{else}}no first{{end}}`},
		{src: `{{with .None}}a{{else with .First}}b {{.ID}}{{else}}c{{end}}`},
		{src: `{{if .Empty}}a{{else if .Items}}b{{else}}c{{end}}{{if not .N}}zero{{end}}`},
		{src: `{{if and .First .None}}a{{end}}{{if or .None .First}}{{(or .None .First).ID}}{{end}}{{and .N .Rel}}|{{or .None "dflt"}}`},
		{src: `{{if eq .N 2}}two{{end}}{{if eq .U 2}}u{{end}}{{if eq .N .U}}nu{{end}}{{if ne .Rel "x"}}ne{{end}}{{if eq .Rel "a" "../../"}}any{{end}}`},
		{src: `{{if eq .F 2.5}}f{{end}}`, fallback: true}, // float constants are left to text/template's rules
		// Two values, a constant string second: compared where they are.
		{src: `{{range .Items}}{{if ne .Status "draft"}}n{{end}}{{if eq .Kind "form"}}k{{end}}{{if eq .Status .ID}}s{{end}}|{{end}}{{if eq .Data.Any "text"}}t{{end}}{{if ne .Data.Any "x"}}x{{end}}`},
		{src: `{{if eq .None.ID "x"}}x{{end}}`, fallback: true},
		{src: `{{if eq .N "2"}}x{{end}}`, fallback: true}, // incompatible kinds are text/template's error
		{src: `{{len .Items}} {{len .Rel}} {{len .Empty}} {{len .Map}}`},
		{src: `{{printf "%s-%d" .Rel .N}} {{printf "%v" .First.Tags}} {{printf "%q" .None}}`},
		{src: `{{upper .Rel}} {{tier .N}} {{show .First.Any}} {{show .None}} {{t "key" .N .Rel}} {{t "only"}} {{pair "a" .Rel}} {{.Rel | upper}}`},
		{src: `{{range items .}}{{.ID}},{{end}}{{(ptr (value .First)).URL}}`},
		{src: `{{add .N 3}} {{frag "f" .N}} {{frag "g" .Rel 1 "k" .N}} {{rowsOf "r" .Rel "kind" .First.Tags}} {{.First.Tags | rowsOf "r" "" ""}}`},
		{src: `{{$x := .First}}{{$x.ID}}{{$x = .Data}}{{$x.ID}}{{with $y := .First.Parent}}{{$y.Title}}{{end}}`},
		{src: `{{define "row"}}<tr><td>{{.ID}}</td><td>{{.Title}}</td></tr>{{end}}{{range .Items}}{{template "row" .}}{{end}}{{template "row" .First}}`},
		{src: `{{define "t"}}<title>{{.}}</title>{{end}}{{template "t" .First.Title}}<textarea>{{.First.Title}}</textarea>`},
		{src: `{{range .Items}}<a href="{{.Link}}">x</a><a href="/q?x={{.Title}}&y={{.ID}}">y</a><a href="{{.Title}}">z</a>{{end}}`},
		{src: `<a href="{{.Data.Link}}">{{.Data.Safe}}</a><p title="{{.Data.Kind}}">{{.Data.Kind}} {{.Err}}</p>`},
		{src: `{{range .Items}}{{.Any}}|{{.Parent}}|{{end}}{{.Map.k}}{{.Map.missing}}{{with .Map.missing}}x{{else}}none{{end}}`},
		{src: `{{range .Items}}<b>{{.Count}}</b>{{.Status}}{{end}}{{.N}}{{.U}}{{.F}}{{true}}{{"lit<>"}}{{3}}`},
		{src: `{{.None.ID}}`, fallback: true},               // html/template fails: nil pointer
		{src: `{{range .Map}}{{.}}{{end}}`, fallback: true}, // range over a map
		{src: `<p title="{{.Data.Safe}}">`, fallback: true}, // HTML in an attribute
		{src: `<script>var x = {{.Rel}};</script>`, fallback: true},
		{src: `{{range .Items}}{{if eq .Status "draft"}}{{break}}{{end}}{{.ID}}{{end}}`, fallback: true},
		{src: `{{.First.Fails}}`},
		{src: `{{fail}}`},
		{src: `{{panics}}`},
		{src: `{{.First.Pair}}`},
		{src: `{{eq .First .First}}`, fallback: true},
		{src: `{{template "missing"}}`},
		{src: `{{with .Data}}{{.URL}} {{.Label}}{{end}}{{range .Vals}}{{.URL}}{{end}}`},
		{src: `{{.First.Greeting 1 "a" true}} {{.First.Greeting}}`},
		{src: `{{list "a" "b" .Rel}} {{len (list)}}`},
		{src: `{{.First.inner}}`},
		{src: `<!-- comment -->{{/* note */}}<p>{{- .Rel -}} </p>`},
	}
	for _, c := range cases {
		want, got, werr, err := run(t, c.src, testPage())
		switch {
		case werr != nil:
			// html/template fails: so must the Set, leaving it the page.
			if !errors.Is(err, errFallback) {
				t.Errorf("%s: html/template failed (%v) but the set wrote %q (%v)", c.src, werr, got, err)
			}
		case err != nil && !errors.Is(err, errFallback):
			t.Errorf("%s: %v", c.src, err)
		case err != nil && !c.fallback:
			t.Errorf("%s: left to html/template: %v", c.src, err)
		case err == nil && c.fallback:
			t.Errorf("%s: executed, want it left to html/template; wrote %q", c.src, got)
		case err == nil && got != want:
			t.Errorf("%s:\n got %q\nwant %q", c.src, got, want)
		}
	}
}

type (
	nameFirst  struct{ Name string }
	nameSecond struct {
		ID   int
		Name string
	}
	nameThird struct {
		A, B bool
		Name []string
	}
	nameMethod struct{ Name0 string }
	nameDeep   struct {
		X    nameFirst
		Name *nameFirst
	}
	nameMap map[string]string
)

func (m nameMethod) Name() string { return "method " + m.Name0 }

// One name in one template, met on more types than it keeps (a partial
// given many kinds of data): each type must read its own field or
// method, on every execution.
func TestNameOnManyTypes(t *testing.T) {
	data := []any{
		nameFirst{"a"}, nameSecond{2, "b"}, &nameThird{Name: []string{"c"}}, nameMethod{"d"},
		&nameMethod{"e"}, nameDeep{Name: &nameFirst{"f"}}, nameMap{"Name": "g"}, nameFirst{"h"}, nameSecond{9, "i"},
	}
	const src = `{{define "name"}}<i>{{.Name}}</i>{{end}}{{range .}}{{template "name" .}}{{end}}`
	tmpl := template.Must(template.New("page").Funcs(testFuncs).Parse(src))
	var want strings.Builder
	if err := tmpl.Execute(&want, data); err != nil {
		t.Fatal(err)
	}
	set := New(tmpl, testFuncs, nil)
	for range 3 {
		var got strings.Builder
		if err := set.Execute(&got, "page", data); err != nil || got.String() != want.String() {
			t.Fatalf("got %q (%v), want %q", got.String(), err, want.String())
		}
	}
}

// An escaped template whose functions fail or panic is left to
// html/template, which reports the failure itself.
func TestFailuresFallBack(t *testing.T) {
	for _, src := range []string{`{{fail}}`, `{{panics}}`, `{{.First.Fails}}`, `{{template "nothing"}}`, `{{frag "" 1}}`, `{{rowsOf "" "" "" 1}}`} {
		tmpl := template.Must(template.New("page").Funcs(testFuncs).Parse(src + `{{define "ok"}}ok{{end}}`))
		if err := tmpl.ExecuteTemplate(new(strings.Builder), "ok", nil); err != nil {
			t.Fatal(err)
		}
		_ = tmpl.Execute(new(strings.Builder), testPage()) // escapes "page", then fails
		set := New(tmpl, testFuncs, nil)
		if err := set.Execute(new(strings.Builder), "page", testPage()); !errors.Is(err, errFallback) {
			t.Errorf("%s: got %v, want it left to html/template", src, err)
		}
	}
}

// A tree that html/template has not escaped is never executed: its
// actions have no escapers.
func TestUnescapedTreeFallsBack(t *testing.T) {
	tmpl := template.Must(template.New("page").Parse(`<p>{{.}}</p>`))
	set := New(tmpl, nil, nil)
	var b strings.Builder
	if err := set.Execute(&b, "page", "<script>"); !errors.Is(err, errFallback) {
		t.Fatalf("got %v and %q, want it left to html/template", err, b.String())
	}
}

// FuzzEscapers compares every escaping context the Set implements with
// html/template, for any string and for it as typed HTML and URL.
func FuzzEscapers(f *testing.F) {
	for _, s := range []string{"", "a<b>&'\"+", "\x00", "javascript:alert(1)", "HTTP://x/%zz%4a?q=1&r=[2]", "mailto:a@b", "/docs/x y/#frag", "\xff\xfe", "表单 ISMS-P-001", "a:b/c", "%"} {
		f.Add(s)
	}
	const src = `<p>{{.S}}{{.H}}</p><a href="{{.S}}" title="{{.S}}">{{.U}}</a><a href="{{.U}}">x</a><a href="/q?a={{.S}}&b={{.U}}">y</a><title>{{.S}}</title>` +
		`<a href="{{.S}}/{{.S}}#{{.S}}">z</a><img alt='{{.S}}' src="x/{{.S}}">`
	f.Fuzz(func(t *testing.T, s string) {
		data := struct {
			S string
			H template.HTML
			U template.URL
		}{s, template.HTML(s), template.URL(s)}
		want, got, werr, err := run(t, src, data)
		if werr != nil || err != nil {
			t.Fatal(werr, err)
		}
		if got != want {
			t.Fatalf("%q:\n got %q\nwant %q", s, got, want)
		}
	})
}

// TestDirect checks that a Direct caller is used for its function, with
// the arguments checked as for any call, and that its result and its
// error are those of the function.
func TestDirect(t *testing.T) {
	calls := 0
	value := func(i *item) item { return *i }
	direct := map[string]Direct{"value": func(argv []reflect.Value) (reflect.Value, error) {
		calls++
		return reflect.ValueOf(value(argv[0].Interface().(*item))), nil
	}, "fail": func([]reflect.Value) (reflect.Value, error) {
		calls++
		return reflect.Value{}, errors.New("failed")
	}}
	tmpl := template.Must(template.New("page").Funcs(testFuncs).Parse(`{{(value .First).ID}} {{range .Items}}{{(value .).Status}},{{end}}`))
	var want, got strings.Builder
	if err := tmpl.Execute(&want, testPage()); err != nil {
		t.Fatal(err)
	}
	if err := New(tmpl, testFuncs, direct).Execute(&got, "page", testPage()); err != nil || got.String() != want.String() {
		t.Errorf("got %q, %v; want %q", got.String(), err, want.String())
	}
	if calls != 1+len(testPage().Items) {
		t.Errorf("the direct caller was called %d times, want %d", calls, 1+len(testPage().Items))
	}
	fail := template.Must(template.New("page").Funcs(testFuncs).Parse(`{{fail}}`))
	if err := New(fail, testFuncs, direct).Execute(&got, "page", nil); err == nil {
		t.Error("the direct caller's error was lost")
	}
	wrong := template.Must(template.New("page").Funcs(testFuncs).Parse(`{{value .Rel}}`))
	before := calls
	if err := New(wrong, testFuncs, direct).Execute(&got, "page", testPage()); err == nil || calls != before {
		t.Errorf("an argument of the wrong type reached the direct caller (%v)", err)
	}
}

// A method with a direct caller is called through it when it is given no
// arguments, on the receiver's type as the key names it, and writes what
// html/template writes; with arguments, or on another type, it is called
// as before.
func TestDirectMethods(t *testing.T) {
	const src = `{{range .Items}}<a href="{{.URL}}">{{.Label}}</a>{{end}}{{.First.URL}}|{{range .Vals}}{{.Label}}{{end}}|{{.First.Join ","}}`
	tmpl := template.Must(template.New("page").Funcs(testFuncs).Parse(src))
	var want strings.Builder
	if err := tmpl.Execute(&want, testPage()); err != nil {
		t.Fatal(err)
	}
	calls := map[string]int{}
	methods := map[MethodKey]DirectMethod{
		{reflect.TypeFor[*item](), "URL"}: func(v reflect.Value) reflect.Value {
			calls["URL"]++
			return reflect.ValueOf(v.Interface().(*item).URL())
		},
		{reflect.TypeFor[*item](), "Label"}: func(v reflect.Value) reflect.Value {
			calls["Label"]++
			return reflect.ValueOf(v.Interface().(*item).Label())
		},
		{reflect.TypeFor[*item](), "Join"}: func(reflect.Value) reflect.Value {
			calls["Join"]++
			return reflect.ValueOf("not called: Join takes an argument")
		},
	}
	set := New(tmpl, testFuncs, nil).WithMethods(methods)
	var got strings.Builder
	if err := set.Execute(&got, "page", testPage()); err != nil || got.String() != want.String() {
		t.Fatalf("got %q (%v), want %q", got.String(), err, want.String())
	}
	p := testPage()
	if calls["URL"] != len(p.Items)+1 || calls["Label"] != len(p.Items)+len(p.Vals) || calls["Join"] != 0 {
		t.Errorf("direct calls %v, want URL %d, Label %d (on addressable values too), Join 0", calls, len(p.Items)+1, len(p.Items)+len(p.Vals))
	}
}

// A function with a Stream writes an action of HTML text itself, what
// html/template writes for its template.HTML; an action anywhere else
// (an attribute, a pipeline that goes on) calls the function, and the
// Stream's error leaves the page to html/template.
func TestStreams(t *testing.T) {
	rowsOf := testFuncs["rowsOf"].(func(string, string, string, any) (template.HTML, error))
	streamed := 0
	streams := map[string]Stream{"rowsOf": func(w Writer, argv []reflect.Value) error {
		streamed++
		h, err := rowsOf(argv[0].String(), argv[1].String(), argv[2].String(), argv[3].Interface())
		w.WriteString(string(h))
		return err
	}}
	for _, tc := range []struct {
		src      string
		streamed int
		fails    bool // left to html/template
	}{
		{src: `<table>{{rowsOf "row" .Rel "kind" .N}}</table>`, streamed: 1},
		{src: `{{range .Items}}<p>{{rowsOf "row" $.Rel .Status .ID}}</p>{{end}}`, streamed: 4},
		{src: `<a title="{{rowsOf "row" .Rel "kind" .N}}">x</a>`, fails: true}, // HTML in an attribute
		{src: `<p>{{rowsOf "row" .Rel "kind" .N | printf "%s!"}}</p>`},
		{src: `{{$x := rowsOf "row" .Rel "kind" .N}}<p>{{$x}}</p>`},
		{src: `<p>{{rowsOf "" .Rel "kind" .N}}</p>`, streamed: 1, fails: true},
	} {
		tmpl := template.Must(template.New("page").Funcs(testFuncs).Parse(tc.src))
		var want, got strings.Builder
		werr := tmpl.Execute(&want, testPage())
		streamed = 0
		err := New(tmpl, testFuncs, nil).WithStreams(streams).Execute(&got, "page", testPage())
		if tc.fails {
			if err == nil {
				t.Errorf("%s: not left to html/template", tc.src)
			}
		} else if err != nil || werr != nil || got.String() != want.String() {
			t.Errorf("%s: got %q, %v; want %q, %v", tc.src, got.String(), err, want.String(), werr)
		}
		if streamed != tc.streamed {
			t.Errorf("%s: streamed %d times, want %d", tc.src, streamed, tc.streamed)
		}
	}
}
