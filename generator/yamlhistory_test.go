package generator_test

import (
	"bytes"
	"fmt"
	"maps"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/fast"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// yamlHistorySite is a scripted repository whose document P-1 had YAML
// front matter (another tool's) in its first commit, as version 1.0 with
// status and classification, and TOML from version 1.1 on.
func yamlHistorySite(t *testing.T, status, classification string) string {
	t.Helper()
	r := gitfixture.New(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(r.Write("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification = \"internal\"\n[[departments]]\nid = \"isd\"\n"))
	must(r.Write("content/p1.md", fmt.Sprintf("---\nid: P-1\ntitle: Access control\nversion: \"1.0\"\nstatus: %s\nclassification: %s\nowners: [isd]\napproved: 2025-12-01\n---\n\nMarker of the YAML text.\n", status, classification)))
	_, err := r.Commit("2026-01-01T10:00:00+08:00", "Author", "first")
	must(err)
	must(r.Write("content/p1.md", "+++\nid = \"P-1\"\ntitle = \"Access control\"\ntier = 2\nversion = \"1.1\"\nstatus = \"approved\"\nowners = [\"isd\"]\nauthor = \"Author\"\napprover = \"Approver\"\napproved = 2026-02-01\nnext_review = 2027-01-01\n\n[[history]]\nversion = \"1.0\"\n\n[[history]]\nversion = \"1.1\"\n+++\n\nThe TOML text.\n"))
	_, err = r.Commit("2026-02-01T10:00:00+08:00", "Author", "to TOML")
	must(err)
	return r.Dir
}

// An earlier version whose text has YAML front matter has its page, the
// text as written, when its classification and status would be
// published; else it appears nowhere. The fast paths change nothing.
func TestEarlierVersionWithYAMLFrontMatter(t *testing.T) {
	now := model.Date{Year: 2026, Month: 3, Day: 1}
	site := yamlHistorySite(t, "approved", "internal")
	tree, _ := historyBuild(t, site, generator.Options{Now: now})
	page := string(tree["docs/P-1/v/1.0/index.html"])
	if !strings.Contains(page, "Marker of the YAML text.") {
		t.Errorf("docs/P-1/v/1.0/ missing or without its text")
	}
	if _, ok := tree["docs/P-1/changes/1.1/index.html"]; !ok {
		t.Errorf("docs/P-1/changes/1.1/ missing")
	}
	restore := fast.Set(false)
	off, _ := historyBuild(t, site, generator.Options{Now: now})
	restore()
	if !maps.EqualFunc(tree, off, bytes.Equal) {
		t.Errorf("the build differs with ISMSGEN_FAST=0")
	}

	for _, tc := range [][2]string{{"approved", "confidential"}, {"draft", "internal"}, {"", "internal"}} {
		tree, _ := historyBuild(t, yamlHistorySite(t, tc[0], tc[1]), generator.Options{Now: now})
		for name, data := range tree {
			if bytes.Contains(data, []byte("Marker of the YAML text")) || strings.Contains(name, "v/1.0") {
				t.Errorf("status %q, classification %q: %s shows the YAML text", tc[0], tc[1], name)
			}
		}
	}
}

// An earlier version whose text ismsgen cannot be sure of (YAML with an
// anchor, TOML that does not parse, a text in GBK) has no page, and its
// [[history]] entry a note that names the commit and says why: the
// version was left out without a word.
func TestEarlierVersionUnreadNote(t *testing.T) {
	for _, tc := range []struct{ name, text, why string }{
		{"yaml anchor", "---\nid: P-1\ntitle: &t Access control\nversion: \"1.0\"\nstatus: approved\nclassification: internal\n---\n\nMarker of the old text.\n", "YAML front matter"},
		{"toml that does not parse", "+++\nid = \"P-1\"\ntitle = \"Access control\nversion = \"1.0\"\nstatus = \"approved\"\n+++\n\nMarker of the old text.\n", "cannot be read"},
		{"gbk", "+++\nid = \"P-1\"\ntitle = \"\xb7\xc3\xce\xca\"\nversion = \"1.0\"\n+++\n\nMarker of the old text.\n", "not UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := gitfixture.New(t)
			r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification = \"internal\"\n[[departments]]\nid = \"isd\"\n")
			r.MustWrite("content/p1.md", tc.text)
			first := r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "first")
			r.MustWrite("content/p1.md", "+++\nid = \"P-1\"\ntitle = \"Access control\"\ntier = 2\nversion = \"1.1\"\nstatus = \"approved\"\nowners = [\"isd\"]\nauthor = \"Author\"\napprover = \"Approver\"\napproved = 2026-02-01\nnext_review = 2027-01-01\n\n[[history]]\nversion = \"1.0\"\n\n[[history]]\nversion = \"1.1\"\n+++\n\nThe TOML text.\n")
			r.MustCommit("2026-02-01T10:00:00+08:00", "Author", "to TOML")
			tree, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 1}})
			for name, data := range tree {
				if bytes.Contains(data, []byte("Marker of the old text")) {
					t.Errorf("%s shows the text not read", name)
				}
			}
			var notes []string
			for _, d := range res.Diagnostics.Notes() {
				if d.File == "content/p1.md" {
					notes = append(notes, d.String())
				}
			}
			want := fmt.Sprintf("content/p1.md:14: note: version 1.0 has no page under v/: its text in commit %s (2026-01-01) ", first[:10])
			if len(notes) != 1 || !strings.HasPrefix(notes[0], want) || !strings.Contains(notes[0], tc.why) {
				t.Errorf("notes %q, want one that starts %q and says %q", notes, want, tc.why)
			}
		})
	}
}

