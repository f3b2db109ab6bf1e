package tmplexec

import (
	"reflect"
	"strings"
	"sync/atomic"
	"text/template/parse"
)

// compiler turns an escaped tree into closures. What a node means that
// does not depend on the data (which function a name calls, the types of
// its parameters, the constants given for them, the escapers that end an
// action, the text between actions) is settled here, once; what does (a
// field's meaning on the receiver's type) is looked up when first met and
// kept where it is used. Whatever it cannot run compiles into a closure
// that gives the page to html/template when, and only when, it is run,
// as the template may never get there.
type compiler struct {
	set *Set
}

// fail is a closure that stops the execution with a reason; fmt's
// arguments are formatted when it runs.
func fail(format string, args ...any) func(s *state) {
	return func(s *state) { s.give(format, args...) }
}

func (c *compiler) failRun(format string, args ...any) runFn {
	f := fail(format, args...)
	return func(s *state, _ reflect.Value) { f(s) }
}

func (c *compiler) failEval(format string, args ...any) evalFn {
	f := fail(format, args...)
	return func(s *state, _ reflect.Value) reflect.Value { f(s); return reflect.Value{} }
}

func (c *compiler) failCmd(format string, args ...any) command {
	f := fail(format, args...)
	return command{val: func(s *state, _, _ reflect.Value) reflect.Value { f(s); return reflect.Value{} }}
}

// list compiles a list of nodes; text next to text (with only comments
// between) is written at once.
func (c *compiler) list(l *parse.ListNode) runFn {
	type step struct {
		text []byte
		run  runFn // nil for text
	}
	var steps []step
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			if k := len(steps) - 1; k >= 0 && steps[k].run == nil {
				t := steps[k].text
				steps[k].text = append(t[:len(t):len(t)], n.Text...) // a copy: the tree's text stays as it is
				continue
			}
			steps = append(steps, step{text: n.Text})
		case *parse.CommentNode:
		default:
			steps = append(steps, step{run: c.node(n)})
		}
	}
	switch {
	case len(steps) == 0:
		return func(*state, reflect.Value) {}
	case len(steps) == 1 && steps[0].run == nil:
		text := steps[0].text
		return func(s *state, _ reflect.Value) { s.b.Write(text) }
	case len(steps) == 1:
		return steps[0].run
	}
	return func(s *state, dot reflect.Value) {
		for i := range steps {
			if st := &steps[i]; st.run == nil {
				s.b.Write(st.text)
			} else {
				st.run(s, dot)
			}
		}
	}
}

func (c *compiler) node(n parse.Node) runFn {
	switch n := n.(type) {
	case *parse.ActionNode:
		return c.action(n)
	case *parse.IfNode:
		return c.ifOrWith(false, &n.BranchNode)
	case *parse.WithNode:
		return c.ifOrWith(true, &n.BranchNode)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.template(n)
	case *parse.ListNode:
		return c.list(n)
	}
	return c.failRun("%s is not supported", n)
}

func (c *compiler) action(n *parse.ActionNode) runFn {
	if sc := c.set.streamCall(n.Pipe); sc != nil {
		return c.stream(sc)
	}
	if c.set.finalEscaper(n.Pipe) != nil {
		return c.escaped(n)
	}
	p := c.pipeline(n.Pipe)
	if len(n.Pipe.Decl) > 0 {
		return func(s *state, dot reflect.Value) { p(s, dot) }
	}
	// Every action that prints ends with an escaper once html/template
	// has escaped the tree.
	f := fail("%s prints without an escaper", n)
	return func(s *state, dot reflect.Value) { p(s, dot); f(s) }
}

// escaped compiles an action that ends with html/template's escapers:
// the last writes the page; those before it pass plain strings along,
// new ones only where they change something.
func (c *compiler) escaped(n *parse.ActionNode) runFn {
	cmds := n.Pipe.Cmds
	first := len(cmds) - 1
	for first > 1 && c.set.escaperOf(cmds[first-1]) != nil {
		first--
	}
	var names []string
	for _, cmd := range cmds[first:] {
		names = append(names, cmd.Args[0].(*parse.IdentifierNode).Ident)
	}
	value := c.commands(cmds[:first])
	esc0 := escapers[names[0]]
	left := fail("%s: value left to html/template", n)
	if len(names) == 1 {
		if value.str != nil {
			str, esc := value.str, textEscapers[names[0]]
			return func(s *state, dot reflect.Value) { esc.write(s.b, str(s, dot, reflect.Value{})) }
		}
		val := value.val
		return func(s *state, dot reflect.Value) {
			if !esc0(s.b, val(s, dot, reflect.Value{})) {
				left(s)
			}
		}
	}
	first0 := textEscapers[names[0]]
	var mid []textEscaper
	for _, name := range names[1 : len(names)-1] {
		mid = append(mid, textEscapers[name])
	}
	last := textEscapers[names[len(names)-1]]
	return func(s *state, dot reflect.Value) {
		var str string
		if value.str != nil {
			str = s.through(first0, value.str(s, dot, reflect.Value{}))
		} else if v := value.val(s, dot, reflect.Value{}); v.Kind() == reflect.String && v.Type() == stringType {
			str = s.through(first0, v.String())
		} else {
			b := s.scratch
			b.Reset()
			if !esc0(b, v) {
				left(s)
			}
			str = b.String()
		}
		for _, esc := range mid {
			str = s.through(esc, str)
		}
		last.write(s.b, str)
	}
}

