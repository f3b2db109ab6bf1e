package diag

import (
	"fmt"
	"strings"
)

// Text is a message or a hint as the code writes it: a constant English
// format and its arguments, as for fmt.Sprintf. A Catalog puts it in the
// site's language when it is printed; String is the English text.
//
// The format must be a constant, so that the catalogs can list every
// one (a test walks the source for them). Arguments may themselves be a
// Text, a Name or a Join; they are translated too.
type Text struct {
	Format string
	Args   []any
	plain  bool // Format is the text itself, not a format (a hint given as a string)
}

// Msg makes a Text: a message or hint to be put in the site's language.
func Msg(format string, args ...any) Text { return Text{Format: format, Args: args} }

// plainText is a string given where a Text is expected: translated as a
// whole, never read as a format.
func plainText(s string) Text { return Text{Format: s, plain: true} }

// String is the English text.
func (t Text) String() string {
	if t.plain || len(t.Args) == 0 && !strings.Contains(t.Format, "%") {
		return t.Format
	}
	return fmt.Sprintf(t.Format, t.Args...)
}

// Error makes a Text usable as an error, which a Catalog still translates
// when it is an argument of a message.
func (t Text) Error() string { return t.String() }

// IsZero reports whether t says nothing.
func (t Text) IsZero() bool { return t.Format == "" }

// textOf turns a hint argument into a Text: a string is taken as it is
// (it is looked up in the catalogs whole), a Text as it is.
func textOf(v any) Text {
	switch v := v.(type) {
	case nil:
		return Text{}
	case string:
		return plainText(v)
	case Text:
		return v
	case *Text:
		if v == nil {
			return Text{}
		}
		return *v
	}
	return plainText(fmt.Sprint(v))
}

// Name is a value with a name in each language, such as the title of an
// Annex A control.
type Name struct{ EN, ZH string }

// String is the English name.
func (n Name) String() string { return n.EN }

// Join shows a list of values joined: "a, b and c" in English, "a、b和c"
// in Chinese; Last says how the last two are joined.
type Join struct {
	Items []any
	Last  Conjunction
}

// Conjunction joins the last two items of a Join.
type Conjunction int

const (
	And   Conjunction = iota // "a, b and c"
	Or                       // "a, b or c"
	Comma                    // "a, b, c"
)

// String is the English list.
func (j Join) String() string { return (*Catalog)(nil).join(j) }
