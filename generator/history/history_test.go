package history_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"ismsgen"
	"ismsgen/generator/diag"
	"ismsgen/generator/history"
	"ismsgen/generator/i18n"
	"ismsgen/generator/internal/fast"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
	"ismsgen/generator/validate"
)

const config = `title = "T"
[[departments]]
id = "isd"
name = "信息安全部"
`

// doc is a document's text: version, status, the versions of its
// [[history]] and its body.
func doc(id, version, status, body string, history ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\nid = %q\ntitle = \"访问控制程序\"\ntier = 2\nversion = %q\nstatus = %q\nowners = [\"isd\"]\nauthor = \"张三\"\napprover = \"总经理\"\napproved = %s\nnext_review = 2027-01-05\n", id, version, status, approvedOn[version])
	for _, v := range history {
		fmt.Fprintf(&b, "\n[[history]]\nversion = %q\ndate = 2026-01-05\n", v)
	}
	b.WriteString("+++\n\n")
	b.WriteString(body)
	return b.String()
}

// approvedOn is the day each version of doc was approved: a version
// raised keeps no earlier version's date (warning approval-date-stale).
var approvedOn = map[string]string{
	"0.1": "2025-11-01", "0.9": "2025-12-01", "1.0": "2026-01-05", "1.1": "2026-01-06", "1.2": "2026-01-07", "1.3": "2026-01-08",
	"1.4": "2026-01-09", "2.0": "2026-01-10", "3.0": "2026-01-11", "v1.0": "2026-01-12", "V1.0": "2026-01-13", "1.0*": "2026-01-14", "../x": "2026-01-15",
}

// repo makes a scripted repository in a temporary folder with isms.toml.
func repo(t *testing.T) *gitfixture.Repo {
	t.Helper()
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", config)
	return r
}

// twoVersions commits version 1.0 of a document P-1 at path, then its
// version 1.1 a month later, and returns the two commits.
func twoVersions(t *testing.T, r *gitfixture.Repo, path string) (first, second string) {
	t.Helper()
	r.MustWrite(path, doc("P-1", "1.0", "approved", "第一版。\n", "1.0"))
	first = commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite(path, doc("P-1", "1.1", "approved", "第二版。\n", "1.0", "1.1"))
	second = commit(t, r, "2026-02-05T10:00:00+08:00", "李四")
	return first, second
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func commit(t *testing.T, r *gitfixture.Repo, when, author string) string {
	t.Helper()
	h, err := r.Commit(when, author, "change")
	must(t, err)
	return h
}

// rawCommit commits the work tree on HEAD as a commit whose author,
// committer and message are written as given (idLines: the author and
// committer lines, which git commit would not write as they are), and
// returns its hash.
func rawCommit(t *testing.T, r *gitfixture.Repo, idLines, message string) string {
	t.Helper()
	must(t, r.Git(nil, "add", "-A"))
	tree, err := r.Output(nil, "write-tree")
	must(t, err)
	parent, err := r.Output(nil, "rev-parse", "HEAD")
	must(t, err)
	raw := filepath.Join(t.TempDir(), "commit")
	must(t, os.WriteFile(raw, []byte("tree "+strings.TrimSpace(tree)+"\nparent "+strings.TrimSpace(parent)+"\n"+idLines+"\n"+message), 0o644))
	hash, err := r.Output(nil, "hash-object", "-t", "commit", "-w", "--literally", raw)
	must(t, err)
	hash = strings.TrimSpace(hash)
	must(t, r.Git(nil, "update-ref", "HEAD", hash))
	must(t, r.Git(nil, "reset", "-q", "--hard"))
	return hash
}

// documents loads and validates the documents of a site folder.
func documents(t testing.TB, dir string) []*model.Document {
	t.Helper()
	file, d := load.Config(dir)
	cfg, d2 := validate.Config(file)
	d.Add(d2...)
	paths, bundles, d3 := load.Files(dir)
	d.Add(d3...)
	var converted []*model.Document
	for _, p := range paths {
		src, d4 := load.ReadDoc(dir, p, bundles[p], "")
		d.Add(d4...)
		if src != nil {
			doc, d5 := validate.Document(cfg, src)
			d.Add(d5...)
			converted = append(converted, doc)
		}
	}
	docs, d6 := validate.Set(converted, nil)
	d.Add(d6...)
	if d.HasErrors() {
		t.Fatalf("site: %v", d.Errors())
	}
	return docs
}

// read runs the history stage over the documents of dir.
func read(t *testing.T, dir string) ([]*model.Document, diag.List, *history.History) {
	t.Helper()
	repo, notes := history.Open(dir)
	if repo == nil {
		t.Fatalf("not a repository: %v", notes)
	}
	h, n, err := history.Read(repo, dir)
	must(t, err)
	t.Cleanup(h.Close)
	docs := documents(t, dir)
	diags, err := h.Documents(docs)
	must(t, err)
	return docs, append(n, diags...), h
}

func TestOutsideGit(t *testing.T) {
	repo, notes := history.Open(t.TempDir())
	if repo != nil || len(notes) != 1 || notes[0].Severity != diag.Note || !strings.Contains(notes[0].Message, "not in a git work tree") {
		t.Fatalf("got %v, %v; want no repository and one note", repo, notes)
	}
}

func TestVersionsFollowRenames(t *testing.T) {
	r := repo(t)
	c1, c2 := twoVersions(t, r, "content/old/p1.md")
	r.MustMove("content/old/p1.md", "content/tier2/p1.md")
	commit(t, r, "2026-02-06T10:00:00+08:00", "李四")
	r.MustWrite("content/tier2/p1.md", doc("P-1", "2.0", "approved", "第三版。\n", "1.0", "1.1", "2.0"))
	c4 := commit(t, r, "2026-03-05T10:00:00+08:00", "王五")

	docs, diags, h := read(t, r.Dir)
	if len(diags) != 0 {
		t.Errorf("diagnostics: %v", diags)
	}
	v := docs[0].Versions
	if v == nil || len(v.Earlier) != 2 {
		t.Fatalf("versions %+v, want 1.0 and 1.1", v)
	}
	want := []struct{ version, commit, path, text string }{
		{"1.0", c1, "content/old/p1.md", "第一版"},
		// 1.1 was last carried by the rename's commit, which kept its text.
		{"1.1", "", "content/tier2/p1.md", "第二版"},
	}
	for i, w := range want {
		e := v.Earlier[i]
		if e.Version != w.version || w.commit != "" && e.Commit.Hash != w.commit || e.Path != w.path {
			t.Errorf("earlier[%d] = %s %s %s, want %s %s %s", i, e.Version, e.Commit.Short(), e.Path, w.version, w.commit, w.path)
		}
		text, err := h.Text(e.Blob)
		must(t, err)
		if !strings.Contains(string(text), w.text) {
			t.Errorf("earlier[%d] text %q, want %q", i, text, w.text)
		}
	}
	if v.Earlier[1].Commit.Date() != (model.Date{Year: 2026, Month: 2, Day: 6}) {
		t.Errorf("1.1's last commit is of %s, want the rename's, 2026-02-06", v.Earlier[1].Commit.Date())
	}
	if v.Set.Hash != c4 || v.Current.Hash != c4 || v.Changed() {
		t.Errorf("set %s current %s changed %v, want %s and no change", v.Set.Short(), v.Current.Short(), v.Changed(), c4)
	}
	_ = c2
}

func TestChangedAfterApproval(t *testing.T) {
	r := repo(t)
	body := "## 1 目的\n\n控制访问。\n"
	r.MustWrite("content/p.md", doc("P-1", "1.0", "review", body, "1.0"))
	commit(t, r, "2026-01-02T09:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", body, "1.0"))
	approved := commit(t, r, "2026-01-05T09:00:00+08:00", "总经理")
	// A review that changes only the review date needs no new version.
	r.MustWrite("content/p.md", strings.Replace(doc("P-1", "1.0", "approved", body, "1.0"), "next_review = 2027-01-05", "last_reviewed = 2026-06-01\nnext_review = 2027-06-01", 1))
	commit(t, r, "2026-06-01T09:00:00+08:00", "张三")
	docs, diags, _ := read(t, r.Dir)
	if len(diags) != 0 || docs[0].Versions.Changed() || docs[0].Versions.Set.Hash != approved {
		t.Fatalf("after a review: %v, set %s; want no warning and the approval's commit", diags, docs[0].Versions.Set.Short())
	}

	// An uncommitted change of the body.
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", body+"\n新增一段。\n", "1.0"))
	docs, diags, _ = read(t, r.Dir)
	assertWarning(t, diags, "content/p.md:5: warning: the file differs from the text of version 1.0 approved in commit "+approved[:10]+" (2026-01-05), in changes not yet committed, but the version was not raised")
	if !docs[0].Versions.ChangedUncommitted {
		t.Error("ChangedUncommitted is false")
	}

	// Committed, it is named with its commit.
	changed := commit(t, r, "2026-07-01T09:00:00+08:00", "李四")
	docs, diags, _ = read(t, r.Dir)
	assertWarning(t, diags, "content/p.md:5: warning: the text changed in commit "+changed[:10]+" (2026-07-01, 李四) after version 1.0 was approved in commit "+approved[:10]+" (2026-01-05), but the version was not raised")
	if docs[0].Versions.ChangedIn.Hash != changed {
		t.Errorf("ChangedIn %s, want %s", docs[0].Versions.ChangedIn.Short(), changed)
	}

	// A new version clears it.
	r.MustWrite("content/p.md", doc("P-1", "1.1", "approved", body+"\n新增一段。\n", "1.0", "1.1"))
	commit(t, r, "2026-07-02T09:00:00+08:00", "李四")
	docs, diags, _ = read(t, r.Dir)
	if len(diags) != 0 || len(docs[0].Versions.Earlier) != 1 || docs[0].Versions.Earlier[0].Commit.Hash != changed {
		t.Errorf("after 1.1: %v %+v; want no warning and 1.0 as of the last commit that carried it", diags, docs[0].Versions.Earlier)
	}
}

