package generator

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// memoryPlan tunes the Go collector for a build that is the process's
// only work (Options.FitMemory); docs/performance.md has the figures
// behind each setting. GOGC and GOMEMLIMIT in the environment win.
type memoryPlan struct {
	on      bool
	restore []func()
}

// planMemory lets the heap grow to three times what is live while the
// site is analysed, instead of twice: the analysis makes its live data
// from nothing, and the default collected too often on the way.
func planMemory(on bool) *memoryPlan {
	m := &memoryPlan{on: on}
	if on && os.Getenv("GOGC") == "" {
		prev := debug.SetGCPercent(200)
		m.restore = append(m.restore, func() { debug.SetGCPercent(prev) })
	}
	return m
}

// rendering restores the collector's pace and limits the heap to a
// multiple of what the analysis left live, so that the collector returns
// memory as the pages are made instead of letting the heap double.
func (m *memoryPlan) rendering() {
	m.done()
	if !m.on || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	runtime.GC()
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if live[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	prev := debug.SetMemoryLimit(int64(min(memoryLimit(live[0].Value.Uint64()), math.MaxInt64)))
	m.restore = append(m.restore, func() { debug.SetMemoryLimit(prev) })
}

// done restores every setting.
func (m *memoryPlan) done() {
	for _, f := range m.restore {
		f()
	}
	m.restore = nil
}

// memoryLimit is the soft heap limit for rendering a site whose analysis
// left live bytes in use: 4 times that less 54 MiB, at least 64 MiB.
// Rendering adds half as much again as is live or more at its peak (the
// search index, the list pages' rows, the pages in progress), and what
// is made while the collector marks counts as live until the next
// collection: the factor trades collection time for peak memory.
func memoryLimit(live uint64) uint64 {
	return max(64<<20, max(live*4, 54<<20)-54<<20) // no wrap below 54 MiB
}
