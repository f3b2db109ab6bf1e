package render

import (
	"strings"

	"ismsgen/generator/catalog"
	"ismsgen/generator/model"
	"ismsgen/generator/reports"
)

// controlPages lists the Annex A pages (controls/ and one page per
// control), the Statement of Applicability (soa/) and the clauses page
// (clauses/). Their data is reports.Coverage; the views here add the
// titles in the interface language and the links.
func (r *renderer) controlPages() []sitePage {
	s, cov := r.in.Strings, r.in.Reports.Controls
	rows := r.controlRows(cov)
	soa := r.soaView(cov, rows)
	soaPage := r.report("soa/", s.T("soa.title"), "soa", soa)
	if soa.Doc != nil { // a printed SoA is a copy of that controlled document
		soaPage.PrintStyle, soaPage.PrintStyleHash = r.printStyle(soa.Doc)
	}
	pages := []sitePage{
		{"controls.html", r.report("controls/", s.T("controls.title"), "controls", r.controlsView(cov, rows)), nil},
		{"soa.html", soaPage, nil},
		{"clauses.html", r.report("clauses/", s.T("clauses.title"), "controls", nil), func() any { return r.clausesView(cov) }},
	}
	for i := range rows {
		title := s.T("control.title", rows[i].Control.ID, rows[i].Title)
		v := &ControlView{ControlRow: rows[i], SoA: cov.SoA}
		v.Docs = r.newList(rows[i].URL, title, "docs", title, colsControl, r.entryRows(rows[i].Docs))
		v.Docs.Single, v.Docs.Cache = true, true // a document implements several controls
		if i > 0 {
			v.Prev = &rows[i-1]
		}
		if i+1 < len(rows) {
			v.Next = &rows[i+1]
		}
		pages = append(pages, sitePage{"control.html", r.report(rows[i].URL, title, "controls", v), nil})
	}
	return pages
}

// ControlRow is one control as the pages show it.
type ControlRow struct {
	reports.ControlCoverage
	Title   string // in the interface language
	Alt     string // in the other language
	AltLang string // the other language's code, for the lang attribute
	URL     string // "controls/5.35/"
}

// ThemeRows is the controls of one theme.
type ThemeRows struct {
	Theme  catalog.Theme
	Number int // 5 to 8
	Rows   []ControlRow
}

// ControlsView is the data of controls/.
type ControlsView struct {
	SoA                            *model.Document // nil when none is published
	Figures                        reports.CoverageFigures
	Themes                         []ThemeRows
	Gaps, Inconsistent, Unassessed []ControlRow
	Missing                        []RequirementRow // documented information no document provides
}

// ControlView is the data of controls/<id>/.
type ControlView struct {
	ControlRow
	SoA        *model.Document
	Docs       *List       // implementing documents with their reviews
	Prev, Next *ControlRow // neighbours in catalogue order; nil at the ends
}

func (v *ControlView) lists() []*List { return []*List{v.Docs} }

// SoAView is the data of soa/: the SoA in use, as a controlled document.
type SoAView struct {
	Doc        *model.Document // nil when none is published
	Review     *reports.Review
	Banner     string // as on a document page (see banner)
	Figures    reports.CoverageFigures
	Themes     []ThemeRows
	Unassessed []ControlRow
}

// ClausesView is the data of clauses/.
type ClausesView struct {
	Figures      reports.CoverageFigures
	Requirements []RequirementRow
	Clauses      []ClauseRow
	all          []*List // the documents of the rows that show only the first of them
}

func (v *ClausesView) lists() []*List { return v.all }

// RequirementRow is one item of mandatory documented information.
type RequirementRow struct {
	reports.RequirementCoverage
	Label      string // "6.1.3 d)"
	Title, Alt string
	AltLang    string
	DocsHref   string // where all its documents are, when the row shows only the first
}

// ClauseRow is one clause with the documents that list it.
type ClauseRow struct {
	reports.ClauseCoverage
	Title, Alt string
	AltLang    string
	Top        bool   // a top-level clause (4 … 10)
	DocsHref   string // where all its documents are, when the row shows only the first
}

func (r *renderer) altLang() string {
	if r.in.Site.Config.IsChinese() {
		return "en"
	}
	return "zh-CN"
}

func (r *renderer) titles(en, zh string) (title, alt string) {
	if r.in.Site.Config.IsChinese() {
		return zh, en
	}
	return en, zh
}

