package history_test

import (
	"strings"
	"testing"

	"ismsgen/generator/history"
	"ismsgen/generator/internal/gitfixture"
)

// firstBody and rewrittenBody share little: git, which pairs a deleted
// file with an added one at 50 % similarity, sees the move below as a
// file deleted and another added.
var (
	firstBody     = strings.Repeat("第一版：口令至少十二位，每九十天更换一次。\n", 12)
	rewrittenBody = strings.Repeat("重写：账号申请须经部门负责人审批，离职当日注销，特权账号每季度复核。\n", 12)
)

// A file moved and rewritten in one commit without a new version is the
// same document changed after its approval: the warning names the commit
// and the approval is the old file's.
func TestMovedAndRewrittenKeepsItsApproval(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/a.md", doc("P-1", "1.0", "approved", firstBody, "1.0"))
	approved := commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustRemove("content/a.md")
	r.MustWrite("content/b.md", doc("P-1", "1.0", "approved", rewrittenBody, "1.0"))
	changed := commit(t, r, "2026-02-05T10:00:00+08:00", "李四")
	if out, _ := r.Output(nil, "show", "--name-status", "-M", "--format=", "HEAD"); !strings.Contains(out, "D\tcontent/a.md") {
		t.Fatalf("git sees %q, want a.md deleted and b.md added", out)
	}

	docs, diags, h := read(t, r.Dir)
	assertWarning(t, diags, "content/b.md:5: warning: the text changed in commit "+changed[:10]+" (2026-02-05, 李四) after version 1.0 was approved in commit "+approved[:10]+" (2026-01-05), but the version was not raised")
	v := docs[0].Versions
	if v == nil || v.Set.Hash != approved || v.ChangedIn.Hash != changed || v.AsApproved == nil || v.AsApproved.Path != "content/a.md" {
		t.Fatalf("versions %+v, want 1.0 set by %s at a.md and changed in %s", v, approved[:10], changed[:10])
	}
	tombs, err := h.Tombstones(docs)
	must(t, err)
	if len(tombs) != 0 {
		t.Errorf("tombstones %+v, want none: the document lives on in b.md", tombs)
	}
	if to := h.Renames()["content/a.md"].To; to != "content/b.md" {
		t.Errorf("a.md renamed to %q, want content/b.md", to)
	}
}

// With the version raised, the old file's text is the earlier version.
func TestMovedAndRewrittenKeepsItsEarlierVersion(t *testing.T) {
	r, approved := movedAndRewritten(t)

	docs, diags, h := read(t, r.Dir)
	if len(diags) != 0 {
		t.Errorf("diagnostics %v, want none", diags)
	}
	v := docs[0].Versions
	if v == nil || len(v.Earlier) != 1 || v.Earlier[0].Version != "1.0" || v.Earlier[0].Commit.Hash != approved || v.Earlier[0].Path != "content/a.md" {
		t.Fatalf("versions %+v, want 1.0 from a.md in %s", v, approved[:10])
	}
	text, err := h.Text(v.Earlier[0].Blob)
	must(t, err)
	if !strings.Contains(string(text), "第一版") {
		t.Errorf("text of 1.0 %q", text)
	}
}

// Moved and rewritten twice, the document keeps its first file's text.
func TestMovedAndRewrittenTwice(t *testing.T) {
	r, approved := movedAndRewritten(t)
	r.MustRemove("content/b.md")
	r.MustWrite("content/c.md", doc("P-1", "1.2", "approved", strings.Repeat("第三次重写：全部改为统一身份认证平台管理。\n", 12), "1.0", "1.1", "1.2"))
	commit(t, r, "2026-03-05T10:00:00+08:00", "王五")

	docs, diags, h := read(t, r.Dir)
	if len(diags) != 0 {
		t.Errorf("diagnostics %v, want none", diags)
	}
	v := docs[0].Versions
	if v == nil || len(v.Earlier) != 2 || v.Earlier[0].Commit.Hash != approved || v.Earlier[0].Path != "content/a.md" || v.Earlier[1].Path != "content/b.md" {
		t.Fatalf("versions %+v, want 1.0 from a.md and 1.1 from b.md", v)
	}
	renames := h.Renames()
	if renames["content/a.md"].To != "content/c.md" || renames["content/b.md"].To != "content/c.md" {
		t.Errorf("renames %+v, want a.md and b.md to c.md", renames)
	}
}

