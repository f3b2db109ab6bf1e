package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"sync"
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
		s.funcs[name] = function{v: reflect.ValueOf(f), raw: f, direct: direct[name]}
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
	st := &f.state
	*st = state{set: s, tree: tree, b: b, vars: append(f.vars[:0], variable{"$", dot}), scratch: &f.scratch, args: &f.args}
	tree.run(st, dot)
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
// as itself, to call directly when it has a common shape, and its Direct
// caller, if the set has one.
type function struct {
	v      reflect.Value
	raw    any
	direct Direct
}

type variable struct {
	name  string
	value reflect.Value
}

// frame is what one Execute uses and gives back for the next: its state,
// room for the variables of the template and of those it calls, which
// take theirs from the same array (see template), and the escapers'
// buffer. Rows and fragments are executed hundreds of thousands of times
// on a large site.
type frame struct {
	state   state
	vars    [16]variable
	scratch bytes.Buffer
	args    []reflect.Value // the arguments of the calls in progress
}

var frames = sync.Pool{New: func() any { return new(frame) }}

// release lets go of the values the frame refers to and gives it back.
func (f *frame) release() {
	f.state = state{}
	clear(f.vars[:])
	f.scratch.Reset()
	clear(f.args[:cap(f.args)]) // a call stopped by a fallback leaves its own
	f.args = f.args[:0]
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
