package link

import (
	"testing"

	"ismsgen"
	"ismsgen/generator/diag"
	"ismsgen/generator/i18n"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
	"ismsgen/generator/validate"
)

// TestWikiHints: the hint of a wiki link names the document the name
// probably means — by its id, its file's name (a bundle's folder's) or
// its title, case aside — and keeps the general hint when no other
// document has the name.
func TestWikiHints(t *testing.T) {
	cf, _ := load.ParseConfig("isms.toml", []byte(config))
	cfg, _ := validate.Config(cf)
	front := func(id, title, body string) string {
		return "+++\nid = \"" + id + "\"\ntitle = \"" + title + "\"\ntier = 2\nversion = \"1\"\nstatus = \"approved\"\nowners = [\"hr\"]\napprover = \"x\"\napproved = 2025-01-01\n+++\n" + body
	}
	files := []struct{ path, text string }{
		{"content/tier2/access.md", front("ISMS-P-009", "访问控制程序", "见 [[ISMS-P-010]]。\n")},
		{"content/tier2/backup.md", front("ISMS-P-010", "Backup procedure", "See [[backup procedure]].\n")}, // its own title
		{"content/tier3/Guide/index.md", front("ISMS-G-003", "填写指南", "见 [[访问控制程序]]。\n")},
		{"content/tier3/form.md", front("ISMS-F-001", "Form", "See [[ guide ]] and [[access|the procedure]].\n")},
		{"content/tier3/other.md", front("ISMS-F-002", "Other", "See [[No such note]].\n")},
	}
	var diags diag.List
	var docs []*model.Document
	for _, f := range files {
		file, d := load.ParseDocument(f.path, []byte(f.text))
		diags.Add(d...)
		doc, d := validate.Document(cfg, &load.Doc{File: file})
		diags.Add(d...)
		docs = append(docs, doc)
	}
	WikiHints(diags, docs)
	want := map[string]string{
		"content/tier2/access.md":      `write [ISMS-P-010](ISMS-P-010): the name is probably that of ISMS-P-010 (content/tier2/backup.md)`,
		"content/tier2/backup.md":      `write [backup procedure](path/backup procedure.md), the path from this document, or [backup procedure](ID) with the document's id`,
		"content/tier3/Guide/index.md": `write [访问控制程序](ISMS-P-009): the name is probably that of ISMS-P-009 (content/tier2/access.md)`,
		"content/tier3/form.md":        `write [guide](ISMS-G-003): the name is probably that of ISMS-G-003 (content/tier3/Guide/index.md)`,
		"content/tier3/other.md":       `write [No such note](path/No such note.md), the path from this document, or [No such note](ID) with the document's id`,
	}
	seen := 0
	for _, d := range diags {
		if d.Code != "wiki-link" {
			continue
		}
		seen++
		if d.Hint != want[d.File] {
			t.Errorf("%s: hint %q\nwant %q", d, d.Hint, want[d.File])
		}
		if zh := zhCatalog(t).Hint(d); d.File == "content/tier2/access.md" && zh != "请写成 [ISMS-P-010](ISMS-P-010)：这个名称指的应是 ISMS-P-010（content/tier2/backup.md）" {
			t.Errorf("in Chinese: %q", zh)
		}
	}
	if seen != len(want) {
		t.Errorf("%d wiki-link warnings, want %d: %v", seen, len(want), diags)
	}
}

func zhCatalog(t *testing.T) *diag.Catalog {
	t.Helper()
	c, err := i18n.Messages(ismsgen.I18n(), "zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	return c
}
