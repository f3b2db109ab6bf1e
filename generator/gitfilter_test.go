package generator_test

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// filterDoc is a document of version, with its [[history]] entries.
func filterDoc(version, body string, history ...string) string {
	s := "+++\nid = \"P-1\"\ntitle = \"Access control\"\ntier = 2\nversion = \"" + version + "\"\nstatus = \"approved\"\nowners = [\"isd\"]\nauthor = \"Author\"\napprover = \"Approver\"\napproved = 2026-01-01\nnext_review = 2027-01-01\n"
	for _, v := range history {
		s += "\n[[history]]\nversion = \"" + v + "\"\n"
	}
	return s + "+++\n\n" + body + "\n"
}

// A document that a git filter passes through (.gitattributes filter=,
// as git-crypt or a keyword filter sets it) is on disk another text
// than git holds: once its file's status changes (a copy of the work
// tree, a touch), it was warned of as changed after approval, though
// nothing changed. The files are taken as committed, and one note says
// so; a filter that encrypts leaves texts in git that are not text, and
// one note says why their versions are missing.
func TestHistoryGitFilter(t *testing.T) {
	now := model.Date{Year: 2026, Month: 3, Day: 1}
	t.Run("keyword filter", func(t *testing.T) {
		r := gitfixture.New(t)
		for _, kv := range [][2]string{{"filter.kw.clean", `sed '/^<!-- checked out -->$/d'`}, {"filter.kw.smudge", `sed '$a <!-- checked out -->'`}} {
			if err := r.Git(nil, "config", kv[0], kv[1]); err != nil {
				t.Fatal(err)
			}
		}
		r.MustWrite(".gitattributes", "*.md filter=kw\n")
		r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n")
		r.MustWrite("content/p1.md", filterDoc("1.0", "Text.", "1.0"))
		r.MustWrite("content/p2.md", strings.ReplaceAll(filterDoc("1.0", "Text two.", "1.0"), "P-1", "P-2"))
		r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "first")
		// Checked out again through the filter, then touched.
		for _, p := range []string{"content/p1.md", "content/p2.md"} {
			r.MustRemove(p)
		}
		if err := r.Git(nil, "checkout", "--", "content"); err != nil {
			t.Fatal(err)
		}
		later := time.Now().Add(time.Hour)
		for _, p := range []string{"content/p1.md", "content/p2.md"} {
			if err := os.Chtimes(filepath.Join(r.Dir, p), later, later); err != nil {
				t.Fatal(err)
			}
		}
		_, res := historyBuild(t, r.Dir, generator.Options{Now: now})
		for _, d := range res.Diagnostics.Warnings() {
			if d.Code == "changed-after-approval" {
				t.Errorf("%v", d)
			}
		}
		notes := notesAbout(res, "git filter")
		if len(notes) != 1 || !strings.Contains(notes[0], "2 document file(s)") || !strings.Contains(notes[0], "filter=kw") {
			t.Errorf("notes %q, want one of the 2 files of filter kw", notes)
		}
	})
	t.Run("encrypting filter", func(t *testing.T) {
		r := gitfixture.New(t)
		for _, kv := range [][2]string{{"filter.crypt.clean", `sh -c '(printf "\000GITCRYPT\000"; base64)'`}, {"filter.crypt.smudge", `sh -c 'tail -c +11 | base64 -d'`}} {
			if err := r.Git(nil, "config", kv[0], kv[1]); err != nil {
				t.Fatal(err)
			}
		}
		r.MustWrite(".gitattributes", "content/** filter=crypt\n")
		r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n")
		r.MustWrite("content/p1.md", filterDoc("1.0", "Text.", "1.0"))
		r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "first")
		r.MustWrite("content/p1.md", filterDoc("1.1", "Text two.", "1.0", "1.1"))
		r.MustCommit("2026-02-01T10:00:00+08:00", "Author", "second")
		_, res := historyBuild(t, r.Dir, generator.Options{Now: now})
		notes := notesAbout(res, "not text")
		if len(notes) != 1 || !strings.Contains(notes[0], "content/p1.md") {
			t.Errorf("notes %q, want one that the texts git holds of content/p1.md are not text", notes)
		}
		_, res = historyBuild(t, r.Dir, generator.Options{AsOf: now})
		for _, d := range res.Diagnostics.Warnings() {
			if d.Code == "as-of-error" {
				t.Errorf("%v", d)
			}
		}
		if notes := notesAbout(res, "git filter"); len(notes) != 1 || !strings.Contains(notes[0], "leaves them out") {
			t.Errorf("as of a day: notes %q, want one that content/p1.md is left out", notes)
		}
	})
}

