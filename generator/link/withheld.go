package link

import (
	"fmt"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// withheldRefs warns of each reference in a published document's front
// matter (parent, supersedes, related, an action's documents and
// evidence) to a document this build leaves out: the page shows nothing
// of it, as a body link to one shows its text alone, and the author
// should know why the reference is not there. A document left out for
// its own errors is reported at its file instead.
func withheldRefs(site *model.Site, all map[string]*model.Document, failed map[string]bool, diags *diag.List) {
	for _, d := range site.Docs {
		leftOut := func(id string) *model.Document {
			t := all[model.FoldID(id)]
			if t == nil || t.Faulty || failed[model.FoldID(id)] || site.Doc(id) != nil {
				return nil
			}
			return t
		}
		for _, r := range []struct {
			key string
			ids []string
		}{{"parent", []string{d.Parent}}, {"supersedes", d.Supersedes}, {"related", d.Related}} {
			for _, id := range r.ids {
				if t := leftOut(id); t != nil {
					diags.Warnf(d.Path, d.Line(r.key), "withheld-link", withheldHint, "%s = %q names a document this build leaves out: the page does not show it", r.key, t.ID)
				}
			}
		}
		for i, a := range d.Actions {
			for _, id := range a.Documents {
				if t := leftOut(id); t != nil {
					diags.Warnf(d.Path, d.Line(fmt.Sprintf("actions.%d.documents", i)), "withheld-link", withheldHint, "action %s names %s, a document this build leaves out: the action does not list it", a.ID, t.ID)
				}
			}
			if a.EvidenceIsDoc {
				if t := leftOut(a.Evidence); t != nil {
					diags.Warnf(d.Path, d.Line(fmt.Sprintf("actions.%d.evidence", i)), "withheld-link", withheldHint, "the evidence of action %s is %s, a document this build leaves out: it is not shown", a.ID, t.ID)
				}
			}
		}
	}
}
