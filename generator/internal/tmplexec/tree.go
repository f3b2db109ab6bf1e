package tmplexec

import (
	"reflect"
	"text/template/parse"
)

// tree is one escaped template compiled into closures (see compile.go):
// made once per set, when the template is first executed, and run by
// every execution without dispatching on the kinds of its nodes or
// looking anything up by node or by name again.
type tree struct {
	name, file string // the template's name and the file it was parsed from
	run        runFn  // executes the template's body
}

// The closures a template compiles into. Each takes the execution's state
// and dot; a command also the value of the command before it in its
// pipeline (final), when it has one.
type (
	runFn  func(s *state, dot reflect.Value)
	evalFn func(s *state, dot reflect.Value) reflect.Value
	cmdFn  func(s *state, dot, final reflect.Value) reflect.Value
	strFn  func(s *state, dot, final reflect.Value) string
)

func newTree(set *Set, t *parse.Tree) *tree {
	c := &compiler{set: set}
	return &tree{name: t.Name, file: t.ParseName, run: c.list(t.Root)}
}

// finalEscaper returns the escaper that the action with pipe ends with,
// which then writes the page itself, or nil.
func (set *Set) finalEscaper(pipe *parse.PipeNode) escaper {
	last := len(pipe.Cmds) - 1
	if len(pipe.Decl) > 0 || last < 1 {
		return nil
	}
	return set.escaperOf(pipe.Cmds[last])
}

// escaperOf returns the escaper that cmd is, when it is the bare name of
// one of html/template's escapers (and not of a function of the set's).
func (set *Set) escaperOf(cmd *parse.CommandNode) escaper {
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

// streamCall is an action {{f ARGS}} in HTML text whose function f
// writes its HTML to the page itself (see Stream).
type streamCall struct {
	stream Stream
	fn     reflect.Value
	args   []parse.Node
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
