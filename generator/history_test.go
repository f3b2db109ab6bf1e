package generator_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/history/demo"
	"ismsgen/generator/model"
)

// historyGoldenFiles are pages of the demonstration history compared
// with testdata/golden/history/.
var historyGoldenFiles = []string{
	"docs/ISMS-P-001/index.html",
	"docs/ISMS-P-001/v/1.0/index.html",
	"docs/ISMS-P-001/changes/1.1/index.html",
	"docs/ISMS-P-001/changes/1.2/index.html",
	"docs/ISMS-P-009/index.html",
	"docs/ISMS-P-009/v/1.0/index.html",
}

// demoSite writes the demonstration history into a new folder. Its
// commits have fixed dates and authors, so their hashes are the same
// every time.
func demoSite(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := filepath.Join(t.TempDir(), "site")
	if err := demo.Write(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// historyBuild builds the demonstration with opts, keeping the warnings.
func historyBuild(t *testing.T, source string, opts generator.Options) (map[string][]byte, *generator.Result) {
	t.Helper()
	opts.Source, opts.Dest, opts.Defaults = source, filepath.Join(t.TempDir(), "public"), defaults()
	if opts.Now.IsZero() {
		opts.Now = model.Date{Year: 2026, Month: 3, Day: 2}
	}
	res, err := generator.Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Diagnostics.HasErrors() {
		var b bytes.Buffer
		res.Diagnostics.Print(&b)
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
					for _, url := range []string{"/v/", "/changes/", "docs/ISMS-P-009/", "ISMS-P-009\""} {
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
