package generator_test

import (
	"fmt"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// rewrittenSite is a scripted repository whose document P-1, approved
// as 1.0 in a.md, is moved to b.md and rewritten in one commit (git sees
// a.md deleted and b.md added), as version, with history's entries.
func rewrittenSite(t *testing.T, version string, history ...string) string {
	t.Helper()
	r := gitfixture.New(t)
	doc := func(version, body string, history ...string) string {
		var b strings.Builder
		fmt.Fprintf(&b, "+++\nid = \"P-1\"\ntitle = \"Access control\"\ntier = 2\nversion = %q\nstatus = \"approved\"\nowners = [\"isd\"]\nauthor = \"Author\"\napprover = \"Approver\"\napproved = 2026-01-01\nnext_review = 2027-01-01\n", version)
		for _, v := range history {
			fmt.Fprintf(&b, "\n[[history]]\nversion = %q\n", v)
		}
		return b.String() + "+++\n\n" + strings.Repeat(body+"\n", 15)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(r.Write("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n"))
	must(r.Write("content/a.md", doc("1.0", "Passwords have twelve characters at least.", "1.0")))
	_, err := r.Commit("2026-01-01T10:00:00+08:00", "Author", "approve")
	must(err)
	must(r.Remove("content/a.md"))
	must(r.Write("content/b.md", doc(version, "Accounts are granted by the owner of the system and revoked on leaving.", history...)))
	_, err = r.Commit("2026-02-01T10:00:00+08:00", "Editor", "move and rewrite")
	must(err)
	return r.Dir
}

// A document moved and rewritten in one commit keeps its history.
func TestMovedAndRewrittenDocument(t *testing.T) {
	now := model.Date{Year: 2026, Month: 3, Day: 1}
	_, res := historyBuild(t, rewrittenSite(t, "1.0", "1.0"), generator.Options{Now: now})
	var warned bool
	for _, d := range res.Diagnostics {
		if d.Code == "changed-after-approval" && d.File == "content/b.md" && d.Line == 5 {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no changed-after-approval at content/b.md:5; diagnostics %v", res.Diagnostics)
	}

	tree, res := historyBuild(t, rewrittenSite(t, "1.1", "1.0", "1.1"), generator.Options{Now: now})
	page, ok := tree["docs/P-1/v/1.0/index.html"]
	if !ok || !strings.Contains(string(page), "Passwords have twelve characters") {
		t.Errorf("docs/P-1/v/1.0/ missing or without 1.0's text")
	}
	for _, d := range res.Diagnostics {
		if d.Code == "changed-after-approval" {
			t.Errorf("unexpected %v", d)
		}
	}
}
