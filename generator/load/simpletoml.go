package load

import (
	"bytes"
	"strconv"
	"time"

	"github.com/BurntSushi/toml"

	"ismsgen/generator/model"
)

// localDate is the location toml.Decode gives a date without a time (its
// own, unexported); nil leaves dates to toml.Decode.
var localDate = func() *time.Location {
	var m map[string]any
	if _, err := toml.Decode("d = 2000-01-01", &m); err == nil {
		if t, ok := m["d"].(time.Time); ok {
			return t.Location()
		}
	}
	return nil
}()

// decodeSimple decodes text if it is written in the small part of TOML
// that front matter nearly always uses: bare keys, one-line strings
// without escapes, whole numbers, true and false, dates, one-line lists
// of those, and [[tables]] of such keys (every document of the sample and
// of the generated benchmark sites is); ok is false otherwise.
//
// It gives exactly the map that toml.Decode gives, four times faster:
// BurntSushi/toml's decoder was a tenth of a build's CPU, most of it
// building its own tables for features front matter does not use.
// Everything else, and every error, is left to toml.Decode.
// FuzzDecodeSimple checks that the two agree wherever decodeSimple
// answers.
func decodeSimple(text []byte) (meta map[string]any, ok bool) {
	return decodeSimpleOf(source{text: text})
}

// source is a text for decodeSimpleOf, and where its strings come from:
// copies of its bytes, or slices of of, the text as a string, when the
// caller has it (an earlier version's front matter): a front matter's
// keys and values were most of its decoding's allocations.
type source struct {
	text []byte
	of   string // "" or string(text)
	// keep, when not nil, are the top-level keys whose values are
	// wanted: the others are read as closely, to fail as the whole text
	// would, but neither kept nor made.
	keep map[string]bool
}

// notKept stands in a table for a key whose value is not kept, so that
// the key is known when it comes again.
type notKept struct{}

// str is b, a slice of the text, as a string.
func (src source) str(b []byte) string {
	if src.of == "" {
		return string(b)
	}
	at := cap(src.text) - cap(b) // b is text[at : at+len(b)]
	return src.of[at : at+len(b)]
}

// decodeSimpleOf is decodeSimple of src's text.
func decodeSimpleOf(src source) (meta map[string]any, ok bool) {
	text := src.text
	for _, c := range text {
		if c < ' ' && c != '\t' && c != '\n' || c == 0x7f {
			return nil, false // a control character: toml.Decode says where
		}
	}
	// Room for the keys before the first table at once, and the
	// tables': no more than its lines. (A room for 32 was twice the
	// memory of a document's 20 keys.)
	keys := len(text)
	if t := bytes.Index(text, []byte("\n[")); t >= 0 {
		keys = t
	}
	top := make(map[string]any, bytes.Count(text[:keys], newline)+2)
	table := top
	lists := map[string]bool{} // the names of the [[tables]]
	skipTable := false         // table's values are not kept (see source.keep)
	for rest, more := text, true; more; {
		var line []byte
		line, rest, more = bytes.Cut(rest, newline)
		l := trimBlank(line)
		switch {
		case len(l) == 0 || l[0] == '#':
			continue
		case l[0] == '[':
			name, found := bytes.CutPrefix(l, []byte("[["))
			name, closed := bytes.CutSuffix(name, []byte("]]"))
			if !found || !closed || !isBareKey(name) {
				return nil, false
			}
			key := src.str(name)
			table, skipTable = map[string]any{}, false
			switch {
			case src.keep != nil && !src.keep[key] && (lists[key] || top[key] == nil):
				// Its keys are still read, to find one written twice.
				top[key], lists[key], skipTable = notKept{}, true, true
			case lists[key]:
				top[key] = append(top[key].([]map[string]any), table)
			case top[key] != nil:
				return nil, false // a key or a [table] of the same name
			default:
				top[key] = []map[string]any{table}
				lists[key] = true
			}
			continue
		}
		eq := bytes.IndexByte(l, '=')
		if eq < 0 {
			return nil, false
		}
		name := trimBlank(l[:eq])
		if !isBareKey(name) {
			return nil, false
		}
		if _, dup := table[string(name)]; dup {
			return nil, false
		}
		key := src.str(name)
		skip := skipTable || src.keep != nil && len(lists) == 0 && !src.keep[key]
		v, after, ok := simpleValue(src, trimBlank(l[eq+1:]), true, skip)
		if after = trimBlank(after); !ok || len(after) > 0 && after[0] != '#' {
			return nil, false
		}
		if skip {
			v = notKept{}
		}
		table[key] = v
	}
	if src.keep != nil {
		for k, v := range top {
			if _, ok := v.(notKept); ok {
				delete(top, k)
			}
		}
	}
	return top, true
}

