package generator_test

import (
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// A file of a page bundle is part of the controlled document (clause
// 7.5): one changed in a commit after the commit that set the current
// version, the version not raised, is changed-after-approval at the
// version line and a banner on the page, as a changed text is; it was
// not warned of. A file restored since is as approved, and a file the
// site does not publish (an HTML page) is no attachment.
func TestAttachmentChangedAfterApproval(t *testing.T) {
	for _, lang := range []string{"en", "zh-CN"} {
		t.Run(lang, func(t *testing.T) {
			r := gitfixture.New(t)
			r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \""+lang+"\"\n[[departments]]\nid = \"isd\"\n")
			r.MustWrite("content/P-1/index.md", filterDoc("1.0", "Fill in [the form](form.xlsx).", "1.0"))
			r.MustWrite("content/P-1/form.xlsx", "the approved form\n")
			r.MustWrite("content/P-1/old.xlsx", "another form\n")
			r.MustWrite("content/P-1/page.html", "<p>not published</p>\n")
			r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "approved")
			r.MustWrite("content/P-1/form.xlsx", "a form changed\n")
			r.MustWrite("content/P-1/old.xlsx", "changed for a while\n")
			r.MustWrite("content/P-1/page.html", "<p>changed, not published</p>\n")
			r.MustCommit("2026-02-03T10:00:00+08:00", "Editor", "forms")
			r.MustWrite("content/P-1/old.xlsx", "another form\n") // restored
			r.MustCommit("2026-02-04T10:00:00+08:00", "Editor", "restored")

			tree, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 1}})
			var warned []string
			for _, d := range res.Diagnostics.Warnings() {
				if d.Code == "changed-after-approval" {
					warned = append(warned, d.String())
				}
			}
			if len(warned) != 1 || !strings.Contains(warned[0], "content/P-1/index.md:5:") || !strings.Contains(warned[0], "form.xlsx changed in commit") || !strings.Contains(warned[0], "(2026-02-03, Editor)") {
				t.Errorf("warnings %q, want one at the version line of form.xlsx changed on 2026-02-03", warned)
			}
			page := string(tree["docs/P-1/index.html"])
			banner := map[string]string{"en": "The attached file form.xlsx was changed on", "zh-CN": "附件 form.xlsx 在本版本于"}[lang]
			if strings.Count(page, banner) != 1 || strings.Contains(page, "old.xlsx was changed") || strings.Contains(page, "附件 old.xlsx") {
				t.Errorf("docs/P-1/index.html has %d banners %q, want one, and none of old.xlsx", strings.Count(page, banner), banner)
			}
			untranslated(t, res)
		})
	}
}