func assertWarning(t *testing.T, diags diag.List, want string) {
	t.Helper()
	if len(diags) != 1 || diags[0].String() != want {
		t.Errorf("diagnostics:\n%v\nwant:\n%s", diags, want)
	}
}

func TestTombstones(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/old.md", doc("OLD-1", "3.0", "approved", "旧程序。\n", "3.0"))
	r.MustWrite("content/draft.md", doc("DRAFT-1", "0.1", "draft", "草稿。\n"))
	r.MustWrite("content/new.md", doc("NEW-1", "1.0", "approved", "新程序。\n", "1.0"))
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustRemove("content/old.md")
	r.MustRemove("content/draft.md")
	r.MustWrite("content/new.md", strings.Replace(doc("NEW-1", "1.0", "approved", "新程序。\n", "1.0"), "tier = 2", "tier = 2\nsupersedes = [\"OLD-1\"]", 1))
	deleted := commit(t, r, "2026-03-01T10:00:00+08:00", "李四")
	docs, _, h := read(t, r.Dir)
	tombs, err := h.Tombstones(docs)
	must(t, err)
	if len(tombs) != 2 {
		t.Fatalf("%d tombstones, want OLD-1 and DRAFT-1 (Publish drops the draft)", len(tombs))
	}
	cfg := &model.Config{Levels: []string{"public", "internal"}, Classification: "internal", DefaultClassification: "internal"}
	site := model.NewSite(cfg, model.Date{Year: 2026, Month: 3, Day: 2}, false, docs)
	history.Publish(site, tombs, func(c, s string) bool { return s != model.StatusDraft })
	if len(site.Tombstones) != 1 {
		t.Fatalf("published tombstones %v, want OLD-1", site.Tombstones)
	}
	ts := site.Tombstones[0]
	if ts.ID != "OLD-1" || ts.Withdrawn.Hash != deleted || ts.Last.Version != "3.0" || len(ts.ReplacedBy) != 1 || ts.ReplacedBy[0].ID != "NEW-1" {
		t.Errorf("tombstone %+v", ts)
	}
	text, err := h.Text(ts.Last.Blob)
	must(t, err)
	if !strings.Contains(string(text), "旧程序") {
		t.Errorf("last text %q", text)
	}
}

// A document whose file was deleted and later written again under
// another name, with a text git cannot pair with the old one, keeps
// the deleted file's last text as its earlier version.
func TestReAddedDocumentKeepsItsDeletedText(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/old.md", doc("P-1", "1.0", "approved", "旧程序。\n", "1.0"))
	approved := commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustRemove("content/old.md")
	commit(t, r, "2026-02-01T10:00:00+08:00", "张三")
	r.MustWrite("content/tier2/again.md", doc("P-1", "3.0", "approved", "完全重写的新程序，内容不同。\n", "1.0", "3.0"))
	commit(t, r, "2026-03-01T10:00:00+08:00", "李四")
	docs, _, h := read(t, r.Dir)
	v := docs[0].Versions
	if v == nil || len(v.Earlier) != 1 || v.Earlier[0].Version != "1.0" || v.Earlier[0].Commit.Hash != approved {
		t.Fatalf("versions %+v, want 1.0 from the deleted file's commit %s", v, approved)
	}
	text, err := h.Text(v.Earlier[0].Blob)
	must(t, err)
	if !strings.Contains(string(text), "旧程序") {
		t.Errorf("text of 1.0 %q", text)
	}
}

