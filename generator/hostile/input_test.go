package hostile_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
)

// good is a valid site: a manual and a procedure below it.
func good() map[string]string {
	return map[string]string{
		"content/tier1/m.md": strings.Replace(doc("H-M-001", "Manual", "", "# Manual\n\nSee [the procedure](H-P-001).\n"), "tier = 2\ntype = \"procedure\"", "tier = 1\ntype = \"manual\"", 1),
		"content/tier2/p.md": doc("H-P-001", "Procedure", `parent = "H-M-001"`, "## Scope\n\nText.\n"),
	}
}

func soa(entries string) string {
	return strings.Replace(doc("H-SOA", "SoA", entries, "SoA\n"), `type = "procedure"`, `type = "soa"`, 1)
}

// Every kind of broken input is reported as path:line: message, every
// problem of the run at once, and the previous output stays exactly as it
// was.
func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string // added to the good site
		want  []string
	}{
		{"malformed TOML", map[string]string{"content/x.md": "+++\nid = \"X-1\"\ntitle = \"unterminated\n+++\n"},
			[]string{`content/x.md:3: invalid TOML: strings cannot contain newlines`}},
		{"bare word value", map[string]string{"content/x.md": "+++\nid = \"X-1\"\ntitle = 管理\n+++\n"},
			[]string{`content/x.md:3: invalid TOML: expected value but found "管理" instead`}},
		{"duplicate key", map[string]string{"content/x.md": "+++\nid = \"X-1\"\nid = \"X-2\"\n+++\n"},
			[]string{`content/x.md:3: invalid TOML: Key 'id' has already been defined.`}},
		{"50,000-deep inline tables", map[string]string{"content/x.md": doc("X-1", "T", "x = "+repeat("{a=", 50_000)+"1"+repeat("}", 50_000), "")},
			[]string{`content/x.md:11: tables or lists are nested more than 32 levels deep`}},
		{"100,000-deep lists", map[string]string{"content/x.md": doc("X-1", "T", "owners2 = "+repeat("[", 100_000)+repeat("]", 100_000), "")},
			[]string{`content/x.md:11: tables or lists are nested more than 32 levels deep`}},
		{"50,000-part dotted key", map[string]string{"content/x.md": doc("X-1", "T", repeat("a.", 50_000)+"b = 1", "")},
			[]string{`content/x.md:11: a key has more than 32 dotted parts`}},
		{"unclosed front matter", map[string]string{"content/x.md": "+++\nid = \"X-1\"\ntitle = \"T\"\n\n# Body\n"},
			[]string{`content/x.md:1: the front matter opened here is never closed`}},
		{"no front matter", map[string]string{"content/x.md": "# Just Markdown\n"},
			[]string{`content/x.md:1: the file does not start with front matter (a line +++)`}},
		{"YAML front matter", map[string]string{"content/x.md": "---\nid: X-1\n---\n"},
			[]string{`content/x.md:1: the front matter is YAML (between lines ---); ismsgen reads TOML front matter between lines +++`}},
		{"empty file", map[string]string{"content/x.md": ""},
			[]string{`content/x.md:1: the file is empty`}},
		{"GBK file", map[string]string{"content/x.md": "+++\nid = \"X-1\"\ntitle = \"\xb9\xdc\xc0\xed\"\n+++\n"},
			[]string{`content/x.md:3: the file is not valid UTF-8 text`}},
		{"UTF-16 file", map[string]string{"content/x.md": "\xff\xfe+\x00+\x00+\x00\n\x00"},
			[]string{`content/x.md:1: the file is not valid UTF-8 text`}},
		{"key typo", map[string]string{"content/x.md": doc("X-1", "T", "next_reveiw = 2027-01-01", "")},
			[]string{`content/x.md:11: unknown key "next_reveiw"`}},
		{"wrong types", map[string]string{"content/x.md": strings.NewReplacer(
			`tier = 2`, `tier = "2"`, `title = "T"`, `title = 5`, `owners = ["isd"]`, `owners = "isd"`, `approved = 2026-01-10`, `approved = 20260110`,
		).Replace(doc("X-1", "T", "controls = 5.1\nhistory = \"none\"", ""))},
			[]string{`content/x.md:3: "title" must be a string, not a number`, `content/x.md:4: "tier" must be a whole number, not a string`, `content/x.md:8: "owners" must be a list of strings`, `content/x.md:10: "approved" must be a date, not a number`, `content/x.md:11: "controls" must be a list of strings, not a decimal number`, `content/x.md:12: "history" must be a list of tables, not a string`}},
		{"impossible dates", map[string]string{"content/x.md": doc("X-1", "T", "effective = \"2026-02-30\"\nnext_review = \"2027-13-01\"\nlast_reviewed = \"0000-00-00\"", "")},
			[]string{`content/x.md:11: "effective": 2026-02-30 is not a real date`, `content/x.md:12: "next_review": 2027-13-01 is not a real date`, `content/x.md:13: "last_reviewed": 0000-00-00 is not a real date`}},
		{"impossible TOML date", map[string]string{"content/x.md": doc("X-1", "T", "effective = 2026-02-30", "")},
			[]string{`content/x.md:11: invalid TOML: invalid datetime: "2026-02-30"`}},
		{"date with time", map[string]string{"content/x.md": doc("X-1", "T", "effective = 2026-02-01T10:00:00Z", "")},
			[]string{`content/x.md:11: "effective" must be a date without a time`}},
		{"id with slash", map[string]string{"content/x.md": doc("X/1", "T", "", "")},
			[]string{`content/x.md:2: id "X/1" may only contain ASCII letters, digits, '.', '_' and '-'`}},
		{"id with dot-dot", map[string]string{"content/x.md": doc("../../etc", "T", "", "")},
			[]string{`content/x.md:2: id "../../etc" may only contain ASCII letters, digits, '.', '_' and '-'`}},
		{"id with space", map[string]string{"content/x.md": doc("X 1", "T", "", "")},
			[]string{`content/x.md:2: id "X 1" may only contain ASCII letters, digits, '.', '_' and '-'`}},
		{"id in Chinese", map[string]string{"content/x.md": doc("程序-1", "T", "", "")},
			[]string{`content/x.md:2: id "程序-1" may only contain ASCII letters, digits, '.', '_' and '-'`}},
		{"id differing in case", map[string]string{"content/x.md": doc("h-p-001", "T", "", "")},
			[]string{`content/x.md:2: duplicate id "h-p-001" (ids are compared ignoring case: "H-P-001"): also used by content/tier2/p.md:2`}},
		{"self parent", map[string]string{"content/x.md": doc("X-1", "T", `parent = "x-1"`, "")},
			[]string{`content/x.md:11: parent names the document itself`}},
		{"parent cycle of two", map[string]string{
			"content/x.md": doc("X-1", "T", `parent = "X-2"`, ""),
			"content/y.md": doc("X-2", "T", `parent = "X-1"`, ""),
		}, []string{`content/x.md:11: parent cycle: X-1 → X-2 → X-1`, `content/y.md:11: parent cycle: X-1 → X-2 → X-1`}},
		{"parent cycle of five", map[string]string{
			"content/a.md": doc("C-1", "T", `parent = "C-2"`, ""),
			"content/b.md": doc("C-2", "T", `parent = "C-3"`, ""),
			"content/c.md": doc("C-3", "T", `parent = "C-4"`, ""),
			"content/d.md": doc("C-4", "T", `parent = "C-5"`, ""),
			"content/e.md": doc("C-5", "T", `parent = "C-1"`, ""),
		}, []string{`content/a.md:11: parent cycle: C-1 → C-2 → C-3 → C-4 → C-5 → C-1`, `content/b.md:11: parent cycle: C-1 → C-2 → C-3 → C-4 → C-5 → C-1`, `content/c.md:11: parent cycle: C-1 → C-2 → C-3 → C-4 → C-5 → C-1`, `content/d.md:11: parent cycle: C-1 → C-2 → C-3 → C-4 → C-5 → C-1`, `content/e.md:11: parent cycle: C-1 → C-2 → C-3 → C-4 → C-5 → C-1`}},
		{"duplicate SoA entries", map[string]string{"content/soa.md": soa("[[applicability]]\ncontrol = \"5.1\"\napplicable = true\n\n[[applicability]]\ncontrol = \"A.5.1\"\napplicable = false\njustification = \"x\"")},
			[]string{`content/soa.md:16: control 5.1 is listed twice in the Statement of Applicability`}},
		{"unknown department level control", map[string]string{"content/x.md": doc("X-1", "T", `distribution = ["isdd"]`+"\nclassification = \"top-secret\"\ncontrols = [\"5.99\", \"A.19.1\"]", "")},
			[]string{`content/x.md:11: unknown department "isdd" in distribution`, `content/x.md:12: unknown classification level "top-secret"`, `content/x.md:13: unknown Annex A control "5.99"`, `content/x.md:13: unknown Annex A control "A.19.1"`}},
		{"script training links", map[string]string{"content/x.md": doc("X-1", "T", "[[training]]\ntitle = \"a\"\nurl = \" JavaScript:alert(1)\"\n\n[[training]]\ntitle = \"b\"\nurl = \"java\\tscript:alert(1)\"\n\n[[training]]\ntitle = \"c\"\nurl = \"data:text/html,<script>alert(1)</script>\"\n\n[[training]]\ntitle = \"d\"\nurl = \"vbscript:msgbox(1)\"", "")},
			[]string{
				`content/x.md:13: "training.0.url": "JavaScript:alert(1)" is not a web address ismsgen will link to`,
				`content/x.md:17: "training.1.url": "java\tscript:alert(1)" is not a web address ismsgen will link to`,
				`content/x.md:21: "training.2.url": "data:text/html,<script>alert(1)</script>" is not a web address ismsgen will link to`,
				`content/x.md:25: "training.3.url": "vbscript:msgbox(1)" is not a web address ismsgen will link to`,
			}},
		{"broken link", map[string]string{"content/x.md": doc("X-1", "T", "", "Intro.\n\nSee [x](H-P-002) and [](NOPE-1#a).\n")},
			[]string{`content/x.md:14: broken link: no document has the id "H-P-002"`, `content/x.md:14: broken link: no document has the id "NOPE-1"`}},
		{"everything at once", map[string]string{
			"content/x.md": doc("X-1", "T", "next_reveiw = 2027-01-01", ""),
			"content/y.md": "",
			"content/z.md": doc("Z 1", "T", "", ""),
		}, []string{`content/x.md:11: unknown key "next_reveiw"`, `content/y.md:1: the file is empty`, `content/z.md:2: id "Z 1" may only contain ASCII letters, digits, '.', '_' and '-'`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := good()
			site := writeSite(t, files)
			dest := filepath.Join(site, "public")
			mustBuild(t, options(site, dest))
			before := readTree(t, dest)

			for name, text := range tc.files {
				writeFile(t, filepath.Join(site, filepath.FromSlash(name)), text)
			}
			res, err := generator.Build(options(site, dest))
			if err != nil {
				t.Fatal(err)
			}
			got := strs(res.Diagnostics.Errors())
			if len(got) == 0 {
				t.Fatal("no error")
			}
			sameLines(t, got, tc.want)
			for _, d := range res.Diagnostics.Errors() {
				if d.Line < 1 {
					t.Errorf("%s: no line", d)
				}
				if d.Hint == "" {
					t.Errorf("%s: no hint", d)
				}
			}
			sameTree(t, "after the failed build", before, readTree(t, dest))
			if l := leftovers(t, site); len(l) > 0 {
				t.Errorf("temporary folders left: %v", l)
			}
		})
	}
}

