package hostile_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"

	"golang.org/x/tools/txtar"
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
// problem of the run at once, with a hint, and the previous output stays
// exactly as it was. Each case of testdata/bad/*.txtar writes its files
// over a valid site (good) and lists the errors it wants in "want"; the
// cases made of bytes no text file shows well are here.
func TestBadInput(t *testing.T) {
	type badCase struct {
		name  string
		files map[string]string // added to the good site
		want  []string
	}
	cases := []badCase{
		{"50,000-deep inline tables", map[string]string{"content/x.md": doc("X-1", "T", "x = "+repeat("{a=", 50_000)+"1"+repeat("}", 50_000), "")},
			[]string{`content/x.md:11: tables or lists are nested more than 32 levels deep`}},
		{"100,000-deep lists", map[string]string{"content/x.md": doc("X-1", "T", "owners2 = "+repeat("[", 100_000)+repeat("]", 100_000), "")},
			[]string{`content/x.md:11: tables or lists are nested more than 32 levels deep`}},
		{"50,000-part dotted key", map[string]string{"content/x.md": doc("X-1", "T", repeat("a.", 50_000)+"b = 1", "")},
			[]string{`content/x.md:11: a key has more than 32 dotted parts`}},
		{"GBK file", map[string]string{"content/x.md": "+++\nid = \"X-1\"\ntitle = \"\xb9\xdc\xc0\xed\"\n+++\n"},
			[]string{`content/x.md:3: the file is not valid UTF-8 text`}},
		{"UTF-16 file", map[string]string{"content/x.md": "\xff\xfe+\x00+\x00+\x00\n\x00"},
			[]string{`content/x.md:1: the file is not valid UTF-8 text`}},
	}
	archives, err := filepath.Glob("testdata/bad/*.txtar")
	if err != nil || len(archives) == 0 {
		t.Fatalf("no cases in testdata/bad: %v", err)
	}
	for _, path := range archives {
		a, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		c := badCase{name: strings.TrimSpace(string(a.Comment)), files: map[string]string{}}
		for _, f := range a.Files {
			if f.Name == "want" {
				c.want = strings.Split(strings.TrimSuffix(string(f.Data), "\n"), "\n")
			} else {
				c.files[f.Name] = string(f.Data)
			}
		}
		cases = append(cases, c)
	}
	for _, tc := range cases {
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
		{"malformed", "title = \"x\n" + baseConfig, []string{`isms.toml:1: invalid TOML: the quotes around the value of "title" are not closed on its line`}},
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
