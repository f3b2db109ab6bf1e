package generator_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// inForceDoc is a document's text; its body names the version, so that
// a page shows which text it holds.
func inForceDoc(id, title, version, status, class string, history ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\nid = %q\ntitle = %q\ntier = 2\nversion = %q\nstatus = %q\nclassification = %q\nowners = [\"isd\"]\nauthor = \"Author\"\napprover = \"Approver\"\napproved = 2026-01-01\n", id, title, version, status, class)
	for _, v := range history {
		fmt.Fprintf(&b, "\n[[history]]\nversion = %q\ndate = 2026-01-01\nsummary = \"Change %s.\"\n", v, v)
	}
	return b.String() + "+++\n\nThe text of version " + version + ".\n"
}

// The draft of P-1, over its approved 1.3: words, title and version
// that are its alone.
const (
	draftTitle   = "Zebrafish access regime"
	draftVersion = "9.8.7"
)

// inForceRepo scripts a repository in which P-1 was approved as 1.0
// and 1.3, P-2 was never approved and P-3 is above the ceiling; with
// commitDraft, the draft of P-1 is committed over 1.3 on 2026-03-02,
// else only written.
func inForceRepo(t *testing.T, lang string, commitDraft bool) *gitfixture.Repo {
	t.Helper()
	r := gitfixture.New(t)
	write := r.MustWrite
	commit := func(when, msg string) { r.MustCommit(when, "Controller", msg) }
	write("isms.toml", "title = \"T\"\nlanguage = \""+lang+"\"\nclassification_levels = [\"internal\", \"secret\"]\nclassification = \"internal\"\n[[departments]]\nid = \"isd\"\n")
	write("content/p1.md", inForceDoc("P-1", "Access control", "1.0", "approved", "internal", "1.0"))
	write("content/p2.md", inForceDoc("P-2", "Backup", "0.1", "draft", "internal", "0.1"))
	write("content/p3.md", inForceDoc("P-3", "Keys", "1.0", "approved", "internal", "1.0"))
	write("content/p4/index.md", inForceDoc("P-4", "Forms", "1.0", "approved", "internal", "1.0")+"[Form](form.txt)\n")
	write("content/p4/form.txt", "The form.\n")
	write("content/p5/index.md", inForceDoc("P-5", "Checks", "1.0", "approved", "internal", "1.0")+"[Checklist](list.txt), [Form](form.txt)\n")
	write("content/p5/list.txt", "The checklist.\n")
	write("content/p5/form.txt", "The form.\n")
	commit("2026-01-01T10:00:00+08:00", "approve 1.0")
	write("content/p1.md", inForceDoc("P-1", "Access control", "1.3", "approved", "internal", "1.0", "1.3"))
	commit("2026-02-01T10:00:00+08:00", "approve 1.3")
	write("content/p1.md", strings.Replace(inForceDoc("P-1", draftTitle, draftVersion, "draft", "internal", "1.0", "1.3", draftVersion),
		"The text of version", "Quagga clauses, the text of version", 1))
	write("content/p3.md", inForceDoc("P-3", "Keys", "2.0", "draft", "secret", "1.0", "2.0"))
	write("content/p5/index.md", inForceDoc("P-5", "Checks", "1.1", "draft", "internal", "1.0", "1.1")+"[Checklist](list.txt), [Form](form.txt)\n")
	// A page bundle's file that only the draft names.
	write("content/p4/index.md", inForceDoc("P-4", "Forms", "1.1", "review", "internal", "1.0", "1.1")+"[Form](form.txt), [Quagga form](Quagga-form.txt)\n")
	write("content/p4/Quagga-form.txt", "The new form.\n")
	// A page bundle's file that the draft changed in place.
	write("content/p5/list.txt", "Quagga checklist.\n")
	if commitDraft {
		commit("2026-03-02T10:00:00+08:00", "start 9.8.7")
	}
	return r
}

