package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/internal/sitetest"
)

// A first heading that repeats the title is not shown twice, nor kept
// in the table of contents or the search index; a later one stays; links
// to the other headings still resolve.
func TestTitleHeadingShownOnce(t *testing.T) {
	site := sitetest.Txtar(t, "testdata/sites/title-heading.txtar")
	res, err := generator.Build(generator.Options{Source: site, Now: now, Defaults: defaults()})
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("%v %v", err, res.Diagnostics.Errors())
	}
	for _, w := range res.Diagnostics.Warnings() {
		if w.Code == "missing-anchor" {
			t.Errorf("%s", w)
		}
	}
	for id, want := range map[string]int{"POL-1": 1, "PROC-1": 2} {
		page, err := os.ReadFile(filepath.Join(site, "public", "docs", id, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		title := map[string]string{"POL-1": "Access Control Policy", "PROC-1": "Access review procedure"}[id]
		if got := strings.Count(string(page), ">"+title+"</h"); got != want {
			t.Errorf("%s: the title is a heading %d times, want %d", id, got, want)
		}
	}
	index, err := os.ReadFile(filepath.Join(site, "public", "docs", "POL-1", "index.html"))
	if err == nil && strings.Contains(string(index), "Access control policy") {
		t.Errorf("POL-1 keeps its repeated heading")
	}
}
