package history_test

import (
	"strings"
	"testing"
)

// Two files that trade names in one commit (git sees two edits, not
// two renames): each document keeps its own earlier versions and its
// approval, not the other file's.
func TestSwappedFilesKeepTheirDocuments(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/media.md", doc("P-3", "1.0", "approved", "介质第一版。\n", "1.0"))
	r.MustWrite("content/supplier.md", doc("P-4", "1.0", "approved", "供应商第一版。\n", "1.0"))
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/media.md", doc("P-3", "1.1", "approved", "介质第二版。\n", "1.0", "1.1"))
	r.MustWrite("content/supplier.md", doc("P-4", "1.1", "approved", "供应商第二版。\n", "1.0", "1.1"))
	approved := commit(t, r, "2026-02-05T10:00:00+08:00", "李四")
	r.MustMove("content/media.md", "content/tmp.md")
	r.MustMove("content/supplier.md", "content/media.md")
	r.MustMove("content/tmp.md", "content/supplier.md")
	commit(t, r, "2026-02-06T10:00:00+08:00", "李四")

	docs, diags, h := read(t, r.Dir)
	if len(diags) != 0 {
		t.Errorf("warnings %v, want none: each text is as approved", diags)
	}
	for _, d := range docs {
		v := d.Versions
		if v == nil || v.Set.Hash != approved || len(v.Earlier) != 1 || v.Earlier[0].Version != "1.0" {
			t.Fatalf("%s: versions %+v, want 1.1 set by %s and 1.0 earlier", d.ID, v, approved[:7])
		}
		text, err := h.Text(v.Earlier[0].Blob)
		must(t, err)
		want := map[string]string{"P-3": "介质第一版", "P-4": "供应商第一版"}[d.ID]
		if !strings.Contains(string(text), want) {
			t.Errorf("%s: text of 1.0 %q, want %q", d.ID, text, want)
		}
	}
}

// Ids renumbered while the texts stay in their files are no trade of
// texts: each document keeps its own file's earlier versions.
func TestRenumberedInPlaceKeepTheirFiles(t *testing.T) {
	for name, ids := range map[string][2]string{
		"two numbers exchanged": {"P-1", "P-2"}, // a.md P-1 → P-2, b.md P-2 → P-1
		"numbers moved down":    {"P-2", "P-3"}, // a.md P-1 → P-2, b.md P-2 → P-3
	} {
		t.Run(name, func(t *testing.T) {
			r := repo(t)
			r.MustWrite("content/a.md", doc("P-1", "1.0", "approved", "甲第一版。\n", "1.0"))
			r.MustWrite("content/b.md", doc("P-2", "1.0", "approved", "乙第一版。\n", "1.0"))
			commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
			r.MustWrite("content/a.md", doc(ids[0], "1.1", "approved", "甲第一版。\n", "1.0", "1.1"))
			r.MustWrite("content/b.md", doc(ids[1], "1.1", "approved", "乙第一版。\n", "1.0", "1.1"))
			commit(t, r, "2026-02-05T10:00:00+08:00", "李四")

			docs, _, h := read(t, r.Dir)
			for _, d := range docs {
				v := d.Versions
				if v == nil || len(v.Earlier) != 1 {
					t.Fatalf("%s: versions %+v, want 1.0 earlier", d.ID, v)
				}
				text, err := h.Text(v.Earlier[0].Blob)
				must(t, err)
				want := map[string]string{"a.md": "甲", "b.md": "乙"}[d.Path[len("content/"):]]
				if !strings.Contains(string(text), want+"第一版") {
					t.Errorf("%s in %s: text of 1.0 %q, want %s's", d.ID, d.Path, text, want)
				}
			}
		})
	}
}
