package textdiff

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// sameCleanupAsGoDiff fails t unless myers and its clean-up give what
// go-diff's DiffMainRunes and DiffCleanupSemantic give, as Diff calls
// them.
func sameCleanupAsGoDiff(t *testing.T, m *myers, a, b []rune) {
	t.Helper()
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	want := dmp.DiffCleanupSemantic(dmp.DiffMainRunes(a, b, false))
	edits := m.cleanupSemantic(m.main(a, b))
	got := make([]diffmatchpatch.Diff, len(edits))
	for i, e := range edits {
		got[i] = diffmatchpatch.Diff{Type: e.op, Text: string(e.text)}
	}
	m.done(edits)
	if len(want) == 0 && len(got) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("clean-up of the diff of %q and %q:\n got %q\nwant %q", string(a), string(b), got, want)
	}
}

func TestCleanupSameAsGoDiff(t *testing.T) {
	cases := []struct{ a, b string }{
		{"", ""},
		{"abc", "abc"},
		{"The cat came.", "The cat came back."},
		{"The c at came.", "The cat c came."}, // shifted to a word's boundary
		{"abcxxx", "xxxdef"},                  // an overlap
		{"xxxabc", "defxxx"},                  // a reverse overlap
		{"a\n\nb", "a\n\nxb\n\nb"},            // blank lines score best
		{"a\r\n\r\nb", "a\r\n\r\nc\r\n\r\nb"}, // with carriage returns
		{"应每年评审一次。", "应每半年评审一次。"},
		{"演练记录负责定期评审受控文件。", "管理评审负责定期评审控制措施。"},
		{"中😀é中", "é😀中é😀"}, // units of two, three and four bytes
		{"abcé中", "中é中xyz"},
	}
	var m myers
	for _, tc := range cases {
		sameCleanupAsGoDiff(t, &m, []rune(tc.a), []rune(tc.b))
	}
}

// TestCleanupSameAsGoDiffRandom compares the two on random texts of few
// units, among them spaces, line ends and units of two to four bytes.
func TestCleanupSameAsGoDiffRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := []rune("ab1 .\n\r\téé中😀")
	text := func(k, n int) []rune {
		out := make([]rune, r.IntN(n))
		for i := range out {
			out[i] = alphabet[r.IntN(k)]
		}
		return out
	}
	var m myers
	for i := range 60_000 {
		k := 2 + i%(len(alphabet)-1)
		a, b := text(k, 40), text(k, 40)
		if i%3 == 0 { // a revision: b is a with a few units changed
			b = append([]rune(nil), a...)
			for range r.IntN(4) {
				if len(b) > 0 {
					j := r.IntN(len(b))
					b = append(b[:j], append(text(k, 4), b[j+r.IntN(len(b)-j+1)/2:]...)...)
				}
			}
		}
		sameCleanupAsGoDiff(t, &m, a, b)
	}
}

func FuzzCleanup(f *testing.F) {
	f.Add("The c at came.", "The cat c came.")
	f.Add("abcxxx", "xxxdef")
	f.Add("演练记录负责定期评审受控文件。", "管理评审负责定期评审控制措施。")
	var m myers
	f.Fuzz(func(t *testing.T, a, b string) {
		sameCleanupAsGoDiff(t, &m, []rune(a), []rune(b))
	})
}
