package generator_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// movedDoc is a document's text for movedSite.
func movedDoc(id, title, version, class, extra string, history ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\nid = %q\ntitle = %q\ntier = 2\nversion = %q\nstatus = \"approved\"\nclassification = %q\nowners = [\"isd\"]\nauthor = \"Author\"\napprover = \"Approver\"\napproved = 2026-01-05\n%s", id, title, version, class, extra)
	for _, v := range history {
		fmt.Fprintf(&b, "\n[[history]]\nversion = %q\ndate = 2026-01-05\n", v)
	}
	b.WriteString("+++\n\nText of " + id + ".\n")
	return b.String()
}

// movedSite is a scripted repository in which files change their ids:
// OLD-A to NEW-A (published), OLD-S to NEW-S (confidential, above the
// ceiling), OLD-B to NEW-B while another file takes OLD-B. DOC-D
// supersedes OLD-A. It returns the folder and the commit of the change.
func movedSite(t *testing.T) (string, string) {
	t.Helper()
	r := gitfixture.New(t)
	files := func(m map[string]string) {
		for p, text := range m {
			if err := r.Write(p, text); err != nil {
				t.Fatal(err)
			}
		}
	}
	files(map[string]string{
		"isms.toml":    "title = \"T\"\nlanguage = \"en\"\nclassification_levels = [\"public\", \"internal\", \"confidential\"]\nclassification = \"internal\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n",
		"content/a.md": movedDoc("OLD-A", "Access <control> & review", "1.0", "internal", "", "1.0"),
		"content/s.md": movedDoc("OLD-S", "Key vault", "1.0", "confidential", "", "1.0"),
		"content/b.md": movedDoc("OLD-B", "Backup", "1.0", "internal", "", "1.0"),
	})
	if _, err := r.Commit("2026-01-05T10:00:00+08:00", "Author", "first"); err != nil {
		t.Fatal(err)
	}
	files(map[string]string{
		"content/a.md":     movedDoc("NEW-A", "Access control", "1.1", "internal", "", "1.0", "1.1"),
		"content/s.md":     movedDoc("NEW-S", "Key vault", "1.1", "confidential", "", "1.0", "1.1"),
		"content/b.md":     movedDoc("NEW-B", "Backup", "1.1", "internal", "", "1.0", "1.1"),
		"content/reuse.md": movedDoc("OLD-B", "Media handling", "1.0", "internal", "", "1.0"),
		"content/d.md":     movedDoc("DOC-D", "Access review", "1.0", "internal", "supersedes = [\"OLD-A\"]\n", "1.0"),
	})
	changed, err := r.Commit("2026-02-01T10:00:00+08:00", "Controller", "renumber")
	if err != nil {
		t.Fatal(err)
	}
	return r.Dir, changed
}

// A document whose id changed keeps its old URL: a page that says so and
// links the document and its old text, out of the sitemap and search;
// an id above the ceiling leaves no trace, and an id taken again is the
// new document's.
func TestHistoryMovedID(t *testing.T) {
	site, changed := movedSite(t)
	tree, res := historyBuild(t, site, generator.Options{})
	page := string(tree["docs/OLD-A/index.html"])
	for _, want := range []string{
		"The document number OLD-A was changed on 2026-02-01: the document is now NEW-A.",
		`href="../../docs/NEW-A/"`, `href="../../docs/NEW-A/v/1.0/"`,
		"Access &lt;control&gt; &amp; review", changed[:10] + " (2026-02-01, Controller)",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("docs/OLD-A/ does not show %s", want)
		}
	}
	if v := string(tree["docs/NEW-A/v/1.0/index.html"]); !strings.Contains(v, "(numbered OLD-A in this version)") {
		t.Error("OLD-A's last text is not at docs/NEW-A/v/1.0/, or does not say the number it bore")
	}
	if reused := string(tree["docs/OLD-B/index.html"]); !strings.Contains(reused, "Media handling") || strings.Contains(reused, "NEW-B") {
		t.Error("docs/OLD-B/ is not the page of the document that has the id now")
	}
	for name, data := range tree {
		if bytes.Contains(data, []byte("OLD-S")) || bytes.Contains(data, []byte("Key vault")) {
			t.Errorf("%s names the confidential document", name)
		}
		if (name == "sitemap.xml" || name == "feed.xml" || strings.HasPrefix(name, "search/")) && bytes.Contains(data, []byte("OLD-A")) {
			t.Errorf("%s names OLD-A", name)
		}
	}
	for _, d := range res.Diagnostics {
		if d.Code == "supersedes-unknown" {
			t.Errorf("warning %s: OLD-A has a page", d)
		}
	}

	// Above the ceiling the confidential document's old id has its page.
	tree, _ = historyBuild(t, site, generator.Options{Classification: "confidential"})
	if !strings.Contains(string(tree["docs/OLD-S/index.html"]), `href="../../docs/NEW-S/"`) {
		t.Error("with the ceiling at confidential, docs/OLD-S/ does not link NEW-S")
	}

	// Before the change the old id is the document's own page.
	tree, res = historyBuild(t, site, generator.Options{AsOf: model.Date{Year: 2026, Month: 1, Day: 31}})
	if len(res.Site.Moved) != 0 || !strings.Contains(string(tree["docs/OLD-A/index.html"]), "Text of OLD-A.") {
		t.Errorf("as of 2026-01-31: moved %v, want OLD-A's own page", res.Site.Moved)
	}

	// The pack holds the documents in force, not the old ids' pages.
	var pack bytes.Buffer
	if _, err := generator.Pack(generator.Options{Source: site, AsOf: model.Date{Year: 2026, Month: 2, Day: 2}, Defaults: defaults()}, &pack); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(pack.Bytes()), int64(pack.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		r, _ := f.Open()
		data, _ := io.ReadAll(r)
		if f.Name == "documents/OLD-A.html" || bytes.Contains(data, []byte("OLD-S")) {
			t.Errorf("the pack's %s names an old id", f.Name)
		}
	}
}

