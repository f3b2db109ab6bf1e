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

func TestPeriod(t *testing.T) {
	for _, tc := range []struct{ in, unit, want string }{
		{"三年", "years", "3 years"}, {"3 yrs", "years", "3 years"}, {"3yr", "", "3 years"},
		{"十年", "years", "10 years"}, {"36 mos", "", "36 months"}, {"2 weeks", "", "14 days"},
		{"3", "years", "3 years"}, {"12", "months", "12 months"}, {"1", "years", "1 year"},
		{"每年", "months", "12 months"}, {"Annually", "", "12 months"}, {"每季度", "", "3 months"},
		{"3", "", ""}, {"长期", "years", ""}, {"3年半", "years", ""}, {"2 or 3 years", "", ""}, {"0", "years", ""},
	} {
		if got := Period(tc.in, tc.unit); got != tc.want {
			t.Errorf("Period(%q, %q) = %q, want %q", tc.in, tc.unit, got, tc.want)
		}
	}
}
