package link

import (
	"strings"
	"testing"

	"ismsgen/generator/load"
	"ismsgen/generator/model"
	"ismsgen/generator/validate"
)

const config = `
classification = "internal"
[[departments]]
id = "hr"
`

func doc(id, status, class, body string) string {
	return `+++
id = "` + id + `"
title = "Title of ` + id + `"
tier = 2
version = "1"
status = "` + status + `"
owners = ["hr"]
approver = "x"
approved = 2025-01-01
classification = "` + class + `"
+++
` + body
}

func site(t *testing.T, opts Options, docs ...string) (*model.Site, []string) {
	t.Helper()
	cf, _ := load.ParseConfig("isms.toml", []byte(config))
	cfg, d := validate.Config(cf)
	if d.HasErrors() {
		t.Fatal(d)
	}
	var converted []*model.Document
	for i, text := range docs {
		f, d := load.ParseDocument("content/"+string(rune('a'+i))+".md", []byte(text))
		if d.HasErrors() {
			t.Fatal(d)
		}
		doc, d := validate.Document(cfg, &load.Doc{File: f})
		if d.HasErrors() {
			t.Fatal(d)
		}
		converted = append(converted, doc)
	}
	all, d := validate.Set(converted, nil)
	if d.HasErrors() {
		t.Fatal(d)
	}
	s, d := Site(cfg, all, nil, opts, nil)
	d.Sort()
	var out []string
	for _, x := range d {
		out = append(out, x.String())
	}
	return s, out
}

func TestLinks(t *testing.T) {
	for _, tc := range []struct {
		name  string
		opts  Options
		docs  []string
		want  []string
		check func(t *testing.T, s *model.Site)
	}{
		{
			name: "broken id link at its line",
			docs: []string{doc("A", "approved", "internal", "line one\n\nsee [x](NOPE-1) and [y](B)\n"), doc("B", "approved", "internal", "")},
			want: []string{`content/a.md:14: broken link: no document has the id "NOPE-1"`},
		},
		{
			name: "a link to a file: or javascript: address is text, with a warning",
			docs: []string{doc("A", "approved", "internal", "[the share](file:///S:/forms/x.docx)\n\n[run](JavaScript:alert(1)) ![logo](data:image/png;base64,AAAA)\n")},
			want: []string{
				`content/a.md:12: warning: the link "file:///S:/forms/x.docx" is shown as its text: pages do not link to file:, javascript:, vbscript: or data: addresses`,
				`content/a.md:14: warning: the link "JavaScript:alert(1)" is shown as its text: pages do not link to file:, javascript:, vbscript: or data: addresses`,
			},
		},
		{
			name: "link to a draft is withheld, with a warning",
			docs: []string{doc("A", "approved", "internal", "[](B)\n"), doc("B", "draft", "internal", "")},
			want: []string{`content/a.md:12: warning: link to B, a document this build leaves out: its text is shown without a link`},
			check: func(t *testing.T, s *model.Site) {
				a := s.Doc("A")
				if len(a.Graph.LinksOut) != 1 || a.Graph.LinksOut[0].Target != nil {
					t.Errorf("LinksOut = %+v, want one withheld link", a.Graph.LinksOut)
				}
				if s.Doc("B") != nil {
					t.Error("the draft is published")
				}
			},
		},
		{
			name: "drafts publish the draft",
			opts: Options{Drafts: true},
			docs: []string{doc("A", "approved", "internal", "[](B)\n"), doc("B", "draft", "internal", "")},
			check: func(t *testing.T, s *model.Site) {
				if b := s.Doc("B"); b == nil || len(b.Graph.LinkedFrom) != 1 {
					t.Errorf("B not published or not linked from A")
				}
			},
		},
		{
			name: "above the ceiling is never published, not even with drafts",
			opts: Options{Drafts: true},
			docs: []string{doc("A", "approved", "internal", "[secret](B)\n"), doc("B", "approved", "confidential", "")},
			want: []string{`content/a.md:12: warning: link to B, a document this build leaves out: its text is shown without a link`},
			check: func(t *testing.T, s *model.Site) {
				if s.Doc("B") != nil {
					t.Error("confidential document published")
				}
			},
		},
		{
			name: "a higher ceiling publishes it",
			opts: Options{Ceiling: "confidential"},
			docs: []string{doc("A", "approved", "internal", "[secret](B)\n"), doc("B", "approved", "confidential", "")},
		},
		{
			name: "missing fragment warns",
			docs: []string{doc("A", "approved", "internal", "[x](B#nope) [y](B#2-范围)\n"), doc("B", "approved", "internal", "## 2 范围\n")},
			want: []string{`content/a.md:12: warning: B has no heading with the id "nope"`},
		},
		{
			name: "a missing fragment in the page itself is of this document, not of its id",
			docs: []string{doc("A", "approved", "internal", "## 范围\n\n[x](#nope) [y](A#gone)\n")},
			want: []string{
				`content/a.md:14: warning: this document has no heading with the id "gone"`,
				`content/a.md:14: warning: this document has no heading with the id "nope"`,
			},
		},
		{
			name: "a query on a link to a Markdown file is left out with a warning, the link kept",
			docs: []string{doc("A", "approved", "internal", "[x](b.md?foo=bar) [y](b.md?v=2#2-范围)\n\n[z](b.md#2-范围)\n"), doc("B", "approved", "internal", "## 2 范围\n")},
			want: []string{
				`content/a.md:12: warning: the query "?foo=bar" of the link "b.md?foo=bar" is left out: the link goes to the document B, whose page a query does not change`,
				`content/a.md:12: warning: the query "?v=2" of the link "b.md?v=2#2-范围" is left out: the link goes to the document B, whose page a query does not change`,
			},
			check: func(t *testing.T, s *model.Site) {
				for _, l := range s.Doc("A").Graph.LinksOut {
					if l.Target != s.Doc("B") || l.Dest != "b.md?v=2#2-范围" && l.Fragment == "2-范围" && l.Line != 14 {
						t.Errorf("link %+v, want to B", l)
					}
				}
				if got := len(s.Doc("A").Graph.LinksOut); got != 3 {
					t.Errorf("%d links, want 3", got)
				}
			},
		},
		{
			name: "case-insensitive ids; URLs are left as written",
			docs: []string{doc("A", "approved", "internal", "[x](b) [u](https://example.com/x) [m](mailto:a@b.c) [t](tel:+861234)\n"), doc("B", "approved", "internal", "")},
			check: func(t *testing.T, s *model.Site) {
				if got := len(s.Doc("A").Graph.LinksOut); got != 1 {
					t.Errorf("%d id links, want 1", got)
				}
			},
		},
		{
			name: "graph: children, supersedes, backlinks",
			docs: []string{
				doc("A", "approved", "internal", "[](C)"),
				strings.Replace(doc("B", "approved", "internal", ""), "\n+++\n", "\nparent = \"A\"\nsupersedes = [\"C\"]\n+++\n", 1),
				doc("C", "obsolete", "internal", "[](A) [](A)"),
			},
			check: func(t *testing.T, s *model.Site) {
				a, b, c := s.Doc("A"), s.Doc("B"), s.Doc("C")
				if len(a.Graph.Children) != 1 || a.Graph.Children[0] != b || b.Graph.Parent != a {
					t.Error("parent/children wrong")
				}
				if len(c.Graph.SupersededBy) != 1 || c.Graph.SupersededBy[0] != b {
					t.Error("superseded-by wrong")
				}
				if len(a.Graph.LinkedFrom) != 1 || a.Graph.LinkedFrom[0] != c {
					t.Errorf("A linked from %v, want [C] once", a.Graph.LinkedFrom)
				}
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, got := site(t, tc.opts, tc.docs...)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
			if tc.check != nil && s != nil {
				tc.check(t, s)
			}
		})
	}
}

