// Package jsonrow appends the rows of the lists' data scripts as JSON,
// byte for byte as encoding/json's Marshal writes them, without its
// reflection and allocations: a row is a handful of strings and numbers,
// and a large site writes one for every document in every list. Values
// of other types, and every value when the fast paths are off, go to
// encoding/json.
package jsonrow

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"unicode/utf8"

	"ismsgen/generator/internal/fast"
)

// Append appends v as json.Marshal encodes it. v is made of strings and
// integers (of their own types too), []int, [][2]string, []string and
// []any of those; anything else is encoded by encoding/json.
func Append(b []byte, v any) []byte {
	if !fast.On() {
		return library(b, v)
	}
	switch v := v.(type) {
	case string:
		return appendString(b, v)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case []int:
		if v == nil {
			return append(b, "null"...)
		}
		b = append(b, '[')
		for i, n := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(n), 10)
		}
		return append(b, ']')
	case []string:
		if v == nil {
			return append(b, "null"...)
		}
		b = append(b, '[')
		for i, s := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, s)
		}
		return append(b, ']')
	case [][2]string:
		if v == nil {
			return append(b, "null"...)
		}
		b = append(b, '[')
		for i, p := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(appendString(append(appendString(append(b, '['), p[0]), ','), p[1]), ']')
		}
		return append(b, ']')
	case []any:
		if v == nil {
			return append(b, "null"...)
		}
		b = append(b, '[')
		for i, x := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = Append(b, x)
		}
		return append(b, ']')
	case json.Marshaler, encoding.TextMarshaler:
		return library(b, v) // encodes itself
	}
	// A type of its own whose values are strings or integers (a state,
	// a kind) is encoded as its value.
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.String:
		return appendString(b, rv.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(b, rv.Int(), 10)
	}
	return library(b, v)
}

// library is encoding/json's encoding of v.
func library(b []byte, v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		return append(b, "null"...) // no value of the lists' rows fails
	}
	return append(b, data...)
}

const hex = "0123456789abcdef"

// appendString appends s quoted as encoding/json quotes it: '<', '>' and
// '&' escaped for HTML, U+2028 and U+2029 for JavaScript, invalid UTF-8
// as U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
