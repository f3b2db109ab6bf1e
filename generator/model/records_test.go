package model

import "testing"

func TestRetentionOfZeroLength(t *testing.T) {
	from := Date{2025, 1, 31}
	for _, tc := range []struct {
		in, canonical, disposal string
		zero                    bool
	}{
		{"0 days", "0 days", "2025-01-31", false},
		{"0 months", "0 months", "2025-01-31", false},
		{"0年", "0 years", "2025-01-31", false},
		{"1 month", "1 months", "2025-02-28", false},
		{"永久", "permanent", "", false},
	} {
		r, ok := ParseRetention(tc.in)
		if !ok {
			t.Errorf("%q: not read", tc.in)
			continue
		}
		if r.IsZero() != tc.zero || r.String() != tc.canonical || r.Disposal(from).String() != tc.disposal {
			t.Errorf("%q: zero %v, %q, disposal %s; want %v, %q, %s", tc.in, r.IsZero(), r, r.Disposal(from), tc.zero, tc.canonical, tc.disposal)
		}
	}
	if r := (Retention{}); !r.IsZero() || r.String() != "" {
		t.Errorf("no retention: zero %v, %q", r.IsZero(), r)
	}
	for _, bad := range []string{"-1 days", "0", "00", "0 weeks", "1201 days"} {
		if _, ok := ParseRetention(bad); ok {
			t.Errorf("%q read as a retention", bad)
		}
	}
}
