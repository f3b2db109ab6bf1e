package diag

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// inert is a string a message was given (a link's destination, a file
// name, what a document wrote) shown without the characters a terminal
// obeys or that start a line of its own: an escape sequence in a link
// cleared the screen of whoever ran check, a line end printed a
// diagnostic that was none. They are written as Go escapes (\n, \x1b);
// %q quotes the string as it is.
type inert string

func (s inert) Format(f fmt.State, verb rune) {
	if verb == 'q' {
		fmt.Fprintf(f, "%q", string(s))
		return
	}
	fmt.Fprintf(f, "%"+string(verb), escapeControls(string(s)))
}

// escapeControls writes the control, format (bidi) and invalid
// characters of s as Go escapes, and leaves the rest.
func escapeControls(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) && r != '\u200d' // a zero-width joiner is part of an emoji
}

// inertArgs wraps the strings among args, also inside Texts and Joins,
// and errors that are neither translated nor Texts.
func inertArgs(args []any) []any {
	var out []any
	for i, a := range args {
		w, changed := inertArg(a)
		if out == nil {
			if !changed {
				continue
			}
			out = append(make([]any, 0, len(args)), args[:i]...)
		}
		out = append(out, w)
	}
	if out == nil {
		return args
	}
	return out
}

// inertArg is inertArgs for one argument, and whether it changed it.
func inertArg(a any) (any, bool) {
	switch a := a.(type) {
	case string:
		if strings.ContainsFunc(a, unsafeRune) {
			return inert(a), true
		}
	case Text:
		a.Args = inertArgs(a.Args)
		return a, true
	case Join:
		a.Items = inertArgs(a.Items)
		return a, true
	case error:
		var own Translated
		var t Text
		if !errors.As(a, &own) && !errors.As(a, &t) && strings.ContainsFunc(a.Error(), unsafeRune) {
			return inert(a.Error()), true
		}
	}
	return a, false
}
