package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// A document whose last text changed after its approval, without a new
// version, and whose file was then deleted: its tombstone's page of that
// text says the text shown is not the one approved, naming both commits,
// as an earlier version's page does. One that was put back into review
// and approved again unchanged, then deleted, says nothing of the kind;
// neither does one deleted as approved.
func TestTombstoneChangedAfterApproval(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n")
	r.MustWrite("content/keep.md", movedDoc("KEEP-1", "Kept rules", "1.0", "internal", "", "1.0"))
	r.MustWrite("content/edited.md", movedDoc("EDIT-2", "Edited rules", "1.0", "internal", "", "1.0"))
	r.MustWrite("content/again.md", movedDoc("AGAIN-3", "Reviewed rules", "1.0", "internal", "", "1.0"))
	r.MustWrite("content/plain.md", movedDoc("PLAIN-4", "Plain rules", "1.0", "internal", "", "1.0"))
	approval := r.MustCommit("2026-01-05T10:00:00+08:00", "Author", "first")
	r.MustWrite("content/edited.md", strings.Replace(movedDoc("EDIT-2", "Edited rules", "1.0", "internal", "", "1.0"), "Text of EDIT-2.", "Text of EDIT-2, edited after approval.", 1))
	r.MustWrite("content/again.md", strings.Replace(movedDoc("AGAIN-3", "Reviewed rules", "1.0", "internal", "", "1.0"), `status = "approved"`, `status = "review"`, 1))
	edit := r.MustCommit("2026-02-01T10:00:00+08:00", "Author", "edit without a new version")
	r.MustWrite("content/again.md", movedDoc("AGAIN-3", "Reviewed rules", "1.0", "internal", "", "1.0"))
	r.MustCommit("2026-02-02T10:00:00+08:00", "Author", "approve again")
	r.MustRemove("content/edited.md")
	r.MustRemove("content/again.md")
	r.MustRemove("content/plain.md")
	r.MustCommit("2026-03-01T10:00:00+08:00", "Author", "withdraw")

	dest := filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(generator.Options{Source: r.Dir, Dest: dest, Defaults: defaults(), Now: model.Date{Year: 2026, Month: 4, Day: 1}})
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatal(err, res.Diagnostics)
	}
	page := func(id string) string {
		data, err := os.ReadFile(filepath.Join(dest, "docs", id, "v", "1.0", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	edited := page("EDIT-2")
	if !strings.Contains(edited, "banner--changed") || !strings.Contains(edited, approval[:10]) || !strings.Contains(edited, edit[:10]) || !strings.Contains(edited, "edited after approval") {
		t.Errorf("EDIT-2's last text: no banner naming the approval %s and the edit %s, or not the last text:\n%s", approval[:10], edit[:10], edited)
	}
	for _, id := range []string{"AGAIN-3", "PLAIN-4"} {
		if strings.Contains(page(id), "banner--changed") {
			t.Errorf("%s's last text is the one approved, but its page says it changed after approval", id)
		}
	}
}