// A document deleted (the content folder removed by mistake) and
// written again keeps every earlier version its deleted file carried,
// not only the last one.
func TestReAddedDocumentKeepsEveryDeletedVersion(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/tier2/p.md", doc("P-1", "1.0", "approved", "第一版。\n", "1.0"))
	first := commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/tier2/p.md", doc("P-1", "1.1", "approved", "第二版。\n", "1.0", "1.1"))
	second := commit(t, r, "2026-01-06T10:00:00+08:00", "张三")
	r.MustRemove("content/tier2/p.md")
	commit(t, r, "2026-01-07T10:00:00+08:00", "张三")
	r.MustWrite("content/tier2/p.md", doc("P-1", "1.2", "approved", "第三版。\n", "1.0", "1.1", "1.2"))
	commit(t, r, "2026-01-08T10:00:00+08:00", "李四")
	docs, _, h := read(t, r.Dir)
	v := docs[0].Versions
	if v == nil || len(v.Earlier) != 2 {
		t.Fatalf("versions %+v, want 1.0 and 1.1 from the deleted file", v)
	}
	for i, want := range []struct{ version, commit, text string }{{"1.0", first, "第一版"}, {"1.1", second, "第二版"}} {
		e := v.Earlier[i]
		if e.Version != want.version || e.Commit.Hash != want.commit || e.Path != "content/tier2/p.md" {
			t.Errorf("earlier[%d] = %s %s %s, want %s %s", i, e.Version, e.Commit.Short(), e.Path, want.version, want.commit[:10])
		}
		text, err := h.Text(e.Blob)
		must(t, err)
		if !strings.Contains(string(text), want.text) {
			t.Errorf("text of %s %q", want.version, text)
		}
	}
}

// An author's name may hold any character git keeps, the separators of
// the log's fields included: the history is read whole, --as-of finds
// that author's commit, and the control characters are shown as U+FFFD.
func TestAuthorNamesWithSeparators(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "第一版。\n", "1.0"))
	approved := commit(t, r, "2026-01-05T10:00:00+08:00", "张\x1f三")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "第一版，改。\n", "1.0"))
	changed := commit(t, r, "2026-01-06T10:00:00+08:00", "李\x1e四")
	_, diags, _ := read(t, r.Dir)
	assertWarning(t, diags, "content/p.md:5: warning: the text changed in commit "+changed[:10]+" (2026-01-06, 李\ufffd四) after version 1.0 was approved in commit "+approved[:10]+" (2026-01-05), but the version was not raised")

	repo, _ := history.Open(r.Dir)
	_, at, err := repo.At(model.Date{Year: 2026, Month: 1, Day: 5})
	must(t, err)
	if at.Hash != approved || at.Author != "张\ufffd三" {
		t.Errorf("as of 2026-01-05: commit %s by %q, want %s", at.Short(), at.Author, approved[:10])
	}
}

func TestShallowClone(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "一。\n", "1.0"))
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.1", "approved", "二。\n", "1.0", "1.1"))
	last := commit(t, r, "2026-02-05T10:00:00+08:00", "张三")
	clone := filepath.Join(t.TempDir(), "clone")
	must(t, r.Git(nil, "clone", "-q", "--depth", "1", "file://"+r.Dir, clone))
	docs, notes, _ := read(t, clone)
	want := "note: the repository is a shallow clone whose history stops at commit " + last[:10] + " of 2026-02-05: versions before it are missing"
	if len(notes) != 1 || notes[0].String() != want {
		t.Errorf("notes %v, want %q", notes, want)
	}
	if v := docs[0].Versions; v == nil || !v.Shallow || len(v.Earlier) != 0 || !v.SetOrEarlier {
		t.Errorf("versions %+v, want shallow, no earlier version, and 1.1 set at the clone's first commit or before", v)
	}
	// A version raised inside the clone's history was set there.
	r.MustWrite("content/p.md", doc("P-1", "1.2", "approved", "三。\n", "1.0", "1.1", "1.2"))
	raised := commit(t, r, "2026-03-05T10:00:00+08:00", "张三")
	clone2 := filepath.Join(t.TempDir(), "clone2")
	must(t, r.Git(nil, "clone", "-q", "--depth", "2", "file://"+r.Dir, clone2))
	docs, _, _ = read(t, clone2)
	if v := docs[0].Versions; v == nil || !v.Shallow || v.SetOrEarlier || v.Set.Hash != raised || len(v.Earlier) != 1 {
		t.Errorf("versions %+v, want 1.2 set by %s and 1.1 as the earlier version", v, raised)
	}
}

// A commit whose time zone git would refuse today (written by a broken
// tool: fsck's badTimezone) is read on its own clock, as git shows it.
func TestCommitWithBadTimeZone(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "一。\n", "1.0"))
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.1", "approved", "二。\n", "1.0", "1.1"))
	odd := rawCommit(t, r, "author 李四 <l@example.com> 1767600000 +0099\ncommitter 李四 <l@example.com> 1767600000 +9999\n", "odd clock\n")

	docs, diags, _ := read(t, r.Dir)
	if len(diags) != 0 {
		t.Errorf("diagnostics: %v", diags)
	}
	// 1767600000 is 2026-01-05 08:00 UTC; +99:99 puts it at 12:39 on the 9th.
	day := model.Date{Year: 2026, Month: 1, Day: 9}
	if v := docs[0].Versions; v == nil || v.Set.Hash != odd || v.Set.Date() != day {
		t.Fatalf("versions %+v, want 1.1 set by %s on %s", v, odd[:10], day)
	}
	repo, _ := history.Open(r.Dir)
	if _, at, err := repo.At(day); err != nil || at.Hash != odd {
		t.Errorf("as of %s: %s, %v; want %s", day, at.Short(), err, odd[:10])
	}
}

// A version whose name cannot name a folder ("1.0*", "../x") has no
// page: git holds its text, so the build says why, at its [[history]]
// entry, rather than leave it out without a word.
func TestVersionNameWithoutPage(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/p.md", doc("P-1", "1.0*", "approved", "一。\n", "1.0*"))
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.1", "approved", "二。\n", "1.0*", "1.1"))
	commit(t, r, "2026-02-05T10:00:00+08:00", "张三")
	docs, diags, _ := read(t, r.Dir)
	want := `content/p.md:14: warning: version "1.0*" cannot name a folder of the site: its text has no page under v/ and its changes none under changes/`
	assertWarning(t, diags, want)
	if docs[0].Versions.Of("1.0*") == nil {
		t.Error("1.0* is not among the earlier versions")
	}
	// The current version's changes have no page either.
	r.MustWrite("content/p.md", doc("P-1", "../x", "approved", "三。\n", "1.0*", "1.1", "../x"))
	commit(t, r, "2026-03-05T10:00:00+08:00", "张三")
	_, diags, _ = read(t, r.Dir)
	if len(diags) != 2 || diags[1].String() != `content/p.md:5: warning: version "../x" cannot name a folder of the site: its changes have no page under changes/` {
		t.Errorf("diagnostics %v, want the warnings of 1.0* and ../x", diags)
	}
	// A version that git never held gives no warning.
	r2 := repo(t)
	r2.MustWrite("content/p.md", doc("P-1", "1.1", "approved", "二。\n", "1.0*", "1.1"))
	commit(t, r2, "2026-02-05T10:00:00+08:00", "张三")
	if _, diags, _ := read(t, r2.Dir); len(diags) != 0 {
		t.Errorf("diagnostics %v, want none", diags)
	}
}

