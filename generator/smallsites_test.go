package generator_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"ismsgen/generator"
)

// A site with no document yet builds, and its lists say "None." where
// they would show their rows, not a table of headings over no row.
func TestEmptySiteListsSayNone(t *testing.T) {
	dest := build(t, smallSite(t), generator.Options{})
	for _, page := range []string{"index.html", "register/index.html", "tiers/1/index.html", "tiers/2/index.html", "tiers/3/index.html"} {
		data, err := os.ReadFile(filepath.Join(dest, page))
		if err != nil {
			t.Fatal(err)
		}
		html := string(data)
		if regexp.MustCompile(`<tbody>\s*</tbody>`).MatchString(html) {
			t.Errorf("%s: a table with no row", page)
		}
		if !strings.Contains(html, "<p>None.</p>") {
			t.Errorf("%s does not say None.", page)
		}
	}
}

// smallSite writes an English site with one department and the given
// documents (file name: text) and returns its folder.
func smallSite(t *testing.T, docs ...string) string {
	t.Helper()
	src := t.TempDir()
	config := "title = \"QA\"\norganisation = \"Example Org\"\nlanguage = \"en\"\nbase_url = \"https://isms.example.com/\"\n\n[[departments]]\nid = \"hr\"\nname = \"Human resources\"\n"
	if err := os.WriteFile(filepath.Join(src, "isms.toml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(src, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(docs); i += 2 {
		if err := os.WriteFile(filepath.Join(src, "content", docs[i]), []byte(docs[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return src
}

// A count of one reads "1 document" on an English site.
func TestOneDocumentSiteCountsInTheSingular(t *testing.T) {
	dest := build(t, smallSite(t, "pol.md", "+++\nid = \"POL-1\"\ntitle = \"Access control policy\"\ntier = 1\ntype = \"policy\"\nversion = \"1.0\"\nstatus = \"approved\"\nowners = [\"hr\"]\napprover = \"CEO\"\napproved = 2026-01-05\ndistribution = [\"hr\"]\ncontrols = [\"5.15\"]\n+++\n\nText.\n"), generator.Options{})
	for _, page := range []string{"index.html", "distribution/hr/index.html"} {
		data, err := os.ReadFile(filepath.Join(dest, page))
		if err != nil {
			t.Fatal(err)
		}
		if m := regexp.MustCompile(`\b1 documents\b`).Find(data); m != nil {
			t.Errorf("%s: %q", page, m)
		}
	}
}