// A draft over an approved version: the site shows the approved text
// as if the file held it, with its earlier versions, and nothing of
// the draft; a note at the draft's status line says so.
func TestVersionInForceWhileDrafted(t *testing.T) {
	for _, committed := range []bool{true, false} {
		t.Run(fmt.Sprintf("committed=%v", committed), func(t *testing.T) {
			r := inForceRepo(t, "en", committed)
			tree, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 5}})
			page := string(tree["docs/P-1/index.html"])
			if !strings.Contains(page, "The text of version 1.3.") || !strings.Contains(page, "Access control") {
				t.Errorf("docs/P-1/ does not show version 1.3:\n%s", page)
			}
			if tree["docs/P-4/form.txt"] == nil {
				t.Error("docs/P-4/form.txt, which version 1.0 of P-4 links to, was not written")
			}
			for _, name := range []string{"docs/P-1/v/1.0/index.html", "docs/P-1/changes/1.3/index.html"} {
				if !bytes.Contains(tree[name], []byte("version 1.")) {
					t.Errorf("%s does not show its text:\n%s", name, tree[name])
				}
			}
			noTrace(t, tree, "Quagga", draftTitle, "Zebrafish", draftVersion, "9-8-7", "9.8")
			for name := range tree {
				if strings.HasPrefix(name, "docs/P-2/") || strings.HasPrefix(name, "docs/P-3/") {
					t.Errorf("%s: a document never approved, or above the ceiling, is published", name)
				}
			}
			want := fmt.Sprintf(`content/p1.md:6: note: status "draft": the site shows version 1.3, the last published, from commit %s (2026-02-01); this text is published once approved`, commitOf(t, r.Dir, "approve 1.3"))
			if !hasDiag(res.Diagnostics, want) {
				t.Errorf("no note %q in:\n%v", want, res.Diagnostics)
			}
			for _, d := range res.Diagnostics {
				if d.File == "content/p2.md" || d.File == "content/p3.md" || d.Code == "revision-unpublished" {
					t.Errorf("unexpected: %s", d)
				}
			}
		})
	}
}

// Of a page bundle shown from git, a file the draft changed in place is
// left out, and the links to it are text, with a note; the files it
// left as they were are published.
func TestVersionInForceWithholdsChangedFiles(t *testing.T) {
	for _, committed := range []bool{true, false} {
		t.Run(fmt.Sprintf("committed=%v", committed), func(t *testing.T) {
			r := inForceRepo(t, "en", committed)
			tree, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 5}})
			page := string(tree["docs/P-5/index.html"])
			if !strings.Contains(page, "The text of version 1.0.") {
				t.Fatalf("docs/P-5/ does not show version 1.0:\n%s", page)
			}
			if tree["docs/P-5/list.txt"] != nil || strings.Contains(page, `href="list.txt"`) {
				t.Errorf("list.txt, which the draft changed, is published or linked to:\n%s", page)
			}
			if !strings.Contains(page, "Checklist") {
				t.Errorf("the link's text is not kept:\n%s", page)
			}
			if tree["docs/P-5/form.txt"] == nil || !strings.Contains(page, `href="form.txt"`) {
				t.Errorf("form.txt, unchanged since version 1.0, is not published and linked to:\n%s", page)
			}
			noTrace(t, tree, "Quagga")
			want := `content/p5/index.md:6: note: list.txt has changed since version 1.0: the site leaves it out, and shows the links to it as text, until this text is approved`
			if !hasDiag(res.Diagnostics, want) {
				t.Errorf("no note %q in:\n%v", want, res.Diagnostics)
			}
			for _, d := range res.Diagnostics {
				if d.Severity != diag.Note && d.File == "content/p5/index.md" {
					t.Errorf("unexpected: %s", d)
				}
			}
		})
	}
}

