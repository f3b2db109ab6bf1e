package render

import (
	"bytes"
	"errors"
	"html/template"
	"io"
)

// errPreparing stops the run of a layout that only escapes it.
var errPreparing = errors.New("the layout is being prepared")

// execute runs the layout for page p: with tmplexec, or with html/template
// where tmplexec leaves a page to it or the fast paths are off (ls.fast is
// nil). The first page of a layout prepares it while the others wait (see
// prepare).
func (ls *layoutSet) execute(w *bytes.Buffer, p *Page) error {
	if ls.fast == nil {
		return ls.t.ExecuteTemplate(w, "base", p)
	}
	ls.prepared.Do(func() { ls.fastBase = ls.prepare() })
	if ls.fastBase {
		start := w.Len()
		left := ls.fast.Execute(w, "base", p)
		if left == nil {
			return nil
		}
		w.Truncate(start) // what tmplexec leaves to html/template
		if err := ls.t.ExecuteTemplate(w, "base", p); err != nil {
			return err
		}
		ls.fallbacks.add(left)
		return nil
	}
	return ls.t.ExecuteTemplate(w, "base", p)
}

// prepare makes html/template escape "base" and every template it calls,
// by running it on no page: the run stops at the first field it reads,
// and "cached" and "cachedRows" refuse to run meanwhile, so that nothing
// is written or cached. foldEscaped then simplifies the escaped templates.
// It reports whether they escaped without an error; if not, every page
// runs with html/template, which reports the error.
func (ls *layoutSet) prepare() bool {
	ls.preparing.Store(true)
	err := ls.t.ExecuteTemplate(io.Discard, "base", (*Page)(nil))
	ls.preparing.Store(false)
	var escaping *template.Error
	if errors.As(err, &escaping) {
		return false
	}
	foldEscaped(ls.t)
	return true
}

// run executes the template name, as "cached" and "cachedRows" do: with
// html/template the first time, which escapes it, and with tmplexec from
// then on (or again with html/template when tmplexec leaves it to it or
// the fast paths are off). It returns what the template wrote.
// fragment runs the template name outside any page: the layout is
// prepared first, as for a page, so that no page prepares it meanwhile.
func (ls *layoutSet) fragment(name string, data any) (string, error) {
	if ls.fast != nil {
		ls.prepared.Do(func() { ls.fastBase = ls.prepare() })
	}
	return ls.run(name, data)
}

func (ls *layoutSet) run(name string, data any) (string, error) {
	// A fragment is written into a buffer used again, and copied once:
	// a builder grown as it goes made five or six arrays for each of the
	// hundreds of thousands of rows a large site's lists have.
	b := scratchBufs.Get().(*bytes.Buffer)
	defer scratchBufs.Put(b)
	b.Reset()
	if err := ls.runInto(b, name, data); err != nil {
		return "", err
	}
	return b.String(), nil
}

// runInto appends what run returns to b; on an error, b is as it was.
func (ls *layoutSet) runInto(b *bytes.Buffer, name string, data any) error {
	n := b.Len()
	if ls.fast == nil {
		if err := ls.t.ExecuteTemplate(b, name, data); err != nil {
			b.Truncate(n)
			return err
		}
		return nil
	}
	ls.mu.Lock()
	escaped := ls.escaped[name]
	ls.mu.Unlock()
	var left error
	if escaped {
		if left = ls.fast.Execute(b, name, data); left == nil {
			return nil
		}
		b.Truncate(n)
	}
	if err := ls.t.ExecuteTemplate(b, name, data); err != nil {
		b.Truncate(n)
		return err
	}
	if left != nil {
		ls.fallbacks.add(left)
	}
	if !escaped {
		ls.mu.Lock()
		if ls.escaped == nil {
			ls.escaped = map[string]bool{}
		}
		ls.escaped[name] = true
		ls.mu.Unlock()
	}
	return nil
}
