//go:build !unix

package search

// newSlab returns slabSize bytes of zeros for ar, on the heap.
func (ar *arena) newSlab() []byte { return make([]byte, slabSize) }

func (m *mappedSlabs) unmap() {}
