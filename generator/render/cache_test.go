package render

import (
	"bytes"
	"html/template"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"ismsgen/generator/internal/fast"
	"ismsgen/generator/internal/tmplexec"
)

// cacheSet parses src with "cached" and "cachedRows" bound to a new
// layoutSet, as layout does for each renderer, and counts how often the
// fragment templates run (the function "count").
func cacheSet(t *testing.T, src string) (*layoutSet, *int) {
	t.Helper()
	runs := new(int)
	ls := &layoutSet{}
	fm := template.FuncMap{
		"cached": ls.cached, "cachedRows": ls.cachedRows, "rows": rows,
		"count": func() string { *runs++; return "" },
	}
	ls.t = template.Must(template.New("page").Funcs(fm).Parse(src))
	if fast.On() { // as layout makes it
		direct := directs(fm)
		direct["cached"] = ls.cachedDirect
		ls.fast = tmplexec.New(ls.t, fm, direct)
	}
	return ls, runs
}

func execute(t *testing.T, ls *layoutSet, data any) string {
	t.Helper()
	var b strings.Builder
	if err := ls.t.ExecuteTemplate(&b, "page", data); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

type withdrawal struct { // not comparable: it holds a slice
	ID   string
	Refs []string
}

// cachedRows writes what a range over the same template writes, makes
// each row once per rel, kind and element, and never mixes up elements or
// rels that differ.
func TestCachedRowsMatchesRange(t *testing.T) {
	defer fast.Set(true)() // the caches and tmplexec are fast paths
	const rowT = `{{define "row"}}{{count}}<li>{{.Rel}}|{{.Kind}}|{{.Rows}}</li>{{end}}`
	ls, runs := cacheSet(t, `{{cachedRows "row" .Rel .Kind .List}}`+rowT)
	ref, _ := cacheSet(t, `{{$r := .Rel}}{{$k := .Kind}}{{range .List}}{{template "row" (rows $r $k .)}}{{end}}`+rowT)

	refs := []string{"ISMS-P-001", "ISMS-P-002"}
	a, b := &withdrawal{ID: "A", Refs: refs}, &withdrawal{ID: "B", Refs: refs}
	pages := []struct {
		rel, kind string
		list      any
	}{
		{"../", "issue", []string{"x", "<y>", "x"}},
		{"../", "issue", []string{"x", "z"}},
		{"../../", "issue", []string{"x"}},     // another depth: another row
		{"../", "draft", []string{"x"}},        // another kind: another row
		{"../", "issue", []any{"x", 7, "x"}},   // interfaces, by their values
		{"../", "issue", []template.HTML{"x"}}, // another type of string: another row
		{"../", "issue", []*withdrawal{a, b}},  // pointers, by address
		{"../", "issue", []withdrawal{*a, *b}}, // structs with slices, by identity
		{"../", "issue", []withdrawal{{ID: "A", Refs: []string{"ISMS-P-001"}}}},
	}
	for _, p := range pages {
		data := map[string]any{"Rel": p.rel, "Kind": p.kind, "List": p.list}
		got, want := execute(t, ls, data), execute(t, ref, data)
		if got != want {
			t.Errorf("cachedRows %s %s %v:\n got %s\nwant %s", p.rel, p.kind, p.list, got, want)
		}
	}
	// Distinct rows: x <y> z (../ issue), x (../../ issue), x (../ draft),
	// 7 (interface), x (template.HTML), a b (pointers), a b (values), the
	// shorter A.
	if *runs != 3+1+1+1+1+2+2+1 {
		t.Errorf("the row template ran %d times, want 12", *runs)
	}
}

func TestCachedRowsErrors(t *testing.T) {
	ls, _ := cacheSet(t, `{{cachedRows "row" "" "" .}}{{define "row"}}{{.Rows}}{{end}}`)
	var b strings.Builder
	if err := ls.t.ExecuteTemplate(&b, "page", "not a list"); err == nil || !strings.Contains(err.Error(), "is not a list") {
		t.Errorf("a string as the list: err = %v", err)
	}
	if err := ls.t.ExecuteTemplate(&b, "page", []map[string]int{{"a": 1}}); err == nil || !strings.Contains(err.Error(), "cannot be told apart") {
		t.Errorf("maps as elements: err = %v", err)
	}
	if got := execute(t, ls, nil); got != "" {
		t.Errorf("no list writes %q", got)
	}
}

// cached runs its template once for each set of keys.
func TestCached(t *testing.T) {
	defer fast.Set(true)() // the caches and tmplexec are fast paths
	ls, runs := cacheSet(t, `{{cached "header" . .Rel .Section}}{{define "header"}}{{count}}<nav>{{.Rel}} {{.Section}} {{.Title}}</nav>{{end}}`)
	for _, c := range []struct{ rel, section, title, want string }{
		{"../", "docs", "one", "<nav>../ docs one</nav>"},
		{"../", "docs", "two", "<nav>../ docs one</nav>"}, // the title is not a key: the first is kept
		{"../../", "docs", "three", "<nav>../../ docs three</nav>"},
		{"../", "reviews", "four", "<nav>../ reviews four</nav>"},
	} {
		if got := execute(t, ls, map[string]string{"Rel": c.rel, "Section": c.section, "Title": c.title}); got != c.want {
			t.Errorf("cached %s %s: got %s, want %s", c.rel, c.section, got, c.want)
		}
	}
	if *runs != 3 {
		t.Errorf("the header ran %d times, want 3", *runs)
	}

	bad, _ := cacheSet(t, `{{cached "h" . 1 2 3 4 5}}{{define "h"}}{{end}}`)
	var b strings.Builder
	if err := bad.t.ExecuteTemplate(&b, "page", nil); err == nil || !strings.Contains(err.Error(), "at most 4 keys") {
		t.Errorf("five keys: err = %v", err)
	}
	slice, _ := cacheSet(t, `{{cached "h" . .}}{{define "h"}}{{end}}`)
	if err := slice.t.ExecuteTemplate(&b, "page", []string{"a"}); err == nil || !strings.Contains(err.Error(), "keys are strings") {
		t.Errorf("a list as key: err = %v", err)
	}
}

// A cached fragment's key keeps bytes of its own: a key made of a page's
// body, which is read from a buffer used again (bodies.renderPage), still
// finds the fragment once the buffer holds another body.
func TestCachedKeyIsCopied(t *testing.T) {
	defer fast.Set(true)() // the caches and tmplexec are fast paths
	ls, runs := cacheSet(t, `{{cached "h" . .Body}}{{define "h"}}{{count}}<p>{{.Body}}</p>{{end}}`)
	room := []byte("<b>one</b>")
	body := template.HTML(unsafe.String(unsafe.SliceData(room), len(room)))
	if got := execute(t, ls, map[string]template.HTML{"Body": body}); got != "<p><b>one</b></p>" {
		t.Fatalf("first page: %s", got)
	}
	copy(room, "<i>two</i>")
	if got := execute(t, ls, map[string]template.HTML{"Body": "<b>one</b>"}); got != "<p><b>one</b></p>" || *runs != 1 {
		t.Errorf("the key written over: %s after %d runs, want the fragment made once", got, *runs)
	}
	if got := ownKey(body); reflect.TypeOf(got) != reflect.TypeOf(body) || ownKey(nil) != nil || ownKey(7) != 7 {
		t.Errorf("ownKey changed a key's type: %T", got)
	}
}

// Preparing a layout caches nothing: its run on no page stops at
// "cached" instead of keeping a header made for no page, and the pages
// then run with tmplexec.
func TestPrepareCachesNothing(t *testing.T) {
	defer fast.Set(true)() // the caches and tmplexec are fast paths
	ls, runs := cacheSet(t, `{{define "base"}}{{cached "header" . "k"}}<main>{{.Title}}</main>{{end}}`+
		`{{define "header"}}{{count}}<h1>{{with .}}{{.Title}}{{end}}</h1>{{end}}`)
	for _, c := range []struct{ title, want string }{
		{"One", "<h1>One</h1><main>One</main>"},
		{"Two &", "<h1>One</h1><main>Two &amp;</main>"}, // the header is cached by its key
	} {
		var b bytes.Buffer
		if err := ls.execute(&b, &Page{Title: c.title}); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("%s: got %s, want %s", c.title, b.String(), c.want)
		}
	}
	if *runs != 1 {
		t.Errorf("the header ran %d times, want 1", *runs)
	}
	if !ls.fastBase {
		t.Error("the layout did not escape: its pages ran with html/template")
	}
	var b bytes.Buffer
	if err := ls.fast.Execute(&b, "base", &Page{Title: "Three"}); err != nil || b.String() != "<h1>One</h1><main>Three</main>" {
		t.Errorf("tmplexec on a page: %q, %v; want the page, not left to html/template", b.String(), err)
	}
}

