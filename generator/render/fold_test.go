package render

import (
	"html/template"
	"strings"
	"testing"
	"text/template/parse"
)

// TestFoldEscaped: after the first execution, constants that the text and
// attribute escapers leave as they are become text, the others stay
// actions, and the output does not change.
func TestFoldEscaped(t *testing.T) {
	const src = `{{define "row"}}<td data-label="{{"编号"}}">{{.}}</td>{{end}}` +
		`<p title="{{"标题"}}">{{"正文"}} {{"a < b"}} {{"R&D"}}</p>` +
		`<a href="{{"docs/编号/"}}">{{"链接"}}</a><script>var s = {{"文本"}};</script>` +
		`{{range .}}{{template "row" .}}{{end}}{{if .}}{{"有"}}{{else}}{{"无"}}{{end}}`
	tpl := template.Must(template.New("base").Parse(src))
	var first, second strings.Builder
	if err := tpl.ExecuteTemplate(&first, "base", []string{"x", "<y>"}); err != nil {
		t.Fatal(err)
	}
	before := constantActions(tpl)
	foldEscaped(tpl)
	if err := tpl.ExecuteTemplate(&second, "base", []string{"x", "<y>"}); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Errorf("folding changed the output:\n%s\n%s", first.String(), second.String())
	}
	after := constantActions(tpl)
	// Left: "a < b" and "R&D" (escaped), the URL and the script string.
	if before != 10 || after != 4 {
		t.Errorf("constant actions: %d before, %d after folding; want 10 and 4", before, after)
	}
}

// constantActions counts the actions of tpl's templates that print a string constant.
func constantActions(tpl *template.Template) int {
	n := 0
	var walk func(l *parse.ListNode)
	walk = func(l *parse.ListNode) {
		if l == nil {
			return
		}
		for _, node := range l.Nodes {
			switch node := node.(type) {
			case *parse.ActionNode:
				if _, ok := node.Pipe.Cmds[0].Args[0].(*parse.StringNode); ok {
					n++
				}
			default:
				if b := branch(node); b != nil {
					walk(b.List)
					walk(b.ElseList)
				}
			}
		}
	}
	for _, tt := range tpl.Templates() {
		if tt.Tree != nil {
			walk(tt.Tree.Root)
		}
	}
	return n
}
