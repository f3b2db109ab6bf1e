package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"text/template/parse"
)

var (
	errorType = reflect.TypeFor[error]()
	valueType = reflect.TypeFor[reflect.Value]()
)

// call compiles a call of the function id with args and, when have is
// true, the value of the command before as its last argument: the set's
// functions first, then the escapers, then the builtins, as
// text/template looks them up.
func (c *compiler) call(id *parse.IdentifierNode, args []parse.Node, have bool) command {
	name := id.Ident
	if fn, ok := c.set.funcs[name]; ok {
		return c.callFunc(fn, args, have)
	}
	if esc := escapers[name]; esc != nil {
		if len(args) != 0 || !have {
			return c.failCmd("%s with arguments", name)
		}
		return c.escaper(name, esc)
	}
	switch name {
	case "and", "or":
		return c.andOr(name == "or", args, have)
	case "not":
		v := c.only(args, have)
		return command{val: func(s *state, dot, final reflect.Value) reflect.Value {
			return reflect.ValueOf(!truth(v(s, dot, final)))
		}}
	case "len":
		v := c.only(args, have)
		return command{val: func(s *state, dot, final reflect.Value) reflect.Value {
			v, isNil := indirect(v(s, dot, final))
			switch v.Kind() {
			case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
				if !isNil {
					return reflect.ValueOf(v.Len())
				}
			}
			s.give("len of a %s", v.Kind())
			return reflect.Value{}
		}}
	case "eq", "ne":
		return c.eq(name, args, have)
	case "printf":
		if cmd, ok := c.printfOne(args, have); ok {
			return cmd
		}
		vals := c.values(args, have)
		return command{val: func(s *state, dot, final reflect.Value) reflect.Value {
			vals := vals(s, dot, final)
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
		}}
	}
	return c.failCmd("function %s", name)
}

// escaper compiles an escaper in the middle of a pipeline: its output, a
// plain string, goes on to the next command.
func (c *compiler) escaper(name string, esc escaper) command {
	apply := func(s *state, final reflect.Value) *bytes.Buffer {
		b := s.scratch
		b.Reset()
		if !esc(b, final) {
			s.give("%s: value left to html/template", name)
		}
		return b
	}
	return command{
		val: func(s *state, _, final reflect.Value) reflect.Value {
			b := apply(s, final)
			if final.IsValid() && final.Type() == stringType && string(b.Bytes()) == final.String() {
				return final // nothing to escape, as in most URLs: no new string
			}
			return reflect.ValueOf(b.String())
		},
		str: func(s *state, _, final reflect.Value) string {
			b := apply(s, final)
			if final.IsValid() && final.Type() == stringType && string(b.Bytes()) == final.String() {
				return final.String()
			}
			return b.String()
		},
	}
}

func (c *compiler) eq(name string, args []parse.Node, have bool) command {
	want := name == "eq"
	if len(args) == 2 && !have {
		// The common {{if eq .Status "approved"}}: no list of values.
		a, b := c.arg(args[0]), c.arg(args[1])
		if k, ok := args[1].(*parse.StringNode); ok {
			text := k.Text
			return command{val: func(s *state, dot, _ reflect.Value) reflect.Value {
				av := a(s, dot)
				if v := indirectInterface(av); basicKind(v) == stringKind {
					return reflect.ValueOf((v.String() == text) == want) // equal's answer, without boxing the constant
				}
				return reflect.ValueOf(equal(s, av, b(s, dot)) == want)
			}}
		}
		return command{val: func(s *state, dot, _ reflect.Value) reflect.Value {
			return reflect.ValueOf(equal(s, a(s, dot), b(s, dot)) == want)
		}}
	}
	vals := c.values(args, have)
	return command{val: func(s *state, dot, final reflect.Value) reflect.Value {
		vals := vals(s, dot, final)
		if len(vals) < 2 || !want && len(vals) != 2 {
			s.give("%s with %d arguments", name, len(vals))
		}
		eq := false
		for _, v := range vals[1:] {
			if equal(s, vals[0], v) {
				eq = true
				break
			}
		}
		return reflect.ValueOf(eq == want)
	}}
}

// values compiles the arguments of a builtin that takes any values.
func (c *compiler) values(args []parse.Node, have bool) func(s *state, dot, final reflect.Value) []reflect.Value {
	as := make([]evalFn, len(args))
	for i, a := range args {
		as[i] = c.arg(a)
	}
	return func(s *state, dot, final reflect.Value) []reflect.Value {
		vals := make([]reflect.Value, 0, len(as)+1)
		for _, a := range as {
			vals = append(vals, a(s, dot))
		}
		if have {
			vals = append(vals, final)
		}
		return vals
	}
}