// Two versions whose names differ only in case ("v1.0", then "V1.0")
// would be one folder where the site is copied to Windows or a Mac: the
// later has no page, with a warning at its entry.
func TestVersionNamesDifferingInCase(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/p.md", doc("P-1", "v1.0", "approved", "一。\n", "v1.0"))
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "V1.0", "approved", "二。\n", "v1.0", "V1.0"))
	commit(t, r, "2026-02-05T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "2.0", "approved", "三。\n", "v1.0", "V1.0", "2.0"))
	commit(t, r, "2026-03-05T10:00:00+08:00", "张三")
	docs, diags, _ := read(t, r.Dir)
	assertWarning(t, diags, `content/p.md:18: warning: versions "v1.0" and "V1.0" differ only in case, which Windows and macOS take for one folder: "V1.0" has no page`)
	if v := docs[0].Versions; len(v.Earlier) != 1 || v.Earlier[0].Version != "v1.0" {
		t.Errorf("earlier versions %+v, want v1.0 alone", v.Earlier)
	}
}

// Git before 2.31 has no --diff-merges: the history of the main line,
// merges included, is read with -m --first-parent instead. The git on the
// PATH here refuses the option as such a git does.
func TestGitWithoutDiffMerges(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in for an older git is a shell script")
	}
	real, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	r := repo(t)
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "一。\n", "1.0"))
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	must(t, r.Git(nil, "checkout", "-q", "-b", "edit"))
	r.MustWrite("content/p.md", doc("P-1", "1.1", "approved", "二。\n", "1.0", "1.1"))
	commit(t, r, "2026-01-06T10:00:00+08:00", "李四")
	must(t, r.Git(nil, "checkout", "-q", "main"))
	r.MustWrite("content/q.md", doc("P-2", "1.0", "approved", "另一份。\n", "1.0"))
	commit(t, r, "2026-01-07T10:00:00+08:00", "张三")
	must(t, r.Git([]string{"GIT_AUTHOR_NAME=王五", "GIT_AUTHOR_EMAIL=w@example.com", "GIT_AUTHOR_DATE=2026-01-08T10:00:00+08:00",
		"GIT_COMMITTER_NAME=王五", "GIT_COMMITTER_EMAIL=w@example.com", "GIT_COMMITTER_DATE=2026-01-08T10:00:00+08:00"},
		"merge", "-q", "--no-ff", "-m", "merge", "edit"))
	want, _, _ := read(t, r.Dir)

	bin := t.TempDir()
	must(t, os.WriteFile(filepath.Join(bin, "git"), []byte(`#!/bin/sh
for a in "$@"; do
	case "$a" in --diff-merges*) echo "fatal: unrecognized argument: $a" >&2; exit 128;; esac
done
exec '`+real+`' "$@"
`), 0o755))
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	got, diags, _ := read(t, r.Dir)
	if len(diags) != 0 {
		t.Errorf("diagnostics: %v", diags)
	}
	for i := range want {
		if g, w := fmt.Sprintf("%+v", got[i].Versions), fmt.Sprintf("%+v", want[i].Versions); g != w {
			t.Errorf("%s: versions %s\nwant %s", want[i].ID, g, w)
		}
	}
	if v := got[0].Versions; v == nil || len(v.Earlier) != 1 {
		t.Errorf("versions %+v, want 1.0 earlier", v)
	}
}

// Commits whose dates are out of order (a wrong clock): --as-of takes
// the newest commit of the main line dated on or before the day, and a
// day before every commit is told the earliest date there is.
func TestAsOfDatesOutOfOrder(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "一。\n", "1.0"))
	commit(t, r, "2026-01-10T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.1", "approved", "二。\n", "1.0", "1.1"))
	early := commit(t, r, "2026-01-05T10:00:00+08:00", "张三") // a clock days behind
	r.MustWrite("content/p.md", doc("P-1", "1.2", "approved", "三。\n", "1.0", "1.1", "1.2"))
	commit(t, r, "2026-01-20T10:00:00+08:00", "张三")
	repo, _ := history.Open(r.Dir)
	if _, at, err := repo.At(model.Date{Year: 2026, Month: 1, Day: 12}); err != nil || at.Hash != early {
		t.Errorf("as of 2026-01-12: %s, %v; want %s, the newest dated on or before", at.Short(), err, early[:10])
	}
	_, _, err := repo.At(model.Date{Year: 2026, Month: 1, Day: 4})
	if want := "no commit of the site is dated on or before 2026-01-04: its history starts on 2026-01-05"; err == nil || err.Error() != want {
		t.Errorf("as of 2026-01-04: %v, want %q", err, want)
	}
}

// A partial clone (git clone --filter=blob:none) has not the earlier
// texts, and git would fetch them from the network, or stop when it
// cannot: the site builds without history, with a note that says why.
func TestPartialClone(t *testing.T) {
	r := repo(t)
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", "一。\n", "1.0"))
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.1", "approved", "二。\n", "1.0", "1.1"))
	commit(t, r, "2026-02-05T10:00:00+08:00", "张三")
	must(t, r.Git(nil, "config", "uploadpack.allowFilter", "true"))
	clone := filepath.Join(t.TempDir(), "clone")
	must(t, r.Git(nil, "clone", "-q", "--no-local", "--filter=blob:none", "file://"+r.Dir, clone))
	repo, notes := history.Open(clone)
	if repo != nil || len(notes) != 1 || !strings.Contains(notes[0].Message, "is a partial clone") {
		t.Errorf("got %v, %v; want no repository and a note that it is a partial clone", repo, notes)
	}
}

// A save in serve reads the history of the saved file, and of no other.
func TestDocumentsReadsOnlyItsFiles(t *testing.T) {
	r := repo(t)
	for _, id := range []string{"A", "B", "C"} {
		r.MustWrite("content/"+id+".md", doc(id, "1.0", "approved", "一。\n", "1.0"))
	}
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	for _, id := range []string{"A", "B", "C"} {
		r.MustWrite("content/"+id+".md", doc(id, "1.1", "approved", "二。\n", "1.0", "1.1"))
	}
	commit(t, r, "2026-02-05T10:00:00+08:00", "张三")
	docs, _, h := read(t, r.Dir)
	before := h.TextsRead()
	r.MustWrite("content/B.md", doc("B", "1.1", "approved", "二，改。\n", "1.0", "1.1"))
	var saved []*model.Document
	for _, d := range documents(t, r.Dir) {
		if d.ID == "B" {
			saved = append(saved, d)
		}
	}
	h.Touched("content/B.md")
	diags, err := h.Documents(saved)
	must(t, err)
	// B's two commits at most: the text of 1.0, and its last commit's to
	// compare the file on disk with.
	if n := h.TextsRead() - before; n == 0 || n > 2 {
		t.Errorf("the save read %d texts, want those of B's commits only (1 or 2)", n)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "not yet committed") {
		t.Errorf("diagnostics %v, want B's uncommitted change after approval", diags)
	}
	_ = docs
}

