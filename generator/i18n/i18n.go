// Package i18n holds the interface strings of one language, read from the
// embedded i18n/<language>.toml files (zh-CN and en). Templates and
// exports look strings up by key; a key missing from a language is a
// build error, caught by a test for the default files.
package i18n

import (
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"ismsgen/generator/diag"
)

// Languages are the supported interface languages.
var Languages = []string{"zh-CN", "en"}

// Strings is one language's interface text.
type Strings struct {
	Lang string
	m    map[string]string
}

// Load reads <lang>.toml from fsys.
func Load(fsys fs.FS, lang string) (*Strings, error) {
	data, err := fs.ReadFile(fsys, lang+".toml")
	if err != nil {
		return nil, fmt.Errorf("interface strings for %q: %w", lang, err)
	}
	m := map[string]string{}
	if err := toml.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("i18n/%s.toml: %w", lang, err)
	}
	return &Strings{Lang: lang, m: m}, nil
}

// T returns the string for key with {0}, {1}… replaced by args. A missing
// key returns the key itself in brackets, so it shows up in review.
//
// A key may have a form for a count of one, KEY.one ("{0} day left"
// beside "{0} days left"): it is used when the first argument is 1 or -1.
func (s *Strings) T(key string, args ...any) string {
	v, ok := s.m[key]
	if !ok {
		return "[" + key + "]"
	}
	if len(args) > 0 && isOne(args[0]) {
		if one, ok := s.m[key+".one"]; ok {
			v = one
		}
	}
	if len(args) == 0 {
		return v
	}
	// Templates call T for every row of long tables: substitute in one
	// pass rather than building a strings.Replacer per call.
	var b strings.Builder
	b.Grow(len(v) + 16*len(args))
	for {
		i := strings.IndexByte(v, '{')
		if i < 0 {
			break
		}
		j := i + 1
		for j < len(v) && v[j] >= '0' && v[j] <= '9' {
			j++
		}
		if j > i+1 && j < len(v) && v[j] == '}' {
			if n, err := strconv.Atoi(v[i+1 : j]); err == nil && n < len(args) && strconv.Itoa(n) == v[i+1:j] {
				b.WriteString(v[:i])
				b.WriteString(arg(args[n]))
				v = v[j+1:]
				continue
			}
		}
		b.WriteString(v[:i+1])
		v = v[i+1:]
	}
	b.WriteString(v)
	return b.String()
}

// arg formats a placeholder's value as fmt.Sprint does.
// isOne reports whether a is the count 1 or -1.
func isOne(a any) bool {
	n, ok := a.(int)
	return ok && (n == 1 || n == -1)
}

func arg(a any) string {
	switch a := a.(type) {
	case string:
		return a
	case int:
		return strconv.Itoa(a)
	}
	return fmt.Sprint(a)
}

// Has reports whether key is defined.
func (s *Strings) Has(key string) bool {
	_, ok := s.m[key]
	return ok
}

// Keys lists every key, sorted.
func (s *Strings) Keys() []string {
	keys := make([]string, 0, len(s.m))
	for k := range s.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Messages reads the catalog of the diagnostics and the command line's
// messages in lang from messages.<lang>.toml in fsys: English format →
// translation. English needs none.
func Messages(fsys fs.FS, lang string) (*diag.Catalog, error) {
	if lang == "en" {
		return diag.NewCatalog(lang, nil), nil
	}
	name := "messages." + lang + ".toml"
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("messages for %q: %w", lang, err)
	}
	m := map[string]string{}
	if err := toml.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("i18n/%s: %w", name, err)
	}
	return diag.NewCatalog(lang, m), nil
}
