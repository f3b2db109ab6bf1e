package tmplexec

import (
	"errors"
	"html/template"
	"io"
	"slices"
	"strings"
	"testing"
	"text/template/parse"
)

// TestEscaperContract pins what tmplexec takes from html/template's
// unexported escaping, for each context it runs: the names of the
// escapers html/template puts in an action, in their order, and the
// shape of an escaped action (the escapers appended to its pipeline as
// commands of their own, each a bare identifier, the last one writing
// the page). A Go release that changes any of these fails here: tmplexec
// would otherwise leave every page to html/template, right but slow (each
// with a note).
func TestEscaperContract(t *testing.T) {
	for _, tc := range []struct {
		src   string
		chain []string
	}{
		{`<p>{{.}}</p>`, []string{htmlEscaper}},
		{`<p>{{"label"}}</p>`, []string{htmlEscaper}}, // a constant, as EscapedConstant reads it
		{`<p>{{. | printf "%v"}}</p>`, []string{htmlEscaper}},
		{`<p title="{{.}}">`, []string{attrEscaper}},
		{`<p title='{{.}}'>`, []string{attrEscaper}},
		{`<a href="{{.}}">`, []string{urlFilter, urlNormalizer, attrEscaper}},
		{`<a href="/docs/{{.}}/">`, []string{urlNormalizer, attrEscaper}},
		{`<a href="/q?x={{.}}">`, []string{urlEscaper, attrEscaper}},
		{`<title>{{.}}</title>`, []string{rcdataEscaper}},
		{`<textarea>{{.}}</textarea>`, []string{rcdataEscaper}},
	} {
		tmpl := template.Must(template.New("page").Parse(tc.src))
		if err := tmpl.Execute(io.Discard, `a<b>&"c"`); err != nil {
			t.Fatalf("%s: %v", tc.src, err)
		}
		var action *parse.ActionNode
		for _, n := range tmpl.Tree.Root.Nodes {
			if a, ok := n.(*parse.ActionNode); ok {
				action = a
			}
		}
		if action == nil {
			t.Fatalf("%s: no action in the escaped tree %s", tc.src, tmpl.Tree.Root)
		}
		// The escapers: the bare identifiers that end the pipeline.
		var chain []string
		for i := len(action.Pipe.Cmds) - 1; i > 0; i-- {
			c := action.Pipe.Cmds[i]
			id, ok := c.Args[0].(*parse.IdentifierNode)
			if len(c.Args) != 1 || !ok || !strings.HasPrefix(id.Ident, "_html_template_") {
				break
			}
			chain = append([]string{id.Ident}, chain...)
		}
		if !slices.Equal(chain, tc.chain) {
			t.Errorf("%s: html/template escapes it as %s; tmplexec knows %v", tc.src, action, tc.chain)
			continue
		}
		set := New(tmpl, nil, nil)
		if set.finalEscaper(action.Pipe) == nil {
			t.Errorf("%s: tmplexec does not find the escaper that ends %s", tc.src, action)
		}
		var want, got strings.Builder
		_ = tmpl.Execute(&want, `a<b>&"c"`)
		if err := set.Execute(&got, "page", `a<b>&"c"`); err != nil || got.String() != want.String() {
			t.Errorf("%s: got %q (%v), want %q", tc.src, got.String(), err, want.String())
		}
	}
}

// A template called inside an attribute is escaped as a copy that a Set
// cannot look up, named after it: the page goes to html/template, and
// the reason names the template as it was written.
func TestTemplateCopiesForOtherContexts(t *testing.T) {
	tmpl := template.Must(template.New("page").Parse(`{{define "label"}}{{.}}{{end}}<p title="{{template "label" .}}">`))
	if err := tmpl.Execute(io.Discard, "x"); err != nil {
		t.Fatal(err)
	}
	call, ok := tmpl.Tree.Root.Nodes[len(tmpl.Tree.Root.Nodes)-2].(*parse.TemplateNode)
	if !ok || !strings.HasPrefix(call.Name, "label$htmltemplate") {
		t.Fatalf("html/template calls %v; tmplexec expects a copy named label$htmltemplate…", tmpl.Tree.Root)
	}
	err := New(tmpl, nil, nil).Execute(new(strings.Builder), "page", "x")
	var fb *Fallback
	if !errors.As(err, &fb) || fb.Template != "page" || !strings.Contains(fb.Reason, `{{template "label"}}`) {
		t.Errorf("got %v, want a fallback in page that names the call of label", err)
	}
}

// A fallback names the template where the Set stopped, with the file it
// was parsed from: the partial, not the page that called it.
func TestFallbackNamesTheTemplate(t *testing.T) {
	tmpl := template.Must(template.New("page.html").Parse(`<main>{{template "row" .}}</main>`))
	template.Must(tmpl.New("partials/row.html").Parse(`{{define "row"}}{{range .}}{{break}}{{end}}{{end}}`))
	if err := tmpl.Execute(io.Discard, []int{1}); err != nil {
		t.Fatal(err)
	}
	err := New(tmpl, nil, nil).Execute(new(strings.Builder), "page.html", []int{1})
	var fb *Fallback
	if !errors.As(err, &fb) || fb.Template != "row" || fb.File != "partials/row.html" || !strings.Contains(fb.Reason, "{{break}}") {
		t.Errorf("got %#v, want row of partials/row.html and {{break}}", fb)
	}
}
