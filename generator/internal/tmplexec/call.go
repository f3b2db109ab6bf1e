package tmplexec

import (
	"fmt"
	"html/template"
	"reflect"
	"text/template/parse"
)

var (
	errorType = reflect.TypeFor[error]()
	valueType = reflect.TypeFor[reflect.Value]()
)

// call calls the function name with args and, when have is true, final
// as its last argument: the set's functions first, then the escapers,
// then the builtins, as text/template looks them up.
func (s *state) call(dot reflect.Value, id *parse.IdentifierNode, args []parse.Node, final reflect.Value, have bool) reflect.Value {
	name := id.Ident
	c, ok := s.tree.calls[id]
	if !ok {
		c = s.set.callee(name)
	}
	if c.own {
		return s.callValue(dot, c.fn.v, c.fn.direct, args, final, have)
	}
	if esc := c.esc; esc != nil {
		if len(args) != 0 || !have {
			s.give("%s with arguments", name)
		}
		b := s.scratch
		b.Reset()
		if !esc(b, final) {
			s.give("%s: value left to html/template", name)
		}
		if final.IsValid() && final.Type() == stringType && string(b.Bytes()) == final.String() {
			return final // nothing to escape, as in most URLs: no new string
		}
		return reflect.ValueOf(b.String())
	}
	switch name {
	case "and", "or":
		return s.andOr(dot, name == "or", args, final, have)
	case "not":
		return reflect.ValueOf(!truth(s.only(dot, args, final, have)))
	case "len":
		v, isNil := indirect(s.only(dot, args, final, have))
		switch v.Kind() {
		case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
			if !isNil {
				return reflect.ValueOf(v.Len())
			}
		}
		s.give("len of a %s", v.Kind())
	case "eq", "ne":
		if len(args) == 2 && !have {
			// The common {{if eq .Status "approved"}}: no list of
			// values, and a constant string compared where it is.
			a := s.arg(dot, args[0])
			var eq bool
			if c, ok := args[1].(*parse.StringNode); ok && basicKind(indirectInterface(a)) == stringKind {
				eq = indirectInterface(a).String() == c.Text // equal's answer, without boxing the constant
			} else {
				eq = equal(s, a, s.arg(dot, args[1]))
			}
			return reflect.ValueOf(eq == (name == "eq"))
		}
		vals := s.values(dot, args, final, have)
		if len(vals) < 2 || name == "ne" && len(vals) != 2 {
			s.give("%s with %d arguments", name, len(vals))
		}
		eq := false
		for _, v := range vals[1:] {
			if equal(s, vals[0], v) {
				eq = true
				break
			}
		}
		return reflect.ValueOf(eq == (name == "eq"))
	case "printf":
		vals := s.values(dot, args, final, have)
		if len(vals) == 0 {
			s.give("printf without a format")
		}
		format := s.validate(vals[0], stringType)
		rest := make([]any, len(vals)-1)
		for i, v := range vals[1:] {
			if v.IsValid() {
				rest[i] = v.Interface()
			}
		}
		return reflect.ValueOf(fmt.Sprintf(format.String(), rest...))
	}
	s.give("function %s", name)
	return reflect.Value{}
}

// callee is what a function name means in a set: one of its functions,
// else an escaper, else neither (a builtin).
type callee struct {
	fn  function
	own bool // fn is the set's function of that name
	esc escaper
}

func (set *Set) callee(name string) callee {
	if fn, ok := set.funcs[name]; ok {
		return callee{fn: fn, own: true}
	}
	return callee{esc: escapers[name]}
}

// values evaluates the arguments of a builtin that takes any values.
func (s *state) values(dot reflect.Value, args []parse.Node, final reflect.Value, have bool) []reflect.Value {
	vals := make([]reflect.Value, 0, len(args)+1)
	for _, a := range args {
		vals = append(vals, s.arg(dot, a))
	}
	if have {
		vals = append(vals, final)
	}
	return vals
}

// only is the single argument of a builtin like not or len.
func (s *state) only(dot reflect.Value, args []parse.Node, final reflect.Value, have bool) reflect.Value {
	switch {
	case len(args) == 1 && !have:
		return s.arg(dot, args[0])
	case len(args) == 0 && have:
		return final
	}
	s.give("wrong number of arguments")
	return reflect.Value{}
}

