package generator_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"ismsgen"
	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/history/demo"
	"ismsgen/generator/i18n"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// historyGoldenFiles are pages of the demonstration history compared
// with testdata/golden/history/.
var historyGoldenFiles = []string{
	"docs/ISMS-P-001/index.html",
	"docs/ISMS-P-001/v/1.0/index.html",
	"docs/ISMS-P-001/changes/1.1/index.html",
	"docs/ISMS-P-001/changes/1.2/index.html",
	"docs/ISMS-P-001/since-approval/index.html",
	"docs/ISMS-P-009/index.html",
	"docs/ISMS-P-009/v/1.0/index.html",
	"docs/ISMS-P-040/index.html",
}

var (
	demoOnce sync.Once
	demoDir  string // removed by TestMain
	demoErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if demoDir != "" {
		os.RemoveAll(filepath.Dir(demoDir))
	}
	os.Exit(code)
}

// demoSite writes the demonstration history once, for the tests that
// read it. Its commits have fixed dates and authors, so their hashes are
// the same every time.
func demoSite(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "ismsgen-demo-")
		if err != nil {
			demoErr = err
			return
		}
		demoDir = filepath.Join(dir, "site")
		demoErr = demo.Write(demoDir)
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoDir
}

// historyBuild builds the demonstration with opts, keeping the warnings.
func historyBuild(t *testing.T, source string, opts generator.Options) (map[string][]byte, *generator.Result) {
	t.Helper()
	opts.Source, opts.Dest, opts.Defaults = source, filepath.Join(t.TempDir(), "public"), defaults()
	if opts.Now.IsZero() && opts.AsOf.IsZero() {
		opts.Now = model.Date{Year: 2026, Month: 3, Day: 2}
	}
	res, err := generator.Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Diagnostics.HasErrors() {
		var b bytes.Buffer
		res.Diagnostics.Print(&b, nil)
		t.Fatal(b.String())
	}
	return readTree(t, opts.Dest), res
}

func TestHistoryGolden(t *testing.T) {
	tree, _ := historyBuild(t, demoSite(t), generator.Options{})
	for _, name := range historyGoldenFiles {
		got, ok := tree[name]
		if !ok {
			t.Errorf("%s was not written", name)
			continue
		}
		compareGolden(t, "history/"+name, got)
	}
}

// Every warning of the history at its line, once.
func TestHistoryWarnings(t *testing.T) {
	site := demoSite(t)
	_, res := historyBuild(t, site, generator.Options{})
	var got []string
	for _, d := range res.Diagnostics {
		if d.File != "content" {
			got = append(got, d.String())
		}
	}
	want := []string{
		`content/tier2/asset.md:5: warning: version "2.0", but the last [[history]] entry is "1.0"`,
		`content/tier2/isms-p-001.md:5: warning: the text changed in commit ` + commitOf(t, site, "直接修改正文") + ` (2026-01-10, 孙伟) after version 1.2 was approved in commit ` + commitOf(t, site, "1.2：更正错别字") + ` (2025-06-15), but the version was not raised`,
		`content/tier2/media.md:10: warning: approver "吴磊" is also the author`,
		`content/tier2/media.md:10: warning: approver "吴磊" may not approve tier-2 documents; [approvers] allows 总经理, 管理者代表`,
		`content/tier2/supplier.md:10: warning: approver "信息安全经理" may not approve tier-2 documents; [approvers] allows 总经理, 管理者代表`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// commitOf is the short hash of the demonstration's commit whose message
// contains msg.
func commitOf(t *testing.T, site, msg string) string {
	t.Helper()
	out, err := exec.Command("git", "-C", site, "log", "--format=%H %s").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if hash, subject, ok := strings.Cut(line, " "); ok && strings.Contains(subject, msg) {
			return hash[:10]
		}
	}
	t.Fatalf("no commit %q", msg)
	return ""
}

// An earlier version that was confidential, or a draft, appears nowhere
// unless the build publishes such documents; earlier versions and
// withdrawn documents are in no sitemap, search index or feed.
func TestHistoryPublishesNothingWithheld(t *testing.T) {
	secret := []string{"HSM-01"}   // ISMS-S-001 1.0 was confidential
	draft := []string{"口令不少于 8 位"} // ISMS-G-001 0.9 was a draft
	cases := []struct {
		name       string
		opts       generator.Options
		shown, hid []string
	}{
		{"default", generator.Options{}, nil, append(secret, draft...)},
		{"drafts", generator.Options{Drafts: true}, draft, secret},
		{"confidential", generator.Options{Classification: "confidential"}, secret, draft},
	}
	site := demoSite(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tree, _ := historyBuild(t, site, tc.opts)
			found := func(s string) []string {
				var in []string
				for name, data := range tree {
					if bytes.Contains(data, []byte(s)) {
						in = append(in, name)
					}
				}
				return in
			}
			for _, s := range tc.hid {
				if in := found(s); len(in) > 0 {
					t.Errorf("%q is in %v", s, in)
				}
			}
			for _, s := range tc.shown {
				if len(found(s)) == 0 {
					t.Errorf("%q is nowhere", s)
				}
			}
			for name, data := range tree {
				if name == "sitemap.xml" || name == "feed.xml" || name == "documents.json" || strings.HasPrefix(name, "search/") {
					for _, url := range []string{"/v/", "/changes/", "docs/ISMS-P-009/", "ISMS-P-009\"", "docs/ISMS-P-040/"} {
						if bytes.Contains(data, []byte(url)) {
							t.Errorf("%s names %s", name, url)
						}
					}
				}
			}
		})
	}
}

