package generator_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// draftProblemsRepo scripts P-1, approved as 1.0 with a piece of raw
// HTML, and a draft of it on disk whose body keeps that piece at
// another line and adds words of its own around problems of its own;
// its bundle has a file only the draft names. It returns the draft.
func draftProblemsRepo(t *testing.T, lang, problems string) (*gitfixture.Repo, string) {
	t.Helper()
	r := gitfixture.New(t)
	write := r.MustWrite
	write("isms.toml", "title = \"T\"\nlanguage = \""+lang+"\"\n[[departments]]\nid = \"isd\"\n")
	shared := "<span>Kept aside.</span>\n"
	write("content/p1/index.md", inForceDoc("P-1", "Access control", "1.0", "approved", "internal", "1.0")+"\n"+shared+"\n[Form](form.txt)\n")
	write("content/p1/form.txt", "The form.\n")
	if _, err := r.Commit("2026-01-01T10:00:00+08:00", "Controller", "approve 1.0"); err != nil {
		t.Fatal(err)
	}
	draft := inForceDoc("P-1", "Access control", "1.1", "draft", "internal", "1.0", "1.1") +
		"\nQuagga paragraph.\n\n" + shared + "\n" + problems + "\n[Quagga form](quagga.txt), [Form](form.txt)\n"
	write("content/p1/index.md", draft)
	write("content/p1/quagga.txt", "Quagga.\n")
	return r, draft
}

// lineOf is the line of text that starts with prefix.
func lineOf(t *testing.T, text, prefix string) int {
	t.Helper()
	for i, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return i + 1
		}
	}
	t.Fatalf("no line %q", prefix)
	return 0
}