// andOr evaluates and/or: the first argument that decides, or the last,
// evaluating no argument after the one that decides.
func (s *state) andOr(dot reflect.Value, or bool, args []parse.Node, final reflect.Value, have bool) reflect.Value {
	if len(args) == 0 && !have {
		s.give("and/or without arguments")
	}
	var v reflect.Value
	for _, a := range args {
		v = s.arg(dot, a)
		if truth(v) == or {
			return v
		}
	}
	if have {
		v = final
	}
	return v
}

// equal is text/template's eq for two values of the same basic kind (or
// integers of either sign); everything else is left to html/template.
func equal(s *state, a, b reflect.Value) bool {
	a, b = indirectInterface(a), indirectInterface(b)
	ka, kb := basicKind(a), basicKind(b)
	switch {
	case ka == kb && ka != otherKind:
		switch ka {
		case boolKind:
			return a.Bool() == b.Bool()
		case intKind:
			return a.Int() == b.Int()
		case uintKind:
			return a.Uint() == b.Uint()
		case floatKind:
			return a.Float() == b.Float()
		case stringKind:
			return a.String() == b.String()
		}
	case ka == intKind && kb == uintKind:
		return a.Int() >= 0 && uint64(a.Int()) == b.Uint()
	case ka == uintKind && kb == intKind:
		return b.Int() >= 0 && a.Uint() == uint64(b.Int())
	case ka != kb && (!a.IsValid() || !b.IsValid()):
		return false
	}
	s.give("eq of a %s and a %s", a.Kind(), b.Kind())
	return false
}

type kind int

const (
	otherKind kind = iota
	boolKind
	intKind
	uintKind
	floatKind
	stringKind
)

func basicKind(v reflect.Value) kind {
	switch v.Kind() {
	case reflect.Bool:
		return boolKind
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intKind
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintKind
	case reflect.Float32, reflect.Float64:
		return floatKind
	case reflect.String:
		return stringKind
	}
	return otherKind
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

// callValue calls fn, a function or method value, with the arguments
// text/template would give it, converted as text/template converts them.
// A function given as direct is called without reflection when it has
// one of the common shapes.
func (s *state) callValue(dot, fn reflect.Value, direct any, args []parse.Node, final reflect.Value, have bool) reflect.Value {
	typ := fn.Type()
	numIn := len(args)
	if have {
		numIn++
	}
	numFixed := typ.NumIn()
	if typ.IsVariadic() {
		numFixed--
		if numIn < numFixed {
			s.give("too few arguments")
		}
	} else if numIn != numFixed {
		s.give("wrong number of arguments")
	}
	switch {
	case typ.NumOut() == 1:
	case typ.NumOut() == 2 && typ.Out(1) == errorType:
	default:
		s.give("function of %d results", typ.NumOut())
	}
	base, argv := s.pushArgs(numIn)
	defer s.popArgs(base, argv)
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		argv[i] = s.typedArg(dot, typ.In(i), args[i])
	}
	if typ.IsVariadic() {
		elem := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			argv[i] = s.typedArg(dot, elem, args[i])
		}
	}
	if have {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		argv[i] = s.validate(final, t)
	}
	if v, ok, err := callDirect(direct, argv); ok {
		if err != nil {
			s.give("the function failed: %v", err)
		}
		return v
	}
	out := fn.Call(argv)
	if len(out) == 2 && !out[1].IsNil() {
		s.give("the function failed: %v", out[1].Interface())
	}
	if out[0].Type() == valueType {
		s.give("a function returned a reflect.Value")
	}
	return out[0]
}

// pushArgs makes room for n arguments on the frame's stack, above those
// of the calls in progress: a call made while they are evaluated goes
// above them (when it grows the stack, argv keeps the old array).
func (s *state) pushArgs(n int) (int, []reflect.Value) {
	base := len(*s.args)
	*s.args = append(*s.args, make([]reflect.Value, n)...)
	return base, (*s.args)[base : base+n : base+n]
}

// popArgs takes the arguments pushArgs made room for off the stack.
func (s *state) popArgs(base int, argv []reflect.Value) {
	clear(argv)
	*s.args = (*s.args)[:base]
}

