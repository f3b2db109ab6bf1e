package history_test

import (
	"strings"
	"testing"

	"ismsgen/generator/history"
	"ismsgen/generator/model"
)

// A version whose last commits were a draft of the next one, before its
// number was raised, keeps as its earlier text the one approved: the
// draft's text is not the version readers worked to, and a build
// without --drafts would otherwise leave the version without a page.
func TestEarlierVersionIsTheTextApproved(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "批准的第一版。\n", "1.0"))
	approved := commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "draft", "修订中的草稿。\n", "1.0"))
	commit(t, r, "2026-02-01T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.1", "approved", "批准的第二版。\n", "1.0", "1.1"))
	commit(t, r, "2026-03-01T10:00:00+08:00", "李四")

	docs, _, h := read(t, r.Dir)
	v := docs[0].Versions
	if v == nil || len(v.Earlier) != 1 {
		t.Fatalf("versions %+v, want 1.0", v)
	}
	e := v.Earlier[0]
	if e.Version != "1.0" || e.Status != model.StatusApproved || e.Commit.Hash != approved {
		t.Errorf("1.0 is %s %q of commit %s, want the approved text of commit %s", e.Version, e.Status, e.Commit.Short(), approved[:10])
	}
	text, err := h.Text(e.Blob)
	must(t, err)
	if !strings.Contains(string(text), "批准的第一版") {
		t.Errorf("text of 1.0 %q, want the approved one", text)
	}
}

// A version only ever a draft keeps its newest text, which Publish
// leaves out unless drafts are published.
func TestEarlierVersionOnlyADraft(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/p.md", doc("P-1", "0.9", "draft", "第一稿。\n", "0.9"))
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "0.9", "review", "第二稿。\n", "0.9"))
	second := commit(t, r, "2026-01-06T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "正式版。\n", "0.9", "1.0"))
	commit(t, r, "2026-03-01T10:00:00+08:00", "李四")

	docs, _, _ := read(t, r.Dir)
	v := docs[0].Versions
	if v == nil || len(v.Earlier) != 1 || v.Earlier[0].Commit.Hash != second || v.Earlier[0].Status != model.StatusReview {
		t.Fatalf("versions %+v, want 0.9 in review from commit %s", v, second[:10])
	}
}

// A document published, then drafted again, then deleted was withdrawn:
// its tombstone shows the version that was in force, not the draft,
// which would leave it without one.
func TestTombstoneOfADraftedDocument(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "批准的第一版。\n", "1.0"))
	approved := commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", strings.Replace(doc("P-1", "1.1", "draft", "草稿正文。\n", "1.0", "1.1"), "访问控制程序", "草稿标题", 1))
	commit(t, r, "2026-02-01T10:00:00+08:00", "张三")
	r.MustRemove("content/p.md")
	deleted := commit(t, r, "2026-03-01T10:00:00+08:00", "李四")

	docs, _, h := read(t, r.Dir)
	site := publishedSite(t, h, docs, notDrafted)
	if len(site.Tombstones) != 1 {
		t.Fatalf("published tombstones %+v, want P-1", site.Tombstones)
	}
	ts := site.Tombstones[0]
	if ts.ID != "P-1" || ts.Withdrawn.Hash != deleted || ts.Last.Version != "1.0" || ts.Last.Commit.Hash != approved || ts.Title != "访问控制程序" {
		t.Errorf("tombstone %s %q withdrawn %s, last %s of %s; want P-1 withdrawn in %s, last 1.0 of %s", ts.ID, ts.Title, ts.Withdrawn.Short(), ts.Last.Version, ts.Last.Commit.Short(), deleted[:10], approved[:10])
	}
	text, err := h.Text(ts.Last.Blob)
	must(t, err)
	if !strings.Contains(string(text), "批准的第一版") || strings.Contains(string(text), "草稿") {
		t.Errorf("last text %q, want the approved one", text)
	}
}

// A document drafted and then renumbered keeps its old number's page,
// which shows the version in force under that number, not the draft.
func TestOldIDOfADraftedDocument(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/p.md", doc("OLD-1", "1.0", "approved", "批准的第一版。\n", "1.0"))
	approved := commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("OLD-1", "1.1", "draft", "草稿正文。\n", "1.0", "1.1"))
	commit(t, r, "2026-02-01T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("NEW-1", "1.1", "approved", "批准的第二版。\n", "1.0", "1.1"))
	changed := commit(t, r, "2026-03-01T10:00:00+08:00", "李四")

	docs, _, h := read(t, r.Dir)
	tombs, err := h.Tombstones(docs)
	must(t, err)
	cfg := &model.Config{Levels: []string{"public", "internal"}, Classification: "internal", DefaultClassification: "internal"}
	published := func(c, s string) bool { return s != model.StatusDraft && s != model.StatusReview }
	site := model.NewSite(cfg, model.Date{Year: 2026, Month: 3, Day: 2}, false, docs)
	history.Publish(site, tombs, published)
	history.PublishMoved(site, docs, tombs, published)
	if len(site.Moved) != 1 {
		t.Fatalf("moved %+v, want OLD-1", site.Moved)
	}
	m := site.Moved[0]
	if m.ID != "OLD-1" || m.Changed.Hash != changed || m.Last == nil || m.Last.Version != "1.0" || m.Last.Commit.Hash != approved {
		t.Errorf("moved %+v, want OLD-1 changed in %s, last 1.0 of %s", m, changed[:10], approved[:10])
	}
}
