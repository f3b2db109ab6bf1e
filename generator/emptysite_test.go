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
	src := t.TempDir()
	config := "title = \"QA\"\norganisation = \"Example Org\"\nlanguage = \"en\"\nbase_url = \"https://isms.example.com/\"\n\n[[departments]]\nid = \"hr\"\nname = \"Human resources\"\n"
	if err := os.WriteFile(filepath.Join(src, "isms.toml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(src, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	dest := build(t, src, generator.Options{})
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
