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
	var walk func(key string, v any) any
	walk = func(key string, v any) any {
		switch v := v.(type) {
		case string:
			at := strings.IndexFunc(v, invisible)
			if at < 0 {
				return v
			}
			if diags != nil {
				r, _ := utf8.DecodeRuneInString(v[at:])
				diags.Warnf(path, lines.Line(key), "control-character",
					diag.Msg("write the value without it; an escape such as \\u0007 or \\u202e in a value is almost always a mistake or a trick"),
					"the value of %s holds an invisible character, %s, which is left out: it could change how a terminal, a spreadsheet or a page shows the text", key, fmt.Sprintf("U+%04X", r))
			}
			return strings.Map(func(r rune) rune {
				if invisible(r) {
					return -1
				}
				return r
			}, v)
		case map[string]any:
			for k, x := range v {
				v[k] = walk(join(key, k), x)
			}
		case []map[string]any:
			for i, t := range v {
				walk(join(key, strconv.Itoa(i)), t)
			}
		case []any:
			for i, x := range v {
				v[i] = walk(join(key, strconv.Itoa(i)), x)
			}
		}
		return v
	}
	for k, v := range meta {
		meta[k] = walk(k, v)
	}
}

func join(key, k string) string {
	if key == "" {
		return k
	}
	return key + "." + k
}
