package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unique"
)

// KeyLines maps the key paths of a TOML file ("next_review",
// "history.2.date") to their lines, for diagnostics. It is a sorted list
// whose key strings are shared by every file that has the key: a large
// site holds one for each of tens of thousands of documents until every
// diagnostic has been made.
type KeyLines struct {
	entries  []keyLine
	fallback int32 // the line of a key path the file lacks; 0 for line 1
}

type keyLine struct {
	key  string
	line int32
}

// KeyLine is one key path and its line.
type KeyLine struct {
	Key  string
	Line int
}

// NewKeyLines makes the KeyLines of key paths in the order of the file;
// a path given twice keeps its last line.
func NewKeyLines(lines []KeyLine) KeyLines {
	k := KeyLines{entries: make([]keyLine, len(lines))}
	for i, l := range lines {
		k.entries[i] = keyLine{unique.Make(l.Key).Value(), int32(l.Line)}
	}
	// Stable, so that of the same path the last comes last and is kept.
	slices.SortStableFunc(k.entries, func(a, b keyLine) int { return strings.Compare(a.key, b.key) })
	kept := k.entries[:0]
	for i, e := range k.entries {
		if i+1 < len(k.entries) && k.entries[i+1].key == e.key {
			continue
		}
		kept = append(kept, e)
	}
	k.entries = kept
	return k
}

// KeyLinesOf makes the KeyLines of a map from key path to line.
func KeyLinesOf(m map[string]int) KeyLines {
	lines := make([]KeyLine, 0, len(m))
	for key, line := range m {
		lines = append(lines, KeyLine{key, line})
	}
	return NewKeyLines(lines)
}

// Get returns the line of exactly this key path.
func (k KeyLines) Get(key string) (int, bool) {
	i, ok := slices.BinarySearchFunc(k.entries, key, func(e keyLine, key string) int { return strings.Compare(e.key, key) })
	if !ok {
		return 0, false
	}
	return int(k.entries[i].line), true
}

// Has reports whether the file has this key path.
func (k KeyLines) Has(key string) bool {
	_, ok := k.Get(key)
	return ok
}

// Line returns the line of a key path, falling back to the enclosing
// table and then to line 1.
func (k KeyLines) Line(key string) int {
	for key != "" {
		if n, ok := k.Get(key); ok {
			return n
		}
		i := strings.LastIndexByte(key, '.')
		if i < 0 {
			break
		}
		key = key[:i]
	}
	if k.fallback > 0 {
		return int(k.fallback)
	}
	return 1
}

// KeyName is a key path as messages show it to people: each entry of a
// list counted from 1, in brackets after the list's key, as people count
// them ("history.0.version" is "history[1].version").
func KeyName(path string) string {
	if !strings.ContainsAny(path, "0123456789") {
		return path
	}
	parts := strings.Split(path, ".")
	var b strings.Builder
	for i, p := range parts {
		if n, err := strconv.Atoi(p); err == nil && i > 0 && n >= 0 {
			fmt.Fprintf(&b, "[%d]", n+1)
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}

// Over gives the key paths of another text of the same file the lines
// of k, the file on disk: each key path of other is at its line in k, or
// at fallback when k lacks it, and a key path other lacks is at fallback
// too (Has answers for other). A document shown from git
// (Document.FromGit) is so warned of where the controller edits it.
func (k KeyLines) Over(other KeyLines, fallback int) KeyLines {
	out := KeyLines{entries: make([]keyLine, len(other.entries)), fallback: int32(fallback)}
	for i, e := range other.entries {
		line, ok := k.Get(e.key)
		if !ok {
			line = fallback
		}
		out.entries[i] = keyLine{e.key, int32(line)} // in other's order: sorted
	}
	return out
}

// KeyAt is the key path at line: of those there, the longest (the most
// nested); "" for none.
func (k KeyLines) KeyAt(line int) string {
	key := ""
	for _, e := range k.entries {
		if int(e.line) == line && len(e.key) > len(key) {
			key = e.key
		}
	}
	return key
}
