package hostile_test

import (
	"bytes"
	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"path/filepath"
	"strings"
	"testing"
)

// A document this build leaves out (above the ceiling, or a draft) leaves
// no trace, whichever way a link to it is written: in a heading (whose
// anchor, table-of-contents entry and search entry are made from the
// link's own text), with its id escaped as an entity, a backslash or
// percent-encoding, through a reference definition, in angle brackets,
// or as the source of an image. Each is the id, with every rule for ids:
// a warning at its line, the link's own text or a placeholder, and the
// same escapes of a published id resolve to its page.
func TestWithheldLeavesNoTrace(t *testing.T) {
	files := good()
	files["content/tier2/leak-c.md"] = doc("QZLEAK-C-001", "QZLEAK confidential title", `classification = "confidential"`, "## QZLEAK heading\n\nQZLEAK body.\n")
	files["content/tier2/leak-d.md"] = strings.Replace(doc("QZLEAK-D-001", "QZLEAK draft title", "", "## QZLEAK heading\n\nQZLEAK body.\n"), `status = "approved"`, `status = "draft"`, 1)
	body := strings.Join([]string{
		"## Heading with [](QZLEAK-C-001) inside", // 12
		"",
		"## Draft [see](QZLEAK-D-001#part) here", // 14
		"",
		"Entity [a](QZLEAK&#45;C-001), escape [b](QZLEAK\\-C-001), percent [c](QZLEAK%2DC-001).", // 16
		"",
		"Reference [d][r] and [](QZLEAK%2dD-001) and [](QZLEAK&#x2D;D-001#x).", // 18
		"",
		"Angle <QZLEAK-C-001>, image ![](QZLEAK-C-001), image ![alt](QZLEAK-D-001).", // 20
		"",
		"Published: [](H&#45;P-001), [p](H\\-P-001#scope), [](H%2DP-001), ![](H-P-001), <H-P-001>.", // 22
		"",
		"[r]: QZLEAK&#45;C-001",
		"",
	}, "\n")
	files["content/tier2/hub.md"] = doc("H-P-002", "Hub", "", body)
	site := writeSite(t, files)
	dest := filepath.Join(site, "public")
	const withheld = ": warning: link to %s, a document this build leaves out: its text is shown without a link"
	w := func(line, id string) string {
		return "content/tier2/hub.md:" + line + strings.Replace(withheld, "%s", id, 1)
	}
	image := func(line, id string) string {
		return "content/tier2/hub.md:" + line + ": warning: image whose source is the document " + id + ": it is shown as a link to the document"
	}
	sameLines(t, mustBuild(t, options(site, dest)), []string{
		w("12", "QZLEAK-C-001"),
		w("14", "QZLEAK-D-001"),
		w("16", "QZLEAK-C-001"), // three times: the same warning at a line is printed once
		w("18", "QZLEAK-C-001"), w("18", "QZLEAK-D-001"),
		image("20", "QZLEAK-C-001"), image("20", "QZLEAK-D-001"),
		w("20", "QZLEAK-C-001"), w("20", "QZLEAK-D-001"),
		image("22", "H-P-001"),
	})
	out := readTree(t, dest)
	for name, data := range out {
		if bytes.Contains(bytes.ToLower(data), []byte("qzleak")) || strings.Contains(strings.ToLower(name), "qzleak") {
			t.Errorf("%s holds a trace of a left-out document", name)
		}
	}
	page := string(out["docs/H-P-002/index.html"])
	for _, want := range []string{
		`<h2 id="heading-with-inside">Heading with unpublished document inside</h2>`,
		`<h2 id="draft-see-here">Draft see here</h2>`,
		`Entity a, escape b, percent c.`,
		`Reference d and unpublished document and unpublished document.`,
		`Angle unpublished document, image unpublished document, image alt.`,
		`Published: <a href="../../docs/H-P-001/" class="doc-link" data-doc="H-P-001">Procedure</a>, <a href="../../docs/H-P-001/#scope" class="doc-link" data-doc="H-P-001">p</a>, <a href="../../docs/H-P-001/" class="doc-link" data-doc="H-P-001">Procedure</a>, <a href="../../docs/H-P-001/" class="doc-link" data-doc="H-P-001">Procedure</a>, <a href="../../docs/H-P-001/" class="doc-link" data-doc="H-P-001">Procedure</a>.`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(page, "<img") {
		t.Error("an image of a document is an <img>")
	}
}

// An escaped id that names no document is a broken link like any other.
func TestEscapedBrokenLink(t *testing.T) {
	files := good()
	files["content/tier2/hub.md"] = doc("H-P-002", "Hub", "", "[a](NOPE&#45;1) [b](NOPE\\-2)\n\n![](NOPE%2D3) <NOPE-4>\n")
	site := writeSite(t, files)
	res, err := generator.Build(options(site, filepath.Join(site, "public")))
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, strs(res.Diagnostics.Errors()), []string{
		`content/tier2/hub.md:12: broken link: no document has the id "NOPE-1"`,
		`content/tier2/hub.md:12: broken link: no document has the id "NOPE-2"`,
		`content/tier2/hub.md:14: broken link: no document has the id "NOPE-3"`,
		`content/tier2/hub.md:14: broken link: no document has the id "NOPE-4"`,
	})
}