// With the fast paths off, "cached" and "cachedRows" make every fragment
// anew, with html/template: the page is then what a layout without them
// writes.
func TestCachedOff(t *testing.T) {
	defer fast.Set(false)()
	ls, runs := cacheSet(t, `{{cached "header" . .Rel}}{{cachedRows "row" .Rel "" .List}}`+
		`{{define "header"}}{{count}}<nav>{{.Rel}} {{.Title}}</nav>{{end}}{{define "row"}}{{count}}<li>{{.Rows}}</li>{{end}}`)
	for _, title := range []string{"one", "two"} {
		data := map[string]any{"Rel": "../", "Title": title, "List": []string{"x", "x"}}
		if got, want := execute(t, ls, data), "<nav>../ "+title+"</nav><li>x</li><li>x</li>"; got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	}
	if *runs != 6 {
		t.Errorf("the fragments ran %d times, want 6: one header and two rows per page", *runs)
	}
}

// cached as tmplexec calls it finds the fragments that html/template's
// calls made, and tells keys apart as they do: a string from an
// template.HTML of the same bytes, an int from an int64, nil from "".
func TestCachedDirect(t *testing.T) {
	defer fast.Set(true)()
	ls, runs := cacheSet(t, `{{cached "h" . .A .B}}{{define "h"}}{{count}}<p>{{.T}}</p>{{end}}`)
	type page struct {
		A, B any
		T    string
	}
	viaFast := func(p page) string {
		var b strings.Builder
		if err := ls.fast.Execute(&b, "page", p); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	if got := execute(t, ls, page{"x", 1, "one"}); got != "<p>one</p>" { // escapes the templates too
		t.Fatalf("html/template: %s", got)
	}
	for i, c := range []struct {
		p        page
		want     string
		runs     int
		template bool
	}{
		{page{"x", 1, "two"}, "<p>one</p>", 1, false},
		{page{template.HTML("x"), 1, "three"}, "<p>three</p>", 2, false},
		{page{template.HTML("x"), 1, "four"}, "<p>three</p>", 2, true},
		{page{nil, 1, "five"}, "<p>five</p>", 3, false},
		{page{nil, 1, "six"}, "<p>five</p>", 3, true},
		{page{"", 1, "seven"}, "<p>seven</p>", 4, true},
		{page{"", 1, "eight"}, "<p>seven</p>", 4, false},
		{page{"x", int64(1), "nine"}, "<p>nine</p>", 5, false},
		{page{"x", 1, "ten"}, "<p>one</p>", 5, false},
	} {
		got := ""
		if c.template {
			got = execute(t, ls, c.p)
		} else {
			got = viaFast(c.p)
		}
		if got != c.want || *runs != c.runs {
			t.Errorf("%d: %s after %d runs, want %s after %d", i, got, *runs, c.want, c.runs)
		}
	}
	bad, _ := cacheSet(t, `{{cached "h" . 1 2 3 4 5}}{{define "h"}}{{end}}`)
	var b strings.Builder
	bad.t.ExecuteTemplate(&b, "page", nil)
	if err := bad.fast.Execute(&b, "page", nil); err == nil || !strings.Contains(err.Error(), "at most 4 keys") {
		t.Errorf("five keys: err = %v", err)
	}
	slice, _ := cacheSet(t, `{{cached "h" . .}}{{define "h"}}{{end}}`)
	slice.t.ExecuteTemplate(&b, "page", "k")
	if err := slice.fast.Execute(&b, "page", []string{"a"}); err == nil || !strings.Contains(err.Error(), "keys are strings") {
		t.Errorf("a list as key: err = %v", err)
	}
}