// The problems of a draft's own body are reported at its lines while
// the site shows its version in force, as they are for any draft: a
// broken link is an error, raw HTML a warning. The text shown adds
// nothing about what the draft has too, and a link of the draft to a
// file only it names is no broken link.
func TestVersionInForceReportsTheDraftsOwnProblems(t *testing.T) {
	r, draft := draftProblemsRepo(t, "en", "See [Zebra rules](ISMS-ZEBRA-9) and [the plan](plan.md).\n")
	res, err := generator.Check(generator.Options{Source: r.Dir, Now: model.Date{Year: 2026, Month: 3, Day: 5}, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	link := lineOf(t, draft, "See [Zebra")
	want := []string{
		fmt.Sprintf(`content/p1/index.md:%d: broken link: "plan.md" names content/p1/plan.md, which does not exist`, link),
		fmt.Sprintf(`content/p1/index.md:%d: broken link: no document has the id "ISMS-ZEBRA-9"`, link),
		fmt.Sprintf(`content/p1/index.md:%d: warning: the HTML tag <span> is not shown (pages show no HTML written in a document); the text around it is`, lineOf(t, draft, "<span>")),
	}
	var got []string
	for _, d := range res.Diagnostics {
		if d.File == "content/p1/index.md" && d.Code != "" || d.Severity == diag.Error {
			got = append(got, d.String())
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Built, a draft whose own body has warnings alone keeps its version in
// force: the warnings are at the draft's lines, and nothing of the
// draft is published.
func TestVersionInForceWarnsOfTheDraftWithoutPublishingIt(t *testing.T) {
	r, draft := draftProblemsRepo(t, "en", "<kbd>Quagga key</kbd>\n")
	tree, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 5}})
	if page := string(tree["docs/P-1/index.html"]); !strings.Contains(page, "The text of version 1.0.") || !strings.Contains(page, `href="form.txt"`) {
		t.Errorf("docs/P-1/ does not show version 1.0 with its form:\n%s", page)
	}
	noTrace(t, tree, "Quagga", "quagga")
	for _, tag := range []string{"span", "kbd"} {
		want := fmt.Sprintf(`content/p1/index.md:%d: warning: the HTML tag <%s> is not shown (pages show no HTML written in a document); the text around it is`, lineOf(t, draft, "<"+tag+">"), tag)
		n := 0
		for _, d := range res.Diagnostics {
			if strings.Contains(d.Message, "<"+tag+">") {
				n++
			}
		}
		if !hasDiag(res.Diagnostics, want) || n != 1 {
			t.Errorf("not %q alone in:\n%v", want, res.Diagnostics)
		}
	}
}

// A file of the bundle that the version in force names and that the
// revision removed or renamed is no broken link of the text shown (an
// error the draft would cause in the approved text): its links are
// text, and a note names it, committed or not.
func TestVersionInForceFileRemovedByTheRevision(t *testing.T) {
	for _, committed := range []bool{true, false} {
		t.Run(fmt.Sprintf("committed=%v", committed), func(t *testing.T) {
			r := gitfixture.New(t)
			write := r.MustWrite
			write("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n")
			write("content/p5/index.md", inForceDoc("P-5", "Checks", "1.0", "approved", "internal", "1.0")+"[Checklist](list.txt), [Form](form.txt)\n")
			write("content/p5/list.txt", "The checklist.\n")
			write("content/p5/form.txt", "The form.\n")
			if _, err := r.Commit("2026-01-01T10:00:00+08:00", "Controller", "approve 1.0"); err != nil {
				t.Fatal(err)
			}
			if err := r.Move("content/p5/list.txt", "content/p5/quagga-list.txt"); err != nil {
				t.Fatal(err)
			}
			write("content/p5/index.md", inForceDoc("P-5", "Checks", "1.1", "draft", "internal", "1.0", "1.1")+"[Checklist](quagga-list.txt), [Form](form.txt)\n")
			if committed {
				if _, err := r.Commit("2026-02-01T10:00:00+08:00", "Controller", "start 1.1"); err != nil {
					t.Fatal(err)
				}
			}
			tree, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 5}})
			page := string(tree["docs/P-5/index.html"])
			if !strings.Contains(page, "The text of version 1.0.") || !strings.Contains(page, "Checklist") || strings.Contains(page, "list.txt") {
				t.Errorf("docs/P-5/ does not show version 1.0 with its link to list.txt as text:\n%s", page)
			}
			noTrace(t, tree, "quagga")
			want := `content/p5/index.md:6: note: list.txt was removed since version 1.0: the site shows the links to it as text until this text is approved`
			if !hasDiag(res.Diagnostics, want) {
				t.Errorf("no %q in:\n%v", want, res.Diagnostics)
			}
		})
	}
}

// Another document's link to a file of the bundle that the version in
// force does not publish is its text, with warning withheld-link at its
// line: the note at the draft's status line is not where its author
// looks. A file the version publishes is linked to.
func TestVersionInForceWarnsOtherDocumentsLinks(t *testing.T) {
	r, _ := draftProblemsRepo(t, "en", "")
	other := inForceDoc("Q-1", "Other", "1.0", "approved", "internal", "1.0") + "[New form](p1/quagga.txt), [Form](p1/form.txt)\n"
	if err := r.Write("content/q1.md", other); err != nil {
		t.Fatal(err)
	}
	tree, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 5}})
	page := string(tree["docs/Q-1/index.html"])
	if !strings.Contains(page, "New form") || strings.Contains(page, "quagga.txt") || !strings.Contains(page, `href="../../docs/P-1/form.txt"`) {
		t.Errorf("docs/Q-1/ does not show the link to quagga.txt as text, and link to form.txt:\n%s", page)
	}
	want := fmt.Sprintf(`content/q1.md:%d: warning: link to p1/quagga.txt, a file of a page bundle whose document is being revised: the site shows the version in force, which does not publish it, and the link's text without a link`, lineOf(t, other, "[New form]"))
	if !hasDiag(res.Diagnostics, want) {
		t.Errorf("no %q in:\n%v", want, res.Diagnostics)
	}
	for _, d := range res.Diagnostics {
		if d.File == "content/p1/index.md" && d.Code == "withheld-link" {
			t.Errorf("the draft's own link warned: %s", d)
		}
	}
}
