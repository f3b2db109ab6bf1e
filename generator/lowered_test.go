package generator_test

import (
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// A version raise undone with git revert takes the version back down:
// check warns at the version line that a version number only goes up,
// naming the commit that approved the higher one; raised again to the
// same number for another text, it warns that one number names two
// texts. A version put back into force after being made obsolete, a
// text restored exactly (a revert of the revert) and the ordinary
// raises warn of neither.
func TestVersionLoweredByRevert(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n")
	doc := func(id, version, status, approved, body string, history ...string) string {
		var b strings.Builder
		b.WriteString("+++\nid = \"" + id + "\"\ntitle = \"Access\"\ntier = 2\ntype = \"procedure\"\nowners = [\"isd\"]\nauthor = \"Alice\"\napprover = \"CEO\"\n")
		b.WriteString("version = \"" + version + "\"\nstatus = \"" + status + "\"\napproved = " + approved + "\n")
		for _, v := range history {
			b.WriteString("\n[[history]]\nversion = \"" + v + "\"\ndate = " + approved + "\n")
		}
		b.WriteString("+++\n\n" + body + "\n")
		return b.String()
	}
	git := func(args ...string) {
		t.Helper()
		env := []string{"GIT_AUTHOR_NAME=Controller", "GIT_AUTHOR_EMAIL=c@example.com", "GIT_COMMITTER_NAME=Controller", "GIT_COMMITTER_EMAIL=c@example.com",
			"GIT_AUTHOR_DATE=2026-03-10T10:00:00+08:00", "GIT_COMMITTER_DATE=2026-03-10T10:00:00+08:00"}
		if err := r.Git(env, args...); err != nil {
			t.Fatal(err)
		}
	}
	r.MustWrite("content/a.md", doc("ISMS-P-001", "1.0", "approved", "2026-01-10", "Rule one.", "1.0"))
	r.MustWrite("content/b.md", doc("ISMS-P-002", "1.0", "approved", "2026-01-10", "Rule one.", "1.0"))
	r.MustWrite("content/c.md", doc("ISMS-P-003", "1.0", "approved", "2026-01-10", "Rule one.", "1.0"))
	r.MustCommit("2026-01-10T10:00:00+08:00", "Controller", "1.0")
	r.MustWrite("content/a.md", doc("ISMS-P-001", "2.0", "approved", "2026-02-10", "Rule two.", "1.0", "2.0"))
	r.MustWrite("content/b.md", doc("ISMS-P-002", "2.0", "approved", "2026-02-10", "Rule two.", "1.0", "2.0"))
	r.MustWrite("content/c.md", doc("ISMS-P-003", "1.0", "obsolete", "2026-01-10", "Rule one.", "1.0"))
	raised := r.MustCommit("2026-02-10T10:00:00+08:00", "Controller", "2.0")
	git("revert", "--no-edit", "HEAD")
	// ISMS-P-002 is raised again to 2.0, with another text; ISMS-P-003 is
	// back in force.
	r.MustWrite("content/b.md", doc("ISMS-P-002", "2.0", "approved", "2026-03-20", "Rule two, redone.", "1.0", "2.0"))
	r.MustCommit("2026-03-20T10:00:00+08:00", "Controller", "2.0 again")

	now := model.Date{Year: 2026, Month: 3, Day: 25}
	res, err := generator.Check(generator.Options{Source: r.Dir, Now: now, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range res.Diagnostics {
		if d.Code == "version-lowered" || d.Code == "version-reused" {
			got = append(got, d.String())
		}
	}
	want := []string{
		`content/a.md:9: warning: version "1.0" is lower than version "2.0", approved before it in commit ` + raised[:10] + ` (2026-02-10, Controller): a version number only goes up`,
		`content/b.md:9: warning: version "2.0" was approved before for another text, in commit ` + raised[:10] + ` (2026-02-10, Controller), and version "1.0" came after it: one number names two texts`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Restoring the 2.0 text of ISMS-P-001 exactly (as a revert of the
	// revert does): one number, one text.
	r.MustWrite("content/a.md", doc("ISMS-P-001", "2.0", "approved", "2026-02-10", "Rule two.", "1.0", "2.0"))
	r.MustCommit("2026-03-22T10:00:00+08:00", "Controller", "Reapply 2.0")
	res, err = generator.Check(generator.Options{Source: r.Dir, Now: now, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diagnostics {
		if d.File == "content/a.md" && (d.Code == "version-lowered" || d.Code == "version-reused") {
			t.Errorf("a text restored exactly is warned of: %s", d)
		}
	}
}
