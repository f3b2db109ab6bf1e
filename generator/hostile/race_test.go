package hostile_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/load"
	"ismsgen/generator/write"
)

// swapOut is an output folder that, as the page of one document is
// written and before its attachments are copied, runs swap once: the
// moment an attacker with write access to content/ would pick.
type swapOut struct {
	*write.Tx
	page string
	once sync.Once
	swap func()
}

func (s *swapOut) File(rel string, data []byte) error {
	if rel == s.page {
		s.once.Do(s.swap)
	}
	return s.Tx.File(rel, data)
}

// An attachment replaced while the site is built is never published: not
// when a symbolic link to a secret takes its place (even one to the same
// bytes), and not with bytes other than those whose SHA-256 its page
// lists. The build fails with an error that names the file and says to
// build again, and the previous output stays as it was.
func TestAttachmentSwappedMidBuild(t *testing.T) {
	const form = "the form as it was hashed\n"
	for _, tc := range []struct {
		name string
		swap func(t *testing.T, path, outside string)
		want string
	}{
		{"a symbolic link to a secret", func(t *testing.T, path, outside string) {
			replaceWithLink(t, path, outside)
		}, "content/tier3/F-1/form.txt: the file was replaced by a symbolic link or a device during the build, and is not published; put the file itself back and build again"},
		{"a symbolic link to the same bytes", func(t *testing.T, path, outside string) {
			writeFile(t, outside, form)
			replaceWithLink(t, path, outside)
		}, "content/tier3/F-1/form.txt: the file was replaced by a symbolic link or a device during the build, and is not published; put the file itself back and build again"},
		{"other bytes", func(t *testing.T, path, outside string) {
			writeFile(t, path, "a new version of the form\n")
		}, "content/tier3/F-1/form.txt: the file changed during the build, so its page would list a SHA-256 other than that of the published file; build again"},
		{"more bytes", func(t *testing.T, path, outside string) {
			writeFile(t, path, form+"and a line more\n")
		}, "content/tier3/F-1/form.txt: the file changed during the build, so its page would list a SHA-256 other than that of the published file; build again"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := good()
			files["content/tier3/F-1/index.md"] = strings.Replace(doc("H-F-001", "Form", "", "[form](form.txt)\n"), "tier = 2", "tier = 3", 1)
			files["content/tier3/F-1/form.txt"] = form
			site := writeSite(t, files)
			outside := filepath.Join(filepath.Dir(site), "secret.txt")
			writeFile(t, outside, secret)
			dest := filepath.Join(site, "public")
			mustBuild(t, options(site, dest))
			before := readTree(t, dest)

			tx, err := write.Begin(dest)
			if err != nil {
				t.Fatal(err)
			}
			out := &swapOut{Tx: tx, page: "docs/H-F-001/index.html", swap: func() {
				tc.swap(t, filepath.Join(site, "content", "tier3", "F-1", "form.txt"), outside)
			}}
			_, err = generator.Run(options(site, dest), out)
			if err == nil || err.Error() != tc.want {
				tx.Abort()
				t.Fatalf("build: %v\nwant: %s", err, tc.want)
			}
			tx.Abort()
			sameTree(t, "after the failed build", before, readTree(t, dest))
			if l := leftovers(t, site); len(l) > 0 {
				t.Errorf("temporary folders left: %v", l)
			}
		})
	}
}

// A file swapped for a symbolic link between the walk that lists it and
// the read that opens it is not read: an error at its line 1 (the
// document) or at the bundle's (an attachment), nothing published.
func TestSwappedBeforeRead(t *testing.T) {
	files := good()
	files["content/tier3/F-1/index.md"] = strings.Replace(doc("H-F-001", "Form", "", "[form](form.txt)\n"), "tier = 2", "tier = 3", 1)
	files["content/tier3/F-1/form.txt"] = "form\n"
	site := writeSite(t, files)
	outside := filepath.Join(filepath.Dir(site), "secret.md")
	writeFile(t, outside, doc("H-P-001", secret, "", secret+"\n"))
	src := site
	// The walk has listed them; now both are swapped.
	paths, bundles, _ := load.Files(src)
	replaceWithLink(t, filepath.Join(site, "content", "tier2", "p.md"), outside)
	replaceWithLink(t, filepath.Join(site, "content", "tier3", "F-1", "form.txt"), outside)
	var got []string
	for _, p := range paths {
		doc, d := load.ReadDoc(src, p, bundles[p], "")
		got = append(got, strs(d)...)
		if doc != nil && strings.Contains(string(doc.Body), secret) {
			t.Errorf("%s: read through the link", p)
		}
		if doc != nil {
			for _, a := range doc.Attachments {
				if a.Name == "form.txt" {
					t.Errorf("%s: the swapped attachment is listed", p)
				}
			}
		}
	}
	sameLines(t, got, []string{
		"content/tier2/p.md:1: the file is no longer a regular file (a symbolic link or a device took its place)",
		"content/tier3/F-1/form.txt:1: the file is no longer a regular file (a symbolic link or a device took its place)",
	})
}

func replaceWithLink(t *testing.T, path, target string) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
}
