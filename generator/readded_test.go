package generator_test

import (
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
)

// A withdrawn document's id taken again by a new file that this build
// does not publish (a draft, or a document above the ceiling) keeps the
// withdrawn document's tombstone at its URL: the new file leaves no
// trace, and takes nothing away, nor does its deletion since. A build
// that publishes it shows it there instead.
func TestTombstoneOfAnIdTakenByAFileLeftOut(t *testing.T) {
	for _, tc := range []struct {
		name, class, status string
		again               bool // the new file deleted too
	}{
		{"draft", "internal", "draft", false},
		{"confidential", "confidential", "approved", false},
		{"confidential file deleted since", "confidential", "approved", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := gitfixture.New(t)
			r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification_levels = [\"public\", \"internal\", \"confidential\"]\nclassification = \"internal\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n")
			r.MustWrite("content/a.md", strings.Replace(movedDoc("DOC-A", "Access", "1.0", "internal", "", "1.0"), "Text of DOC-A.", "qzfirst text.", 1))
			r.MustWrite("content/b.md", movedDoc("DOC-B", "Backup", "1.0", "internal", "", "1.0"))
			r.MustCommit("2026-01-05T10:00:00Z", "Controller", "first")
			if err := r.Remove("content/a.md"); err != nil {
				t.Fatal(err)
			}
			r.MustCommit("2026-02-01T10:00:00Z", "Controller", "withdraw DOC-A")
			again := movedDoc("DOC-A", "qzagain title", "2.0", tc.class, "", "2.0")
			again = strings.Replace(again, `status = "approved"`, "status = \""+tc.status+"\"", 1)
			r.MustWrite("content/again.md", strings.Replace(again, "Text of DOC-A.", "qzagain text.", 1))
			r.MustCommit("2026-02-20T10:00:00Z", "Controller", "DOC-A again")
			if tc.again {
				if err := r.Remove("content/again.md"); err != nil {
					t.Fatal(err)
				}
				r.MustCommit("2026-02-25T10:00:00Z", "Controller", "withdraw DOC-A again")
			}

			tree, _ := historyBuild(t, r.Dir, generator.Options{})
			page := string(tree["docs/DOC-A/index.html"])
			if !strings.Contains(page, "2026-02-01") || !strings.Contains(string(tree["docs/DOC-A/v/1.0/index.html"]), "qzfirst") {
				t.Errorf("DOC-A, withdrawn, has no tombstone with its last text while a %s takes its id:\n%s", tc.name, page)
			}
			for name, data := range tree {
				if strings.Contains(string(data), "qzagain") {
					t.Errorf("%s shows the %s that took DOC-A's id", name, tc.name)
				}
			}

			opts := generator.Options{Drafts: true, Classification: "confidential"}
			tree, _ = historyBuild(t, r.Dir, opts)
			if !strings.Contains(string(tree["docs/DOC-A/index.html"])+string(tree["docs/DOC-A/v/2.0/index.html"]), "qzagain text") {
				t.Errorf("a build that publishes the %s does not show it at DOC-A's URL", tc.name)
			}
		})
	}
}
