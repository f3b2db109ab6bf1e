package reports

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"ismsgen"
	"ismsgen/generator/diag"
	"ismsgen/generator/i18n"
	"ismsgen/generator/model"
)

// covDoc is an approved procedure, effective 2026-01-01, listing controls.
func covDoc(t *testing.T, id string, controls ...string) *model.Document {
	t.Helper()
	return &model.Document{
		ID: id, Title: "Title " + id, Tier: 2, Type: model.TypeProcedure, Version: "1.0", Status: model.StatusApproved,
		Approved: date(t, "2026-01-01"), Effective: date(t, "2026-01-01"), Owners: []string{"isd"},
		Controls: controls, Path: "content/" + strings.ToLower(id) + ".md",
		Lines: model.KeyLinesOf(map[string]int{"type": 5, "controls": 12}),
	}
}

// covSoA is an approved SoA with entries "5.1" (applicable) or "-8.30"
// (excluded, with a justification), at lines 20, 25, 30, ….
func covSoA(t *testing.T, id string, entries ...string) *model.Document {
	t.Helper()
	d := covDoc(t, id)
	d.Type, d.Tier = model.TypeSoA, 1
	d.Lines = model.KeyLinesOf(map[string]int{"type": 5, "controls": 12, "applicability": 20})
	for i, e := range entries {
		ctl, excluded := strings.CutPrefix(e, "-")
		a := model.Applicability{Control: ctl, Applicable: !excluded, Line: 20 + 5*i}
		if excluded {
			a.Justification = "not relevant"
		}
		d.Applicability = append(d.Applicability, a)
	}
	return d
}

func covSite(t *testing.T, docs ...*model.Document) *model.Site {
	t.Helper()
	cfg := &model.Config{Title: "T", Language: "en", Departments: []model.Department{{ID: "isd", Name: "Security"}}}
	return model.NewSite(cfg, date(t, "2026-11-25"), true, docs)
}

func supersedes(newer, older *model.Document) {
	newer.Graph.Supersedes = append(newer.Graph.Supersedes, older)
	older.Graph.SupersededBy = append(older.Graph.SupersededBy, newer)
}

// figures writes the control figures compactly.
func figures(f CoverageFigures) string {
	return fmt.Sprintf("applicable=%d implemented=%d gaps=%d inconsistent=%d excluded=%d unassessed=%d",
		f.Applicable, f.Implemented, f.Gaps, f.Inconsistent, f.Excluded, f.NotAssessed)
}

// soaWarnings lists the warnings about controls as "file:line code".
func soaWarnings(l diag.List) string {
	var out []string
	l.Sort()
	for _, d := range l {
		if strings.HasPrefix(d.Code, "soa-") {
			out = append(out, fmt.Sprintf("%s:%d %s", d.File, d.Line, d.Code))
		}
	}
	return strings.Join(out, ", ")
}

