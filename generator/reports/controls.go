package reports

import (
	"cmp"
	"slices"
	"strings"

	"ismsgen/generator/catalog"
	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// SoAState is what the Statement of Applicability says about a control.
type SoAState string

// The states of a control in the Statement of Applicability.
const (
	Applicable  SoAState = "applicable"
	Excluded    SoAState = "excluded"
	NotAssessed SoAState = "not_assessed" // no entry, or no SoA published
)

// Coverage is how the published documents cover the Annex A controls, as
// the current Statement of Applicability states them, and the documented
// information that clauses 4–10 make mandatory.
//
// A document counts as implementing a control (or fulfilling a clause)
// when it is published and still current: not obsolete, and not replaced
// by an approved document in force. With --drafts, drafts and documents
// in review are published and so count too.
type Coverage struct {
	// SoA is the Statement of Applicability in use; nil when none is
	// published. Of several published ones, an SoA that an SoA in force
	// replaces is ignored; the rest are ranked in force, approved, in
	// review, draft, then by the latest effective date.
	SoA          *model.Document
	Controls     []ControlCoverage     // the 93 controls, in catalogue order
	Requirements []RequirementCoverage // mandatory documented information, in clause order
	Clauses      []ClauseCoverage      // clauses 4–10 and the documents that list each
	Figures      CoverageFigures
	index        map[string]int // control id → index in Controls
}

// ControlCoverage is one Annex A control with its SoA entry and the
// documents that implement it.
type ControlCoverage struct {
	Control catalog.Control
	State   SoAState
	Entry   *model.Applicability // the SoA entry; nil when not assessed
	Docs    []*model.Document    // the current published documents listing the control, by tier and id
}

// Gap reports a control the SoA marks applicable that no document implements.
func (c ControlCoverage) Gap() bool { return c.State == Applicable && len(c.Docs) == 0 }

// Inconsistent reports a control the SoA excludes that documents claim.
func (c ControlCoverage) Inconsistent() bool { return c.State == Excluded && len(c.Docs) > 0 }

// RequirementCoverage is one item of mandatory documented information and
// the documents that fulfil it.
type RequirementCoverage struct {
	Requirement catalog.Requirement
	Docs        []*model.Document // by tier and id; none is a gap
}

// Missing reports documented information that no document provides.
func (r RequirementCoverage) Missing() bool { return len(r.Docs) == 0 }

// ClauseCoverage is a clause with the documents whose clauses list it.
type ClauseCoverage struct {
	Clause catalog.Clause
	Docs   []*model.Document // by tier and id
}

// CoverageFigures are the counts at the top of the controls page.
type CoverageFigures struct {
	Controls     int // 93
	Applicable   int
	Excluded     int
	NotAssessed  int
	Implemented  int // applicable with at least one implementing document
	Gaps         int // applicable without one
	Inconsistent int // excluded, yet claimed by a document
	Requirements int
	Fulfilled    int
	Missing      int
}

// Control returns the coverage of one control by canonical id.
func (c *Coverage) Control(id string) (*ControlCoverage, bool) {
	i, ok := c.index[id]
	if !ok {
		return nil, false
	}
	return &c.Controls[i], true
}

// Gaps returns the applicable controls that no document implements.
func (c *Coverage) Gaps() []ControlCoverage {
	return c.filter(func(cc *ControlCoverage) bool { return cc.Gap() })
}

// Inconsistencies returns the excluded controls that documents claim.
func (c *Coverage) Inconsistencies() []ControlCoverage {
	return c.filter(func(cc *ControlCoverage) bool { return cc.Inconsistent() })
}

// Unassessed returns the controls the SoA does not assess.
func (c *Coverage) Unassessed() []ControlCoverage {
	return c.filter(func(cc *ControlCoverage) bool { return cc.State == NotAssessed })
}

// MissingRequirements returns the documented information no document provides.
func (c *Coverage) MissingRequirements() []RequirementCoverage {
	var out []RequirementCoverage
	for _, r := range c.Requirements {
		if r.Missing() {
			out = append(out, r)
		}
	}
	return out
}

func (c *Coverage) filter(keep func(*ControlCoverage) bool) []ControlCoverage {
	var out []ControlCoverage
	for i := range c.Controls {
		if keep(&c.Controls[i]) {
			out = append(out, c.Controls[i])
		}
	}
	return out
}

// coverage computes the coverage of site and adds its findings to diags.
func coverage(site *model.Site, diags *diag.List) *Coverage {
	c := &Coverage{SoA: currentSoA(site), index: map[string]int{}}
	var docs []*model.Document
	for _, d := range site.Docs {
		if !retired(d, site.Now) {
			docs = append(docs, d)
		}
	}
	slices.SortFunc(docs, byTierAndID)

	entries := map[string]*model.Applicability{}
	if c.SoA != nil {
		for i := range c.SoA.Applicability {
			e := &c.SoA.Applicability[i]
			entries[e.Control] = e
		}
	}
	// One pass over the documents, not one per control and clause: on
	// 50,000 documents that was a fifth of the reports' time.
	byControl := docsByID(docs, func(d *model.Document) []string { return d.Controls })
	byClause := docsByID(docs, func(d *model.Document) []string { return d.Clauses })
	f := &c.Figures
	for _, ctl := range catalog.Controls() {
		cc := ControlCoverage{Control: ctl, State: NotAssessed, Entry: entries[ctl.ID]}
		switch {
		case cc.Entry == nil:
			f.NotAssessed++
		case cc.Entry.Applicable:
			cc.State = Applicable
			f.Applicable++
		default:
			cc.State = Excluded
			f.Excluded++
		}
		cc.Docs = byControl[ctl.ID]
		switch {
		case cc.Gap():
			f.Gaps++
		case cc.Inconsistent():
			f.Inconsistent++
		case cc.State == Applicable:
			f.Implemented++
		}
		c.index[ctl.ID] = len(c.Controls)
		c.Controls = append(c.Controls, cc)
	}
	f.Controls = len(c.Controls)

	for _, r := range catalog.Requirements() {
		rc := RequirementCoverage{Requirement: r}
		for _, d := range docs {
			if r.Fulfils(d.Clauses, d.Type) {
				rc.Docs = append(rc.Docs, d)
			}
		}
		if rc.Missing() {
			f.Missing++
		} else {
			f.Fulfilled++
		}
		c.Requirements = append(c.Requirements, rc)
	}
	f.Requirements = len(c.Requirements)

	for _, cl := range catalog.Clauses() {
		cc := ClauseCoverage{Clause: cl, Docs: byClause[cl.ID]}
		c.Clauses = append(c.Clauses, cc)
	}

	diags.Add(c.findings()...)
	return c
}

// docsByID lists, for every id that ids gives for some of docs, those
// documents in their order, each once.
func docsByID(docs []*model.Document, ids func(*model.Document) []string) map[string][]*model.Document {
	by := map[string][]*model.Document{}
	for _, d := range docs {
		for _, id := range ids(d) {
			if l := by[id]; len(l) == 0 || l[len(l)-1] != d { // an id twice in one document
				by[id] = append(l, d)
			}
		}
	}
	return by
}

// retired reports a document that no longer counts: obsolete, or replaced
// by an approved document in force (the approvals page lists it as
// obsolete too).
func retired(d *model.Document, now model.Date) bool {
	if d.Status == model.StatusObsolete {
		return true
	}
	return slices.ContainsFunc(d.Graph.SupersededBy, func(s *model.Document) bool { return inForce(s, now) })
}

// currentSoA picks the Statement of Applicability in use (see Coverage.SoA).
func currentSoA(site *model.Site) *model.Document {
	var soas []*model.Document
	for _, d := range site.Docs {
		if d.Type == model.TypeSoA && !retired(d, site.Now) {
			soas = append(soas, d)
		}
	}
	rank := func(d *model.Document) int {
		switch {
		case inForce(d, site.Now):
			return 0
		case d.Status == model.StatusApproved:
			return 1
		case d.Status == model.StatusReview:
			return 2
		}
		return 3
	}
	slices.SortFunc(soas, func(a, b *model.Document) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), b.Effective.Compare(a.Effective), strings.Compare(a.ID, b.ID))
	})
	if len(soas) == 0 {
		return nil
	}
	return soas[0]
}
