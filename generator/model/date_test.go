package model

import (
	"fmt"
	"testing"
	"time"
)

func mustDate(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"2025-03-01", true},
		{"2024-02-29", true},
		{"2025-02-29", false},
		{"2025-13-01", false},
		{"2025-04-31", false},
		{"2025-3-1", false},
		{"25-03-01", false},
		{"2025/03/01", false},
		{"2025-03-01T00:00", false},
		{"+025-03-01", false},
		{"", false},
	} {
		_, err := ParseDate(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("ParseDate(%q): err = %v, want ok = %v", tc.in, err, tc.ok)
		}
	}
}

func TestAddMonthsClampsToMonthEnd(t *testing.T) {
	for _, tc := range []struct {
		from   string
		months int
		want   string
	}{
		{"2024-01-31", 1, "2024-02-29"},
		{"2025-01-31", 1, "2025-02-28"},
		{"2025-08-31", 6, "2026-02-28"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2025-03-15", 12, "2026-03-15"},
		{"2025-12-31", 1, "2026-01-31"},
		{"2025-05-31", -1, "2025-04-30"},
	} {
		if got := mustDate(t, tc.from).AddMonths(tc.months).String(); got != tc.want {
			t.Errorf("%s + %d months = %s, want %s", tc.from, tc.months, got, tc.want)
		}
	}
}

func TestDaysUntil(t *testing.T) {
	a, b := mustDate(t, "2026-11-25"), mustDate(t, "2026-12-25")
	if got := a.DaysUntil(b); got != 30 {
		t.Errorf("DaysUntil = %d, want 30", got)
	}
	if got := b.DaysUntil(a); got != -30 {
		t.Errorf("DaysUntil = %d, want -30", got)
	}
	if got := mustDate(t, "2024-02-28").DaysUntil(mustDate(t, "2024-03-01")); got != 2 {
		t.Errorf("across a leap day = %d, want 2", got)
	}
}

func TestParseCycle(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Cycle
		ok   bool
	}{
		{"12 months", Cycle{12, Months}, true},
		{"1 month", Cycle{1, Months}, true},
		{"2 years", Cycle{2, Years}, true},
		{"90 days", Cycle{90, Days}, true},
		{" 6 Months ", Cycle{6, Months}, true},
		{"6个月", Cycle{6, Months}, true},
		{"1年", Cycle{1, Years}, true},
		{"0 months", Cycle{}, false},
		{"-3 months", Cycle{}, false},
		{"twelve months", Cycle{}, false},
		{"12 weeks", Cycle{}, false},
		{"12", Cycle{}, false},
		{"", Cycle{}, false},
	} {
		got, err := ParseCycle(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseCycle(%q) = %v, %v; want %v, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

// TestAppendISO: the same text as fmt's %04d-%02d-%02d for every date,
// in range or not.
func TestAppendISO(t *testing.T) {
	for _, d := range []Date{
		{2026, time.November, 28}, {1, 1, 1}, {999, 12, 31}, {9999, 12, 31}, {0, 0, 0},
		{10000, 1, 1}, {-1, 1, 1}, {2026, 100, 1}, {2026, 1, 100}, {2026, -1, 5}, {2026, 5, -5},
	} {
		want := fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
		if got := string(d.AppendISO([]byte("x"))); got != "x"+want {
			t.Errorf("AppendISO(%#v) = %q, want %q", d, got, "x"+want)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-03-01", "2024-02-29", "0000-00-00", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err == nil && d.String() != s {
			t.Fatalf("ParseDate(%q) round-trips to %q", s, d.String())
		}
	})
}

func FuzzParseCycle(f *testing.F) {
	for _, s := range []string{"12 months", "2 years", "90 days", "6个月"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCycle(s)
		if err != nil {
			return
		}
		again, err := ParseCycle(c.String())
		if err != nil || again != c {
			t.Fatalf("ParseCycle(%q) = %v does not round-trip: %v %v", s, c, again, err)
		}
		_ = c.AddTo(Date{2024, 2, 29})
	})
}
