// Package diag is the one type for every problem ismsgen reports about a
// site: a position (file and line), a severity, a message that says what is
// wrong and a hint that says how to fix it.
//
// Stages collect diagnostics into a List instead of stopping at the first
// problem; the command line prints the whole list, sorted, as
// "path:line: message" with the hint on the next line.
package diag

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Severity says whether a diagnostic stops the build.
type Severity int

const (
	// Error stops the build: nothing is written.
	Error Severity = iota
	// Warning is reported by check and build but does not stop the build.
	Warning
	// Note tells how the build was made (for example without the git
	// history); it is no problem with the content.
	Note
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Note:
		return "note"
	}
	return "error"
}

// Diagnostic is one problem at one place.
type Diagnostic struct {
	File     string   // path relative to the site source, with forward slashes
	Line     int      // 1-based; 0 when the problem concerns the whole file
	Col      int      // 1-based column in the line; 0 when not known
	Severity Severity // Error or Warning
	Code     string   // stable identifier for warnings, e.g. "withheld-link"
	Message  string   // what is wrong, in English
	Hint     string   // how to fix it, in English; may be empty

	// Message and Hint before formatting, which a Catalog puts in the
	// site's language.
	text, hint Text
}

// String formats the diagnostic as "path:line: message", in English (a
// Catalog's Line is the same in the site's language).
func (d Diagnostic) String() string { return (*Catalog)(nil).Line(d) }

// Text is the message before formatting, for use as the argument of
// another message in the same language.
func (d Diagnostic) Text() Text {
	if !d.text.IsZero() && d.text.String() == d.Message {
		return d.text
	}
	return plainText(d.Message)
}

// HintText is the hint before formatting (the zero Text for none), for
// a later stage that knows more to read what it was given.
func (d Diagnostic) HintText() Text { return d.hint }

// where writes "path:line:col: ", nothing for a note about no file.
func (d Diagnostic) where(b *strings.Builder) {
	if d.File == "" {
		return
	}
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(b, ":%d", d.Col)
		}
	}
	b.WriteString(": ")
}

// New makes a diagnostic. hint is a constant string, a Text made with Msg,
// or nil; format is a constant English format, as for fmt.Sprintf.
func New(file string, line int, sev Severity, code string, hint any, format string, args ...any) Diagnostic {
	t, h := Msg(format, inertArgs(args)...), textOf(hint)
	h.Args = inertArgs(h.Args)
	return Diagnostic{File: file, Line: line, Severity: sev, Code: code, Message: t.String(), Hint: h.String(), text: t, hint: h}
}

// SetHint replaces the hint (a constant string or a Text).
func (d *Diagnostic) SetHint(hint any) {
	d.hint = textOf(hint)
	d.hint.Args = inertArgs(d.hint.Args)
	d.Hint = d.hint.String()
}

// List collects diagnostics. The zero value is ready to use.
type List []Diagnostic

// Errorf adds an error at file:line. The format is a constant English
// format and hint a constant string or a Text made with Msg, so that both
// can be put in the site's language (see Catalog).
func (l *List) Errorf(file string, line int, hint any, format string, args ...any) {
	*l = append(*l, New(file, line, Error, "", hint, format, args...))
}

// Warnf adds a warning with a stable code at file:line; see Errorf.
func (l *List) Warnf(file string, line int, code string, hint any, format string, args ...any) {
	*l = append(*l, New(file, line, Warning, code, hint, format, args...))
}

// Notef adds a note about the whole build (file "" when it concerns no
// file).
func (l *List) Notef(file string, hint any, format string, args ...any) {
	*l = append(*l, New(file, 0, Note, "", hint, format, args...))
}

// Add appends diagnostics from another list.
func (l *List) Add(other ...Diagnostic) { *l = append(*l, other...) }

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Errors returns the errors, sorted.
func (l List) Errors() List { return l.filter(Error) }

// Warnings returns the warnings, sorted.
func (l List) Warnings() List { return l.filter(Warning) }

// Notes returns the notes, sorted.
func (l List) Notes() List { return l.filter(Note) }

func (l List) filter(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	out.Sort()
	return out
}

// Sort orders the list by file, line, severity and message, and drops exact
// duplicates (the same problem found twice, e.g. by two passes).
func (l *List) Sort() {
	slices.SortStableFunc(*l, compare)
	*l = slices.CompactFunc(*l, func(a, b Diagnostic) bool {
		return compare(a, b) == 0 && a.Code == b.Code && a.Hint == b.Hint
	})
}

func compare(a, b Diagnostic) int {
	return cmp.Or(
		strings.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
		cmp.Compare(a.Severity, b.Severity),
		strings.Compare(a.Message, b.Message),
	)
}

// Print writes each diagnostic as "path:line: message", followed by an
// indented hint line when there is one, in the language of c (English
// when c is nil). The lines are buffered: a large site's thousands of
// warnings took a system call each, after the build.
func (l List) Print(w io.Writer, c *Catalog) {
	b := bufio.NewWriterSize(w, 64<<10)
	for _, d := range l {
		b.WriteString(c.Line(d))
		b.WriteByte('\n')
		if h := c.Hint(d); h != "" {
			b.WriteString("    ")
			b.WriteString(c.Sprintf("hint: %s", h))
			b.WriteByte('\n')
		}
	}
	b.Flush()
}
