package generator_test

import (
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// A file whose text is replaced in one commit by another document's
// (another id, another title, its own history from 1.0 where the old
// was at 1.1: a form reused for a new one) withdrew one document and
// added another, as a rename git finds between two such texts does: the
// old id's page said its number had changed, and the new document was
// warned that its approval date was version 1.1's. A renumbering in
// place (the same title) is still a changed id.
func TestFileReplacedByAnotherDocument(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n")
	doc := func(id, title, version, body string, history ...string) string {
		return strings.Replace(strings.ReplaceAll(filterDoc(version, body, history...), "P-1", id), "Access control", title, 1)
	}
	r.MustWrite("content/f1.md", doc("F-1", "Visitor log", "1.1", "Visitor log text.", "1.0", "1.1"))
	r.MustWrite("content/f2.md", doc("F-2", "Key log", "1.0", "Key log text.", "1.0"))
	r.MustWrite("content/f3.md", doc("F-3", "Badge log", "1.0", "Badge log text.", "1.0"))
	r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "first")
	r.MustWrite("content/f1.md", doc("F-9", "Asset register", "1.0", "Asset register text.", "1.0"))
	r.MustWrite("content/f3.md", doc("ISMS-F-003", "Badge log", "1.0", "Badge log text.", "1.0"))
	replaced := r.MustCommit("2026-01-10T10:00:00+08:00", "Author", "F-1 replaced by F-9, F-3 renumbered")

	for _, opts := range []generator.Options{{Now: model.Date{Year: 2026, Month: 3, Day: 1}}, {AsOf: model.Date{Year: 2026, Month: 3, Day: 1}}} {
		tree, res := historyBuild(t, r.Dir, opts)
		for _, d := range res.Diagnostics.Warnings() {
			if d.File == "content/f1.md" {
				t.Errorf("%v", d)
			}
		}
		if page := string(tree["docs/F-1/index.html"]); !strings.Contains(page, "withdrawn") || !strings.Contains(page, replaced[:10]) {
			t.Errorf("docs/F-1/ is no tombstone withdrawn in commit %s:\n%s", replaced[:10], page)
		}
		if page := string(tree["docs/F-1/v/1.1/index.html"]); !strings.Contains(page, "Visitor log text.") {
			t.Errorf("docs/F-1/v/1.1/ does not show the withdrawn text:\n%s", page)
		}
		if page := string(tree["docs/F-3/index.html"]); !strings.Contains(page, "ISMS-F-003") || strings.Contains(page, "withdrawn") {
			t.Errorf("docs/F-3/ does not say the number changed to ISMS-F-003:\n%s", page)
		}
	}
}
