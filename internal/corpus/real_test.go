package corpus

import (
	"bytes"
	"image/png"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"ismsgen/generator/diag"
	"ismsgen/generator/markdown"
)

var mdLink = regexp.MustCompile(`(!?)\[([^\]]*)\]\(([^)\s]+)\)`)

// splitDoc returns a document file's body and the number of its first
// line in the file.
func splitDoc(t *testing.T, name string, data []byte) (body string, firstLine int) {
	t.Helper()
	s := string(data)
	if !strings.HasPrefix(s, "+++\n") {
		t.Fatalf("%s: no front matter", name)
	}
	end := strings.Index(s[4:], "\n+++\n")
	if end < 0 {
		t.Fatalf("%s: front matter not closed", name)
	}
	fm := s[:4+end+5]
	return s[len(fm):], strings.Count(fm, "\n") + 1
}

// TestRealLinksResolve checks every link and image of a real-shaped
// corpus against the files: each relative path names a document's file
// (or a bundle's folder) or an image in the linking bundle, each fragment
// a heading id of the target as ismsgen makes it, each image is a valid
// PNG and each image file is shown.
func TestRealLinksResolve(t *testing.T) {
	site, stats := generate(t, Options{Docs: 400, Shape: Real})
	files := readTree(t, site)
	anchors := map[string]map[string]bool{} // document file → heading ids
	headingIDs := func(file string) map[string]bool {
		if a, ok := anchors[file]; ok {
			return a
		}
		body, _ := splitDoc(t, file, files[file])
		a := map[string]bool{}
		for _, h := range markdown.Headings(markdown.Parse(nil, []byte(body)), []byte(body)) {
			a[h.ID] = true
		}
		anchors[file] = a
		return a
	}
	shown := map[string]bool{}
	links, fragments := 0, 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".md") {
			continue
		}
		body, _ := splitDoc(t, name, data)
		for _, m := range mdLink.FindAllStringSubmatch(body, -1) {
			isImage, dest := m[1] == "!", m[3]
			file, frag, _ := strings.Cut(dest, "#")
			target := path.Join(path.Dir(name), file)
			if strings.HasSuffix(file, "/") {
				target += "/index.md"
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s: %s points at nothing", name, dest)
				continue
			}
			switch {
			case strings.HasSuffix(target, ".png"):
				shown[target] = true
				if isImage {
					if _, err := png.Decode(bytes.NewReader(files[target])); err != nil {
						t.Errorf("%s: %s", target, err)
					}
				}
			case isImage:
				t.Errorf("%s: an image of %s", name, dest)
			default:
				links++
				if frag != "" {
					fragments++
					if !headingIDs(target)[frag] {
						t.Errorf("%s: %s: no heading %q in %s", name, dest, frag, target)
					}
				}
			}
		}
	}
	for name := range files {
		if strings.HasSuffix(name, ".png") && !shown[name] {
			t.Errorf("%s is not shown by its document", name)
		}
	}
	if links != stats.Links || fragments == 0 || stats.Images == 0 {
		t.Errorf("%d links (stats %d), %d with a fragment, %d images", links, stats.Links, fragments, stats.Images)
	}
}

// TestRealShapes checks that the real shape has each of its shapes in a
// fair share of its documents.
func TestRealShapes(t *testing.T) {
	const n = 400
	site, _ := generate(t, Options{Docs: n, Shape: Real})
	files := readTree(t, site)
	shapes := []struct {
		name string
		re   *regexp.Regexp
		min  int // documents that have it, at least
	}{
		{"a page bundle", regexp.MustCompile(`^`), 0}, // counted from the path below
		{"a link to a .md file in another folder", regexp.MustCompile(`\]\(\.\./[^)]*\.md[)#]`), n / 2},
		{"a link to a .md file in the same folder", regexp.MustCompile(`\]\((\./)?ISMS-[A-Z]+-\d{4}\.md[)#]`), n / 4},
		{"a link with a fragment", regexp.MustCompile(`\.md#[^)]+\)`), n / 4},
		{"a link to a bundle's folder", regexp.MustCompile(`\]\([^)]*ISMS-[A-Z]+-\d{4}/\)`), n / 20},
		{"an image in img/", regexp.MustCompile(`!\[[^\]]*\]\(img/`), n / 20},
		{"a fence without a language", regexp.MustCompile("(?m)^(```|~~~)\n"), n / 10},
		{"a text fence", regexp.MustCompile("(?m)^```text\n"), n / 20},
		{"a fence with a language", regexp.MustCompile("(?m)^```[a-z]{2,}\n"), n / 10},
		{"a GFM table", regexp.MustCompile(`(?m)^\|( :?-+:? \|)+$`), n / 2},
		{"a nested list", regexp.MustCompile(`(?m)^(  |   )(- |\d+\. )`), n / 2},
		{"a task list", regexp.MustCompile(`(?m)^- \[[ x]\] `), n / 20},
		{"a first heading of the id and the title", regexp.MustCompile(`^# ISMS-[A-Z]+-\d{4}[ ：]`), n / 10},
	}
	has := make([]int, len(shapes))
	titled := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".md") {
			continue
		}
		body, _ := splitDoc(t, name, data)
		body = strings.TrimPrefix(body, "\n")
		if strings.HasSuffix(name, "/index.md") {
			has[0]++
		}
		for i, s := range shapes[1:] {
			if s.re.MatchString(body) {
				has[i+1]++
			}
		}
		if strings.HasPrefix(body, "# ") {
			titled++
		}
	}
	shapes[0].min = n / 20
	for i, s := range shapes {
		if has[i] < s.min {
			t.Errorf("%d of %d documents have %s, want at least %d", has[i], n, s.name, s.min)
		}
	}
	if titled < n*3/4 || titled == n {
		t.Errorf("%d of %d documents open with a heading; want most, not all", titled, n)
	}
}

// TestRealBuilds: every front matter of the real shape is valid, and the
// only errors a build reports are at the lines of links to other
// documents' .md files, which ismsgen did not resolve before file links
// (issue 20); with them, the build has no errors at all.
func TestRealBuilds(t *testing.T) {
	site, _ := generate(t, Options{Docs: 200, Shape: Real})
	res, ds := build(t, site)
	fileLink := regexp.MustCompile(`\]\([^)]*\.md[)#]`)
	for _, d := range ds {
		if d.Severity != diag.Error {
			continue
		}
		data, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(d.File)))
		if err != nil || d.Line < 1 {
			t.Errorf("%s (not at a line of a document)", d)
			continue
		}
		_, first := splitDoc(t, d.File, data)
		line := strings.Split(string(data), "\n")[d.Line-1]
		if d.Line < first || !fileLink.MatchString(line) {
			t.Errorf("%s: not at a file link: %q", d, line)
		}
	}
	t.Logf("%d errors at file links", len(errorsOf(ds)))
	if errs := errorsOf(ds); len(errs) == 0 && len(res.Site.Docs) != 200 {
		t.Errorf("200 documents generated, %d published", len(res.Site.Docs))
	}
}