func TestCoverage(t *testing.T) {
	for _, tc := range []struct {
		name     string
		site     func() *model.Site
		soa      string // id of the SoA in use
		figures  string
		warnings string
		check    func(t *testing.T, c *Coverage)
	}{
		{
			name:     "gap",
			site:     func() *model.Site { return covSite(t, covSoA(t, "SOA", "5.1", "5.2"), covDoc(t, "P-1", "5.2")) },
			soa:      "SOA",
			figures:  "applicable=2 implemented=1 gaps=1 inconsistent=0 excluded=0 unassessed=91",
			warnings: "content/soa.md:20 soa-gap, content/soa.md:20 soa-unassessed",
			check: func(t *testing.T, c *Coverage) {
				check(t, "gaps", controlIDs(c.Gaps()), "5.1")
				cc, _ := c.Control("5.2")
				check(t, "5.2 docs", docIDs(cc.Docs), "P-1")
			},
		},
		{
			name: "inconsistency: a document claims an excluded control",
			site: func() *model.Site {
				return covSite(t, covSoA(t, "SOA", "5.1", "-8.30"), covDoc(t, "P-1", "5.1", "8.30"), covDoc(t, "P-2", "8.30"))
			},
			soa:      "SOA",
			figures:  "applicable=1 implemented=1 gaps=0 inconsistent=1 excluded=1 unassessed=91",
			warnings: "content/p-1.md:12 soa-excluded-control, content/p-2.md:12 soa-excluded-control, content/soa.md:20 soa-unassessed",
			check: func(t *testing.T, c *Coverage) {
				check(t, "inconsistent", controlIDs(c.Inconsistencies()), "8.30")
			},
		},
		{
			name: "an excluded control nobody claims is fine",
			site: func() *model.Site {
				return covSite(t, covSoA(t, "SOA", "-7.6"))
			},
			soa:      "SOA",
			figures:  "applicable=0 implemented=0 gaps=0 inconsistent=0 excluded=1 unassessed=92",
			warnings: "content/soa.md:20 soa-unassessed",
		},
		{
			name:     "not assessed: an SoA without entries",
			site:     func() *model.Site { return covSite(t, covSoA(t, "SOA"), covDoc(t, "P-1", "5.1")) },
			soa:      "SOA",
			figures:  "applicable=0 implemented=0 gaps=0 inconsistent=0 excluded=0 unassessed=93",
			warnings: "content/soa.md:5 soa-unassessed", // at the type line: there is no entry
			check: func(t *testing.T, c *Coverage) {
				cc, _ := c.Control("5.1")
				check(t, "5.1", string(cc.State)+" "+docIDs(cc.Docs), "not_assessed P-1")
			},
		},
		{
			name:     "no SoA",
			site:     func() *model.Site { return covSite(t, covDoc(t, "P-1", "5.1")) },
			figures:  "applicable=0 implemented=0 gaps=0 inconsistent=0 excluded=0 unassessed=93",
			warnings: "content:0 soa-missing",
		},
		{
			name: "superseded SoA ignored",
			site: func() *model.Site {
				old, cur := covSoA(t, "SOA-1", "-5.1"), covSoA(t, "SOA-2", "5.1")
				supersedes(cur, old)
				return covSite(t, old, cur, covDoc(t, "P-1", "5.1"))
			},
			soa:      "SOA-2",
			figures:  "applicable=1 implemented=1 gaps=0 inconsistent=0 excluded=0 unassessed=92",
			warnings: "content/soa-2.md:20 soa-unassessed",
		},
		{
			name: "an SoA replaced by one not yet effective stays in use",
			site: func() *model.Site {
				old, next := covSoA(t, "SOA-1", "-5.1"), covSoA(t, "SOA-2", "5.1")
				next.Effective = date(t, "2027-01-01")
				supersedes(next, old)
				return covSite(t, old, next)
			},
			soa:      "SOA-1",
			figures:  "applicable=0 implemented=0 gaps=0 inconsistent=0 excluded=1 unassessed=92",
			warnings: "content/soa-1.md:20 soa-unassessed",
		},
		{
			name: "an obsolete SoA is not used",
			site: func() *model.Site {
				old := covSoA(t, "SOA-1", "5.1")
				old.Status = model.StatusObsolete
				return covSite(t, old)
			},
			figures:  "applicable=0 implemented=0 gaps=0 inconsistent=0 excluded=0 unassessed=93",
			warnings: "content:0 soa-missing",
		},
		{
			name: "obsolete and replaced documents implement nothing",
			site: func() *model.Site {
				obsolete, replaced, replacing := covDoc(t, "P-1", "5.1"), covDoc(t, "P-2", "5.2"), covDoc(t, "P-3")
				obsolete.Status = model.StatusObsolete
				supersedes(replacing, replaced)
				return covSite(t, covSoA(t, "SOA", "5.1", "5.2"), obsolete, replaced, replacing)
			},
			soa:      "SOA",
			figures:  "applicable=2 implemented=0 gaps=2 inconsistent=0 excluded=0 unassessed=91",
			warnings: "content/soa.md:20 soa-gap, content/soa.md:20 soa-unassessed",
		},
		{
			name: "published drafts count (a --drafts build)",
			site: func() *model.Site {
				draft := covDoc(t, "P-1", "5.1")
				draft.Status, draft.Approved, draft.Effective = model.StatusDraft, model.Date{}, model.Date{}
				return covSite(t, covSoA(t, "SOA", "5.1"), draft)
			},
			soa:      "SOA",
			figures:  "applicable=1 implemented=1 gaps=0 inconsistent=0 excluded=0 unassessed=92",
			warnings: "content/soa.md:20 soa-unassessed",
		},
		{
			name: "an SoA in force is preferred to a draft one",
			site: func() *model.Site {
				draft := covSoA(t, "SOA-2", "5.1")
				draft.Status = model.StatusDraft
				return covSite(t, covSoA(t, "SOA-1", "-5.1"), draft)
			},
			soa:      "SOA-1",
			figures:  "applicable=0 implemented=0 gaps=0 inconsistent=0 excluded=1 unassessed=92",
			warnings: "content/soa-1.md:20 soa-unassessed",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.List
			c := coverage(tc.site(), &diags)
			soa := ""
			if c.SoA != nil {
				soa = c.SoA.ID
			}
			check(t, "SoA", soa, tc.soa)
			check(t, "figures", figures(c.Figures), tc.figures)
			check(t, "warnings", soaWarnings(diags), tc.warnings)
			if len(c.Controls) != 93 || c.Figures.Controls != 93 {
				t.Errorf("%d controls, want 93", len(c.Controls))
			}
			if tc.check != nil {
				tc.check(t, c)
			}
		})
	}
}

func TestCoverageWarningText(t *testing.T) {
	var diags diag.List
	coverage(covSite(t, covSoA(t, "SOA", "5.1", "5.2", "-8.30"), covDoc(t, "P-1", "8.30")), &diags)
	text := map[string]string{}
	for _, d := range diags {
		text[d.Code] = d.Message + " | " + d.Hint
	}
	for code, want := range map[string]string{
		"soa-gap":              "2 controls the Statement of Applicability marks applicable have no published document implementing them: 5.1, 5.2",
		"soa-unassessed":       "does not assess 90 of the 93 Annex A controls: 5.3, 5.4,",
		"soa-excluded-control": "P-1 claims Annex A control 8.30 (Outsourced development), which the Statement of Applicability SOA excludes | remove 8.30 from controls, or, if the document does implement it, mark it applicable in SOA (content/soa.md:30)",
	} {
		if !strings.Contains(text[code], want) {
			t.Errorf("%s: %q does not contain %q", code, text[code], want)
		}
	}
}

