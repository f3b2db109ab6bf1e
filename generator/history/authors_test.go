package history_test

import (
	"strings"
	"testing"
)

// Under i18n.commitEncoding=GBK, a commit's author is shown as git log
// shows it: a name written in GBK, and one written in UTF-8 all the
// same (a terminal in UTF-8), which git's turning GBK into UTF-8 made
// 寮犱笁 of 张三.
func TestCommitAuthorsUnderGBK(t *testing.T) {
	r := repo(t)
	must(t, r.Git(nil, "config", "i18n.commitEncoding", "GBK"))
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "一。\n", "1.0"))
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.1", "approved", "二。\n", "1.0", "1.1"))
	must(t, r.Git(nil, "add", "-A"))
	gbk := "\xc0\xee\xcb\xc4" // 李四 in GBK
	must(t, r.Git([]string{"GIT_AUTHOR_NAME=" + gbk, "GIT_AUTHOR_EMAIL=l@example.com", "GIT_COMMITTER_NAME=" + gbk, "GIT_COMMITTER_EMAIL=l@example.com",
		"GIT_AUTHOR_DATE=2026-02-05T10:00:00+08:00", "GIT_COMMITTER_DATE=2026-02-05T10:00:00+08:00"}, "commit", "-q", "-m", "\xb8\xfc\xd0\xc2"))
	docs, _, _ := read(t, r.Dir)
	v := docs[0].Versions
	if v == nil || v.Set.Author != "李四" || v.Of("1.0") == nil || v.Of("1.0").Commit.Author != "张三" {
		t.Fatalf("versions %+v, want 1.0 by 张三 and 1.1 by 李四", v)
	}
}

// A commit without an author's name (made by a tool; its message only
// white space) is shown with a dash, not an empty place in
// "(2026-02-25, )".
func TestCommitWithoutAuthorName(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "一。\n", "1.0"))
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "一，改。\n", "1.0"))
	rawCommit(t, r, "author  <> 1772000000 +0800\ncommitter  <> 1772000000 +0800\n", "  \n")

	docs, diags, _ := read(t, r.Dir)
	if v := docs[0].Versions; v == nil || v.ChangedIn.Author != "—" {
		t.Fatalf("versions %+v, want the change by —", v)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].String(), "(2026-02-25, —)") {
		t.Errorf("diagnostics %v, want the change by —", diags)
	}
}

// A commit's author is shown on pages (the commit that set a version,
// a withdrawn document's) and in messages: the characters a front-matter
// value may not hold are not shown either. A bidi override turns the
// text after it around on the page ("Trojan Source"), a C1 control
// (U+009B, a terminal's CSI) starts an escape sequence: each becomes
// U+FFFD, as a C0 control does.
func TestCommitAuthorInvisibleCharacters(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "一。\n", "1.0"))
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.1", "approved", "二。\n", "1.0", "1.1"))
	must(t, r.Git(nil, "add", "-A"))
	name := "a\u202eb\u2066c\u009b31md\x1be"
	must(t, r.Git([]string{"GIT_AUTHOR_NAME=" + name, "GIT_AUTHOR_EMAIL=l@example.com", "GIT_COMMITTER_NAME=" + name, "GIT_COMMITTER_EMAIL=l@example.com",
		"GIT_AUTHOR_DATE=2026-02-05T10:00:00+08:00", "GIT_COMMITTER_DATE=2026-02-05T10:00:00+08:00"}, "commit", "-q", "-m", "1.1"))
	docs, _, _ := read(t, r.Dir)
	v := docs[0].Versions
	if want := "a\uFFFDb\uFFFDc\uFFFD31md\uFFFDe"; v == nil || v.Set.Author != want {
		t.Fatalf("versions %+v, want 1.1 by %q", v, want)
	}
}

// A commit's author is shown as the repository's .mailmap names them,
// as git log and git shortlog show them: a name typed as a login
// ("zs") on one machine is the 张三 of the other commits.
func TestCommitAuthorsThroughMailmap(t *testing.T) {
	r := repo(t)
	r.MustWrite(".mailmap", "张三 <user@example.com> zs <user@example.com>\n")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "一。\n", "1.0"))
	commit(t, r, "2026-01-05T10:00:00+08:00", "李四")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "一，改。\n", "1.0"))
	commit(t, r, "2026-02-05T10:00:00+08:00", "zs")
	docs, diags, _ := read(t, r.Dir)
	if v := docs[0].Versions; v == nil || v.ChangedIn.Author != "张三" || v.Set.Author != "李四" {
		t.Fatalf("versions %+v, want 1.0 set by 李四 and changed by 张三", v)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].String(), "(2026-02-05, 张三)") {
		t.Errorf("diagnostics %v, want the change by 张三", diags)
	}
}
