package generator_test

import (
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// A version that git holds only as a draft was never published: no
// department holds a copy to withdraw, so neither the withdrawal lists
// nor the approvals report name it. The version in force before it is
// the one withdrawn.
func TestWithdrawalsLeaveOutNeverPublishedVersions(t *testing.T) {
	r := gitfixture.New(t)
	write := r.MustWrite
	commit := func(when string) { r.MustCommit(when, "Controller", "step") }
	draft := func(doc string) string {
		return strings.Replace(doc, `status = "approved"`, `status = "draft"`, 1)
	}
	write("isms.toml", "title = \"T\"\nlanguage = \"en\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n")
	write("content/p.md", draft(movedDoc("ISMS-P-001", "First", "0.9", "internal", "", "0.9")))
	write("content/q.md", movedDoc("ISMS-P-002", "Second", "1.0", "internal", "", "1.0"))
	commit("2026-01-05T10:00:00Z")
	write("content/p.md", movedDoc("ISMS-P-001", "First", "1.0", "internal", "", "0.9", "1.0"))
	write("content/q.md", draft(movedDoc("ISMS-P-002", "Second", "1.1", "internal", "", "1.0", "1.1")))
	commit("2026-02-01T10:00:00Z")
	write("content/q.md", movedDoc("ISMS-P-002", "Second", "2.0", "internal", "", "1.0", "1.1", "2.0"))
	commit("2026-03-01T10:00:00Z")

	dest := filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(generator.Options{Source: r.Dir, Dest: dest, Now: model.Date{Year: 2026, Month: 3, Day: 2}, Defaults: defaults()})
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diagnostics.Errors())
	}
	out := readTree(t, dest)
	for _, page := range []string{"distribution/isd/withdrawn/index.html", "approvals/index.html"} {
		text := string(out[page])
		if text == "" {
			t.Fatalf("no %s", page)
		}
		for _, never := range []string{"0.9", "1.1"} {
			if strings.Contains(text, never) {
				t.Errorf("%s names version %s, which was only ever a draft", page, never)
			}
		}
	}
	if !strings.Contains(string(out["distribution/isd/withdrawn/index.html"]), "1.0") {
		t.Error("the withdrawal list lacks ISMS-P-002 1.0, replaced by 2.0")
	}
}
