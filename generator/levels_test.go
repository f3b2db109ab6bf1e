package generator_test

import (
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/internal/sitetest"
)

// A classification level renamed in isms.toml is one error at
// classification_levels that counts the documents still using the old
// name and names the first, in the site's language, not one error a
// document; a level only one document uses stays that document's error.
func TestRenamedLevelIsOneError(t *testing.T) {
	site := t.TempDir()
	files := map[string]string{
		"isms.toml": "title = \"T\"\nlanguage = \"en\"\nclassification_levels = [\"public\", \"in-house\", \"confidential\"]\n" +
			"classification = \"in-house\"\ndefault_classification = \"in-house\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n",
		"content/a.md": movedDoc("DOC-A", "A", "1.0", "internal", "", "1.0"),
		"content/b.md": movedDoc("DOC-B", "B", "1.0", "internal", "", "1.0"),
		"content/c.md": movedDoc("DOC-C", "C", "1.0", "internal", "", "1.0"),
		"content/d.md": movedDoc("DOC-D", "D", "1.0", "internal", "", "1.0"),
		"content/e.md": movedDoc("DOC-E", "E", "1.0", "in-house", "", "1.0"),
		"content/f.md": movedDoc("DOC-F", "F", "1.0", "confidentail", "", "1.0"),
	}
	if err := sitetest.Write(site, files); err != nil {
		t.Fatal(err)
	}
	res, err := generator.Check(generator.Options{Source: site, Now: now, NoHistory: true, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"en": `content/f.md:7: unknown classification level "confidentail"
    hint: use one of the classification_levels in isms.toml: public, in-house, confidential
isms.toml:3: 4 documents are classified "internal", which is not one of the classification levels (public, in-house, confidential): content/a.md:7, content/b.md:7, content/c.md:7 and 1 more
    hint: if the level was renamed here, change the classification of those documents to its new name; else add "internal" to classification_levels
`,
		"zh-CN": `content/f.md:7: 未知的密级 "confidentail"
    提示：请使用 isms.toml 中 classification_levels 所列的密级：public, in-house, confidential
isms.toml:3: 4 份文件的密级为 "internal"，但它不在 classification_levels 所列的密级（public, in-house, confidential）中：content/a.md:7、content/b.md:7、content/c.md:7和另外 1 份
    提示：如果该密级已在此处改名，请把这些文件的密级改为新名称；否则请把 "internal" 加入 classification_levels
`,
	} {
		var got strings.Builder
		res.Diagnostics.Errors().Print(&got, generator.Messages(defaults(), lang))
		if got.String() != want {
			t.Errorf("%s:\n%s\nwant:\n%s", lang, got.String(), want)
		}
	}
}

// Documents marked with the Chinese name of a level of the default
// classification_levels ("内部" for internal) are one error at
// classification_levels whose hint names the level it means.
func TestChineseLevelNameIsOneErrorWithItsLevel(t *testing.T) {
	site := t.TempDir()
	files := map[string]string{
		"isms.toml":    "title = \"T\"\nlanguage = \"zh-CN\"\nclassification_levels = [\"public\", \"internal\", \"confidential\"]\n\n[[departments]]\nid = \"isd\"\nname = \"信息安全部\"\n",
		"content/a.md": movedDoc("DOC-A", "A", "1.0", "内部", "", "1.0"),
		"content/b.md": movedDoc("DOC-B", "B", "1.0", "内部", "", "1.0"),
	}
	if err := sitetest.Write(site, files); err != nil {
		t.Fatal(err)
	}
	res, err := generator.Check(generator.Options{Source: site, Now: now, NoHistory: true, Defaults: defaults()})
	if err != nil {
		t.Fatal(err)
	}
	want := `isms.toml:3: 2 份文件的密级为 "内部"，但它不在 classification_levels 所列的密级（public, internal, confidential）中：content/a.md:7和content/b.md:7
    提示：是否应为 "internal"？请在这些文件中写 classification = "internal"，或将 "内部" 加入 classification_levels
`
	var got strings.Builder
	res.Diagnostics.Errors().Print(&got, generator.Messages(defaults(), "zh-CN"))
	if got.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", got.String(), want)
	}
}
