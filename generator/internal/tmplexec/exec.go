package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"strings"
	"sync"
	"text/template/parse"
)

// errFallback means: execute this with html/template. Every error of
// Execute is a *Fallback, which wraps it.
var errFallback = errors.New("left to html/template")

// Fallback is the error of an execution that Execute leaves to
// html/template: the template it was executing when it stopped, and why.
type Fallback struct {
	Template string // the template's name ("header")
	File     string // the name of what defined it, as parsed ("partials/header.html")
	Reason   string // what Execute does not run, or what failed
}

func (f *Fallback) Error() string {
	return fmt.Sprintf("template %q: %s: %s", f.Template, errFallback, f.Reason)
}

func (f *Fallback) Unwrap() error { return errFallback }

// fallback stops an execution; Execute recovers it.
type fallback struct {
	tree *tree // where it stopped
	why  string
}

// maxDepth is how deeply templates may call templates before Execute
// gives up (html/template then reports its own limit).
const maxDepth = 10000

// Set executes the escaped templates of one html/template set.
type Set struct {
	t       *template.Template
	funcs   map[string]function
	streams map[string]Stream
	methods map[MethodKey]DirectMethod
	trees   sync.Map // name → *tree, made from the tree t held
}

// New returns a Set that executes the templates of t, once html/template
// has escaped them, with funcs, the functions t was parsed with; direct
// may give some of them a Direct caller.
func New(t *template.Template, funcs template.FuncMap, direct map[string]Direct) *Set {
	s := &Set{t: t, funcs: make(map[string]function, len(funcs))}
	for name, f := range funcs {
		fn := function{reflect.ValueOf(f), f}
		if d := direct[name]; d != nil {
			fn.direct = d
		}
		s.funcs[name] = fn
	}
	return s
}

// Direct calls one of the set's functions without reflection, for a
// function of a type that tmplexec does not know (one that takes a
// caller's own types): argv are its arguments, already checked against
// its parameters' types as for any call. It must do what the function
// does.
type Direct func(argv []reflect.Value) (reflect.Value, error)

// MethodKey names a method: Name on values of Type (a pointer type for
// a method called on an addressable value, such as a field reached
// through a pointer).
type MethodKey struct {
	Type reflect.Type
	Name string
}

// DirectMethod calls a method that takes no arguments and returns one
// value without reflection: recv is the receiver, of the key's Type. It
// must do what the method does.
type DirectMethod func(recv reflect.Value) reflect.Value

// WithMethods gives the methods in m a caller without reflection, for
// their calls without arguments; call it before the first Execute. It
// returns s.
func (s *Set) WithMethods(m map[MethodKey]DirectMethod) *Set {
	s.methods = m
	return s
}

// Stream writes to w the template.HTML that its function, of the same
// name, would return for argv: in HTML text, {{f ARGS}} then writes into
// the page as it goes instead of making a string that is copied into
// it (a list of thousands of rows is megabytes). argv are f's arguments,
// as they would be passed to f.
type Stream func(w Writer, argv []reflect.Value) error

// WithStreams gives some of the set's functions a Stream; set it before
// the first Execute.
func (s *Set) WithStreams(m map[string]Stream) *Set {
	s.streams = m
	return s
}

// Writer is where Execute writes: a strings.Builder or a bytes.Buffer.
type Writer interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// Execute writes what the escaped template name writes for data to b. On
// an error b holds part of the output; the caller discards it and runs
// html/template instead.
func (s *Set) Execute(b Writer, name string, data any) (err error) {
	tree := s.tree(name)
	if tree == nil {
		return &Fallback{Template: name, Reason: "no such template"}
	}
	defer func() {
		if r := recover(); r != nil {
			if f, ok := r.(fallback); ok {
				err = &Fallback{Template: f.tree.name, File: f.tree.file, Reason: f.why}
				return
			}
			// A template function panicked.
			err = &Fallback{Template: tree.name, File: tree.file, Reason: fmt.Sprintf("a function panicked: %v", r)}
		}
	}()
	dot := reflect.ValueOf(data)
	f := frames.Get().(*frame)
	defer f.release()
	vars := append(f.vars[:0], variable{"$", dot})
	st := &state{set: s, tree: tree, b: b, vars: vars, scratch: &f.scratch, args: &f.args}
	st.walk(dot, tree.root)
	return nil
}

func (s *Set) tree(name string) *tree {
	if t, ok := s.trees.Load(name); ok {
		return t.(*tree)
	}
	tt := s.t.Lookup(name)
	if tt == nil || tt.Tree == nil || tt.Tree.Root == nil {
		return nil
	}
	t, _ := s.trees.LoadOrStore(name, newTree(s, tt.Tree))
	return t.(*tree)
}

// function is a template function, as a value to call by reflection and
// as itself, to call directly when it has a common shape.
type function struct {
	v      reflect.Value
	direct any
}

