package tmplexec

import (
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"text/template/parse"
)

// escaper is one of html/template's escaping functions, applied to the
// value piped into it.
type escaper func(b Writer, v reflect.Value) bool

// The names of html/template's escaping functions in escaped templates.
const (
	htmlEscaper   = "_html_template_htmlescaper"
	attrEscaper   = "_html_template_attrescaper"
	rcdataEscaper = "_html_template_rcdataescaper"
	urlFilter     = "_html_template_urlfilter"
	urlNormalizer = "_html_template_urlnormalizer"
	urlEscaper    = "_html_template_urlescaper"
)

// escapers are the escaping functions that html/template inserts into
// escaped actions and that Execute implements. An escaped template that
// calls any other (JavaScript, CSS, unquoted attributes) is executed by
// html/template.
var escapers = map[string]escaper{
	htmlEscaper:   escapeHTML,
	attrEscaper:   escapeAttr,
	rcdataEscaper: escapeAttr, // the same as attr for all but HTML content, which falls back
	urlFilter:     filterURL,
	urlNormalizer: func(b Writer, v reflect.Value) bool { return processURL(b, v, true) },
	urlEscaper:    func(b Writer, v reflect.Value) bool { return processURL(b, v, false) },
}

// unsafeInText are the bytes that the escapers for text, quoted
// attribute values and RCDATA (title, textarea) replace in a string.
const unsafeInText = "\x00\"&'+<>"

// EscapedConstant returns what an escaped action {{"text" | escaper…}}
// prints when that is the constant itself: its escapers are those for
// text, quoted attribute values or RCDATA, and the constant has none of
// the bytes they replace. A caller may then write the text in place of
// the action.
func EscapedConstant(a *parse.ActionNode) (string, bool) {
	p := a.Pipe
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) < 2 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	str, ok := p.Cmds[0].Args[0].(*parse.StringNode)
	if !ok || strings.ContainsAny(str.Text, unsafeInText) {
		return "", false
	}
	for _, c := range p.Cmds[1:] {
		if len(c.Args) != 1 {
			return "", false
		}
		id, ok := c.Args[0].(*parse.IdentifierNode)
		if !ok {
			return "", false
		}
		switch id.Ident {
		case htmlEscaper, attrEscaper, rcdataEscaper:
		default:
			return "", false
		}
	}
	return str.Text, true
}

// content kinds of html/template's typed strings.
type content int

const (
	plain content = iota
	htmlContent
	urlContent
	otherContent // CSS, HTMLAttr, JS, JSStr, Srcset: escaped as plain text by the escapers here
)

var (
	stringType  = reflect.TypeFor[string]()
	htmlType    = reflect.TypeFor[template.HTML]()
	urlType     = reflect.TypeFor[template.URL]()
	stringerTyp = reflect.TypeFor[fmt.Stringer]()

	// The other typed strings (otherContent).
	cssType    = reflect.TypeFor[template.CSS]()
	attrType   = reflect.TypeFor[template.HTMLAttr]()
	jsType     = reflect.TypeFor[template.JS]()
	jsStrType  = reflect.TypeFor[template.JSStr]()
	srcsetType = reflect.TypeFor[template.Srcset]()
)

// stringOf converts the value an escaper receives to the string it
// escapes, as html/template does: a typed string (template.HTML …) keeps
// its kind of content, any pointers to it are followed, and everything
// else is printed with fmt, Stringers and errors by their own methods.
// No value at all (a nil interface) is the empty string.
func stringOf(v reflect.Value) (string, content) {
	if !v.IsValid() {
		return "", plain
	}
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return "", plain
		}
		v = v.Elem()
	}
	d := v
	for d.Kind() == reflect.Pointer && !d.IsNil() {
		d = d.Elem()
	}
	switch d.Type() {
	case stringType:
		return d.String(), plain
	case htmlType:
		return d.String(), htmlContent
	case urlType:
		return d.String(), urlContent
	case cssType, attrType, jsType, jsStrType, srcsetType:
		return d.String(), otherContent
	}
	// A type without methods is neither a Stringer nor an error: fmt
	// prints a string of it as it is, an integer in decimal.
	switch v.Kind() {
	case reflect.String:
		if v.Type().NumMethod() == 0 {
			return v.String(), plain
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if t := v.Type(); t.NumMethod() == 0 || !t.Implements(stringerTyp) && !t.Implements(errorType) {
			return strconv.FormatInt(v.Int(), 10), plain
		}
	}
	// What html/template does for every other value: follow pointers
	// until a Stringer or error, and print.
	p := v
	for !p.Type().Implements(stringerTyp) && !p.Type().Implements(errorType) && p.Kind() == reflect.Pointer && !p.IsNil() {
		p = p.Elem()
	}
	return fmt.Sprint(p.Interface()), plain
}

// htmlSpecial marks the bytes that html/template's text and attribute
// escapers replace; every other byte, in valid UTF-8 or not, is kept.
var htmlSpecial = [256]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// isHTMLSpecial marks the bytes that htmlSpecial replaces, for a quicker
// scan of the text most strings are: nothing to replace.
var isHTMLSpecial = func() (t [256]bool) {
	for c, r := range htmlSpecial {
		t[c] = r != ""
	}
	return t
}()

func writeEscaped(b Writer, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		if isHTMLSpecial[s[i]] {
			b.WriteString(s[start:i])
			b.WriteString(htmlSpecial[s[i]])
			start = i + 1
		}
	}
	b.WriteString(s[start:])
}

