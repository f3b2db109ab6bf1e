package generator_test

import (
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// thenDoc is an approved document's text that names no classification.
func thenDoc(id, version, status, words string, history ...string) string {
	text := inForceDoc(id, "Title of "+id, version, status, "", history...)
	text = strings.Replace(text, "classification = \"\"\n", "", 1)
	return strings.Replace(text, "The text of version", words+" The text of version", 1)
}

// An earlier text that names no classification is judged by the default
// of the isms.toml of its own commit, as the site that published it then
// judged it, not by today's: a version that was above the ceiling then
// appears nowhere (no page, no changes, no tombstone, not as the version
// in force under a draft, not as the text approved of one changed
// since), and one that was below it shows the
// classification it had.
func TestEarlierVersionsTakeTheirCommitsDefaultClassification(t *testing.T) {
	r := gitfixture.New(t)
	write := r.MustWrite
	commit := func(when, msg string) { r.MustCommit(when, "Controller", msg) }
	config := func(def string) string {
		return "title = \"T\"\nlanguage = \"en\"\nclassification_levels = [\"public\", \"internal\", \"secret\"]\nclassification = \"internal\"\ndefault_classification = \"" + def + "\"\n[[departments]]\nid = \"isd\"\n"
	}
	write("isms.toml", config("public"))
	write("content/p1.md", thenDoc("P-1", "0.9", "approved", "Open wording.", "0.9"))
	commit("2025-12-01T10:00:00+08:00", "approve P-1 0.9")
	write("isms.toml", config("secret"))
	write("content/p1.md", thenDoc("P-1", "1.0", "approved", "Walrus wording.", "0.9", "1.0"))
	write("content/p7.md", thenDoc("P-7", "1.0", "approved", "Walrus seven.", "1.0"))
	write("content/p8.md", thenDoc("P-8", "1.0", "approved", "Walrus eight.", "1.0"))
	write("content/p9.md", thenDoc("P-9", "1.0", "approved", "Walrus nine.", "1.0"))
	write("content/p6.md", thenDoc("P-6", "1.0", "approved", "Walrus six.", "1.0"))
	commit("2026-01-01T10:00:00+08:00", "approve 1.0 while the default was secret")
	write("isms.toml", config("internal"))
	write("content/p1.md", thenDoc("P-1", "1.1", "approved", "Kept wording.", "0.9", "1.0", "1.1"))
	write("content/p7.md", thenDoc("P-7", "1.1", "approved", "Kept seven.", "1.0", "1.1"))
	write("content/p8.md", thenDoc("P-8", "1.1", "draft", "Quagga eight.", "1.0", "1.1"))
	write("content/p6.md", thenDoc("P-6", "1.0", "approved", "Edited six.", "1.0")) // changed after approval
	if err := r.Remove("content/p9.md"); err != nil {
		t.Fatal(err)
	}
	commit("2026-02-01T10:00:00+08:00", "default internal; withdraw P-9")
	write("content/p7.md", thenDoc("P-7", "2.0", "draft", "Quagga seven.", "1.0", "1.1", "2.0"))

	tree, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 5}})
	for _, page := range []string{"docs/P-1/index.html", "docs/P-1/v/0.9/index.html", "docs/P-7/index.html"} {
		if tree[page] == nil {
			t.Errorf("%s is not written", page)
		}
	}
	if p := string(tree["docs/P-7/index.html"]); !strings.Contains(p, "Kept seven.") {
		t.Errorf("docs/P-7/ does not show version 1.1, in force:\n%s", p)
	}
	if p := string(tree["docs/P-1/v/0.9/index.html"]); !strings.Contains(p, "Open wording.") || !strings.Contains(p, ">Public<") {
		t.Errorf("docs/P-1/v/0.9/ does not show its text as public, its default then:\n%s", p)
	}
	for name := range tree {
		if strings.HasPrefix(name, "docs/P-8/") || strings.HasPrefix(name, "docs/P-9/") || strings.HasPrefix(name, "docs/P-1/v/1.0/") || strings.HasPrefix(name, "docs/P-6/since-approval/") {
			t.Errorf("%s: a version above the ceiling by its commit's default is published", name)
		}
	}
	noTrace(t, tree, "Walrus", "Quagga")
	for _, d := range res.Diagnostics {
		if d.Code == "revision-unpublished" {
			t.Errorf("P-8 had no version published, yet: %s", d)
		}
	}
	files := packAsOf(t, r.Dir, model.Date{Year: 2026, Month: 2, Day: 20})
	noTrace(t, files, "Walrus", "Quagga")
}
