package load

import (
	"bytes"
	"strconv"
	"strings"
)

// keyLines maps every key path in TOML text to its line, so that later
// stages can point at the exact line of a bad value. Paths use dots and
// array-of-table indexes: "title", "history.1.date", "review_cycles.tier1".
// The TOML is known to parse, so a light scan is enough; a key it cannot
// place falls back to its table's line (see model.Document.Line).
func keyLines(text []byte, lineOffset int) map[string]int {
	lines := map[string]int{}
	counts := map[string]int{}
	prefix := ""
	inMulti := ""
	for i, raw := range bytes.Split(text, []byte("\n")) {
		n := lineOffset + i + 1
		l := strings.TrimSpace(string(raw))
		if inMulti != "" {
			if strings.Count(l, inMulti)%2 == 1 {
				inMulti = ""
			}
			continue
		}
		switch {
		case l == "" || l[0] == '#':
			continue
		case strings.HasPrefix(l, "[["):
			name := tableName(strings.TrimPrefix(l, "[["), "]]")
			idx := counts[name]
			counts[name]++
			prefix = name + "." + strconv.Itoa(idx) + "."
			lines[strings.TrimSuffix(prefix, ".")] = n
			if idx == 0 {
				lines[name] = n
			}
			continue
		case l[0] == '[':
			name := tableName(l[1:], "]")
			prefix = name + "."
			lines[name] = n
			continue
		}
		eq := strings.IndexByte(l, '=')
		if eq <= 0 {
			continue
		}
		key := unquote(strings.TrimSpace(l[:eq]))
		lines[prefix+key] = n
		val := l[eq+1:]
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(val, q)%2 == 1 {
				inMulti = q
			}
		}
	}
	return lines
}

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

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
