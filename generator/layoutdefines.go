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
	var diags diag.List
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