// A warning of a later stage about a document shown from git is at the
// line of its key in the file on disk, the draft, or at the draft's
// status line when the draft lacks the key: not at a line of the text
// git holds.
func TestVersionInForceWarnsAtTheFilesLines(t *testing.T) {
	r := gitfixture.New(t)
	if err := r.Write("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n"); err != nil {
		t.Fatal(err)
	}
	// Approved and last reviewed after the build's date: future-date.
	approved := inForceDoc("P-1", "Access control", "1.0", "approved", "internal", "1.0")
	approved = strings.Replace(approved, "approved = 2026-01-01\n", "approved = 2026-06-01\nlast_reviewed = 2026-07-01\n", 1)
	// Pictures on another host: remote-image, at their lines.
	approved += "\n![Kept](https://example.com/kept.png)\n\n![Gone](https://example.com/gone.png)\n"
	if err := r.Write("content/p1.md", approved); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Commit("2026-01-01T10:00:00+08:00", "Controller", "approve 1.0"); err != nil {
		t.Fatal(err)
	}
	// The draft: two lines more above approved, and no last_reviewed.
	draft := inForceDoc("P-1", "Access control", "1.1", "draft", "internal", "1.0", "1.1")
	draft = strings.Replace(draft, "author = ", "reviewer = \"Reviewer\"\ntype = \"policy\"\nauthor = ", 1)
	draft += "\nA new paragraph.\n\n![Kept](https://example.com/kept.png)\n"
	if err := r.Write("content/p1.md", draft); err != nil {
		t.Fatal(err)
	}
	_, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 5}})
	lines := strings.Split(draft, "\n")
	lineOf := func(prefix string) int {
		for i, l := range lines {
			if strings.HasPrefix(l, prefix) {
				return i + 1
			}
		}
		t.Fatalf("no line %q in the draft", prefix)
		return 0
	}
	for _, want := range []string{
		fmt.Sprintf("content/p1.md:%d: warning: approved 2026-06-01 is after the build's date, 2026-03-05", lineOf("approved = ")),
		fmt.Sprintf("content/p1.md:%d: warning: last_reviewed 2026-07-01 is after the build's date, 2026-03-05", lineOf("status = ")),
		fmt.Sprintf(`content/p1.md:%d: warning: the image "https://example.com/kept.png" is on another host: it is shown as a link to it, since the site loads nothing from other hosts`, lineOf("![Kept]")),
		fmt.Sprintf(`content/p1.md:%d: warning: the image "https://example.com/gone.png" is on another host: it is shown as a link to it, since the site loads nothing from other hosts`, lineOf("status = ")),
	} {
		if !hasDiag(res.Diagnostics, want) {
			t.Errorf("no %q in:\n%v", want, res.Diagnostics)
		}
	}
}

// The note is in the site's language, at the status line, from check
// as from build.
func TestVersionInForceNoteInChinese(t *testing.T) {
	r := inForceRepo(t, "zh-CN", true)
	res, err := generator.Check(generator.Options{Source: r.Dir, Now: model.Date{Year: 2026, Month: 3, Day: 5}, Defaults: defaults()})
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("%v %v", err, res.Diagnostics)
	}
	var b bytes.Buffer
	res.Diagnostics.Print(&b, generator.Messages(defaults(), "zh-CN"))
	want := fmt.Sprintf(`content/p1.md:6: 说明：status "draft"：网站仍显示最后发布的 1.3 版（提交 %s，2026-02-01）；本文批准后才会发布`, commitOf(t, r.Dir, "approve 1.3"))
	if !strings.Contains(b.String(), want) {
		t.Errorf("no %q in:\n%s", want, b.String())
	}
}

// With --drafts the draft is shown, as before.
func TestVersionInForceWithDrafts(t *testing.T) {
	r := inForceRepo(t, "en", true)
	tree, res := historyBuild(t, r.Dir, generator.Options{Drafts: true, Now: model.Date{Year: 2026, Month: 3, Day: 5}})
	if page := string(tree["docs/P-1/index.html"]); !strings.Contains(page, "Quagga clauses") || !strings.Contains(page, draftTitle) {
		t.Errorf("--drafts does not show the draft:\n%s", page)
	}
	for _, d := range res.Diagnostics {
		if d.Severity == diag.Note && d.File == "content/p1.md" {
			t.Errorf("a note with --drafts: %s", d)
		}
	}
}

// Built as of a day after the draft was committed, the site and the
// pack show the version in force.
func TestVersionInForceAsOf(t *testing.T) {
	r := inForceRepo(t, "en", true)
	day := model.Date{Year: 2026, Month: 3, Day: 5}
	tree, _ := historyBuild(t, r.Dir, generator.Options{AsOf: day})
	if page := string(tree["docs/P-1/index.html"]); !strings.Contains(page, "The text of version 1.3.") {
		t.Errorf("--as-of does not show version 1.3:\n%s", page)
	}
	noTrace(t, tree, "Quagga", draftTitle, draftVersion)
	files := packAsOf(t, r.Dir, day)
	noTrace(t, files, "Quagga", draftTitle, draftVersion)
	found := bytes.Contains(files["documents/P-1.html"], []byte("The text of version 1.3."))
	if !found {
		t.Error("the pack does not hold version 1.3 of P-1, in force that day")
	}
}

// noTrace fails the test for each file of tree that holds one of words.
func noTrace(t *testing.T, tree map[string][]byte, words ...string) {
	t.Helper()
	for name, data := range tree {
		for _, w := range words {
			if bytes.Contains(data, []byte(w)) || strings.Contains(name, w) {
				t.Errorf("%s holds %q of the draft", name, w)
			}
		}
	}
}

func hasDiag(diags diag.List, line string) bool {
	for _, d := range diags {
		if d.String() == line {
			return true
		}
	}
	return false
}