// A filter whose texts in git are text, but not the document (a
// scrambling clean filter, rot13 here), lost every earlier version of a
// file unchanged since its commit without a word: nothing on disk
// differed, and git's texts hold no NUL. One note says why; the site as
// of a day, whose files are git's bytes, leaves such files out with
// that note rather than an as-of-error for each, and without one for a
// document that links to one or names it its parent.
func TestHistoryScramblingFilter(t *testing.T) {
	r := gitfixture.New(t)
	for _, kv := range [][2]string{{"filter.rot.clean", `tr 'A-Za-z=+' 'N-ZA-Mn-za-m+='`}, {"filter.rot.smudge", `tr 'N-ZA-Mn-za-m+=' 'A-Za-z=+'`}} {
		if err := r.Git(nil, "config", kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	r.MustWrite(".gitattributes", "content/secret/** filter=rot\n")
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n")
	r.MustWrite("content/secret/p1.md", filterDoc("1.0", "Text.", "1.0"))
	r.MustWrite("content/p2.md", strings.ReplaceAll(filterDoc("1.0", "See [the policy](P-1).", "1.0"), "id = \"P-1\"", "id = \"P-2\"\nparent = \"P-1\""))
	r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "first")
	r.MustWrite("content/secret/p1.md", filterDoc("1.1", "Text two.", "1.0", "1.1"))
	r.MustCommit("2026-02-01T10:00:00+08:00", "Author", "second")
	_, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 1}})
	notes := notesAbout(res, "git filter")
	if len(notes) != 1 || !strings.Contains(notes[0], "filter=rot") || !strings.Contains(notes[0], "content/secret/p1.md") {
		t.Errorf("notes %q, want one that the texts git holds of content/secret/p1.md are filter rot's", notes)
	}
	untranslated(t, res)

	tree, res := historyBuild(t, r.Dir, generator.Options{AsOf: model.Date{Year: 2026, Month: 3, Day: 1}})
	for _, d := range res.Diagnostics.Warnings() {
		if d.Code == "as-of-error" {
			t.Errorf("%v", d)
		}
	}
	notes = notesAbout(res, "git filter")
	if len(notes) != 1 || !strings.Contains(notes[0], "1 document file(s)") || !strings.Contains(notes[0], "content/secret/p1.md") {
		t.Errorf("as of a day: notes %q, want one that content/secret/p1.md is left out", notes)
	}
	if tree["docs/P-2/index.html"] == nil {
		t.Error("as of a day: P-2, whose parent and link are the document left out, is not published")
	}
	untranslated(t, res)
}

// untranslated fails t for each diagnostic of res without its Chinese.
func untranslated(t *testing.T, res *generator.Result) {
	t.Helper()
	c := generator.Messages(defaults(), "zh-CN")
	for _, d := range res.Diagnostics {
		if missing := c.Untranslated(d); len(missing) > 0 {
			t.Errorf("%s: no zh-CN translation of %q", d, missing)
		}
	}
}

// notesAbout are the notes of res that say what.
func notesAbout(res *generator.Result, what string) []string {
	var out []string
	for _, d := range res.Diagnostics.Notes() {
		if strings.Contains(d.Message, what) {
			out = append(out, d.String())
		}
	}
	return out
}

