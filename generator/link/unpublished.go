package link

import (
	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// Body is the body of a document that stays out of the site, whatever
// this build publishes: its front matter has syntax errors. Its links
// are checked all the same, so that its author fixes the file in one
// round.
type Body struct {
	Doc  *model.Document // its path, body and attachments, as far as they were read
	Scan *Scanned
}

// Unpublished checks bodies against docs, the documents read, and
// files, as Site checks the documents' own: a link that names nothing
// is an error at its line, with a hint, and raw HTML a warning. What
// only a published page has (the anchors of the pages a link leads
// to, the documents this build leaves out) is not checked: the
// document's errors keep it out of every build. failed are the ids
// (model.FoldID) of the files that could not be read, these included.
func Unpublished(docs []*model.Document, files *model.Files, failed map[string]bool, bodies []Body) diag.List {
	if len(bodies) == 0 {
		return nil
	}
	if files == nil {
		files = &model.Files{}
	}
	all := make(map[string]*model.Document, len(docs))
	for _, d := range docs {
		all[model.FoldID(d.ID)] = d
	}
	owners := make([]*model.Document, 0, len(docs)+len(bodies)) // of the paths a link may name
	owners = append(owners, docs...)
	for _, b := range bodies {
		owners = append(owners, b.Doc)
	}
	rs := &resolver{all: all, failed: failed, files: newFiles(owners, files)}
	// hints pairs each body with its document: the documents read have
	// none to hint at.
	found := make([]found, len(owners))
	for i, b := range bodies {
		found[len(docs)+i] = check(b.Doc, b.Scan, rs, nil)
	}
	hints(found, owners)
	var diags diag.List
	for _, f := range found[len(docs):] {
		diags.Add(f.problems...)
	}
	return diags
}
