package load

import (
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
