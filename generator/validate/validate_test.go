package validate

import (
	"strings"
	"testing"

	"ismsgen/generator/diag"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

const testConfig = `
classification_levels = ["public", "internal", "confidential"]
default_review_cycle = "12 months"

[[departments]]
id = "hr"
name = "人力资源部"

[[departments]]
id = "it"
name = "信息技术部"
`

// good is a valid approved document; tests edit one line of it.
const good = `+++
id = "ISMS-P-001"
title = "文件控制程序"
tier = 2
type = "procedure"
version = "1.0"
status = "approved"
owners = ["hr"]
approver = "总经理"
approved = 2025-03-01
+++
正文
`

// run validates the config and the given documents (path → text) and
// returns every diagnostic as "path:line: message".
func run(t *testing.T, config string, docs map[string]string) []string {
	t.Helper()
	cf, d := load.ParseConfig("isms.toml", []byte(config))
	all := d
	cfg, d := Config(cf)
	all.Add(d...)
	if cfg == nil {
		t.Fatalf("config did not load: %v", all)
	}
	var src []*load.Doc
	for _, path := range sortedKeys(docs) {
		f, d := load.ParseDocument(path, []byte(docs[path]))
		all.Add(d...)
		if f != nil {
			src = append(src, &load.Doc{File: f})
		}
	}
	_, d = documents(cfg, src)
	all.Add(d...)
	all.Sort()
	return lines(all)
}

func lines(l diag.List) []string {
	out := make([]string, len(l))
	for i, d := range l {
		out[i] = d.String()
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if keys[j] < keys[i] {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	return keys
}

// edit replaces the line starting with key (or appends before the closing
// +++ when absent); value "" removes the line.
func edit(doc, key, line string) string {
	parts := strings.Split(doc, "\n")
	for i, l := range parts {
		if strings.HasPrefix(l, key+" =") {
			if line == "" {
				return strings.Join(append(parts[:i:i], parts[i+1:]...), "\n")
			}
			parts[i] = line
			return strings.Join(parts, "\n")
		}
	}
	close := strings.LastIndex(doc, "+++")
	return doc[:close] + line + "\n" + doc[close:]
}

func TestDocumentRules(t *testing.T) {
	const p = "content/a.md"
	for _, tc := range []struct {
		name string
		doc  string
		want []string
	}{
		{"valid", good, nil},
		{"unknown key with suggestion", edit(good, "next_reveiw", "next_reveiw = 2026-01-01"),
			[]string{p + `:11: unknown key "next_reveiw"`}},
		{"missing id", edit(good, "id", ""), []string{p + `:1: missing required key "id"`}},
		{"missing title", edit(good, "title", ""), []string{p + `:1: missing required key "title"`}},
		{"missing version", edit(good, "version", ""), []string{p + `:1: missing required key "version"`}},
		{"missing tier", edit(good, "tier", ""), []string{p + `:2: missing required key "tier"`}},
		{"missing owners", edit(good, "owners", ""), []string{p + `:2: missing required key "owners"`}},
		{"empty owners", edit(good, "owners", "owners = []"), []string{p + `:8: owners is empty`}},
		{"id with slash", edit(good, "id", `id = "ISMS/P-001"`), []string{p + `:2: id "ISMS/P-001" may only contain ASCII letters, digits, '.', '_' and '-'`}},
		{"id with dots", edit(good, "id", `id = "..P"`), []string{p + `:2: id "..P" must not start with '.' or '-' or contain '..'`}},
		{"id with space", edit(good, "id", `id = "ISMS P"`), []string{p + `:2: id "ISMS P" may only contain ASCII letters, digits, '.', '_' and '-'`}},
		{"id in Chinese", edit(good, "id", `id = "程序一"`), []string{p + `:2: id "程序一" may only contain ASCII letters, digits, '.', '_' and '-'`}},
		{"tier out of range", edit(good, "tier", "tier = 4"), []string{p + `:4: tier must be 1, 2 or 3, not 4`}},
		{"tier as string", edit(good, "tier", `tier = "2"`), []string{p + `:4: "tier" must be a whole number, not a string`}},
		{"unknown type", edit(good, "type", `type = "memo"`), []string{p + `:5: unknown document type "memo"`}},
		{"unknown status", edit(good, "status", `status = "released"`), []string{p + `:7: unknown status "released"`}},
		{"approved without approver", edit(good, "approver", ""), []string{p + `:7: an approved document needs an approver`}},
		{"approved with an empty approver", edit(good, "approver", `approver = ""`), []string{p + `:9: an approved document needs an approver, and approver is empty`}},
		{"approver as a list", edit(good, "approver", `approver = ["总经理"]`), []string{p + `:9: "approver" must be a string, not a list`}},
		{"approved without date", edit(good, "approved", ""), []string{p + `:7: an approved document needs an approval date (approved)`}},
		{"draft needs no approver", edit(edit(edit(good, "status", `status = "draft"`), "approver", ""), "approved", ""), nil},
		{"unknown department", edit(good, "owners", `owners = ["hrr"]`), []string{p + `:8: unknown department "hrr" in owners`}},
		{"owners not a list", edit(good, "owners", `owners = "hr"`), []string{p + `:8: "owners" must be a list of strings`}},
		{"distribution all", edit(good, "distribution", `distribution = ["all", "it"]`), nil},
		{"distribution unknown", edit(good, "distribution", `distribution = ["sales"]`), []string{p + `:11: unknown department "sales" in distribution`}},
		{"impossible date", edit(good, "approved", "approved = \"2025-02-30\""), []string{p + `:10: "approved": 2025-02-30 is not a real date`}},
		{"date with time", edit(good, "approved", "approved = 2025-03-01T10:00:00"), []string{p + `:10: "approved" must be a date without a time`}},
		{"date as number", edit(good, "approved", "approved = 20250301"), []string{p + `:10: "approved" must be a date, not a number`}},
		{"quoted date accepted", edit(good, "approved", `approved = "2025-03-01"`), nil},
		{"effective before approved", edit(good, "effective", "effective = 2025-02-01"), []string{p + `:11: effective date 2025-02-01 is before the approval date 2025-03-01`}},
		{"bad cycle", edit(good, "review_cycle", `review_cycle = "12 weeks"`), []string{p + `:11: "review_cycle": "12 weeks" is not a period like "12 months", "2 years" or "90 days"`}},
		{"unknown classification", edit(good, "classification", `classification = "top-secret"`), []string{p + `:11: unknown classification level "top-secret"`}},
		{"parent missing", edit(good, "parent", `parent = "ISMS-M-404"`), []string{p + `:11: parent names "ISMS-M-404", but no document has that id`}},
		{"parent self", edit(good, "parent", `parent = "ISMS-P-001"`), []string{p + `:11: parent names the document itself`}},
		{"supersedes missing", edit(good, "supersedes", `supersedes = ["OLD-1"]`), []string{p + `:11: warning: supersedes "OLD-1", which is not in this document set`}},
		{"related missing", edit(good, "related", `related = ["X-1"]`), []string{p + `:11: related names "X-1", but no document has that id`}},
		{"javascript training url", edit(good, "x", "[[training]]\ntitle = \"t\"\nurl = \"javascript:alert(1)\""), []string{p + `:13: "training[1].url": "javascript:alert(1)" is not a web address ismsgen will link to`}},
		{"training missing title", edit(good, "x", "[[training]]\nurl = \"https://lms.example.com/1\""), []string{p + `:11: missing required key "training[1].title"`}},
		{"history bad date", edit(good, "x", "[[history]]\nversion = \"1.0\"\ndate = \"2025-13-01\""), []string{p + `:13: "history[1].date": 2025-13-01 is not a real date`}},
		{"a document's key below [[history]]", edit(good, "x", "[[history]]\nversion = \"1.0\"\nnext_review = 2026-01-01"), []string{p + `:13: "next_review" comes after a line [[history]], so it is read as a key of [[history]]`}},
		{"history unknown key", edit(good, "x", "[[history]]\nversion = \"1.0\"\nauthr = \"x\""), []string{p + `:13: unknown key "history[1].authr"`}},
		{"applicability outside soa", edit(good, "x", "[[applicability]]\ncontrol = \"5.1\"\napplicable = true"), []string{p + `:11: [[applicability]] in a document of type "procedure"`}},
		{"no status is a draft", edit(edit(edit(good, "status", ""), "approver", ""), "approved", ""), []string{p + `:1: warning: no status given; the document is treated as a draft and left out unless --drafts`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := run(t, testConfig, map[string]string{p: tc.doc})
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

func doc(id, extra string) string {
	return edit(edit(good, "id", `id = "`+id+`"`), "x", extra)
}

func TestSetRules(t *testing.T) {
	for _, tc := range []struct {
		name string
		docs map[string]string
		want []string
	}{
		{"duplicate id", map[string]string{"content/a.md": doc("A-1", ""), "content/b.md": doc("A-1", "")},
			[]string{`content/b.md:2: duplicate id "A-1": also used by content/a.md:2`}},
		{"an id copied into another file", map[string]string{"content/a-1.md": doc("A-1", ""), "content/a-2.md": doc("A-1", ""), "content/b.md": doc("B", `related = ["A-2"]`)},
			[]string{`content/a-2.md:2: duplicate id "A-1": also used by content/a-1.md:2`}},
		{"duplicate id ignoring case", map[string]string{"content/a.md": doc("A-1", ""), "content/b.md": doc("a-1", "")},
			[]string{`content/b.md:2: duplicate id "a-1" (ids are compared ignoring case: "A-1"): also used by content/a.md:2`}},
		{"parent cycle of two", map[string]string{"content/a.md": doc("A", `parent = "B"`), "content/b.md": doc("B", `parent = "A"`)},
			[]string{`content/a.md:11: parent cycle: A → B → A`, `content/b.md:11: parent cycle: A → B → A`}},
		{"parent cycle of three", map[string]string{"content/a.md": doc("A", `parent = "C"`), "content/b.md": doc("B", `parent = "A"`), "content/c.md": doc("C", `parent = "B"`)},
			[]string{`content/a.md:11: parent cycle: A → C → B → A`, `content/b.md:11: parent cycle: A → C → B → A`, `content/c.md:11: parent cycle: A → C → B → A`}},
		{"a manual given a procedure as parent", map[string]string{"content/a.md": strings.Replace(doc("M", `parent = "P"`), "tier = 2", "tier = 1", 1), "content/b.md": doc("P", `parent = "M"`)},
			[]string{`content/a.md:11: parent cycle: M → P → M`}},
		{"parent chain is fine", map[string]string{"content/a.md": doc("A", ""), "content/b.md": doc("B", `parent = "A"`), "content/c.md": doc("C", `parent = "B"`)}, nil},
		{"parent of lower tier warns", map[string]string{"content/a.md": edit(doc("A", ""), "tier", "tier = 3"), "content/b.md": doc("B", `parent = "A"`)},
			[]string{`content/b.md:11: warning: parent A is tier 3, below this tier-2 document`}},
		{"two current SoAs", map[string]string{"content/a.md": edit(doc("SOA-1", ""), "type", `type = "soa"`), "content/b.md": edit(doc("SOA-2", ""), "type", `type = "soa"`)},
			[]string{`content/b.md:5: a second current Statement of Applicability; SOA-1 is one too`}},
		{"SoA superseding the old one", map[string]string{"content/a.md": edit(doc("SOA-1", ""), "type", `type = "soa"`), "content/b.md": edit(doc("SOA-2", `supersedes = ["SOA-1"]`), "type", `type = "soa"`)}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := run(t, testConfig, tc.docs)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

func TestConfigRules(t *testing.T) {
	for _, tc := range []struct {
		name   string
		config string
		want   []string
	}{
		{"valid", testConfig, nil},
		{"no departments", `title = "x"`, []string{`isms.toml:1: no [[departments]] defined`}},
		{"unknown key", "due_son_days = 3\n" + testConfig, []string{`isms.toml:1: unknown key "due_son_days"`}},
		{"bad language", `language = "fr"` + testConfig, []string{`isms.toml:1: unsupported interface language "fr"`}},
		{"ceiling not a level", `classification = "top"` + testConfig, []string{`isms.toml:1: unknown classification level "top"`}},
		{"bad default cycle", `default_review_cycle = "yearly"` + "\n[[departments]]\nid = \"a\"\n", []string{`isms.toml:1: "default_review_cycle": "yearly" is not a period like "12 months", "2 years" or "90 days"`}},
		{"duplicate department", testConfig + "\n[[departments]]\nid = \"hr\"\n", []string{`isms.toml:14: duplicate department id "hr"`}},
		{"duplicate department, ignoring case", testConfig + "\n[[departments]]\nid = \"HR\"\n", []string{`isms.toml:14: duplicate department id "HR" (ids are compared ignoring case: "hr")`}},
		{"a department named all in capitals", testConfig + "\n[[departments]]\nid = \"ALL\"\n", []string{`isms.toml:14: department id "ALL" is reserved`}},
		{"department all reserved", "[[departments]]\nid = \"all\"\n", []string{`isms.toml:2: department id "all" is reserved`}},
		{"javascript ack_url", `ack_url = "javascript:alert(1)"` + testConfig, []string{`isms.toml:1: "ack_url": "javascript:alert(1)" is not a web address ismsgen will link to`}},
		{"own levels without internal and no ceiling", "classification_levels = [\"公开\", \"内部\", \"秘密\"]\n[[departments]]\nid = \"hr\"\n", []string{
			`isms.toml:1: classification is not set, and the classification levels have no "internal" to default to`,
			`isms.toml:1: default_classification is not set, and the classification levels have no "internal" to default to`}},
		{"own levels with both named", "classification_levels = [\"公开\", \"内部\", \"秘密\"]\nclassification = \"内部\"\ndefault_classification = \"内部\"\n[[departments]]\nid = \"hr\"\n", nil},
		{"review_cycles unknown tier", "[review_cycles]\ntier4 = \"1 year\"\n[[departments]]\nid = \"hr\"\n", []string{`isms.toml:2: unknown key "review_cycles.tier4"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cf, d := load.ParseConfig("isms.toml", []byte(tc.config))
			if cf == nil {
				t.Fatalf("parse: %v", d)
			}
			_, d = Config(cf)
			d.Sort()
			got := lines(d)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

// documents converts each loaded document and checks the set, as the
// build does.
func documents(cfg *model.Config, src []*load.Doc) ([]*model.Document, diag.List) {
	var diags diag.List
	var converted []*model.Document
	for _, s := range src {
		d, l := Document(cfg, s)
		diags.Add(l...)
		converted = append(converted, d)
	}
	docs, l := Set(converted, nil)
	diags.Add(l...)
	return docs, diags
}

// A reference to an id that a file is named as, but that the file's
// document no longer has (its id was changed, ISMS-F-001/index.md now
// ISMS-F-011), suggests the document's id, not the nearest in spelling.
func TestReferenceToAFileNamedAsAnID(t *testing.T) {
	cf, _ := load.ParseConfig("isms.toml", []byte(testConfig))
	cfg, _ := Config(cf)
	var src []*load.Doc
	for path, text := range map[string]string{"content/A-1/index.md": doc("A-11", ""), "content/b.md": doc("A-2", `related = ["A-1"]`)} {
		f, _ := load.ParseDocument(path, []byte(text))
		src = append(src, &load.Doc{File: f})
	}
	_, diags := documents(cfg, src)
	if len(diags) != 1 || diags[0].Hint != `did you mean "A-11"?` {
		t.Errorf("got %v, want the hint A-11", diags)
	}
}
