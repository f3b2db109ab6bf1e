package suggest

import "testing"

func TestClosest(t *testing.T) {
	keys := []string{"next_review", "last_reviewed", "review_cycle", "owners"}
	for _, tc := range []struct{ in, want string }{
		{"next_reveiw", "next_review"},
		{"NEXT_REVIEW", "next_review"},
		{"owner", "owners"},
		{"ownres", "owners"},
		{"approver", ""},
		{"", ""},
	} {
		if got := Closest(tc.in, keys); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"abc", "abc", 0}, {"abc", "acb", 1}, {"abc", "ab", 1}, {"管理", "管里", 1},
		{"ISMS-P-009", "ISMS-P-090", 1}, {"short", "muchlongerword", 3}, {"abcdef", "uvwxyz", 3},
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestWholeNumber(t *testing.T) {
	for in, want := range map[string]int{"2": 2, "２": 2, "Tier 1": 1, "2级": 2, "二级": 2, "一级文件": 1, " 30 ": 30, "三级": 3} {
		if n, ok := WholeNumber(in); !ok || n != want {
			t.Errorf("WholeNumber(%q) = %d, %v; want %d", in, n, ok, want)
		}
	}
	for _, in := range []string{"", "tier", "1.2", "一二", "2 or 3"} {
		if n, ok := WholeNumber(in); ok {
			t.Errorf("WholeNumber(%q) = %d; want none", in, n)
		}
	}
}
