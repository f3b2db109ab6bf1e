package generator_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/internal/sitecheck"
)

// The page of an earlier version of a document shown from git links to
// the files of its bundle as the version in force does: a file the
// draft changed in place, which the version leaves out, is its link's
// text there too (however the link is written: a picture, a path with
// ./, a section, a reference), never a link to nothing or to the
// draft's bytes; a file the version publishes is linked to. With the
// fast paths off, the same pages.
func TestVersionInForceEarlierPagesLinkAsItDoes(t *testing.T) {
	for _, committed := range []bool{true, false} {
		t.Run(fmt.Sprintf("committed=%v", committed), func(t *testing.T) {
			r := gitfixture.New(t)
			write := r.MustWrite
			commit := func(when, msg string) { r.MustCommit(when, "Controller", msg) }
			links := "[Checklist](list.txt), [Again](./list.txt), [Part](list.txt#x), [Ref][r], ![Chart](img/chart.png), [Form](form.txt)\n\n[r]: list.txt\n"
			write("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n")
			write("content/p5/index.md", inForceDoc("P-5", "Checks", "1.0", "approved", "internal", "1.0")+links)
			write("content/p5/list.txt", "The checklist.\n")
			write("content/p5/img/chart.png", "\x89PNG\r\n\x1a\nchart")
			write("content/p5/form.txt", "The form.\n")
			commit("2026-01-01T10:00:00+08:00", "approve 1.0")
			write("content/p5/index.md", inForceDoc("P-5", "Checks", "1.1", "approved", "internal", "1.0", "1.1")+"[Checklist](list.txt), ![Chart](img/chart.png), [Form](form.txt)\n")
			commit("2026-02-01T10:00:00+08:00", "approve 1.1")
			write("content/p5/index.md", inForceDoc("P-5", "Checks", "1.2", "draft", "internal", "1.0", "1.1", "1.2")+"[Checklist](list.txt)\n")
			write("content/p5/list.txt", "The Quagga checklist.\n")
			write("content/p5/img/chart.png", "\x89PNG\r\n\x1a\nQuagga")
			if committed {
				commit("2026-03-02T10:00:00+08:00", "start 1.2")
			}
			on, off, _, _ := buildBoth(t, r.Dir)
			sameTrees(t, on, off)
			page := string(on["docs/P-5/v/1.0/index.html"])
			if !strings.Contains(page, "The text of version 1.0.") || !strings.Contains(page, `href="../../form.txt"`) {
				t.Fatalf("docs/P-5/v/1.0/ does not show its text, with its link to form.txt:\n%s", page)
			}
			for _, text := range []string{"Checklist", "Again", "Part", "Ref", "Chart"} {
				if !strings.Contains(page, text) {
					t.Errorf("docs/P-5/v/1.0/ does not keep the text %q of its link", text)
				}
			}
			for _, name := range []string{"list.txt", "chart.png"} {
				if strings.Contains(page, name) {
					t.Errorf("docs/P-5/v/1.0/ links to %s, which the version in force leaves out:\n%s", name, page)
				}
			}
			noTrace(t, on, "Quagga")
			dest := filepath.Join(t.TempDir(), "public")
			if _, err := generator.Build(generator.Options{Source: r.Dir, Dest: dest, Now: now, Defaults: defaults()}); err != nil {
				t.Fatal(err)
			}
			problems, err := sitecheck.Links(dest)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				t.Errorf("%s: a link that does not resolve", p)
			}
		})
	}
}
