package generator_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// mergedSite is a repository whose document P-1 was 1.0, then 1.1 on a
// branch (with the classification given), 1.2 on the main line, and
// 1.3 in the merge of the two, both having edited it.
func mergedSite(t *testing.T, branchClass string) *gitfixture.Repo {
	t.Helper()
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification = \"internal\"\n[[departments]]\nid = \"isd\"\n")
	doc := func(version, class, body string, history ...string) string {
		return strings.Replace(filterDoc(version, body, history...), "tier = 2\n", "tier = 2\nclassification = \""+class+"\"\n", 1)
	}
	r.MustWrite("content/p1.md", doc("1.0", "internal", "Marker of the base.", "1.0"))
	r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "1.0")
	git := func(args ...string) error {
		return r.Git([]string{"GIT_AUTHOR_NAME=A", "GIT_AUTHOR_EMAIL=a@example.com", "GIT_COMMITTER_NAME=A", "GIT_COMMITTER_EMAIL=a@example.com",
			"GIT_AUTHOR_DATE=2026-01-15T10:00:00+08:00", "GIT_COMMITTER_DATE=2026-01-15T10:00:00+08:00"}, args...)
	}
	if err := git("checkout", "-q", "-b", "side"); err != nil {
		t.Fatal(err)
	}
	r.MustWrite("content/p1.md", doc("1.1", branchClass, "Marker of the branch.", "1.0", "1.1"))
	r.MustCommit("2026-01-10T10:00:00+08:00", "Author", "1.1 on a branch")
	if err := git("checkout", "-q", "main"); err != nil {
		t.Fatal(err)
	}
	r.MustWrite("content/p1.md", doc("1.2", "internal", "Marker of the main line.", "1.0", "1.2"))
	r.MustCommit("2026-01-12T10:00:00+08:00", "Author", "1.2 on the main line")
	_ = git("merge", "-q", "--no-ff", "side", "-m", "merge") // both edited P-1: a conflict, resolved below
	if _, err := os.Stat(filepath.Join(r.Dir, ".git", "MERGE_HEAD")); err != nil {
		t.Fatal("no merge in progress:", err)
	}
	r.MustWrite("content/p1.md", doc("1.3", "internal", "The merged text.", "1.0", "1.1", "1.2", "1.3"))
	r.MustCommit("2026-01-15T10:00:00+08:00", "Author", "merge")
	return r
}

// A version committed only on a branch that a merge joined to the main
// line has its page, from the branch's last commit of it, and the next
// version its changes from it: it had none and no word. The ceiling
// applies to it as to any earlier version.
func TestHistoryMergedBranchVersion(t *testing.T) {
	now := model.Date{Year: 2026, Month: 3, Day: 1}
	tree, _ := historyBuild(t, mergedSite(t, "internal").Dir, generator.Options{Now: now})
	for name, want := range map[string]string{
		"docs/P-1/v/1.1/index.html":       "Marker of the branch.",
		"docs/P-1/v/1.2/index.html":       "Marker of the main line.",
		"docs/P-1/changes/1.2/index.html": "Marker of the",
	} {
		if !strings.Contains(string(tree[name]), want) {
			t.Errorf("%s missing, or without %q", name, want)
		}
	}

	tree, _ = historyBuild(t, mergedSite(t, "confidential").Dir, generator.Options{Now: now})
	for name, data := range tree {
		if bytes.Contains(data, []byte("Marker of the branch")) || strings.Contains(name, "v/1.1/") {
			t.Errorf("%s shows the confidential version of the branch", name)
		}
	}
	if !strings.Contains(string(tree["docs/P-1/v/1.2/index.html"]), "Marker of the main line.") {
		t.Errorf("docs/P-1/v/1.2/ missing")
	}
}

