package generator

import "ismsgen/generator/diag"

// later is a value made beside the stages that follow. The stages run
// one after the other, and some of them mostly on one core; the few jobs
// that need little of the others (bundling the assets, parsing the
// layouts, making the machine-readable files) run beside them.
type later[T any] struct {
	done  chan struct{}
	v     T
	diags diag.List
}

// beside starts f on its own goroutine.
func beside[T any](f func() (T, diag.List)) *later[T] {
	l := &later[T]{done: make(chan struct{})}
	go func() {
		defer close(l.done)
		l.v, l.diags = f()
	}()
	return l
}

// wait returns the value once it is made.
func (l *later[T]) wait() (T, diag.List) {
	<-l.done
	return l.v, l.diags
}

// get returns the value once it is made, without its diagnostics (for a
// stage that only reads it; its diagnostics are taken by wait).
func (l *later[T]) get() T {
	<-l.done
	return l.v
}
