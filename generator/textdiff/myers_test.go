package textdiff

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// sameAsGoDiff fails t unless myers gives the diffs go-diff's
// DiffMainRunes gives, with no deadline and no line mode, as Diff calls
// it: the fast path must change nothing but the time.
func sameAsGoDiff(t *testing.T, m *myers, a, b []rune) {
	t.Helper()
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	want := dmp.DiffMainRunes(a, b, false)
	got := m.diffMain(a, b)
	if len(want) == 0 && len(got) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("diff of %q and %q:\n got %v\nwant %v", string(a), string(b), got, want)
	}
}

func TestMyersSameAsGoDiff(t *testing.T) {
	cases := []struct{ a, b string }{
		{"", ""},
		{"abc", "abc"},
		{"", "abc"},
		{"abc", ""},
		{"abc", "abxc"},    // one text inside the other
		{"xabcy", "abc"},   // and the other way
		{"a", "b"},         // one unit
		{"abcd", "xbcy"},   // a prefix and a suffix replaced
		{"abab", "baba"},   // shifts over equalities
		{"aXbXc", "aYbYc"}, // edits between equalities
		{"The cat came.", "The cat came back."},
		{"应每年评审一次。", "应每半年评审一次。"},
		{"管理评审程序", "管理审核程序"},
		{"aaaabbbb", "bbbbaaaa"},
		{"abcabba", "cbabac"}, // Myers' own example
		{"xaxcxabc", "abcy"},
	}
	var m myers
	for _, tc := range cases {
		sameAsGoDiff(t, &m, []rune(tc.a), []rune(tc.b))
	}
}

// TestMyersSameAsGoDiffRandom compares the two on random texts of few
// units, which match often and make long recursions and many merges.
func TestMyersSameAsGoDiffRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	text := func(alphabet, n int) []rune {
		out := make([]rune, r.IntN(n))
		for i := range out {
			out[i] = rune('a' + r.IntN(alphabet))
		}
		return out
	}
	var m myers
	for i := range 30_000 {
		alphabet := 2 + i%5
		a := text(alphabet, 40)
		b := text(alphabet, 40)
		if i%3 == 0 { // a revision: b is a with a few units changed
			b = append([]rune(nil), a...)
			for range r.IntN(4) {
				if len(b) > 0 {
					j := r.IntN(len(b))
					b = append(b[:j], append(text(alphabet, 4), b[j:]...)...)
				}
			}
		}
		sameAsGoDiff(t, &m, a, b)
	}
}

func FuzzMyers(f *testing.F) {
	f.Add("abcabba", "cbabac")
	f.Add("应每年评审一次。", "应每半年评审一次。")
	var m myers
	f.Fuzz(func(t *testing.T, a, b string) {
		sameAsGoDiff(t, &m, []rune(a), []rune(b))
	})
}
