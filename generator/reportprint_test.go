package generator_test

import (
	"regexp"
	"testing"

	"ismsgen/generator"
)

// runningHead is a printed page's head: its left, centre and right boxes.
var runningHead = regexp.MustCompile(`<style media="print">@page \{\n  @top-left \{ content: "([^"]*)"; \}\n  @top-center \{ content: "([^"]*)"; \}\n  @top-right \{ content: "([^"]*)"; \}`)

// A printed report says on every page whose it is, what it is and as of
// which day, as a printed document says its number, title and version;
// so do the other pages of its long lists. The SoA of a site that has
// its document is printed as that document.
func TestReportsPrintWithARunningHead(t *testing.T) {
	files := readTree(t, build(t, "testdata/site", generator.Options{}))
	for page, title := range map[string]string{
		"register/index.html":          "Document register",
		"reviews/index.html":           "Review report",
		"approvals/index.html":         "Approval status",
		"distribution/index.html":      "Distribution and withdrawal",
		"actions/index.html":           "Corrective actions and management-review decisions",
		"management-review/index.html": "Management review inputs",
		"records/index.html":           "Records list",
		"external/index.html":          "External documents",
		"controls/index.html":          "Annex A controls",
		"clauses/index.html":           "Clauses and mandatory documented information",
		"training/index.html":          "Training",
	} {
		m := runningHead.FindSubmatch(files[page])
		if m == nil {
			t.Errorf("%s: no running head", page)
			continue
		}
		if string(m[1]) != "Golden Test Ltd" || string(m[2]) != title || string(m[3]) != "As of "+now.String() {
			t.Errorf("%s: running head %q | %q | %q", page, m[1], m[2], m[3])
		}
	}
	if m := runningHead.FindSubmatch(files["soa/index.html"]); m == nil || string(m[1]) != "Document no.: SITE-SOA-001" {
		t.Errorf("soa: running head %q", m)
	}
}
