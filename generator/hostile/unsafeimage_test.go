package hostile_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// A picture whose source is a script, a file: address or a data: one
// that is no raster picture, however the body writes it (Markdown, an
// HTML <img> in a paragraph, a MyST {image}, Hugo's figure), is shown as
// its text with a warning at its line: it was left out without a word.
// An embedded PNG is shown.
func TestUnsafeImageWarned(t *testing.T) {
	files := good()
	files["content/tier2/hub.md"] = doc("H-P-002", "Hub", "", strings.Join([]string{
		"![j](javascript:alert(1))", // 12
		"",
		`<p><img src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" alt="svg"></p>`, // 14
		"",
		"```{image} JaVa&#x53;cript:alert(2)", // 16
		"```",
		"",
		`{{< figure src="vbscript:x" >}}`, // 19
		"",
		"![png](data:image/png;base64,iVBORw0KGgo=)", // 21
		"",
	}, "\n"))
	site := writeSite(t, files)
	dest := filepath.Join(site, "public")
	var got []string
	for _, w := range mustBuild(t, options(site, dest)) {
		if strings.Contains(w, "is shown as its text: pages show no picture") {
			got = append(got, w[:strings.Index(w, ": warning")])
		}
	}
	sameLines(t, got, []string{"content/tier2/hub.md:12", "content/tier2/hub.md:14", "content/tier2/hub.md:16", "content/tier2/hub.md:19"})
	page := string(readTree(t, dest)["docs/H-P-002/index.html"])
	if strings.Count(page, "<img") != 1 || !strings.Contains(page, `<img src="data:image/png;base64,iVBORw0KGgo=" alt="png">`) {
		t.Errorf("the page shows a picture other than the PNG:\n%s", page)
	}
}
