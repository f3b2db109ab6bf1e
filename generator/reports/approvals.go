package reports

import (
	"cmp"
	"slices"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// Approvals groups the published documents by where they are in the
// approval cycle. Drafts and documents in review are published, and so
// listed, only with --drafts.
type Approvals struct {
	Pending      []Pending         // status "review": awaiting approval, the longest waiting first
	Drafts       []*model.Document // status "draft", by tier and id
	NotEffective []*model.Document // approved, effective after --now; the soonest first
	InForce      []Entry           // approved and effective, by tier and id
	// Obsolete is the documents with status "obsolete", the approved
	// ones that an approved document in force replaces, and those whose
	// files were deleted after publication; the most recently withdrawn
	// first.
	Obsolete []Withdrawal
}

// Pending is a document awaiting approval.
type Pending struct {
	Doc *model.Document
	// Since is the date of the revision-history entry of the version in
	// review (else the latest entry); zero when the history has none.
	Since model.Date
	Days  int // days from Since to --now; 0 when Since is zero
}

// Withdrawal is a document or version that departments must withdraw and
// stop using (回收).
type Withdrawal struct {
	Doc     *model.Document // the withdrawn document; for an earlier version, the document now current; for a deleted file, its tombstone's Listed
	Version string          // the version withdrawn
	// Date is when it was withdrawn: the effective date of what replaces
	// it (the earliest, when several do). Zero when nothing replaces it.
	Date       model.Date
	ReplacedBy []*model.Document // approved documents that replace it
	Earlier    bool              // an earlier version of Doc, replaced by its current version
	Scheduled  bool              // Date is after --now: the replacement is not in force yet
}

func approvals(site *model.Site, data *Data) Approvals {
	var a Approvals
	gone := map[*model.Document]bool{}
	for _, w := range data.Withdrawn {
		if !w.Earlier && (w.Doc.Status == model.StatusObsolete || !w.Scheduled) {
			a.Obsolete = append(a.Obsolete, w)
			gone[w.Doc] = true
		}
	}
	for _, d := range site.Docs {
		switch {
		case gone[d]:
		case d.Status == model.StatusReview:
			a.Pending = append(a.Pending, pendingOf(d, site.Now))
		case d.Status == model.StatusDraft:
			a.Drafts = append(a.Drafts, d)
		case d.Status == model.StatusApproved && d.Effective.After(site.Now):
			a.NotEffective = append(a.NotEffective, d)
		case d.Status == model.StatusApproved:
			a.InForce = append(a.InForce, data.entry(d))
		}
	}
	slices.SortFunc(a.Pending, func(x, y Pending) int {
		return cmp.Or(compareDatesZeroLast(x.Since, y.Since), strings.Compare(x.Doc.ID, y.Doc.ID))
	})
	slices.SortFunc(a.Drafts, byTierAndID)
	slices.SortFunc(a.NotEffective, func(x, y *model.Document) int {
		return cmp.Or(x.Effective.Compare(y.Effective), strings.Compare(x.ID, y.ID))
	})
	sortByTierAndID(a.InForce)
	return a
}

// pendingOf finds since when a document has been in review.
func pendingOf(d *model.Document, now model.Date) Pending {
	p := Pending{Doc: d}
	for _, h := range d.History {
		if h.Version == d.Version && !h.Date.IsZero() {
			p.Since = h.Date
		}
	}
	if p.Since.IsZero() && len(d.History) > 0 {
		p.Since = d.History[len(d.History)-1].Date
	}
	if !p.Since.IsZero() {
		p.Days = p.Since.DaysUntil(now)
	}
	return p
}

// withdrawals lists, newest first: obsolete documents; approved documents
// that an approved document supersedes; the previous version of every
// approved document whose revision history names one; and the documents
// whose files were deleted after publication (the tombstones this build
// publishes), withdrawn on the day of the deletion.
func withdrawals(site *model.Site) []Withdrawal {
	var out []Withdrawal
	for _, t := range site.Tombstones {
		if t.Listed != nil {
			day := t.Withdrawn.Date()
			out = append(out, Withdrawal{Doc: t.Listed, Version: t.Last.Version, Date: day, ReplacedBy: t.ReplacedBy, Scheduled: day.After(site.Now)})
		}
	}
	for _, d := range site.Docs {
		var by []*model.Document
		for _, s := range d.Graph.SupersededBy {
			if s.Status == model.StatusApproved {
				by = append(by, s)
			}
		}
		if d.Status == model.StatusObsolete || d.Status == model.StatusApproved && len(by) > 0 {
			w := Withdrawal{Doc: d, Version: d.Version, ReplacedBy: by}
			for _, s := range by {
				if w.Date.IsZero() || s.Effective.Before(w.Date) {
					w.Date = s.Effective
				}
			}
			w.Scheduled = w.Date.After(site.Now)
			out = append(out, w)
		}
		if prev := previousVersion(d); prev != "" && d.Status == model.StatusApproved {
			out = append(out, Withdrawal{
				Doc: d, Version: prev, Date: d.Effective, ReplacedBy: []*model.Document{d},
				Earlier: true, Scheduled: d.Effective.After(site.Now),
			})
		}
	}
	// A total order (a document has at most one withdrawal of each
	// kind, and ids are unique): no need for a stable sort, which on a
	// large site took longer than the rest of the reports together.
	slices.SortFunc(out, func(x, y Withdrawal) int {
		return cmp.Or(newestFirst(x.Date, y.Date), strings.Compare(x.Doc.ID, y.Doc.ID), boolOrder(x.Earlier, y.Earlier))
	})
	return out
}

// previousVersion is the version before the current one in the revision
// history: the latest entry with another version that comes before the
// current version's entry (or before the end, when it has none), and
// that git does not hold only as a draft: a version never published
// has no copies to withdraw.
func previousVersion(d *model.Document) string {
	end := len(d.History)
	for i, h := range d.History {
		if h.Version == d.Version {
			end = i
		}
	}
	for i := end - 1; i >= 0; i-- {
		if v := d.History[i].Version; v != "" && v != d.Version && !d.Versions.NeverPublished(v) {
			return v
		}
	}
	return ""
}

// supersededWarnings flags approved documents that an approved document
// in force replaces: their status should be "obsolete".
func supersededWarnings(site *model.Site, ws []Withdrawal) diag.List {
	var diags diag.List
	for _, w := range ws {
		if w.Earlier || w.Scheduled || w.Doc.Status != model.StatusApproved {
			continue
		}
		diags.Warnf(w.Doc.Path, w.Doc.Line("status"), "superseded-approved",
			`set status = "obsolete": the reports already treat it as withdrawn`,
			"%s is replaced by %s, in force since %s, but its status is still approved", w.Doc.ID, ids(w.ReplacedBy), w.Date)
	}
	return diags
}

func ids(docs []*model.Document) string {
	s := make([]string, len(docs))
	for i, d := range docs {
		s[i] = d.ID
	}
	return strings.Join(s, ", ")
}

// compareDatesZeroLast orders dates ascending with absent dates last.
func compareDatesZeroLast(a, b model.Date) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// newestFirst orders dates descending with absent dates last.
func newestFirst(a, b model.Date) int {
	if a.IsZero() || b.IsZero() {
		return compareDatesZeroLast(a, b)
	}
	return b.Compare(a)
}

func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}