// A record's front matter is controlled as its body is: a changed
// retention period, or an action added or closed, changes the record
// approved (warning changed-after-approval, the version to raise). Only
// the review dates may change without a new version.
func TestRecordChangedAfterApproval(t *testing.T) {
	record := func(extra string) string {
		return "+++\nid = \"R-1\"\ntitle = \"内部审核报告\"\ntier = 3\ntype = \"record\"\nversion = \"1.0\"\nstatus = \"approved\"\nowners = [\"isd\"]\napprover = \"总经理\"\napproved = 2026-01-05\n" +
			extra + "+++\n\n审核发现。\n"
	}
	const action = "\n[[actions]]\nid = \"NC-1\"\ntitle = \"整改\"\nsource = \"nonconformity\"\nowner = \"isd\"\ndue = 2026-03-31\n"
	const retention = "retention = \"3 years\"\n"
	for _, tc := range []struct {
		name, approved, later string
		warn                  bool
	}{
		{"review dates", retention + action, "last_reviewed = 2026-02-01\nnext_review = 2027-02-01\n" + retention + action, false},
		{"retention changed", retention, "retention = \"永久\"\n", true},
		{"retention added", "", retention, true},
		{"action added", retention, retention + action, true},
		{"action closed", retention + action, retention + action + "closed = 2026-03-20\nevidence = \"R-1\"\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := repo(t)
			r.MustWrite("content/r.md", record(tc.approved))
			approved := commit(t, r, "2026-01-05T09:00:00+08:00", "总经理")
			r.MustWrite("content/r.md", record(tc.later))
			changed := commit(t, r, "2026-02-01T09:00:00+08:00", "张三")
			_, diags, _ := read(t, r.Dir)
			if !tc.warn {
				if len(diags) != 0 {
					t.Fatalf("%v; want no warning", diags)
				}
				return
			}
			assertWarning(t, diags, "content/r.md:6: warning: the text changed in commit "+changed[:10]+" (2026-02-01, 张三) after version 1.0 was approved in commit "+approved[:10]+" (2026-01-05), but the version was not raised")
			// The hint tells the document controller what to do.
			for lang, want := range map[string]string{
				"en":    "raise version and add a [[history]] entry for the change (material = false for a correction that needs no new acknowledgement), or restore the approved text",
				"zh-CN": "请提高版本号并为此次修改添加一条 [[history]]（无需重新确认阅读的更正可写 material = false），或恢复已批准的内容",
			} {
				c, err := i18n.Messages(ismsgen.I18n(), lang)
				must(t, err)
				if len(diags) == 1 && c.Hint(diags[0]) != want {
					t.Errorf("%s hint: %q, want %q", lang, c.Hint(diags[0]), want)
				}
			}
		})
	}
}

// An earlier text saved as GBK by an older editor is not shown: its
// bytes would reach every page as they are, and they are not UTF-8.
// A deleted file's last text in GBK leaves no tombstone for the same
// reason.
func TestEarlierTextNotUTF8(t *testing.T) {
	r := repo(t)
	gbk := func(s string) string { // 访问 in GBK, in place of the title
		return strings.ReplaceAll(s, "访问控制程序", "\xb7\xc3\xce\xca")
	}
	r.MustWrite("content/tier2/p1.md", gbk(doc("P-1", "1.0", "approved", "body\n", "1.0")))
	r.MustWrite("content/tier2/p2.md", gbk(doc("P-2", "1.0", "approved", "body\n", "1.0")))
	commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
	r.MustWrite("content/tier2/p1.md", doc("P-1", "1.1", "approved", "新版。\n", "1.0", "1.1"))
	r.MustRemove("content/tier2/p2.md")
	commit(t, r, "2026-02-05T10:00:00+08:00", "李四")

	docs, _, h := read(t, r.Dir)
	if v := docs[0].Versions; v == nil || len(v.Earlier) != 0 {
		t.Errorf("versions %+v, want no earlier version shown", v)
	}
	tombs, err := h.Tombstones(docs)
	must(t, err)
	if len(tombs) != 0 {
		t.Errorf("tombstones %+v, want none", tombs)
	}
}

// A file moved on disk and not yet committed (a plain mv, or a staged
// git mv) keeps its history: a controller reorganising folders sees the
// earlier versions before the commit as after it.
func TestMovedNotCommitted(t *testing.T) {
	for _, tc := range []struct {
		staged bool
		name   string
	}{{false, "p1.md"}, {true, "p1.md"}, {false, "P1.MD"}} {
		staged := tc.staged
		t.Run(fmt.Sprint("staged=", staged, ",", tc.name), func(t *testing.T) {
			r := repo(t)
			r.MustWrite("content/tier2/"+tc.name, doc("P-1", "1.0", "approved", "第一版。\n", "1.0"))
			r.MustWrite("content/tier2/p2.md", doc("P-2", "1.0", "approved", "另一份。\n", "1.0"))
			commit(t, r, "2026-01-05T10:00:00+08:00", "张三")
			r.MustWrite("content/tier2/"+tc.name, doc("P-1", "1.1", "approved", "第二版。\n", "1.0", "1.1"))
			set := commit(t, r, "2026-02-05T10:00:00+08:00", "李四")
			r.MustMove("content/tier2/"+tc.name, "content/tier3/"+tc.name)
			if staged {
				must(t, r.Git(nil, "add", "-A"))
			}
			docs, diags, _ := read(t, r.Dir)
			if len(diags) != 0 {
				t.Errorf("diagnostics: %v", diags)
			}
			for _, d := range docs {
				if d.ID != "P-1" {
					continue
				}
				if v := d.Versions; v == nil || len(v.Earlier) != 1 || v.Earlier[0].Version != "1.0" || v.Set.Hash != set {
					t.Errorf("versions %+v, want 1.0 earlier and 1.1 set by %s", v, set)
				}
			}
		})
	}
}

// A site folder moved within its repository (into a larger repository's
// isms/ folder) keeps its history: git, asked about the content folder
// alone, sees the move as files added there.
func TestSiteFolderMoved(t *testing.T) {
	r := repo(t)
	c1, set := twoVersions(t, r, "content/tier2/p1.md")
	r.MustMove("content", "isms/content")
	r.MustMove("isms.toml", "isms/isms.toml")
	r.MustWrite("README.md", "the company's repository\n")
	commit(t, r, "2026-03-05T10:00:00+08:00", "王五")

	docs, diags, h := read(t, filepath.Join(r.Dir, "isms"))
	if len(diags) != 0 {
		t.Errorf("diagnostics: %v", diags)
	}
	v := docs[0].Versions
	if v == nil || len(v.Earlier) != 1 || v.Earlier[0].Commit.Hash != c1 || v.Set.Hash != set {
		t.Fatalf("versions %+v, want 1.0 of %s and 1.1 set by %s", v, c1, set)
	}
	text, err := h.Text(v.Earlier[0].Blob)
	must(t, err)
	if !strings.Contains(string(text), "第一版") {
		t.Errorf("1.0's text %q", text)
	}
}

