package suggest

import (
	"fmt"
	"strings"
	"testing"
)

// bruteForce is Closest without the filters.
func bruteForce(word string, candidates []string) string {
	best, bestD := "", MaxDistance+1
	for _, c := range candidates {
		d := Distance(strings.ToLower(word), strings.ToLower(c))
		if d < bestD || d == bestD && c < best {
			best, bestD = c, d
		}
	}
	return best
}

// The filters only skip candidates that cannot win: Closest and an Index
// find what comparing every candidate finds.
func TestFiltersChangeNothing(t *testing.T) {
	var ids []string
	for i := range 300 {
		ids = append(ids, fmt.Sprintf("ISMS-%c-%03d", "PFRGM"[i%5], i))
	}
	ids = append(ids, "管理评审", "Straße", "İSMS-P-001", "ISMS_P.001", "a", "")
	words := []string{
		"ISMS-P-001", "isms-p-010", "ISMS-P-0010", "ISMS-F-100", "ISMS-P-10", "ISMS-2016", "IMSS-P-001",
		"ISMS-Q-999", "管理评", "strasse", "straße", "isms-p-001", "ISMS.P_001", "b", "", "SMS-P-00",
	}
	ix := NewIndex(ids)
	for _, w := range words {
		want := bruteForce(w, ids)
		if got := Closest(w, ids); got != want {
			t.Errorf("Closest(%q) = %q, want %q", w, got, want)
		}
		if got := ix.Closest(w); got != want {
			t.Errorf("Index.Closest(%q) = %q, want %q", w, got, want)
		}
	}
}
