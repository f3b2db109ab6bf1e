package generator_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/internal/sitetest"
)

// A document set written without ismsgen in mind (testdata/sites/
// realsets.txtar: file links of every form, bundles with subfolders,
// files in no bundle, raw HTML, HTML anchors, a grid table, a pandoc title block, a
// first heading that repeats the title, fences without a language)
// builds; its pages' bodies and files, the files it publishes and its
// diagnostics match testdata/golden-realsets/ (go test -update rewrites
// them); no page holds a link that does not resolve, and every link the
// pages show as text was reported at its line; the fast paths change
// nothing.
func TestRealShapes(t *testing.T) {
	site := sitetest.Txtar(t, "testdata/sites/realsets.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(generator.Options{Source: site, Dest: dest, Now: now, Defaults: defaults()})
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("%v %v", err, res.Diagnostics.Errors())
	}
	dir := filepath.Join("testdata", "golden-realsets")
	golden(t, filepath.Join(dir, "diagnostics.txt"), contentDiagnostics(res.Diagnostics))
	for _, d := range res.Site.Docs {
		page, err := os.ReadFile(filepath.Join(dest, "docs", d.ID, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		golden(t, filepath.Join(dir, d.ID+".html"), pageParts(page))
	}
	golden(t, filepath.Join(dir, "files.txt"), []byte(strings.Join(publishedFiles(t, dest), "\n")+"\n"))
	linksResolveOrWereReported(t, site, res, dest)
	err = filepath.WalkDir(dest, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if bytes.Contains(bytes.ToLower(data), []byte("isms-p-010")) {
			t.Errorf("%s holds the id of the draft ISMS-P-010 (an HTML anchor is named after it)", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	on, off, _, _ := buildBoth(t, site)
	sameTrees(t, on, off)
}

// Paths that name nothing are errors at their lines, with the nearest
// file, or the id link, as the hint; nothing is built.
func TestRealShapesBroken(t *testing.T) {
	site := sitetest.Txtar(t, "testdata/sites/realsets-broken.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(generator.Options{Source: site, Dest: dest, Now: now, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join("testdata", "golden-realsets", "broken.txt"), contentDiagnostics(res.Diagnostics.Errors()))
	for _, d := range res.Diagnostics.Errors() {
		if own := filepath.Base(d.File); strings.Contains(d.Hint, `"`+own+`"`) {
			t.Errorf("%s: the hint names the document itself: %s", d, d.Hint)
		}
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Errorf("a build with errors wrote %s", dest)
	}
}

// contentDiagnostics prints the diagnostics of the files under content/
// (not those of the site as a whole), each with its hint.
func contentDiagnostics(l diag.List) []byte {
	var b bytes.Buffer
	for _, d := range l {
		if !strings.HasPrefix(d.File, "content/") {
			continue
		}
		fmt.Fprintf(&b, "%s\n", d)
		if d.Hint != "" {
			fmt.Fprintf(&b, "    hint: %s\n", d.Hint)
		}
	}
	return b.Bytes()
}

// pageParts is what a document page shows of its document's text and
// files: its body's section and its attachments' section, as written.
func pageParts(page []byte) []byte {
	var out []byte
	for _, start := range [][]byte{[]byte(`<section class="doc-body"`), []byte(`<section class="doc-section" aria-labelledby="att-heading"`)} {
		i := bytes.Index(page, start)
		if i < 0 {
			continue
		}
		j := bytes.Index(page[i:], []byte("</section>"))
		out = append(out, page[i:i+j+len("</section>")]...)
		out = append(out, '\n')
	}
	return out
}

// publishedFiles lists the files of the site at dest that are not pages
// or made by ismsgen: the attachments and the files in no bundle.
func publishedFiles(t *testing.T, dest string) []string {
	t.Helper()
	var out []string
	for _, top := range []string{"docs", "files"} {
		err := filepath.WalkDir(filepath.Join(dest, top), func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() || strings.HasSuffix(p, ".html") {
				return err // a page
			}
			rel, _ := filepath.Rel(dest, p)
			out = append(out, filepath.ToSlash(rel))
			return nil
		})
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	slices.Sort(out)
	return out
}

// A document this build leaves out leaves no trace however a path to its
// file is written — its file named after it, its bundle's folder and
// files, in headings, images, Windows paths, another case, percent-
// encoded — nor do its files: each link shows its own text, or the
// placeholder, with a warning at its line.
func TestWithheldFileLinksLeaveNoTrace(t *testing.T) {
	files := map[string]string{
		"isms.toml":                                 "language = \"en\"\nclassification_levels = [\"internal\", \"secret\"]\ndefault_review_cycle = \"12 months\"\n[[departments]]\nid = \"it\"\nname = \"IT\"\n",
		"content/tier2/QZLEAK-P-001.md":             strings.Replace(realDoc("QZLEAK-P-001", "QZLEAK draft", "", "## QZLEAK part\n"), `status = "approved"`, `status = "draft"`, 1),
		"content/tier3/QZLEAK-F-001/index.md":       realDoc("QZLEAK-F-001", "QZLEAK secret form", `classification = "secret"`, "QZLEAK\n"),
		"content/tier3/QZLEAK-F-001/img/qzleak.png": "PNG",
		"content/tier1/hub.md": realDoc("HUB-1", "Hub", "", strings.Join([]string{
			"## See [](../tier2/QZLEAK-P-001.md) here", // 13
			"",
			"[a](../tier2/QZLEAK-P-001.md#qzleak-part) [](..\\tier2\\QZLEAK-P-001.md) [b](../tier2/qzleak-p-001.md) [c](../tier2/QZLEAK%2DP-001.md)", // 15
			"",
			"[d](../tier3/QZLEAK-F-001/) [](../tier3/QZLEAK-F-001/index.md) ![e](../tier3/QZLEAK-F-001/img/qzleak.png) ![](../tier3/QZLEAK-F-001/img/qzleak.png)", // 17
			"",
		}, "\n")),
	}
	site := t.TempDir()
	if err := sitetest.Write(site, files); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(generator.Options{Source: site, Dest: dest, Now: now, Defaults: defaults()})
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("%v %v", err, res.Diagnostics.Errors())
	}
	var lines []int
	for _, d := range res.Diagnostics {
		if d.File == "content/tier1/hub.md" && (d.Code == "withheld-link" || d.Code == "path-case" || d.Code == "windows-path") {
			lines = append(lines, d.Line)
		}
	}
	if !slices.Contains(lines, 13) || !slices.Contains(lines, 15) || !slices.Contains(lines, 17) {
		t.Errorf("warnings at lines %v, want 13, 15 and 17", lines)
	}
	err = filepath.WalkDir(dest, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if bytes.Contains(bytes.ToLower(data), []byte("qzleak")) || strings.Contains(strings.ToLower(p), "qzleak") {
			t.Errorf("%s holds a trace of a left-out document", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	page, _ := os.ReadFile(filepath.Join(dest, "docs", "HUB-1", "index.html"))
	for _, want := range []string{"See unpublished document here", "a unpublished document b c", "d unpublished document e"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the page lacks %q", want)
		}
	}
	linksResolveOrWereReported(t, site, res, dest)
}

// realDoc is a document's file with extra front matter.
func realDoc(id, title, extra, body string) string {
	return "+++\nid = \"" + id + "\"\ntitle = \"" + title + "\"\ntier = 2\nversion = \"1.0\"\nstatus = \"approved\"\nowners = [\"it\"]\napprover = \"CEO\"\napproved = 2026-01-10\n" + extra + "\n+++\n\n" + body
}
