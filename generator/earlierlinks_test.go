package generator_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/internal/sitecheck"
)

// earlierDoc is a document's text for TestEarlierTextsLinks.
func earlierDoc(id, version, extra, body string, history ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\nid = %q\ntitle = %q\ntier = 2\nversion = %q\nstatus = \"approved\"\nowners = [\"isd\"]\nauthor = \"Author\"\napprover = \"Approver\"\napproved = 2026-01-05\n%s", id, "Title of "+id, version, extra)
	for _, v := range history {
		fmt.Fprintf(&b, "\n[[history]]\nversion = %q\ndate = 2026-01-05\n", v)
	}
	b.WriteString("+++\n\n" + body + "\n")
	return b.String()
}

// The links of an earlier text that its current text no longer has, and
// those of a withdrawn document's last text, are written as people write
// them in a folder of Markdown: relative paths to other documents'
// files, to loose files and pictures, ids with a section. On the pages
// of those texts each goes where it goes now (from where the text's file
// was then: a file moved since to another folder) (a document's page, a
// published file, a withdrawn document's page), or is shown as its text
// when it goes nowhere; none
// is a link that does not resolve, and none names a document this build
// leaves out, not even by its file's name.
func TestEarlierTextsLinks(t *testing.T) {
	r := gitfixture.New(t)
	write := func(files map[string]string) {
		for p, text := range files {
			if err := r.Write(p, text); err != nil {
				t.Fatal(err)
			}
		}
	}
	links := "See [two](./two.md), [part](DOC-2#old-part), [three](../three.md#three), " +
		"[secret](ISMS-S-099.md), [form](form.pdf), [shot](../img/shot.png), ![picture](../img/shot.png) and [kept](../img/kept.png); [gone](gone.md) and [](DOC-G) withdrawn."
	write(map[string]string{
		"isms.toml":                 "title = \"T\"\nlanguage = \"en\"\ndefault_review_cycle = \"12 months\"\nclassification_levels = [\"public\", \"internal\", \"confidential\"]\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n",
		"content/sub/one.md":        earlierDoc("DOC-1", "1.0", "", links, "1.0"),
		"content/sub/gone.md":       earlierDoc("DOC-G", "1.0", "", links, "1.0"),
		"content/sub/moved.md":      earlierDoc("DOC-M", "1.0", "", links, "1.0"),
		"content/sub/plain.md":      earlierDoc("DOC-P", "1.0", "", "Plain text, see [two](two.md) and [](DOC-3).", "1.0"),
		"content/sub/two.md":        earlierDoc("DOC-2", "1.0", "", "## Old part\n\nTwo.", "1.0"),
		"content/three.md":          earlierDoc("DOC-3", "1.0", "", "## Three\n\nThree.", "1.0"),
		"content/sub/ISMS-S-099.md": earlierDoc("ISMS-S-099", "1.0", "classification = \"confidential\"\n", "Secret.", "1.0"),
		"content/sub/form.pdf":      "%PDF-1.4\n",
		"content/img/shot.png":      "\x89PNG\r\n\x1a\n",
		"content/img/kept.png":      "\x89PNG\r\n\x1a\n",
	})
	if _, err := r.Commit("2026-01-05T10:00:00+08:00", "Author", "first"); err != nil {
		t.Fatal(err)
	}
	write(map[string]string{
		"content/sub/one.md": earlierDoc("DOC-1", "1.1", "", "Now [](DOC-2) and ![kept](../img/kept.png).", "1.0", "1.1"),
		"content/sub/two.md": earlierDoc("DOC-2", "1.1", "", "## New part\n\nTwo.", "1.0", "1.1"),
	})
	if err := r.Move("content/sub/moved.md", "content/other/moved.md"); err != nil {
		t.Fatal(err)
	}
	write(map[string]string{
		"content/other/moved.md": earlierDoc("DOC-M", "1.1", "", "Moved.", "1.0", "1.1"),
		"content/sub/plain.md":   earlierDoc("DOC-P", "1.1", "", "Plain text.", "1.0", "1.1"),
	})
	for _, p := range []string{"content/sub/gone.md", "content/sub/form.pdf", "content/img/shot.png"} {
		if err := r.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := r.Commit("2026-02-01T10:00:00+08:00", "Author", "second"); err != nil {
		t.Fatal(err)
	}
	tree, _ := historyBuild(t, r.Dir, generator.Options{})
	for _, page := range []string{"docs/DOC-1/v/1.0/index.html", "docs/DOC-G/v/1.0/index.html", "docs/DOC-M/v/1.0/index.html"} {
		text := string(tree[page])
		if text == "" {
			t.Fatalf("no page %s", page)
		}
		for _, want := range []string{`href="../../../../docs/DOC-2/" class="doc-link" data-doc="DOC-2">two<`, `href="../../../../docs/DOC-2/" class="doc-link" data-doc="DOC-2">part<`, `href="../../../../docs/DOC-3/" class="doc-link" data-doc="DOC-3">three<`, `href="../../../../files/img/kept.png">kept<`, `href="../../../../docs/DOC-G/">gone<`, `href="../../../../docs/DOC-G/">Title of DOC-G<`} {
			if !strings.Contains(text, want) {
				t.Errorf("%s does not show %s", page, want)
			}
		}
	}
	for name, data := range tree {
		if strings.Contains(strings.ToUpper(string(data)), "S-099") {
			t.Errorf("%s names ISMS-S-099, which is confidential", name)
		}
	}
	// The quick renderer, which takes the plain text of DOC-P 1.0, makes
	// of its links what goldmark does.
	on, off, _, _ := buildBoth(t, r.Dir)
	sameTrees(t, on, off)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(generator.Options{Source: r.Dir, Dest: dest, Now: now, Defaults: defaults()}); err != nil {
		t.Fatal(err)
	}
	problems, err := sitecheck.Links(dest)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("%s: a link that does not resolve", p)
	}
}

