package hostile_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator/internal/fast"
)

// A heading's own id that names a document this build leaves out, in
// any of the ways the adaptations give one ({#id}, <h2 id="…">, a MyST
// target or figure's :name:, a link to the heading from the page or
// from another), is no
// anchor of any page: the heading has an id of its text, the page's
// links to it follow, and another page's link goes to the top of the
// page.
func TestWithheldHeadingIDs(t *testing.T) {
	files := good()
	files["content/tier2/leak-c.md"] = doc("QZLEAK-C-001", "Secret", `classification = "confidential"`, "Body.\n")
	files["content/tier2/leak-d.md"] = strings.Replace(doc("QZLEAK-D-001", "Draft", "", "Body.\n"), `status = "approved"`, `status = "draft"`, 1)
	files["content/tier2/hub.md"] = doc("H-P-002", "Hub", "", strings.Join([]string{
		"## Braces {#QZLEAK-C-001}",
		"",
		`<h2 id="qzleak-d-001">Tag</h2>`,
		"",
		"(QZLEAK-C-002)=",
		"## Target",
		"",
		"[a](#QZLEAK-C-001) [b](#qzleak-d-001)",
		"",
		"```{figure} fig.png",
		":name: QZLEAK-C-001",
		"Caption.",
		"```",
		"",
		"```{figure} fig.png",
		":name: fig-net",
		"Net.",
		"```",
		"",
		"See {ref}`the network <fig-net>`.",
		"",
	}, "\n"))
	files["content/tier2/fig.png"] = "png"
	files["content/tier2/leak-c2.md"] = doc("QZLEAK-C-002", "Secret 2", `classification = "confidential"`, "Body.\n")
	files["content/tier2/other.md"] = doc("H-P-003", "Other", "", "[c](H-P-002#QZLEAK-C-001)\n")
	site := writeSite(t, files)
	dest := filepath.Join(site, "public")
	mustBuild(t, options(site, dest))
	out := readTree(t, dest)
	for name, data := range out {
		if bytes.Contains(bytes.ToLower(data), []byte("qzleak")) {
			t.Errorf("%s holds a trace of a left-out document", name)
		}
	}
	page := string(out["docs/H-P-002/index.html"])
	for _, want := range []string{
		`<h2 id="braces">Braces</h2>`,
		`<h2 id="tag">Tag</h2>`,
		`<h2 id="target">Target</h2>`,
		`<a href="#braces">a</a> <a href="#tag">b</a>`,
		`<p><img src="../../files/tier2/fig.png" alt=""></p>`,
		`<p><span id="fig-net"></span><img src="../../files/tier2/fig.png" alt=""></p>`,
		`See <a href="#fig-net">the network</a>.`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if other := string(out["docs/H-P-003/index.html"]); !strings.Contains(other, `<a href="../../docs/H-P-002/" class="doc-link" data-doc="H-P-002">c</a>`) {
		t.Error("a link to the heading from another page does not go to the top of the page")
	}
}

// A heading whose text is a left-out document's id has the id its text
// makes, as the text itself is shown: with the fast paths on or off, the
// same page (the line-by-line renderer gives it that id).
func TestWithheldHeadingTextSameBothWays(t *testing.T) {
	files := good()
	files["content/tier2/leak-c.md"] = doc("QZLEAK-C-001", "Secret", `classification = "confidential"`, "Body.\n")
	files["content/tier2/hub.md"] = doc("H-P-002", "Hub", "", "## QZLEAK-C-001\n\nText.\n")
	site := writeSite(t, files)
	var pages []string
	for _, on := range []bool{true, false} {
		restore := fast.Set(on)
		dest := filepath.Join(t.TempDir(), "public")
		mustBuild(t, options(site, dest))
		restore()
		pages = append(pages, string(readTree(t, dest)["docs/H-P-002/index.html"]))
	}
	if pages[0] != pages[1] || !strings.Contains(pages[0], `<h2 id="qzleak-c-001">QZLEAK-C-001</h2>`) {
		t.Errorf("the fast path's page\n%s\nthe other\n%s", pages[0], pages[1])
	}
}
