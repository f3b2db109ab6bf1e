package generator_test

import (
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// A branch that approved 1.1 and then 1.2, brought into main by a squash
// merge (one commit, no second parent): main never held 1.1's text. Its
// [[history]] entry has no page, and the changes of 1.2 are shown from
// 1.0, the version before it that git holds, rather than not at all. A
// version kept before the document was in git (0.9) still gives the
// first version git holds no changes page.
func TestSquashMergedVersions(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n")
	doc := func(version, approved, body string, history ...string) string {
		var b strings.Builder
		b.WriteString("+++\nid = \"ISMS-P-001\"\ntitle = \"Access\"\ntier = 2\ntype = \"procedure\"\nowners = [\"isd\"]\nauthor = \"Alice\"\napprover = \"CEO\"\n")
		b.WriteString("version = \"" + version + "\"\nstatus = \"approved\"\napproved = " + approved + "\n")
		for _, v := range history {
			b.WriteString("\n[[history]]\nversion = \"" + v + "\"\ndate = " + approved + "\n")
		}
		b.WriteString("+++\n\n" + body + "\n")
		return b.String()
	}
	git := func(when string, args ...string) {
		t.Helper()
		env := []string{"GIT_AUTHOR_NAME=Controller", "GIT_AUTHOR_EMAIL=c@example.com", "GIT_COMMITTER_NAME=Controller", "GIT_COMMITTER_EMAIL=c@example.com",
			"GIT_AUTHOR_DATE=" + when, "GIT_COMMITTER_DATE=" + when}
		if err := r.Git(env, args...); err != nil {
			t.Fatal(err)
		}
	}
	r.MustWrite("content/a.md", doc("1.0", "2026-01-10", "Rule qzone.", "0.9", "1.0"))
	r.MustCommit("2026-01-10T10:00:00+08:00", "Controller", "1.0")
	git("2026-01-10T10:00:00+08:00", "checkout", "-q", "-b", "revise")
	r.MustWrite("content/a.md", doc("1.1", "2026-02-01", "Rule qztwo.", "0.9", "1.0", "1.1"))
	r.MustCommit("2026-02-01T10:00:00+08:00", "Controller", "1.1")
	r.MustWrite("content/a.md", doc("1.2", "2026-02-05", "Rule qzthree.", "0.9", "1.0", "1.1", "1.2"))
	r.MustCommit("2026-02-05T10:00:00+08:00", "Controller", "1.2")
	git("2026-02-10T10:00:00+08:00", "checkout", "-q", "main")
	git("2026-02-10T10:00:00+08:00", "merge", "-q", "--squash", "revise")
	git("2026-02-10T10:00:00+08:00", "branch", "-q", "-D", "revise")
	r.MustCommit("2026-02-10T10:00:00+08:00", "Controller", "1.1 and 1.2, squashed")

	dest := filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(generator.Options{Source: r.Dir, Dest: dest, Now: model.Date{Year: 2026, Month: 3, Day: 1}, Defaults: defaults()})
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diagnostics.Errors())
	}
	out := readTree(t, dest)
	changes := string(out["docs/ISMS-P-001/changes/1.2/index.html"])
	for _, want := range []string{"Changes from version 1.0 to 1.2", "qzone", "qzthree"} {
		if !strings.Contains(changes, want) {
			t.Errorf("changes/1.2/ lacks %q", want)
		}
	}
	if !strings.Contains(string(out["docs/ISMS-P-001/index.html"]), `href="changes/1.2/"`) {
		t.Error("the document's page does not link the changes of 1.2")
	}
	for _, name := range []string{"docs/ISMS-P-001/v/1.1/index.html", "docs/ISMS-P-001/changes/1.1/index.html", "docs/ISMS-P-001/changes/1.0/index.html"} {
		if _, ok := out[name]; ok {
			t.Errorf("%s: a page of a version git holds no text of, or of its changes", name)
		}
	}
}