// The user's own git configuration changes nothing that is read: a
// root commit shown without its files (log.showRoot), renames not
// followed, quoted names, another encoding, colours, a pager, an order
// file that is missing, a program for diffs.
func TestUserGitConfigIgnored(t *testing.T) {
	r := repo(t)
	_, c2 := twoVersions(t, r, "content/tier2/p 1.md")
	r.MustMove("content/tier2/p 1.md", "content/tier2/访问“控制”.md")
	commit(t, r, "2026-02-06T10:00:00+08:00", "李四")

	docs, _, _ := read(t, r.Dir)
	want := fmt.Sprintf("%+v", docs[0].Versions)

	global := filepath.Join(t.TempDir(), "gitconfig")
	must(t, os.WriteFile(global, []byte(`[log]
	showRoot = false
	follow = true
	showSignature = true
	date = relative
	abbrevCommit = true
	decorate = full
[diff]
	renames = false
	noprefix = true
	relative = true
	orderFile = /nonexistent/order
	external = /bin/false
[core]
	quotePath = true
	pager = less
	abbrev = 7
[i18n]
	logOutputEncoding = gbk
[color]
	ui = always
[format]
	pretty = oneline
`), 0o644))
	t.Setenv("GIT_CONFIG_GLOBAL", global)
	t.Setenv("GIT_CONFIG_COUNT", "1")
	t.Setenv("GIT_CONFIG_KEY_0", "log.showRoot")
	t.Setenv("GIT_CONFIG_VALUE_0", "false")

	docs, diags, h := read(t, r.Dir)
	if len(diags) != 0 {
		t.Errorf("diagnostics: %v", diags)
	}
	v := docs[0].Versions
	if got := fmt.Sprintf("%+v", v); got != want || len(v.Earlier) != 1 || v.Set.Hash != c2 {
		t.Fatalf("versions %s\nwant %s", got, want)
	}
	text, err := h.Text(v.Earlier[0].Blob)
	must(t, err)
	if !strings.Contains(string(text), "第一版") {
		t.Errorf("1.0's text %q", text)
	}
}

// The texts of many documents are shared among readers, one git process
// each: every document gets the versions, texts and warnings that one
// reader gives it, whether the texts were read ahead (see Read) or by
// the walks themselves.
func TestTextsSharedAmongReaders(t *testing.T) {
	r := repo(t)
	const n = 7
	for c, v := range []string{"1.0", "1.1", "1.2"} {
		for i := range n {
			if c > 0 && i%(c+1) != 0 {
				continue // not every document has every version
			}
			versions := []string{"1.0", "1.1", "1.2"}[:c+1]
			r.MustWrite(fmt.Sprintf("content/p%d.md", i), doc(fmt.Sprintf("P-%d", i), v, "approved", fmt.Sprintf("第%d版，文件%d。\n", c, i), versions...))
		}
		commit(t, r, fmt.Sprintf("2026-0%d-05T10:00:00+08:00", c+1), "张三")
	}
	// One document changed after approval, not committed.
	r.MustWrite("content/p0.md", doc("P-0", "1.2", "approved", "改动。\n", "1.0", "1.1", "1.2"))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	summary := func() (string, int) {
		docs, diags, h := read(t, r.Dir)
		var b strings.Builder
		fmt.Fprintf(&b, "%d texts read\n", h.TextsRead()) // each once, read ahead or not
		for _, d := range docs {
			fmt.Fprintf(&b, "%s set %s changed %v\n", d.ID, d.Versions.Set.Short(), d.Versions.Changed())
			for _, e := range d.Versions.Earlier {
				text, err := h.Text(e.Blob)
				must(t, err)
				fmt.Fprintf(&b, "  %s %s %s %q\n", e.Version, e.Commit.Short(), e.Path, text)
			}
		}
		fmt.Fprintln(&b, diags)
		most, open := h.Readers()
		if open != 1 {
			t.Errorf("%d readers open once the texts are read, want 1", open)
		}
		return b.String(), most
	}
	one, readers := summary()
	if readers != 1 {
		t.Fatalf("%d readers of a few texts, want 1", readers)
	}
	defer history.SetPerReader(1)()
	for _, ahead := range []bool{true, false} {
		restore := history.SetReadAhead(ahead)
		shared, readers := summary()
		restore()
		if readers < 2 {
			t.Fatalf("%d readers (read ahead: %v), want several", readers, ahead)
		}
		if shared != one {
			t.Errorf("with %d readers (read ahead: %v):\n%s\nwith one:\n%s", readers, ahead, shared, one)
		}
	}
}

// The texts of a repository whose older objects are packed and whose
// newer ones are loose are the same, read ahead with the fast paths on
// (the loose ones read by ismsgen, the packed ones by git) and off (all
// by git).
func TestTextsLooseAndPacked(t *testing.T) {
	r := repo(t)
	for c, v := range []string{"1.0", "1.1", "1.2", "1.3"} {
		for i := range 4 {
			versions := []string{"1.0", "1.1", "1.2", "1.3"}[:c+1]
			r.MustWrite(fmt.Sprintf("content/p%d.md", i), doc(fmt.Sprintf("P-%d", i), v, "approved", fmt.Sprintf("第%d版，文件%d。\n", c, i), versions...))
		}
		commit(t, r, fmt.Sprintf("2026-0%d-05T10:00:00+08:00", c+1), "张三")
		if c == 1 {
			must(t, r.Git(nil, "gc", "-q"))
		}
	}
	summary := func(on bool) (string, int) {
		defer fast.Set(on)()
		docs, diags, h := read(t, r.Dir)
		var b strings.Builder
		for _, d := range docs {
			for _, e := range d.Versions.Earlier {
				text, err := h.Text(e.Blob)
				must(t, err)
				fmt.Fprintf(&b, "%s %s %s %q\n", d.ID, e.Version, e.Commit.Short(), text)
			}
		}
		fmt.Fprintln(&b, diags)
		return b.String(), h.LooseTexts()
	}
	fastOn, loose := summary(true)
	fastOff, none := summary(false)
	if fastOn != fastOff {
		t.Errorf("with the fast paths on:\n%s\noff:\n%s", fastOn, fastOff)
	}
	if want := 4; loose != want || none != 0 {
		t.Errorf("%d texts read from loose objects with the fast paths on, %d off; want %d and 0", loose, none, want)
	}
	if strings.Count(fastOn, "\n") != 4*3+1 {
		t.Errorf("want 3 earlier versions of 4 documents:\n%s", fastOn)
	}
}

