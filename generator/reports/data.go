package reports

import (
	"cmp"
	"slices"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// Data is everything the reports know about the site as of --now.
type Data struct {
	Now     model.Date
	Reviews []Review // every published document subject to review, most urgent first
	byDoc   map[*model.Document]*Review

	// Diagnostics are findings that are not input errors (an SoA that does
	// not assess every control, a clause without documented information);
	// check and build print them as warnings.
	Diagnostics diag.List
}

// Compute derives the reports from the linked site.
func Compute(site *model.Site) *Data {
	d := &Data{Now: site.Now, byDoc: map[*model.Document]*Review{}}
	for _, doc := range site.Docs {
		if SubjectToReview(doc) {
			d.Reviews = append(d.Reviews, ReviewOf(site.Config, site.Now, doc))
		}
	}
	slices.SortFunc(d.Reviews, urgency)
	for i := range d.Reviews {
		d.byDoc[d.Reviews[i].Doc] = &d.Reviews[i]
	}
	return d
}

// ReviewOf returns a document's review, or nil when it is not subject to
// review.
func (d *Data) ReviewOf(doc *model.Document) *Review { return d.byDoc[doc] }

var stateOrder = map[State]int{Overdue: 0, DueSoon: 1, Missing: 2, OK: 3}

// urgency orders reviews: overdue (most overdue first), due soon (soonest
// first), missing, ok; then by id.
func urgency(a, b Review) int {
	return cmp.Or(
		cmp.Compare(stateOrder[a.State], stateOrder[b.State]),
		cmp.Compare(a.Days, b.Days),
		strings.Compare(a.Doc.ID, b.Doc.ID),
	)
}
