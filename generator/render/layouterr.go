package render

import (
	"errors"
	"io/fs"
	"regexp"
	"slices"
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

// templatePlace finds a place in the messages of text/template and
// html/template: "template: doc.html:1:52: executing …" and
// "html/template:doc.html:3:7: …". An error in a partial is inside the
// error of the layout that called it: the last place is where it is.
var templatePlace = regexp.MustCompile(`(?:html/)?template: ?([^:\s]+\.html):(\d+)(?::(\d+))?: `)

// Go's words for the mistakes layouts are made with, said again in the
// site's language by layoutProblem.
var (
	noField      = regexp.MustCompile(`^executing "[^"]*" at <([^>]*)>: can't evaluate field (\S+) in type (.+)$`)
	noFunction   = regexp.MustCompile(`^function "([^"]+)" not defined$`)
	noTemplate   = regexp.MustCompile(`^(?:executing "[^"]*" at <[^>]*>: )?no such template "([^"]+)"$`)
	missingValue = regexp.MustCompile(`^missing value for (if|range|with)$`)
	runtimeStop  = regexp.MustCompile(`^executing "[^"]*" at <([^>]*)>: (?:error calling \S+: )?(.*)$`)
)

// Diagnostics turns the layout errors in err (one, or several joined)
// into diagnostics at layouts/<file>:line:col, each with a hint; it
// returns the errors that are not layout errors (reading or writing a
// file) as rest.
func Diagnostics(err error) (diags diag.List, rest error) {
	return DiagnosticsOver(err, nil)
}

// DiagnosticsOver is Diagnostics for layouts over the defaults in
// builtin: a hint sends the reader to ismsgen's own copy of a layout
// only when there is one (not for a partial the site added).
func DiagnosticsOver(err error, builtin fs.FS) (diags diag.List, rest error) {
	var others []error
	for _, e := range flatten(err) {
		var le *LayoutError
		if !errors.As(e, &le) {
			others = append(others, e)
			continue
		}
		var open *unclosedHTML
		if errors.As(e, &open) {
			diags.Add(open.diagnostic())
			continue
		}
		file, line, col, msg := "layouts/"+le.Layout, 0, 0, le.Err.Error()
		if all := templatePlace.FindAllStringSubmatchIndex(msg, -1); all != nil {
			m := all[len(all)-1]
			file = "layouts/" + msg[m[2]:m[3]]
			line, _ = strconv.Atoi(msg[m[4]:m[5]])
			if m[6] >= 0 {
				col, _ = strconv.Atoi(msg[m[6]:m[7]])
			}
			msg = msg[m[1]:]
		}
		text, hint := layoutProblem(msg, file)
		if m := noTemplate.FindStringSubmatch(msg); m != nil && m[1] == "main" && "layouts/"+le.Layout != file {
			// base.html runs "main", which the page's layout lacks.
			file, line, col = "layouts/"+le.Layout, 0, 0
			text = diag.Msg("the layout defines no template \"main\", which the page frame (base.html) shows")
			hint = diag.Msg("put the page's content between {{define \"main\"}} and {{end}}, as ismsgen's own %s does, or delete the site's copy to use the default", file)
			if !hasDefault(builtin, file) {
				hint = diag.Msg("put the page's content between {{define \"main\"}} and {{end}}")
			}
		} else if !hasDefault(builtin, file) {
			hint = newLayoutHint(msg, file)
		}
		d := diag.New(file, line, diag.Error, "", hint, "%s", text)
		d.Col = col
		diags.Add(d)
	}
	diags.Sort()
	// One error a place: a partial that reads .Data.X fails on one
	// page for want of the field and on another, with no data, for a
	// nil pointer; one fix mends both.
	diags = slices.CompactFunc(diags, func(a, b diag.Diagnostic) bool {
		return a.Line > 0 && a.File == b.File && a.Line == b.Line && a.Col == b.Col
	})
	return diags, errors.Join(others...)
}

// layoutProblem says what is wrong with a layout, from Go's words, and
// how to fix it.
func layoutProblem(msg, file string) (text, hint diag.Text) {
	fix := diag.Msg("fix the layout, or delete the site's copy of %s to use the default", file)
	switch {
	case msg == "layout not found":
		return diag.Msg("the layout is missing"), diag.Msg("ismsgen needs this layout: restore it, or delete the site's layouts/ copy so the default is used")
	case msg == "unexpected EOF":
		return diag.Msg("the layout ends before each {{if}}, {{range}}, {{with}} or {{define}} is closed with {{end}}"), diag.Msg("add the {{end}} that is missing, or delete the site's copy of %s to use the default", file)
	case msg == "unexpected {{end}}":
		return diag.Msg("the layout has an {{end}} that closes nothing: no {{if}}, {{range}}, {{with}}, {{define}} or {{block}} is open there"),
			diag.Msg("delete that {{end}}, or add the action it was meant to close, in %s", file)
	case missingValue.MatchString(msg):
		p := missingValue.FindStringSubmatch(msg)
		return diag.Msg("the layout's {{%s}} has no value to test", p[1]),
			diag.Msg("write what it tests after it, such as {{%s .Title}}, in %s", p[1], file)
	case msg == "unterminated quoted string", msg == "unterminated raw quoted string":
		return diag.Msg("a quoted string in one of the layout's actions is not closed"),
			diag.Msg("close the string with the quote it opens with, before }}, in %s", file)
	case msg == "unclosed action", msg == `bad character U+007D '}'`:
		return diag.Msg("one of the layout's actions is not closed with }}"),
			diag.Msg("end the action with }}, in %s", file)
	case noField.MatchString(msg):
		p := noField.FindStringSubmatch(msg)
		return diag.Msg("the layout shows %s, but the page's data has no field %s (in %s)", p[1], p[2], p[3]),
			diag.Msg("the page's data has no such field: compare with ismsgen's own %s (docs/layouts.md lists what each layout is given), or delete the site's copy to use the default", file)
	case noFunction.MatchString(msg):
		p := noFunction.FindStringSubmatch(msg)
		return diag.Msg("the layout calls %s, which is no function of ismsgen's layouts", p[1]),
			diag.Msg("use a function or template that exists (docs/layouts.md lists them), or delete the site's copy of %s to use the default", file)
	case noTemplate.MatchString(msg):
		p := noTemplate.FindStringSubmatch(msg)
		return diag.Msg("the layout runs the template %q, which no layout defines", p[1]),
			diag.Msg("use a function or template that exists (docs/layouts.md lists them), or delete the site's copy of %s to use the default", file)
	case runtimeStop.MatchString(msg):
		p := runtimeStop.FindStringSubmatch(msg)
		return diag.Msg("the layout stops at %s: %s", p[1], p[2]), fix
	}
	return diag.Msg("the layout cannot be read: %s", msg), fix
}

// hasDefault reports whether ismsgen has its own copy of file
// ("layouts/…") in builtin; true when builtin is not known.
func hasDefault(builtin fs.FS, file string) bool {
	if builtin == nil {
		return true
	}
	_, err := fs.Stat(builtin, strings.TrimPrefix(file, "layouts/"))
	return err == nil
}

// newLayoutHint is how to fix a layout of the site's that ismsgen has
// no copy of: there is no default to compare with or go back to.
func newLayoutHint(msg, file string) diag.Text {
	switch {
	case msg == "unexpected EOF":
		return diag.Msg("add the {{end}} that is missing")
	case noField.MatchString(msg):
		return diag.Msg("the data has no such field: docs/layouts.md lists what each layout is given, and what the template is called with comes from the layout that calls it")
	case noFunction.MatchString(msg), noTemplate.MatchString(msg):
		return diag.Msg("use a function or template that exists (docs/layouts.md lists them)")
	case msg == "unexpected {{end}}", missingValue.MatchString(msg), strings.HasPrefix(msg, "unterminated "),
		msg == "unclosed action", msg == `bad character U+007D '}'`:
		_, hint := layoutProblem(msg, file) // a hint of the file's own
		return hint
	}
	return diag.Msg("fix the layout")
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
