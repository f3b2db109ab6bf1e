package generator_test

import (
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// A new document given the id of a withdrawn one takes its URL and the
// links to it, and the tombstone goes: check warns at its id line,
// naming the commit that withdrew the other. A withdrawn document put
// back under its id and title, and an id whose document was never
// published (a draft deleted), are not warned of.
func TestWithdrawnIDTakenByAnotherDocument(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n")
	doc := func(id, title, status, body string) string {
		return "+++\nid = \"" + id + "\"\ntitle = \"" + title + "\"\ntier = 2\ntype = \"procedure\"\nowners = [\"isd\"]\nauthor = \"Alice\"\napprover = \"CEO\"\nversion = \"1.0\"\nstatus = \"" + status + "\"\napproved = 2026-01-10\n\n[[history]]\nversion = \"1.0\"\ndate = 2026-01-10\n+++\n\n" + body + "\n"
	}
	r.MustWrite("content/backup.md", doc("ISMS-P-002", "Backup", "approved", "Back up daily."))
	r.MustWrite("content/access.md", doc("ISMS-P-003", "Access", "approved", "Grant access."))
	r.MustWrite("content/draft.md", doc("ISMS-P-004", "Draft", "draft", "Not yet."))
	r.MustCommit("2026-01-10T10:00:00+08:00", "Controller", "first issue")
	for _, p := range []string{"content/backup.md", "content/access.md", "content/draft.md"} {
		r.MustRemove(p)
	}
	withdrawn := r.MustCommit("2026-02-10T10:00:00+08:00", "Controller", "withdraw")
	r.MustWrite("content/vendors.md", doc("ISMS-P-002", "Supplier security", "approved", "Assess suppliers."))
	r.MustWrite("content/access-again.md", doc("ISMS-P-003", "Access", "approved", "Grant access, again."))
	r.MustWrite("content/other.md", doc("ISMS-P-004", "Other", "approved", "Other."))
	r.MustCommit("2026-03-10T10:00:00+08:00", "Controller", "new documents")

	res, err := generator.Check(generator.Options{Source: r.Dir, Now: model.Date{Year: 2026, Month: 3, Day: 20}, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range res.Diagnostics {
		if d.Code == "id-reused" {
			got = append(got, d.String())
		}
	}
	want := `content/vendors.md:2: warning: id ISMS-P-002 was the id of another document, version 1.0, withdrawn in commit ` + withdrawn[:10] + ` (2026-02-10, Controller): this one takes its URL and every link to it, and its tombstone and last text are no longer shown`
	if strings.Join(got, "\n") != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}

	// Written but not committed yet: check warns before the commit.
	r.MustRemove("content/vendors.md")
	r.MustCommit("2026-03-11T10:00:00+08:00", "Controller", "withdraw again")
	r.MustWrite("content/cloud.md", doc("ISMS-P-002", "Cloud security", "approved", "Assess clouds."))
	if res, err = generator.Check(generator.Options{Source: r.Dir, Now: model.Date{Year: 2026, Month: 3, Day: 20}, Defaults: defaults()}); err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, d := range res.Diagnostics {
		if d.Code == "id-reused" {
			got = append(got, d.String())
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "content/cloud.md:2: warning: id ISMS-P-002 was the id of another document") {
		t.Errorf("a withdrawn id taken by a file not committed yet: %q", got)
	}
}