// Two files of one id deleted or added in the commit: which one went
// where is not known, and nothing is joined.
func TestRewrittenWithTwoFilesOfOneIDNotJoined(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/a.md", doc("P-1", "1.0", "approved", firstBody, "1.0"))
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustRemove("content/a.md")
	r.MustWrite("content/b.md", doc("P-1", "1.0", "approved", rewrittenBody, "1.0"))
	r.MustWrite("content/c.md", doc("P-1", "1.0", "approved", strings.Repeat("另一份副本。\n", 20), "1.0"))
	commit(t, r, "2026-02-05T10:00:00+08:00", "李四")

	repo, _ := history.Open(r.Dir)
	h, _, err := history.Read(repo, r.Dir)
	must(t, err)
	defer h.Close()
	if renames := h.Renames(); len(renames) != 0 {
		t.Errorf("renames %+v, want none", renames)
	}
}

// Renumbered after it was moved and rewritten, the document's old id
// moved with it: it is no withdrawn document, whose tombstone would say
// it was withdrawn on the day of the move.
func TestMovedRewrittenAndRenumbered(t *testing.T) {
	r, _ := movedAndRewritten(t)
	r.MustWrite("content/b.md", doc("P-9", "1.2", "approved", rewrittenBody, "1.0", "1.1", "1.2"))
	renumbered := commit(t, r, "2026-03-05T10:00:00+08:00", "李四")

	docs, _, h := read(t, r.Dir)
	tombs, err := h.Tombstones(docs)
	must(t, err)
	if len(tombs) != 0 {
		t.Errorf("tombstones %+v, want none", tombs)
	}
	old := docs[0].Versions.OldIDs
	if len(old) != 1 || old[0].ID != "P-1" || old[0].Changed.Hash != renumbered {
		t.Errorf("old ids %+v, want P-1 changed in %s", old, renumbered[:10])
	}
}

// A document whose front matter was YAML, approved at its current
// version, and written as TOML since: the version was set by the commit
// that wrote it as TOML (its YAML text is another tool's, not compared).
func TestYAMLFrontMatterRewrittenAsTOML(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/a.md", "---\nid: P-1\ntitle: 访问控制程序\nversion: \"1.0\"\nstatus: approved\n---\n\n"+firstBody)
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustRemove("content/a.md")
	r.MustWrite("content/b.md", doc("P-1", "1.0", "approved", rewrittenBody, "1.0"))
	converted := commit(t, r, "2026-02-05T10:00:00+08:00", "李四")
	docs, diags, _ := read(t, r.Dir)
	if len(diags) != 0 || docs[0].Versions == nil || docs[0].Versions.Set.Hash != converted {
		t.Errorf("diagnostics %v, versions %+v; want none, and 1.0 set by %s", diags, docs[0].Versions, converted[:10])
	}

	r.MustWrite("content/b.md", doc("P-1", "1.1", "approved", rewrittenBody+"新增。\n", "1.0", "1.1"))
	commit(t, r, "2026-03-05T10:00:00+08:00", "李四")
	docs, diags, h := read(t, r.Dir)
	if len(diags) != 0 {
		t.Errorf("diagnostics %v, want none", diags)
	}
	v := docs[0].Versions
	if v == nil || len(v.Earlier) != 1 || v.Earlier[0].Version != "1.0" || v.Earlier[0].Commit.Hash != converted {
		t.Fatalf("versions %+v, want 1.0 as of %s", v, converted[:10])
	}
	if to := h.Renames()["content/a.md"].To; to != "content/b.md" {
		t.Errorf("a.md renamed to %q, want content/b.md", to)
	}
}

