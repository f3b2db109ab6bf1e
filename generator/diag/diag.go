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
	Message  string   // what is wrong
	Hint     string   // how to fix it; may be empty
}

// String formats the diagnostic as "path:line: message".
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(d.File)
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
			if d.Col > 0 {
				fmt.Fprintf(&b, ":%d", d.Col)
			}
		}
		b.WriteString(": ")
	}
	if d.Severity != Error {
		b.WriteString(d.Severity.String() + ": ")
	}
	b.WriteString(d.Message)
	return b.String()
}

// List collects diagnostics. The zero value is ready to use.
type List []Diagnostic

// Errorf adds an error at file:line.
func (l *List) Errorf(file string, line int, hint string, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Line: line, Severity: Error, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf adds a warning with a stable code at file:line.
func (l *List) Warnf(file string, line int, code, hint string, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Line: line, Severity: Warning, Code: code, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Notef adds a note about the whole build (file "" when it concerns no
// file).
func (l *List) Notef(file, hint string, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Severity: Note, Message: fmt.Sprintf(format, args...), Hint: hint})
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
	*l = slices.CompactFunc(*l, func(a, b Diagnostic) bool { return a == b })
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
// indented hint line when there is one. The lines are buffered: a large
// site's thousands of warnings took a system call each, after the build.
func (l List) Print(w io.Writer) {
	b := bufio.NewWriterSize(w, 64<<10)
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
		if d.Hint != "" {
			b.WriteString("    hint: ")
			b.WriteString(d.Hint)
			b.WriteByte('\n')
		}
	}
	b.Flush()
}
