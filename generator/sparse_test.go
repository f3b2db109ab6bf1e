package generator_test

import (
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// A sparse checkout that leaves documents of the head commit out of the
// work tree builds the documents it has, and one note says how many it
// left out and which first: the site was smaller without a word. The
// site as of a day is the commit's, all of it.
func TestHistorySparseCheckout(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n")
	r.MustWrite("content/a/p1.md", filterDoc("1.0", "Text.", "1.0"))
	r.MustWrite("content/b/p2.md", strings.ReplaceAll(filterDoc("1.0", "Text two.", "1.0"), "P-1", "P-2"))
	r.MustWrite("content/b/p3.md", strings.ReplaceAll(filterDoc("1.0", "Text three.", "1.0"), "P-1", "P-3"))
	r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "first")
	if err := r.Git(nil, "sparse-checkout", "set", "--no-cone", "/isms.toml", "/content/a/"); err != nil {
		t.Fatal(err)
	}
	now := model.Date{Year: 2026, Month: 3, Day: 1}
	tree, res := historyBuild(t, r.Dir, generator.Options{Now: now})
	if tree["docs/P-1/index.html"] == nil || tree["docs/P-2/index.html"] != nil {
		t.Error("want P-1 alone built")
	}
	notes := notesAbout(res, "sparse")
	if len(notes) != 1 || !strings.Contains(notes[0], "2 document file(s)") || !strings.Contains(notes[0], "content/b/p2.md") {
		t.Errorf("notes %q, want one of the 2 files left out, content/b/p2.md first", notes)
	}
	untranslated(t, res)
	tree, res = historyBuild(t, r.Dir, generator.Options{AsOf: now})
	if tree["docs/P-2/index.html"] == nil || len(notesAbout(res, "sparse")) != 0 {
		t.Error("as of a day: want P-2 built, and no note of the sparse checkout")
	}
}