// An earlier version saved once more in GBK before it was raised keeps
// the page of its last text that can be read, and its [[history]] entry
// a note that names both commits: the page's text is not the version's
// last, and nothing said so.
func TestEarlierVersionLaterTextUnread(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification = \"internal\"\n[[departments]]\nid = \"isd\"\n")
	v1 := "+++\nid = \"P-1\"\ntitle = \"Access control\"\ntier = 2\nversion = \"1.0\"\nstatus = \"approved\"\nowners = [\"isd\"]\nauthor = \"Author\"\napprover = \"Approver\"\napproved = 2026-01-01\n\n[[history]]\nversion = \"1.0\"\n+++\n\n"
	r.MustWrite("content/p1.md", v1+"Marker of the UTF-8 text.\n")
	first := r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "first")
	r.MustWrite("content/p1.md", v1+"\xb7\xc3\xce\xca marker of the GBK text.\n")
	gbk := r.MustCommit("2026-01-15T10:00:00+08:00", "Author", "saved by an older editor")
	r.MustWrite("content/p1.md", "+++\nid = \"P-1\"\ntitle = \"Access control\"\ntier = 2\nversion = \"1.1\"\nstatus = \"approved\"\nowners = [\"isd\"]\nauthor = \"Author\"\napprover = \"Approver\"\napproved = 2026-02-01\nnext_review = 2027-01-01\n\n[[history]]\nversion = \"1.0\"\n\n[[history]]\nversion = \"1.1\"\n+++\n\nThe TOML text.\n")
	r.MustCommit("2026-02-01T10:00:00+08:00", "Author", "1.1")
	tree, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 1}})
	if !strings.Contains(string(tree["docs/P-1/v/1.0/index.html"]), "Marker of the UTF-8 text.") {
		t.Errorf("docs/P-1/v/1.0/ missing or without the text that can be read")
	}
	var notes []string
	for _, d := range res.Diagnostics.Notes() {
		if d.File == "content/p1.md" {
			notes = append(notes, d.String())
		}
	}
	want := fmt.Sprintf("content/p1.md:14: note: the page of version 1.0 under v/ shows its text in commit %s (2026-01-01): its later text in commit %s (2026-01-15) is not UTF-8", first[:10], gbk[:10])
	if len(notes) != 1 || !strings.HasPrefix(notes[0], want) {
		t.Errorf("notes %q, want one that starts %q", notes, want)
	}
}

