package generator_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// asOfDoc is an approved document of id whose body is body; more holds
// lines of front matter added after tier.
func asOfDoc(id, body, more string) string {
	return "+++\nid = \"" + id + "\"\ntitle = \"Title " + id + "\"\ntier = 2\n" + more + "version = \"1.0\"\nstatus = \"approved\"\nowners = [\"isd\"]\n" +
		"author = \"Author\"\napprover = \"Approver\"\napproved = 2026-01-01\nnext_review = 2027-01-01\n+++\n\n" + body + "\n"
}

// The site as of a day whose commit had content errors is built, as it
// stood: git keeps that commit as it was, and nobody can fix it to build
// the day. Each error is warning as-of-error at its line, naming the
// commit; a document with an error of its own, or at fault among the
// documents (an id another has, a parent that does not exist), is left
// out, a draft with errors is shown by its version in force, as any
// draft, and a link that names nothing is its text. The day's isms.toml
// with an error is still an error: there is no site without it.
func TestAsOfDayWithErrors(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification = \"internal\"\n[[departments]]\nid = \"isd\"\n")
	r.MustWrite("content/p5.md", asOfDoc("P-5", "The version in force.", ""))
	r.MustCommit("2026-01-02T10:00:00+08:00", "Author", "P-5 approved")
	r.MustWrite("content/p5.md", strings.Replace(asOfDoc("P-5", "Marker of the draft.", "bogus = 1\n"), `status = "approved"`, `status = "draft"`, 1))
	r.MustWrite("content/p1.md", asOfDoc("P-1", "See [the gone one](NOPE-1) and [two](P-2).", ""))
	r.MustWrite("content/p1copy.md", asOfDoc("P-1", "Marker of the copy.", ""))
	r.MustWrite("content/p2.md", asOfDoc("P-2", "Marker of the typo.", "next_reveiw = 2027-01-01\n"))
	r.MustWrite("content/p3.md", asOfDoc("P-3", "Marker of the orphan.", "parent = \"NOPE-9\"\n"))
	r.MustWrite("content/p4.md", asOfDoc("P-4", "Marker of the secret.", "classification = \"confidental\"\n"))
	first := r.MustCommit("2026-01-05T10:00:00+08:00", "Author", "with errors")
	for _, p := range []string{"content/p1copy.md", "content/p2.md", "content/p3.md", "content/p4.md", "content/p5.md"} {
		r.MustRemove(p)
	}
	r.MustWrite("content/p1.md", asOfDoc("P-1", "Fixed.", ""))
	r.MustCommit("2026-02-01T10:00:00+08:00", "Author", "fixed")

	day := model.Date{Year: 2026, Month: 1, Day: 10}
	tree, res := historyBuild(t, r.Dir, generator.Options{AsOf: day})
	var got []string
	for _, d := range res.Diagnostics.Warnings() {
		if d.Code == "as-of-error" {
			got = append(got, d.String())
		}
	}
	short := first[:10]
	want := []string{
		"content/p1.md:14: warning: the site as of 2026-01-10 shows the link's text alone: in commit " + short + ` it was an error: broken link: no document has the id "NOPE-1"`,
		"content/p1copy.md:2: warning: the site as of 2026-01-10 leaves the document out: in commit " + short + ` the file had this error: duplicate id "P-1": also used by content/p1.md:2`,
		"content/p2.md:5: warning: the site as of 2026-01-10 leaves the document out: in commit " + short + ` the file had this error: unknown key "next_reveiw"`,
		"content/p3.md:5: warning: the site as of 2026-01-10 leaves the document out: in commit " + short + ` the file had this error: parent names "NOPE-9", but no document has that id`,
		"content/p4.md:5: warning: the site as of 2026-01-10 leaves the document out: in commit " + short + ` the file had this error: unknown classification level "confidental"`,
		"content/p5.md:5: warning: the site as of 2026-01-10 shows the version in force, not this draft: in commit " + short + ` the draft had this error: unknown key "bogus"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if ids := fmt.Sprint(docIDs(res.Site.Docs)); ids != "[P-1 P-5]" {
		t.Errorf("documents %s, want [P-1 P-5]", ids)
	}
	if !strings.Contains(string(tree["docs/P-5/index.html"]), "The version in force.") {
		t.Errorf("docs/P-5/ does not show the version in force")
	}
	page := string(tree["docs/P-1/index.html"])
	if !strings.Contains(page, "See the gone one and two.") {
		t.Errorf("docs/P-1/ does not show the links' texts alone")
	}
	for name, data := range tree {
		if bytes.Contains(data, []byte("Marker of the")) {
			t.Errorf("%s shows a document left out", name)
		}
	}

	// The pack of the day is written too.
	var zip bytes.Buffer
	if res, err := generator.Pack(generator.Options{Source: r.Dir, AsOf: day, Defaults: defaults()}, &zip); err != nil || res.Diagnostics.HasErrors() || res.InForce != 2 {
		t.Errorf("pack: %v, %d in force, errors %v", err, res.InForce, res.Diagnostics.Errors())
	}

	// A day whose isms.toml has an error has no site.
	r.MustWrite("isms.toml", "title = \"T\"\nbogus = 1\n[[departments]]\nid = \"isd\"\n")
	r.MustCommit("2026-03-01T10:00:00+08:00", "Author", "bad configuration")
	res, err := generator.Build(generator.Options{Source: r.Dir, Dest: t.TempDir(), AsOf: model.Date{Year: 2026, Month: 3, Day: 1}, Defaults: defaults()})
	if err != nil || !res.Diagnostics.HasErrors() || !strings.HasPrefix(res.Diagnostics.Errors()[0].String(), `isms.toml:2: unknown key "bogus"`) {
		t.Errorf("as of the day of a bad isms.toml: %v, %v", err, res.Diagnostics)
	}
}

func docIDs(docs []*model.Document) []string {
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	return ids
}

// The site as of a day when every document file had been deleted (and
// one was restored since) is built, with the withdrawn document's
// tombstone: git keeps no empty folder, and the day's commit without
// content/ was the error that the content folder is missing.
func TestAsOfDayWithoutDocuments(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification = \"internal\"\n[[departments]]\nid = \"isd\"\n")
	r.MustWrite("content/p1.md", asOfDoc("P-1", "The text.", ""))
	r.MustCommit("2026-01-02T10:00:00+08:00", "Author", "P-1 approved")
	r.MustRemove("content/p1.md")
	r.MustCommit("2026-02-01T10:00:00+08:00", "Author", "P-1 withdrawn")
	r.MustWrite("content/p1.md", asOfDoc("P-1", "The text.", ""))
	r.MustCommit("2026-03-01T10:00:00+08:00", "Author", "P-1 restored")
	tree, _ := historyBuild(t, r.Dir, generator.Options{AsOf: model.Date{Year: 2026, Month: 2, Day: 15}})
	if !strings.Contains(string(tree["docs/P-1/index.html"]), "2026-02-01") {
		t.Errorf("as of 2026-02-15: no tombstone of P-1 withdrawn on 2026-02-01")
	}
}

// A document file committed as a symbolic link is warned of in the site
// as of a day as in today's: it was left out without a word.
func TestAsOfSymlinkWarned(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification = \"internal\"\n[[departments]]\nid = \"isd\"\n")
	r.MustWrite("content/p1.md", asOfDoc("P-1", "The text.", ""))
	if err := os.Symlink("p1.md", filepath.Join(r.Dir, "content", "p2.md")); err != nil {
		t.Fatal(err)
	}
	r.MustCommit("2026-01-02T10:00:00+08:00", "Author", "P-1 and a link")
	for _, opts := range []generator.Options{{}, {AsOf: model.Date{Year: 2026, Month: 2, Day: 15}}} {
		_, res := historyBuild(t, r.Dir, opts)
		var got []string
		for _, d := range res.Diagnostics.Warnings() {
			if d.Code == "symlink" {
				got = append(got, d.String())
			}
		}
		if len(got) != 1 || !strings.HasPrefix(got[0], "content/p2.md: warning: symbolic link not followed") {
			t.Errorf("as of %s: warnings %q, want one of content/p2.md", opts.AsOf, got)
		}
	}
}

// A document the site of a day leaves out for an error among the
// documents (its related names nothing) is out of the others' pages
// too: the set is linked again without it, and what the first linking
// gave them of it (a related document, a link cited) is gone.
func TestAsOfLeftOutHasNoEdges(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification = \"internal\"\n[[departments]]\nid = \"isd\"\n")
	r.MustWrite("content/p1.md", asOfDoc("P-1", "Cites [the other](P-2).", "related = [\"P-2\"]\n"))
	r.MustWrite("content/p2.md", asOfDoc("P-2", "Relates to a withdrawn one.", "related = [\"NOPE-1\"]\n"))
	r.MustCommit("2026-01-05T10:00:00+08:00", "Author", "P-2 names nothing")
	r.MustWrite("content/p2.md", asOfDoc("P-2", "Fixed.", ""))
	r.MustCommit("2026-02-01T10:00:00+08:00", "Author", "fixed")

	tree, _ := historyBuild(t, r.Dir, generator.Options{AsOf: model.Date{Year: 2026, Month: 1, Day: 10}})
	if tree["docs/P-2/index.html"] != nil {
		t.Fatal("P-2 is published as of the day of its error")
	}
	if page := tree["docs/P-1/index.html"]; bytes.Contains(page, []byte("docs/P-2/")) {
		t.Errorf("P-1's page links P-2's, which the site of the day leaves out")
	}
}
