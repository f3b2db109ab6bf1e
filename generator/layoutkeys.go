package generator

import (
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"text/template/parse"

	"ismsgen/generator/diag"
	"ismsgen/generator/i18n"
	"ismsgen/generator/internal/safefile"
	"ismsgen/generator/internal/tmplwalk"
)

// unknownStrings warns of each interface string that a site's own layout
// asks for, {{t "key"}}, by a key the site's language does not have
// (layout-string): the page shows the key in brackets, [key], and
// nothing else would say so. The embedded layouts are held to their
// keys by a test.
func unknownStrings(source string, s *i18n.Strings) diag.List {
	var diags diag.List
	eachOwnLayout(source, func(rel, text string, trees map[string]*parse.Tree) {
		for _, name := range slices.Sorted(maps.Keys(trees)) {
			walkStrings(trees[name].Root, func(key *parse.StringNode) {
				if s.Has(key.Text) {
					return
				}
				at := int(key.Pos)
				d := diag.New(rel, lineAt(text, at), diag.Warning, "layout-string",
					diag.Msg("use a key of ismsgen's i18n/%s.toml, as ismsgen's own layouts do, or write the text itself in the layout", s.Lang),
					"the layout shows the interface string %q, which the site's language (%s) does not have: the page shows [%s]", key.Text, s.Lang, key.Text)
				d.Col = at - strings.LastIndexByte(text[:at], '\n')
				diags.Add(d)
			})
		}
	})
	diags.Sort()
	return diags
}

// eachOwnLayout calls f with each of the site's own layout files that
// parses: its path from the source, its text and its templates, the
// text outside {{define}} blocks under the path itself. A file that
// cannot be read or parsed is reported by the parse of the layouts.
func eachOwnLayout(source string, f func(rel, text string, trees map[string]*parse.Tree)) {
	root := filepath.Join(source, "layouts")
	_ = filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".html") {
			return nil
		}
		data, err := safefile.ReadRegular(path) // a named pipe is reported by the parse of the layouts
		if err != nil {
			return nil
		}
		rel, err := filepath.Rel(source, path)
		if err != nil {
			return nil
		}
		rel, text := filepath.ToSlash(rel), strings.TrimPrefix(string(data), bom)
		tree := parse.New(rel)
		tree.Mode = parse.SkipFuncCheck
		trees := map[string]*parse.Tree{}
		if _, err := tree.Parse(text, "", "", trees); err != nil {
			return nil
		}
		f(rel, text, trees)
		return nil
	})
}

// lineAt is the 1-based line of the byte at in text.
func lineAt(text string, at int) int { return 1 + strings.Count(text[:at], "\n") }

// walkStrings calls f with the key of every call t "key" under n.
func walkStrings(n parse.Node, f func(*parse.StringNode)) {
	tmplwalk.Nodes(n, func(n parse.Node) {
		c, ok := n.(*parse.CommandNode)
		if !ok || len(c.Args) < 2 {
			return
		}
		if id, ok := c.Args[0].(*parse.IdentifierNode); ok && id.Ident == "t" {
			if key, ok := c.Args[1].(*parse.StringNode); ok {
				f(key)
			}
		}
	})
}

// bom is the byte-order mark some editors save at the start of a file:
// no text of the layout's (render drops it too).
const bom = "\ufeff"