// "Did you mean" never names the document the broken link is in.
func TestHintNotSelf(t *testing.T) {
	cf, _ := load.ParseConfig("isms.toml", []byte(config))
	cfg, _ := validate.Config(cf)
	var docs []*model.Document
	for i, text := range []string{doc("ISMS-P-009", "approved", "internal", "[x](ISMS-P-0009)\n"), doc("ISMS-P-019", "approved", "internal", "")} {
		f, _ := load.ParseDocument("content/"+string(rune('a'+i))+".md", []byte(text))
		d, _ := validate.Document(cfg, &load.Doc{File: f})
		docs = append(docs, d)
	}
	docs, _ = validate.Set(docs, nil)
	_, diags := Site(cfg, docs, nil, Options{}, nil)
	if errs := diags.Errors(); len(errs) != 1 || errs[0].Hint != `did you mean "ISMS-P-019"?` {
		t.Errorf("%+v, want one error whose hint names ISMS-P-019", errs)
	}
}

// A link to the id a bundle's folder is named for, whose document's id
// was changed, suggests the id it has now, not the nearest in spelling.
func TestHintFileNamedAsTheID(t *testing.T) {
	cf, _ := load.ParseConfig("isms.toml", []byte(config))
	cfg, _ := validate.Config(cf)
	var docs []*model.Document
	for path, text := range map[string]string{"content/a.md": doc("ISMS-P-009", "approved", "internal", "[x](ISMS-F-001)\n"), "content/ISMS-F-001/index.md": doc("ISMS-F-011", "approved", "internal", ""), "content/b.md": doc("ISMS-F-002", "approved", "internal", "")} {
		f, _ := load.ParseDocument(path, []byte(text))
		d, _ := validate.Document(cfg, &load.Doc{File: f})
		docs = append(docs, d)
	}
	docs, _ = validate.Set(docs, nil)
	_, diags := Site(cfg, docs, nil, Options{}, nil)
	if errs := diags.Errors(); len(errs) != 1 || errs[0].Hint != `did you mean "ISMS-F-011"?` {
		t.Errorf("%+v, want one error whose hint names ISMS-F-011", errs)
	}
}
