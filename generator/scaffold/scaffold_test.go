package scaffold_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen"
	"ismsgen/generator"
	"ismsgen/generator/diag"
	"ismsgen/generator/model"
	"ismsgen/generator/scaffold"
	"ismsgen/internal/sitetest"
)

var today = model.Date{Year: 2026, Month: 11, Day: 25}

// english is a site in English with no documents yet.
func english(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	cfg := "title = \"ISMS\"\nlanguage = \"en\"\n\n[[departments]]\nid = \"it\"\nname = \"IT\"\n\n[[departments]]\nid = \"hr\"\nname = \"HR\"\n"
	if err := os.WriteFile(filepath.Join(dst, "isms.toml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dst, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dst
}

// A new document of every type, in either language, has the sections of
// its type and passes check as it is, also when drafts are published.
func TestNewPassesCheck(t *testing.T) {
	zh, en := sitetest.Sample(t), english(t)
	for _, tc := range []struct {
		site  string
		tier  int
		typ   string
		want  []string // in the file
		wType string   // the type it gets
	}{
		{zh, 1, "", []string{"## 1 目的", "## 3 方针声明", "## 5 违规处理"}, "policy"},
		{zh, 2, "", []string{"## 1 目的", "## 2 范围", "## 3 职责", "## 4 程序", "## 5 相关文件", "## 6 记录"}, "procedure"},
		{zh, 3, "", []string{"## 2 表单", "| 序号 | 项目 |", "| 3 |"}, "form"},
		{zh, 1, "manual", []string{"## 4 组织环境", "## 10 改进"}, "manual"},
		{zh, 2, "standard", []string{"## 3 要求"}, "standard"},
		{zh, 2, "guideline", []string{"## 3 指南"}, "guideline"},
		{zh, 2, "plan", []string{"## 3 目标"}, "plan"},
		{zh, 3, "record", []string{"## 2 记录", "# retention = ", "# [[actions]]"}, "record"},
		{zh, 2, "external", []string{"## 1 说明", "# issuer = ", "# acquired = 2026-11-25"}, "external"},
		{zh, 1, "soa", []string{`supersedes = ["ISMS-SOA-001"]`, "# [[applicability]]"}, "soa"},
		{en, 1, "", []string{"## 3 Policy statement", "## 5 Violations", `summary = "First draft"`}, "policy"},
		{en, 2, "", []string{"## 1 Purpose", "## 4 Procedure", "## 6 Records"}, "procedure"},
		{en, 3, "", []string{"| No. | Item |", "# retention = "}, "form"},
		{en, 1, "soa", []string{"## 1 About this statement"}, "soa"},
	} {
		id := "NEW-" + strings.ToUpper(tc.wType)
		if tc.site == en {
			id += "-EN"
		}
		path, err := scaffold.New(scaffold.Options{Source: tc.site, Tier: tc.tier, ID: id, Title: "新文件 \"x\"", Type: tc.typ, Today: today})
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		if want := filepath.Join(tc.site, "content", "tier"+string(rune('0'+tc.tier)), id+".md"); path != want {
			t.Errorf("%s: written to %s, want %s", id, path, want)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		owner := "mgmt"
		if tc.site == en {
			owner = "it"
		}
		for _, want := range append(tc.want, `status = "draft"`, `version = "0.1"`, `type = "`+tc.wType+`"`,
			`owners = ["`+owner+`"]`, "date = 2026-11-25", `title = "新文件 \"x\""`) {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q:\n%s", id, want, text)
			}
		}
	}
	for _, site := range []string{zh, en} {
		for _, drafts := range []bool{false, true} {
			res, err := generator.Check(generator.Options{Source: site, Now: today, Drafts: drafts, Defaults: defaults()})
			if err != nil || res.Diagnostics.HasErrors() {
				t.Fatalf("check (drafts %v): %v\n%v", drafts, err, res.Diagnostics.Errors())
			}
			// The new files' own text warns of nothing but what is
			// still to be filled in.
			for _, d := range res.Diagnostics {
				if d.Severity == diag.Warning && strings.Contains(d.File, "/NEW-") && d.Code != "soa-unassessed" && d.Code != "external-incomplete" {
					t.Errorf("check (drafts %v): %s:%d: %s (%s)", drafts, d.File, d.Line, d.Message, d.Code)
				}
			}
			s := res.Site
			if drafts && s.Doc("NEW-PROCEDURE") == nil && s.Doc("NEW-PROCEDURE-EN") == nil {
				t.Errorf("the new documents are not published with --drafts")
			}
		}
	}
}

func defaults() generator.Defaults {
	return generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()}
}

func TestNewRefuses(t *testing.T) {
	site := sitetest.Sample(t)
	taken := filepath.Join(site, "content", "tier2", "isms-p-098.md")
	if err := os.WriteFile(taken, []byte("not a document"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		opts scaffold.Options
		want string
	}{
		{"existing id", scaffold.Options{Tier: 2, ID: "ISMS-P-009", Title: "x"}, `id "ISMS-P-009" exists already: content/tier2/isms-p-009.md:2`},
		{"existing id in another case", scaffold.Options{Tier: 3, ID: "isms-p-009", Title: "x"}, "ignoring case"},
		{"existing file", scaffold.Options{Tier: 2, ID: "ISMS-P-098", Title: "x"}, "content/tier2/isms-p-098.md already exists"},
		{"invalid id", scaffold.Options{Tier: 2, ID: "ISMS P 1", Title: "x"}, "may only contain"},
		{"id that climbs", scaffold.Options{Tier: 2, ID: "../x", Title: "x"}, "may only contain"},
		{"no id", scaffold.Options{Tier: 2, Title: "x"}, "--id is required"},
		{"no title", scaffold.Options{Tier: 2, ID: "ISMS-P-097", Title: " "}, "--title is required"},
		{"two lines", scaffold.Options{Tier: 2, ID: "ISMS-P-097", Title: "a\nb"}, "one line"},
		{"tier 4", scaffold.Options{Tier: 4, ID: "ISMS-P-097", Title: "x"}, "--tier must be 1, 2 or 3"},
		{"unknown type", scaffold.Options{Tier: 2, ID: "ISMS-P-097", Title: "x", Type: "memo"}, `--type "memo" is not a document type; use one of`},
		{"type in Chinese", scaffold.Options{Tier: 2, ID: "ISMS-P-097", Title: "x", Type: "程序文件"}, `did you mean --type procedure?`},
		{"type misspelt", scaffold.Options{Tier: 2, ID: "ISMS-P-097", Title: "x", Type: "proceedure"}, `did you mean --type procedure?`},
	} {
		tc.opts.Source, tc.opts.Today = site, today
		_, err := scaffold.New(tc.opts)
		var usage *diag.UsageError
		if !errors.As(err, &usage) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want a usage error with %q", tc.name, err, tc.want)
		}
	}
	if data, _ := os.ReadFile(taken); string(data) != "not a document" {
		t.Error("an existing file was overwritten")
	}
	if _, err := os.Stat(filepath.Join(site, "content", "tier2", "ISMS-P-097.md")); err == nil {
		t.Error("a refused document was written")
	}
}

func TestNewWithoutConfig(t *testing.T) {
	_, err := scaffold.New(scaffold.Options{Source: t.TempDir(), Tier: 2, ID: "ISMS-P-001", Title: "x", Today: today})
	var cfgErr *scaffold.ConfigError
	if !errors.As(err, &cfgErr) || !strings.Contains(cfgErr.Diagnostics[0].String(), "isms.toml") {
		t.Errorf("%v", err)
	}
}