// through is what esc makes of the plain string str: str itself when esc
// changes nothing in it, as in most URLs.
func (s *state) through(esc textEscaper, str string) string {
	if !esc.changes(str) {
		return str
	}
	b := s.scratch
	b.Reset()
	esc.write(b, str)
	return b.String()
}

func (c *compiler) ifOrWith(with bool, br *parse.BranchNode) runFn {
	cond := c.pipeline(br.Pipe)
	list := c.list(br.List)
	var elseList runFn
	if br.ElseList != nil {
		elseList = c.list(br.ElseList)
	}
	return func(s *state, dot reflect.Value) {
		mark := len(s.vars)
		v := cond(s, dot)
		if truth(v) {
			if with {
				list(s, v)
			} else {
				list(s, dot)
			}
		} else if elseList != nil {
			elseList(s, dot)
		}
		s.vars = s.vars[:mark]
	}
}

func (c *compiler) rangeNode(r *parse.RangeNode) runFn {
	pipe := c.pipeline(r.Pipe)
	body := c.list(r.List)
	elseList := func(*state, reflect.Value) {}
	if r.ElseList != nil {
		elseList = c.list(r.ElseList)
	}
	decls, assign := len(r.Pipe.Decl), r.Pipe.IsAssign
	return func(s *state, dot reflect.Value) {
		start := len(s.vars)
		v, isNil := indirect(pipe(s, dot))
		if isNil {
			s.give("range over nil")
		}
		switch v.Kind() {
		case reflect.Slice, reflect.Array:
		case reflect.Invalid:
			elseList(s, dot)
			s.vars = s.vars[:start]
			return
		default:
			s.give("range over a %s", v.Kind())
		}
		if assign && decls > 0 {
			s.give("range with assignment")
		}
		n := v.Len()
		if n == 0 {
			elseList(s, dot)
			s.vars = s.vars[:start]
			return
		}
		mark := len(s.vars)
		for i := range n {
			elem := v.Index(i)
			switch decls {
			case 1:
				s.vars[mark-1].value = elem
			case 2:
				s.vars[mark-1].value = elem
				s.vars[mark-2].value = reflect.ValueOf(i)
			}
			body(s, elem)
			s.vars = s.vars[:mark]
		}
		s.vars = s.vars[:start]
	}
}

func (c *compiler) template(t *parse.TemplateNode) runFn {
	var missing func(*state)
	if name, _, copied := strings.Cut(t.Name, "$htmltemplate"); copied {
		// html/template escapes a template called in another context
		// than HTML text as a copy named "name$htmltemplate_…", which it
		// does not let a Set look up.
		missing = fail("{{template %q}} in an attribute, a script or a style", name)
	} else {
		missing = fail("no template %q", t.Name)
	}
	pipe := c.pipeline(t.Pipe)
	var called atomic.Pointer[tree] // found on the first call
	name := t.Name
	return func(s *state, dot reflect.Value) {
		tr := called.Load()
		if tr == nil {
			if tr = s.set.tree(name); tr == nil {
				missing(s)
			}
			called.Store(tr)
		}
		if s.depth == maxDepth {
			s.give("templates nested too deeply")
		}
		dot = pipe(s, dot)
		// The called template's variables go after the caller's, in the
		// room the caller's array has left: the caller does not look
		// beyond its own until the call returns.
		caller, vars := s.tree, s.vars
		s.tree, s.vars = tr, append(s.vars[len(s.vars):], variable{"$", dot})
		s.depth++
		tr.run(s, dot)
		s.depth--
		s.tree, s.vars = caller, vars
	}
}

