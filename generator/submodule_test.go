package generator_test

import (
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// A submodule in content/ (a supplier's documents kept in a repository
// of their own) holds files whose history the site's repository does
// not: its documents were published without earlier versions and
// without a word, and the site as of a day, made from git's commit,
// which names the submodule's commit and not its files, left them out
// without one. One note says so, in each build.
func TestSubmoduleInContent(t *testing.T) {
	sub := gitfixture.New(t)
	sub.MustWrite("x1.md", strings.ReplaceAll(filterDoc("1.0", "External text.", "1.0"), "P-1", "X-1"))
	sub.MustCommit("2026-01-01T09:00:00+08:00", "Author", "external")

	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"zh-CN\"\n[[departments]]\nid = \"isd\"\n")
	r.MustWrite("content/p1.md", filterDoc("1.0", "Text.", "1.0"))
	if err := r.Git(nil, "-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.Dir, "content/ext"); err != nil {
		t.Fatal(err)
	}
	r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "first")

	tree, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 1}})
	if tree["docs/X-1/index.html"] == nil {
		t.Error("X-1, in the submodule, is not published")
	}
	if notes := notesAbout(res, "submodule"); len(notes) != 1 || !strings.Contains(notes[0], "content/ext") {
		t.Errorf("notes %q, want one that the history of content/ext is not read", notes)
	}
	untranslated(t, res)

	_, res = historyBuild(t, r.Dir, generator.Options{AsOf: model.Date{Year: 2026, Month: 1, Day: 2}})
	if notes := notesAbout(res, "submodule"); len(notes) != 1 || !strings.Contains(notes[0], "content/ext") || !strings.Contains(notes[0], "leaves out") {
		t.Errorf("as of a day: notes %q, want one that content/ext is left out", notes)
	}
	untranslated(t, res)
}
