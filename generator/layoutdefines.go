package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/template/parse"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/tmplwalk"
)

// lostDefines finds the templates that a site's own copy of base.html or
// of a partial no longer defines, though ismsgen's own file of that name
// does, no other layout defines them and a layout still runs them (an
// empty partials/footer.html, a {{define "foot"}} for "footer"). Each is
// an error at the site's file: the run would fail at the layout that
// runs the template, which the site may not even have a copy of.
// layouts is the site's layouts over builtin.
func lostDefines(source string, layouts, builtin fs.FS) diag.List {
	if builtin == nil {
		return nil
	}
	shared, _ := fs.Glob(layouts, "partials/*.html")
	shared = append([]string{"base.html"}, shared...)
	pages, _ := fs.Glob(layouts, "*.html")
	defined := map[string]bool{}
	used := map[string]string{} // a name a layout runs, and the first layout that runs it
	for _, name := range slices.Concat(shared, pages) {
		trees := parseLoose(layouts, name)
		isShared := slices.Contains(shared, name)
		for tn, tree := range trees {
			if isShared && tn != name {
				defined[tn] = true
			}
			tmplwalk.Nodes(tree.Root, func(n parse.Node) {
				if r := runs(n); r != "" && used[r] == "" {
					used[r] = name
				}
			})
		}
	}
	diags := redefined(source, layouts, shared)
	for _, name := range shared {
		if _, err := os.Stat(filepath.Join(source, "layouts", filepath.FromSlash(name))); err != nil {
			continue // not the site's own
		}
		for tn := range parseLoose(builtin, name) {
			if tn == name || defined[tn] || used[tn] == "" {
				continue
			}
			diags.Errorf("layouts/"+name, 0,
				diag.Msg("put it between {{define %q}} and {{end}} in this file, as ismsgen's own layouts/%s does, or delete the site's copy to use the default", tn, name),
				"the layout does not define the template %q, which ismsgen's own layouts/%s defines and layouts/%s runs", tn, name, used[tn])
		}
	}
	diags.Sort()
	return diags
}

// parseLoose parses one layout file for its templates, functions
// unchecked, as eachOwnLayout does; nil when it cannot be read or parsed
// (the parse of the layouts reports that).
func parseLoose(fsys fs.FS, name string) map[string]*parse.Tree {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil
	}
	tree := parse.New(name)
	tree.Mode = parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	if _, err := tree.Parse(strings.TrimPrefix(string(data), bom), "", "", trees); err != nil {
		return nil
	}
	return trees
}

// runs is the name of the template that node n runs: {{template "x"}},
// or a call of a function that runs its first argument by name
// ({{cached "x" …}}, {{cachedRows "x" …}}, {{eachRow "x" …}}).
func runs(n parse.Node) string {
	switch n := n.(type) {
	case *parse.TemplateNode:
		return n.Name
	case *parse.CommandNode:
		if len(n.Args) < 2 {
			return ""
		}
		id, ok := n.Args[0].(*parse.IdentifierNode)
		if !ok || !slices.Contains([]string{"cached", "cachedRows", "eachRow"}, id.Ident) {
			return ""
		}
		if s, ok := n.Args[1].(*parse.StringNode); ok {
			return s.Text
		}
	}
	return ""
}

// redefined warns of each template that more than one of the shared
// layout files (base.html, partials/) defines, at the site's own files
// among them (layout-redefined): pages use the one read last, by the
// files' names, so that a site's {{define "footer"}} in partials/a.html
// is silently not the footer, and one in partials/z.html silently is.
func redefined(source string, layouts fs.FS, shared []string) diag.List {
	type place struct {
		file string
		line int
	}
	where := map[string][]place{}
	for _, name := range shared {
		data, err := fs.ReadFile(layouts, name)
		if err != nil {
			continue
		}
		text := strings.TrimPrefix(string(data), bom)
		for tn, tree := range parseLoose(layouts, name) {
			if tn == name || isEmptyTree(tree) {
				continue // html/template keeps a non-empty template over an empty one
			}
			at := min(int(tree.Root.Position()), len(text))
			if i := strings.LastIndex(text[:at], "{{"); i >= 0 {
				at = i
			}
			where[tn] = append(where[tn], place{name, lineAt(text, at)})
		}
	}
	var diags diag.List
	for tn, places := range where {
		if len(places) < 2 {
			continue
		}
		used := places[len(places)-1].file // shared is in the order it is parsed
		for i, p := range places {
			if _, err := os.Stat(filepath.Join(source, "layouts", filepath.FromSlash(p.file))); err != nil {
				continue // ismsgen's own
			}
			other := places[len(places)-1].file
			if i == len(places)-1 {
				other = places[0].file
			}
			diags.Warnf("layouts/"+p.file, p.line, "layout-redefined",
				diag.Msg("define each template in one file: to change ismsgen's %q, copy its file to the same name in the site's layouts/ and change the copy", tn),
				"the template %q is defined here and in layouts/%s: pages use the one in layouts/%s, read last by the files' names", tn, other, used)
		}
	}
	return diags
}

// isEmptyTree reports whether a template holds nothing but spaces.
func isEmptyTree(t *parse.Tree) bool {
	for _, n := range t.Root.Nodes {
		if tx, ok := n.(*parse.TextNode); !ok || strings.TrimSpace(string(tx.Text)) != "" {
			return false
		}
	}
	return true
}
