package generator_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"

	"ismsgen/generator"
	"ismsgen/generator/internal/sitecheck"
	"ismsgen/generator/load"
	"ismsgen/generator/markdown"
	"ismsgen/internal/corpus"
	"ismsgen/internal/sitetest"
)

// linksResolveOrWereReported checks the site built from source into dest
// (res is the build's result): every link and image of every page
// resolves to a file, and a fragment to an element of it
// (internal/sitecheck, as relinks.py does); and every link and image of
// a published document's Markdown that its page does not show as
// written — as its text only, or an image as a link — was reported by a
// diagnostic at its line. A link whose address would run code is shown
// as its text without one, as ever.
func linksResolveOrWereReported(t *testing.T, source string, res *generator.Result, dest string) {
	t.Helper()
	problems, err := sitecheck.Links(dest)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("%s: a link that does not resolve", p)
	}
	reported := map[string]map[int]bool{}
	for _, d := range res.Diagnostics {
		if reported[d.File] == nil {
			reported[d.File] = map[int]bool{}
		}
		reported[d.File][d.Line] = true
	}
	failures := 0
	for _, d := range res.Site.Docs {
		body, _, err := load.ReadBody(source, d.Path, "")
		if err != nil {
			t.Fatal(err)
		}
		body = markdown.WithoutTitleHeading(body, d.ID, d.Title)
		page, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(d.URL()), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		shown := pageLinks(t, page)
		j := 0
		links := markdownLinks(body)
		for i, l := range links {
			// A link without text of its own shows the title of what it
			// links to, unless the next one has the text shown.
			empty := l.text == "" && !(i+1 < len(links) && links[i+1].text != "" && j < len(shown) && links[i+1].text == shown[j].text)
			if j < len(shown) && l.kind == shown[j].kind && (empty || l.text == shown[j].text) {
				j++
				continue // shown as written
			}
			if j < len(shown) && l.text != "" && l.text == shown[j].text {
				j++ // shown otherwise: an image as a link
			}
			if line := d.BodyLine + l.line; !reported[d.Path][line] && failures < 20 {
				failures++
				t.Errorf("%s:%d: the %s %q is not shown as written, and nothing was reported at its line", d.Path, line, l.kind, l.text)
			}
		}
		if j < len(shown) && failures < 20 {
			failures++
			t.Errorf("%s: the page shows links its Markdown does not have, from %q", d.Path, shown[j].text)
		}
	}
}

// shownLink is a link ("a") or an image ("img") with its text.
type shownLink struct {
	kind, text string
	line       int
}

// markdownLinks lists the links and images of a body, as goldmark reads
// them, in the order a page shows them, without footnote references and
// links whose address would run code.
func markdownLinks(body []byte) []shownLink {
	var out []shownLink
	root := markdown.Parse(nil, body)
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		l := shownLink{line: -1}
		switch n := n.(type) {
		case *ast.Link:
			if !markdown.ScriptURL(string(n.Destination)) {
				l.kind, l.text = "a", markdown.PlainText(n, body)
			}
		case *ast.Image:
			if !markdown.ScriptURL(string(n.Destination)) || strings.HasPrefix(string(n.Destination), "data:image/") {
				l.kind, l.text = "img", markdown.PlainText(n, body)
			}
		case *ast.AutoLink:
			if !markdown.ScriptURL(string(n.URL(body))) {
				l.kind, l.text = "a", string(n.Label(body))
			}
		case *ast.RawHTML:
			if _, ok := markdown.AngleID(n, body); ok {
				l.kind = "a"
			}
		}
		if l.kind != "" {
			l.line = bytes.Count(body[:min(max(n.Pos(), 0), len(body))], []byte("\n"))
			if l.kind == "a" && n.Kind() == ast.KindRawHTML {
				seg := n.(*ast.RawHTML).Segments.At(0)
				l.line = bytes.Count(body[:seg.Start], []byte("\n"))
			}
			out = append(out, l)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// pageLinks lists the links and images of a document page's body
// section, in order, without footnote references and back-references.
func pageLinks(t *testing.T, page []byte) []shownLink {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []shownLink
	var walk func(n *html.Node, inBody bool)
	walk = func(n *html.Node, inBody bool) {
		if n.Type == html.ElementNode {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
			}
			switch {
			case n.Data == "section" && attr["class"] == "doc-body":
				inBody = true
			case inBody && n.Data == "a" && !strings.HasPrefix(attr["class"], "footnote-"):
				out = append(out, shownLink{kind: "a", text: textOf(n)})
			case inBody && n.Data == "img":
				out = append(out, shownLink{kind: "img", text: attr["alt"]})
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inBody)
		}
	}
	walk(doc, false)
	return out
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

// No page of the sample, or of a real-world-shaped generated set of 300
// documents (file links, images in bundle folders), holds a link or an
// image that does not resolve, and every link shown as text was
// reported at its line.
func TestLinksResolveOrWereReported(t *testing.T) {
	real := filepath.Join(t.TempDir(), "real")
	if _, err := corpus.Generate(real, corpus.Options{Docs: 300, Shape: corpus.Real}); err != nil {
		t.Fatal(err)
	}
	for name, source := range map[string]string{"sample": sitetest.Sample(t), "real-shaped": real} {
		t.Run(name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			res, err := generator.Build(generator.Options{Source: source, Dest: dest, Now: now, Defaults: defaults()})
			if err != nil || res.Diagnostics.HasErrors() {
				t.Fatalf("%v %v", err, res.Diagnostics.Errors())
			}
			linksResolveOrWereReported(t, source, res, dest)
		})
	}
}
