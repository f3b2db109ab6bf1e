package render

import (
	"html/template"
	"strconv"
	"text/template/parse"

	"ismsgen/generator/i18n"
	"ismsgen/generator/internal/tmplexec"
	"ismsgen/generator/internal/tmplwalk"
)

// foldStrings replaces every call of "t" with one string constant and no
// other argument ({{t "field.id"}}) by the string it returns, so that a
// table does not look up the same column label for each of its thousands
// of rows. The escaping that html/template adds is the same for the
// constant as for the call's result, so the pages do not change.
func foldStrings(n parse.Node, s *i18n.Strings) {
	tmplwalk.Nodes(n, func(n parse.Node) {
		c, ok := n.(*parse.CommandNode)
		if !ok || len(c.Args) != 2 {
			return
		}
		fn, ok1 := c.Args[0].(*parse.IdentifierNode)
		key, ok2 := c.Args[1].(*parse.StringNode)
		if ok1 && ok2 && fn.Ident == "t" {
			v := s.T(key.Text)
			c.Args = []parse.Node{&parse.StringNode{NodeType: parse.NodeString, Pos: key.Pos, Quoted: strconv.Quote(v), Text: v}}
		}
	})
}

// branch returns the branches of an if, range or with node, or nil.
func branch(n parse.Node) *parse.BranchNode {
	switch n := n.(type) {
	case *parse.IfNode:
		return &n.BranchNode
	case *parse.RangeNode:
		return &n.BranchNode
	case *parse.WithNode:
		return &n.BranchNode
	}
	return nil
}

// foldEscaped replaces each action of t's escaped templates that prints a
// string constant (a folded {{t "key"}}) through html/template's text or
// attribute escaper by the text it prints, when escaping leaves the
// constant as it is. A table's column labels are then written as text
// for each of its thousands of rows instead of going through a call of
// the escaper each time; the pages do not change. Templates that have
// not been escaped yet have no escaper in their actions and are left
// alone. t must not be executing.
func foldEscaped(t *template.Template) {
	for _, tt := range t.Templates() {
		if tt.Tree != nil {
			foldEscapedList(tt.Tree.Root)
		}
	}
}

func foldEscapedList(l *parse.ListNode) {
	if l == nil {
		return
	}
	nodes := make([]parse.Node, 0, len(l.Nodes))
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if s, ok := tmplexec.EscapedConstant(n); ok {
				nodes = appendText(nodes, &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: []byte(s)})
				continue
			}
		case *parse.TextNode:
			nodes = appendText(nodes, n)
			continue
		default:
			if b := branch(n); b != nil {
				foldEscapedList(b.List)
				foldEscapedList(b.ElseList)
			}
		}
		nodes = append(nodes, n)
	}
	l.Nodes = nodes
}

// appendText appends a text node, joined to the text node before it.
func appendText(nodes []parse.Node, t *parse.TextNode) []parse.Node {
	if len(nodes) == 0 {
		return append(nodes, t)
	}
	if last, ok := nodes[len(nodes)-1].(*parse.TextNode); ok {
		joined := make([]byte, 0, len(last.Text)+len(t.Text))
		nodes[len(nodes)-1] = &parse.TextNode{NodeType: parse.NodeText, Pos: last.Pos, Text: append(append(joined, last.Text...), t.Text...)}
		return nodes
	}
	return append(nodes, t)
}
