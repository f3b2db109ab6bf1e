package diag

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Catalog puts messages in one language: it maps the English format of
// each message and hint (the constant the code writes) to the format in
// that language, with the same verbs; a translation may reorder them
// with explicit indexes (%[2]s). A format it lacks stays English. The nil
// *Catalog is English.
type Catalog struct {
	lang string
	m    map[string]string
}

// NewCatalog makes the catalog of lang from English format → translation.
func NewCatalog(lang string, m map[string]string) *Catalog {
	return &Catalog{lang: lang, m: m}
}

// Lang is the catalog's language ("en" for the nil catalog).
func (c *Catalog) Lang() string {
	if c == nil {
		return "en"
	}
	return c.lang
}

// Has reports whether the catalog translates format.
func (c *Catalog) Has(format string) bool {
	if c == nil {
		return false
	}
	_, ok := c.m[format]
	return ok
}

func (c *Catalog) chinese() bool { return c != nil && strings.HasPrefix(c.lang, "zh") }

// format is the translation of an English format, or the format itself.
func (c *Catalog) format(f string) string {
	if c != nil {
		if t, ok := c.m[f]; ok {
			return t
		}
	}
	return f
}

// Text puts t in the catalog's language.
func (c *Catalog) Text(t Text) string {
	if t.plain {
		return c.format(t.Format)
	}
	f := c.format(t.Format)
	if len(t.Args) == 0 && !strings.Contains(f, "%") {
		return f
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		args[i] = c.arg(a)
	}
	return fmt.Sprintf(f, args...)
}

// Sprintf is fmt.Sprintf with the format and Text arguments put in the
// catalog's language: for the command line's own messages.
func (c *Catalog) Sprintf(format string, args ...any) string {
	return c.Text(Msg(format, args...))
}

// arg translates an argument of a message, when it is one of ours.
func (c *Catalog) arg(a any) any {
	switch a := a.(type) {
	case Text:
		return c.Text(a)
	case Name:
		if c.chinese() && a.ZH != "" {
			return a.ZH
		}
		return a.EN
	case Join:
		return c.join(a)
	case error:
		var own Translated
		if errors.As(a, &own) {
			return own.In(c)
		}
		var t Text
		if errors.As(a, &t) {
			return c.Text(t)
		}
	}
	return a
}

func (c *Catalog) join(j Join) string {
	if len(j.Items) == 0 {
		return ""
	}
	s := fmt.Sprint(c.arg(j.Items[0]))
	for i, item := range j.Items[1:] {
		v := c.arg(item)
		switch {
		case i < len(j.Items)-2 || j.Last == Comma:
			s = c.Sprintf("%s, %s", s, v)
		case j.Last == Or:
			s = c.Sprintf("%s or %s", s, v)
		default:
			s = c.Sprintf("%s and %s", s, v)
		}
	}
	return s
}

// Translated is an error that can say itself in the language of a
// catalog; as an argument of a message it is put in that language.
type Translated interface {
	error
	In(c *Catalog) string
}

// Message is what is wrong, in the catalog's language.
func (c *Catalog) Message(d Diagnostic) string {
	if !d.text.IsZero() && d.text.String() == d.Message {
		return c.Text(d.text)
	}
	return c.format(d.Message) // set directly: translated if it is a constant
}

// Hint is how to fix it, in the catalog's language ("" when there is none).
func (c *Catalog) Hint(d Diagnostic) string {
	if d.Hint == "" {
		return ""
	}
	if !d.hint.IsZero() && d.hint.String() == d.Hint {
		return c.Text(d.hint)
	}
	return c.format(d.Hint)
}

// Line is the diagnostic as "path:line: message" in the catalog's
// language, with "warning: " (警告：) before a warning's message and
// "note: " (说明：) before a note's.
func (c *Catalog) Line(d Diagnostic) string {
	var b strings.Builder
	d.where(&b)
	msg := c.Message(d)
	switch d.Severity {
	case Warning:
		msg = c.Sprintf("warning: %s", msg)
	case Note:
		msg = c.Sprintf("note: %s", msg)
	}
	b.WriteString(msg)
	return b.String()
}

// Untranslated lists what c cannot put in its language in d: the English
// formats of its message, its hint and their arguments that c lacks.
// Tests use it to find messages made with formats the source does not
// show (a hint computed elsewhere, a message set directly).
func (c *Catalog) Untranslated(d Diagnostic) []string {
	var out []string
	var walk func(t Text)
	walkArg := func(a any) {
		switch a := a.(type) {
		case Text:
			walk(a)
		case Join:
			for _, item := range a.Items {
				if t, ok := item.(Text); ok {
					walk(t)
				}
			}
		}
	}
	walk = func(t Text) {
		if t.IsZero() {
			return
		}
		if !c.Has(t.Format) && strings.TrimSpace(verbs.ReplaceAllString(t.Format, "")) != "" {
			out = append(out, t.Format)
		}
		for _, a := range t.Args {
			walkArg(a)
		}
	}
	for _, pair := range [][2]any{{d.text, d.Message}, {d.hint, d.Hint}} {
		t, s := pair[0].(Text), pair[1].(string)
		switch {
		case s == "":
		case !t.IsZero() && t.String() == s:
			walk(t)
		default:
			walk(plainText(s))
		}
	}
	return out
}

// verbs matches fmt's verbs, for Untranslated: a format of verbs only
// needs no translation.
var verbs = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]`)