// A work tree whose files git's index no longer knows by their status
// (copied, or touched) but whose bytes are the last commit's is read as
// the same work tree fresh from a checkout: the files are not compared
// with their last commits' texts, which are not read; a file whose
// bytes did change still is.
func TestTouchedFilesNotRead(t *testing.T) {
	r := repo(t)
	for c, v := range []string{"1.0", "1.1"} {
		for i := range 3 {
			r.MustWrite(fmt.Sprintf("content/p%d.md", i), doc(fmt.Sprintf("P-%d", i), v, "approved", fmt.Sprintf("第%d版，文件%d。\n", c, i), []string{"1.0", "1.1"}[:c+1]...))
		}
		commit(t, r, fmt.Sprintf("2026-0%d-05T10:00:00+08:00", c+1), "张三")
	}
	summary := func(on bool) (string, int) {
		defer fast.Set(on)()
		docs, diags, h := read(t, r.Dir)
		var b strings.Builder
		for _, d := range docs {
			fmt.Fprintf(&b, "%s set %s changed %v uncommitted %v\n", d.ID, d.Versions.Set.Short(), d.Versions.Changed(), d.Versions.ChangedUncommitted)
		}
		fmt.Fprintln(&b, diags)
		return b.String(), h.TextsRead()
	}
	fresh, freshRead := summary(true)
	later := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 3 {
		must(t, os.Chtimes(filepath.Join(r.Dir, fmt.Sprintf("content/p%d.md", i)), later, later))
	}
	touched, touchedRead := summary(true)
	if touched != fresh || touchedRead != freshRead {
		t.Errorf("touched: %d texts read, fresh: %d; touched:\n%s\nfresh:\n%s", touchedRead, freshRead, touched, fresh)
	}
	if off, offRead := summary(false); off != fresh || offRead <= freshRead {
		t.Errorf("with the fast paths off: %d texts read (fresh: %d):\n%s", offRead, freshRead, off)
	}
	// Changed, not committed: compared, and told.
	r.MustWrite("content/p1.md", doc("P-1", "1.1", "approved", "改动。\n", "1.0", "1.1"))
	changed, _ := summary(true)
	if off, _ := summary(false); changed != off || !strings.Contains(changed, "P-1 set") || !strings.Contains(changed, "not yet committed") {
		t.Errorf("a file changed after its commit, fast paths on:\n%s\noff:\n%s", changed, off)
	}
}

// A deploy hook checks a bare repository out into a folder with no .git
// of its own (GIT_DIR=site.git GIT_WORK_TREE=folder git checkout -f):
// with those two set, the folder is built with its history; without
// them, the note says how.
func TestDeployedFromBareRepository(t *testing.T) {
	r := repo(t)
	c1, _ := twoVersions(t, r, "content/tier2/p1.md")
	bare, site := filepath.Join(t.TempDir(), "site.git"), filepath.Join(t.TempDir(), "srv")
	must(t, os.Mkdir(site, 0o755))
	must(t, r.Git(nil, "clone", "-q", "--bare", r.Dir, bare))
	must(t, r.Git(nil, "--git-dir="+bare, "--work-tree="+site, "checkout", "-q", "-f", "main"))

	repo, notes := history.Open(site)
	if repo != nil || len(notes) != 1 || !strings.Contains(notes[0].Hint, "GIT_WORK_TREE") {
		t.Fatalf("without the hook's environment: %v %v, want a note that says how", repo, notes)
	}
	// A GIT_DIR whose work tree is another folder is not used.
	t.Setenv("GIT_DIR", bare)
	t.Setenv("GIT_WORK_TREE", t.TempDir())
	if repo, _ := history.Open(site); repo != nil {
		t.Fatal("a repository whose work tree is another folder was used")
	}
	t.Setenv("GIT_WORK_TREE", site)
	docs, diags, _ := read(t, site)
	if v := docs[0].Versions; v == nil || len(v.Earlier) != 1 || v.Earlier[0].Commit.Hash != c1 || len(diags) != 0 {
		t.Fatalf("versions %+v, diagnostics %v: want 1.0 of commit %s", v, diags, c1)
	}
}

// EarlierIn and CurrentIn give what Earlier and Current give, read into
// a room whose buffers are used again once it is emptied.
func TestTextsReadIntoRoom(t *testing.T) {
	r := repo(t)
	twoVersions(t, r, "content/tier2/p1.md")
	r.MustWrite("content/tier2/p1.md", doc("P-1", "2.0", "approved", strings.Repeat("第三版，比第二版长得多。\n", 200), "1.0", "1.1", "2.0"))

	docs, _, h := read(t, r.Dir)
	d := docs[0]
	if d.Versions == nil || len(d.Versions.Earlier) != 2 {
		t.Fatalf("versions %+v, want 1.0 and 1.1", d.Versions)
	}
	cfg := &model.Config{Levels: []string{"public", "internal"}, DefaultClassification: "internal"}
	var room model.TextRoom
	for round := 0; round < 3; round++ { // the room's buffers used again
		for _, v := range d.Versions.Earlier {
			want, err := h.Earlier(cfg, v.Blob, v.Path)
			must(t, err)
			got, err := h.EarlierIn(&room, cfg, v.Blob, v.Path)
			must(t, err)
			if got.FrontMatter != want.FrontMatter || got.Body != want.Body || got.Doc == nil || got.Doc.Title != want.Doc.Title || got.Doc.Status != want.Doc.Status {
				t.Fatalf("version %s read into a room: %+v; want %+v", v.Version, got, want)
			}
		}
		want, err := h.Current(d)
		must(t, err)
		got, err := h.CurrentIn(&room, d)
		must(t, err)
		if got.FrontMatter != want.FrontMatter || got.Body != want.Body || !strings.Contains(got.Body, "第三版") {
			t.Fatalf("the current file read into a room: %+v; want %+v", got, want)
		}
		room.Empty()
	}
	gone := &model.Document{Path: "content/tier2/gone.md"}
	if _, err := h.CurrentIn(&room, gone); err == nil || !strings.Contains(err.Error(), "the file is gone") {
		t.Errorf("a file gone: %v", err)
	}
}

// An editor that trims the spaces at the ends of lines, or ends the
// file with a newline, changes nothing a reader sees: no
// changed-after-approval. Two spaces that break a line are text, and so
// is what a line says.
func TestWhitespaceAfterApproval(t *testing.T) {
	r := repo(t)
	body := "## 1 目的  \n\n控制访问。 \n第二行。\t\n\n换行  \n在此。"
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", body, "1.0"))
	approved := commit(t, r, "2026-01-05T09:00:00+08:00", "总经理")
	trimmed := "## 1 目的\n\n控制访问。\n第二行。\n\n换行  \n在此。\n\n"
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", trimmed, "1.0"))
	commit(t, r, "2026-02-01T09:00:00+08:00", "张三")
	if _, diags, _ := read(t, r.Dir); len(diags) != 0 {
		t.Fatalf("after trimming spaces and ending the file with a newline: %v; want no warning", diags)
	}
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", strings.Replace(trimmed, "换行  \n", "换行\n", 1), "1.0"))
	changed := commit(t, r, "2026-03-01T09:00:00+08:00", "李四")
	_, diags, _ := read(t, r.Dir)
	assertWarning(t, diags, "content/p.md:5: warning: the text changed in commit "+changed[:10]+" (2026-03-01, 李四) after version 1.0 was approved in commit "+approved[:10]+" (2026-01-05), but the version was not raised")
}