// An earlier text's page shows what other tools write as the document's
// own page shows it: another tool's front matter at the top of the body
// left out, an admonition a block quote under its title in the site's
// language, an HTML link a link; CommonMark read the front matter as a
// rule and a heading, and the admonition as code.
func TestEarlierTextsAdapted(t *testing.T) {
	r := gitfixture.New(t)
	body := "---\nweight: 7\n---\n\n!!! tip\n    Back up first.\n\nSee <a href=\"DOC-2\">two</a>."
	for p, text := range map[string]string{
		"isms.toml":          "title = \"T\"\nlanguage = \"zh-CN\"\ndefault_review_cycle = \"12 months\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n",
		"content/sub/one.md": earlierDoc("DOC-1", "1.0", "", body, "1.0"),
		"content/sub/two.md": earlierDoc("DOC-2", "1.0", "", "Two.", "1.0"),
	} {
		if err := r.Write(p, text); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := r.Commit("2026-01-05T10:00:00+08:00", "Author", "first"); err != nil {
		t.Fatal(err)
	}
	if err := r.Write("content/sub/one.md", earlierDoc("DOC-1", "1.1", "", "Now.", "1.0", "1.1")); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Commit("2026-02-01T10:00:00+08:00", "Author", "second"); err != nil {
		t.Fatal(err)
	}
	on, off, _, _ := buildBoth(t, r.Dir)
	for _, tree := range []map[string][]byte{on, off} {
		page := string(tree["docs/DOC-1/v/1.0/index.html"])
		if page == "" {
			t.Fatal("no page of version 1.0")
		}
		if strings.Contains(page, "weight: 7") || !strings.Contains(page, "<strong>提示</strong>") || strings.Contains(page, "<code>Back up") ||
			!strings.Contains(page, `data-doc="DOC-2">two<`) {
			t.Errorf("the page of version 1.0 shows the text as CommonMark reads it:\n%s", page)
		}
	}
}

// A link of an earlier text to a file that a commit renamed since (a
// picture moved into its document's bundle, another document's file
// renamed) goes where the file is now, as git followed it: it was shown
// as its text, the picture of the approved version lost.
func TestEarlierTextsFollowRenamedFiles(t *testing.T) {
	r := gitfixture.New(t)
	body := "See ![flow](../img/flow.png) and [the other](other.md)."
	for p, text := range map[string]string{
		"isms.toml":            "title = \"T\"\nlanguage = \"en\"\ndefault_review_cycle = \"12 months\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n",
		"content/sub/one.md":   earlierDoc("DOC-1", "1.0", "", body, "1.0"),
		"content/sub/other.md": earlierDoc("DOC-2", "1.0", "", "Two.", "1.0"),
		"content/img/flow.png": "\x89PNG\r\n\x1a\nflow",
	} {
		if err := r.Write(p, text); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := r.Commit("2026-01-05T10:00:00+08:00", "Author", "first"); err != nil {
		t.Fatal(err)
	}
	for from, to := range map[string]string{
		"content/sub/one.md":   "content/sub/DOC-1/index.md",
		"content/img/flow.png": "content/sub/DOC-1/img/flow.png",
		"content/sub/other.md": "content/sub/DOC-2.md",
	} {
		if err := r.Move(from, to); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Write("content/sub/DOC-1/index.md", earlierDoc("DOC-1", "1.1", "", "See ![flow](img/flow.png) and [the other](../DOC-2.md).", "1.0", "1.1")); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Commit("2026-02-01T10:00:00+08:00", "Author", "second"); err != nil {
		t.Fatal(err)
	}
	on, off, _, _ := buildBoth(t, r.Dir)
	for _, tree := range []map[string][]byte{on, off} {
		page := string(tree["docs/DOC-1/v/1.0/index.html"])
		if page == "" {
			t.Fatal("no page of version 1.0")
		}
		for _, want := range []string{`src="../../../../docs/DOC-1/img/flow.png"`, `href="../../../../docs/DOC-2/" class="doc-link" data-doc="DOC-2">the other<`} {
			if !strings.Contains(page, want) {
				t.Errorf("the page of version 1.0 does not show %s:\n%s", want, page)
			}
		}
	}
}