// only compiles the single argument of a builtin like not or len.
func (c *compiler) only(args []parse.Node, have bool) cmdFn {
	switch {
	case len(args) == 1 && !have:
		a := c.arg(args[0])
		return func(s *state, dot, _ reflect.Value) reflect.Value { return a(s, dot) }
	case len(args) == 0 && have:
		return func(_ *state, _, final reflect.Value) reflect.Value { return final }
	}
	return c.failCmd("wrong number of arguments").val
}

// andOr compiles and/or: the first argument that decides, or the last,
// evaluating no argument after the one that decides.
func (c *compiler) andOr(or bool, args []parse.Node, have bool) command {
	if len(args) == 0 && !have {
		return c.failCmd("and/or without arguments")
	}
	as := make([]evalFn, len(args))
	for i, a := range args {
		as[i] = c.arg(a)
	}
	return command{val: func(s *state, dot, final reflect.Value) reflect.Value {
		var v reflect.Value
		for _, a := range as {
			v = a(s, dot)
			if truth(v) == or {
				return v
			}
		}
		if have {
			v = final
		}
		return v
	}}
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

// callFunc compiles a call of one of the set's functions, with the
// arguments text/template would give it, converted as text/template
// converts them: constants once, here.
func (c *compiler) callFunc(fn function, args []parse.Node, have bool) command {
	typ := fn.v.Type()
	numIn := len(args)
	if have {
		numIn++
	}
	numFixed, problem := callable(typ, numIn)
	if problem != "" {
		return c.failCmd("%s", problem)
	}
	if cmd, ok := c.directCall(fn, args, have); ok {
		return cmd
	}
	argFns := make([]evalFn, len(args))
	for i, a := range args {
		t := paramType(typ, numFixed, i)
		argFns[i] = c.typedArg(a, t)
	}
	var finalType reflect.Type
	if have {
		finalType = paramType(typ, numFixed, numIn-1)
	}
	load := func(s *state, dot, final reflect.Value) (int, []reflect.Value) {
		base, argv := s.pushArgs(numIn)
		for i, f := range argFns {
			argv[i] = f(s, dot)
		}
		if have {
			argv[numIn-1] = s.validate(final, finalType)
		}
		return base, argv
	}
	val, str := invoker(fn)
	cmd := command{val: func(s *state, dot, final reflect.Value) reflect.Value {
		base, argv := load(s, dot, final)
		v, err := val(argv)
		s.popArgs(base, argv)
		if err != nil {
			s.give("the function failed: %v", err)
		}
		return v
	}}
	if str != nil {
		cmd.str = func(s *state, dot, final reflect.Value) string {
			base, argv := load(s, dot, final)
			v, err := str(argv)
			s.popArgs(base, argv)
			if err != nil {
				s.give("the function failed: %v", err)
			}
			return v
		}
	}
	return cmd
}

// directCall compiles a call, with arguments of the right number, of the
// shapes of function that layouts call most: without reflection, without
// the stack of arguments, and with a plain string result not boxed.
func (c *compiler) directCall(fn function, args []parse.Node, have bool) (command, bool) {
	if have {
		return command{}, false
	}
	var str func(s *state, dot reflect.Value) string
	switch f := fn.raw.(type) {
	case func(string) string:
		a := c.stringArg(args[0])
		str = func(s *state, dot reflect.Value) string { return f(a(s, dot)) }
	case func(int) string:
		a := c.typedArg(args[0], fn.v.Type().In(0))
		str = func(s *state, dot reflect.Value) string { return f(int(a(s, dot).Int())) }
	case func(any) string:
		a := c.typedArg(args[0], fn.v.Type().In(0))
		str = func(s *state, dot reflect.Value) string { return f(ifaceOf(a(s, dot))) }
	case func([]string) string:
		a := c.typedArg(args[0], fn.v.Type().In(0))
		str = func(s *state, dot reflect.Value) string { return f(valueOf[[]string](a(s, dot))) }
	case func(string, ...any) string:
		key := c.stringArg(args[0])
		if len(args) == 1 {
			// An empty list, not nil, as reflect passes it.
			str = func(s *state, dot reflect.Value) string { return f(key(s, dot), []any{}...) }
			break
		}
		rest := make([]evalFn, len(args)-1)
		for i, a := range args[1:] {
			rest[i] = c.typedArg(a, fn.v.Type().In(1).Elem())
		}
		str = func(s *state, dot reflect.Value) string {
			k := key(s, dot)
			xs := make([]any, len(rest))
			for i, r := range rest {
				xs[i] = ifaceOf(r(s, dot))
			}
			return f(k, xs...)
		}
	default:
		return command{}, false
	}
	return command{
		val: func(s *state, dot, _ reflect.Value) reflect.Value { return reflect.ValueOf(str(s, dot)) },
		str: func(s *state, dot, _ reflect.Value) string { return str(s, dot) },
	}, true
}

// stringArg compiles an argument for a parameter of type string: a
// constant as it is, a pipeline that makes a plain string without
// boxing it.
func (c *compiler) stringArg(n parse.Node) func(s *state, dot reflect.Value) string {
	switch n := n.(type) {
	case *parse.StringNode:
		text := n.Text
		return func(*state, reflect.Value) string { return text }
	case *parse.PipeNode:
		if cmd := c.commands(n.Cmds); len(n.Decl) == 0 && cmd.str != nil {
			return func(s *state, dot reflect.Value) string { return cmd.str(s, dot, reflect.Value{}) }
		}
	}
	v := c.typedArg(n, stringType)
	return func(s *state, dot reflect.Value) string { return v(s, dot).String() }
}

// printfOne compiles {{printf "…%s…" ARG}}, with one verb %s, %v or %d,
// as what fmt writes for a string or an integer of a type without
// methods: the text around the verb and the value, joined.
func (c *compiler) printfOne(args []parse.Node, have bool) (command, bool) {
	if have || len(args) != 2 {
		return command{}, false
	}
	format, ok := args[0].(*parse.StringNode)
	if !ok {
		return command{}, false
	}
	i := strings.IndexByte(format.Text, '%')
	if i < 0 || i+1 >= len(format.Text) || strings.IndexByte(format.Text[i+2:], '%') >= 0 {
		return command{}, false
	}
	verb, prefix, suffix := format.Text[i+1], format.Text[:i], format.Text[i+2:]
	if verb != 's' && verb != 'v' && verb != 'd' {
		return command{}, false
	}
	arg, text := c.arg(args[1]), format.Text
	str := func(s *state, dot reflect.Value) string {
		v := arg(s, dot)
		if d := indirectInterface(v); d.IsValid() && d.Type().NumMethod() == 0 {
			switch basicKind(d) {
			case stringKind:
				if verb != 'd' {
					return prefix + d.String() + suffix
				}
			case intKind:
				if verb != 's' {
					return prefix + strconv.FormatInt(d.Int(), 10) + suffix
				}
			}
		}
		var x any
		if v.IsValid() {
			x = v.Interface()
		}
		return fmt.Sprintf(text, x)
	}
	return command{
		val: func(s *state, dot, _ reflect.Value) reflect.Value { return reflect.ValueOf(str(s, dot)) },
		str: func(s *state, dot, _ reflect.Value) string { return str(s, dot) },
	}, true
}

// paramType is the type of the parameter of a function of type typ that
// its argument i is given for.
func paramType(typ reflect.Type, numFixed, i int) reflect.Type {
	if i < numFixed || !typ.IsVariadic() {
		return typ.In(i)
	}
	return typ.In(typ.NumIn() - 1).Elem()
}

// callMethod calls fn, a method value, with the arguments text/template
// would give it, converted as text/template converts them.
func (s *state) callMethod(dot, fn reflect.Value, args []argNode, final reflect.Value, have bool) reflect.Value {
	typ := fn.Type()
	numIn := len(args)
	if have {
		numIn++
	}
	numFixed, problem := callable(typ, numIn)
	if problem != "" {
		s.give("%s", problem)
	}
	base, argv := s.pushArgs(numIn)
	for i := range args {
		argv[i] = args[i].typed(s, dot, paramType(typ, numFixed, i))
	}
	if have {
		argv[numIn-1] = s.validate(final, paramType(typ, numFixed, numIn-1))
	}
	v, err := callReflect(fn, argv)
	s.popArgs(base, argv)
	if err != nil {
		s.give("the function failed: %v", err)
	}
	return v
}

// callable says why a function of type typ cannot be called with numIn
// arguments as text/template calls one ("" when it can), and how many of
// its parameters come before a variadic one.
func callable(typ reflect.Type, numIn int) (numFixed int, problem string) {
	numFixed = typ.NumIn()
	if typ.IsVariadic() {
		numFixed--
		if numIn < numFixed {
			return numFixed, "too few arguments"
		}
	} else if numIn != numFixed {
		return numFixed, "wrong number of arguments"
	}
	if n := typ.NumOut(); n != 1 && (n != 2 || typ.Out(1) != errorType) {
		return numFixed, fmt.Sprintf("function of %d results", n)
	}
	return numFixed, ""
}

// callReflect calls fn through reflection with argv, already of its
// parameters' types.
func callReflect(fn reflect.Value, argv []reflect.Value) (reflect.Value, error) {
	out := fn.Call(argv)
	if len(out) == 2 && !out[1].IsNil() {
		return reflect.Value{}, out[1].Interface().(error)
	}
	if out[0].Type() == valueType {
		return reflect.Value{}, errors.New("it returned a reflect.Value")
	}
	return out[0], nil
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

// stream compiles the action c: its function's Stream writes the page.
func (c *compiler) stream(sc *streamCall) runFn {
	typ := sc.fn.Type()
	if typ.IsVariadic() || typ.NumIn() != len(sc.args) {
		return c.failRun("wrong number of arguments")
	}
	argFns := make([]evalFn, len(sc.args))
	for i, a := range sc.args {
		argFns[i] = c.typedArg(a, typ.In(i))
	}
	return func(s *state, dot reflect.Value) {
		base, argv := s.pushArgs(len(argFns))
		for i, f := range argFns {
			argv[i] = f(s, dot)
		}
		err := sc.stream(s.b, argv)
		s.popArgs(base, argv)
		if err != nil {
			s.give("the function failed: %v", err)
		}
	}
}

// invoker returns how to call fn once its arguments are of its
// parameters' types: val gives its value; str, when not nil, its plain
// string result without boxing it. The shapes of function that layouts
// use most are called without reflection.
func invoker(fn function) (val func([]reflect.Value) (reflect.Value, error), str func([]reflect.Value) (string, error)) {
	switch f := fn.raw.(type) {
	case func(string) string:
		str = func(argv []reflect.Value) (string, error) { return f(argv[0].String()), nil }
	case func(int) string:
		str = func(argv []reflect.Value) (string, error) { return f(int(argv[0].Int())), nil }
	case func(any) string:
		str = func(argv []reflect.Value) (string, error) { return f(ifaceOf(argv[0])), nil }
	case func([]string) string:
		str = func(argv []reflect.Value) (string, error) { return f(valueOf[[]string](argv[0])), nil }
	case func(string, ...any) string:
		str = func(argv []reflect.Value) (string, error) { return f(argv[0].String(), ifacesOf(argv[1:])...), nil }
	}
	if str != nil {
		return func(argv []reflect.Value) (reflect.Value, error) {
			s, err := str(argv)
			return reflect.ValueOf(s), err
		}, str
	}
	if fn.direct != nil {
		return fn.direct, nil
	}
	switch f := fn.raw.(type) {
	case func(int, int) int:
		return func(argv []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(int(argv[0].Int()), int(argv[1].Int()))), nil
		}, nil
	case func(string, any, ...any) (template.HTML, error): // a cache of fragments
		return func(argv []reflect.Value) (reflect.Value, error) {
			h, err := f(argv[0].String(), ifaceOf(argv[1]), ifacesOf(argv[2:])...)
			return reflect.ValueOf(h), err
		}, nil
	case func(string, string, string, any) (template.HTML, error): // a cache of rows
		return func(argv []reflect.Value) (reflect.Value, error) {
			h, err := f(argv[0].String(), argv[1].String(), argv[2].String(), ifaceOf(argv[3]))
			return reflect.ValueOf(h), err
		}, nil
	}
	v := fn.v
	return func(argv []reflect.Value) (reflect.Value, error) { return callReflect(v, argv) }, nil
}

// valueOf is v, of type T, as a T: read in place when it can be (a
// field, mostly), without the copy that Interface makes.
func valueOf[T any](v reflect.Value) T {
	if t := reflect.TypeFor[T](); v.Type() != t {
		v = v.Convert(t) // of a type assignable to T
	}
	if v.CanAddr() {
		return *(*T)(v.Addr().UnsafePointer())
	}
	return v.Interface().(T)
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
