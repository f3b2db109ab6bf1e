package reports

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// Data is everything the reports know about the site as of --now. It is
// computed once by Compute; the render stage and the exports only format it.
type Data struct {
	Now     model.Date
	Reviews []Review // every published document subject to review, most urgent first
	byDoc   map[*model.Document]*Review

	// Approvals groups the published documents by approval status.
	Approvals Approvals
	// Withdrawn lists what departments must withdraw (回收): obsolete and
	// superseded documents and earlier versions, most recent first.
	Withdrawn []Withdrawal
	// Distribution is what each department holds (发放), in the order of
	// the departments in isms.toml.
	Distribution []DeptDistribution
	// Owners is each department's to-do list, in isms.toml order.
	Owners []Owner
	// OwnerTotals counts review states per owning department, for the
	// departments that own a document subject to review.
	OwnerTotals []ReviewTotals
	// Training lists awareness training by document and by department.
	Training Training
	// Controls is the Annex A and clause coverage, with the Statement of
	// Applicability in use.
	Controls *Coverage
	// Records is every published form and record with its retention,
	// past disposal first (记录清单).
	Records []Record
	// External is the published documents of external origin, by id.
	External []ExternalDoc
	// Actions is the actions of the published records, open ones by due
	// date (the overdue first), then the closed.
	Actions []Action
	// ManagementReview is when the next one is due and its input pack.
	ManagementReview ManagementReview

	// Diagnostics are findings that are not input errors (an SoA that does
	// not assess every control, a clause without documented information);
	// check and build print them as warnings.
	Diagnostics diag.List
}

// Entry is a published document with its review (nil when the document is
// not subject to review).
type Entry struct {
	Doc    *model.Document
	Review *Review
}

// Compute derives the reports from the linked site.
func Compute(site *model.Site) *Data {
	d := &Data{Now: site.Now, byDoc: map[*model.Document]*Review{}}
	// Each report reads the site and fills in its own fields; the
	// withdrawals (then the distribution lists, which read them), the
	// training lists and the control coverage run beside the reviews
	// (then the approvals and the owners' lists, which read both): on a
	// large site they took a third of a second one after the other,
	// while the other core idled.
	var superseded diag.List
	var withdrawn, others sync.WaitGroup
	withdrawn.Go(func() {
		d.Withdrawn = withdrawals(site)
		superseded = supersededWarnings(site, d.Withdrawn)
	})
	others.Go(func() {
		withdrawn.Wait()
		d.Distribution = distribution(site, d.Withdrawn)
	})
	others.Go(func() { d.Training = training(site) })
	var coverageDiags diag.List
	others.Go(func() { d.Controls = coverage(site, &coverageDiags) })
	for _, doc := range site.Docs {
		if SubjectToReview(doc) {
			d.Reviews = append(d.Reviews, ReviewOf(site.Config, site.Now, doc))
		}
	}
	slices.SortFunc(d.Reviews, urgency)
	for i := range d.Reviews {
		d.byDoc[d.Reviews[i].Doc] = &d.Reviews[i]
	}
	d.Records = records(site)
	d.Actions = actions(site)
	withdrawn.Wait()
	d.Approvals = approvals(site, d)
	d.External = externals(site, d)
	d.Owners, d.OwnerTotals = owners(site, d)
	others.Wait()
	var loop diag.List // the findings of the ISMS's own loop: management review, actions
	d.ManagementReview = managementReview(site, d, &loop)
	unchangedDocuments(d.Actions, &loop)
	futureDates(site, &loop)
	d.Diagnostics.Add(superseded...)
	if len(site.Docs) > 0 {
		// With no document published, every clause and control lacks
		// one and no review was held: one finding, said where the
		// documents were read, not twenty.
		d.Diagnostics.Add(coverageDiags...)
		d.Diagnostics.Add(loop...)
	}
	return d
}

// ReviewOf returns a document's review, or nil when it is not subject to
// review.
func (d *Data) ReviewOf(doc *model.Document) *Review { return d.byDoc[doc] }

// entry pairs a document with its review.
func (d *Data) entry(doc *model.Document) Entry { return Entry{Doc: doc, Review: d.ReviewOf(doc)} }

// Counts counts the reviews by state.
func (d *Data) Counts() map[State]int {
	counts := map[State]int{}
	for _, r := range d.Reviews {
		counts[r.State]++
	}
	return counts
}

// InState returns the reviews in one state, in urgency order.
func (d *Data) InState(s State) []Review {
	var out []Review
	for _, r := range d.Reviews {
		if r.State == s {
			out = append(out, r)
		}
	}
	return out
}

// stateOrder is the place of a state in the review report.
func stateOrder(s State) int {
	switch s {
	case Overdue:
		return 0
	case DueSoon:
		return 1
	case Missing:
		return 2
	case OK:
		return 3
	}
	return 4
}

// urgency orders reviews: overdue (most overdue first), due soon (soonest
// first), missing, ok; then by id.
func urgency(a, b Review) int {
	return cmp.Or(
		cmp.Compare(stateOrder(a.State), stateOrder(b.State)),
		cmp.Compare(a.Days, b.Days),
		strings.Compare(a.Doc.ID, b.Doc.ID),
	)
}

// byTierAndID orders documents by tier, then id.
func byTierAndID(a, b *model.Document) int {
	return cmp.Or(cmp.Compare(a.Tier, b.Tier), strings.Compare(a.ID, b.ID))
}

// inForce reports whether a document is approved and its effective date
// has come.
func inForce(d *model.Document, now model.Date) bool {
	return d.Status == model.StatusApproved && !d.Effective.After(now)
}
