package markdown

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// A heading's anchor is made from the text its author wrote: a link by
// its own text, an image by its alternative text, never a destination,
// so that no document id reaches an anchor, a table of contents or the
// search index; ids stay unique in order, and no heading takes an id the
// page's layout uses. The link stage (ScanLinks) finds the same ids.
func TestHeadingIDs(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []string
	}{
		{"## Heading with [](QZLEAK-C-001) inside\n", []string{"heading-with-inside"}},
		{"## Heading with [QZ text](QZLEAK-C-001#frag) inside\n", []string{"heading-with-qz-text-inside"}},
		{"## See [](QZLEAK&#45;C-001) and [x][r]\n\n[r]: QZLEAK-C-001\n", []string{"see-and-x"}},
		{"## [](QZLEAK-C-001)\n", []string{"section"}},
		{"## See <QZLEAK-C-001> <b>x</b>\n", []string{"see-bxb"}}, // raw HTML counts as written, as goldmark counts it
		{"## ![logo](QZLEAK-C-001) Policy\n", []string{"logo-policy"}},
		{"## [![pic](a.png)](QZLEAK-C-001) b\n", []string{"pic-b"}},
		{"## Over\n\nText.\n\n## Over [](QZLEAK-C-001)\n\n## Over\n", []string{"over", "over-1", "over-2"}},
		{"## Over [](QZLEAK-C-001)\n\n## Over\n\n## Over x\n", []string{"over", "over-1", "over-x"}},
		{"Setext [](QZLEAK-C-001) heading\n---\n", []string{"setext-heading"}},
		{"- ## In a list [a](QZLEAK-C-001)\n\n## After\n", []string{"after"}}, // Headings lists top-level ones
		{"## `code` [a](QZLEAK-C-001) *em*\n", []string{"code-a-em"}},
		{"## A &amp; B\n", []string{"a-amp-b"}}, // as goldmark made it: no link, no change
		{"## Search\n\n## main\n\n## TOC\n\n## Content\n\n## toc heading\n", []string{"search-1", "main-1", "toc-1", "content-1", "toc-heading-1"}},
		{"## Search\n\n## Search [](X-1)\n", []string{"search-1", "search-2"}},
		{"## site search list\n\n## Site-Search-Q\n", []string{"site-search-list-1", "site-search-q-1"}},
	} {
		src := []byte(tc.src)
		var got []string
		for _, h := range Headings(Parse(nil, src), src) {
			got = append(got, h.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: ids %q, want %q", tc.src, got, tc.want)
		}
		_, ids := ScanLinks(src)
		if !slices.Equal(ids, tc.want) {
			t.Errorf("%q: ScanLinks finds ids %q, want %q", tc.src, ids, tc.want)
		}
		for _, id := range append(got, ids...) {
			if strings.Contains(id, "qzleak") {
				t.Errorf("%q: id %q holds a link's destination", tc.src, id)
			}
		}
	}
}

// TestLayoutIDs checks that layoutIDs holds every fixed id the default
// layouts of the pages that show a body (a document, an earlier version,
// a withdrawn document, and the base and partials they share) give an
// element, and those the scripts look up or make. Report pages show no
// body: their ids cannot meet a heading's.
func TestLayoutIDs(t *testing.T) {
	patterns := []*regexp.Regexp{
		regexp.MustCompile(`\bid="([A-Za-z][A-Za-z0-9_-]*)"`),
		regexp.MustCompile(`getElementById\(["']([^"']+)["']\)`),
		regexp.MustCompile(`\.id\s*=\s*["']([^"']+)["']`),
	}
	found := 0
	for _, glob := range []string{"../../layouts/base.html", "../../layouts/doc.html", "../../layouts/version.html", "../../layouts/changes.html", "../../layouts/tombstone.html", "../../layouts/partials/*.html", "../../assets/js/*.ts"} {
		files, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range patterns {
				for _, m := range p.FindAllSubmatch(data, -1) {
					found++
					if id := string(m[1]); !layoutID(id) {
						t.Errorf("%s uses the id %q, which layoutIDs lacks: a heading could take it", f, id)
					}
				}
			}
		}
	}
	if found < 20 {
		t.Fatalf("found %d ids in the layouts and scripts; the patterns no longer match them", found)
	}
}
