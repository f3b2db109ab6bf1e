package load

import (
	"bytes"
	"strconv"
	"strings"

	"ismsgen/generator/model"
)

// keyLines lists every key path in TOML text with its line, in the order
// of the text (model.NewKeyLines keeps the last line of a path), so that
// later stages can point at the exact line of a bad value. Paths use dots
// and array-of-table indexes: "title", "history.1.date",
// "review_cycles.tier1". The TOML is known to parse, so a light scan is
// enough; a key it cannot place falls back to its table's line (see
// model.Document.Line).
func keyLines(text []byte, lineOffset int) []model.KeyLine {
	lines := make([]model.KeyLine, 0, 32)
	counts := map[string]int{}
	prefix := ""
	var inMulti []byte
	n := lineOffset
	for rest, more := text, true; more; {
		var raw []byte
		raw, rest, more = bytes.Cut(rest, newline)
		n++
		l := bytes.TrimSpace(raw)
		if inMulti != nil {
			if bytes.Count(l, inMulti)%2 == 1 {
				inMulti = nil
			}
			continue
		}
		switch {
		case len(l) == 0 || l[0] == '#':
			continue
		case bytes.HasPrefix(l, []byte("[[")):
			name := tableName(string(l[2:]), "]]")
			idx := counts[name]
			counts[name]++
			prefix = name + "." + strconv.Itoa(idx) + "."
			lines = append(lines, model.KeyLine{Key: strings.TrimSuffix(prefix, "."), Line: n})
			if idx == 0 {
				lines = append(lines, model.KeyLine{Key: name, Line: n})
			}
			continue
		case l[0] == '[':
			name := tableName(string(l[1:]), "]")
			prefix = name + "."
			lines = append(lines, model.KeyLine{Key: name, Line: n})
			continue
		}
		eq := bytes.IndexByte(l, '=')
		if eq <= 0 {
			continue
		}
		// One string per key: the conversion inside the concatenation
		// does not allocate on its own.
		lines = append(lines, model.KeyLine{Key: prefix + string(unquote(bytes.TrimSpace(l[:eq]))), Line: n})
		val := l[eq+1:]
		for _, q := range multiQuotes {
			if bytes.Count(val, q)%2 == 1 {
				inMulti = q
			}
		}
	}
	return lines
}

var (
	newline     = []byte("\n")
	multiQuotes = [][]byte{[]byte(`"""`), []byte(`'''`)}
)

func tableName(s, closer string) string {
	if i := strings.Index(s, closer); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = unquote(strings.TrimSpace(p))
	}
	return strings.Join(parts, ".")
}

func unquote[S ~string | ~[]byte](s S) S {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
