package tmplexec

import (
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
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

// site is one field or method name in a template, with what it means on
// the types met there first.
type site struct {
	name  string
	quick atomic.Pointer[quickMember]
	seen  atomic.Pointer[[]typedMember]
}

// quickMember is what a name means on the first type met there, when
// that is a pointer to a struct or a struct and the name one of the
// struct's fields or a method with a direct caller: read on a value of
// that type without the lookups of field.
type quickMember struct {
	t      reflect.Type // the receiver's type, as given
	field  int          // the index of the field
	elem   bool         // t is a pointer; the field is of the struct it points to
	direct DirectMethod // the method's caller, if the name is a method's
}

type typedMember struct {
	t reflect.Type
	m member
}

// maxSiteTypes is how many types a name keeps; a name met on more types
// (a partial given many kinds of data) looks the others up in members.
const maxSiteTypes = 4

// member is what the name means on t, with the set's caller of the
// method, if any.
func (at *site) member(set *Set, t reflect.Type) member {
	seen := at.seen.Load()
	if seen != nil {
		for _, e := range *seen {
			if e.t == t {
				return e.m
			}
		}
	}
	m := lookupMember(t, at.name)
	if m.method >= 0 {
		m.direct = set.methods[MethodKey{t, at.name}]
	}
	if seen == nil || len(*seen) < maxSiteTypes {
		var next []typedMember
		if seen != nil {
			next = slices.Clone(*seen)
		}
		next = append(next, typedMember{t, m})
		at.seen.CompareAndSwap(seen, &next) // another execution may have added one meanwhile: it is kept
	}
	return m
}

// keepQuick makes m, the meaning of the name on the receiver given,
// the site's quickMember when it can be one.
func (at *site) keepQuick(given reflect.Value, m member) {
	t := given.Type()
	var q *quickMember
	switch {
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct && !given.IsNil():
		// field looked the name up on t itself.
		if m.direct != nil {
			q = &quickMember{t: t, elem: true, direct: m.direct}
		} else if m.method < 0 && len(m.field) == 1 {
			q = &quickMember{t: t, elem: true, field: m.field[0]}
		}
	case t.Kind() == reflect.Struct:
		// A field, whether the struct can be addressed (and the name
		// looked up on a pointer to it) or not.
		onPtr := lookupMember(reflect.PointerTo(t), at.name)
		onValue := lookupMember(t, at.name)
		if onPtr.method < 0 && onValue.method < 0 && len(onValue.field) == 1 {
			q = &quickMember{t: t, field: onValue.field[0]}
		}
	}
	if q != nil {
		at.quick.CompareAndSwap(nil, q)
	}
}

// fieldChain compiles .A.B.C on the receiver that recv evaluates (dot
// when nil); the last name gets the command's arguments (args[1:],
// evaluated on dot) and final, if it is a method.
func (c *compiler) fieldChain(recv evalFn, names []string, args []parse.Node, have bool) command {
	sites := make([]*site, len(names))
	for i, name := range names {
		sites[i] = &site{name: name}
	}
	var margs []argNode
	if len(args) > 1 {
		margs = c.argNodes(args[1:])
	}
	last, init := sites[len(sites)-1], sites[:len(sites)-1]
	return command{val: func(s *state, dot, final reflect.Value) reflect.Value {
		r := dot
		if recv != nil {
			r = recv(s, dot)
		}
		for _, at := range init {
			r = s.field(dot, r, at, nil, reflect.Value{}, false)
		}
		return s.field(dot, r, last, margs, final, have)
	}}
}

// field evaluates one name on receiver as text/template does: a method
// of the value or of a pointer to it, else a field of the struct it is
// or points to, or the element of a map by strings. Every failure is
// left to html/template.
func (s *state) field(dot, receiver reflect.Value, at *site, args []argNode, final reflect.Value, have bool) reflect.Value {
	if !receiver.IsValid() {
		return reflect.Value{} // text/template: no value, no error
	}
	if q := at.quick.Load(); q != nil && len(args) == 0 && !have && receiver.Type() == q.t {
		switch {
		case !q.elem:
			return receiver.Field(q.field)
		case receiver.IsNil():
		case q.direct != nil:
			return q.direct(receiver)
		default:
			return receiver.Elem().Field(q.field)
		}
	}
	given := receiver
	receiver, isNil := indirect(receiver)
	if receiver.Kind() == reflect.Interface && isNil {
		s.give("nil interface evaluating %s", at.name)
	}
	ptr := receiver
	if ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	// One lookup for both: the methods of ptr, the fields of the struct
	// that receiver is and ptr is or points to.
	m := at.member(s.set, ptr.Type())
	if len(args) == 0 && !have && at.quick.Load() == nil {
		at.keepQuick(given, m)
	}
	if m.direct != nil && len(args) == 0 && !have {
		return m.direct(ptr)
	}
	if m.method >= 0 {
		return s.callMethod(dot, ptr.Method(m.method), args, final, have)
	}
	if receiver.Kind() == reflect.Map && receiver.Type().Key() == stringType {
		if len(args) > 0 || have {
			s.give("map key %s has arguments", at.name)
		}
		return receiver.MapIndex(reflect.ValueOf(at.name)) // no value when missing, as with missingkey=default
	}
	if receiver.Kind() != reflect.Struct {
		s.give("%s of a %s", at.name, receiver.Kind())
	}
	if m.field == nil {
		s.give("no field %s", at.name)
	}
	if len(args) > 0 || have {
		s.give("field %s has arguments", at.name)
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