// notDrafted is what a build without --drafts publishes of a text.
func notDrafted(_, status string) bool {
	return status != model.StatusDraft && status != model.StatusReview
}

// publishedSite is the site of docs on 2026-03-02 with the tombstones of
// h that published lets through (history.Publish).
func publishedSite(t *testing.T, h *history.History, docs []*model.Document, published func(class, status string) bool) *model.Site {
	t.Helper()
	tombs, err := h.Tombstones(docs)
	must(t, err)
	cfg := &model.Config{Levels: []string{"public", "internal"}, Classification: "internal", DefaultClassification: "internal"}
	site := model.NewSite(cfg, model.Date{Year: 2026, Month: 3, Day: 2}, false, docs)
	history.Publish(site, tombs, published)
	return site
}

// TestReapprovedSameVersion: a version approved, put back into review,
// rewritten and approved again under the same number is still the
// version its first approval set: the same number now names another
// text, and readers are not asked to acknowledge it, so it is warned of
// as a change after approval. A first approval after a draft and a
// review is no change.
func TestReapprovedSameVersion(t *testing.T) {
	r := repo(t)
	body := "## 1 目的\n\n控制访问。\n"
	r.MustWrite("content/p.md", doc("P-1", "1.0", "draft", body, "1.0"))
	commit(t, r, "2026-01-02T09:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "review", body, "1.0"))
	commit(t, r, "2026-01-03T09:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", body, "1.0"))
	approved := commit(t, r, "2026-01-05T09:00:00+08:00", "总经理")
	docs, diags, _ := read(t, r.Dir)
	if len(diags) != 0 || docs[0].Versions.Set.Hash != approved {
		t.Fatalf("first approval: %v, set %s; want no warning and the approval's commit", diags, docs[0].Versions.Set.Short())
	}

	// Back into review with the same text, and approved again: nothing changed.
	r.MustWrite("content/p.md", doc("P-1", "1.0", "review", body, "1.0"))
	commit(t, r, "2026-03-01T09:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", body, "1.0"))
	commit(t, r, "2026-03-02T09:00:00+08:00", "总经理")
	docs, diags, _ = read(t, r.Dir)
	if len(diags) != 0 || docs[0].Versions.Set.Hash != approved {
		t.Fatalf("approved again unchanged: %v, set %s; want no warning and the first approval's commit", diags, docs[0].Versions.Set.Short())
	}

	// Back into review, rewritten, and approved again under 1.0.
	r.MustWrite("content/p.md", doc("P-1", "1.0", "review", body+"\n新增一段。\n", "1.0"))
	rewritten := commit(t, r, "2026-06-01T09:00:00+08:00", "李四")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", body+"\n新增一段。\n", "1.0"))
	commit(t, r, "2026-06-02T09:00:00+08:00", "总经理")
	docs, diags, _ = read(t, r.Dir)
	assertWarning(t, diags, "content/p.md:5: warning: the text changed in commit "+rewritten[:10]+" (2026-06-01, 李四) after version 1.0 was approved in commit "+approved[:10]+" (2026-01-05), but the version was not raised")
	if docs[0].Versions.Set.Hash != approved || docs[0].Versions.ChangedIn.Hash != rewritten {
		t.Errorf("set %s, changed in %s; want %s and %s", docs[0].Versions.Set.Short(), docs[0].Versions.ChangedIn.Short(), approved[:10], rewritten[:10])
	}

	// Put back into review and rewritten in the next commit: the text as
	// approved is the approved one before, not the one in review.
	r = repo(t)
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", body, "1.0"))
	approved = commit(t, r, "2026-01-05T09:00:00+08:00", "总经理")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "review", body, "1.0"))
	commit(t, r, "2026-03-01T09:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "review", body+"\n新增一段。\n", "1.0"))
	rewritten = commit(t, r, "2026-03-02T09:00:00+08:00", "李四")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", body+"\n新增一段。\n", "1.0"))
	commit(t, r, "2026-03-03T09:00:00+08:00", "总经理")
	docs, diags, _ = read(t, r.Dir)
	assertWarning(t, diags, "content/p.md:5: warning: the text changed in commit "+rewritten[:10]+" (2026-03-02, 李四) after version 1.0 was approved in commit "+approved[:10]+" (2026-01-05), but the version was not raised")
	if a := docs[0].Versions.AsApproved; a == nil || a.Commit.Hash != approved || a.Status != "approved" {
		t.Errorf("as approved: %+v; want the text of commit %s, approved", a, approved[:10])
	}
}

// An earlier version put back into review, rewritten and approved again
// under its number before the next version: its page shows its last
// text, changed after its first approval.
func TestEarlierReapprovedSameVersion(t *testing.T) {
	r := repo(t)
	body := "## 1 目的\n\n控制访问。\n"
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", body, "1.0"))
	approved := commit(t, r, "2026-01-05T09:00:00+08:00", "总经理")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "review", body, "1.0"))
	commit(t, r, "2026-03-01T09:00:00+08:00", "张三")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "review", body+"\n新增一段。\n", "1.0"))
	rewritten := commit(t, r, "2026-03-02T09:00:00+08:00", "李四")
	r.MustWrite("content/p.md", doc("P-1", "1.0", "approved", body+"\n新增一段。\n", "1.0"))
	commit(t, r, "2026-03-03T09:00:00+08:00", "总经理")
	r.MustWrite("content/p.md", doc("P-1", "1.1", "approved", body+"\n新增一段。\n\n再一段。\n", "1.0", "1.1"))
	commit(t, r, "2026-05-01T09:00:00+08:00", "总经理")
	docs, _, _ := read(t, r.Dir)
	if len(docs[0].Versions.Earlier) != 1 {
		t.Fatalf("earlier versions: %+v", docs[0].Versions.Earlier)
	}
	e := docs[0].Versions.Earlier[0]
	if e.Since.Hash != approved || e.ChangedIn.Hash != rewritten || e.AsApproved == nil || e.AsApproved.Commit.Hash != approved {
		t.Errorf("version 1.0: approved in %s, changed in %s, as approved %+v; want %s, %s and the text of %s",
			e.Since.Short(), e.ChangedIn.Short(), e.AsApproved, approved[:10], rewritten[:10], approved[:10])
	}
}
