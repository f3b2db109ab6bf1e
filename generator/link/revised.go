package link

import (
	"slices"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// checkRevised checks the bodies of the drafts beneath the documents
// shown from git (Options.Revised) as check checks any body, gives the
// broken links of all bodies their hints, and returns the drafts'
// problems. A problem of a text shown that its draft has too, at the
// same line, is taken out of bodies: it is reported once, as the
// draft's.
func checkRevised(docs []*model.Document, bodies []found, rs *resolver, leftOut map[string]bool, revised map[*model.Document]*Scanned) diag.List {
	var at []int // the indexes in docs of the documents shown from git
	for i, d := range docs {
		if revised[d] != nil {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		hints(bodies, docs)
		return nil
	}
	own := make([]found, len(at))
	ownDocs := make([]*model.Document, len(at))
	for k, i := range at {
		own[k], ownDocs[k] = check(docs[i], revised[docs[i]], rs, leftOut), docs[i]
	}
	hints(append(slices.Clip(bodies), own...), append(slices.Clip(docs), ownDocs...))
	var problems diag.List
	for k, i := range at {
		bodies[i].problems = slices.DeleteFunc(bodies[i].problems, func(p diag.Diagnostic) bool {
			return slices.ContainsFunc(own[k].problems, func(o diag.Diagnostic) bool {
				return o.File == p.File && o.Line == p.Line && o.Severity == p.Severity && o.Code == p.Code && o.Message == p.Message
			})
		})
		problems = append(problems, own[k].problems...)
	}
	return problems
}
