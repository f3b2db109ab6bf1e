package hostile_test

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"ismsgen/generator/internal/gitfixture"
)

// A version approved while confidential and lowered to internal later
// without a new version is published with the warning's banner, but its
// text as approved, above the ceiling, has no page of what changed
// since: nothing of it appears anywhere.
func TestSinceApprovalAboveCeiling(t *testing.T) {
	repo := gitfixture.New(t)
	for _, step := range []struct{ when, class, body string }{
		{"2026-01-10T10:00:00Z", "confidential", "qzsecret approved body.\n"},
		{"2026-02-10T10:00:00Z", "internal", "Lowered and rewritten.\n"},
	} {
		if err := repo.Write("isms.toml", baseConfig); err != nil {
			t.Fatal(err)
		}
		if err := repo.Write("content/tier2/p.md", doc("H-P-001", "Lowered", `classification = "`+step.class+`"`, step.body)); err != nil {
			t.Fatal(err)
		}
		if _, err := repo.Commit(step.when, "Controller", "step"); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(t.TempDir(), "public")
	warnings := mustBuild(t, options(repo.Dir, dest))
	if !slices.ContainsFunc(warnings, func(w string) bool {
		return strings.Contains(w, "content/tier2/p.md:6:") && strings.Contains(w, "changed")
	}) {
		t.Errorf("no changed-after-approval warning at the version line: %q", warnings)
	}
	out := readTree(t, dest)
	if out["docs/H-P-001/index.html"] == nil {
		t.Fatal("the document is not published")
	}
	if out["docs/H-P-001/since-approval/index.html"] != nil {
		t.Error("a page shows the text approved above the ceiling")
	}
	for name, data := range out {
		if bytes.Contains(data, []byte("qzsecret")) || bytes.Contains(data, []byte("since-approval/")) {
			t.Errorf("%s holds a trace of the text approved above the ceiling", name)
		}
	}
}
