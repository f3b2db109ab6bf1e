// Package tmplwalk walks the parse trees of templates: the pruning of
// layouts and the folding of interface strings (render), and the check
// of a site's layouts' interface strings (generator), all look for calls
// in them.
package tmplwalk

import "text/template/parse"

// Nodes calls f for n and every node under it, in the order of the
// template's text.
func Nodes(n parse.Node, f func(parse.Node)) {
	if n == nil {
		return
	}
	f(n)
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				Nodes(c, f)
			}
		}
	case *parse.ActionNode:
		walkPipe(n.Pipe, f)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, f)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, f)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, f)
	case *parse.TemplateNode:
		walkPipe(n.Pipe, f)
	case *parse.PipeNode:
		walkPipe(n, f)
	case *parse.CommandNode:
		for _, a := range n.Args {
			Nodes(a, f)
		}
	case *parse.ChainNode:
		Nodes(n.Node, f)
	}
}

func walkBranch(n *parse.BranchNode, f func(parse.Node)) {
	walkPipe(n.Pipe, f)
	if n.List != nil {
		Nodes(n.List, f)
	}
	if n.ElseList != nil {
		Nodes(n.ElseList, f)
	}
}

func walkPipe(p *parse.PipeNode, f func(parse.Node)) {
	if p == nil {
		return
	}
	for _, c := range p.Cmds {
		Nodes(c, f)
	}
}
