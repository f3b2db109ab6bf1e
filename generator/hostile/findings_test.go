package hostile_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
)

// Input mistakes that once passed silently, or were reported without a
// line, are errors at path:line with a hint: ids Windows reserves,
// classification levels that differ only in case, a file over the size
// limit.
func TestRoundTwoFindings(t *testing.T) {
	const windows = " cannot name a folder on a Windows share (its page is docs/"
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"ids Windows reserves", map[string]string{
			"content/a.md": doc("CON", "T", "", ""),
			"content/b.md": doc("aux", "T", "", ""),
			"content/c.md": doc("NUL", "T", "", ""),
			"content/d.md": doc("COM1", "T", "", ""),
			"content/e.md": doc("LPT9", "T", "", ""),
			"content/f.md": doc("X.", "T", "", ""),
			"content/g.md": doc("con.1", "T", "", ""),
			"content/h.md": doc("Prn.Policy", "T", "", ""),
		}, []string{
			`content/a.md:2: id "CON"` + windows + `CON/)`,
			`content/b.md:2: id "aux"` + windows + `aux/)`,
			`content/c.md:2: id "NUL"` + windows + `NUL/)`,
			`content/d.md:2: id "COM1"` + windows + `COM1/)`,
			`content/e.md:2: id "LPT9"` + windows + `LPT9/)`,
			`content/f.md:2: id "X."` + windows + `X./)`,
			`content/g.md:2: id "con.1"` + windows + `con.1/)`,
			`content/h.md:2: id "Prn.Policy"` + windows + `Prn.Policy/)`,
		}},
		{"levels that differ only in case", map[string]string{
			"isms.toml": "classification_levels = [\"public\", \"Internal\", \"internal\", \"SECRET\", \"secret\", \"secret\"]\nclassification = \"internal\"\n" + baseConfig,
		}, []string{
			`isms.toml:1: classification level "secret" is listed twice`,
			`isms.toml:1: classification levels "Internal" and "internal" differ only in case`,
			`isms.toml:1: classification levels "SECRET" and "secret" differ only in case`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := good()
			for name, text := range tc.files {
				files[name] = text
			}
			site := writeSite(t, files)
			res, err := generator.Build(options(site, filepath.Join(site, "public")))
			if err != nil {
				t.Fatal(err)
			}
			sameLines(t, strs(res.Diagnostics.Errors()), tc.want)
			for _, d := range res.Diagnostics.Errors() {
				if d.Hint == "" {
					t.Errorf("%s: no hint", d)
				}
			}
		})
	}
}

// A file over the size limit is an error at its line 1, as every other
// file that cannot be read.
func TestTooLargeAtLine1(t *testing.T) {
	files := good()
	site := writeSite(t, files)
	big := filepath.Join(site, "content", "big.md")
	writeFile(t, big, doc("BIG-1", "Big", "", "x\n"))
	if err := os.Truncate(big, 33<<20); err != nil {
		t.Fatal(err)
	}
	res, err := generator.Build(options(site, filepath.Join(site, "public")))
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, strs(res.Diagnostics.Errors()), []string{"content/big.md:1: the file is larger than 32 MiB"})
}

// A document saved with CR line ends (classic Mac OS, some exports) is
// read as lines, and its problems are reported at the lines an editor
// shows.
func TestCROnly(t *testing.T) {
	cr := func(s string) string { return strings.ReplaceAll(s, "\n", "\r") }
	files := good()
	files["content/tier2/cr.md"] = cr(doc("H-P-003", "CR only", "", "## Scope\n\nSee [](H-P-001#scope) and [](H-P-001#nope).\n"))
	files["isms.toml"] = cr(baseConfig)
	site := writeSite(t, files)
	dest := filepath.Join(site, "public")
	sameLines(t, mustBuild(t, options(site, dest)), []string{
		`content/tier2/cr.md:14: warning: H-P-001 has no heading with the id "nope"`,
	})
	page, err := os.ReadFile(filepath.Join(dest, "docs", "H-P-003", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`<h2 id="scope">Scope</h2>`)) || !bytes.Contains(page, []byte(`href="../../docs/H-P-001/#scope"`)) {
		t.Errorf("the CR-only document is not read as lines:\n%s", page)
	}
}

// A heading whose anchor would be an id the page's layout uses (the main
// region, the search box, the table of contents) gets a suffix, in its
// anchor and for links to it, so that the page keeps one element of each
// id and its script and skip link work: a link to "#main", as the author
// wrote it for "## Main", goes to "#main-1".
func TestHeadingsTakeNoLayoutID(t *testing.T) {
	files := good()
	files["content/tier2/ids.md"] = doc("H-P-003", "Ids", "", "## Main\n\n## Search\n\n## Site search q\n\n## TOC heading\n\nSee [](H-P-003#main-1), [](H-P-003#main).\n")
	site := writeSite(t, files)
	dest := filepath.Join(site, "public")
	sameLines(t, mustBuild(t, options(site, dest)), nil)
	page, err := os.ReadFile(filepath.Join(dest, "docs", "H-P-003", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"main", "site-search-q", "toc-heading"} {
		if n := bytes.Count(page, []byte(` id="`+id+`"`)); n > 1 {
			t.Errorf("%d elements with the id %q", n, id)
		}
	}
	for _, want := range []string{`<h2 id="main-1">Main</h2>`, `<h2 id="search-1">Search</h2>`, `<h2 id="site-search-q-1">`, `<h2 id="toc-heading-1">`, `href="#main-1"`} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if n := bytes.Count(page, []byte(`/docs/H-P-003/#main-1" class="doc-link"`)); n != 2 {
		t.Errorf("%d links of the body go to #main-1, want both", n)
	}
}

// Character references and escapes reach the search index and the table
// of contents resolved once ("R&D", not "R&amp;D"): the search page
// escapes what it shows, once.
func TestSearchTextResolvesEntities(t *testing.T) {
	files := good()
	files["content/tier2/amp.md"] = doc("H-P-003", "Ampersands", "", "## R&amp;D \\*plans\\*\n\nResearch &amp; development, &lt;b&gt;, \\[x\\].\n")
	site := writeSite(t, files)
	dest := filepath.Join(site, "public")
	mustBuild(t, options(site, dest))
	var index []byte
	for name, data := range readTree(t, dest) {
		if strings.HasPrefix(name, "search/") && strings.HasSuffix(name, ".js") && name != "search/index.js" {
			index = append(index, data...)
		}
	}
	for _, want := range []string{"Research & development, <b>, [x].", "R&D *plans*"} {
		if !bytes.Contains(index, []byte(want)) && !bytes.Contains(index, []byte(strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`).Replace(want))) {
			t.Errorf("the search index lacks %q", want)
		}
	}
	if bytes.Contains(index, []byte("&amp;")) || bytes.Contains(index, []byte("&lt;")) || bytes.Contains(index, []byte(`\\*`)) {
		t.Error("the search index holds a character reference or an escape as text")
	}
	page := readTree(t, dest)["docs/H-P-003/index.html"]
	if bytes.Contains(page, []byte("&amp;amp;")) {
		t.Error("the page escapes an ampersand twice (table of contents?)")
	}
}
