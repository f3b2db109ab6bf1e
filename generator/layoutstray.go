package generator

import (
	"strings"
	"text/template/parse"

	"ismsgen/generator/diag"
)

// strayText warns of what a site's own layout file holds outside its
// {{define}} blocks (layout-outside-define): every page runs a defined
// template ("base", which runs "main"), never a file as a whole, so that
// text or action is never shown, and nothing else would say so. Nodes
// that follow one another on one line are one warning.
func strayText(source string) diag.List {
	var diags diag.List
	eachOwnLayout(source, func(rel, text string, trees map[string]*parse.Tree) {
		top := trees[rel] // only when it holds more than spaces
		if top == nil {
			return
		}
		lastLine := 0 // the last line the warnings so far cover
		for _, n := range top.Root.Nodes {
			if t, ok := n.(*parse.TemplateNode); ok && trees[t.Name] != nil && isBlock(text, int(t.Pos)) {
				continue // {{block}} defines its template, which is used
			}
			at, shown := strayStart(text, n)
			if shown == "" {
				continue
			}
			line := lineAt(text, at)
			end := line
			if t, ok := n.(*parse.TextNode); ok {
				end = lineAt(text, int(t.Pos)+len(strings.TrimRight(string(t.Text), " \t\r\n")))
			}
			if line <= lastLine {
				lastLine = max(lastLine, end)
				continue
			}
			lastLine = end
			diags.Warnf(rel, line, "layout-outside-define",
				diag.Msg("put it inside a {{define \"…\"}} … {{end}} block, where the page's content goes in {{define \"main\"}}, or delete it"),
				"%q is outside every {{define}} block of the layout, and is ignored: pages show only defined templates", shown)
		}
	})
	diags.Sort()
	return diags
}

// strayStart is where node n starts in text (after the spaces of a
// text), and what it shows, shortened; "" for spaces alone.
func strayStart(text string, n parse.Node) (int, string) {
	at := int(n.Position())
	var s string
	if t, ok := n.(*parse.TextNode); ok {
		s = strings.TrimSpace(string(t.Text))
		at += len(t.Text) - len(strings.TrimLeft(string(t.Text), " \t\r\n"))
	} else {
		s = n.String()
		// An action's position is that of its pipeline, after "{{".
		if i := strings.LastIndex(text[:at], "{{"); i >= 0 {
			at = i
		}
	}
	if s == "" {
		return at, ""
	}
	if first, _, cut := strings.Cut(s, "\n"); cut || len([]rune(first)) > 40 {
		r := []rune(first)
		s = string(r[:min(len(r), 40)]) + "…"
	}
	return at, s
}

// isBlock reports whether the action at pos (of its pipeline or name)
// is a {{block}}.
func isBlock(text string, pos int) bool {
	i := strings.LastIndex(text[:pos], "{{")
	return i >= 0 && strings.HasPrefix(strings.TrimLeft(strings.TrimPrefix(text[i:pos], "{{"), "- "), "block")
}
