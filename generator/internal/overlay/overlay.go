// Package overlay merges a site's own layouts or assets over the embedded
// defaults, file by file.
package overlay

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"ismsgen/generator/internal/safefile"
)

// FS reads a file from top when it exists there, else from base. A named
// pipe or a device in top is an error (safefile.ErrNotAFile), never read:
// the build would wait for ever, or never end.
type FS struct {
	Top  fs.FS // nil when the site has no such folder
	Base fs.FS
}

// New returns the overlay of a site folder (which may not exist) on base.
func New(siteDir string, base fs.FS) FS {
	if info, err := os.Stat(siteDir); err == nil && info.IsDir() {
		return FS{Top: os.DirFS(siteDir), Base: base}
	}
	return FS{Base: base}
}

// Open opens name from Top, falling back to Base.
func (o FS) Open(name string) (fs.File, error) {
	if o.Top != nil {
		if err := safefile.StatRegular(o.Top, name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		f, err := o.Top.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return o.Base.Open(name)
}

// ReadFile reads name from Top, falling back to Base.
func (o FS) ReadFile(name string) ([]byte, error) {
	if o.Top != nil {
		if err := safefile.StatRegular(o.Top, name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		if data, err := fs.ReadFile(o.Top, name); err == nil {
			return data, nil
		}
	}
	return fs.ReadFile(o.Base, name)
}

// Glob lists the files matching pattern in either layer, sorted, once each.
func (o FS) Glob(pattern string) ([]string, error) {
	seen := map[string]bool{}
	for _, f := range []fs.FS{o.Base, o.Top} {
		if f == nil {
			continue
		}
		m, err := fs.Glob(f, pattern)
		if err != nil {
			return nil, err
		}
		for _, name := range m {
			seen[filepath.ToSlash(name)] = true
		}
	}
	out := make([]string, 0, len(seen))
	for name := range seen {
		out = append(out, name)
	}
	sort.Strings(out)
	return out, nil
}