// pipeline compiles a pipeline and its declarations; nil is no value.
func (c *compiler) pipeline(pipe *parse.PipeNode) evalFn {
	if pipe == nil {
		return func(*state, reflect.Value) reflect.Value { return reflect.Value{} }
	}
	cmds := c.commands(pipe.Cmds).val
	if len(pipe.Decl) == 0 {
		return func(s *state, dot reflect.Value) reflect.Value { return cmds(s, dot, reflect.Value{}) }
	}
	var names []string
	for _, d := range pipe.Decl {
		names = append(names, d.Ident[0])
	}
	assign := pipe.IsAssign
	return func(s *state, dot reflect.Value) reflect.Value {
		v := cmds(s, dot, reflect.Value{})
		for _, name := range names {
			if assign {
				s.setVar(name, v)
			} else {
				s.vars = append(s.vars, variable{name, v})
			}
		}
		return v
	}
}

// command is one compiled command: its value, and its text when the
// value is always a plain string (str is nil otherwise), which an
// escaper then takes without the string being boxed in a reflect.Value.
type command struct {
	val cmdFn
	str strFn
}

// commands compiles a pipeline's commands, each one's value the final
// argument of the next; the final argument of the result is not used.
func (c *compiler) commands(cmds []*parse.CommandNode) command {
	cs := make([]command, len(cmds))
	for i, cmd := range cmds {
		cs[i] = c.command(cmd, i > 0)
	}
	last := cs[len(cs)-1]
	if len(cs) == 1 {
		val := last.val
		return command{val: func(s *state, dot, _ reflect.Value) reflect.Value {
			return unboxed(val(s, dot, reflect.Value{}))
		}, str: last.str}
	}
	head := make([]cmdFn, len(cs)-1)
	for i, cmd := range cs[:len(cs)-1] {
		head[i] = cmd.val
	}
	before := func(s *state, dot reflect.Value) reflect.Value {
		var v reflect.Value
		for _, f := range head {
			v = unboxed(f(s, dot, v))
		}
		return v
	}
	out := command{val: func(s *state, dot, _ reflect.Value) reflect.Value {
		return unboxed(last.val(s, dot, before(s, dot)))
	}}
	if str := last.str; str != nil {
		out.str = func(s *state, dot, _ reflect.Value) string { return str(s, dot, before(s, dot)) }
	}
	return out
}

// unboxed is a command's value as the next command takes it: what an
// empty interface holds.
func unboxed(v reflect.Value) reflect.Value {
	if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
		return v.Elem()
	}
	return v
}

// command compiles one command of a pipeline; have says whether it is
// given the value of a command before it.
func (c *compiler) command(cmd *parse.CommandNode, have bool) command {
	args := cmd.Args
	noArgs := len(args) > 1 || have
	switch n := args[0].(type) {
	case *parse.FieldNode:
		return c.fieldChain(nil, n.Ident, args, have)
	case *parse.ChainNode:
		if n.Node.Type() == parse.NodeNil {
			return c.failCmd("field of nil")
		}
		return c.fieldChain(c.arg(n.Node), n.Field, args, have)
	case *parse.VariableNode:
		if len(n.Ident) > 1 {
			return c.fieldChain(c.variable(n.Ident[0]), n.Ident[1:], args, have)
		}
		if noArgs {
			return c.failCmd("arguments to something that is not a function")
		}
		name := n.Ident[0]
		return command{val: func(s *state, _, _ reflect.Value) reflect.Value { return s.varValue(name) }}
	case *parse.IdentifierNode:
		return c.call(n, args[1:], have)
	}
	if noArgs {
		return c.failCmd("arguments to something that is not a function")
	}
	var v evalFn
	if p, ok := args[0].(*parse.PipeNode); ok {
		v = c.pipeline(p)
	} else {
		v = c.constant(args[0])
	}
	return command{val: func(s *state, dot, _ reflect.Value) reflect.Value { return v(s, dot) }}
}

func (c *compiler) variable(name string) evalFn {
	return func(s *state, _ reflect.Value) reflect.Value { return s.varValue(name) }
}

// arg compiles an argument whose type is not known.
func (c *compiler) arg(n parse.Node) evalFn {
	var cmd command
	switch n := n.(type) {
	case *parse.FieldNode:
		cmd = c.fieldChain(nil, n.Ident, nil, false)
	case *parse.VariableNode:
		if len(n.Ident) == 1 {
			return c.variable(n.Ident[0])
		}
		cmd = c.fieldChain(c.variable(n.Ident[0]), n.Ident[1:], nil, false)
	case *parse.PipeNode:
		return c.pipeline(n)
	case *parse.IdentifierNode:
		cmd = c.call(n, nil, false)
	case *parse.ChainNode:
		if n.Node.Type() == parse.NodeNil {
			return c.failEval("field of nil")
		}
		cmd = c.fieldChain(c.arg(n.Node), n.Field, nil, false)
	default:
		return c.constant(n)
	}
	f := cmd.val
	return func(s *state, dot reflect.Value) reflect.Value { return f(s, dot, reflect.Value{}) }
}

