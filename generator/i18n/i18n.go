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
func (s *Strings) T(key string, args ...any) string {
	v, ok := s.m[key]
	if !ok {
		return "[" + key + "]"
	}
	if len(args) == 0 {
		return v
	}
	pairs := make([]string, 0, 2*len(args))
	for i, a := range args {
		pairs = append(pairs, "{"+strconv.Itoa(i)+"}", fmt.Sprint(a))
	}
	return strings.NewReplacer(pairs...).Replace(v)
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
