package reports

import (
	"slices"
	"strings"

	"ismsgen/generator/model"
)

// ExternalDoc is a published document of external origin (外来文件) with
// its review and the documents that cite it.
type ExternalDoc struct {
	Doc    *model.Document
	Review *Review // nil when not subject to review (not approved)
	// CitedBy are the published documents that link to it or name it as
	// related, by id.
	CitedBy []*model.Document
	// Replacement is the published document whose id replaced_by gives,
	// if it gives one.
	Replacement *model.Document
}

// externals lists the published external documents by id.
func externals(site *model.Site, data *Data) []ExternalDoc {
	var out []ExternalDoc
	for _, d := range site.Docs {
		if d.Type != model.TypeExternal {
			continue
		}
		e := ExternalDoc{Doc: d, Review: data.ReviewOf(d), Replacement: site.Doc(d.External.ReplacedBy)}
		if e.Replacement == d {
			e.Replacement = nil
		}
		e.CitedBy = append(slices.Clone(d.Graph.LinkedFrom), d.Graph.Related...)
		e.CitedBy = slices.DeleteFunc(e.CitedBy, func(x *model.Document) bool { return x == d })
		slices.SortFunc(e.CitedBy, func(a, b *model.Document) int { return strings.Compare(a.ID, b.ID) })
		e.CitedBy = slices.Compact(e.CitedBy)
		out = append(out, e)
	}
	return out
}
