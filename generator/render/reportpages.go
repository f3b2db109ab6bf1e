package render

import (
	"ismsgen/generator/model"
	"ismsgen/generator/reports"
)

// reportPages lists the document-control report pages (approvals, reviews,
// distribution, owners, training). Their data is computed by reports; the
// views here make their long tables Lists and add what the layouts need
// to format them.
func (r *renderer) reportPages() []sitePage {
	s, data := r.in.Strings, r.in.Reports
	pages := []sitePage{
		{"approvals.html", r.report("approvals/", s.T("approvals.title"), "approvals", nil), func() any { return r.approvals() }},
		{"reviews.html", r.report("reviews/", s.T("reviews.title"), "reviews", nil), func() any { return r.reviews() }},
		{"distribution.html", r.report("distribution/", s.T("distribution.title"), "distribution", nil), func() any { return r.distribution() }},
		{"training.html", r.report("training/", s.T("training.title"), "training", nil), func() any { return r.training() }},
	}
	for i := range data.Distribution {
		dd := &data.Distribution[i]
		pages = append(pages, sitePage{"distribution-dept.html",
			r.report("distribution/"+dd.Dept.ID+"/", s.T("distribution.dept_title", dd.Dept.Name), "distribution", nil),
			func() any { return r.deptDistribution(dd) }},
			sitePage{"distribution-withdrawn.html",
				r.report("distribution/"+dd.Dept.ID+"/withdrawn/", s.T("distribution.withdrawn_title", dd.Dept.Name), "distribution", nil),
				func() any { return r.deptWithdrawn(dd) }})
	}
	for i := range data.Owners {
		o := &data.Owners[i]
		pages = append(pages, sitePage{"owner.html", r.report("owners/"+o.Dept.ID+"/", s.T("owner.title", o.Dept.Name), "reviews", nil),
			func() any { return r.owner(o) }})
	}
	return pages
}

// docRows makes the rows of documents without reviews.
func docRows(docs []*model.Document) []ListRow {
	rows := make([]ListRow, len(docs))
	for i, d := range docs {
		rows[i] = ListRow{Doc: d}
	}
	return rows
}

func reviewRows(rvs []reports.Review) []ListRow {
	rows := make([]ListRow, len(rvs))
	for i := range rvs {
		rows[i] = ListRow{Doc: rvs[i].Doc, Review: &rvs[i]}
	}
	return rows
}

func entryRows(es []reports.Entry) []ListRow {
	rows := make([]ListRow, len(es))
	for i, e := range es {
		rows[i] = ListRow{Doc: e.Doc, Review: e.Review}
	}
	return rows
}

func pendingRows(ps []reports.Pending) []ListRow {
	rows := make([]ListRow, len(ps))
	for i := range ps {
		rows[i] = ListRow{Doc: ps[i].Doc, Pending: &ps[i]}
	}
	return rows
}

func withdrawalRows(ws []reports.Withdrawal) []ListRow {
	rows := make([]ListRow, len(ws))
	for i := range ws {
		rows[i] = ListRow{Doc: ws[i].Doc, Withdrawal: &ws[i]}
	}
	return rows
}

// ApprovalsView is the data of the approval status page.
type ApprovalsView struct {
	Pending, Drafts, NotEffective, InForce, Obsolete *List
}

func (v *ApprovalsView) lists() []*List {
	return []*List{v.Pending, v.Drafts, v.NotEffective, v.InForce, v.Obsolete}
}

func (r *renderer) approvals() *ApprovalsView {
	s, a := r.in.Strings, &r.in.Reports.Approvals
	host, title := "approvals/", s.T("approvals.title")
	return &ApprovalsView{
		Pending:      r.newList(host, title, "pending", s.T("approvals.pending"), colsPending, pendingRows(a.Pending)),
		Drafts:       r.newList(host, title, "drafts", s.T("approvals.drafts"), colsDrafts, docRows(a.Drafts)),
		NotEffective: r.newList(host, title, "not-effective", s.T("approvals.not_effective"), colsEffective, docRows(a.NotEffective)),
		InForce:      r.newList(host, title, "in-force", s.T("approvals.in_force"), colsEntries, entryRows(a.InForce)),
		Obsolete:     r.newList(host, title, "obsolete", s.T("approvals.obsolete"), colsWithdrawn, withdrawalRows(a.Obsolete)),
	}
}

// ReviewsView is the data of the review report.
type ReviewsView struct {
	Overdue, DueSoon, Missing *List
	OK                        int
	Totals                    []reports.ReviewTotals
}

func (v *ReviewsView) lists() []*List { return []*List{v.Overdue, v.DueSoon, v.Missing} }

func (r *renderer) reviews() *ReviewsView {
	s, d := r.in.Strings, r.in.Reports
	host, title := "reviews/", s.T("reviews.title")
	return &ReviewsView{
		Overdue: r.newList(host, title, "overdue", s.T("reviews.overdue"), colsOverdue, reviewRows(d.InState(reports.Overdue))),
		DueSoon: r.newList(host, title, "due-soon", s.T("reviews.due_soon", r.in.Site.Config.DueSoonDays), colsDueSoon,
			reviewRows(d.InState(reports.DueSoon))),
		Missing: r.newList(host, title, "missing", s.T("reviews.missing"), colsMissing, reviewRows(d.InState(reports.Missing))),
		OK:      d.Counts()[reports.OK], Totals: d.OwnerTotals,
	}
}

// DistributionView is the data of distribution/.
type DistributionView struct {
	Distribution []reports.DeptDistribution
	Withdrawn    *List
}

func (v *DistributionView) lists() []*List { return []*List{v.Withdrawn} }