type variable struct {
	name  string
	value reflect.Value
}

// frame is what one Execute uses and gives back for the next: room for
// the variables of the template and of those it calls, which take theirs
// from the same array (see template), and the escapers' buffer. Rows and
// fragments are executed hundreds of thousands of times on a large site.
type frame struct {
	vars    [16]variable
	scratch bytes.Buffer
	args    []reflect.Value // the arguments of the calls in progress
}

var frames = sync.Pool{New: func() any { return new(frame) }}

// release lets go of the values the frame refers to and gives it back.
func (f *frame) release() {
	clear(f.vars[:])
	f.scratch.Reset()
	f.args = f.args[:0] // each call has cleared its own
	frames.Put(f)
}

type state struct {
	set     *Set
	tree    *tree // the template being executed
	b       Writer
	vars    []variable
	depth   int
	scratch *bytes.Buffer    // for escapers whose output goes on down a pipeline; shared with the templates called
	args    *[]reflect.Value // the frame's stack of arguments; shared with the templates called
}

func (s *state) give(format string, args ...any) {
	panic(fallback{s.tree, fmt.Sprintf(format, args...)})
}

func (s *state) walk(dot reflect.Value, node parse.Node) {
	switch n := node.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			s.walk(dot, c)
		}
	case *parse.TextNode:
		s.b.Write(n.Text)
	case *parse.ActionNode:
		a := s.tree.actions[n]
		if a.stream != nil {
			s.stream(dot, a.stream)
			return
		}
		if esc := a.esc; esc != nil {
			// The last escaper writes the page itself.
			if !esc(s.b, s.commands(dot, n.Pipe.Cmds[:len(n.Pipe.Cmds)-1])) {
				s.give("%s: value left to html/template", n)
			}
			return
		}
		s.pipeline(dot, n.Pipe)
		if len(n.Pipe.Decl) == 0 {
			// Every action that prints ends with an escaper once
			// html/template has escaped the tree.
			s.give("%s prints without an escaper", n)
		}
	case *parse.CommentNode:
	case *parse.IfNode:
		s.ifOrWith(false, dot, n.Pipe, n.List, n.ElseList)
	case *parse.WithNode:
		s.ifOrWith(true, dot, n.Pipe, n.List, n.ElseList)
	case *parse.RangeNode:
		s.rangeNode(dot, n)
	case *parse.TemplateNode:
		s.template(dot, n)
	default:
		s.give("%s is not supported", node)
	}
}

func (s *state) mark() int { return len(s.vars) }

func (s *state) pop(mark int) { s.vars = s.vars[:mark] }

func (s *state) varValue(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	s.give("undefined variable %s", name)
	return reflect.Value{}
}

func (s *state) setVar(name string, v reflect.Value) {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return
		}
	}
	s.give("undefined variable %s", name)
}

func (s *state) ifOrWith(with bool, dot reflect.Value, pipe *parse.PipeNode, list, elseList *parse.ListNode) {
	defer s.pop(s.mark())
	v := s.pipeline(dot, pipe)
	if truth(v) {
		if with {
			s.walk(v, list)
		} else {
			s.walk(dot, list)
		}
	} else if elseList != nil {
		s.walk(dot, elseList)
	}
}

func (s *state) rangeNode(dot reflect.Value, r *parse.RangeNode) {
	defer s.pop(s.mark())
	v, isNil := indirect(s.pipeline(dot, r.Pipe))
	if isNil {
		s.give("range over nil")
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
	case reflect.Invalid:
		if r.ElseList != nil {
			s.walk(dot, r.ElseList)
		}
		return
	default:
		s.give("range over a %s", v.Kind())
	}
	if r.Pipe.IsAssign && len(r.Pipe.Decl) > 0 {
		s.give("range with assignment")
	}
	if v.Len() == 0 {
		if r.ElseList != nil {
			s.walk(dot, r.ElseList)
		}
		return
	}
	mark := s.mark()
	for i := range v.Len() {
		elem := v.Index(i)
		switch len(r.Pipe.Decl) {
		case 1:
			s.vars[mark-1].value = elem
		case 2:
			s.vars[mark-1].value = elem
			s.vars[mark-2].value = reflect.ValueOf(i)
		}
		s.walk(elem, r.List)
		s.pop(mark)
	}
}

