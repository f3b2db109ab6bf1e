package search

import "encoding/binary"

// The posting strings grow in an arena while documents are merged: each
// string is a chain of blocks that never move, which spares the copies
// and the garbage of a slice grown by append (three times the strings'
// size, at 10,000 documents 30 MB); finish copies each out at its size.
//
// A block's address is its slab's number times slabSize plus its place in
// the slab; the block starts with the address of the next block and its
// own room, 4 bytes each.
const (
	slabSize    = 1 << 16
	blockHeader = 8
	minBlock    = 48
	maxBlock    = 4096
)

type arena struct {
	slabs  [][]byte
	used   int          // of the last slab
	mapped *mappedSlabs // the slabs mapped from the system (slab_unix.go)
}

// mappedSlabs are the slabs an arena mapped from the system. free unmaps
// them; so does the cleanup newPostingTable attaches to the arena's table,
// for one dropped without free (a build that failed).
type mappedSlabs struct{ slabs [][]byte }

// free returns the arena's memory; nothing may read the arena after.
func (ar *arena) free() {
	if ar.mapped != nil {
		ar.mapped.unmap()
	}
	ar.slabs, ar.used = nil, 0
}

// chain is a string in the arena. Address 0 is never a block's.
type chain struct {
	head, tail uint32 // the first and the last block
	pos, end   uint32 // where the next byte goes and where the last block ends
	size       int32
}

// alloc returns the address of n bytes of zeros.
func (ar *arena) alloc(n int) uint32 {
	if len(ar.slabs) == 0 || ar.used+n > slabSize {
		ar.slabs = append(ar.slabs, ar.newSlab())
		ar.used = 0
		if len(ar.slabs) == 1 {
			ar.used = blockHeader // keeps address 0 free
		}
	}
	a := uint32(len(ar.slabs)-1)*slabSize + uint32(ar.used)
	ar.used += n
	return a
}

// at returns the bytes of the slab from address a on.
func (ar *arena) at(a uint32) []byte { return ar.slabs[a/slabSize][a%slabSize:] }

// write appends b to c.
func (ar *arena) write(c *chain, b []byte) {
	c.size += int32(len(b))
	for len(b) > 0 {
		if c.pos == c.end {
			n := min(max(int(c.size)/2, minBlock), maxBlock)
			a := ar.alloc(blockHeader + n)
			binary.LittleEndian.PutUint32(ar.at(a)[4:], uint32(n))
			if c.head == 0 {
				c.head = a
			} else {
				binary.LittleEndian.PutUint32(ar.at(c.tail), a)
			}
			c.tail, c.pos, c.end = a, a+blockHeader, a+blockHeader+uint32(n)
		}
		k := copy(ar.at(c.pos)[:c.end-c.pos], b)
		c.pos += uint32(k)
		b = b[k:]
	}
}

// appendTo appends the string c to dst.
func (ar *arena) appendTo(dst []byte, c *chain) []byte {
	for a := c.head; a != 0; {
		blk := ar.at(a)
		next, n := binary.LittleEndian.Uint32(blk), binary.LittleEndian.Uint32(blk[4:])
		if a == c.tail {
			n = c.pos - a - blockHeader
		}
		dst = append(dst, blk[blockHeader:blockHeader+n]...)
		if a == c.tail {
			break
		}
		a = next
	}
	return dst
}
