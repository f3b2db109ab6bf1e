package render

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"ismsgen/generator/diag"
)

// LayoutError is a problem with one layout: a syntax error found when
// the layouts are parsed, or an error running one for a page.
type LayoutError struct {
	Layout string // the file under layouts/, e.g. "doc.html"
	Err    error
}

func (e *LayoutError) Error() string { return "layouts/" + e.Layout + ": " + e.Err.Error() }
func (e *LayoutError) Unwrap() error { return e.Err }

// templatePlace finds the place in the messages of text/template and
// html/template: "template: doc.html:1:52: executing …" and
// "html/template:doc.html:3:7: …".
var templatePlace = regexp.MustCompile(`^(?:html/)?template: ?([^:\s]+\.html):(\d+)(?::(\d+))?: (.*)$`)

// Diagnostics turns the layout errors in err (one, or several joined)
// into diagnostics at layouts/<file>:line:col, each with a hint; it
// returns the errors that are not layout errors (reading or writing a
// file) as rest.
func Diagnostics(err error) (diags diag.List, rest error) {
	var others []error
	for _, e := range flatten(err) {
		var le *LayoutError
		if !errors.As(e, &le) {
			others = append(others, e)
			continue
		}
		d := diag.Diagnostic{File: "layouts/" + le.Layout, Severity: diag.Error, Message: le.Err.Error()}
		if m := templatePlace.FindStringSubmatch(le.Err.Error()); m != nil {
			d.File = "layouts/" + m[1]
			d.Line, _ = strconv.Atoi(m[2])
			d.Col, _ = strconv.Atoi(m[3])
			d.Message = m[4]
		}
		d.SetHint(layoutHint(d.Message, d.File))
		diags.Add(d)
	}
	diags.Sort()
	return diags, errors.Join(others...)
}

// layoutHint says how to fix a layout error, from what it says.
func layoutHint(msg, file string) diag.Text {
	switch {
	case strings.Contains(msg, "can't evaluate field"):
		return diag.Msg("the page's data has no such field: compare with ismsgen's own %s (docs/layouts.md lists what each layout is given), or delete the site's copy to use the default", file)
	case strings.Contains(msg, "not defined"):
		return diag.Msg("use a function or template that exists (docs/layouts.md lists them), or delete the site's copy of %s to use the default", file)
	case strings.Contains(msg, "layout not found"):
		return diag.Msg("ismsgen needs this layout: restore it, or delete the site's layouts/ copy so the default is used")
	}
	return diag.Msg("fix the layout, or delete the site's copy of %s to use the default", file)
}

// flatten lists the errors joined in err.
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var all []error
		for _, e := range j.Unwrap() {
			all = append(all, flatten(e)...)
		}
		return all
	}
	return []error{err}
}

// joinDistinct joins the errors that are not nil, each message once: a
// mistake in the document layout fails every document's page alike.
func joinDistinct(errs []error) error {
	seen := map[string]bool{}
	var distinct []error
	for _, e := range errs {
		if e != nil && !seen[e.Error()] {
			seen[e.Error()] = true
			distinct = append(distinct, e)
		}
	}
	return errors.Join(distinct...)
}