// simpleValue decodes the value at the start of s and returns the rest of
// s after it; lists are decoded when list is true. With skip, the value
// is only read, and v is nil.
func simpleValue(src source, s []byte, list, skip bool) (v any, rest []byte, ok bool) {
	if len(s) == 0 {
		return nil, nil, false
	}
	switch s[0] {
	case '"', '\'':
		if len(s) >= 3 && s[1] == s[0] && s[2] == s[0] {
			return nil, nil, false // a multi-line string
		}
		end := bytes.IndexByte(s[1:], s[0])
		if end < 0 || s[0] == '"' && bytes.IndexByte(s[1:1+end], '\\') >= 0 {
			return nil, nil, false
		}
		if skip {
			return nil, s[2+end:], true
		}
		return src.str(s[1 : 1+end]), s[2+end:], true
	case '[':
		if !list {
			return nil, nil, false
		}
		var items []any
		if !skip {
			items = []any{}
		}
		s = trimBlank(s[1:])
		for {
			if len(s) > 0 && s[0] == ']' {
				return items, s[1:], true
			}
			item, after, ok := simpleValue(src, s, false, skip)
			if !ok {
				return nil, nil, false
			}
			if !skip {
				items = append(items, item)
			}
			s = trimBlank(after)
			switch {
			case len(s) > 0 && s[0] == ',':
				s = trimBlank(s[1:])
			case len(s) > 0 && s[0] == ']':
				return items, s[1:], true
			default:
				return nil, nil, false
			}
		}
	}
	end := bytes.IndexAny(s, " \t,]#")
	if end < 0 {
		end = len(s)
	}
	word, rest := s[:end], s[end:]
	switch {
	case string(word) == "true":
		return true, rest, true
	case string(word) == "false":
		return false, rest, true
	case len(word) == 10 && word[4] == '-' && word[7] == '-':
		d, err := model.ParseDate(src.str(word))
		if err != nil || localDate == nil {
			return nil, nil, false // 2025-02-30: toml.Decode says what is wrong
		}
		if skip {
			return nil, rest, true
		}
		return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, localDate), rest, true
	case isWholeNumber(word):
		n, err := strconv.ParseInt(string(word), 10, 64)
		if err != nil {
			return nil, nil, false
		}
		if skip {
			return nil, rest, true
		}
		return n, rest, true
	}
	return nil, nil, false
}

// isBareKey reports a key that needs no quotes: letters, digits, - and _.
func isBareKey(k []byte) bool {
	for _, c := range k {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return len(k) > 0
}

// isWholeNumber reports a decimal integer as TOML writes it: an optional
// sign, and no leading zero or underscore.
func isWholeNumber(w []byte) bool {
	if len(w) > 0 && (w[0] == '+' || w[0] == '-') {
		w = w[1:]
	}
	if len(w) == 0 || len(w) > 1 && w[0] == '0' {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// trimBlank trims TOML's white space (spaces and tabs) from both ends.
func trimBlank(s []byte) []byte {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}