// constant compiles a literal, or dot, where the type it is wanted as is
// not known (as in an empty interface).
func (c *compiler) constant(n parse.Node) evalFn {
	var v reflect.Value
	switch n := n.(type) {
	case *parse.DotNode:
		return func(_ *state, dot reflect.Value) reflect.Value { return dot }
	case *parse.StringNode:
		v = reflect.ValueOf(n.Text)
	case *parse.BoolNode:
		v = reflect.ValueOf(n.True)
	case *parse.NumberNode:
		// Only decimal integers: text/template's rules for the other
		// forms of constant are left to it.
		if !n.IsInt || n.IsComplex || strings.ContainsAny(n.Text, ".eEpPxX'_") || int64(int(n.Int64)) != n.Int64 {
			return c.failEval("constant %s", n)
		}
		v = reflect.ValueOf(int(n.Int64))
	default:
		return c.failEval("constant %s", n)
	}
	return func(*state, reflect.Value) reflect.Value { return v }
}

// typedArg compiles an argument for a parameter of type typ.
func (c *compiler) typedArg(n parse.Node, typ reflect.Type) evalFn {
	switch n := n.(type) {
	case *parse.DotNode:
		return func(s *state, dot reflect.Value) reflect.Value { return s.validate(dot, typ) }
	case *parse.NilNode:
		if !canBeNil(typ) {
			return c.failEval("nil for a %s", typ)
		}
		z := reflect.Zero(typ)
		return func(*state, reflect.Value) reflect.Value { return z }
	case *parse.FieldNode, *parse.VariableNode, *parse.PipeNode, *parse.IdentifierNode, *parse.ChainNode:
		v := c.arg(n)
		return func(s *state, dot reflect.Value) reflect.Value { return s.validate(v(s, dot), typ) }
	}
	if v, ok := constantFor(n, typ); ok {
		return func(*state, reflect.Value) reflect.Value { return v }
	}
	if typ.Kind() == reflect.Interface && typ.NumMethod() == 0 {
		return c.constant(n)
	}
	return c.failEval("argument %s for a %s", n, typ)
}

// constantFor is the literal n as a value of a parameter of type typ,
// if text/template would give it as one.
func constantFor(n parse.Node, typ reflect.Type) (reflect.Value, bool) {
	switch typ.Kind() {
	case reflect.String:
		if str, ok := n.(*parse.StringNode); ok {
			v := reflect.New(typ).Elem()
			v.SetString(str.Text)
			return v, true
		}
	case reflect.Bool:
		if b, ok := n.(*parse.BoolNode); ok {
			v := reflect.New(typ).Elem()
			v.SetBool(b.True)
			return v, true
		}
	case reflect.Int:
		if num, ok := n.(*parse.NumberNode); ok && num.IsInt {
			v := reflect.New(typ).Elem()
			v.SetInt(num.Int64)
			return v, true
		}
	}
	return reflect.Value{}, false
}

// argNode is an argument of a method, whose parameters' types are known
// only once the receiver is: typed converts it for one.
type argNode struct {
	node  parse.Node
	value evalFn // what the argument is, its type aside
}

func (c *compiler) argNodes(args []parse.Node) []argNode {
	out := make([]argNode, len(args))
	for i, n := range args {
		out[i] = argNode{node: n, value: c.arg(n)}
	}
	return out
}

// typed is what typedArg compiles, for a type known at run time.
func (a *argNode) typed(s *state, dot reflect.Value, typ reflect.Type) reflect.Value {
	switch a.node.(type) {
	case *parse.DotNode:
		return s.validate(dot, typ)
	case *parse.NilNode:
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.give("nil for a %s", typ)
	case *parse.FieldNode, *parse.VariableNode, *parse.PipeNode, *parse.IdentifierNode, *parse.ChainNode:
		return s.validate(a.value(s, dot), typ)
	}
	if v, ok := constantFor(a.node, typ); ok {
		return v
	}
	if typ.Kind() == reflect.Interface && typ.NumMethod() == 0 {
		return a.value(s, dot)
	}
	s.give("argument %s for a %s", a.node, typ)
	return reflect.Value{}
}