// A link left to a document's old id, or to a withdrawn document, is an
// error whose hint says what git knows: the document's new id, or when
// it was withdrawn and what replaces it (it suggested another document,
// OLD-B, the nearest id of now).
func TestLinksToOldIDs(t *testing.T) {
	site, _ := movedSite(t)
	if err := os.WriteFile(filepath.Join(site, "content", "l.md"), []byte(movedDoc("DOC-L", "Links", "1.0", "internal", "", "1.0")+"\nSee [](OLD-A)\nand [](old-a).\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := generator.Check(generator.Options{Source: site, Now: model.Date{Year: 2026, Month: 3, Day: 2}, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range res.Diagnostics.Errors() {
		got = append(got, d.String()+"\n"+d.Hint)
	}
	hint := "OLD-A is the document now numbered NEW-A (its number changed on 2026-02-01): link to it by its new id, [](NEW-A)"
	want := []string{"content/l.md:20: broken link: no document has the id \"OLD-A\"\n" + hint, "content/l.md:21: broken link: no document has the id \"old-a\"\n" + hint}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// DOC-D supersedes OLD-A, which git knows, with errors in the build too.
	for _, d := range res.Diagnostics {
		if d.Code == "supersedes-unknown" {
			t.Errorf("%s", d)
		}
	}
}

// A link left to the file of a document deleted since is an error whose
// hint says whose file it was and that its deletion withdrew it, with
// what replaces it when a document says so, as a link to its id has.
func TestLinksToDeletedFiles(t *testing.T) {
	r := gitfixture.New(t)
	write := r.MustWrite
	write("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n")
	write("content/old.md", movedDoc("P-OLD", "Old rules", "1.0", "internal", "", "1.0"))
	write("content/gone.md", movedDoc("P-GONE", "Gone rules", "1.0", "internal", "", "1.0"))
	if _, err := r.Commit("2026-02-02T10:00:00+08:00", "Author", "add"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"content/old.md", "content/gone.md"} {
		if err := r.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := r.Commit("2026-02-20T10:00:00+08:00", "Author", "withdraw"); err != nil {
		t.Fatal(err)
	}
	write("content/new.md", movedDoc("P-NEW", "New rules", "1.0", "internal", "supersedes = [\"P-OLD\"]\n", "1.0"))
	if _, err := r.Commit("2026-02-21T10:00:00+08:00", "Author", "replace"); err != nil {
		t.Fatal(err)
	}
	write("content/l.md", movedDoc("DOC-L", "Links", "1.0", "internal", "", "1.0")+"\nSee [old](old.md#scope).\nSee [gone](./gone.md).\n")
	res, err := generator.Check(generator.Options{Source: r.Dir, Now: model.Date{Year: 2026, Month: 3, Day: 2}, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range res.Diagnostics.Errors() {
		got = append(got, d.String()+"\n"+d.Hint)
	}
	want := []string{
		`content/l.md:20: broken link: "old.md#scope" names content/old.md, which does not exist` + "\n" +
			`content/old.md was the file of P-OLD. P-OLD was withdrawn on 2026-02-20 (its file was deleted), replaced by P-NEW: link to that, [](P-NEW)`,
		`content/l.md:21: broken link: "./gone.md" names content/gone.md, which does not exist` + "\n" +
			`content/gone.md was the file of P-GONE. P-GONE was withdrawn on 2026-02-20 (its file was deleted): remove the link, or link to the document that replaces it`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
