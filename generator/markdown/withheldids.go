package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// RenameIDs gives each heading of doc whose own id (written {#id}, <h2
// id="…">, a MyST target) drop reports a new id made from its text, as
// a heading without one of its own has, unique on the page: the id of a
// document this build leaves out must not be an anchor of a page that is
// published. It returns the ids renamed, old to new, for the links to
// them; nil when none is.
func RenameIDs(doc ast.Node, src []byte, drop func(id string) bool) map[string]string {
	var heads []*ast.Heading
	ids := newHeadingIDs()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		if h, ok := n.(*ast.Heading); ok {
			if v, ok := h.AttributeString("id"); ok {
				id, _ := v.([]byte)
				ids.Put(id)
				// one made of its text, as the line-by-line renderer
				// makes it, shows no more than the text does
				if drop(string(id)) && Slug(strings.TrimSpace(PlainText(h, src))) != string(id) {
					heads = append(heads, h)
				}
			}
		}
		return ast.WalkContinue, nil
	})
	if len(heads) == 0 {
		return nil
	}
	renamed := make(map[string]string, len(heads))
	for _, h := range heads {
		v, _ := h.AttributeString("id")
		old, _ := v.([]byte)
		text := PlainText(h, src)
		id := ids.Generate([]byte(text), ast.KindHeading)
		if drop(string(id)) {
			id = ids.Generate(nil, ast.KindHeading) // its text is the id too: "section"
		}
		h.SetAttribute([]byte("id"), id)
		if _, ok := renamed[string(old)]; !ok {
			renamed[string(old)] = string(id) // the first, as a link to it goes
		}
	}
	return renamed
}
