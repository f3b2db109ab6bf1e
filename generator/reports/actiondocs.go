package reports

import (
	"strings"

	"ismsgen/generator/diag"
)

// unchangedDocuments warns of each closed action none of whose documents
// changed after the action was raised (action-doc-unchanged): a
// corrective action usually revises the documents it concerns, and one
// closed without a change to any of them deserves a second look. It needs
// the git history: documents outside git (no Versions) are not judged, and
// an action of which no document is known to git gets no warning. The
// action was raised on its record's date; a commit on that day counts as
// a change, as do changes not committed yet.
func unchangedDocuments(actions []Action, diags *diag.List) {
	for _, a := range actions {
		raised := a.Record.Dated()
		if a.State != ActionClosed || raised.IsZero() {
			continue
		}
		known, changed := false, false
		var ids []string
		for _, d := range a.Docs {
			v := d.Versions
			if v == nil {
				continue
			}
			known = true
			ids = append(ids, d.ID)
			if v.ChangedUncommitted || !v.Current.IsZero() && !v.Current.Date().Before(raised) {
				changed = true
			}
		}
		if known && !changed {
			diags.Warnf(a.Record.Path, a.Line, "action-doc-unchanged",
				"check that the change was made and committed, or keep in documents only those the action changes",
				"action %s is closed, but %s did not change after it was raised on %s", a.ID, strings.Join(ids, ", "), raised)
		}
	}
}
