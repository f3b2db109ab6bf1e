package history_test

import (
	"strings"
	"testing"

	"ismsgen/generator/history"
	"ismsgen/generator/model"
)

// The ids a file had before a commit changed them, the most recent
// change first, each once: an id changed back is counted once, and an id
// changed in the file on disk but not committed is no change.
func TestOldIDs(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "一。\n", "1.0"))
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-2", "1.1", "approved", "一。\n", "1.0", "1.1"))
	toP2 := commit(t, r, "2026-02-05T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.2", "approved", "一。\n", "1.0", "1.1", "1.2"))
	back := commit(t, r, "2026-03-05T10:00:00+08:00", "李四")
	r.MustWrite("content/p.md", doc("P-3", "1.3", "approved", "一。\n", "1.0", "1.1", "1.2", "1.3"))
	toP3 := commit(t, r, "2026-04-05T10:00:00+08:00", "李四")
	r.MustWrite("content/p.md", doc("P-4", "1.4", "approved", "一。\n", "1.0", "1.1", "1.2", "1.3", "1.4"))

	docs, _, _ := read(t, r.Dir)
	if docs[0].Versions == nil {
		t.Fatal("no versions")
	}
	var got []string
	for _, o := range docs[0].Versions.OldIDs {
		got = append(got, o.ID+" changed in "+o.Changed.Hash[:7]+", last "+o.Last.Version+" of "+o.Last.Commit.Hash[:7])
	}
	want := []string{
		"P-1 changed in " + toP3[:7] + ", last 1.2 of " + back[:7],
		"P-2 changed in " + back[:7] + ", last 1.1 of " + toP2[:7],
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("old ids\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// An old id keeps a page only when no document or tombstone has it, and
// when both its last text and the document now are published.
func TestPublishMoved(t *testing.T) {
	r := repo(t)
	confidential := func(text string) string {
		return strings.Replace(text, "tier = 2", "tier = 2\nclassification = \"confidential\"", 1)
	}
	r.MustWrite("content/a.md", doc("OLD-A", "1.0", "approved", "甲。\n", "1.0"))
	r.MustWrite("content/b.md", doc("OLD-B", "1.0", "approved", "乙。\n", "1.0"))
	r.MustWrite("content/c.md", confidential(doc("OLD-C", "1.0", "approved", "丙。\n", "1.0")))
	r.MustWrite("content/d.md", doc("OLD-D", "0.9", "draft", "丁。\n"))
	r.MustWrite("content/g.md", doc("OLD-G", "1.0", "approved", "己。\n", "1.0"))
	r.MustWrite("content/t.md", doc("OLD-T", "1.0", "approved", "庚。\n", "1.0"))
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/a.md", doc("NEW-A", "1.1", "approved", "甲。\n", "1.0", "1.1"))
	r.MustWrite("content/b.md", doc("NEW-B", "1.1", "approved", "乙。\n", "1.0", "1.1"))
	r.MustWrite("content/reuse.md", doc("OLD-B", "1.0", "approved", "另一文件沿用旧编号。\n", "1.0"))
	r.MustWrite("content/c.md", doc("NEW-C", "1.1", "approved", "丙。\n", "1.0", "1.1"))
	r.MustWrite("content/d.md", doc("NEW-D", "1.0", "approved", "丁。\n", "1.0"))
	r.MustWrite("content/g.md", confidential(doc("NEW-G", "1.1", "approved", "己。\n", "1.0", "1.1")))
	r.MustWrite("content/t.md", doc("NEW-T", "1.1", "approved", "庚。\n", "1.0", "1.1"))
	r.MustWrite("content/x.md", doc("OLD-T", "1.0", "approved", "又一文件沿用旧编号，后被删除。\n", "1.0"))
	changed := commit(t, r, "2026-02-05T10:00:00+08:00", "李四")
	r.MustRemove("content/x.md")
	commit(t, r, "2026-03-05T10:00:00+08:00", "李四")

	docs, _, h := read(t, r.Dir)
	tombs, err := h.Tombstones(docs)
	must(t, err)
	cfg := &model.Config{Levels: []string{"public", "internal", "confidential"}, Classification: "internal", DefaultClassification: "internal"}
	published := func(c, s string) bool {
		if c == "" {
			c = cfg.DefaultClassification
		}
		return s != model.StatusDraft && cfg.Level(c) <= cfg.Level(cfg.Classification)
	}
	var shown []*model.Document
	for _, d := range docs {
		if published(d.Classification, d.Status) {
			shown = append(shown, d)
		}
	}
	site := model.NewSite(cfg, model.Date{Year: 2026, Month: 3, Day: 6}, false, shown)
	history.Publish(site, tombs, published)
	history.PublishMoved(site, docs, tombs, published)
	// OLD-B is another document's id now, OLD-C's last text was
	// confidential, OLD-D's a draft, NEW-G is confidential now, and
	// OLD-T is a withdrawn document's (a tombstone): only OLD-A moved.
	if len(site.Moved) != 1 {
		var got []string
		for _, m := range site.Moved {
			got = append(got, m.ID)
		}
		t.Fatalf("moved %v, want OLD-A only", got)
	}
	if len(site.Tombstones) != 1 || site.Tombstones[0].ID != "OLD-T" {
		t.Errorf("tombstones %v, want OLD-T", site.Tombstones)
	}
	// With --drafts too, an old id whose last text was a draft was never
	// published: it has no page, as a draft withdrawn has no tombstone.
	drafts := func(c, s string) bool { return published(c, model.StatusApproved) }
	history.PublishMoved(site, docs, tombs, drafts)
	if len(site.Moved) != 1 {
		t.Errorf("with drafts: %d moved, want OLD-A only", len(site.Moved))
	}
	a := site.Moved[0]
	if a.ID != "OLD-A" || a.Doc.ID != "NEW-A" || a.Changed.Hash != changed || a.Title != "访问控制程序" {
		t.Errorf("moved %+v, want OLD-A → NEW-A, changed in %s", a, changed)
	}
	if a.Last == nil || a.Last.Version != "1.0" {
		t.Errorf("OLD-A's last text %+v, want version 1.0, shown by NEW-A", a.Last)
	}
}