func (r *renderer) distribution() *DistributionView {
	s, d := r.in.Strings, r.in.Reports
	return &DistributionView{Distribution: d.Distribution,
		Withdrawn: r.newList("distribution/", s.T("distribution.title"), "withdrawn", s.T("distribution.all_withdrawn"), colsWithdrawn, withdrawalRows(d.Withdrawn))}
}

// DeptDistributionView is the data of distribution/<dept>/.
type DeptDistributionView struct {
	Dept                         model.Department
	Current, Upcoming, Withdrawn *List // Withdrawn: the recent withdrawals (recent_withdrawals)
	All                          int   // every withdrawal, on distribution/<dept>/withdrawn/
}

func (v *DeptDistributionView) lists() []*List { return []*List{v.Current, v.Upcoming, v.Withdrawn} }

func (r *renderer) deptDistribution(dd *reports.DeptDistribution) *DeptDistributionView {
	s := r.in.Strings
	host, title := "distribution/"+dd.Dept.ID+"/", s.T("distribution.dept_title", dd.Dept.Name)
	var current []*model.Document
	for _, t := range dd.Tiers {
		current = append(current, t.Docs...)
	}
	v := &DeptDistributionView{Dept: dd.Dept,
		Current:   r.newList(host, title, "current", s.T("distribution.current"), colsIssue, docRows(current)),
		Upcoming:  r.newList(host, title, "upcoming", s.T("distribution.upcoming"), colsIssue, docRows(dd.Upcoming)),
		Withdrawn: r.newList(host, title, "withdrawn", s.T("distribution.withdrawn"), colsWithdrawn, withdrawalRows(dd.Recent)),
		All:       len(dd.Withdrawn),
	}
	for _, l := range v.lists() {
		l.Cache = true // every department lists the documents distributed to all staff
	}
	return v
}

// DeptWithdrawnView is the data of distribution/<dept>/withdrawn/: every
// withdrawal, where the department's page lists the recent ones.
type DeptWithdrawnView struct {
	Dept      model.Department
	Withdrawn *List
}

func (v *DeptWithdrawnView) lists() []*List { return []*List{v.Withdrawn} }

func (r *renderer) deptWithdrawn(dd *reports.DeptDistribution) *DeptWithdrawnView {
	s := r.in.Strings
	host, title := "distribution/"+dd.Dept.ID+"/withdrawn/", s.T("distribution.withdrawn_title", dd.Dept.Name)
	v := &DeptWithdrawnView{Dept: dd.Dept,
		Withdrawn: r.newList(host, title, "withdrawn", s.T("distribution.withdrawn"), colsWithdrawn, withdrawalRows(dd.Withdrawn))}
	v.Withdrawn.Cache = true
	return v
}

// OwnerView is the data of owners/<dept>/.
type OwnerView struct {
	Dept                         model.Department
	Totals                       reports.ReviewTotals
	HasCalendar                  bool
	ToDo, Pending, Drafts, Owned *List

	Actions                    []reports.Action // the actions it owns
	OpenActions, ClosedActions []reports.Action
	ActionCounts               reports.ActionCounts
}

func (v *OwnerView) lists() []*List { return []*List{v.ToDo, v.Pending, v.Drafts, v.Owned} }

func (r *renderer) owner(o *reports.Owner) *OwnerView {
	s := r.in.Strings
	host, title := "owners/"+o.Dept.ID+"/", s.T("owner.title", o.Dept.Name)
	return &OwnerView{Dept: o.Dept, Totals: o.Totals, HasCalendar: o.HasCalendar(),
		Actions: o.Actions, OpenActions: o.OpenActions(), ClosedActions: o.ClosedActions(), ActionCounts: o.ActionCounts(),
		ToDo:    r.newList(host, title, "todo", s.T("owner.todo"), colsToDo, reviewRows(o.ToDo)),
		Pending: r.newList(host, title, "pending", s.T("approvals.pending"), colsPending, pendingRows(o.Pending)),
		Drafts:  r.newList(host, title, "drafts", s.T("approvals.drafts"), colsDrafts, docRows(o.Drafts)),
		Owned:   r.newList(host, title, "owned", s.T("owner.owned"), colsEntries, entryRows(o.Owned)),
	}
}

// TrainingView is the data of the training page.
type TrainingView struct {
	Docs    *List
	Courses *List // of CourseDocs
}

func (v *TrainingView) lists() []*List { return []*List{v.Courses, v.Docs} }

// CourseDocs is a course, the first of its documents (the training
// list has them all) and the departments that take it.
type CourseDocs struct {
	Title, URL string
	Docs       []*model.Document
	More       int // documents left out
	Depts      []model.Department
	AllStaff   bool
}

// courseDocs is the most documents a course shows on the training page:
// the list by document has them all.
const courseDocs = 5

func (r *renderer) training() *TrainingView {
	s, t := r.in.Strings, r.in.Reports.Training
	rows := make([]ListRow, len(t.Docs))
	for i, d := range t.Docs {
		rows[i] = ListRow{Doc: d, AckURL: ackURL(r.in.Site.Config.AckURL, d)}
	}
	title := s.T("training.title")
	v := &TrainingView{Docs: r.newList("training/", title, "by-document", s.T("training.by_doc"), colsTraining, rows)}
	courses := make([]CourseDocs, len(t.Courses))
	crows := make([]ListRow, len(t.Courses))
	for i, c := range t.Courses {
		n := min(len(c.Docs), courseDocs)
		courses[i] = CourseDocs{Title: c.Title, URL: c.URL, Docs: c.Docs[:n], More: len(c.Docs) - n, Depts: c.Depts, AllStaff: c.AllStaff}
		crows[i] = ListRow{Course: &courses[i]}
	}
	v.Courses = r.newList("training/", title, "courses", s.T("training.by_course"), colsCourses, crows)
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
