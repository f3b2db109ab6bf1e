package reports

import (
	"ismsgen/generator/model"
)

// State is a document's review state.
type State string

// Review states, in the order reports list them.
const (
	Overdue State = "overdue"
	DueSoon State = "due_soon"
	Missing State = "missing"
	OK      State = "ok"
)

// Basis says how a review date was found.
type Basis string

// Bases of a review date.
const (
	FromNextReview   Basis = "next_review"
	FromLastReviewed Basis = "last_reviewed"
	FromApproved     Basis = "approved"
	NoBasis          Basis = ""
)

// Review is one document's review date and state as of --now.
type Review struct {
	Doc       *model.Document
	Date      model.Date  // zero when missing
	State     State       //
	Days      int         // signed days from now to Date; 0 when missing
	Basis     Basis       // which field the date comes from
	Cycle     model.Cycle // the cycle added, when Basis is not next_review
	CycleFrom string      // "document", "tier" or "default"
	Line      int         // line of the field the date comes from
}

// SubjectToReview reports whether a published document is subject to
// review: approved and not a record.
func SubjectToReview(d *model.Document) bool {
	return d.Status == model.StatusApproved && d.Type != model.TypeRecord
}

// ReviewOf computes a document's review. It is meaningful only for
// documents subject to review.
func ReviewOf(cfg *model.Config, now model.Date, d *model.Document) Review {
	r := Review{Doc: d}
	switch {
	case !d.NextReview.IsZero():
		r.Date, r.Basis, r.Line = d.NextReview, FromNextReview, d.Line("next_review")
	default:
		from, basis, key := d.LastReviewed, FromLastReviewed, "last_reviewed"
		if from.IsZero() {
			from, basis, key = d.Approved, FromApproved, "approved"
		}
		r.Cycle, r.CycleFrom = cycleOf(cfg, d)
		r.Line = d.Line(key)
		if d.Lines.Has("review_cycle") && r.Cycle.IsZero() {
			r.Line = d.Line("review_cycle")
		}
		if from.IsZero() || r.Cycle.IsZero() {
			r.State = Missing
			return r
		}
		r.Date, r.Basis = r.Cycle.AddTo(from), basis
	}
	r.Days = now.DaysUntil(r.Date)
	switch {
	case r.Days < 0:
		r.State = Overdue
	case r.Days <= cfg.DueSoonDays:
		r.State = DueSoon
	default:
		r.State = OK
	}
	return r
}

// cycleOf finds the review cycle: the document's, its tier's, the default.
func cycleOf(cfg *model.Config, d *model.Document) (model.Cycle, string) {
	switch {
	case !d.ReviewCycle.IsZero():
		return d.ReviewCycle, "document"
	case d.Tier >= 1 && d.Tier <= 3 && !cfg.TierCycles[d.Tier].IsZero():
		return cfg.TierCycles[d.Tier], "tier"
	case !cfg.DefaultReviewCycle.IsZero():
		return cfg.DefaultReviewCycle, "default"
	}
	return model.Cycle{}, ""
}
