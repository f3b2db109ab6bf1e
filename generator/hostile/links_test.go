package hostile_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
)

// A Markdown link that climbs out of content/, or starts at the root of
// a disk or web server, is an error at its line that names nothing
// outside the site, and nothing is published: not the files it names,
// not the site.
func TestLinksOutOfContent(t *testing.T) {
	files := good()
	files["content/tier3/F-1/index.md"] = strings.Replace(doc("H-F-001", "Form", "", "[passwd](../../../etc/passwd)\n[up](../../../../outside/secret.md)\n[abs](/etc/passwd) [win](C:\\Windows\\win.ini)\n"), "tier = 2", "tier = 3", 1)
	site := writeSite(t, files)
	writeFile(t, filepath.Join(filepath.Dir(site), "outside", "secret.md"), doc("OUT-1", secret, "", secret+"\n"))
	dest := filepath.Join(site, "public")
	res, err := generator.Build(options(site, dest))
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, strs(res.Diagnostics.Errors()), []string{
		`content/tier3/F-1/index.md:12: broken link: "../../../etc/passwd" points outside content/, where nothing is published`,
		`content/tier3/F-1/index.md:13: broken link: "../../../../outside/secret.md" points outside content/, where nothing is published`,
		`content/tier3/F-1/index.md:14: the link "/etc/passwd" starts at the root of a web server or disk: the site must work under any path prefix`,
		`content/tier3/F-1/index.md:14: the link "C:\\Windows\\win.ini" starts at the root of a web server or disk: the site must work under any path prefix`,
	})
	for _, d := range res.Diagnostics {
		if strings.Contains(d.Message+d.Hint, secret) || strings.Contains(d.Hint, "passwd") {
			t.Errorf("%s names what is outside: %s", d, d.Hint)
		}
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Errorf("the failed build wrote %s", dest)
	}
}
