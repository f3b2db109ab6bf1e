package render

import (
	"errors"
	"io"
	"slices"
	"strings"
	"text/template/parse"

	"html/template"
)

// maxLayoutErrors is the most errors one page's run of a layout reports.
const maxLayoutErrors = 20

// moreErrors runs the layout again for page p, whose run stopped at
// first, each time without the statement each error so far stopped at,
// and returns first joined with the errors the later statements make: a
// layout with three mistakes is reported with three errors, not fixed
// and built again three times. A statement is taken out whole: an
// {{if}}, {{range}} or {{with}} with its body, and an assignment with
// the rest of its block, where its variable is used, so that no error
// follows from one already reported. Every failing page is run so (not
// only the first, which the cores' order picks), with the layout's
// copies of each set of statements taken out shared among the pages.
func (r *renderer) moreErrors(layout string, p *Page, first error) error {
	errs := []error{first}
	var places []string
	for len(errs) < maxLayoutErrors {
		place := errorPlace(errs[len(errs)-1])
		if place == "" || slices.Contains(places, place) {
			break
		}
		places = append(places, place)
		ls, ok := r.cutSet(layout, places)
		if !ok {
			break
		}
		err := ls.t.ExecuteTemplate(io.Discard, "base", p)
		if err == nil {
			break
		}
		errs = append(errs, err)
	}
	for i, e := range errs {
		errs[i] = &LayoutError{layout, e}
	}
	return errors.Join(errs...)
}

// errorPlace is the place an error of running a layout names, the last
// ("partials/footer.html:1:26"), or "".
func errorPlace(err error) string {
	msg := err.Error()
	all := templatePlace.FindAllStringSubmatch(msg, -1)
	if all == nil {
		return ""
	}
	m := all[len(all)-1]
	if m[3] == "" {
		return ""
	}
	return m[1] + ":" + m[2] + ":" + m[3]
}

// cutSet is a copy of the layout run by html/template alone, without the
// statements at places; false when one of them is in none of its files.
func (r *renderer) cutSet(layout string, places []string) (*layoutSet, bool) {
	key := layout + "\x00" + strings.Join(places, "\x00")
	r.cutMu.Lock()
	defer r.cutMu.Unlock()
	if ls, ok := r.cuts[key]; ok {
		return ls, ls != nil
	}
	if r.cuts == nil {
		r.cuts = map[string]*layoutSet{}
	}
	ls := r.plainSet(layout)
	for _, place := range places {
		if ls == nil || !cutAt(ls.t, place) {
			ls = nil
		}
	}
	r.cuts[key] = ls
	return ls, ls != nil
}

// plainSet is a fresh copy of a page layout's templates, run by
// html/template alone; nil when there is no such layout.
func (r *renderer) plainSet(name string) *layoutSet {
	master := r.tpl.pages[name]
	if master == nil {
		return nil
	}
	t, err := master.Clone()
	if err != nil {
		return nil
	}
	ls := &layoutSet{t: t, fallbacks: &r.fallbacks}
	t.Funcs(template.FuncMap{"cached": ls.cached, "cachedRows": ls.cachedRows, "eachRow": ls.eachRow, "actionPage": r.actionPage})
	return ls
}

// cutAt takes out of every template of t the statement whose pipeline
// holds the node at place (file:line:col), the innermost; it reports
// whether there was one.
func cutAt(t *template.Template, place string) bool {
	cut := false
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil || !strings.HasPrefix(place, tt.Tree.ParseName+":") {
			continue
		}
		if cutIn(tt.Tree, tt.Tree.Root, place) {
			cut = true
		}
	}
	return cut
}

// cutIn cuts in list, a list of tree's, and reports whether it did.
func cutIn(tree *parse.Tree, list *parse.ListNode, place string) bool {
	for i, n := range list.Nodes {
		var pipe *parse.PipeNode
		var inner []*parse.ListNode
		switch n := n.(type) {
		case *parse.ActionNode:
			pipe = n.Pipe
		case *parse.TemplateNode:
			pipe = n.Pipe
			if at(tree, n, place) {
				list.Nodes = slices.Delete(slices.Clone(list.Nodes), i, i+1)
				return true
			}
		case *parse.IfNode:
			pipe, inner = n.Pipe, []*parse.ListNode{n.List, n.ElseList}
		case *parse.RangeNode:
			pipe, inner = n.Pipe, []*parse.ListNode{n.List, n.ElseList}
		case *parse.WithNode:
			pipe, inner = n.Pipe, []*parse.ListNode{n.List, n.ElseList}
		}
		for _, l := range inner {
			if l != nil && cutIn(tree, l, place) {
				return true
			}
		}
		if pipe == nil || !holds(tree, pipe, place) {
			continue
		}
		if a, ok := n.(*parse.ActionNode); ok && len(a.Pipe.Decl) > 0 && !a.Pipe.IsAssign {
			list.Nodes = slices.Clone(list.Nodes[:i]) // its variable is used after it
		} else {
			list.Nodes = slices.Delete(slices.Clone(list.Nodes), i, i+1)
		}
		return true
	}
	return false
}

// holds reports whether a node of pipe is at place.
func holds(tree *parse.Tree, pipe *parse.PipeNode, place string) bool {
	found := false
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		if found || n == nil {
			return
		}
		if at(tree, n, place) {
			found = true
			return
		}
		switch n := n.(type) {
		case *parse.PipeNode:
			for _, c := range n.Cmds {
				walk(c)
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.ChainNode:
			walk(n.Node)
		}
	}
	walk(pipe)
	return found
}

// at reports whether n is at place, as an error at n names it.
func at(tree *parse.Tree, n parse.Node, place string) bool {
	loc, _ := tree.ErrorContext(n)
	return loc == place
}