// An octopus merge joins several branches at once: a version committed
// only on its third branch has its page as one on its second does; it
// had none, and no word.
func TestHistoryMergedOctopus(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification = \"internal\"\n[[departments]]\nid = \"isd\"\n")
	p2 := func(version, body string, history ...string) string {
		return strings.ReplaceAll(filterDoc(version, body, history...), "P-1", "P-2")
	}
	r.MustWrite("content/p1.md", filterDoc("1.0", "Marker of the base.", "1.0"))
	r.MustWrite("content/p2.md", p2("1.0", "Marker of the base.", "1.0"))
	r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "1.0")
	git := gitAt(t, r, "2026-01-15T10:00:00+08:00")
	git("checkout", "-q", "-b", "one")
	r.MustWrite("content/p1.md", filterDoc("1.1", "Marker of branch one.", "1.0", "1.1"))
	r.MustCommit("2026-01-03T10:00:00+08:00", "Author", "P-1 1.1")
	r.MustWrite("content/p1.md", filterDoc("1.2", "Marker of branch one again.", "1.0", "1.1", "1.2"))
	r.MustCommit("2026-01-04T10:00:00+08:00", "Author", "P-1 1.2")
	git("checkout", "-q", "-b", "two", "main")
	r.MustWrite("content/p2.md", p2("1.1", "Marker of branch two.", "1.0", "1.1"))
	r.MustCommit("2026-01-05T10:00:00+08:00", "Author", "P-2 1.1")
	r.MustWrite("content/p2.md", p2("1.2", "Marker of branch two again.", "1.0", "1.1", "1.2"))
	r.MustCommit("2026-01-06T10:00:00+08:00", "Author", "P-2 1.2")
	git("checkout", "-q", "main")
	git("merge", "-q", "--no-ff", "-m", "octopus", "one", "two")
	if out, _ := r.Output(nil, "rev-list", "--parents", "-n1", "HEAD"); len(strings.Fields(out)) != 4 {
		t.Fatalf("not an octopus merge: %q", out)
	}
	tree, _ := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 1}})
	for name, want := range map[string]string{
		"docs/P-1/v/1.1/index.html":       "Marker of branch one.",
		"docs/P-2/v/1.1/index.html":       "Marker of branch two.",
		"docs/P-2/changes/1.2/index.html": "again",
	} {
		if !strings.Contains(string(tree[name]), want) {
			t.Errorf("%s missing, or without %q", name, want)
		}
	}
}

// A version committed only on a feature branch merged into a develop
// branch, itself merged into the main line (git flow), has its page: only
// the develop branch's own commits were read, and the version had no
// page and no word.
func TestHistoryMergedNested(t *testing.T) {
	r := mergeBase(t, false)
	git := gitAt(t, r, "2026-01-15T10:00:00+08:00")
	git("checkout", "-q", "-b", "develop")
	r.MustWrite("content/p2.md", strings.ReplaceAll(filterDoc("1.0", "Another.", "1.0"), "P-1", "P-2"))
	r.MustCommit("2026-01-02T10:00:00+08:00", "Author", "P-2")
	git("checkout", "-q", "-b", "feature", "main")
	r.MustWrite("content/p1.md", filterDoc("1.1", "Marker of the feature.", "1.0", "1.1"))
	r.MustCommit("2026-01-03T10:00:00+08:00", "Author", "1.1")
	r.MustWrite("content/p1.md", filterDoc("1.2", "Marker of the feature again.", "1.0", "1.1", "1.2"))
	r.MustCommit("2026-01-04T10:00:00+08:00", "Author", "1.2")
	git("checkout", "-q", "develop")
	git("merge", "-q", "--no-ff", "-m", "feature into develop", "feature")
	git("checkout", "-q", "main")
	git("merge", "-q", "--no-ff", "-m", "develop into main", "develop")
	tree, _ := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 1}})
	for name, want := range map[string]string{
		"docs/P-1/v/1.1/index.html":       "Marker of the feature.",
		"docs/P-1/changes/1.2/index.html": "again",
	} {
		if !strings.Contains(string(tree[name]), want) {
			t.Errorf("%s missing, or without %q", name, want)
		}
	}
}

