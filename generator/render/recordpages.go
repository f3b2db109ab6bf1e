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
		{"records.html", r.report("records/", s.T("records.title"), "register", nil), func() any { return r.records() }},
		{"external.html", r.report("external/", s.T("external.title"), "register", r.in.Reports.External), nil},
		{"actions.html", r.report("actions/", s.T("actions.title"), "actions", nil), func() any { return r.actions() }},
		{"management-review.html", r.report("management-review/", s.T("mr.title"), "management-review", nil), func() any { return r.managementReview() }},
	}
}

// RecordsView is the data of the records list.
type RecordsView struct {
	PastDisposal, DisposalDue, Kept, Permanent, NoRetention *List
}

func (v *RecordsView) lists() []*List {
	return []*List{v.PastDisposal, v.DisposalDue, v.Kept, v.Permanent, v.NoRetention}
}

func recordRows(rs []reports.Record) []ListRow {
	rows := make([]ListRow, len(rs))
	for i := range rs {
		rows[i] = ListRow{Doc: rs[i].Doc, Record: &rs[i]}
	}
	return rows
}

func (r *renderer) records() *RecordsView {
	s, d := r.in.Strings, r.in.Reports
	host, title := "records/", s.T("records.title")
	list := func(id, heading, cols string, state reports.RecordState) *List {
		return r.newList(host, title, id, heading, cols, recordRows(d.RecordsIn(state)))
	}
	return &RecordsView{
		PastDisposal: list("past-disposal", s.T("records.state.past_disposal"), colsPast, reports.PastDisposal),
		DisposalDue:  list("disposal-due", s.T("records.due_within", r.in.Site.Config.DueSoonDays), colsKept, reports.DisposalDue),
		Kept:         list("kept", s.T("records.state.kept"), colsKept, reports.Kept),
		Permanent:    list("permanent", s.T("records.state.permanent"), colsRecords, reports.Permanent),
		NoRetention:  list("no-retention", s.T("records.state.no_retention"), colsRecords, reports.NoRetention),
	}
}

// ActionsView is the data of the actions list.
type ActionsView struct {
	Open    *List // overdue and open, by due date
	Closed  *List // the most recently closed first
	Counts  reports.ActionCounts
	Owners  []OwnerActions // the departments that own an action, in isms.toml order
	Sources []string       // the sources the actions have, in model.ActionSources order
}

// OwnerActions is one department's line in the actions list's summary.
type OwnerActions struct {
	Dept   model.Department
	Counts reports.ActionCounts
}

func (v *ActionsView) lists() []*List { return []*List{v.Open, v.Closed} }

// actionLists splits the actions into the open and the closed, as the
// actions list shows them.
func actionLists(all []reports.Action) (open, closed []ListRow) {
	for i := range all {
		a := &all[i]
		if a.IsOpen() {
			open = append(open, ListRow{Doc: a.Record, Action: a})
		} else {
			closed = append(closed, ListRow{Doc: a.Record, Action: a})
		}
	}
	return open, closed
}

// actionPage is the template function "actionPage": the page of the
// actions list that shows an action ("" for the first, "open-3.html"),
// for a link to its row.
func (r *renderer) actionPage(action any) string {
	var a *reports.Action
	switch v := action.(type) {
	case reports.Action:
		a = &v
	case *reports.Action:
		a = v
	default:
		return ""
	}
	r.actionPagesOnce.Do(func() {
		r.actionPages = map[string]string{}
		open, closed := actionLists(r.in.Reports.Actions)
		for _, l := range []struct {
			id   string
			rows []ListRow
		}{{"open", open}, {"closed", closed}} {
			for i, row := range l.rows {
				if k := i/PageSize + 1; k > 1 {
					r.actionPages[row.Action.Anchor()] = (&List{ID: l.id}).PageFile(k)
				}
			}
		}
	})
	return r.actionPages[a.Anchor()]
}

func (r *renderer) actions() *ActionsView {
	s, d := r.in.Strings, r.in.Reports
	v := &ActionsView{}
	open, closed := actionLists(d.Actions)
	host, title := "actions/", s.T("actions.title")
	v.Open = r.newList(host, title, "open", s.T("actions.open"), colsOpen, open)
	v.Closed = r.newList(host, title, "closed", s.T("actions.closed"), colsClosed, closed)
	v.Counts = reports.ActionCounts{Overdue: len(d.ActionsIn(reports.ActionOverdue)), Open: len(d.ActionsIn(reports.ActionOpen)), Closed: len(closed)}
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
	Inputs   []MRInput               // each input with the first sources of each part
	all      []*List                 // all the documents of the parts that show only the first
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
		mi := MRInput{ReviewInput: in}
		for _, p := range in.Parts {
			mi.Parts = append(mi.Parts, r.mrPart(v, in.Item, p))
		}
		v.Inputs = append(v.Inputs, mi)
	}
	return v
}

func (v *ManagementReviewView) lists() []*List { return v.all }

// MRInput is one input of the management review as its page shows it.
type MRInput struct {
	reports.ReviewInput
	Parts []MRPart
}

// MRPart is a part of an input: its first sources, and where the others are.
type MRPart struct {
	Key     string
	Sources []reports.InputSource
	More    int    // sources left out
	All     string // the page of all of them, relative to the site root
}

// mrSources is the most sources a part of an input shows on the page.
const mrSources = 20

// mrPart makes a part of input item: a long part of documents shows its
// first and links to a list of all; a long part of actions to the
// actions list.
func (r *renderer) mrPart(v *ManagementReviewView, item string, p reports.InputPart) MRPart {
	n := min(len(p.Sources), mrSources)
	mp := MRPart{Key: p.Key, Sources: p.Sources[:n], More: len(p.Sources) - n}
	if mp.More == 0 {
		return mp
	}
	var rows []ListRow
	for i := range p.Sources {
		if s := &p.Sources[i]; s.Doc != nil && s.Action == nil {
			rows = append(rows, ListRow{Doc: s.Doc, Source: s})
		}
	}
	if len(rows) < len(p.Sources) {
		mp.All = "actions/"
		return mp
	}
	s := r.in.Strings
	l := r.newList("management-review/", s.T("mr.title"), item+"-"+p.Key, s.T("mr.part."+p.Key), colsSources, rows)
	l.Own = true
	v.all = append(v.all, l)
	mp.All = "management-review/" + l.PageFile(1)
	return mp
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
