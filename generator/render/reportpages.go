package render

import (
	"ismsgen/generator/model"
	"ismsgen/generator/reports"
)

// reportPages lists the document-control report pages (approvals, reviews,
// distribution, owners, training). Their data is computed by reports; the
// views here only add what the layouts need to format it.
func (r *renderer) reportPages() []sitePage {
	s, data := r.in.Strings, r.in.Reports
	pages := []sitePage{
		{"approvals.html", r.page("approvals/", s.T("approvals.title"), "approvals", &data.Approvals), nil},
		{"reviews.html", r.page("reviews/", s.T("reviews.title"), "reviews", nil), func() any { return r.reviews() }},
		{"distribution.html", r.page("distribution/", s.T("distribution.title"), "distribution", data), nil},
		{"training.html", r.page("training/", s.T("training.title"), "training", nil), func() any { return r.training() }},
	}
	for i := range data.Distribution {
		dd := &data.Distribution[i]
		pages = append(pages, sitePage{"distribution-dept.html",
			r.page("distribution/"+dd.Dept.ID+"/", s.T("distribution.dept_title", dd.Dept.Name), "distribution", dd), nil})
	}
	for i := range data.Owners {
		o := &data.Owners[i]
		pages = append(pages, sitePage{"owner.html", r.page("owners/"+o.Dept.ID+"/", s.T("owner.title", o.Dept.Name), "reviews", o), nil})
	}
	return pages
}

// ReviewsView is the data of the review report.
type ReviewsView struct {
	Overdue, DueSoon, Missing []reports.Review
	OK                        int
	Totals                    []reports.ReviewTotals
}

func (r *renderer) reviews() *ReviewsView {
	d := r.in.Reports
	return &ReviewsView{
		Overdue: d.InState(reports.Overdue), DueSoon: d.InState(reports.DueSoon), Missing: d.InState(reports.Missing),
		OK: d.Counts()[reports.OK], Totals: d.OwnerTotals,
	}
}

// TrainingView is the data of the training page.
type TrainingView struct {
	Docs  []TrainingDoc
	Depts []reports.DeptTraining
}

// TrainingDoc is a document with its training and acknowledgement link.
type TrainingDoc struct {
	Doc    *model.Document
	AckURL string
}

func (r *renderer) training() *TrainingView {
	t := r.in.Reports.Training
	v := &TrainingView{Depts: t.Depts}
	for _, d := range t.Docs {
		v.Docs = append(v.Docs, TrainingDoc{Doc: d, AckURL: ackURL(r.in.Site.Config.AckURL, d)})
	}
	return v
}

// Rows is the argument of the report-* table partials: the way back to
// the site root, which kind of table, and its rows.
type Rows struct {
	Rel  string
	Kind string
	Rows any
}

func rows(rel, kind string, list any) Rows { return Rows{Rel: rel, Kind: kind, Rows: list} }