func (s *state) template(dot reflect.Value, t *parse.TemplateNode) {
	tree := s.set.tree(t.Name)
	if tree == nil {
		// html/template escapes a template called in another context
		// than HTML text as a copy named "name$htmltemplate_…", which it
		// does not let a Set look up.
		if name, _, copied := strings.Cut(t.Name, "$htmltemplate"); copied {
			s.give("{{template %q}} in an attribute, a script or a style", name)
		}
		s.give("no template %q", t.Name)
	}
	if s.depth == maxDepth {
		s.give("templates nested too deeply")
	}
	dot = s.pipeline(dot, t.Pipe)
	// The called template's variables go after the caller's, in the
	// room the caller's array has left: the caller does not look beyond
	// its own until the call returns.
	inner := state{set: s.set, tree: tree, b: s.b, vars: append(s.vars[len(s.vars):], variable{"$", dot}), depth: s.depth + 1, scratch: s.scratch, args: s.args}
	inner.walk(dot, tree.root)
}

func (s *state) pipeline(dot reflect.Value, pipe *parse.PipeNode) reflect.Value {
	if pipe == nil {
		return reflect.Value{}
	}
	v := s.commands(dot, pipe.Cmds)
	for _, d := range pipe.Decl {
		if pipe.IsAssign {
			s.setVar(d.Ident[0], v)
		} else {
			s.vars = append(s.vars, variable{d.Ident[0], v})
		}
	}
	return v
}

// commands evaluates a pipeline's commands, each one's value the final
// argument of the next.
func (s *state) commands(dot reflect.Value, cmds []*parse.CommandNode) reflect.Value {
	v, have := reflect.Value{}, false
	for _, cmd := range cmds {
		v = s.command(dot, cmd, v, have)
		have = true
		if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
			v = v.Elem()
		}
	}
	return v
}

// command evaluates one command of a pipeline; final is the value of the
// command before it, when have is true.
func (s *state) command(dot reflect.Value, cmd *parse.CommandNode, final reflect.Value, have bool) reflect.Value {
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return s.fieldChain(dot, dot, n.Ident, cmd.Args, final, have)
	case *parse.ChainNode:
		if n.Node.Type() == parse.NodeNil {
			s.give("field of nil")
		}
		return s.fieldChain(dot, s.arg(dot, n.Node), n.Field, cmd.Args, final, have)
	case *parse.VariableNode:
		v := s.varValue(n.Ident[0])
		if len(n.Ident) == 1 {
			s.noArgs(cmd.Args, have)
			return v
		}
		return s.fieldChain(dot, v, n.Ident[1:], cmd.Args, final, have)
	case *parse.IdentifierNode:
		return s.call(dot, n, cmd.Args[1:], final, have)
	case *parse.PipeNode:
		s.noArgs(cmd.Args, have)
		return s.pipeline(dot, n)
	}
	s.noArgs(cmd.Args, have)
	return s.constant(dot, cmd.Args[0])
}

func (s *state) noArgs(args []parse.Node, have bool) {
	if len(args) > 1 || have {
		s.give("arguments to something that is not a function")
	}
}

// constant is the value of a literal, or of dot, where the type it is
// wanted as is not known (as in an empty interface).
func (s *state) constant(dot reflect.Value, n parse.Node) reflect.Value {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.StringNode:
		return reflect.ValueOf(n.Text)
	case *parse.BoolNode:
		return reflect.ValueOf(n.True)
	case *parse.NumberNode:
		// Only decimal integers: text/template's rules for the other
		// forms of constant are left to it.
		if n.IsInt && !n.IsComplex && !strings.ContainsAny(n.Text, ".eEpPxX'_") && int64(int(n.Int64)) == n.Int64 {
			return reflect.ValueOf(int(n.Int64))
		}
	}
	s.give("constant %s", n)
	return reflect.Value{}
}

// arg evaluates an argument whose type is not known.
func (s *state) arg(dot reflect.Value, n parse.Node) reflect.Value {
	switch n := n.(type) {
	case *parse.FieldNode:
		return s.fieldChain(dot, dot, n.Ident, nil, reflect.Value{}, false)
	case *parse.VariableNode:
		v := s.varValue(n.Ident[0])
		if len(n.Ident) == 1 {
			return v
		}
		return s.fieldChain(dot, v, n.Ident[1:], nil, reflect.Value{}, false)
	case *parse.PipeNode:
		return s.pipeline(dot, n)
	case *parse.IdentifierNode:
		return s.call(dot, n, nil, reflect.Value{}, false)
	case *parse.ChainNode:
		if n.Node.Type() == parse.NodeNil {
			s.give("field of nil")
		}
		return s.fieldChain(dot, s.arg(dot, n.Node), n.Field, nil, reflect.Value{}, false)
	}
	return s.constant(dot, n)
}

// truth is text/template's truth of a value: false for zero numbers,
// empty strings and lists, nil; true for structs.
func truth(v reflect.Value) bool {
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return false
		}
		v = v.Elem()
	}
	if !v.IsValid() {
		return false
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0
	case reflect.Bool:
		return v.Bool()
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return !v.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0
	case reflect.Struct:
		return true
	}
	return false
}

// indirect follows pointers and interfaces to what they point to.
func indirect(v reflect.Value) (reflect.Value, bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}
