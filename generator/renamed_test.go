package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// A link left to the path a file had before a commit renamed it is an
// error whose hint says where the file went, in which commit, and the
// link to write (by id for a document, to the heading the path named),
// in the site's language; a path
// no file ever had keeps the hint of the link stage.
func TestLinksToRenamedFiles(t *testing.T) {
	r := gitfixture.New(t)
	write := r.MustWrite
	commit := func(when, msg string) string { return r.MustCommit(when, "Author", msg) }
	move := r.MustMove
	write("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification_levels = [\"public\", \"internal\"]\nclassification = \"internal\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n")
	write("content/procedures/old-name.md", movedDoc("ISMS-P-001", "Access", "1.0", "internal", "", "1.0"))
	write("content/procedures/early.md", movedDoc("ISMS-P-003", "Backup", "1.0", "internal", "", "1.0"))
	write("content/forms/request.txt", "A form.\n")
	write("content/procedures/old-bundle/index.md", movedDoc("ISMS-P-004", "Bundle", "1.0", "internal", "", "1.0"))
	commit("2026-01-05T10:00:00+08:00", "first")
	move("content/procedures/old-name.md", "content/procedures/access.md")
	move("content/forms/request.txt", "content/forms/access-request.txt")
	move("content/procedures/old-bundle", "content/procedures/bundle")
	renamed := commit("2026-02-01T10:00:00+08:00", "rename")
	move("content/procedures/early.md", "content/procedures/middle.md")
	// The rename from the path is what the hint dates; the path is the
	// file's now.
	fromEarly := commit("2026-02-10T10:00:00+08:00", "rename again")
	move("content/procedures/middle.md", "content/procedures/backup.md")
	commit("2026-02-20T10:00:00+08:00", "and again")
	write("content/policies/links.md", movedDoc("ISMS-P-002", "Links", "1.0", "internal", "", "1.0")+
		"\nSee [x](../procedures/old-name.md#scope),\n[the form](../forms/request.txt),\n[backup](../procedures/early.md),\n[bundle](../procedures/old-bundle/)\nand [none](../procedures/never.md).\n")

	res, err := generator.Check(generator.Options{Source: r.Dir, Now: model.Date{Year: 2026, Month: 3, Day: 2}, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	errs := res.Diagnostics.Errors()
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"en", []string{
			`content/policies/links.md:20: broken link: "../procedures/old-name.md#scope" names content/procedures/old-name.md, which does not exist` + "\n" +
				`content/procedures/old-name.md was renamed to content/procedures/access.md in commit ` + renamed[:10] + ` (2026-02-01): link to the document by its id, [](ISMS-P-001#scope), or by its new path, "../procedures/access.md#scope"`,
			`content/policies/links.md:21: broken link: "../forms/request.txt" names content/forms/request.txt, which does not exist` + "\n" +
				`content/forms/request.txt was renamed to content/forms/access-request.txt in commit ` + renamed[:10] + ` (2026-02-01): link to it by its new path, "../forms/access-request.txt"`,
			`content/policies/links.md:22: broken link: "../procedures/early.md" names content/procedures/early.md, which does not exist` + "\n" +
				`content/procedures/early.md was renamed to content/procedures/backup.md in commit ` + fromEarly[:10] + ` (2026-02-10): link to the document by its id, [](ISMS-P-003), or by its new path, "../procedures/backup.md"`,
			`content/policies/links.md:23: broken link: "../procedures/old-bundle/" names content/procedures/old-bundle, which does not exist` + "\n" +
				`content/procedures/old-bundle/index.md was renamed to content/procedures/bundle/index.md in commit ` + renamed[:10] + ` (2026-02-01): link to the document by its id, [](ISMS-P-004), or by its new path, "../procedures/bundle/"`,
		}},
		{"zh-CN", []string{
			`content/policies/links.md:20: 链接无效："../procedures/old-name.md#scope" 指向 content/procedures/old-name.md，该文件不存在` + "\n" +
				`content/procedures/old-name.md 已在提交 ` + renamed[:10] + `（2026-02-01）中重命名为 content/procedures/access.md：请按编号链接该文件，[](ISMS-P-001#scope)，或使用新路径 "../procedures/access.md#scope"`,
			`content/policies/links.md:21: 链接无效："../forms/request.txt" 指向 content/forms/request.txt，该文件不存在` + "\n" +
				`content/forms/request.txt 已在提交 ` + renamed[:10] + `（2026-02-01）中重命名为 content/forms/access-request.txt：请使用新路径 "../forms/access-request.txt"`,
			`content/policies/links.md:22: 链接无效："../procedures/early.md" 指向 content/procedures/early.md，该文件不存在` + "\n" +
				`content/procedures/early.md 已在提交 ` + fromEarly[:10] + `（2026-02-10）中重命名为 content/procedures/backup.md：请按编号链接该文件，[](ISMS-P-003)，或使用新路径 "../procedures/backup.md"`,
			`content/policies/links.md:23: 链接无效："../procedures/old-bundle/" 指向 content/procedures/old-bundle，该文件不存在` + "\n" +
				`content/procedures/old-bundle/index.md 已在提交 ` + renamed[:10] + `（2026-02-01）中重命名为 content/procedures/bundle/index.md：请按编号链接该文件，[](ISMS-P-004)，或使用新路径 "../procedures/bundle/"`,
		}},
	} {
		c := generator.Messages(defaults(), tc.lang)
		var got []string
		for _, d := range errs {
			if strings.Contains(d.Message, "never.md") {
				if strings.Contains(d.Hint, "renamed") {
					t.Errorf("%s: a path no file had is given a rename: %s", d, d.Hint)
				}
				continue
			}
			got = append(got, c.Line(d)+"\n"+c.Hint(d))
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s errors:\n%s\nwant:\n%s", tc.lang, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
		for _, d := range errs {
			if missing := c.Untranslated(d); tc.lang != "en" && len(missing) > 0 {
				t.Errorf("%s: no %s translation of %q", d, tc.lang, missing)
			}
		}
	}
}

// A link to a file moved or deleted on disk and not yet committed (check
// is run before the commit) is an error whose hint says what became of
// the file: moved, with the id and the new path to write; deleted, also
// for a link by its id. The link stage alone suggested the nearest of
// today's names, another document.
func TestLinksToFilesGoneNotCommitted(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\nclassification_levels = [\"public\", \"internal\"]\nclassification = \"internal\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n")
	r.MustWrite("content/procedures/access.md", movedDoc("ISMS-P-001", "Access", "1.0", "internal", "", "1.0")+"\n## Scope\n\nAll systems.\n")
	r.MustWrite("content/procedures/backup.md", movedDoc("ISMS-P-003", "Backup", "1.0", "internal", "", "1.0"))
	r.MustWrite("content/procedures/bundle/index.md", movedDoc("ISMS-P-004", "Bundle", "1.0", "internal", "", "1.0"))
	r.MustWrite("content/policies/links.md", movedDoc("ISMS-P-002", "Links", "1.0", "internal", "", "1.0")+
		"\nSee [x](../procedures/access.md#scope),\n[backup](../procedures/backup.md),\n[](ISMS-P-003),\n[bundle](../procedures/bundle/)\nand [none](../procedures/never.md).\n")
	r.MustCommit("2026-01-05T10:00:00+08:00", "Author", "first")
	// Not committed: a file moved, one deleted, and a bundle's folder.
	r.MustMove("content/procedures/access.md", "content/procedures/isms-p-001.md")
	r.MustRemove("content/procedures/backup.md")
	if err := os.RemoveAll(filepath.Join(r.Dir, "content", "procedures", "bundle")); err != nil {
		t.Fatal(err)
	}
	res, err := generator.Check(generator.Options{Source: r.Dir, Now: model.Date{Year: 2026, Month: 3, Day: 2}, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"en", []string{
			`content/policies/links.md:20: broken link: "../procedures/access.md#scope" names content/procedures/access.md, which does not exist` + "\n" +
				`content/procedures/access.md was moved to content/procedures/isms-p-001.md (not yet committed): link to the document by its id, [](ISMS-P-001#scope), or by its new path, "../procedures/isms-p-001.md#scope"`,
			`content/policies/links.md:21: broken link: "../procedures/backup.md" names content/procedures/backup.md, which does not exist` + "\n" +
				`content/procedures/backup.md, the file of ISMS-P-003 in the last commit, is deleted (not yet committed): remove the link, or link to the document that replaces it`,
			`content/policies/links.md:22: broken link: no document has the id "ISMS-P-003"` + "\n" +
				`content/procedures/backup.md, the file of ISMS-P-003 in the last commit, is deleted (not yet committed): remove the link, or link to the document that replaces it`,
			`content/policies/links.md:23: broken link: "../procedures/bundle/" names content/procedures/bundle, which does not exist` + "\n" +
				`content/procedures/bundle/index.md, the file of ISMS-P-004 in the last commit, is deleted (not yet committed): remove the link, or link to the document that replaces it`,
		}},
		{"zh-CN", []string{
			`content/policies/links.md:20: 链接无效："../procedures/access.md#scope" 指向 content/procedures/access.md，该文件不存在` + "\n" +
				`content/procedures/access.md 已移动到 content/procedures/isms-p-001.md（尚未提交）：请按编号链接该文件，[](ISMS-P-001#scope)，或使用新路径 "../procedures/isms-p-001.md#scope"`,
			`content/policies/links.md:21: 链接无效："../procedures/backup.md" 指向 content/procedures/backup.md，该文件不存在` + "\n" +
				`content/procedures/backup.md 在最近一次提交中是 ISMS-P-003 的文件，现已删除（尚未提交）：请删除该链接，或链接到替代它的文件`,
			`content/policies/links.md:22: 链接无效：没有编号为 "ISMS-P-003" 的文件` + "\n" +
				`content/procedures/backup.md 在最近一次提交中是 ISMS-P-003 的文件，现已删除（尚未提交）：请删除该链接，或链接到替代它的文件`,
			`content/policies/links.md:23: 链接无效："../procedures/bundle/" 指向 content/procedures/bundle，该文件不存在` + "\n" +
				`content/procedures/bundle/index.md 在最近一次提交中是 ISMS-P-004 的文件，现已删除（尚未提交）：请删除该链接，或链接到替代它的文件`,
		}},
	} {
		c := generator.Messages(defaults(), tc.lang)
		var got []string
		for _, d := range res.Diagnostics.Errors() {
			if strings.Contains(d.Message, "never.md") {
				if strings.Contains(d.Hint, "commit") {
					t.Errorf("%s: a path no file had is given a history: %s", d, d.Hint)
				}
				continue
			}
			got = append(got, c.Line(d)+"\n"+c.Hint(d))
			if missing := c.Untranslated(d); tc.lang != "en" && len(missing) > 0 {
				t.Errorf("%s: no %s translation of %q", d, tc.lang, missing)
			}
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s errors:\n%s\nwant:\n%s", tc.lang, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}
