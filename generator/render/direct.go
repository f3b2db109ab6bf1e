package render

import (
	"html/template"
	"reflect"

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
		out["date"] = direct1(f)
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
	if f, ok := fm["rows"].(func(string, string, any) Rows); ok {
		out["rows"] = func(argv []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(argv[0].String(), argv[1].String(), argOf[any](argv[2]))), nil
		}
	}
	return out
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