// A [[history]] entry that writes a version otherwise than the texts of
// its day did ("1.0" for "V1.0") has a note that names the commit and
// how it wrote it: the version had no page under v/, without a word. A
// current version respelled ("V1.1" to "1.1") is no raise, so its
// unchanged approval date is not stale.
func TestHistoryVersionSpelledOtherwise(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification = \"internal\"\n[[departments]]\nid = \"isd\"\n")
	doc := func(version, approved, history string) string {
		return "+++\nid = \"P-1\"\ntitle = \"Access control\"\ntier = 2\nversion = \"" + version + "\"\nstatus = \"approved\"\nowners = [\"isd\"]\nauthor = \"Author\"\napprover = \"Approver\"\napproved = " + approved + "\nnext_review = 2027-01-01\n" + history + "+++\n\nText of " + strings.TrimPrefix(version, "V") + ".\n" // one text however its version is spelled
	}
	one := "\n[[history]]\nversion = \"1.0\"\n"
	both := one + "\n[[history]]\nversion = \"1.1\"\n"
	r.MustWrite("content/p1.md", doc("V1.0", "2026-01-01", one))
	first := r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "V1.0")
	r.MustWrite("content/p1.md", doc("V1.1", "2026-02-01", both))
	r.MustCommit("2026-02-01T10:00:00+08:00", "Author", "V1.1")
	r.MustWrite("content/p1.md", doc("1.1", "2026-02-01", both))
	r.MustCommit("2026-02-05T10:00:00+08:00", "Author", "version written as the entries write it")
	_, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 1}})
	var got []string
	for _, d := range res.Diagnostics {
		if d.File == "content/p1.md" {
			got = append(got, d.String())
		}
	}
	want := fmt.Sprintf(`content/p1.md:14: note: version 1.0 has no page under v/: no text in git names it so, and commit %s (2026-01-01) writes it "V1.0"`, first[:10])
	if len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("diagnostics %q, want one that starts %q", got, want)
	}
}

// So does an entry that writes the version in more parts of zero than
// its text did ("1.0.0" for "1"): it had no page under v/ and no note.
func TestHistoryVersionInMoreParts(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification = \"internal\"\n[[departments]]\nid = \"isd\"\n")
	r.MustWrite("content/p1.md", filterDoc("1", "Text of 1.", "1"))
	first := r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "1")
	r.MustWrite("content/p1.md", strings.Replace(filterDoc("2", "Text of 2.", "1.0.0", "2"), "approved = 2026-01-01", "approved = 2026-02-01", 1))
	r.MustCommit("2026-02-01T10:00:00+08:00", "Author", "2")
	_, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 1}})
	var got []string
	for _, d := range res.Diagnostics {
		if d.File == "content/p1.md" {
			got = append(got, d.String())
		}
	}
	want := fmt.Sprintf(`content/p1.md:14: note: version 1.0.0 has no page under v/: no text in git names it so, and commit %s (2026-01-01) writes it "1"`, first[:10])
	if len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("diagnostics %q, want one that starts %q", got, want)
	}
}

// A version respelled ("V1.0" to "1.0", "1" to "1.0") is not raised: a
// text edited in the commit that respelled it was changed after
// approval, and was published as approved without a word. A respelling
// alone, of the version and its [[history]] entries, changes nothing.
func TestChangedWhileTheVersionWasRespelled(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification = \"internal\"\n[[departments]]\nid = \"isd\"\n")
	r.MustWrite("content/p1.md", filterDoc("V1.0", "Text.", "V1.0"))
	r.MustWrite("content/p2.md", strings.ReplaceAll(filterDoc("1", "Text.", "1"), "P-1", "P-2"))
	r.MustWrite("content/p3.md", strings.ReplaceAll(filterDoc("V1.0", "Text.", "V1.0"), "P-1", "P-3"))
	r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "approved")
	r.MustWrite("content/p1.md", filterDoc("1.0", "Text, edited.", "1.0"))
	r.MustWrite("content/p2.md", strings.ReplaceAll(filterDoc("1.0", "Text, edited.", "1.0"), "P-1", "P-2"))
	r.MustWrite("content/p3.md", strings.ReplaceAll(filterDoc("1.0", "Text.", "1.0"), "P-1", "P-3"))
	edit := r.MustCommit("2026-02-01T10:00:00+08:00", "Editor", "respelled")
	_, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 1}})
	changed := map[string]string{}
	for _, d := range res.Diagnostics.Warnings() {
		if d.Code == "changed-after-approval" {
			changed[d.File] = d.Message
		}
	}
	for _, p := range []string{"content/p1.md", "content/p2.md"} {
		if !strings.Contains(changed[p], edit[:10]) {
			t.Errorf("%s: %q, want changed-after-approval in commit %s", p, changed[p], edit[:10])
		}
	}
	if m, ok := changed["content/p3.md"]; ok {
		t.Errorf("content/p3.md, respelled alone: %s", m)
	}
}
