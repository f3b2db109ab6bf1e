package generator_test

import (
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// After a correction that is not material (material = false), the feed
// announces the last material version as git holds it: the date it took
// effect, its title and its approver, not the correction's approver and
// title, nor the date of its [[history]] entry.
func TestFeedAnnouncesTheMaterialVersionAsApproved(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\n\n[approvers]\ntier2 = [\"CEO\", \"CISO\"]\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n")
	doc := func(title, approver, version, dates, history, body string) string {
		return "+++\nid = \"ISMS-P-001\"\ntitle = \"" + title + "\"\ntier = 2\ntype = \"procedure\"\nowners = [\"isd\"]\nauthor = \"Alice\"\nstatus = \"approved\"\napprover = \"" + approver + "\"\nversion = \"" + version + "\"\n" + dates +
			"\n[[history]]\nversion = \"1.0\"\ndate = 2026-01-10\nsummary = \"First issue\"\n" + history + "+++\n\n" + body + "\n"
	}
	r.MustWrite("content/p/a.md", doc("Access control", "CEO", "1.0", "approved = 2026-01-10\neffective = 2026-01-15\n", "", "Access is granted by the owner."))
	r.MustCommit("2026-01-10T10:00:00+08:00", "Controller", "ISMS-P-001 1.0")
	r.MustWrite("content/p/a.md", doc("Access control procedure", "CISO", "1.1", "approved = 2026-02-10\n",
		"\n[[history]]\nversion = \"1.1\"\ndate = 2026-02-10\nsummary = \"Typo\"\nmaterial = false\n", "Access is granted by its owner."))
	r.MustCommit("2026-02-10T10:00:00+08:00", "Controller", "ISMS-P-001 1.1")

	dest := filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(generator.Options{Source: r.Dir, Dest: dest, Now: model.Date{Year: 2026, Month: 3, Day: 20}, Defaults: defaults()})
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diagnostics.Errors())
	}
	feed := string(readTree(t, dest)["feed.xml"])
	for _, want := range []string{
		"<id>urn:ismsgen:ISMS-P-001:1.0</id>",
		"<title>ISMS-P-001 Access control 1.0</title>",
		"<published>2026-01-15T00:00:00Z</published>",
		"<summary>Version 1.0, effective 2026-01-15, approved by CEO. First issue</summary>",
	} {
		if !strings.Contains(feed, want) {
			t.Errorf("feed.xml lacks %s:\n%s", want, feed)
		}
	}
}