func TestRequirementCoverage(t *testing.T) {
	manual := covDoc(t, "M-1")
	manual.Clauses = []string{"4.3", "5.2", "9.2.2"} // a sub-clause fulfils its clause
	obsolete := covDoc(t, "R-1")
	obsolete.Clauses, obsolete.Status = []string{"9.3"}, model.StatusObsolete
	var diags diag.List
	c := coverage(covSite(t, manual, obsolete, covSoA(t, "SOA", "5.1")), &diags)

	var have, gaps []string
	for _, r := range c.Requirements {
		if r.Missing() {
			gaps = append(gaps, r.Requirement.Key)
		} else {
			have = append(have, r.Requirement.Key+"="+docIDs(r.Docs))
		}
	}
	check(t, "fulfilled", strings.Join(have, " "), "4.3=M-1 5.2=M-1 6.1.3d=SOA 9.2=M-1")
	check(t, "figures", fmt.Sprintf("%d/%d missing %d", c.Figures.Fulfilled, c.Figures.Requirements, c.Figures.Missing), fmt.Sprintf("4/%d missing %d", len(c.Requirements), len(c.Requirements)-4))
	var warned []string
	for _, d := range diags {
		if d.Code == "clause-gap" {
			if d.File != ContentDir || d.Line != 0 {
				t.Errorf("clause-gap at %s:%d, want %s:0", d.File, d.Line, ContentDir)
			}
			warned = append(warned, d.Message[strings.Index(d.Message, "27001 ")+6:strings.Index(d.Message, ":")])
		}
	}
	check(t, "clause-gap warnings", strings.Join(warned, " "), strings.Join(gaps, " "))
	for _, cl := range c.Clauses {
		if cl.Clause.ID == "9.2.2" {
			check(t, "clause 9.2.2", docIDs(cl.Docs), "M-1")
		}
	}
}

func TestRequirementLabel(t *testing.T) {
	for in, want := range map[string]string{"6.1.3d": "6.1.3 d)", "9.2": "9.2", "10.2": "10.2"} {
		check(t, in, RequirementLabel(in), want)
	}
}

func TestSoACSV(t *testing.T) {
	soa := covSoA(t, "SOA", "5.1", "-8.30")
	soa.Applicability[0].Justification = "=HYPERLINK(\"x\")"
	soa.Applicability[0].Implementation = "Done, see \"P-1\"\nand P-2"
	site := covSite(t, soa, covDoc(t, "P-1", "5.1"), covDoc(t, "P-2", "5.1"))
	var diags diag.List
	data := &Data{Controls: coverage(site, &diags)}

	for _, lang := range []string{"en", "zh-CN"} {
		strs, err := i18n.Load(ismsgen.I18n(), lang)
		if err != nil {
			t.Fatal(err)
		}
		site.Config.Language = lang
		out := SoACSV(site, data, labels{s: strs, cfg: site.Config})
		body, ok := bytes.CutPrefix(out, []byte(bom))
		if !ok {
			t.Fatalf("%s: no byte-order mark", lang)
		}
		if bytes.Contains(bytes.ReplaceAll(body, []byte("\r\n"), nil), []byte("\n")) {
			t.Errorf("%s: a line ends in LF, not CRLF", lang)
		}
		recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if len(recs) != 94 {
			t.Fatalf("%s: %d records, want a header and 93 rows", lang, len(recs))
		}
		row := map[string][]string{}
		for _, r := range recs[1:] {
			row[r[0]] = r
		}
		switch lang {
		case "en":
			check(t, "en header", strings.Join(recs[0], "|"), "Control|Theme|Control title|Chinese title|Applicability|Justification|Implementation|Implementing documents")
			check(t, "en 5.1", strings.Join(row["5.1"], "|"), "5.1|Organizational controls|Policies for information security|信息安全策略|Applicable|'=HYPERLINK(\"x\")|Done, see \"P-1\"\nand P-2|P-1, P-2")
			check(t, "en 8.30", strings.Join(row["8.30"][4:6], "|"), "Excluded|not relevant")
			check(t, "en 5.2", row["5.2"][4], "Not assessed")
		case "zh-CN":
			check(t, "zh header", strings.Join(recs[0][:5], "|"), "控制编号|主题|控制措施|英文名称|是否适用")
			check(t, "zh 5.1", strings.Join([]string{row["5.1"][1], row["5.1"][2], row["5.1"][3], row["5.1"][4], row["5.1"][7]}, "|"), "组织控制|信息安全策略|Policies for information security|适用|P-1、P-2")
		}
	}
}
