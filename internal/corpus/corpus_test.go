package corpus

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"ismsgen"
	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// readTree reads every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func generate(t *testing.T, o Options) (string, Stats) {
	t.Helper()
	dir := t.TempDir()
	stats, err := Generate(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	return dir, stats
}

// sameTree fails unless a and b hold the same files with the same bytes.
func sameTree(t *testing.T, a, b map[string][]byte) {
	t.Helper()
	if len(a) != len(b) {
		t.Errorf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if other, ok := b[name]; !ok {
			t.Errorf("%s: missing the second time", name)
		} else if !bytes.Equal(data, other) {
			t.Errorf("%s: different bytes the second time", name)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, o := range []Options{{Docs: 300}, {Docs: 300, Hugo: true}, {Docs: 300, Seed: 7}, {Docs: 300, Shape: Real}} {
		a, sa := generate(t, o)
		b, sb := generate(t, o)
		if sa != sb {
			t.Errorf("%+v: stats %v, then %v", o, sa, sb)
		}
		sameTree(t, readTree(t, a), readTree(t, b))
	}
	a, _ := generate(t, Options{Docs: 50})
	b, _ := generate(t, Options{Docs: 50, Seed: 1})
	if bytes.Equal(readTree(t, a)["content/tier2/ISMS-P-0001.md"], readTree(t, b)["content/tier2/ISMS-P-0001.md"]) {
		t.Error("seeds 0 and 1 gave the same document")
	}
}

// build builds the site with every document published and returns the
// diagnostics; it fails the test when the build fails for another reason.
func build(t *testing.T, site string) (*generator.Result, diag.List) {
	t.Helper()
	res, err := generator.Build(generator.Options{
		Source: site, Dest: filepath.Join(t.TempDir(), "public"), Drafts: true,
		Now:      model.Date{Year: 2026, Month: 11, Day: 25},
		Defaults: generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()},
	})
	if err != nil {
		t.Fatal(err)
	}
	return res, res.Diagnostics
}

func errorsOf(ds diag.List) []string {
	var out []string
	for _, d := range ds {
		if d.Severity == diag.Error {
			out = append(out, d.String())
		}
	}
	return out
}

// TestPlainBuilds: every front matter the generator writes is valid, every
// link resolves, and every document is published with --drafts.
func TestPlainBuilds(t *testing.T) {
	for _, n := range []int{1, 2, 3, 200} {
		site, stats := generate(t, Options{Docs: n})
		res, ds := build(t, site)
		if errs := errorsOf(ds); len(errs) > 0 {
			t.Fatalf("%d documents: %d errors, the first %s", n, len(errs), errs[0])
		}
		if got := len(res.Site.Docs); got != n || stats.Docs != n {
			t.Errorf("%d documents generated (stats %d), %d published", n, stats.Docs, got)
		}
	}
}

// TestShape checks the tier shares, link density and body sizes that the
// benchmark figures depend on.
func TestShape(t *testing.T) {
	const n = 1000
	site, stats := generate(t, Options{Docs: n})
	if stats.Tiers != [3]int{20, 180, 800} {
		t.Errorf("tiers %v, want 20, 180, 800", stats.Tiers)
	}
	files := readTree(t, site)
	if len(files) != n+1 || stats.Files != n+1 {
		t.Errorf("%d files (stats %d), want %d documents and isms.toml", len(files), stats.Files, n)
	}
	idLink := regexp.MustCompile(`\]\(ISMS-[A-Z]+-\d{4}\)`)
	var links, bodyBytes int
	var total int64
	for name, data := range files {
		if !strings.HasSuffix(name, ".md") {
			continue
		}
		total += int64(len(data))
		_, body, ok := strings.Cut(string(data)[4:], "+++\n")
		if !strings.HasPrefix(string(data), "+++\n") || !ok {
			t.Fatalf("%s: no front matter", name)
		}
		k := len(idLink.FindAllString(body, -1))
		if k < 2 || k > 5 {
			t.Errorf("%s: %d links, want 2 to 5", name, k)
		}
		links += k
		bodyBytes += len(body)
		if len(body) < 1024-650 || len(body) > 6*1024 {
			t.Errorf("%s: a body of %d bytes", name, len(body))
		}
	}
	if total != stats.MarkdownBytes || links != stats.Links {
		t.Errorf("files: %d bytes, %d links; stats: %d bytes, %d links", total, links, stats.MarkdownBytes, stats.Links)
	}
	if avg := links / n; avg < 3 || avg > 4 {
		t.Errorf("%.2f links per document, want about 3.5", float64(links)/n)
	}
	if avg := bodyBytes / n; avg < 2400 || avg > 3400 {
		t.Errorf("bodies of %d bytes on average, want about 2.9 KB", avg)
	}
}

// TestHugoSameDocuments: the Hugo site holds the same documents, their
// links written as page URLs.
func TestHugoSameDocuments(t *testing.T) {
	plain, _ := generate(t, Options{Docs: 200})
	hugo, _ := generate(t, Options{Docs: 200, Hugo: true})
	pf, hf := readTree(t, plain), readTree(t, hugo)
	pageURL := regexp.MustCompile(`\]\(\.\./\.\./tier[123]/(ISMS-[A-Z]+-\d{4})/\)`)
	for name, data := range pf {
		if !strings.HasPrefix(name, "content/") {
			continue
		}
		h, ok := hf[name]
		if !ok {
			t.Errorf("%s: not in the Hugo site", name)
			continue
		}
		if got := pageURL.ReplaceAllString(string(h), "]($1)"); got != string(data) {
			t.Errorf("%s differs beyond its links", name)
		}
	}
	for _, name := range []string{"hugo.toml", "layouts/_default/baseof.html", "layouts/_default/single.html", "layouts/_default/list.html", "content/tier1/_index.md"} {
		if _, ok := hf[name]; !ok {
			t.Errorf("the Hugo site has no %s", name)
		}
	}
	if _, ok := hf["isms.toml"]; ok {
		t.Error("the Hugo site has an isms.toml")
	}
}

func TestRefusesFolderInUse(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(dir, Options{Docs: 10}); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("into a folder in use: %v, want an error that says it is not empty", err)
	}
	for _, o := range []Options{{}, {Docs: 10, Shape: "odd"}, {Docs: 10, Shape: Real, Hugo: true}} {
		if _, err := Generate(t.TempDir(), o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}
