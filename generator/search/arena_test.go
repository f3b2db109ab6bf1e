package search

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestArena writes pieces of many lengths to interleaved chains, enough to
// fill many slabs and reach the largest blocks, and reads each back.
func TestArena(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var ar arena
	chains := make([]chain, 50)
	want := make([][]byte, len(chains))
	for range 40000 {
		k := rng.IntN(len(chains))
		if k >= 25 {
			k = rng.IntN(5) // a few long strings
		}
		b := make([]byte, 1+rng.IntN(60))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		ar.write(&chains[k], b)
		want[k] = append(want[k], b...)
	}
	if len(ar.slabs) < 10 {
		t.Fatalf("only %d slabs", len(ar.slabs))
	}
	for k := range chains {
		if got := ar.appendTo([]byte("x"), &chains[k]); !bytes.Equal(got, append([]byte("x"), want[k]...)) || int(chains[k].size) != len(want[k]) {
			t.Errorf("chain %d: %d bytes back, want %d", k, len(got)-1, len(want[k]))
		}
	}
}
