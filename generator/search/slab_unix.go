//go:build unix

package search

import (
	"syscall"

	"ismsgen/generator/internal/fast"
)

// The arena's slabs are mapped from the system rather than made on the
// Go heap: they hold no pointers and live until the index is written,
// and the collector lets the heap grow to twice what is live on it, so
// on the heap the postings (13 MB at 10,000 documents, 65 MB at 50,000)
// would cost twice their size in peak memory. With the fast paths off
// they are made on the heap.

// newSlab returns slabSize bytes of zeros for ar.
func (ar *arena) newSlab() []byte {
	if !fast.On() {
		return make([]byte, slabSize)
	}
	b, err := syscall.Mmap(-1, 0, slabSize, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]byte, slabSize)
	}
	if ar.mapped == nil {
		ar.mapped = &mappedSlabs{} // an arena of no table: freed by free alone
	}
	ar.mapped.slabs = append(ar.mapped.slabs, b)
	return b
}

func (m *mappedSlabs) unmap() {
	for _, b := range m.slabs {
		_ = syscall.Munmap(b)
	}
	m.slabs = nil
}
