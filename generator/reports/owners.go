package reports

import (
	"slices"

	"ismsgen/generator/model"
)

// Owner is one department's to-do list: the documents it owns, what is
// due and what awaits approval.
type Owner struct {
	Dept    model.Department
	ToDo    []Review          // its reviews that are overdue, due soon or missing, most urgent first
	Pending []Pending         // its documents in review, the longest waiting first
	Drafts  []*model.Document // its drafts
	Owned   []Entry           // everything it owns, by tier and id
	Totals  ReviewTotals
}

// ReviewTotals counts one owning department's reviews by state. A
// document with several owners counts for each of them.
type ReviewTotals struct {
	Dept                          model.Department
	Overdue, DueSoon, Missing, OK int
}

// Total is the number of documents subject to review that the department owns.
func (t ReviewTotals) Total() int { return t.Overdue + t.DueSoon + t.Missing + t.OK }

// HasCalendar reports whether the department owns a review with a date,
// and so has a calendar at CalendarPath.
func (o Owner) HasCalendar() bool { return o.Totals.Overdue+o.Totals.DueSoon+o.Totals.OK > 0 }

// CalendarPath is the department's review calendar, relative to the site root.
func (o Owner) CalendarPath() string { return "owners/" + o.Dept.ID + "/reviews.ics" }

// Reviews returns the reviews of the documents the department owns, most
// urgent first.
func (o Owner) Reviews(data *Data) []Review {
	var out []Review
	for _, r := range data.Reviews {
		if owns(r.Doc, o.Dept.ID) {
			out = append(out, r)
		}
	}
	return out
}

func (t *ReviewTotals) add(s State) {
	switch s {
	case Overdue:
		t.Overdue++
	case DueSoon:
		t.DueSoon++
	case Missing:
		t.Missing++
	default:
		t.OK++
	}
}

func owns(d *model.Document, dept string) bool { return slices.Contains(d.Owners, dept) }

// owners makes every department's to-do list and the review totals of
// those that own a document subject to review.
func owners(site *model.Site, data *Data) ([]Owner, []ReviewTotals) {
	out := make([]Owner, 0, len(site.Config.Departments))
	var totals []ReviewTotals
	for _, dept := range site.Config.Departments {
		o := Owner{Dept: dept, Totals: ReviewTotals{Dept: dept}}
		for _, r := range data.Reviews {
			if !owns(r.Doc, dept.ID) {
				continue
			}
			o.Totals.add(r.State)
			if r.State != OK {
				o.ToDo = append(o.ToDo, r)
			}
		}
		for _, p := range data.Approvals.Pending {
			if owns(p.Doc, dept.ID) {
				o.Pending = append(o.Pending, p)
			}
		}
		for _, d := range data.Approvals.Drafts {
			if owns(d, dept.ID) {
				o.Drafts = append(o.Drafts, d)
			}
		}
		for _, d := range site.Docs {
			if owns(d, dept.ID) {
				o.Owned = append(o.Owned, data.entry(d))
			}
		}
		slices.SortFunc(o.Owned, func(x, y Entry) int { return byTierAndID(x.Doc, y.Doc) }) // ids are unique
		if o.Totals.Total() > 0 {
			totals = append(totals, o.Totals)
		}
		out = append(out, o)
	}
	return out, totals
}
