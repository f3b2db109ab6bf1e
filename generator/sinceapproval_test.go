package generator_test

import (
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// A version whose text changed after its approval, in a commit or only
// on disk, has a page of what changed since, from the text as approved
// (the last commit before the change, the review dates of a later
// commit kept) to the text now; the banner and the revision history
// link to it. A document whose text did not change has none.
func TestSinceApproval(t *testing.T) {
	r := gitfixture.New(t)
	write := r.MustWrite
	commit := func(when string) string { return r.MustCommit(when, "Controller", "step") }
	write("isms.toml", "title = \"T\"\nlanguage = \"en\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n")
	write("content/p.md", movedDoc("ISMS-P-001", "Committed", "1.0", "internal", "", "1.0")+"\nThe approved rule.\n")
	write("content/q.md", movedDoc("ISMS-P-002", "On disk", "1.0", "internal", "", "1.0")+"\nAnother rule.\n")
	write("content/same.md", movedDoc("ISMS-P-003", "Unchanged", "1.0", "internal", "", "1.0"))
	commit("2026-01-05T10:00:00Z")
	write("content/p.md", movedDoc("ISMS-P-001", "Committed", "1.0", "internal", "last_reviewed = 2026-02-01\n", "1.0")+"\nThe approved rule.\n")
	reviewed := commit("2026-02-01T10:00:00Z")
	write("content/p.md", movedDoc("ISMS-P-001", "Committed", "1.0", "internal", "last_reviewed = 2026-02-01\n", "1.0")+"\nThe approved rule, qzedited later.\n")
	edited := commit("2026-03-01T10:00:00Z")
	write("content/q.md", movedDoc("ISMS-P-002", "On disk", "1.0", "internal", "", "1.0")+"\nAnother rule, qzedited on disk.\n")

	dest := filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(generator.Options{Source: r.Dir, Dest: dest, Now: model.Date{Year: 2026, Month: 3, Day: 2}, Defaults: defaults()})
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diagnostics.Errors())
	}
	out := readTree(t, dest)
	for _, c := range []struct {
		id       string
		want     []string // on the page of what changed since approval
		from, to string   // the commits compared
	}{
		{"ISMS-P-001", []string{"Changes to version 1.0 since its approval", "Version 1.0 as approved", `<ins class="diff-ins">, qzedited later</ins>`}, reviewed, edited},
		{"ISMS-P-002", []string{"the current file (not yet committed)", `<ins class="diff-ins">, qzedited on disk</ins>`}, "", ""},
	} {
		page := string(out["docs/"+c.id+"/since-approval/index.html"])
		if page == "" {
			t.Errorf("%s: no page of what changed since approval", c.id)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: the page of what changed since approval lacks %q:\n%s", c.id, w, page[strings.Index(page, "diff--body"):])
			}
		}
		if c.from != "" && (!strings.Contains(page, c.from[:10]) || !strings.Contains(page, c.to[:10])) {
			t.Errorf("%s: the page does not compare commit %.10s with %.10s", c.id, c.from, c.to)
		}
		doc := string(out["docs/"+c.id+"/index.html"])
		if strings.Count(doc, `since-approval/"`) != 2 {
			t.Errorf("%s: the banner and the revision history do not both link to what changed since approval", c.id)
		}
	}
	for name := range out {
		if strings.Contains(name, "ISMS-P-003/since-approval") {
			t.Errorf("%s: a document whose text did not change has a page of changes since approval", name)
		}
	}
	// The pack of the day holds the page beside the document, and the
	// banner's link points at it.
	pack := packAsOf(t, r.Dir, model.Date{Year: 2026, Month: 3, Day: 1})
	since := pack["documents/since-approval/ISMS-P-001.html"]
	if !strings.Contains(string(since), `<ins class="diff-ins">, qzedited later</ins>`) {
		t.Error("the pack lacks what changed in ISMS-P-001 since its approval")
	}
	if !strings.Contains(string(pack["documents/ISMS-P-001.html"]), `href="../documents/since-approval/ISMS-P-001.html"`) {
		t.Error("the pack's ISMS-P-001 does not link what changed since its approval")
	}
	if pack["documents/since-approval/ISMS-P-003.html"] != nil {
		t.Error("the pack holds changes since approval of a document whose text did not change")
	}
	for _, f := range []string{"sitemap.xml", "feed.xml"} {
		if strings.Contains(string(out[f]), "since-approval") {
			t.Errorf("%s lists a page of what changed since approval", f)
		}
	}
}