// A withdrawn document keeps its URL: when, what replaced it, its last
// text; and the current version's ack link and feed entry stay those of
// the last material version.
func TestHistoryTombstoneAndMaterial(t *testing.T) {
	tree, _ := historyBuild(t, demoSite(t), generator.Options{})
	page := string(tree["docs/ISMS-P-009/index.html"])
	for _, want := range []string{"2025-10-01", `href="../../docs/ISMS-P-010/"`, `href="v/1.0/"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the tombstone does not show %s", want)
		}
	}
	doc := string(tree["docs/ISMS-P-001/index.html"])
	if !strings.Contains(doc, "doc=ISMS-P-001&amp;v=1.1") || strings.Contains(doc, "v=1.2") {
		t.Error("the ack link is not that of 1.1, the last material version")
	}
	feed := string(tree["feed.xml"])
	if !strings.Contains(feed, "urn:ismsgen:ISMS-P-001:1.1") || strings.Contains(feed, "ISMS-P-001:1.2") {
		t.Error("the feed announces 1.2, a change that is not material")
	}
}

// The changes page of a version whose text changed after approval says
// so, as the document's page does: the text it compares is not the one
// approved.
func TestHistoryChangesOfAChangedVersion(t *testing.T) {
	tree, _ := historyBuild(t, demoSite(t), generator.Options{})
	if !strings.Contains(string(tree["docs/ISMS-P-001/changes/1.2/index.html"]), "banner--changed") {
		t.Error("changes/1.2/ of ISMS-P-001, changed after approval, has no banner saying so")
	}
	if strings.Contains(string(tree["docs/ISMS-P-001/changes/1.1/index.html"]), "banner--changed") {
		t.Error("changes/1.1/ of ISMS-P-001, an earlier version, has the banner of the current text")
	}
}

// The history's pages of an English site write a document's version
// in English parentheses, not in the full-width ones of Chinese.
func TestHistoryPagesInEnglish(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	if err := demo.Write(site); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(site, "isms.toml")
	data, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(config, bytes.Replace(data, []byte(`language = "zh-CN"`), []byte(`language = "en"`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	tree, _ := historyBuild(t, site, generator.Options{})
	for _, page := range []string{"docs/ISMS-P-009/index.html", "docs/ISMS-P-040/index.html", "docs/ISMS-P-001/v/1.1/index.html"} {
		if text := string(tree[page]); !strings.Contains(text, `lang="en"`) || strings.Contains(text, "）</a>") {
			t.Errorf("%s is not in English or has full-width parentheses", page)
		}
	}
}

// The same history and --now give the same bytes.
func TestHistoryDeterministic(t *testing.T) {
	site := demoSite(t)
	a, _ := historyBuild(t, site, generator.Options{})
	b, _ := historyBuild(t, site, generator.Options{})
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// A folder outside git builds as before, with one note.
func TestOutsideGitNote(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	res, err := generator.Build(generator.Options{Source: dir, Dest: filepath.Join(t.TempDir(), "out"), Now: now, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	notes := res.Diagnostics.Notes()
	if len(notes) != 1 || !strings.Contains(notes[0].Message, "is not in a git work tree") {
		t.Errorf("notes %v, want one that says the folder is not in git", notes)
	}
}

// A content folder that is a git submodule, a repository of its own,
// is built from its files with a note that says its history is not
// read: the earlier versions it holds are not silently missing.
func TestContentSubmoduleNote(t *testing.T) {
	res, err := generator.Build(generator.Options{Source: contentSubmodule(t), Dest: filepath.Join(t.TempDir(), "out"), Now: now, Defaults: defaults()})
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diagnostics.Errors())
	}
	notes := res.Diagnostics.Notes()
	if len(notes) != 1 || !strings.Contains(notes[0].Message, "content is a git submodule") || !strings.Contains(notes[0].Message, "built without the documents' history") {
		t.Errorf("notes %v, want one that says content is a submodule", notes)
	}
}

// --as-of builds the site as the last commit of the day held it; the
// committer's own clock decides a commit's day, not the machine's.
func TestAsOfEdges(t *testing.T) {
	site := demoSite(t)
	saved := time.Local
	defer func() { time.Local = saved }()
	cases := []struct {
		day     string
		id      string
		version string // "" when the document is not there yet
	}{
		{"2025-12-30", "ISMS-P-020", ""},
		{"2025-12-31", "ISMS-P-020", "1.0"}, // committed at 23:59 +08:00
		{"2026-01-01", "ISMS-P-020", "1.1"}, // committed at 00:00 +08:00
		{"2025-09-30", "ISMS-P-009", "1.0"}, // before its file was deleted
		{"2026-02-28", "ISMS-P-001", "1.2"},
	}
	for _, zone := range []*time.Location{time.UTC, time.FixedZone("UTC+8", 8*3600), time.FixedZone("UTC-5", -5*3600)} {
		time.Local = zone
		for _, tc := range cases {
			if zone != time.UTC && !strings.HasPrefix(tc.day, "2025-12-31") && !strings.HasPrefix(tc.day, "2026-01-01") {
				continue // the machine's zone matters only at midnight, if at all
			}
			day, _ := model.ParseDate(tc.day)
			tree, res := historyBuild(t, site, generator.Options{AsOf: day})
			if res.Site.Now != day {
				t.Errorf("%s: --now is %s", tc.day, res.Site.Now)
			}
			var found string
			for _, d := range res.Site.Docs {
				if d.ID == tc.id {
					found = d.Version
				}
			}
			if found != tc.version {
				t.Errorf("zone %s, as of %s: %s is version %q, want %q", zone, tc.day, tc.id, found, tc.version)
			}
			if tc.day == "2025-09-30" && len(res.Site.Tombstones) != 0 {
				t.Errorf("as of %s: tombstones %v before the deletion", tc.day, res.Site.Tombstones)
			}
			if _, ok := tree["docs/ISMS-P-001/index.html"]; !ok {
				t.Errorf("as of %s: no page of ISMS-P-001", tc.day)
			}
		}
	}
	// The review made at 20:00 in New York on 1 March is of 1 March,
	// though it was already 2 March in Beijing and in UTC.
	day := model.Date{Year: 2026, Month: 3, Day: 1}
	_, res := historyBuild(t, site, generator.Options{AsOf: day})
	for _, d := range res.Site.Docs {
		if d.ID == "ISMS-P-001" && d.LastReviewed != day {
			t.Errorf("as of %s: last_reviewed %s, want the review of that evening", day, d.LastReviewed)
		}
	}
}

func TestAsOfUsageErrors(t *testing.T) {
	site := demoSite(t)
	noCommits := t.TempDir()
	if _, err := gitfixture.Init(noCommits); err != nil {
		t.Fatal(err)
	}
	// A site folder put into the repository after its first commit.
	later, err := gitfixture.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct{ path, when string }{{"README.md", "2026-01-01T10:00:00+08:00"}, {"isms/isms.toml", "2026-02-01T10:00:00+08:00"}} {
		if err := later.Write(step.path, "title = \"T\"\n[[departments]]\nid = \"isd\"\n"); err != nil {
			t.Fatal(err)
		}
		if _, err := later.Commit(step.when, "张三", "add"); err != nil {
			t.Fatal(err)
		}
	}
	// A site folder in the repository's work tree that no commit holds.
	if err := later.Write("untracked/isms.toml", "title = \"T\"\n[[departments]]\nid = \"isd\"\n"); err != nil {
		t.Fatal(err)
	}
	// A site whose isms.toml was committed after its documents.
	noConfig, err := gitfixture.Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct{ path, when string }{{"content/p.md", "2026-01-01T10:00:00+08:00"}, {"isms.toml", "2026-02-01T10:00:00+08:00"}} {
		if err := noConfig.Write(step.path, "title = \"T\"\n[[departments]]\nid = \"isd\"\n"); err != nil {
			t.Fatal(err)
		}
		if _, err := noConfig.Commit(step.when, "张三", "add"); err != nil {
			t.Fatal(err)
		}
	}
	// A site whose content folder is a submodule: another repository.
	submodule := contentSubmodule(t)
	zh, err := i18n.Messages(ismsgen.I18n(), "zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		source, day, want, wantZH string
	}{
		{submodule, "2026-01-15", "needs the site's git history: content is a git submodule",
			"--as-of 2026-01-15 需要站点的 git 历史：content 是 git 子模块"},
		{filepath.Join(later.Dir, "isms"), "2026-01-15", "the site folder isms is not in the repository's commit",
			"--as-of：站点文件夹 isms 不在仓库的提交"},
		{filepath.Join(later.Dir, "untracked"), "2026-02-15", "the site folder untracked is in no commit of the repository: commit it",
			"站点文件夹 untracked 不在仓库的任何提交中：请先提交"},
		{noConfig.Dir, "2026-01-15", ", the last on or before 2026-01-15, has no isms.toml: the site was set up later",
			"2026-01-15 或之前的最后一次提交）中没有 isms.toml：站点是之后才建立的"},
		{site, "2024-12-31", "no commit of the site is dated on or before 2024-12-31: its history starts on 2025-01-10",
			"--as-of：站点没有 2024-12-31 或之前日期的提交：其历史始于 2025-01-10"},
		{t.TempDir(), "2026-01-01", "needs the site's git history", "不在 git 工作区中"},
		{noCommits, "2026-01-01", "needs the site's git history",
			"--as-of 2026-01-01 需要站点的 git 历史：" + noCommits + " 的 git 仓库还没有任何提交"},
	} {
		day, _ := model.ParseDate(tc.day)
		_, err := generator.Build(generator.Options{Source: tc.source, Dest: filepath.Join(t.TempDir(), "out"), AsOf: day, Defaults: defaults()})
		var usage *diag.UsageError
		if !errors.As(err, &usage) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("as of %s: %v, want a usage error saying %q", tc.day, err, tc.want)
			continue
		}
		// A Chinese site is told in Chinese: the cause too, not only
		// the words around it.
		if got := usage.In(zh); !strings.Contains(got, tc.wantZH) {
			t.Errorf("as of %s in Chinese: %q, want %q", tc.day, got, tc.wantZH)
		}
		// Nothing is built: the error does not say how it was built.
		if strings.Contains(err.Error(), "built without") || strings.Contains(usage.In(zh), "本次生成") {
			t.Errorf("as of %s: %q says the site was built", tc.day, usage.In(zh))
		}
	}
}

// contentSubmodule makes a site whose content folder is a git submodule,
// a repository of its own with two versions of a document, and returns
// its folder.
func contentSubmodule(t *testing.T) string {
	t.Helper()
	docs := gitfixture.New(t)
	for i, v := range []string{"1.0", "1.1"} {
		text := "+++\nid = \"P-1\"\ntitle = \"T\"\ntier = 2\nversion = \"" + v + "\"\nstatus = \"approved\"\nowners = [\"isd\"]\napprover = \"总经理\"\napproved = 2026-01-0" + string(rune('5'+i)) + "\n+++\n\n第" + v + "版。\n"
		if err := docs.Write("tier2/p.md", text); err != nil {
			t.Fatal(err)
		}
		if _, err := docs.Commit("2026-01-0"+string(rune('5'+i))+"T10:00:00+08:00", "张三", "v"+v); err != nil {
			t.Fatal(err)
		}
	}
	site, err := gitfixture.Init(filepath.Join(t.TempDir(), "site"))
	if err != nil {
		t.Fatal(err)
	}
	if err := site.Write("isms.toml", "title = \"T\"\n[[departments]]\nid = \"isd\"\nname = \"信息安全部\"\n"); err != nil {
		t.Fatal(err)
	}
	if err := site.Git(nil, "-c", "protocol.file.allow=always", "submodule", "add", "-q", docs.Dir, "content"); err != nil {
		t.Fatal(err)
	}
	if _, err := site.Commit("2026-01-10T10:00:00+08:00", "张三", "site"); err != nil {
		t.Fatal(err)
	}
	return site.Dir
}

// Two packs of the same day are the same bytes, and the manifest holds
// the SHA-256 of every other file.
func TestPackDeterministic(t *testing.T) {
	site := demoSite(t)
	day := model.Date{Year: 2026, Month: 1, Day: 1}
	var packs [2]bytes.Buffer
	for i := range packs {
		res, err := generator.Pack(generator.Options{Source: site, AsOf: day, Defaults: defaults()}, &packs[i])
		if err != nil || res.Diagnostics.HasErrors() {
			t.Fatalf("pack: %v %v", err, res.Diagnostics.Errors())
		}
	}
	if !bytes.Equal(packs[0].Bytes(), packs[1].Bytes()) {
		t.Fatal("two packs of the same day differ")
	}
	z, err := zip.NewReader(bytes.NewReader(packs[0].Bytes()), int64(packs[0].Len()))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	var names []string
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(r)
		files[f.Name] = data
		names = append(names, f.Name)
	}
	want := []string{"MANIFEST.txt", "documents/ISMS-G-001.html", "documents/ISMS-P-001.html", "documents/ISMS-P-010.html",
		"documents/ISMS-P-020.html", "documents/ISMS-P-030.html", "documents/ISMS-P-031.html", "documents/ISMS-P-032.html",
		"documents/ISMS-S-001.html", "register.csv", "register.html", "reviews.csv", "reviews.html", "soa.csv", "soa.html"}
	if !slices.Equal(names, want) {
		t.Errorf("entries %v\nwant %v", names, want)
	}
	manifest := string(files["MANIFEST.txt"])
	for name, data := range files {
		if name != "MANIFEST.txt" && !strings.Contains(manifest, fmt.Sprintf("%x  %s\n", sha256.Sum256(data), name)) {
			t.Errorf("the manifest has no right sum of %s", name)
		}
		if strings.HasSuffix(name, ".html") && (bytes.Contains(data, []byte("<script")) || bytes.Contains(data, []byte(`rel="stylesheet"`))) {
			t.Errorf("%s is not self-contained", name)
		}
	}
	// As of that day: 1.1 of the incident procedure, 1.2 of access control
	// before the change of 10 January.
	if p := string(files["documents/ISMS-P-020.html"]); !strings.Contains(p, "4 小时内报告") {
		t.Error("the incident procedure in the pack is not version 1.1")
	}
	if bytes.Contains(files["documents/ISMS-P-001.html"], []byte("外包人员除外")) {
		t.Error("the pack of 2026-01-01 holds a change of 2026-01-10")
	}
}

// inForceSite is a scripted repository whose document P-1 has version 1.1
// approved on 2026-03-01 to take effect on 2026-04-01: until then 1.0 is
// the version in force, unless draft: then 1.0 was a draft, never in force.
// When corrected, 1.2 replaces 1.1 on 2026-03-10, before 1.1 took effect,
// to take effect on 2026-05-01.
func inForceSite(t *testing.T, draft, corrected bool) string {
	t.Helper()
	r := gitfixture.New(t)
	doc := func(version, approved, effective, body string, history ...string) string {
		var b strings.Builder
		status := "approved"
		if draft {
			status = "draft"
		}
		fmt.Fprintf(&b, "+++\nid = \"P-1\"\ntitle = \"Access control\"\ntier = 2\nversion = %q\nstatus = %q\nowners = [\"isd\"]\nauthor = \"Author\"\napprover = \"Approver\"\napproved = %s\neffective = %s\nnext_review = 2027-01-01\n", version, status, approved, effective)
		draft = false
		for _, v := range history {
			fmt.Fprintf(&b, "\n[[history]]\nversion = %q\n", v)
		}
		return b.String() + "+++\n\n" + body + "\n"
	}
	for _, step := range []struct{ when, text string }{
		{"2026-01-01T10:00:00+08:00", doc("1.0", "2026-01-01", "2026-01-01", "Version one text.", "1.0")},
		{"2026-03-01T10:00:00+08:00", doc("1.1", "2026-03-01", "2026-04-01", "Version two text.", "1.0", "1.1")},
		{"2026-03-10T10:00:00+08:00", doc("1.2", "2026-03-10", "2026-05-01", "Version three text.", "1.0", "1.1", "1.2")},
	} {
		if !corrected && strings.Contains(step.text, "Version three") {
			break
		}
		if err := r.Write("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n"); err != nil {
			t.Fatal(err)
		}
		if err := r.Write("content/p1.md", step.text); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Commit(step.when, "Author", "change"); err != nil {
			t.Fatal(err)
		}
	}
	return r.Dir
}

// Until an approved version takes effect, the version before it is in
// force: its page says so (the document's page says "until then the
// previous version applies"), not "superseded, do not work to it", and
// the pack of such a day holds its text.
func TestEarlierVersionInForceUntilNextTakesEffect(t *testing.T) {
	// A draft was never in force.
	tree, _ := historyBuild(t, inForceSite(t, true, false), generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 15}, Drafts: true})
	if page := string(tree["docs/P-1/v/1.0/index.html"]); !strings.Contains(page, "Superseded:") {
		t.Error("the page of 1.0, a draft, does not say it is superseded")
	}
	site := inForceSite(t, false, false)
	for _, tc := range []struct {
		now      model.Date
		want, no string
	}{
		{model.Date{Year: 2026, Month: 3, Day: 15}, "In force: version 1.1 takes effect on 2026-04-01", "Superseded:"},
		{model.Date{Year: 2026, Month: 4, Day: 1}, "Superseded:", "In force:"},
	} {
		tree, _ := historyBuild(t, site, generator.Options{Now: tc.now})
		page := string(tree["docs/P-1/v/1.0/index.html"])
		if !strings.Contains(page, tc.want) || strings.Contains(page, tc.no) {
			t.Errorf("on %s, v/1.0 does not say %q, or says %q", tc.now, tc.want, tc.no)
		}
	}
	for _, tc := range []struct {
		day  model.Date
		text string
	}{
		{model.Date{Year: 2026, Month: 3, Day: 15}, "Version one text."},
		{model.Date{Year: 2026, Month: 4, Day: 1}, "Version two text."},
	} {
		data, ok := packAsOf(t, site, tc.day)["documents/P-1.html"]
		if found := ok && bytes.Contains(data, []byte(tc.text)); !found {
			t.Errorf("the pack of %s has no documents/P-1.html with %q", tc.day, tc.text)
		}
	}
}

// A version approved and replaced before it took effect was never in
// force: the one before it stays in force until the newest takes effect.
func TestVersionReplacedBeforeItTookEffect(t *testing.T) {
	site := inForceSite(t, false, true)
	tree, _ := historyBuild(t, site, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 15}})
	if page := string(tree["docs/P-1/v/1.0/index.html"]); !strings.Contains(page, "In force: version 1.2 takes effect on 2026-05-01") {
		t.Error("v/1.0 does not say it is in force until 1.2 takes effect")
	}
	if page := string(tree["docs/P-1/v/1.1/index.html"]); !strings.Contains(page, "Superseded:") {
		t.Error("v/1.1, replaced before it took effect, does not say superseded")
	}
	var pack bytes.Buffer
	res, err := generator.Pack(generator.Options{Source: site, AsOf: model.Date{Year: 2026, Month: 3, Day: 15}, Defaults: defaults()}, &pack)
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("pack: %v %v", err, res.Diagnostics.Errors())
	}
	z, err := zip.NewReader(bytes.NewReader(pack.Bytes()), int64(pack.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == "documents/P-1.html" {
			r, _ := f.Open()
			data, _ := io.ReadAll(r)
			if !bytes.Contains(data, []byte("Version one text.")) {
				t.Error("the pack of 2026-03-15 does not hold 1.0, the version in force")
			}
			return
		}
	}
	t.Error("the pack of 2026-03-15 has no documents/P-1.html")
}

// A document whose next version is in draft or in review keeps the
// version in force on the site, from git, with a note at its status (see
// inforce_test.go), whether or not its [[history]] names that version.
// Only a revision that git cannot match to it, one that also changes the
// document's id, takes that version off the site: a warning at its
// status says so.
func TestRevisionUnpublished(t *testing.T) {
	r := gitfixture.New(t)
	doc := func(id, version, status, class string, history ...string) string {
		var b strings.Builder
		fmt.Fprintf(&b, "+++\nid = %q\ntitle = \"Access control\"\ntier = 2\nversion = %q\nstatus = %q\nclassification = %q\nowners = [\"isd\"]\napprover = \"Approver\"\napproved = 2026-01-01\n", id, version, status, class)
		for _, v := range history {
			fmt.Fprintf(&b, "\n[[history]]\nversion = %q\n", v)
		}
		return b.String() + "+++\n\nText.\n"
	}
	write := func(name, text string) {
		if err := r.Write(name, text); err != nil {
			t.Fatal(err)
		}
	}
	write("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification_levels = [\"internal\", \"secret\"]\nclassification = \"internal\"\n[[departments]]\nid = \"isd\"\n")
	write("content/p1.md", doc("P-1", "1.0", "approved", "internal", "1.0"))
	hash, err := r.Commit("2026-01-01T10:00:00+08:00", "Author", "approve 1.0")
	if err != nil {
		t.Fatal(err)
	}
	warning := func(status, id string) string {
		return fmt.Sprintf(`content/p1.md:6: warning: status %q takes %s off the site, and with it version 1.0 (commit %s, 2026-01-01), which readers worked to`, status, id, hash[:10])
	}
	note := func(status string) string {
		return fmt.Sprintf(`content/p1.md:6: note: status %q: the site shows version 1.0, the last published, from commit %s (2026-01-01); this text is published once approved`, status, hash[:10])
	}
	has := func(diags diag.List, line string) bool {
		return slices.ContainsFunc(diags, func(d diag.Diagnostic) bool { return d.String() == line })
	}
	for _, tc := range []struct {
		name, id, status string
		text             string
		opts             generator.Options
		wants, kept      bool
	}{
		{"in review: 1.0 stays", "P-1", "review", doc("P-1", "1.1", "review", "internal", "1.0", "1.1"), generator.Options{}, false, true},
		{"set back to review before the version is raised", "P-1", "review", doc("P-1", "1.0", "review", "internal", "1.0"), generator.Options{}, false, true},
		{"a draft whose history names no earlier version", "P-1", "draft", doc("P-1", "1.1", "draft", "internal"), generator.Options{}, false, true},
		{"in review under a new id", "P-9", "review", doc("P-9", "1.1", "review", "internal", "1.0", "1.1"), generator.Options{}, true, false},
		{"shown to reviewers", "P-1", "review", doc("P-1", "1.1", "review", "internal", "1.0", "1.1"), generator.Options{Drafts: true}, false, false},
		{"above the ceiling whatever its status", "P-1", "review", doc("P-1", "1.1", "review", "secret", "1.0", "1.1"), generator.Options{}, false, false},
		{"approved", "P-1", "approved", doc("P-1", "1.1", "approved", "internal", "1.0", "1.1"), generator.Options{}, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			write("content/p1.md", tc.text) // not committed: the revision in progress
			opts := tc.opts
			opts.Source, opts.Now, opts.Defaults = r.Dir, model.Date{Year: 2026, Month: 3, Day: 1}, defaults()
			res, err := generator.Check(opts)
			if err != nil {
				t.Fatal(err)
			}
			if found := has(res.Diagnostics, warning(tc.status, tc.id)); found != tc.wants {
				t.Errorf("warning %v, want %v: %v", found, tc.wants, res.Diagnostics)
			}
			if kept := has(res.Diagnostics, note(tc.status)); kept != tc.kept {
				t.Errorf("note %v, want %v: %v", kept, tc.kept, res.Diagnostics)
			}
		})
	}
	// Committed, the text in review is the file on disk: the approved
	// text is the commit before, and stays on the site.
	write("content/p1.md", doc("P-1", "1.0", "review", "internal", "1.0"))
	if _, err := r.Commit("2026-02-01T10:00:00+08:00", "Author", "back to review"); err != nil {
		t.Fatal(err)
	}
	res, err := generator.Check(generator.Options{Source: r.Dir, Now: model.Date{Year: 2026, Month: 3, Day: 1}, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	if !has(res.Diagnostics, note("review")) || has(res.Diagnostics, warning("review", "P-1")) {
		t.Errorf("committed in review: no note that 1.0 stays, or a revision-unpublished warning: %v", res.Diagnostics)
	}
}

// Built with --drafts for its reviewers, a document in draft or in
// review over an approved version shows that version as still in force
// until the new one is approved, not as superseded by the draft.
func TestEarlierVersionInForceWhileRevised(t *testing.T) {
	r := gitfixture.New(t)
	doc := func(version, status string, history ...string) string {
		var b strings.Builder
		fmt.Fprintf(&b, "+++\nid = \"P-1\"\ntitle = \"访问控制程序\"\ntier = 2\nversion = %q\nstatus = %q\nowners = [\"isd\"]\nauthor = \"张三\"\napprover = \"总经理\"\napproved = 2026-01-01\n", version, status)
		for _, v := range history {
			fmt.Fprintf(&b, "\n[[history]]\nversion = %q\n", v)
		}
		return b.String() + "+++\n\n正文。\n"
	}
	for name, text := range map[string]string{"isms.toml": "title = \"T\"\n[[departments]]\nid = \"isd\"\n", "content/p1.md": doc("1.0", "approved", "1.0")} {
		if err := r.Write(name, text); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := r.Commit("2026-01-01T10:00:00+08:00", "张三", "approve 1.0"); err != nil {
		t.Fatal(err)
	}
	for _, status := range []string{"draft", "review"} {
		if err := r.Write("content/p1.md", doc("1.1", status, "1.0", "1.1")); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Commit("2026-02-01T10:00:00+08:00", "李四", "revise"); err != nil {
			t.Fatal(err)
		}
		tree, _ := historyBuild(t, r.Dir, generator.Options{Drafts: true})
		page := string(tree["docs/P-1/v/1.0/index.html"])
		if page == "" || strings.Contains(page, "banner--superseded") || !strings.Contains(page, "1.1 尚未批准") {
			t.Errorf("%s: v/1.0/ does not say it is in force until 1.1 is approved:\n%s", status, page)
		}
	}
}

// packAsOf makes the pack of source as of day and returns its files by
// name.
func packAsOf(t *testing.T, source string, day model.Date) map[string][]byte {
	t.Helper()
	var pack bytes.Buffer
	res, err := generator.Pack(generator.Options{Source: source, AsOf: day, Defaults: defaults()}, &pack)
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("pack: %v %v", err, res.Diagnostics.Errors())
	}
	z, err := zip.NewReader(bytes.NewReader(pack.Bytes()), int64(pack.Len()))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = data
	}
	return files
}
