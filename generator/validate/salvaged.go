package validate

import (
	"slices"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/suggest"
	"ismsgen/generator/model"
)

// SalvagedReferences checks the ids that a document read again past its
// TOML syntax errors (one that stays out of the site) names against the
// documents that were read: its own id, its parent, related and replaced documents,
// its actions' documents, and its action ids against the other records'.
// failed are the ids (model.FoldID) of the files that could not be read,
// which are not reported again. Only the findings at salvaged's own file
// are returned; the others are Set's.
func SalvagedReferences(salvaged *model.Document, converted []*model.Document, failed map[string]bool) diag.List {
	byID := map[string]*model.Document{}
	var docs []*model.Document
	for _, d := range converted {
		if key := model.FoldID(d.ID); d.ID != "" && byID[key] == nil {
			byID[key] = d
			docs = append(docs, d)
		}
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	sg := &suggester{ids: ids, budget: suggest.NewBudget(suggestions), docs: docs}
	var diags diag.List
	// Its id is read: one that another document has is reported now,
	// not once the syntax is fixed.
	if first := byID[model.FoldID(salvaged.ID)]; salvaged.ID != "" && first != nil {
		duplicateID(salvaged, first, &diags)
	}
	references(salvaged, byID, failed, sg, &diags)
	// Its actions come last, so that an id another record uses is
	// reported here. The others' actions are copied: Set decides what
	// their evidence is.
	var withActions []*model.Document
	for _, d := range docs {
		if len(d.Actions) > 0 {
			c := *d
			c.Actions = slices.Clone(d.Actions)
			withActions = append(withActions, &c)
		}
	}
	actionReferences(append(withActions, salvaged), byID, failed, sg, &diags)
	return slices.DeleteFunc(diags, func(d diag.Diagnostic) bool { return d.File != salvaged.Path })
}
