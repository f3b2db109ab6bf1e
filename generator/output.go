package generator

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"ismsgen/generator/model"
	"ismsgen/generator/render"
)

// counter counts what a build writes.
type counter struct {
	render.Output
	pages, files int64
}

func (c *counter) File(rel string, data []byte) error {
	atomic.AddInt64(&c.files, 1)
	if strings.HasSuffix(rel, ".html") {
		atomic.AddInt64(&c.pages, 1)
	}
	return c.Output.File(rel, data)
}

func (c *counter) Copy(rel string, a model.Attachment) error {
	atomic.AddInt64(&c.files, 1)
	return c.Output.Copy(rel, a)
}

// ownLayouts reports whether the site has layouts of its own.
func ownLayouts(source string) bool {
	entries, err := os.ReadDir(filepath.Join(source, "layouts"))
	return err == nil && len(entries) > 0
}
