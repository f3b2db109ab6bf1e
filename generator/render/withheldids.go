package render

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"ismsgen/generator/markdown"
	"ismsgen/generator/model"
)

// renameWithheldIDs gives each heading of root whose own id names a
// document this build leaves out an id of its text instead, and points
// the page's links to it at the new id: no anchor, table-of-contents
// entry or search entry carries the id. A link from another page to it
// goes to the top of the page (the link stage left out its fragment).
func renameWithheldIDs(site *model.Site, root ast.Node, src []byte) {
	renamed := markdown.RenameIDs(root, src, func(id string) bool { return site.LeftOut[model.FoldID(id)] })
	if renamed == nil {
		return
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			dest := string(l.Destination)
			if i := strings.LastIndexByte(dest, '#'); i >= 0 {
				if id, ok := renamed[dest[i+1:]]; ok {
					l.Destination = []byte(dest[:i+1] + id)
				}
			}
		}
		return ast.WalkContinue, nil
	})
}