// A version approved on a branch and edited there afterwards, the
// version not raised, is changed after approval when the branch is
// merged, as it would be on the main line: the main line saw the
// version first in the merge, with the edit in it, and gave no warning.
// A branch whose version was not edited after its approval gives none.
// A text approved above the ceiling leaves no trace on the page of what
// changed since approval.
func TestChangedAfterApprovalOnAMergedBranch(t *testing.T) {
	for _, tc := range []struct {
		edited bool
		class  string // of the text approved on the branch
	}{{true, "internal"}, {false, "internal"}, {true, "confidential"}} {
		edited := tc.edited
		r := mergeBase(t, true)
		git := gitAt(t, r, "2026-01-20T10:00:00+08:00")
		git("checkout", "-q", "-b", "side")
		r.MustWrite("content/p1.md", strings.Replace(filterDoc("1.1", "Marker as approved.", "1.0", "1.1"), "tier = 2\n", "tier = 2\nclassification = \""+tc.class+"\"\n", 1))
		approval := r.MustCommit("2026-01-10T10:00:00+08:00", "Approver", "1.1 approved")
		if edited {
			r.MustWrite("content/p1.md", filterDoc("1.1", "Marker edited after approval.", "1.0", "1.1"))
			r.MustCommit("2026-01-12T10:00:00+08:00", "Editor", "edit after approval")
		}
		git("checkout", "-q", "main")
		r.MustWrite("content/p2.md", strings.ReplaceAll(filterDoc("1.1", "Another, revised.", "1.0", "1.1"), "P-1", "P-2"))
		r.MustCommit("2026-01-15T10:00:00+08:00", "Author", "P-2 1.1")
		git("merge", "-q", "--no-ff", "-m", "merge", "side")

		tree, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 1}})
		var got []string
		for _, d := range res.Diagnostics {
			if d.Code == "changed-after-approval" {
				got = append(got, d.File+": "+d.Message)
			}
		}
		switch {
		case edited && (len(got) != 1 || !strings.HasPrefix(got[0], "content/p1.md: ") || !strings.Contains(got[0], "2026-01-12, Editor") || !strings.Contains(got[0], approval[:10])):
			t.Errorf("an edit after approval on a merged branch: want one changed-after-approval on content/p1.md naming the edit and the approval %s, got %q", approval[:10], got)
		case !edited && len(got) != 0:
			t.Errorf("a branch approved and merged as approved: want no changed-after-approval, got %q", got)
		}
		page := string(tree["docs/P-1/since-approval/index.html"])
		switch {
		case edited && tc.class == "internal" && !strings.Contains(page, ">as approved</del>"):
			t.Errorf("docs/P-1/since-approval/ does not show the text approved on the branch:\n%s", page)
		case tc.class == "confidential":
			for name, data := range tree {
				if bytes.Contains(data, []byte("Marker as approved")) {
					t.Errorf("%s shows the text approved on the branch above the ceiling", name)
				}
			}
		}
	}
}

// An earlier version approved on a branch and edited there before the
// merge has the page of what changed since its approval, as one edited
// on the main line has: its page showed the edited text as approved.
func TestEarlierVersionChangedOnAMergedBranch(t *testing.T) {
	r := mergeBase(t, false)
	git := gitAt(t, r, "2026-01-20T10:00:00+08:00")
	git("checkout", "-q", "-b", "side")
	r.MustWrite("content/p1.md", filterDoc("1.1", "Marker as approved.", "1.0", "1.1"))
	r.MustCommit("2026-01-10T10:00:00+08:00", "Approver", "1.1 approved")
	r.MustWrite("content/p1.md", filterDoc("1.1", "Marker edited after approval.", "1.0", "1.1"))
	r.MustCommit("2026-01-12T10:00:00+08:00", "Editor", "edit after approval")
	git("checkout", "-q", "main")
	git("merge", "-q", "--no-ff", "-m", "merge", "side")
	r.MustWrite("content/p1.md", filterDoc("1.2", "Marker of 1.2.", "1.0", "1.1", "1.2"))
	r.MustCommit("2026-02-01T10:00:00+08:00", "Author", "1.2")

	tree, _ := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 1}})
	if page := string(tree["docs/P-1/v/1.1/since-approval/index.html"]); !strings.Contains(page, ">as approved</del>") {
		t.Errorf("docs/P-1/v/1.1/since-approval/ missing, or without the text approved on the branch:\n%s", page)
	}
}

// gitAt runs git in r as one author and committer at when, for what
// gitfixture does not script (branches, merges), failing the test when
// git fails.
func gitAt(t *testing.T, r *gitfixture.Repo, when string) func(args ...string) {
	return func(args ...string) {
		t.Helper()
		if err := r.Git([]string{"GIT_AUTHOR_NAME=A", "GIT_AUTHOR_EMAIL=a@example.com", "GIT_COMMITTER_NAME=A", "GIT_COMMITTER_EMAIL=a@example.com",
			"GIT_AUTHOR_DATE=" + when, "GIT_COMMITTER_DATE=" + when}, args...); err != nil {
			t.Fatal(err)
		}
	}
}

// mergeBase is a repository whose first commit, on main, holds the
// site's isms.toml and P-1 at 1.0, and P-2 at 1.0 too with withP2.
func mergeBase(t *testing.T, withP2 bool) *gitfixture.Repo {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification = \"internal\"\n[[departments]]\nid = \"isd\"\n")
	r.MustWrite("content/p1.md", filterDoc("1.0", "Marker of the base.", "1.0"))
	if withP2 {
		r.MustWrite("content/p2.md", strings.ReplaceAll(filterDoc("1.0", "Another.", "1.0"), "P-1", "P-2"))
	}
	r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "1.0")
	return r
}
