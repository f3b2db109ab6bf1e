package generator_test

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"ismsgen"
	"ismsgen/generator"
	"ismsgen/generator/internal/sitecheck"
	"ismsgen/generator/model"
	"ismsgen/internal/sitetest"
)

// assetHash matches content-hashed asset names, which golden files show as
// main-HASH.css so that a stylesheet change does not rewrite every golden.
var assetHash = regexp.MustCompile(`(main)-[A-Z0-9]{8}\.(css|js)`)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

var now = model.Date{Year: 2026, Month: 11, Day: 25}

func defaults() generator.Defaults {
	return generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()}
}

// build builds source into a new temporary folder and fails the test on
// any error.
func build(t *testing.T, source string, opts generator.Options) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	opts.Source, opts.Dest, opts.Defaults = source, dest, defaults()
	// The fixtures' pages must not change with this repository's own
	// history; history_test.go scripts repositories of its own.
	opts.NoHistory = true
	if opts.Now.IsZero() {
		opts.Now = now
	}
	res, err := generator.Build(opts)
	if err != nil {
		t.Fatalf("build %s: %v", source, err)
	}
	if res.Diagnostics.HasErrors() {
		var b bytes.Buffer
		res.Diagnostics.Print(&b, nil)
		t.Fatalf("build %s:\n%s", source, b.String())
	}
	return dest
}

// readTree reads every file below root, keyed by slash path.
func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// goldenFiles are the outputs of testdata/site compared with testdata/golden.
var goldenFiles = []string{
	"index.html",
	"404.html",
	"register/index.html",
	"tiers/2/index.html",
	"docs/SITE-M-001/index.html",
	"docs/SITE-P-001/index.html",
	"docs/SITE-P-003/index.html",
	"docs/SITE-P-004/index.html",
	"docs/SITE-F-001/index.html",
	"documents.json",
	"sitemap.xml",
}

func TestGolden(t *testing.T) {
	compareTree(t, readTree(t, build(t, "testdata/site", generator.Options{})), goldenFiles)
}

// compareTree compares each named file of a built tree with its golden file.
func compareTree(t *testing.T, tree map[string][]byte, names []string) {
	t.Helper()
	for _, name := range names {
		got, ok := tree[name]
		if !ok {
			t.Errorf("%s was not written", name)
			continue
		}
		compareGolden(t, name, got)
	}
}

// TestGoldenFilesAreProduced fails on golden files that no test writes.
func TestGoldenFilesAreProduced(t *testing.T) {
	known := map[string]bool{}
	for _, n := range goldenFiles {
		known[n] = true
	}
	for _, n := range append(append([]string{}, reportGoldenFiles...), controlGoldenFiles...) {
		known[n] = true
	}
	for _, n := range historyGoldenFiles {
		known["history/"+n] = true
	}
	_ = filepath.WalkDir("testdata/golden", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			rel, _ := filepath.Rel("testdata/golden", p)
			if !known[filepath.ToSlash(rel)] {
				t.Errorf("stale golden file %s: no test produces it; delete it", p)
			}
		}
		return nil
	})
}

func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return "(no line differs)"
}

// The sample site: every relative link and fragment resolves.
func TestSampleLinks(t *testing.T) {
	for _, drafts := range []bool{false, true} {
		dest := build(t, "..", generator.Options{Drafts: drafts})
		problems, err := sitecheck.Links(dest)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("drafts=%v: %s", drafts, p)
		}
	}
}

// Two builds of the same input and --now are byte-identical, whatever the
// number of threads.
func TestDeterministic(t *testing.T) {
	prev := runtime.GOMAXPROCS(1)
	one := readTree(t, build(t, "..", generator.Options{}))
	runtime.GOMAXPROCS(8)
	eight := readTree(t, build(t, "..", generator.Options{}))
	runtime.GOMAXPROCS(prev)
	if len(one) != len(eight) {
		t.Fatalf("%d files with GOMAXPROCS=1, %d with 8", len(one), len(eight))
	}
	for name, data := range one {
		if !bytes.Equal(data, eight[name]) {
			t.Errorf("%s differs between GOMAXPROCS=1 and 8", name)
		}
	}
}

// A build with an error leaves the existing output exactly as it was.
func TestFailedBuildKeepsOutput(t *testing.T) {
	site := sitetest.Copy(t, "testdata/site")
	dest := filepath.Join(site, "public")
	opts := generator.Options{Source: site, Dest: dest, Now: now, Defaults: defaults()}
	if res, err := generator.Build(opts); err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("first build: %v %v", err, res.Diagnostics)
	}
	before := readTree(t, dest)
	bad := filepath.Join(site, "content/tier2/site-p-001.md")
	data, _ := os.ReadFile(bad)
	if err := os.WriteFile(bad, bytes.Replace(data, []byte("(SITE-M-001)"), []byte("(SITE-NOPE)"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "content/tier2/site-p-002.md"), []byte("+++\nid = \"X\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := generator.Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Diagnostics.HasErrors() {
		t.Fatal("the broken site built without errors")
	}
	after := readTree(t, dest)
	if len(after) != len(before) {
		t.Fatalf("output has %d files after the failed build, %d before", len(after), len(before))
	}
	for name, data := range before {
		if !bytes.Equal(data, after[name]) {
			t.Errorf("%s changed", name)
		}
	}
	entries, _ := os.ReadDir(site)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".ismsgen-tmp") {
			t.Errorf("temporary folder left behind: %s", e.Name())
		}
	}
}