// hasHTMLSpecial says whether writeEscaped would change s.
func hasHTMLSpecial(s string) bool {
	for i := 0; i < len(s); i++ {
		if isHTMLSpecial[s[i]] {
			return true
		}
	}
	return false
}

func escapeHTML(b Writer, v reflect.Value) bool {
	s, c := stringOf(v)
	if c == htmlContent {
		b.WriteString(s)
	} else {
		writeEscaped(b, s)
	}
	return true
}

// escapeAttr is the escaper for quoted attribute values and for RCDATA
// (title, textarea). HTML content there is normalised differently (tags
// stripped in attributes); that is left to html/template.
func escapeAttr(b Writer, v reflect.Value) bool {
	s, c := stringOf(v)
	if c == htmlContent {
		return false
	}
	writeEscaped(b, s)
	return true
}

// filterURL lets a URL through unless it has a scheme other than http,
// https or mailto, which it replaces by "#ZgotmplZ".
func filterURL(b Writer, v reflect.Value) bool {
	s, c := stringOf(v)
	if c != urlContent {
		s = filteredURL(s)
	}
	b.WriteString(s)
	return true
}

// filteredURL is what filterURL writes for a plain string.
func filteredURL(s string) string {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		return "#ZgotmplZ"
	}
	return s
}

// processURL percent-encodes the bytes of a URL that are not unreserved
// (RFC 3986) or, when normalising, reserved; a normalised URL keeps its
// valid %XX escapes. Typed URLs are always normalised.
func processURL(b Writer, v reflect.Value, norm bool) bool {
	s, c := stringOf(v)
	writeURL(b, s, norm || c == urlContent)
	return true
}

// writeURL is what processURL writes for a plain string.
func writeURL(b Writer, s string, norm bool) {
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if urlKeeps(s, i, norm) {
			continue
		}
		b.WriteString(s[start:i])
		b.WriteByte('%')
		b.WriteByte(hex[ch>>4])
		b.WriteByte(hex[ch&15])
		start = i + 1
	}
	b.WriteString(s[start:])
}

// The bytes of a URL that processURL keeps: unreserved always (RFC
// 3986), reserved when it normalises.
const (
	urlUnreserved = 1 << iota
	urlReserved
)

var urlBytes = func() (t [256]uint8) {
	for c := range 256 {
		switch ch := byte(c); {
		case 'a' <= ch && ch <= 'z', 'A' <= ch && ch <= 'Z', '0' <= ch && ch <= '9',
			ch == '-', ch == '.', ch == '_', ch == '~':
			t[c] = urlUnreserved
		case strings.IndexByte("!#$&*+,/:;=?@[]", ch) >= 0:
			t[c] = urlReserved
		}
	}
	return t
}()

// urlKeeps says whether processURL keeps the byte of s at i as it is.
func urlKeeps(s string, i int, norm bool) bool {
	switch ch := s[i]; {
	case urlBytes[ch] == urlUnreserved:
		return true
	case norm && urlBytes[ch] == urlReserved:
		return true
	case norm && ch == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
		return true
	}
	return false
}

// urlChanges says whether writeURL would change s.
func urlChanges(s string, norm bool) bool {
	for i := range len(s) {
		if !urlKeeps(s, i, norm) {
			return true
		}
	}
	return false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// WriteText writes the plain string s as html/template's escapers for
// text and for quoted attribute values write it ({{s}} in either): for a
// caller that writes a fixed layout's output itself.
func WriteText(b Writer, s string) { writeEscaped(b, s) }

// WriteURLStart writes the plain string s as html/template writes it at
// the start of a quoted URL attribute (href="{{s}}"), and as well right
// after another such action (href="{{a}}{{s}}"): filtered, normalised and
// escaped for the attribute.
func WriteURLStart(b Writer, s string) {
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		ch := s[i]
		plain = 'a' <= ch && ch <= 'z' || 'A' <= ch && ch <= 'Z' || '0' <= ch && ch <= '9' ||
			ch == '-' || ch == '.' || ch == '_' || ch == '~' || ch == '/' || ch == '#' || ch == '?' || ch == '='
	}
	if plain { // nothing for the filter, the normaliser or the escaper to change
		b.WriteString(s)
		return
	}
	var filtered, normal strings.Builder
	filterURL(&filtered, reflect.ValueOf(s))
	processURL(&normal, reflect.ValueOf(filtered.String()), true)
	writeEscaped(b, normal.String())
}

// textEscaper is an escaper applied to a plain string, as the escapers
// after the first in an action are: html/template's escapers return
// plain strings. changes says whether write would write anything but s.
type textEscaper struct {
	write   func(b Writer, s string)
	changes func(s string) bool
}

var textEscapers = map[string]textEscaper{
	htmlEscaper:   {writeEscaped, hasHTMLSpecial},
	attrEscaper:   {writeEscaped, hasHTMLSpecial},
	rcdataEscaper: {writeEscaped, hasHTMLSpecial},
	urlFilter:     {func(b Writer, s string) { b.WriteString(filteredURL(s)) }, func(s string) bool { return filteredURL(s) != s }},
	urlNormalizer: {func(b Writer, s string) { writeURL(b, s, true) }, func(s string) bool { return urlChanges(s, true) }},
	urlEscaper:    {func(b Writer, s string) { writeURL(b, s, false) }, func(s string) bool { return urlChanges(s, false) }},
}
