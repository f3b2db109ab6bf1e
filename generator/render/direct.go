package render

import (
	"html/template"
	"reflect"
	"sync/atomic"

	"ismsgen/generator/internal/tmplexec"
	"ismsgen/generator/model"
)

// directs gives the functions of fm that the layouts call most, and
// whose types tmplexec does not know, a caller without reflection: on
// 10,000 documents, half a million calls (date, rows, join, depts,
// docList) that went through reflect.Value.Call.
func directs(fm template.FuncMap) map[string]tmplexec.Direct {
	out := map[string]tmplexec.Direct{}
	if f, ok := fm["date"].(func(model.Date) string); ok {
		out["date"] = dateCaller(f)
	}
	for _, name := range []string{"join", "depts"} {
		if f, ok := fm[name].(func([]string) string); ok {
			out[name] = direct1(f)
		}
	}
	if f, ok := fm["neg"].(func(int) int); ok {
		out["neg"] = direct1(f)
	}
	if f, ok := fm["docList"].(func(string, []*model.Document) DocList); ok {
		out["docList"] = direct2(f)
	}
	if f, ok := fm["retention"].(func(model.Retention) string); ok {
		out["retention"] = direct1(f)
	}
	if f, ok := fm["disposal"].(func(*model.Document) model.Date); ok {
		out["disposal"] = direct1(f)
	}
	if f, ok := fm["rows"].(func(string, string, any) Rows); ok {
		out["rows"] = func(argv []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(argv[0].String(), argv[1].String(), argOf[any](argv[2]))), nil
		}
	}
	return out
}

// dateCaller calls date through a cache of its results, as template
// values: a site has a few thousand dates, which its pages show hundreds
// of thousands of times, each time a new string and its box.
func dateCaller(date func(model.Date) string) tmplexec.Direct {
	t := newDateTable(date)
	return func(argv []reflect.Value) (reflect.Value, error) {
		return t.slot(argOf[model.Date](argv[0])).v, nil
	}
}

// dateTable keeps what a function of dates gives, as a string and as a
// template value, for the dates met last at each of its slots: read
// without a lock by every renderer at once (a lock taken for each of
// hundreds of thousands of calls, on every core, cost more than the
// function). A slot holds one date; the days of ten years have slots
// of their own.
type dateTable struct {
	date  func(model.Date) string
	slots [1 << 12]atomic.Pointer[dateSlot]
}

type dateSlot struct {
	d model.Date
	s string
	v reflect.Value
}

func newDateTable(date func(model.Date) string) *dateTable { return &dateTable{date: date} }

// slot returns the date's slot, made anew if another date holds it.
func (t *dateTable) slot(d model.Date) *dateSlot {
	at := &t.slots[uint(d.Year*372+int(d.Month)*31+d.Day)%uint(len(t.slots))]
	if s := at.Load(); s != nil && s.d == d {
		return s
	}
	str := t.date(d)
	s := &dateSlot{d: d, s: str, v: reflect.ValueOf(str)}
	at.Store(s)
	return s
}

// text is date, from the table.
func (t *dateTable) text(d model.Date) string { return t.slot(d).s }

// onList is the direct caller of a method of *List.
func onList[T any](f func(*List) T) tmplexec.DirectMethod {
	return func(v reflect.Value) reflect.Value { return reflect.ValueOf(f((*List)(v.UnsafePointer()))) }
}

// directMethods are the methods that the layouts call most, with callers
// without reflection: a call of Document.URL through reflect.Value.Call
// made three objects, and the layouts make a hundred thousand of them on
// 10,000 documents.
//
// The lists' methods and Retention.IsZero were another 80,000 calls
// through reflection on 10,000 documents.
func directMethods() map[tmplexec.MethodKey]tmplexec.DirectMethod {
	doc := reflect.TypeFor[*model.Document]()
	list := reflect.TypeFor[*List]()
	return map[tmplexec.MethodKey]tmplexec.DirectMethod{
		{Type: list, Name: "Total"}:       onList((*List).Total),
		{Type: list, Name: "Pages"}:       onList((*List).Pages),
		{Type: list, Name: "Paged"}:       onList((*List).Paged),
		{Type: list, Name: "Long"}:        onList((*List).Long),
		{Type: list, Name: "From"}:        onList((*List).From),
		{Type: list, Name: "To"}:          onList((*List).To),
		{Type: list, Name: "Pager"}:       onList((*List).Pager),
		{Type: list, Name: "Prev"}:        onList((*List).Prev),
		{Type: list, Name: "Next"}:        onList((*List).Next),
		{Type: list, Name: "PageRows"}:    onList((*List).PageRows),
		{Type: list, Name: "RowTemplate"}: onList((*List).RowTemplate),
		{Type: list, Name: "FilterNames"}: onList((*List).FilterNames),
		{Type: list, Name: "FirstHref"}:   onList((*List).FirstHref),
		{Type: reflect.TypeFor[model.Retention](), Name: "IsZero"}: func(v reflect.Value) reflect.Value {
			return reflect.ValueOf(argOf[model.Retention](v).IsZero())
		},
		{Type: reflect.TypeFor[*model.Retention](), Name: "IsZero"}: func(v reflect.Value) reflect.Value {
			return reflect.ValueOf((*model.Retention)(v.UnsafePointer()).IsZero())
		},
		{Type: doc, Name: "URL"}: func(v reflect.Value) reflect.Value {
			return reflect.ValueOf((*model.Document)(v.UnsafePointer()).URL())
		},
		{Type: doc, Name: "IsUnapproved"}: func(v reflect.Value) reflect.Value {
			return reflect.ValueOf((*model.Document)(v.UnsafePointer()).IsUnapproved())
		},
		{Type: reflect.TypeFor[model.Date](), Name: "IsZero"}: func(v reflect.Value) reflect.Value {
			return reflect.ValueOf(argOf[model.Date](v).IsZero())
		},
		{Type: reflect.TypeFor[*model.Date](), Name: "IsZero"}: func(v reflect.Value) reflect.Value {
			return reflect.ValueOf((*model.Date)(v.UnsafePointer()).IsZero())
		},
	}
}

func direct1[A, R any](f func(A) R) tmplexec.Direct {
	return func(argv []reflect.Value) (reflect.Value, error) {
		return reflect.ValueOf(f(argOf[A](argv[0]))), nil
	}
}

func direct2[A, B, R any](f func(A, B) R) tmplexec.Direct {
	return func(argv []reflect.Value) (reflect.Value, error) {
		return reflect.ValueOf(f(argOf[A](argv[0]), argOf[B](argv[1]))), nil
	}
}

// argOf is the argument v, of a parameter of type A, as an A: read in
// place when it can be (a field of a document, mostly), without the copy
// that Interface makes; nil for an interface parameter given nil.
func argOf[A any](v reflect.Value) A {
	var zero A
	switch {
	case !v.IsValid():
		return zero
	case v.CanAddr() && v.Type() == reflect.TypeFor[A]():
		return *(*A)(v.Addr().UnsafePointer())
	case v.Kind() == reflect.Interface && v.IsNil():
		return zero
	}
	a, _ := v.Interface().(A)
	return a
}
