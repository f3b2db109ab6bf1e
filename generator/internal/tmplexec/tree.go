package tmplexec

import (
	"reflect"
	"slices"
	"sync/atomic"
	"text/template/parse"
)

// tree is one escaped template with what executing it would otherwise
// look up on every use: the escaper that ends each action, and a cache of
// what each field or method name means on the types met there. Both are
// made once, when the template is first executed; the maps do not change
// after that, so executions read them without locks.
type tree struct {
	name, file string                     // the template's name and the file it was parsed from
	methods    map[MethodKey]DirectMethod // the set's
	root       *parse.ListNode
	actions    map[*parse.ActionNode]action
	names      map[*string]*nameSite // keyed by the name's place in its node
	calls      map[*parse.IdentifierNode]callee
}

// action is what an action is executed with, found in one lookup: the
// escaper it ends with (nil when it does not end with one), and its
// Stream call, if it has one.
type action struct {
	esc    escaper
	stream *streamCall
}

// streamCall is an action {{f ARGS}} in HTML text whose function f
// writes its HTML to the page itself (see Stream).
type streamCall struct {
	stream Stream
	fn     reflect.Value
	args   []parse.Node
}

// nameSite is one field or method name in a template: the types met
// there first.
type nameSite struct {
	seen atomic.Pointer[[]typedMember]
}

type typedMember struct {
	t reflect.Type
	m member
}

// maxSiteTypes is how many types a name keeps; a name met on more types
// (a partial given many kinds of data) looks the others up in members.
const maxSiteTypes = 4

func newTree(set *Set, t *parse.Tree) *tree {
	tr := &tree{name: t.Name, file: t.ParseName, methods: set.methods, root: t.Root, actions: map[*parse.ActionNode]action{}, names: map[*string]*nameSite{}, calls: map[*parse.IdentifierNode]callee{}}
	tr.index(set, t.Root)
	return tr
}

// index records the actions and names under n.
func (tr *tree) index(set *Set, n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				tr.index(set, c)
			}
		}
	case *parse.ActionNode:
		tr.actions[n] = action{esc: set.finalEscaper(n.Pipe), stream: set.streamCall(n.Pipe)}
		tr.index(set, n.Pipe)
	case *parse.IfNode:
		tr.indexBranch(set, &n.BranchNode)
	case *parse.WithNode:
		tr.indexBranch(set, &n.BranchNode)
	case *parse.RangeNode:
		tr.indexBranch(set, &n.BranchNode)
	case *parse.TemplateNode:
		tr.index(set, n.Pipe)
	case *parse.PipeNode:
		if n != nil {
			for _, cmd := range n.Cmds {
				for _, arg := range cmd.Args {
					tr.index(set, arg)
				}
			}
		}
	case *parse.IdentifierNode:
		tr.calls[n] = set.callee(n.Ident)
	case *parse.FieldNode:
		tr.addNames(n.Ident)
	case *parse.VariableNode:
		tr.addNames(n.Ident)
	case *parse.ChainNode:
		tr.index(set, n.Node)
		tr.addNames(n.Field)
	}
}

func (tr *tree) indexBranch(set *Set, b *parse.BranchNode) {
	tr.index(set, b.Pipe)
	tr.index(set, b.List)
	tr.index(set, b.ElseList)
}

func (tr *tree) addNames(names []string) {
	for i := range names {
		tr.names[&names[i]] = &nameSite{}
	}
}

// member is what the name at p means on t.
func (tr *tree) member(t reflect.Type, p *string) member {
	site := tr.names[p]
	if site == nil {
		return tr.lookup(t, *p)
	}
	seen := site.seen.Load()
	if seen != nil {
		for _, e := range *seen {
			if e.t == t {
				return e.m
			}
		}
	}
	m := tr.lookup(t, *p)
	if seen == nil || len(*seen) < maxSiteTypes {
		var next []typedMember
		if seen != nil {
			next = slices.Clone(*seen)
		}
		next = append(next, typedMember{t, m})
		site.seen.CompareAndSwap(seen, &next) // another execution may have added one meanwhile: it is kept
	}
	return m
}

// lookup is lookupMember with the set's caller of the method, if any.
func (tr *tree) lookup(t reflect.Type, name string) member {
	m := lookupMember(t, name)
	if m.method >= 0 {
		m.direct = tr.methods[MethodKey{t, name}]
	}
	return m
}

// finalEscaper returns the escaper that the action with pipe ends with,
// which then writes the page itself, or nil.
func (set *Set) finalEscaper(pipe *parse.PipeNode) escaper {
	last := len(pipe.Cmds) - 1
	if len(pipe.Decl) > 0 || last < 1 {
		return nil
	}
	cmd := pipe.Cmds[last]
	if len(cmd.Args) != 1 {
		return nil
	}
	id, ok := cmd.Args[0].(*parse.IdentifierNode)
	if !ok {
		return nil
	}
	if _, own := set.funcs[id.Ident]; own {
		return nil
	}
	return escapers[id.Ident]
}

// streamCall returns the call of the action with pipe when it is
// {{f ARGS | <escaper of HTML text>}} and f has a Stream: the escaper
// would pass f's template.HTML through as it is, so f may write it.
func (set *Set) streamCall(pipe *parse.PipeNode) *streamCall {
	if len(pipe.Decl) > 0 || len(pipe.Cmds) != 2 || len(pipe.Cmds[1].Args) != 1 {
		return nil
	}
	if esc, ok := pipe.Cmds[1].Args[0].(*parse.IdentifierNode); !ok || esc.Ident != htmlEscaper {
		return nil
	}
	if _, own := set.funcs[htmlEscaper]; own {
		return nil
	}
	call := pipe.Cmds[0]
	id, ok := call.Args[0].(*parse.IdentifierNode)
	if !ok {
		return nil
	}
	stream, fn := set.streams[id.Ident], set.funcs[id.Ident]
	if stream == nil || !fn.v.IsValid() {
		return nil
	}
	return &streamCall{stream: stream, fn: fn.v, args: call.Args[1:]}
}
