package tmplexec

import (
	"reflect"
	"sync"
	"text/template/parse"
)

// member is what a name means on one type: a method, an exported field
// of the struct it is or points to, or neither.
type member struct {
	method int          // index in the type's method set, or -1
	field  []int        // index of the struct field, or nil
	direct DirectMethod // the method's caller without reflection, if the set has one
}

type memberKey struct {
	t    reflect.Type
	name string
}

// members caches the lookups by name that text/template makes on every
// use of a field: a site's pages use the same few dozen over and over.
var members sync.Map // memberKey → member

func lookupMember(t reflect.Type, name string) member {
	k := memberKey{t, name}
	if m, ok := members.Load(k); ok {
		return m.(member)
	}
	m := member{method: -1}
	if meth, ok := t.MethodByName(name); ok {
		m.method = meth.Index
	}
	st := t
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() == reflect.Struct {
		if f, ok := st.FieldByName(name); ok && f.IsExported() {
			m.field = f.Index
		}
	}
	members.Store(k, m)
	return m
}

// fieldChain evaluates .A.B.C on receiver; the last name gets the
// command's arguments (args[1:], evaluated on dot) and final, if it is
// a method.
func (s *state) fieldChain(dot, receiver reflect.Value, names []string, args []parse.Node, final reflect.Value, have bool) reflect.Value {
	last := len(names) - 1
	for i := range last {
		receiver = s.field(dot, receiver, &names[i], nil, reflect.Value{}, false)
	}
	return s.field(dot, receiver, &names[last], args, final, have)
}

// field evaluates one name on receiver as text/template does: a method
// of the value or of a pointer to it, else a field of the struct it is
// or points to, or the element of a map by strings. Every failure is
// left to html/template.
func (s *state) field(dot, receiver reflect.Value, at *string, args []parse.Node, final reflect.Value, have bool) reflect.Value {
	name := *at
	if !receiver.IsValid() {
		return reflect.Value{} // text/template: no value, no error
	}
	receiver, isNil := indirect(receiver)
	if receiver.Kind() == reflect.Interface && isNil {
		s.give("nil interface evaluating %s", name)
	}
	ptr := receiver
	if ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	// One lookup for both: the methods of ptr, the fields of the struct
	// that receiver is and ptr is or points to.
	m := s.tree.member(ptr.Type(), at)
	if m.direct != nil && len(args) <= 1 && !have {
		return m.direct(ptr)
	}
	if m.method >= 0 {
		var callArgs []parse.Node
		if len(args) > 0 {
			callArgs = args[1:]
		}
		return s.callValue(dot, ptr.Method(m.method), nil, callArgs, final, have)
	}
	if receiver.Kind() == reflect.Map && receiver.Type().Key() == stringType {
		if len(args) > 1 || have {
			s.give("map key %s has arguments", name)
		}
		return receiver.MapIndex(reflect.ValueOf(name)) // no value when missing, as with missingkey=default
	}
	if receiver.Kind() != reflect.Struct {
		s.give("%s of a %s", name, receiver.Kind())
	}
	if m.field == nil {
		s.give("no field %s", name)
	}
	if len(args) > 1 || have {
		s.give("field %s has arguments", name)
	}
	if len(m.field) == 1 {
		return receiver.Field(m.field[0]) // no embedded struct to go through
	}
	f, err := receiver.FieldByIndexErr(m.field)
	if err != nil {
		s.give("%v", err)
	}
	return f
}
