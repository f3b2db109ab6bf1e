package load

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// A value written with a TOML escape ("\u0007", "\u202e") can hold
// characters no one sees: a control character, which a terminal or a
// spreadsheet acts on (the register's CSV held a raw NUL), or a bidi
// override, which turns the text after it around on every page that
// shows the value ("Trojan Source"). They are left out of the value,
// with warning control-character at its line. Line breaks (\n, \r) and
// tabs stay.

// Invisible reports whether r is a character left out of values: a C0
// or C1 control other than a tab or a line break, DEL, or a bidi
// embedding, override or isolate.
func Invisible(r rune) bool { return invisible(r) }

// WithoutInvisible is s without the characters left out of values and
// bodies (Invisible), without a warning: for a text from git, whose
// warnings were given, if ever, when it was the file.
func WithoutInvisible(s string) string {
	if firstInvisible(s) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s)
}

// invisible reports whether r is a character left out of values.
func invisible(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r == 0x7f || 0x80 <= r && r < 0xa0:
		return true // C0 and C1 controls, DEL
	case 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069:
		return true // bidi embeddings, overrides and isolates
	}
	return false
}

// inertValues leaves the invisible characters out of every string of
// meta, in tables and lists too, and warns at each key that held one
// (when diags is not nil).
func inertValues(path string, meta map[string]any, lines model.KeyLines, diags *diag.List) {
	var key [4]string // the key's path, joined only for a warning
	for k, v := range meta {
		if s, changed := inert(path, lines, diags, append(key[:0], k), v); changed {
			meta[k] = s
		}
	}
}

// inert leaves the invisible characters out of the strings in v, a
// table or a list, and returns v without them when v is a string that
// holds one; key is the path of v's key.
func inert(path string, lines model.KeyLines, diags *diag.List, key []string, v any) (string, bool) {
	switch v := v.(type) {
	case string:
		at := firstInvisible(v)
		if at < 0 {
			return v, false
		}
		if diags != nil {
			r, _ := utf8.DecodeRuneInString(v[at:])
			k := strings.Join(key, ".")
			diags.Warnf(path, lines.Line(k), "control-character",
				diag.Msg("write the value without it; an escape such as \\u0007 or \\u202e in a value is almost always a mistake or a trick"),
				"the value of %s holds an invisible character, %s, which is left out: it could change how a terminal, a spreadsheet or a page shows the text", model.KeyName(k), fmt.Sprintf("U+%04X", r))
		}
		return strings.Map(func(r rune) rune {
			if invisible(r) {
				return -1
			}
			return r
		}, v), true
	case map[string]any:
		for k, x := range v {
			if s, changed := inert(path, lines, diags, append(key, k), x); changed {
				v[k] = s
			}
		}
	case []map[string]any:
		for i, t := range v {
			inert(path, lines, diags, append(key, strconv.Itoa(i)), t)
		}
	case []any:
		for i, x := range v {
			if s, changed := inert(path, lines, diags, append(key, strconv.Itoa(i)), x); changed {
				v[i] = s
			}
		}
	}
	return "", false
}

// firstInvisible is the index of the first invisible character of s, or
// -1: its ASCII is looked at byte by byte, the rest rune by rune.
func firstInvisible(s string) int {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x20 && c < 0x7f || c == '\t' || c == '\n' || c == '\r':
		case c < 0x80:
			return i
		default:
			if at := strings.IndexFunc(s[i:], invisible); at >= 0 {
				return i + at
			}
			return -1
		}
	}
	return -1
}

// The same characters in a document's body are left out of it too: a
// bidi override in a paragraph or a code block turns the text after it
// around on the page, a control character reaches the search index and
// the register. One warning, at the first line that holds one, says how
// many more lines did. Bodies are mostly Chinese and ASCII: a byte that
// cannot start such a character is passed over with one look in suspect.

// suspect marks the bytes that may start an invisible character: C0
// controls but tab and line ends, DEL, and the first bytes of the C1
// controls (C2 80-9F) and of the bidi marks (E2 80 AA-AE, E2 81 A6-A9).
var suspect = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = c != '\t' && c != '\n' && c != '\r'
	}
	t[0x7f], t[0xc2], t[0xe2] = true, true, true
	return t
}()

// indexInvisible is the index of the first invisible character of b, and
// its size in bytes; -1 when it has none.
func indexInvisible(b []byte) (int, int) {
	for i := 0; i < len(b); i++ {
		c := b[i]
		if !suspect[c] {
			continue
		}
		switch {
		case c == 0xc2:
			if i+1 < len(b) && b[i+1] >= 0x80 && b[i+1] < 0xa0 {
				return i, 2
			}
		case c == 0xe2:
			if i+2 < len(b) && (b[i+1] == 0x80 && b[i+2] >= 0xaa && b[i+2] <= 0xae || b[i+1] == 0x81 && b[i+2] >= 0xa6 && b[i+2] <= 0xa9) {
				return i, 3
			}
		default:
			return i, 1
		}
	}
	return -1, 0
}

// inertBody returns body without its invisible characters, warned at the
// first line that held one (bodyLine is the body's first line).
func inertBody(path string, body []byte, bodyLine int, diags *diag.List) []byte {
	var out []byte
	var first rune
	line := bodyLine                     // where the rest of body starts
	firstLine, lastLine, more := 0, 0, 0 // the lines that held one
	for rest := body; ; {
		at, size := indexInvisible(rest)
		if at < 0 {
			if firstLine == 0 {
				return body
			}
			out = append(out, rest...)
			break
		}
		l := line + bytes.Count(rest[:at], []byte("\n"))
		switch {
		case firstLine == 0:
			firstLine, lastLine = l, l
			first, _ = utf8.DecodeRune(rest[at:])
			out = make([]byte, 0, len(body))
		case l != lastLine:
			more, lastLine = more+1, l
		}
		out = append(out, rest[:at]...)
		rest, line = rest[at+size:], l
	}
	hint := diag.Msg("delete it: a control or text-direction character in a document is almost always a mistake or a trick")
	what := diag.Msg("the text holds an invisible character, %s, which is left out: it could change how a page, the search or the register shows the text", fmt.Sprintf("U+%04X", first))
	switch {
	case more == 1:
		diags.Warnf(path, firstLine, "control-character", hint, "%s (and on %d more line)", what, more)
	case more > 1:
		diags.Warnf(path, firstLine, "control-character", hint, "%s (and on %d more lines)", what, more)
	default:
		diags.Warnf(path, firstLine, "control-character", hint, "%s", what)
	}
	return out
}
