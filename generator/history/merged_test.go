package history_test

import (
	"fmt"
	"testing"

	"ismsgen/generator/history"
	"ismsgen/generator/internal/gitfixture"
)

// manyMerges is a repository of n documents, each revised on a branch
// of its own, 1.1 then 1.2, and the branch merged: 1.1 was committed
// only on the branch.
func manyMerges(t testing.TB, n int) *gitfixture.Repo {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", config)
	id := func(i int) string { return fmt.Sprintf("P-%d", i) }
	for i := range n {
		r.MustWrite(fmt.Sprintf("content/p%d.md", i), doc(id(i), "1.0", "approved", "第一版。\n", "1.0"))
	}
	r.MustCommit("2026-01-01T10:00:00+08:00", "张三", "1.0")
	for i := range n {
		when := fmt.Sprintf("2026-02-01T%02d:%02d:00+08:00", i/60, i%60)
		env := []string{"GIT_AUTHOR_NAME=李四", "GIT_AUTHOR_EMAIL=l@example.com", "GIT_COMMITTER_NAME=李四", "GIT_COMMITTER_EMAIL=l@example.com",
			"GIT_AUTHOR_DATE=" + when, "GIT_COMMITTER_DATE=" + when}
		if err := r.Git(env, "checkout", "-q", "-b", fmt.Sprintf("b%d", i), "main"); err != nil {
			t.Fatal(err)
		}
		p := fmt.Sprintf("content/p%d.md", i)
		r.MustWrite(p, doc(id(i), "1.1", "approved", "分支上的第二版。\n", "1.0", "1.1"))
		r.MustCommit(when, "李四", "1.1")
		r.MustWrite(p, doc(id(i), "1.2", "approved", "第三版。\n", "1.0", "1.1", "1.2"))
		r.MustCommit(when, "李四", "1.2")
		if err := r.Git(env, "checkout", "-q", "main"); err != nil {
			t.Fatal(err)
		}
		if err := r.Git(env, "merge", "-q", "--no-ff", "-m", "merge", fmt.Sprintf("b%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

// Each of many merges' branches gives its document the version
// committed only there, and no other's.
func TestMergedVersionsOfManyMerges(t *testing.T) {
	r := manyMerges(t, 12)
	docs, diags, _ := read(t, r.Dir)
	if len(diags) != 0 {
		t.Errorf("diagnostics %v", diags)
	}
	for _, d := range docs {
		v := d.Versions
		if v == nil || v.Of("1.1") == nil || v.Of("1.0") == nil {
			t.Errorf("%s: versions %+v, want 1.0 and 1.1", d.ID, v)
			continue
		}
		if p := v.Of("1.1").Path; p != d.Path {
			t.Errorf("%s: 1.1 from %s", d.ID, p)
		}
	}
}

// BenchmarkMergedVersions reads the history of 50 documents whose
// versions 1.1 were committed only on the branches of 50 merges.
func BenchmarkMergedVersions(b *testing.B) {
	r := manyMerges(b, 50)
	repo, _ := history.Open(r.Dir)
	for b.Loop() {
		h, _, err := history.Read(repo, r.Dir)
		if err != nil {
			b.Fatal(err)
		}
		docs := documents(b, r.Dir)
		if _, err := h.Documents(docs); err != nil {
			b.Fatal(err)
		}
		if docs[0].Versions.Of("1.1") == nil {
			b.Fatal("no 1.1")
		}
		h.Close()
	}
}