// The pages of a document's earlier versions and of what changed between
// them show its Markdown and front matter as written: an id of a document
// this build leaves out is masked there too, however it is written.
func TestWithheldInChanges(t *testing.T) {
	repo := gitfixture.New(t)
	write := repo.MustWrite
	history := "\n[[history]]\nversion = \"1.0\"\ndate = 2026-01-10\nsummary = \"first\"\n"
	write("isms.toml", baseConfig)
	write("content/tier2/leak.md", doc("QZLEAK-C-001", "QZLEAK title", `classification = "confidential"`, "QZLEAK body.\n"))
	write("content/tier2/hub.md", doc("H-P-001", "Hub", history, "Hello.\n"))
	if _, err := repo.Commit("2026-01-10T10:00:00Z", "Controller", "first"); err != nil {
		t.Fatal(err)
	}
	next := strings.Replace(doc("H-P-001", "Hub", `related = ["QZLEAK-C-001"]`+history+"\n[[history]]\nversion = \"1.1\"\ndate = 2026-02-10\nsummary = \"second\"\n",
		"Hello [](QZLEAK-C-001), [x](qzleak&#45;c-001#part), [y](QZLEAK%2DC-001).\n"), `version = "1.0"`, `version = "1.1"`, 1)
	write("content/tier2/hub.md", next)
	if _, err := repo.Commit("2026-02-10T10:00:00Z", "Controller", "second"); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, options(repo.Dir, dest))
	out := readTree(t, dest)
	changes := out["docs/H-P-001/changes/1.1/index.html"]
	if changes == nil {
		t.Fatal("no page of what changed in 1.1")
	}
	for name, data := range out {
		if bytes.Contains(bytes.ToLower(data), []byte("qzleak")) {
			t.Errorf("%s holds a trace of a left-out document", name)
		}
	}
	if !bytes.Contains(changes, []byte(`related = [&#34;unpublished document&#34;]`)) || !bytes.Contains(changes, []byte("[x](unpublished document#part)")) {
		t.Errorf("the changes page does not show the placeholder where the id was")
	}
}

// An id in angle brackets alone on its line, which CommonMark reads as
// the start of an HTML block, is a link like one inside a line: to a
// published document it links, to a left-out one it is the placeholder,
// with the warning at its line; the page showed the id as text. The
// lines after a tag that names no HTML element are Markdown too: shown
// as written, they showed the id of a link to a left-out document.
func TestWithheldAngleLine(t *testing.T) {
	files := good()
	files["content/tier2/leak-c.md"] = doc("QZLEAK-C-001", "QZLEAK title", `classification = "confidential"`, "QZLEAK body.\n")
	body := strings.Join([]string{
		"Text.", // 12
		"",
		"<QZLEAK-C-001>", // 14
		"",
		"<QZLEAK-C-001>", // 16
		"===",
		"",
		"- <QZLEAK-C-001>", // 19
		"  more",
		"",
		"> <QZLEAK-C-001>", // 22
		"",
		"   <H-P-001>  ", // 24
		"",
		"<your name>", // 26
		"[x](QZLEAK-C-001) and <QZLEAK-C-001>",
		"",
	}, "\n")
	files["content/tier2/hub.md"] = doc("H-P-002", "Hub", "", body)
	site := writeSite(t, files)
	dest := filepath.Join(site, "public")
	var want []string
	for _, line := range []string{"14", "16", "19", "22", "27"} {
		want = append(want, "content/tier2/hub.md:"+line+": warning: link to QZLEAK-C-001, a document this build leaves out: its text is shown without a link")
	}
	sameLines(t, mustBuild(t, options(site, dest)), want)
	out := readTree(t, dest)
	for name, data := range out {
		if bytes.Contains(bytes.ToLower(data), []byte("qzleak")) {
			t.Errorf("%s holds a trace of a left-out document", name)
		}
	}
	page := string(out["docs/H-P-002/index.html"])
	for _, want := range []string{
		"<p>unpublished document</p>",
		">unpublished document</h1>",
		"<p>&lt;your name&gt;\nx and unpublished document</p>",
		`<a href="../../docs/H-P-001/" class="doc-link" data-doc="H-P-001">Procedure</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}
