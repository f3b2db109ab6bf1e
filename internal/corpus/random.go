package corpus

import (
	"math/bits"
	"math/rand/v2"
)

// rng draws every random choice of a corpus. The PCG algorithm is fixed by
// its definition, and every derived draw (a number below n, a chance, a
// sample) is computed here rather than by math/rand's helpers, so the
// same seed gives the same corpus with any Go release.
type rng struct{ src *rand.PCG }

// newRNG returns the generator of one stream of a seed: the documents
// use stream 0, the commits of the git mode one stream each.
func newRNG(seed, stream uint64) *rng {
	return &rng{rand.NewPCG(seed, 0x9e3779b97f4a7c15^stream)}
}

// intn returns a number in [0, n), n > 0.
func (r *rng) intn(n int) int {
	hi, _ := bits.Mul64(r.src.Uint64(), uint64(n))
	return int(hi)
}

// between returns a number in [lo, hi], both included.
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance is true with probability p.
func (r *rng) chance(p float64) bool {
	return float64(r.src.Uint64()>>11)/(1<<53) < p
}

// pick returns one element of xs.
func pick[T any](r *rng, xs []T) T { return xs[r.intn(len(xs))] }

// sample returns k distinct elements of xs in the order drawn.
func sample[T any](r *rng, xs []T, k int) []T {
	c := append([]T(nil), xs...)
	for i := range k {
		j := i + r.intn(len(c)-i)
		c[i], c[j] = c[j], c[i]
	}
	return c[:k]
}
