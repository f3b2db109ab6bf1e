package render

import (
	"slices"

	"ismsgen/generator/model"
	"ismsgen/generator/reports"
)

// recordPages lists the pages of the ISMS's own loop: the records list,
// the external documents, the actions and the management-review input
// pack. Their data is computed by reports.
func (r *renderer) recordPages() []sitePage {
	s := r.in.Strings
	return []sitePage{
		{"records.html", r.page("records/", s.T("records.title"), "register", nil), func() any { return r.records() }},
		{"external.html", r.page("external/", s.T("external.title"), "register", r.in.Reports.External), nil},
		{"actions.html", r.page("actions/", s.T("actions.title"), "actions", nil), func() any { return r.actions() }},
		{"management-review.html", r.page("management-review/", s.T("mr.title"), "management-review", nil), func() any { return r.managementReview() }},
	}
}

// RecordsView is the data of the records list.
type RecordsView struct {
	PastDisposal, DisposalDue, Kept, Permanent, NoRetention []reports.Record
}

func (r *renderer) records() *RecordsView {
	d := r.in.Reports
	return &RecordsView{
		PastDisposal: d.RecordsIn(reports.PastDisposal), DisposalDue: d.RecordsIn(reports.DisposalDue),
		Kept: d.RecordsIn(reports.Kept), Permanent: d.RecordsIn(reports.Permanent), NoRetention: d.RecordsIn(reports.NoRetention),
	}
}

// ActionsView is the data of the actions list.
type ActionsView struct {
	Open    []reports.Action // overdue and open, by due date
	Closed  []reports.Action // the most recently closed first
	Counts  reports.ActionCounts
	Owners  []OwnerActions // the departments that own an action, in isms.toml order
	Sources []string       // the sources the actions have, in model.ActionSources order
}

// OwnerActions is one department's line in the actions list's summary.
type OwnerActions struct {
	Dept   model.Department
	Counts reports.ActionCounts
}

func (r *renderer) actions() *ActionsView {
	d := r.in.Reports
	v := &ActionsView{}
	for _, a := range d.Actions {
		if a.IsOpen() {
			v.Open = append(v.Open, a)
		} else {
			v.Closed = append(v.Closed, a)
		}
	}
	v.Counts = reports.ActionCounts{Overdue: len(d.ActionsIn(reports.ActionOverdue)), Open: len(d.ActionsIn(reports.ActionOpen)), Closed: len(v.Closed)}
	for _, o := range d.Owners {
		if len(o.Actions) > 0 {
			v.Owners = append(v.Owners, OwnerActions{Dept: o.Dept, Counts: o.ActionCounts()})
		}
	}
	for _, s := range model.ActionSources {
		if slices.ContainsFunc(d.Actions, func(a reports.Action) bool { return a.Source == s }) {
			v.Sources = append(v.Sources, s)
		}
	}
	return v
}

// ManagementReviewView is the data of the management-review input pack.
type ManagementReviewView struct {
	*reports.ManagementReview
	Reviews  ReviewCounts            // the review report's counts
	Coverage reports.CoverageFigures // the SoA's figures
	Missing  []string                // the items without any source
}

func (r *renderer) managementReview() *ManagementReviewView {
	d := r.in.Reports
	c := d.Counts()
	v := &ManagementReviewView{ManagementReview: &d.ManagementReview, Reviews: ReviewCounts{c[reports.Overdue], c[reports.DueSoon], c[reports.Missing], c[reports.OK]}}
	if d.Controls != nil {
		v.Coverage = d.Controls.Figures
	}
	for _, in := range d.ManagementReview.Inputs {
		if in.Missing() {
			v.Missing = append(v.Missing, in.Item)
		}
	}
	return v
}

// ReviewCounts are the review report's counts by state.
type ReviewCounts struct{ Overdue, DueSoon, Missing, OK int }

// recordActions are the actions a record raises, with their state, for
// its page. They are made from the record alone (its documents are shown
// on the actions list), so that the page changes only with its own file.
func recordActions(site *model.Site, d *model.Document) []reports.Action {
	var out []reports.Action
	for i := range d.Actions {
		a := reports.ActionOf(site, d, &d.Actions[i])
		a.Docs, a.Proof, a.ProofURL, a.ProofText = nil, nil, "", ""
		out = append(out, a)
	}
	return out
}