func (r *renderer) controlRows(cov *reports.Coverage) []ControlRow {
	rows := make([]ControlRow, len(cov.Controls))
	for i, c := range cov.Controls {
		title, alt := reports.ControlTitles(r.in.Site.Config, c.Control)
		rows[i] = ControlRow{ControlCoverage: c, Title: title, Alt: alt, AltLang: r.altLang(), URL: "controls/" + c.Control.ID + "/"}
	}
	return rows
}

func byTheme(rows []ControlRow) []ThemeRows {
	var out []ThemeRows
	for _, t := range catalog.Themes() {
		g := ThemeRows{Theme: t, Number: t.Number()}
		for _, row := range rows {
			if row.Control.Theme == t {
				g.Rows = append(g.Rows, row)
			}
		}
		out = append(out, g)
	}
	return out
}

func (r *renderer) controlsView(cov *reports.Coverage, rows []ControlRow) *ControlsView {
	v := &ControlsView{SoA: cov.SoA, Figures: cov.Figures, Themes: byTheme(rows)}
	for _, row := range rows {
		switch {
		case row.Gap():
			v.Gaps = append(v.Gaps, row)
		case row.Inconsistent():
			v.Inconsistent = append(v.Inconsistent, row)
		case row.State == reports.NotAssessed:
			v.Unassessed = append(v.Unassessed, row)
		}
	}
	for _, req := range r.requirementRows(cov) {
		if req.Missing() {
			v.Missing = append(v.Missing, req)
		}
	}
	return v
}

func (r *renderer) soaView(cov *reports.Coverage, rows []ControlRow) *SoAView {
	v := &SoAView{Doc: cov.SoA, Figures: cov.Figures, Themes: byTheme(rows)}
	if v.Doc != nil {
		v.Review = r.in.Reports.ReviewOf(v.Doc)
		v.Banner = banner(v.Doc, v.Review, r.in.Site.Now)
		for _, row := range rows {
			if row.State == reports.NotAssessed {
				v.Unassessed = append(v.Unassessed, row)
			}
		}
	}
	return v
}

func (r *renderer) requirementRows(cov *reports.Coverage) []RequirementRow {
	out := make([]RequirementRow, len(cov.Requirements))
	for i, req := range cov.Requirements {
		title, alt := r.titles(req.Requirement.Title, req.Requirement.TitleZH)
		out[i] = RequirementRow{RequirementCoverage: req, Label: reports.RequirementLabel(req.Requirement.Key), Title: title, Alt: alt, AltLang: r.altLang()}
	}
	return out
}

func (r *renderer) clausesView(cov *reports.Coverage) *ClausesView {
	s := r.in.Strings
	v := &ClausesView{Figures: cov.Figures, Requirements: r.requirementRows(cov)}
	// all lists the documents of a row that shows only the first of them.
	all := func(id, title string, docs []*model.Document) string {
		if len(docs) <= cellDocs {
			return ""
		}
		l := r.newList("clauses/", s.T("clauses.title"), id, title, colsControl, r.entryRows(docs))
		l.Own, l.Cache = true, true
		v.all = append(v.all, l)
		return "clauses/" + l.PageFile(1)
	}
	for i := range v.Requirements {
		req := &v.Requirements[i]
		req.DocsHref = all("req-"+req.Requirement.Key, req.Label+" "+req.Title, req.Docs)
	}
	for _, c := range cov.Clauses {
		title, alt := r.titles(c.Clause.Title, c.Clause.TitleZH)
		row := ClauseRow{ClauseCoverage: c, Title: title, Alt: alt, AltLang: r.altLang(), Top: !strings.Contains(c.Clause.ID, ".")}
		row.DocsHref = all("clause-"+c.Clause.ID, c.Clause.ID+" "+title, c.Docs)
		v.Clauses = append(v.Clauses, row)
	}
	return v
}

// catalogTitle is the template function "catalogTitle": the title, in
// the interface language, of an Annex A control (kind "control") or a
// clause (kind "clause"); "" for an unknown id.
func catalogTitle(cfg *model.Config) func(kind, id string) string {
	return func(kind, id string) string {
		if kind == "control" {
			if c, ok := catalog.Lookup(id); ok {
				title, _ := reports.ControlTitles(cfg, c)
				return title
			}
			return ""
		}
		for _, c := range catalog.Clauses() {
			if c.ID == id {
				if cfg.IsChinese() {
					return c.TitleZH
				}
				return c.Title
			}
		}
		return ""
	}
}
