package par

import (
	"sync/atomic"
	"testing"
)

// TestEachAndRanges checks that every item is visited exactly once, for
// sizes around the number of workers and parts.
func TestEachAndRanges(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 7, 8, 9, 100, 1001} {
		each := make([]atomic.Int32, n)
		Each(n, func(i int) { each[i].Add(1) })
		ranges := make([]atomic.Int32, n)
		Ranges(n, func(lo, hi int) {
			if lo >= hi {
				t.Errorf("n=%d: empty range [%d, %d)", n, lo, hi)
			}
			for i := lo; i < hi; i++ {
				ranges[i].Add(1)
			}
		})
		for i := range n {
			if each[i].Load() != 1 || ranges[i].Load() != 1 {
				t.Errorf("n=%d: item %d visited %d times by Each, %d by Ranges", n, i, each[i].Load(), ranges[i].Load())
			}
		}
	}
}
