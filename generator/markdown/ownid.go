package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// A heading may carry its own id, as pandoc, kramdown and MkDocs's
// attr_list write it: "## Scope {#scope}". goldmark reads the braces as
// the heading's attributes (parser.WithHeadingAttribute); ownIDs keeps
// only the id of them — never a class or a style, which would let a
// document restyle its page — and only an id that no other heading of
// the page and no element of its layout has: any other is made from the
// heading's text, as for a heading without one.

// ownIDsKey holds, in the parser's context, the headings whose id is
// their author's: linkHeadings leaves those as they are.
var ownIDsKey = parser.NewContextKey()

type ownIDs struct{}

func (ownIDs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	ids, ok := pc.IDs().(*headingIDs)
	if !ok {
		return
	}
	src := reader.Source()
	if bytes.IndexByte(src, '{') < 0 {
		return // no attributes
	}
	own := map[*ast.Heading]bool{}
	var heads []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			heads = append(heads, h)
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	used := map[string]int{} // how many headings have each id
	for _, h := range heads {
		if id, ok := h.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				used[string(b)]++
			}
		}
	}
	for _, h := range heads {
		attrs := h.Attributes()
		if len(attrs) <= 1 && !hasOwnID(h, src) {
			continue // only the id goldmark made
		}
		var id []byte
		if v, ok := h.AttributeString("id"); ok {
			id, _ = v.([]byte)
		}
		h.RemoveAttributes()
		switch {
		case !hasOwnID(h, src):
			h.SetAttribute([]byte("id"), id) // goldmark's, from the text
			continue
		case validID(id) && !layoutID(string(id)) && used[string(id)] == 1:
			h.SetAttribute([]byte("id"), id)
			own[h] = true
			continue
		case validID(id) && layoutID(string(id)) && used[string(id)] == 1:
			// "## Footer changes {#footer}": the layout's element has
			// the id, the heading gets it with a suffix ("footer-1"), as
			// a heading "Footer" does, and a link to #footer reaches it
			h.SetAttribute([]byte("id"), ids.Generate(id, ast.KindHeading))
			continue
		}
		var line []byte
		if lines := h.Lines(); lines.Len() > 0 {
			last := lines.At(lines.Len() - 1)
			line = last.Value(src)
		}
		h.SetAttribute([]byte("id"), ids.Generate(line, ast.KindHeading))
	}
	if len(own) > 0 {
		pc.Set(ownIDsKey, own)
	}
}

// hasOwnID reports whether the heading's line ends with attributes that
// name an id: "{#scope}", "{#scope .x}".
func hasOwnID(h *ast.Heading, src []byte) bool {
	lines := h.Lines()
	if lines.Len() == 0 {
		return false
	}
	last := lines.At(lines.Len() - 1)
	end := last.Stop
	for end < len(src) && src[end] != '\n' {
		end++
	}
	rest := src[last.Stop:end]
	for i := 0; i+1 < len(rest); i++ {
		if rest[i] == '{' {
			for j := i + 1; j < len(rest) && rest[j] != '}'; j++ {
				if rest[j] == '#' {
					return true
				}
			}
		}
	}
	return false
}

// validID reports whether an author's id can be an anchor as it is:
// letters, digits, '-', '_' and '.', not empty.
func validID(id []byte) bool {
	if len(id) == 0 {
		return false
	}
	for _, c := range id {
		if !(isAlnum(c) || c == '-' || c == '_' || c == '.' || c >= 0x80) {
			return false
		}
	}
	return true
}

// ownHeadings are the headings whose id is their author's (ownIDs).
func ownHeadings(pc parser.Context) map[*ast.Heading]bool {
	own, _ := pc.Get(ownIDsKey).(map[*ast.Heading]bool)
	return own
}