// The site as of a day reads git's attributes as they stood at the
// day's commit: a folder scrambled by a filter then, and stored readable
// since (its filter dropped from .gitattributes), is left out of the day
// with the note, as when the filter is still named today; its scrambled
// text was published as a document without front matter (an error).
func TestAsOfFilterOfTheDay(t *testing.T) {
	r := gitfixture.New(t)
	for _, kv := range [][2]string{{"filter.rot.clean", `tr 'A-Za-z=+' 'N-ZA-Mn-za-m+='`}, {"filter.rot.smudge", `tr 'N-ZA-Mn-za-m+=' 'A-Za-z=+'`}} {
		if err := r.Git(nil, "config", kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	r.MustWrite(".gitattributes", "content/secret/** filter=rot\n")
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n")
	r.MustWrite("content/secret/p1.md", filterDoc("1.0", "Text.", "1.0"))
	r.MustWrite("content/p2.md", strings.ReplaceAll(filterDoc("1.0", "Another.", "1.0"), "P-1", "P-2"))
	r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "first")
	// The filter dropped: the file is stored as it reads from now on.
	r.MustWrite(".gitattributes", "")
	r.MustWrite("content/secret/p1.md", filterDoc("1.1", "Text two.", "1.0", "1.1"))
	r.MustCommit("2026-02-01T10:00:00+08:00", "Author", "unfiltered")

	tree, res := historyBuild(t, r.Dir, generator.Options{AsOf: model.Date{Year: 2026, Month: 1, Day: 15}})
	for _, d := range res.Diagnostics.Warnings() {
		if d.Code == "as-of-error" {
			t.Errorf("%v", d)
		}
	}
	if notes := notesAbout(res, "git filter"); len(notes) != 1 || !strings.Contains(notes[0], "filter=rot") || !strings.Contains(notes[0], "content/secret/p1.md") {
		t.Errorf("notes %q, want one that content/secret/p1.md, filter rot's that day, is left out", notes)
	}
	if tree["docs/P-2/index.html"] == nil {
		t.Error("P-2 is not published")
	}
	untranslated(t, res)

	// Today, nothing passes through a filter; version 1.0, scrambled
	// in git, has no page, and a note says why rather than nothing:
	// the filter that its commit's .gitattributes named, not today's
	// (none), which took it for a text from before the front matter.
	for _, opts := range []generator.Options{{AsOf: model.Date{Year: 2026, Month: 2, Day: 15}}, {Now: model.Date{Year: 2026, Month: 3, Day: 1}}} {
		tree, res = historyBuild(t, r.Dir, opts)
		if notes := notesAbout(res, "git filter"); len(notes) != 1 || !strings.Contains(notes[0], "when texts of theirs were committed (filter=rot for content/secret/p1.md") {
			t.Errorf("after the filter was dropped: notes %q, want one that content/secret/p1.md's text of 1.0 passed through filter rot", notes)
		}
		if notes := notesAbout(res, "named no filter"); len(notes) != 0 {
			t.Errorf("after the filter was dropped: notes %q", notes)
		}
		if tree["docs/P-1/v/1.0/index.html"] != nil {
			t.Error("docs/P-1/v/1.0/ is published")
		}
		untranslated(t, res)
	}
}

// The site as of a day publishes a bundle's file kept in Git LFS from
// the repository's LFS store, where git lfs pull put it: git holds a
// pointer, and the attachment was left out with a hint to run git lfs
// pull, which had been run. A file the store does not hold (or holds
// with other bytes) is still left out with that warning.
func TestAsOfFileKeptInLFS(t *testing.T) {
	r := gitfixture.New(t)
	form, other := "the form's bytes\n", "another form\n"
	pointer := func(body string) string {
		sum := sha256.Sum256([]byte(body))
		return fmt.Sprintf("version https://git-lfs.github.com/spec/v1\noid sha256:%x\nsize %d\n", sum, len(body))
	}
	r.MustWrite(".gitattributes", "*.xlsx filter=lfs diff=lfs merge=lfs -text\n")
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n")
	r.MustWrite("content/P-1/index.md", filterDoc("1.0", "See the form.", "1.0"))
	r.MustWrite("content/P-1/form.xlsx", pointer(form))
	r.MustWrite("content/P-1/other.xlsx", pointer(other))
	r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "first")
	sum := fmt.Sprintf("%x", sha256.Sum256([]byte(form)))
	store := filepath.Join(r.Dir, ".git", "lfs", "objects", sum[:2], sum[2:4])
	if err := os.MkdirAll(store, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(store, sum), []byte(form), 0o644); err != nil {
		t.Fatal(err)
	}
	tree, res := historyBuild(t, r.Dir, generator.Options{AsOf: model.Date{Year: 2026, Month: 1, Day: 2}})
	if got := string(tree["docs/P-1/form.xlsx"]); got != form {
		t.Errorf("docs/P-1/form.xlsx is %q, want the file the LFS store holds", got)
	}
	if tree["docs/P-1/other.xlsx"] != nil {
		t.Error("docs/P-1/other.xlsx, which the LFS store does not hold, is published")
	}
	var warned []string
	for _, d := range res.Diagnostics.Warnings() {
		if strings.Contains(d.Message, "LFS") {
			warned = append(warned, d.Message)
		}
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "other.xlsx") {
		t.Errorf("warnings %q, want one of other.xlsx", warned)
	}
}

// The other way round: a document encrypted today (its folder named by
// a filter of .gitattributes since), whose [[history]] names a version
// that only a text from before its front matter carried, was said to
// have passed through today's filter then; the commit of that text named
// none, and the note says so.
func TestFilterNamedSince(t *testing.T) {
	r := gitfixture.New(t)
	for _, kv := range [][2]string{{"filter.rot.clean", `tr 'A-Za-z=+' 'N-ZA-Mn-za-m+='`}, {"filter.rot.smudge", `tr 'N-ZA-Mn-za-m+=' 'A-Za-z=+'`}} {
		if err := r.Git(nil, "config", kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n")
	r.MustWrite("content/secret/p1.md", "# Access control\n\nThe text as it was kept before the site.\n")
	r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "imported")
	r.MustWrite(".gitattributes", "content/secret/** filter=rot\n")
	r.MustWrite("content/secret/p1.md", filterDoc("1.1", "Text two.", "1.0", "1.1"))
	r.MustCommit("2026-02-01T10:00:00+08:00", "Author", "encrypted")

	_, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 1}})
	if notes := notesAbout(res, "git filter"); len(notes) != 0 {
		t.Errorf("notes %q, want none of a filter", notes)
	}
	if notes := notesAbout(res, "named no filter"); len(notes) != 1 || !strings.Contains(notes[0], "content/secret/p1.md") {
		t.Errorf("notes %q, want one that the text of content/secret/p1.md without front matter passed through no filter", notes)
	}
	untranslated(t, res)
}
