package generator_test

import (
	"bytes"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// A link to a bundle's form that git had and that is deleted, on disk
// only or in a commit, is told so: its hint suggested linking to a
// document by its id, as for a path nothing ever had. The hint is in
// the site's language.
func TestLinkToADeletedAttachment(t *testing.T) {
	for _, tc := range []struct {
		lang      string
		committed bool
		want      string
	}{
		{"en", false, "hint: content/P-1/form.docx is deleted (not yet committed): restore it from git, or remove the link"},
		{"en", true, "hint: content/P-1/form.docx was deleted in commit %s (2026-02-01, Editor): restore it from git, or remove the link"},
		{"zh-CN", false, "提示：content/P-1/form.docx 已被删除（尚未提交）：请从 git 中恢复该文件，或删除此链接"},
	} {
		r := gitfixture.New(t)
		r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \""+tc.lang+"\"\nclassification = \"internal\"\n[[departments]]\nid = \"isd\"\n")
		r.MustWrite("content/P-1/index.md", filterDoc("1.0", "Fill in [the form](form.docx).", "1.0"))
		r.MustWrite("content/P-1/form.docx", "form")
		r.MustCommit("2026-01-01T10:00:00+08:00", "Author", "1.0")
		r.MustRemove("content/P-1/form.docx")
		want := tc.want
		if tc.committed {
			c := r.MustCommit("2026-02-01T10:00:00+08:00", "Editor", "form deleted")
			want = strings.Replace(want, "%s", c[:10], 1)
		}
		res, err := generator.Check(generator.Options{Source: r.Dir, Now: model.Date{Year: 2026, Month: 3, Day: 1}, Defaults: defaults()})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		res.Diagnostics.Print(&b, generator.Messages(defaults(), tc.lang))
		if !strings.Contains(b.String(), "content/P-1/index.md:") || !strings.Contains(b.String(), want) {
			t.Errorf("%s, committed %v: no %q in:\n%s", tc.lang, tc.committed, want, b.String())
		}
	}
}
