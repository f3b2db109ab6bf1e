package hostile_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator/internal/gitfixture"
)

// An id that only git knows — a document deleted while above the ceiling
// or a draft, one whose last text before its deletion was confidential,
// the old id of a document that is confidential now — is left out like
// the documents of the set, also one that only the head commit has (a
// file deleted or renumbered on disk, not yet committed): the pages that
// show an earlier version's Markdown and front matter as written (what
// changed) mask it too.
func TestWithheldHistoryIDs(t *testing.T) {
	repo := gitfixture.New(t)
	write := repo.MustWrite
	commit := func(when, msg string) { repo.MustCommit(when, "Controller", msg) }
	history := "\n[[history]]\nversion = \"1.0\"\ndate = 2026-01-10\nsummary = \"first\"\n"
	hub := func(version, extra, body string) string {
		h := history
		if version == "1.1" {
			h += "\n[[history]]\nversion = \"1.1\"\ndate = 2026-02-10\nsummary = \"second\"\n"
		}
		return strings.Replace(doc("H-P-001", "Hub", extra+h, body), `version = "1.0"`, `version = "`+version+`"`, 1)
	}
	write("isms.toml", baseConfig)
	write("content/tier2/conf.md", doc("QZGONE-C-1", "qzgone conf", `classification = "confidential"`, "qzgone body.\n"))
	write("content/tier2/draft.md", strings.Replace(doc("QZGONE-D-1", "qzgone draft", "", "qzgone body.\n"), `status = "approved"`, `status = "draft"`, 1))
	write("content/tier2/later.md", doc("QZGONE-L-1", "qzgone later", `classification = "public"`, "Public then.\n"))
	write("content/tier2/renamed.md", doc("QZGONE-OLD-1", "qzgone renamed", `classification = "public"`, "Public then.\n"))
	write("content/tier2/ondisk.md", doc("QZGONE-DISK-1", "qzgone on disk", `classification = "confidential"`, "Deleted, not yet committed.\n"))
	write("content/tier2/idondisk.md", doc("QZGONE-WAS-1", "qzgone id", `classification = "confidential"`, "Renumbered, not yet committed.\n"))
	write("content/tier2/hub.md", hub("1.0", `related = ["QZGONE-C-1", "QZGONE-L-1"]`,
		"Hello [](QZGONE-C-1), [x](QZGONE-D-1), [](qzgone&#45;l-1#part), <QZGONE-OLD-1>, [](QZGONE-DISK-1), [](QZGONE-WAS-1).\n\n[r]: QZGONE-C-1\n"))
	commit("2026-01-10T10:00:00Z", "first")

	write("content/tier2/later.md", doc("QZGONE-L-1", "qzgone later", `classification = "confidential"`, "Confidential now.\n"))
	write("content/tier2/renamed.md", doc("QZ-NEW-1", "Renamed", `classification = "confidential"`, "Confidential now.\n"))
	write("content/tier2/hub.md", hub("1.1", "", "Hello.\n"))
	if err := repo.Remove("content/tier2/conf.md"); err != nil {
		t.Fatal(err)
	}
	if err := repo.Remove("content/tier2/draft.md"); err != nil {
		t.Fatal(err)
	}
	commit("2026-02-10T10:00:00Z", "second")
	if err := repo.Remove("content/tier2/later.md"); err != nil {
		t.Fatal(err)
	}
	commit("2026-03-10T10:00:00Z", "third")
	// Changed on disk, not yet committed: git alone knows the ids.
	if err := repo.Remove("content/tier2/ondisk.md"); err != nil {
		t.Fatal(err)
	}
	write("content/tier2/idondisk.md", doc("QZ-NOW-1", "Renumbered", `classification = "confidential"`, "Renumbered.\n"))

	hubChangesHideAll(t, repo.Dir, "qzgone", "a trace of a document that git alone knows")
}

// A confidential document renumbered and then deleted leaves its old id
// in the texts of other documents that named it then: the pages of what
// changed in them, which show their Markdown as written, mask it as
// they mask its last id.
func TestWithheldOldIDOfADeletedDocument(t *testing.T) {
	repo := gitfixture.New(t)
	commit := func(when, msg string) { repo.MustCommit(when, "Controller", msg) }
	hub := func(version, body string) string {
		h := "\n[[history]]\nversion = \"1.0\"\ndate = 2026-01-10\nsummary = \"first\"\n"
		if version == "1.1" {
			h += "\n[[history]]\nversion = \"1.1\"\ndate = 2026-02-10\nsummary = \"second\"\n"
		}
		return strings.Replace(doc("H-P-001", "Hub", h, body), `version = "1.0"`, `version = "`+version+`"`, 1)
	}
	repo.MustWrite("isms.toml", baseConfig)
	repo.MustWrite("content/tier2/conf.md", doc("QZOLD-C-1", "Secret", `classification = "confidential"`, "Secret.\n"))
	repo.MustWrite("content/tier2/hub.md", hub("1.0", "See [](QZOLD-C-1).\n"))
	commit("2026-01-10T10:00:00Z", "first")
	repo.MustWrite("content/tier2/conf.md", doc("QZNEW-C-2", "Secret", `classification = "confidential"`, "Secret.\n"))
	repo.MustWrite("content/tier2/hub.md", hub("1.1", "See nothing.\n"))
	commit("2026-02-10T10:00:00Z", "renumbered")
	repo.MustRemove("content/tier2/conf.md")
	commit("2026-03-10T10:00:00Z", "withdrawn")

	hubChangesHideAll(t, repo.Dir, "qzold", "the old id of a confidential document withdrawn since")
}

// hubChangesHideAll builds the site at dir, which must have the page of
// what changed in H-P-001 1.1, and fails for each file holding token
// (lower case), which is what.
func hubChangesHideAll(t *testing.T, dir, token, what string) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, options(dir, dest))
	out := readTree(t, dest)
	if out["docs/H-P-001/changes/1.1/index.html"] == nil {
		t.Fatal("no page of what changed in 1.1")
	}
	for name, data := range out {
		if bytes.Contains(bytes.ToLower(data), []byte(token)) {
			t.Errorf("%s holds %s", name, what)
		}
	}
}