// stream runs the action c: its function's Stream writes the page.
func (s *state) stream(dot reflect.Value, c *streamCall) {
	typ := c.fn.Type()
	if typ.IsVariadic() || typ.NumIn() != len(c.args) {
		s.give("wrong number of arguments")
	}
	base, argv := s.pushArgs(len(c.args))
	defer s.popArgs(base, argv)
	for i, a := range c.args {
		argv[i] = s.typedArg(dot, typ.In(i), a)
	}
	if err := c.stream(s.b, argv); err != nil {
		s.give("the function failed: %v", err)
	}
}

// callDirect calls the shapes of function that layouts use most without
// reflection; the arguments are already of the parameters' types.
func callDirect(fn any, argv []reflect.Value) (reflect.Value, bool, error) {
	switch f := fn.(type) {
	case Direct:
		v, err := f(argv)
		return v, true, err
	case func(string) string:
		return reflect.ValueOf(f(argv[0].String())), true, nil
	case func(int) string:
		return reflect.ValueOf(f(int(argv[0].Int()))), true, nil
	case func(any) string:
		return reflect.ValueOf(f(ifaceOf(argv[0]))), true, nil
	case func(int, int) int:
		return reflect.ValueOf(f(int(argv[0].Int()), int(argv[1].Int()))), true, nil
	case func(string, ...any) string:
		return reflect.ValueOf(f(argv[0].String(), ifacesOf(argv[1:])...)), true, nil
	case func(string, any, ...any) (template.HTML, error): // a cache of fragments
		h, err := f(argv[0].String(), ifaceOf(argv[1]), ifacesOf(argv[2:])...)
		return reflect.ValueOf(h), true, err
	case func(string, string, string, any) (template.HTML, error): // a cache of rows
		h, err := f(argv[0].String(), argv[1].String(), argv[2].String(), ifaceOf(argv[3]))
		return reflect.ValueOf(h), true, err
	}
	return reflect.Value{}, false, nil
}

// ifacesOf is what a final parameter ...any receives.
func ifacesOf(argv []reflect.Value) []any {
	rest := make([]any, len(argv))
	for i, a := range argv {
		rest[i] = ifaceOf(a)
	}
	return rest
}

// ifaceOf is the interface value a parameter of type any receives.
func ifaceOf(v reflect.Value) any {
	if !v.IsValid() || v.Kind() == reflect.Interface && v.IsNil() {
		return nil
	}
	return v.Interface()
}

// typedArg evaluates an argument for a parameter of type typ.
func (s *state) typedArg(dot reflect.Value, typ reflect.Type, n parse.Node) reflect.Value {
	switch n := n.(type) {
	case *parse.DotNode:
		return s.validate(dot, typ)
	case *parse.NilNode:
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.give("nil for a %s", typ)
	case *parse.FieldNode, *parse.VariableNode, *parse.PipeNode, *parse.IdentifierNode, *parse.ChainNode:
		return s.validate(s.arg(dot, n), typ)
	}
	switch typ.Kind() {
	case reflect.String:
		if str, ok := n.(*parse.StringNode); ok {
			v := reflect.New(typ).Elem()
			v.SetString(str.Text)
			return v
		}
	case reflect.Bool:
		if b, ok := n.(*parse.BoolNode); ok {
			v := reflect.New(typ).Elem()
			v.SetBool(b.True)
			return v
		}
	case reflect.Int:
		if num, ok := n.(*parse.NumberNode); ok && num.IsInt {
			v := reflect.New(typ).Elem()
			v.SetInt(num.Int64)
			return v
		}
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			return s.constant(dot, n)
		}
	}
	s.give("argument %s for a %s", n, typ)
	return reflect.Value{}
}

// validate converts v for a parameter of type typ as text/template does:
// as it is when assignable, else from an interface, through one pointer
// or to one pointer.
func (s *state) validate(v reflect.Value, typ reflect.Type) reflect.Value {
	if !v.IsValid() {
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.give("no value for a %s", typ)
	}
	if v.Type().AssignableTo(typ) {
		return v
	}
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
		if v.Type().AssignableTo(typ) {
			return v
		}
	}
	switch {
	case v.Kind() == reflect.Pointer && v.Type().Elem().AssignableTo(typ):
		if v.IsNil() {
			s.give("nil pointer for a %s", typ)
		}
		return v.Elem()
	case reflect.PointerTo(v.Type()).AssignableTo(typ) && v.CanAddr():
		return v.Addr()
	}
	s.give("a %s for a %s", v.Type(), typ)
	return reflect.Value{}
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	}
	return false
}
