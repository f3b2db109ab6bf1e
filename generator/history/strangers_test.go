package history_test

import (
	"strings"
	"testing"
)

// A commit that withdrew one form and added another made from the same
// template: git pairs the two files as a rename, and the new form must
// not take on the old one's id and versions, nor the old one lose its
// tombstone. A document renumbered, or retitled, in a rename stays one
// document.
func TestRenameJoiningTwoDocuments(t *testing.T) {
	form := func(id, title, body string) string {
		return strings.Replace(doc(id, "1.0", "approved", body, "1.0"), "访问控制程序", title, 1)
	}
	template := strings.Repeat("| 日期 | 姓名 | 部门 | 事由 | 签字 |\n|---|---|---|---|---|\n", 3)
	for _, tc := range []struct {
		name       string
		next       string // the text the rename gives the file
		tombstone  bool   // the old id withdrawn
		keepsOlder bool   // the new text's history goes back past the rename
	}{
		{"another form", form("F-002", "钥匙领用登记表", template), true, false},
		{"renumbered", form("F-010", "访客登记表", template+"新增一行。\n"), false, true},
		{"retitled", form("F-001", "来访人员登记表", template+"新增一行。\n"), false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := repo(t)
			r.MustWrite("content/f1.md", form("F-001", "访客登记表", template))
			first := commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
			r.MustRemove("content/f1.md")
			r.MustWrite("content/f2.md", tc.next)
			withdrawn := commit(t, r, "2026-02-01T10:00:00+08:00", "张三")

			docs, _, h := read(t, r.Dir)
			if got := docs[0].Versions != nil && docs[0].Versions.Set.Hash == first; got != tc.keepsOlder {
				t.Errorf("the new text's version was set in the old one's commit: %v, want %v (%+v)", got, tc.keepsOlder, docs[0].Versions)
			}
			site := publishedSite(t, h, docs, func(c, s string) bool { return true })
			switch {
			case !tc.tombstone && len(site.Tombstones) > 0:
				t.Errorf("tombstones %+v, want none", site.Tombstones)
			case tc.tombstone && (len(site.Tombstones) != 1 || site.Tombstones[0].ID != "F-001" || site.Tombstones[0].Withdrawn.Hash != withdrawn):
				t.Errorf("tombstones %+v, want F-001 withdrawn in %s", site.Tombstones, withdrawn[:10])
			}
		})
	}
}

// A document drafted again under a new id and then deleted was
// withdrawn in the version in force, which bore the old id: its
// tombstone is there, the URL its readers had.
func TestTombstoneOfADocumentRenumberedInDraft(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/p.md", doc("OLD-1", "1.0", "approved", "批准的第一版。\n", "1.0"))
	approved := commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("NEW-1", "1.1", "draft", "草稿正文。\n", "1.0", "1.1"))
	commit(t, r, "2026-02-01T10:00:00+08:00", "张三")
	r.MustRemove("content/p.md")
	commit(t, r, "2026-03-01T10:00:00+08:00", "李四")

	docs, _, h := read(t, r.Dir)
	site := publishedSite(t, h, docs, notDrafted)
	if len(site.Tombstones) != 1 || site.Tombstones[0].ID != "OLD-1" || site.Tombstones[0].Last.Commit.Hash != approved {
		t.Fatalf("published tombstones %+v, want OLD-1 with the text of %s", site.Tombstones, approved[:10])
	}
}
