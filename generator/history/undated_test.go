package history_test

import (
	"testing"

	"ismsgen/generator/history"
	"ismsgen/generator/model"
)

// A commit whose committer line holds no date git reads (git writes %cI
// for it) is dated at the Unix epoch, as git dates one it cannot hold,
// rather than leaving the history unread: one such commit took every
// earlier version, tombstone and changed-after-approval warning away,
// the text changed in it included, and failed --as-of for every day.
func TestCommitWithoutDate(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "一。\n", "1.0"))
	approved := commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "一，改了。\n", "1.0"))
	undated := rawCommit(t, r, "author 李四 <l@example.com> garbage\ncommitter 李四 <l@example.com> garbage\n", "no date\n")

	_, diags, _ := read(t, r.Dir)
	assertWarning(t, diags, "content/p.md:5: warning: the text changed in commit "+undated[:10]+" (1970-01-01, 李四) after version 1.0 was approved in commit "+approved[:10]+" (2026-01-05), but the version was not raised")
	repo, _ := history.Open(r.Dir)
	if _, at, err := repo.At(model.Date{Year: 2026, Month: 1, Day: 5}); err != nil || at.Hash != undated {
		t.Errorf("as of 2026-01-05: %s, %v; want %s, dated before", at.Short(), err, undated[:10])
	}
}
