package generator_test

import (
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// An earlier version whose body was edited after its approval, the
// version raised only later: its page under v/ still shows its last text
// (as the contract says), but says that it changed after approval, names
// the commit that approved it and the one whose text it shows, and links
// what changed since that approval. A review that changed only the
// review dates is no change. An as-approved text above the ceiling
// leaves no trace: the banner stays, the page of its changes does not.
func TestEarlierVersionChangedAfterApproval(t *testing.T) {
	r := gitfixture.New(t)
	write := r.MustWrite
	commit := func(when string) string { return r.MustCommit(when, "Controller", "step") }
	write("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification_levels = [\"public\", \"internal\", \"confidential\"]\nclassification = \"internal\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n")
	write("content/p.md", movedDoc("ISMS-P-001", "Edited", "1.0", "internal", "", "1.0")+"\nThe approved rule.\n")
	write("content/q.md", movedDoc("ISMS-P-002", "Reviewed", "1.0", "internal", "", "1.0")+"\nAnother rule.\n")
	write("content/s.md", movedDoc("ISMS-P-003", "Lowered", "1.0", "confidential", "", "1.0")+"\nThe qzsecret rule.\n")
	write("content/e.md", movedDoc("ISMS-P-004", "In force", "1.0", "internal", "", "1.0")+"\nThe rule in force.\n")
	approved := commit("2026-01-05T10:00:00Z")
	write("content/p.md", movedDoc("ISMS-P-001", "Edited", "1.0", "internal", "last_reviewed = 2026-02-01\n", "1.0")+"\nThe approved rule.\n")
	write("content/q.md", movedDoc("ISMS-P-002", "Reviewed", "1.0", "internal", "last_reviewed = 2026-02-01\n", "1.0")+"\nAnother rule.\n")
	reviewed := commit("2026-02-01T10:00:00Z")
	write("content/p.md", movedDoc("ISMS-P-001", "Edited", "1.0", "internal", "last_reviewed = 2026-02-01\n", "1.0")+"\nThe approved rule, qzedited later.\n")
	write("content/s.md", movedDoc("ISMS-P-003", "Lowered", "1.0", "internal", "", "1.0")+"\nThe public rule.\n")
	write("content/e.md", movedDoc("ISMS-P-004", "In force", "1.0", "internal", "", "1.0")+"\nThe rule in force, qzedited.\n")
	edited := commit("2026-03-01T10:00:00Z")
	for _, f := range []struct{ path, id, title, body string }{
		{"content/p.md", "ISMS-P-001", "Edited", "The approved rule, qzedited later. And more.\n"},
		{"content/q.md", "ISMS-P-002", "Reviewed", "Another rule, revised.\n"},
		{"content/s.md", "ISMS-P-003", "Lowered", "The public rule, revised.\n"},
	} {
		write(f.path, strings.Replace(movedDoc(f.id, f.title, "1.1", "internal", "", "1.0", "1.1"), "approved = 2026-01-05", "approved = 2026-04-01", 1)+"\n"+f.body)
	}
	write("content/e.md", strings.Replace(movedDoc("ISMS-P-004", "In force", "1.1", "internal", "effective = 2026-12-01\n", "1.0", "1.1"), "approved = 2026-01-05", "approved = 2026-04-01", 1)+"\nThe next rule.\n")
	commit("2026-04-01T10:00:00Z")

	dest := filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(generator.Options{Source: r.Dir, Dest: dest, Now: model.Date{Year: 2026, Month: 4, Day: 2}, Defaults: defaults()})
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diagnostics.Errors())
	}
	out := readTree(t, dest)

	page := string(out["docs/ISMS-P-001/v/1.0/index.html"])
	for _, w := range []string{"banner--changed", "changed after approval", approved[:10], edited[:10], `href="since-approval/"`, "qzedited later"} {
		if !strings.Contains(page, w) {
			t.Errorf("the page of version 1.0, edited after approval, lacks %q", w)
		}
	}
	since := string(out["docs/ISMS-P-001/v/1.0/since-approval/index.html"])
	for _, w := range []string{"Changes to version 1.0 since its approval", `<ins class="diff-ins">, qzedited later</ins>`, approved[:10], reviewed[:10], edited[:10]} {
		if !strings.Contains(since, w) {
			t.Errorf("the page of what changed in version 1.0 since its approval lacks %q", w)
		}
	}
	// The changes of 1.1 start from 1.0's last text: they say it changed
	// after its approval, and link what changed.
	if changes := string(out["docs/ISMS-P-001/changes/1.1/index.html"]); !strings.Contains(changes, `href="../../v/1.0/since-approval/"`) {
		t.Error("the changes of version 1.1 do not link what changed in version 1.0 after its approval")
	}

	if page := string(out["docs/ISMS-P-002/v/1.0/index.html"]); page == "" || strings.Contains(page, "banner--changed") {
		t.Error("version 1.0, only reviewed after its approval, is said to have changed (or has no page)")
	}
	if page := string(out["docs/ISMS-P-003/v/1.0/index.html"]); !strings.Contains(page, "banner--changed") || strings.Contains(page, "since-approval") {
		t.Error("version 1.0, approved above the ceiling and changed after, lacks its banner or links the approved text")
	}
	for name, data := range out {
		if strings.Contains(name, "ISMS-P-002/v/1.0/since-approval") || strings.Contains(name, "ISMS-P-003/v/1.0/since-approval") {
			t.Errorf("%s: a page of changes since approval that must not be", name)
		}
		if strings.Contains(string(data), "qzsecret") {
			t.Errorf("%s shows the text approved above the ceiling", name)
		}
		if (name == "sitemap.xml" || name == "feed.xml") && strings.Contains(string(data), "since-approval") {
			t.Errorf("%s lists a page of what changed since approval", name)
		}

	}

	// The evidence pack of a day on which version 1.0 is in force (1.1
	// takes effect later) holds what changed in it since its approval.
	pack := packAsOf(t, r.Dir, model.Date{Year: 2026, Month: 4, Day: 2})
	if !strings.Contains(string(pack["documents/since-approval/ISMS-P-004.html"]), `<ins class="diff-ins">, qzedited</ins>`) {
		t.Error("the pack lacks what changed in ISMS-P-004 1.0, in force, since its approval")
	}
	if !strings.Contains(string(pack["documents/ISMS-P-004.html"]), `href="../documents/since-approval/ISMS-P-004.html"`) {
		t.Error("the pack's ISMS-P-004 1.0 does not link what changed since its approval")
	}
}
