package history

import (
	"bytes"
	"cmp"
	"strings"
	"unicode/utf8"

	"ismsgen/generator/model"
)

// readEarlierHeader is readHeader for an earlier version's text, which
// may have the YAML front matter (between lines ---) that the tool
// before ismsgen wrote: then its header, when yamlHeader can be sure of
// it, has yaml set and ok unset, so that it gives a [[history]] entry's
// version a page (its text shown as written) and nothing else: no run
// of the approved version, no old id, no version in force.
func readEarlierHeader(text []byte) header {
	hd := readHeader(text)
	switch {
	case hd.ok:
		return hd
	case !utf8.Valid(text):
		hd.unread = unread{why: notUTF8, version: looseVersion(text)}
		return hd
	}
	if y, ok := yamlHeader(text); ok {
		return y
	}
	hd.unread = unread{why: unsureYAML, version: looseVersion(text)}
	if !bytes.HasPrefix(bytes.TrimPrefix(text, []byte("\xef\xbb\xbf")), []byte("---")) {
		hd.unread.why = badTOML
	}
	return hd
}

// yamlHeader reads the keys of header from YAML front matter; ok is
// false unless the front matter is plain enough to be sure of every key
// of header it sets (its classification above all): each a key of its
// own at the start of a line, once, with a one-line value that is plain
// or quoted without escapes; no anchor, alias, tag or merge key
// anywhere at the top level, no value of another key that could run on
// to the next line unindented. Indented lines are other keys' values.
func yamlHeader(text []byte) (header, bool) {
	text = bytes.TrimPrefix(text, []byte("\xef\xbb\xbf"))
	first, rest, _ := bytes.Cut(text, []byte("\n"))
	if string(bytes.TrimRight(first, " \t\r")) != "---" {
		return header{}, false
	}
	h := header{yaml: true}
	var effective, approved model.Date
	seen := map[string]bool{}
	read := false // the last key was one of header's: an indented line would go on with its value
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		l := bytes.TrimRight(line, " \t\r")
		switch {
		case string(l) == "---" || string(l) == "...":
			h.Effective = cmp.Or(effective, approved)
			return h, true
		case len(l) == 0:
			continue
		case l[0] == ' ' && read:
			return h, false
		case l[0] == '#' || l[0] == ' ':
			continue // a comment, or another key's value
		}
		read = false
		k, value, ok := yamlKey(string(l))
		if !ok {
			return h, false
		}
		if !headerKeys[k] {
			if !oneLine(value) {
				return h, false
			}
			continue
		}
		if seen[k] {
			return h, false
		}
		seen[k], read = true, true
		v, ok := yamlScalar(value)
		if !ok {
			return h, false
		}
		if !h.set(k, v, &effective, &approved) {
			return h, false
		}
	}
	return h, false // never closed
}

// yamlKey splits a line "key: value" of a top-level mapping at the first
// colon followed by a space or the line's end, as YAML does; ok is false
// for a key written in any other way than a plain word (quoted, a merge
// key, an anchor, a complex key, a list item).
func yamlKey(l string) (key, value string, ok bool) {
	for i := 0; i < len(l); i++ {
		if l[i] == ':' && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t') {
			key, value = strings.TrimRight(l[:i], " \t"), l[i+1:]
			break
		}
	}
	if key == "" || strings.ContainsAny(key[:1], "\t\"'&*!|>%@`?-[]{},#<=") || strings.ContainsAny(key, "\"'#") {
		return "", "", false
	}
	return key, value, true
}

// oneLine reports whether a value of a key not read ends on its line,
// or goes on only in indented lines: it opens no quoted string and no
// flow collection that the line does not close.
func oneLine(value string) bool {
	v := strings.TrimSpace(value)
	if v == "" {
		return true
	}
	switch v[0] {
	case '"', '\'':
		_, ok := yamlScalar(v)
		return ok || closedQuote(v)
	case '[', '{':
		return strings.Count(v, "[")+strings.Count(v, "{") == strings.Count(v, "]")+strings.Count(v, "}") &&
			!strings.ContainsAny(v, `"'`)
	}
	return true
}

// closedQuote reports whether a quoted value is closed on its line
// (with escapes, which yamlScalar does not read).
func closedQuote(v string) bool {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case q == '\'' && v[i] == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++
		case v[i] == q:
			return true
		}
	}
	return false
}

// yamlScalar reads a one-line value: plain (up to a comment), or quoted
// without escapes (” in single quotes is one quote), followed by
// nothing but a comment. An empty value, a null, a block scalar, a flow
// collection, an anchor, an alias or a tag is not read.
func yamlScalar(value string) (string, bool) {
	v := strings.TrimSpace(value)
	if v == "" {
		return "", false
	}
	var s, after string
	switch q := v[0]; q {
	case '"':
		end := strings.IndexByte(v[1:], '"')
		if end < 0 || strings.IndexByte(v[1:1+end], '\\') >= 0 {
			return "", false
		}
		s, after = v[1:1+end], v[2+end:]
	case '\'':
		var b strings.Builder
		i := 1
		for ; i < len(v); i++ {
			if v[i] == '\'' {
				if i+1 < len(v) && v[i+1] == '\'' {
					b.WriteByte('\'')
					i++
					continue
				}
				break
			}
			b.WriteByte(v[i])
		}
		if i >= len(v) {
			return "", false
		}
		s, after = b.String(), v[i+1:]
	default:
		if strings.ContainsAny(v[:1], "&*!|>%@`[]{},#-?:") {
			return "", false
		}
		s = v
		if i := strings.Index(s, " #"); i >= 0 {
			s = s[:i]
		}
		if i := strings.Index(s, "\t#"); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimSpace(s)
		switch {
		case s == "~" || s == "null" || s == "Null" || s == "NULL", strings.Contains(s, ": "):
			return "", false
		}
		return s, true
	}
	after = strings.TrimSpace(after)
	if after != "" && after[0] != '#' {
		return "", false
	}
	return strings.TrimSpace(s), true
}