// Moved to another tier's folder, renumbered and rewritten in one commit
// (git sees one file deleted and another added, less than half alike):
// the document keeps its earlier versions and its old id says where it
// went; it had lost them without a word, and the old id's page said it
// was withdrawn with nothing in its place. A document that replaces
// another (supersedes), or has another title and the same version (a
// new document 1.0 where one 1.0 was), is not its continuation.
func TestMovedRenumberedAndRewritten(t *testing.T) {
	for _, tc := range []struct {
		name   string
		edit   func(string) string
		joined bool
	}{
		{"renumbered", func(s string) string { return s }, true},
		{"supersedes", func(s string) string {
			return strings.Replace(s, "tier = 2\n", "tier = 2\nsupersedes = [\"P-1\"]\n", 1)
		}, false},
		{"retitled", func(s string) string { return strings.Replace(s, "访问控制程序", "新的标题", 1) }, true},
		{"retitled, not raised", func(s string) string {
			return strings.Replace(strings.Replace(s, "访问控制程序", "新的标题", 1), `version = "1.1"`, `version = "1.0"`, 1)
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := repo(t)
			r.MustWrite("content/tier2/a.md", doc("P-1", "1.0", "approved", firstBody, "1.0"))
			commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
			r.MustRemove("content/tier2/a.md")
			r.MustWrite("content/tier3/b.md", tc.edit(doc("P-9", "1.1", "approved", rewrittenBody, "1.0", "1.1")))
			moved := commit(t, r, "2026-02-05T10:00:00+08:00", "李四")
			docs, _, h := read(t, r.Dir)
			tombs, err := h.Tombstones(docs)
			must(t, err)
			v := docs[0].Versions
			if !tc.joined {
				if len(tombs) != 1 || v.Of("1.0") != nil {
					t.Errorf("tombstones %+v, versions %+v: want P-1 withdrawn, and no 1.0 of P-9", tombs, v)
				}
				return
			}
			if len(tombs) != 0 {
				t.Errorf("tombstones %+v, want none", tombs)
			}
			if v.Of("1.0") == nil || v.Of("1.0").Path != "content/tier2/a.md" {
				t.Errorf("versions %+v, want 1.0 from content/tier2/a.md", v)
			}
			if len(v.OldIDs) != 1 || v.OldIDs[0].ID != "P-1" || v.OldIDs[0].Changed.Hash != moved {
				t.Errorf("old ids %+v, want P-1 changed in %s", v.OldIDs, moved[:10])
			}
		})
	}
}

// A file moved and rewritten, and deleted later, is a withdrawn
// document: its tombstone shows its last text, as any deleted file's.
func TestMovedRewrittenThenDeletedHasATombstone(t *testing.T) {
	r, _ := movedAndRewritten(t)
	r.MustRemove("content/b.md")
	r.MustWrite("content/other.md", doc("P-2", "1.0", "approved", firstBody, "1.0"))
	withdrawn := commit(t, r, "2026-03-05T10:00:00+08:00", "李四")

	docs, _, h := read(t, r.Dir)
	tombs, err := h.Tombstones(docs)
	must(t, err)
	if len(tombs) != 1 || tombs[0].ID != "P-1" || tombs[0].Last.Version != "1.1" || tombs[0].Withdrawn.Hash != withdrawn {
		t.Errorf("tombstones %+v, want P-1 withdrawn in %s with its last text, 1.1", tombs, withdrawn[:10])
	}
}

// movedAndRewritten is a repository whose document P-1, approved as 1.0
// in content/a.md on 2026-01-05 (the commit approved), was moved to
// content/b.md and rewritten as 1.1 in one commit on 2026-02-05: git sees
// one file deleted and another added.
func movedAndRewritten(t *testing.T) (r *gitfixture.Repo, approved string) {
	t.Helper()
	r = repo(t)
	r.MustWrite("content/a.md", doc("P-1", "1.0", "approved", firstBody, "1.0"))
	approved = commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustRemove("content/a.md")
	r.MustWrite("content/b.md", doc("P-1", "1.1", "approved", rewrittenBody, "1.0", "1.1"))
	commit(t, r, "2026-02-05T10:00:00+08:00", "李四")
	return r, approved
}
