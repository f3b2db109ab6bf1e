package generator_test

import (
	"fmt"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// A file of a page bundle checked out with CRLF (core.autocrlf, as on
// Windows) holds the text git holds: it is unchanged since the version
// in force, and published with it. One whose text changed, or one that
// git passes through a filter (what it would store is not known without
// running it), is left out with the note. Without autocrlf, git stores
// a file's CRLF as it is: the file changed.
func TestVersionInForceComparesFilesAsGitDoes(t *testing.T) {
	for _, autocrlf := range []string{"true", "false"} {
		t.Run("autocrlf="+autocrlf, func(t *testing.T) {
			r := gitfixture.New(t)
			write := r.MustWrite
			if err := r.Git(nil, "config", "core.autocrlf", autocrlf); err != nil {
				t.Fatal(err)
			}
			links := "[Checklist](list.txt), [Form](form.txt), [Keys](keys.txt)\n"
			write("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n")
			write(".gitattributes", "keys.txt filter=vault\n")
			write("content/p5/index.md", inForceDoc("P-5", "Checks", "1.0", "approved", "internal", "1.0")+links)
			write("content/p5/list.txt", "The checklist.\nSecond line.\n")
			write("content/p5/form.txt", "The form.\n")
			write("content/p5/keys.txt", "The keys.\n")
			if _, err := r.Commit("2026-01-01T10:00:00+08:00", "Controller", "approve 1.0"); err != nil {
				t.Fatal(err)
			}
			write("content/p5/index.md", inForceDoc("P-5", "Checks", "1.1", "draft", "internal", "1.0", "1.1")+links)
			// As a checkout with autocrlf writes them.
			write("content/p5/list.txt", "The checklist.\r\nSecond line.\r\n")
			write("content/p5/keys.txt", "The keys.\r\n")
			write("content/p5/form.txt", "The Quagga form.\r\n")
			tree, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 5}})
			page := string(tree["docs/P-5/index.html"])
			if !strings.Contains(page, "The text of version 1.0.") {
				t.Fatalf("docs/P-5/ does not show version 1.0:\n%s", page)
			}
			noTrace(t, tree, "Quagga")
			published := map[string]bool{"list.txt": autocrlf == "true"}
			for _, name := range []string{"list.txt", "form.txt", "keys.txt"} {
				note := fmt.Sprintf(`content/p5/index.md:6: note: %s has changed since version 1.0: the site leaves it out, and shows the links to it as text, until this text is approved`, name)
				linked := strings.Contains(page, `href="`+name+`"`)
				if published[name] {
					if tree["docs/P-5/"+name] == nil || !linked || hasDiag(res.Diagnostics, note) {
						t.Errorf("%s, unchanged as git compares it, is not published and linked to, or has a note:\n%v", name, res.Diagnostics)
					}
					continue
				}
				if tree["docs/P-5/"+name] != nil || linked || !hasDiag(res.Diagnostics, note) {
					t.Errorf("%s is published, or linked to, or has no note %q:\n%v", name, note, res.Diagnostics)
				}
			}
		})
	}
}
