package hostile_test

import (
	"path/filepath"
	"runtime"
	"testing"
)

// Two builds of the same hostile input and --now are byte-identical,
// with one thread and with eight. (The killed-build test also compares a
// command-line build with GOMAXPROCS=1 and one with GOMAXPROCS=8.)
func TestDeterministic(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"injection": injectionSite(),
		"ceiling":   ceilingSite(nil),
		"corpus":    corpus(300, 1),
	} {
		t.Run(name, func(t *testing.T) {
			site := writeSite(t, files)
			var trees []map[string][]byte
			for _, procs := range []int{1, 8} {
				prev := runtime.GOMAXPROCS(procs)
				dest := filepath.Join(t.TempDir(), "out")
				opts := options(site, dest)
				opts.Drafts = true
				mustBuild(t, opts)
				runtime.GOMAXPROCS(prev)
				trees = append(trees, readTree(t, dest))
			}
			sameTree(t, "GOMAXPROCS 8 beside 1", trees[0], trees[1])
		})
	}
}