// A UTF-8 byte-order mark and CRLF line endings simply work, and lines
// are still counted right.
func TestBOMAndCRLF(t *testing.T) {
	crlf := func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }
	files := good()
	files["content/tier2/bom.md"] = "\ufeff" + crlf(doc("H-P-002", "BOM and CRLF", `parent = "H-M-001"`, "## 第一节\r\n\r\nSee [](H-P-001#scope).\r\n"))
	files["content/tier2/cr.md"] = crlf(doc("H-P-003", "CRLF", "", "Body\r\n"))
	files["isms.toml"] = "\ufeff" + crlf(baseConfig)
	site := writeSite(t, files)
	dest := filepath.Join(site, "public")
	warnings := mustBuild(t, options(site, dest))
	sameLines(t, warnings, nil)
	page, err := os.ReadFile(filepath.Join(dest, "docs/H-P-002/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<h2 id="第一节">第一节</h2>`, `href="../../docs/H-P-001/#scope"`, ">Procedure</a>"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(string(page), "\r") || strings.Contains(string(page), "\ufeff") {
		t.Error("a CR or BOM reached the page")
	}

	// An error in a CRLF file with a BOM is reported at the right line.
	writeFile(t, filepath.Join(site, "content/tier2/bom.md"), "\ufeff"+crlf(doc("H-P-002", "BOM", "next_reveiw = 2027-01-01", "")))
	res, err := generator.Build(options(site, dest))
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, strs(fileDiagnostics(res.Diagnostics)), []string{`content/tier2/bom.md:11: unknown key "next_reveiw"`})
}

