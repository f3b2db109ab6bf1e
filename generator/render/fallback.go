package render

import (
	"errors"
	"sort"
	"sync"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/tmplexec"
)

// FallbackCode is the code of the note about a layout's template that
// tmplexec leaves to html/template.
const FallbackCode = "layout-fallback"

// fallbacks are the templates that tmplexec left to html/template in one
// build, where html/template then wrote the page: the page is right, but
// took longer, and the note says which template and why, once.
type fallbacks struct {
	mu   sync.Mutex
	seen map[[2]string]string // file and template → the first reason, in sort order
}

// add records err, a failed tmplexec execution that html/template then
// ran without an error.
func (f *fallbacks) add(err error) {
	var fb *tmplexec.Fallback
	if f == nil || !errors.As(err, &fb) {
		return
	}
	key := [2]string{fb.File, fb.Template}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.seen == nil {
		f.seen = map[[2]string]string{}
	}
	// The pages run in any order: keeping the least reason makes the
	// note the same from build to build.
	if why, ok := f.seen[key]; !ok || fb.Reason < why {
		f.seen[key] = fb.Reason
	}
}

// notes are the notes about the templates recorded, sorted.
func (f *fallbacks) notes() diag.List {
	f.mu.Lock()
	defer f.mu.Unlock()
	keys := make([][2]string, 0, len(f.seen))
	for k := range f.seen {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
	})
	var out diag.List
	for _, k := range keys {
		file := "layouts"
		if k[0] != "" {
			file += "/" + k[0]
		}
		out = append(out, diag.New(file, 0, diag.Note, FallbackCode,
			"nothing needs doing; docs/performance.md says what the faster executor runs",
			"template %q is run by html/template rather than ismsgen's faster executor (%s); its pages are the same, only slower to make", k[1], f.seen[k]))
	}
	return out
}
