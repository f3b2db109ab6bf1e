package render

import (
	"html/template"
	"slices"
	"strings"
	"text/template/parse"

	"ismsgen/generator/internal/tmplwalk"
)

// byName are the templates a page layout's set is made of: the page
// file's own over the shared ones (base.html, the partials, the rows).
type byName struct {
	own, shared *template.Template
}

func (b byName) lookup(name string) *template.Template {
	if t := b.own.Lookup(name); t != nil && t.Tree != nil {
		return t
	}
	if t := b.shared.Lookup(name); t != nil && t.Tree != nil {
		return t
	}
	return nil
}

// goCalled are the templates Go code runs by name (see listdata.go).
var goCalled = []string{"base", "list-tools"}

// pageSet makes the set of templates one page layout runs: those
// goCalled reach through {{template}}, through a name given to
// "cached", "cachedRows" or "eachRow", or through any other string that
// names a template; every "list-row:" template when a row template is
// picked by a list's .RowTemplate; and every template when a name is
// picked by any other value, which could name any. A page layout used
// to hold a copy of every partial, which on the embedded layouts is
// about 2,800 templates for some 200 used; what it does not reach it
// cannot run, so the pages are the same.
func pageSet(b byName, fm template.FuncMap) (*template.Template, error) {
	reach := map[string]bool{}
	dynamic, all := false, false
	var queue []string
	add := func(name string) {
		if name != "" && !reach[name] && b.lookup(name) != nil {
			reach[name] = true
			queue = append(queue, name)
		}
	}
	for _, name := range goCalled {
		add(name)
	}
	visit := func(n parse.Node) {
		tmplwalk.Nodes(n, func(n parse.Node) {
			switch n := n.(type) {
			case *parse.TemplateNode:
				add(n.Name)
			case *parse.StringNode:
				add(n.Text)
			case *parse.CommandNode:
				if len(n.Args) > 1 {
					if id, ok := n.Args[0].(*parse.IdentifierNode); ok && namesTemplate(id.Ident) {
						switch a := n.Args[1].(type) {
						case *parse.StringNode:
						case *parse.FieldNode:
							if a.Ident[len(a.Ident)-1] == "RowTemplate" {
								dynamic = true
							} else {
								all = true
							}
						default:
							all = true
						}
					}
				}
			}
		})
	}
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		visit(b.lookup(name).Tree.Root)
		if dynamic || all {
			for _, t := range append(b.own.Templates(), b.shared.Templates()...) {
				if all || strings.HasPrefix(t.Name(), "list-row:") {
					add(t.Name())
				}
			}
			dynamic, all = false, false // what they added is reached
		}
	}
	names := make([]string, 0, len(reach))
	for name := range reach {
		names = append(names, name)
	}
	slices.Sort(names)
	set := template.New("").Funcs(fm)
	for _, name := range names {
		if _, err := set.AddParseTree(name, b.lookup(name).Tree.Copy()); err != nil {
			return nil, err
		}
	}
	return set, nil
}

// namesTemplate reports whether the template function fn takes a
// template's name first.
func namesTemplate(fn string) bool {
	return fn == "cached" || fn == "cachedRows" || fn == "eachRow"
}
