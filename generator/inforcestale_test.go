package generator_test

import (
	"fmt"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/model"
)

// The version in force of a draft, shown from git, may link to a file
// deleted since (a document withdrawn). The draft cannot change that
// text: the link was a build error that no edit of the files on disk
// could fix, and the draft had already dropped it. The link's text is
// shown without a link, with a warning at the draft's status line.
func TestVersionInForceLinksToAFileDeletedSince(t *testing.T) {
	r := inForceRepo(t, "en", false)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// in the history: 1.3 of P-6 links to P-7's file; P-7 is deleted
	must(r.Write("content/p7.md", inForceDoc("P-7", "Old rules", "1.0", "approved", "internal", "1.0")))
	must(r.Write("content/p6.md", inForceDoc("P-6", "Rules", "1.3", "approved", "internal", "1.3")+"See [the old rules](p7.md).\n"))
	if _, err := r.Commit("2026-02-10T10:00:00+08:00", "Controller", "approve P-6"); err != nil {
		t.Fatal(err)
	}
	must(r.Remove("content/p7.md"))
	draft := inForceDoc("P-6", "Rules", "1.4", "draft", "internal", "1.3", "1.4") + "The old rules are gone.\n"
	must(r.Write("content/p6.md", draft))
	tree, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 5}})
	status := strings.Count(draft[:strings.Index(draft, "status = ")], "\n") + 1
	want := fmt.Sprintf(`content/p6.md:%d: warning: the version in force, shown from git, has a link that no longer leads anywhere (broken link: "p7.md" names content/p7.md, which does not exist): its text is shown without a link`, status)
	if !hasDiag(res.Diagnostics, want) {
		t.Errorf("no %q in:\n%v", want, res.Diagnostics)
	}
	page := string(tree["docs/P-6/index.html"])
	if !strings.Contains(page, "See the old rules.") {
		t.Errorf("the page does not show the link's text alone:\n%s", page)
	}
}

// The same of the ids its front matter names: the version in force
// names a document renumbered since in related, which the draft
// corrected. The build fails on nothing the controller can edit.
func TestVersionInForceNamesAnIDChangedSince(t *testing.T) {
	r := inForceRepo(t, "en", false)
	withRelated := func(text, id string) string {
		return strings.Replace(text, "approved = 2026-01-01\n", "approved = 2026-01-01\nrelated = [\""+id+"\"]\n", 1)
	}
	r.MustWrite("content/p7.md", inForceDoc("P-7", "Other rules", "1.0", "approved", "internal", "1.0"))
	r.MustWrite("content/p6.md", withRelated(inForceDoc("P-6", "Rules", "1.3", "approved", "internal", "1.3"), "P-7"))
	r.MustCommit("2026-02-10T10:00:00+08:00", "Controller", "approve P-6")
	r.MustWrite("content/p7.md", inForceDoc("P-70", "Other rules", "1.1", "approved", "internal", "1.0", "1.1"))
	draft := withRelated(inForceDoc("P-6", "Rules", "1.4", "draft", "internal", "1.3", "1.4"), "P-70")
	r.MustWrite("content/p6.md", draft)
	r.MustCommit("2026-02-20T10:00:00+08:00", "Controller", "renumber P-7")
	_, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 5}})
	if res.Diagnostics.HasErrors() {
		t.Fatalf("errors:\n%v", res.Diagnostics)
	}
	want := `warning: the version in force, shown from git, names "P-7" in related, which no document has now: it is shown without a link`
	if !strings.Contains(fmt.Sprint(res.Diagnostics), want) {
		t.Errorf("no %q in:\n%v", want, res.Diagnostics)
	}
}
