package reports

import (
	"cmp"
	"slices"
	"strings"

	"ismsgen/generator/model"
)

// ActionState is where an action stands on --now.
type ActionState string

// Action states, in the order the actions list shows them.
const (
	ActionOverdue ActionState = "overdue" // open, and due before --now
	ActionOpen    ActionState = "open"    // open, due on or after --now
	ActionClosed  ActionState = "closed"  // closed on or before --now
)

// Action is an action of a published record, as of --now.
type Action struct {
	*model.Action
	Record *model.Document // the record that raises it
	State  ActionState
	Days   int // signed days from --now to the due date; 0 when closed

	// Docs are the published documents the action concerns, in the
	// order written. Those this build leaves out are left out here too,
	// without a trace, as is evidence that names one.
	Docs []*model.Document
	// Proof is the evidence when it is a published document; ProofURL
	// when it is a web address; ProofText when it is neither (an id no
	// document has).
	Proof     *model.Document
	ProofURL  string
	ProofText string
}

// IsOpen reports whether the action is not closed on --now.
func (a Action) IsOpen() bool { return a.State != ActionClosed }

// ActionOf computes the state of an action of record rec.
func ActionOf(site *model.Site, rec *model.Document, a *model.Action) Action {
	out := Action{Action: a, Record: rec}
	switch {
	case !a.Closed.IsZero() && !a.Closed.After(site.Now):
		out.State = ActionClosed
	default:
		out.Days = site.Now.DaysUntil(a.Due)
		out.State = ActionOpen
		if out.Days < 0 {
			out.State = ActionOverdue
		}
	}
	for _, id := range a.Documents {
		if d := site.Doc(id); d != nil && !slices.Contains(out.Docs, d) {
			out.Docs = append(out.Docs, d)
		}
	}
	switch e := a.Evidence; {
	case e == "":
	case a.EvidenceIsDoc:
		out.Proof = site.Doc(e) // nil when left out
	case model.EvidenceIsAddress(e):
		out.ProofURL = e
	default:
		out.ProofText = e
	}
	return out
}

// PublishedDocs are the ids of the published documents the action concerns.
func (a Action) PublishedDocs() []string {
	ids := make([]string, len(a.Docs))
	for i, d := range a.Docs {
		ids[i] = d.ID
	}
	return ids
}

// actions lists the actions of every published record: overdue and open
// ones by due date (so the overdue come first), then the closed, the most
// recently closed first; then by id.
func actions(site *model.Site) []Action {
	var out []Action
	for _, d := range site.Docs {
		for i := range d.Actions {
			out = append(out, ActionOf(site, d, &d.Actions[i]))
		}
	}
	slices.SortFunc(out, actionOrder)
	return out
}

func actionOrder(a, b Action) int {
	if a.IsOpen() != b.IsOpen() {
		if a.IsOpen() {
			return -1
		}
		return 1
	}
	by := a.Due.Compare(b.Due)
	if !a.IsOpen() {
		by = b.Closed.Compare(a.Closed)
	}
	return cmp.Or(by, strings.Compare(a.ID, b.ID))
}

// ActionsIn returns the actions in one state, in list order.
func (d *Data) ActionsIn(s ActionState) []Action {
	var out []Action
	for _, a := range d.Actions {
		if a.State == s {
			out = append(out, a)
		}
	}
	return out
}

// ActionCounts are the number of actions in each state.
type ActionCounts struct{ Overdue, Open, Closed int }

// countActions counts actions by state.
func countActions(list []Action) ActionCounts {
	var c ActionCounts
	for _, a := range list {
		switch a.State {
		case ActionOverdue:
			c.Overdue++
		case ActionOpen:
			c.Open++
		default:
			c.Closed++
		}
	}
	return c
}