// Broken isms.toml values are reported at their lines, together with the
// documents' errors; a config that does not parse stops before the
// documents are checked but still reports their syntax errors.
func TestBadConfig(t *testing.T) {
	for _, tc := range []struct {
		name, config string
		want         []string
	}{
		{"malformed", "title = \"x\n" + baseConfig, []string{`isms.toml:1: invalid TOML: strings cannot contain newlines`}},
		{"unknown key and typo in a document", "organization = \"x\"\n" + baseConfig, []string{`content/x.md:11: unknown key "next_reveiw"`, `isms.toml:1: unknown key "organization"`}},
		{"javascript ack_url", "ack_url = \"javascript:alert(document.cookie)//{id}\"\n" + baseConfig, []string{`content/x.md:11: unknown key "next_reveiw"`, `isms.toml:1: "ack_url": "javascript:alert(document.cookie)//{id}" is not a web address ismsgen will link to`}},
		{"data ack_url with spaces", "ack_url = \" DATA:text/html,<script>alert(1)</script>\"\n" + baseConfig, []string{`content/x.md:11: unknown key "next_reveiw"`, `isms.toml:1: "ack_url": "DATA:text/html,<script>alert(1)</script>" is not a web address ismsgen will link to`}},
		{"vbscript ack_url", "ack_url = \"vbscript:msgbox(1)\"\n" + baseConfig, []string{`content/x.md:11: unknown key "next_reveiw"`, `isms.toml:1: "ack_url": "vbscript:msgbox(1)" is not a web address ismsgen will link to`}},
		{"javascript base_url", "base_url = \"javascript://isms.example.com/%0aalert(1)\"\n" + strings.Replace(baseConfig, "base_url", "# base_url", 1), []string{`content/x.md:11: unknown key "next_reveiw"`, `isms.toml:1: base_url "javascript://isms.example.com/%0aalert(1)" is not an http(s) address`}},
		{"wrong types", strings.Replace("due_soon_days = \"30\"\nclassification_levels = \"public\"\n"+baseConfig, `title = "Hostile ISMS"`, `title = ["x"]`, 1), []string{`content/x.md:11: unknown key "next_reveiw"`, `isms.toml:1: "due_soon_days" must be a whole number, not a string`, `isms.toml:2: "classification_levels" must be a list of strings`, `isms.toml:3: "title" must be a string, not a list`}},
		{"ceiling not a level", "classification = \"top\"\n" + baseConfig, []string{`content/x.md:11: unknown key "next_reveiw"`, `isms.toml:1: unknown classification level "top"`}},
		{"duplicate and odd departments", baseConfig + "\n[[departments]]\nid = \"isd\"\n\n[[departments]]\nid = \"人事\"\n\n[[departments]]\nid = \"../x\"\n", []string{`content/x.md:11: unknown key "next_reveiw"`, `isms.toml:16: duplicate department id "isd"`, `isms.toml:19: department id "人事" is not a simple identifier`, `isms.toml:22: department id "../x" is not a simple identifier`}},
		{"deep isms.toml", "x = " + repeat("{a=", 50_000) + "1" + repeat("}", 50_000) + "\n" + baseConfig, []string{"isms.toml:1: tables or lists are nested more than 32 levels deep"}},
		{"no departments", "title = \"x\"\n", []string{`content/x.md:11: unknown key "next_reveiw"`, `isms.toml:1: no [[departments]] defined`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := good()
			site := writeSite(t, files)
			dest := filepath.Join(site, "public")
			mustBuild(t, options(site, dest))
			before := readTree(t, dest)
			writeFile(t, filepath.Join(site, "isms.toml"), tc.config)
			writeFile(t, filepath.Join(site, "content/x.md"), doc("X-1", "T", "next_reveiw = 2027-01-01", ""))
			res, err := generator.Build(options(site, dest))
			if err != nil {
				t.Fatal(err)
			}
			sameLines(t, strs(res.Diagnostics.Errors()), tc.want)
			sameTree(t, "after the failed build", before, readTree(t, dest))
		})
	}
}
