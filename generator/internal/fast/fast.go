// Package fast says whether ismsgen's hand-written fast paths run. Each
// does a library's work quicker for the inputs it knows and leaves the
// rest to the library, to the same bytes:
//
//   - load: the plain-TOML decoder (simpletoml.go) beside BurntSushi/toml;
//   - markdown: the line-by-line link reader (quick.go) and the skipping
//     of paragraphs without links (scan.go) beside goldmark's parser;
//   - render: the line-by-line renderer (markdown.QuickRender) beside
//     goldmark; tmplexec, the folding of constant strings and the caches
//     of "cached", "cachedRows" and code highlighting, and the row writers
//     of the lists (rowcells.go) beside html/template
//     and chroma; the check of plain link targets beside the general one;
//     the scanner of left-out ids in texts shown as written (mask.go)
//     beside a regexp; the JSON of the lists' rows (jsonrow) beside
//     encoding/json;
//   - textdiff: the diff of two texts' units (myers.go) and its
//     semantic clean-up (semantic.go) beside go-diff's DiffMainRunes
//     and DiffCleanupSemantic;
//   - search: the sort of a large vocabulary on two cores beside one sort;
//   - history: the reading of earlier texts kept as loose objects
//     (loose.go), each checked against its id, beside git cat-file, and
//     the files git lists as changed whose bytes are their last
//     commit's taken out of the changed ones (untouched.go);
//   - wholefile and write: plain system calls beside package os, a
//     mkdir for each new folder beside os.MkdirAll, and removal on every
//     core beside os.RemoveAll.
//
// ISMSGEN_FAST=0 in the environment turns every one of them off, so that
// the libraries do all the work: a page that differs between the two
// runs points at a fast path, and CI builds every site both ways and
// compares the bytes. The environment is read once, when the program
// starts.
package fast

import (
	"os"
	"sync/atomic"
)

// Env is the environment variable that turns the fast paths off ("0").
const Env = "ISMSGEN_FAST"

var on atomic.Bool

func init() { on.Store(os.Getenv(Env) != "0") }

// On reports whether the fast paths run.
func On() bool { return on.Load() }

// Set turns the fast paths on or off until restore is called. It is for
// tests that build the same site both ways in one process; nothing else
// may run meanwhile that reads On.
func Set(v bool) (restore func()) {
	prev := on.Swap(v)
	return func() { on.Store(prev) }
}
