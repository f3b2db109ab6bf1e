// Package par runs independent work items on all cores.
package par

import (
	"runtime"
	"sync"
)

// Each calls fn(i) for i in [0, n) on up to GOMAXPROCS goroutines and
// returns when all calls have returned. Results must be written by index so
// that the output does not depend on scheduling.
func Each(n int, fn func(i int)) {
	if n == 0 {
		return
	}
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers == 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// Ranges calls fn(lo, hi) for consecutive ranges that cover [0, n), on up
// to GOMAXPROCS goroutines: for many small items, where taking them one
// by one would cost more than the items themselves.
func Ranges(n int, fn func(lo, hi int)) {
	parts := min(n, 4*runtime.GOMAXPROCS(0))
	Each(parts, func(p int) { fn(p*n/parts, (p+1)*n/parts) })
}
