package reports

import (
	"cmp"
	"slices"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// Why a management review is due.
const (
	DueNoReview = "no_review" // no published record of one
	DueCycle    = "cycle"     // the last one is older than management_review_cycle
	DueAudit    = "audit"     // an internal audit record is newer than the last one
)

// ManagementReview is when the next management review (ISO/IEC 27001
// 9.3) is due and what goes into it: the inputs of 9.3.2 a–g, each with
// what the published set holds for it since the last review.
//
// A record's date is its effective date, else its approval date; only
// published records (type "record") dated on or before --now count.
type ManagementReview struct {
	Last    *model.Document // the latest record with clause 9.3; nil when none
	Cycle   model.Cycle     // management_review_cycle
	NextDue model.Date      // Last's date plus Cycle; zero when there is no Last
	Due     bool
	Reason  string          // DueNoReview, DueCycle or DueAudit when Due
	Audit   *model.Document // the latest internal-audit record (9.2) dated after Last
	// From is the start of the period the inputs cover, Last's date
	// (the period begins the day after); zero for the whole history.
	From   model.Date
	Inputs []ReviewInput
}

// ReviewInput is one input of 9.3.2 (a to g) with its parts.
type ReviewInput struct {
	Item  string // "a" … "g"
	Parts []InputPart
}

// Missing reports an input for which the set holds nothing (缺少输入).
func (in ReviewInput) Missing() bool {
	for _, p := range in.Parts {
		if len(p.Sources) > 0 {
			return false
		}
	}
	return true
}

// Count is the number of sources of the input.
func (in ReviewInput) Count() int {
	n := 0
	for _, p := range in.Parts {
		n += len(p.Sources)
	}
	return n
}

// InputPart is one kind of source of an input: "previous_actions",
// "audits" and so on (the keys of mr.part.* in the interface strings).
type InputPart struct {
	Key     string
	Sources []InputSource
}

// Kinds of input sources.
const (
	SourceRecord    = "record"    // a record dated in the period
	SourceDocument  = "document"  // a document whose current version took effect in the period
	SourceWithdrawn = "withdrawn" // a document withdrawn or superseded in the period
	SourceExternal  = "external"  // an external document obtained in the period
	SourceAction    = "action"    // an action and its state
	SourceReport    = "report"    // a report of this site: the review report or the SoA
)

// InputSource is one source of an input.
type InputSource struct {
	Kind   string
	Doc    *model.Document // for every kind but action and report
	Date   model.Date      // when it happened: dated, took effect, withdrawn, obtained
	Action *Action         // for SourceAction
	Report string          // for SourceReport: "reviews" or "soa"
}

// Reports a management review draws on.
const (
	ReportReviews = "reviews"
	ReportSoA     = "soa"
)

// managementReview computes the due state and the input pack; it adds the
// warning management-review-due to diags when a review is due.
func managementReview(site *model.Site, data *Data, diags *diag.List) ManagementReview {
	now := site.Now
	mr := ManagementReview{Cycle: site.Config.ManagementReviewCycle}
	var recs []*model.Document // published records dated on or before now, by date then id
	for _, d := range site.Docs {
		if date := d.Dated(); d.Type == model.TypeRecord && !date.IsZero() && !date.After(now) {
			recs = append(recs, d)
		}
	}
	slices.SortStableFunc(recs, func(a, b *model.Document) int { return a.Dated().Compare(b.Dated()) })
	for _, d := range recs {
		if d.CoversClause("9.3") {
			mr.Last = d
		}
	}
	if mr.Last != nil {
		mr.From = mr.Last.Dated()
		mr.NextDue = mr.Cycle.AddTo(mr.From)
	}
	for _, d := range recs {
		if d.CoversClause("9.2") && d.Dated().After(mr.From) && mr.Last != nil {
			mr.Audit = d
		}
	}
	switch {
	case mr.Last == nil:
		mr.Due, mr.Reason = true, DueNoReview
		diags.Warnf("content", 0, "management-review-due", // about the set as a whole, as other such findings
			`hold a management review (ISO/IEC 27001 9.3) and publish its record with type = "record" and clauses = ["9.3"]; the page management-review/ lists its inputs`,
			"management review due: no published record with clause 9.3 is dated on or before %s", now)
	case mr.NextDue.Before(now):
		mr.Due, mr.Reason = true, DueCycle
		diags.Warnf(mr.Last.Path, dateLine(mr.Last), "management-review-due",
			`hold the next management review and publish its record with clauses = ["9.3"]; the page management-review/ lists its inputs`,
			"management review due: the last one, %s, is dated %s, and management_review_cycle (%s) ran out on %s", mr.Last.ID, mr.From, mr.Cycle.Text(), mr.NextDue)
	case mr.Audit != nil:
		mr.Due, mr.Reason = true, DueAudit
		diags.Warnf(mr.Audit.Path, mr.Audit.Line("clauses"), "management-review-due",
			`the management review follows the internal audit: hold it and publish its record with clauses = ["9.3"]; the page management-review/ lists its inputs`,
			"management review due: internal audit %s (%s) is dated after the last management review, %s (%s)", mr.Audit.ID, mr.Audit.Dated(), mr.Last.ID, mr.From)
	}
	mr.Inputs = reviewInputs(site, data, &mr, recs)
	return mr
}

// dateLine is the line of the key a record's date comes from.
func dateLine(d *model.Document) int {
	if d.Lines.Has("effective") {
		return d.Line("effective")
	}
	return d.Line("approved")
}

// inPeriod reports whether a date falls after from and on or before now.
func (mr *ManagementReview) inPeriod(d, now model.Date) bool {
	return !d.IsZero() && d.After(mr.From) && !d.After(now)
}

// reviewInputs gathers the sources of each input of 9.3.2.
func reviewInputs(site *model.Site, data *Data, mr *ManagementReview, recs []*model.Document) []ReviewInput {
	now := site.Now
	recordsOf := func(clauses ...string) []InputSource {
		var out []InputSource
		for _, d := range recs {
			if mr.inPeriod(d.Dated(), now) && slices.ContainsFunc(clauses, d.CoversClause) {
				out = append(out, InputSource{Kind: SourceRecord, Doc: d, Date: d.Dated()})
			}
		}
		return out
	}
	// documents: the current versions of documents (not records) with one
	// of clauses, or any clause when none is given, that took effect in
	// the period.
	documents := func(clauses ...string) []InputSource {
		var out []InputSource
		for _, d := range site.Docs {
			if d.Type == model.TypeRecord || d.Type == model.TypeExternal || d.Status != model.StatusApproved {
				continue
			}
			if len(clauses) > 0 && !slices.ContainsFunc(clauses, d.CoversClause) {
				continue
			}
			if mr.inPeriod(d.Effective, now) {
				out = append(out, InputSource{Kind: SourceDocument, Doc: d, Date: d.Effective})
			}
		}
		return byDate(out)
	}
	actionsFrom := func(sources ...string) []InputSource {
		var out []InputSource
		for i := range data.Actions {
			a := &data.Actions[i]
			if !slices.Contains(sources, a.Source) {
				continue
			}
			// Open ones whenever they were raised; closed ones if they
			// were raised or closed in the period.
			if a.IsOpen() || mr.inPeriod(a.Closed, now) || mr.inPeriod(a.Record.Dated(), now) {
				out = append(out, InputSource{Kind: SourceAction, Action: a, Date: a.Due})
			}
		}
		return out
	}
	var withdrawn, external []InputSource
	for _, w := range data.Withdrawn {
		if !w.Earlier && !w.Scheduled && mr.inPeriod(w.Date, now) {
			withdrawn = append(withdrawn, InputSource{Kind: SourceWithdrawn, Doc: w.Doc, Date: w.Date})
		}
	}
	for _, d := range site.Docs {
		if d.Type == model.TypeExternal && d.Status != model.StatusObsolete {
			if date := cmp.Or(d.External.Acquired, d.Effective); mr.inPeriod(date, now) {
				external = append(external, InputSource{Kind: SourceExternal, Doc: d, Date: date})
			}
		}
	}
	reviews := []InputSource{{Kind: SourceReport, Report: ReportReviews}}
	var soa []InputSource
	if data.Controls != nil && data.Controls.SoA != nil {
		soa = []InputSource{{Kind: SourceReport, Report: ReportSoA, Doc: data.Controls.SoA}}
	}
	part := func(key string, lists ...[]InputSource) InputPart {
		p := InputPart{Key: key}
		for _, l := range lists {
			p.Sources = append(p.Sources, l...)
		}
		return p
	}
	return []ReviewInput{
		{"a", []InputPart{part("previous_actions", actionsFrom(model.SourceManagementReview))}},
		{"b", []InputPart{
			part("context", recordsOf("4.1"), documents("4.1")),
			part("changed", documents()),
			part("withdrawn", byDate(withdrawn)),
		}},
		{"c", []InputPart{
			part("requirements", documents("4.2")),
			part("external", byDate(external)),
		}},
		{"d", []InputPart{
			part("nonconformities", actionsFrom(model.SourceNonconformity, model.SourceAudit, model.SourceIncident), recordsOf("10.2")),
			part("monitoring", recordsOf("9.1"), reviews),
			part("audits", recordsOf("9.2")),
			part("objectives", recordsOf("6.2")),
		}},
		{"e", []InputPart{part("feedback", recordsOf("4.2"))}},
		{"f", []InputPart{
			part("risk_assessment", recordsOf("6.1.2", "8.2")),
			part("risk_treatment", recordsOf("6.1.3", "8.3")),
			part("soa", soa),
		}},
		{"g", []InputPart{part("improvement", recordsOf("10.1"))}},
	}
}

// byDate orders sources by date, then id.
func byDate(list []InputSource) []InputSource {
	slices.SortStableFunc(list, func(a, b InputSource) int {
		return cmp.Or(a.Date.Compare(b.Date), strings.Compare(a.Doc.ID, b.Doc.ID))
	})
	return list
}
