package textdiff

import (
	"strings"
	"testing"
)

// show writes spans as text with [-deleted-] and {+inserted+}.
func show(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		switch s.Op {
		case Insert:
			b.WriteString("{+" + s.Text + "+}")
		case Delete:
			b.WriteString("[-" + s.Text + "-]")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestDiff(t *testing.T) {
	cases := []struct{ old, new, want string }{
		{"", "", ""},
		{"same", "same", "same"},
		// Chinese: character by character.
		{"应每年评审一次。", "应每半年评审一次。", "应每{+半+}年评审一次。"},
		{"管理评审程序", "管理审核程序", "管理[-评-]审{+核+}程序"},
		// English: whole words, never parts of one.
		{"Review the policy annually.", "Review the policy quarterly.", "Review the policy [-annually-]{+quarterly+}."},
		{"keep records for 3 years", "keep records for 10 years", "keep records for [-3-]{+10+} years"},
		// Mixed, and lines kept apart.
		{"1 目的 / Purpose\n控制访问。\n", "1 目的 / Purpose\n严格控制访问。\n", "1 目的 / Purpose\n{+严格+}控制访问。\n"},
		{"a\nb\n", "a\n", "a\n[-b\n-]"},
		// Versions and decimal numbers are words.
		{`version = "1.9"`, `version = "1.10"`, `version = "[-1.9-]{+1.10+}"`},
	}
	for _, tc := range cases {
		spans := Diff(tc.old, tc.new)
		if got := show(spans); got != tc.want {
			t.Errorf("Diff(%q, %q)\n got %s\nwant %s", tc.old, tc.new, got, tc.want)
		}
		var a, b strings.Builder
		for _, s := range spans {
			if s.Op != Insert {
				a.WriteString(s.Text)
			}
			if s.Op != Delete {
				b.WriteString(s.Text)
			}
		}
		if a.String() != tc.old || b.String() != tc.new {
			t.Errorf("Diff(%q, %q) does not give back the texts: %q, %q", tc.old, tc.new, a.String(), b.String())
		}
	}
}

// FuzzDiff checks that the spans always give back both texts.
func FuzzDiff(f *testing.F) {
	f.Add("应每年评审一次。", "Review annually.")
	f.Fuzz(func(t *testing.T, old, new string) {
		var a, b strings.Builder
		for _, s := range Diff(old, new) {
			if s.Op != Insert {
				a.WriteString(s.Text)
			}
			if s.Op != Delete {
				b.WriteString(s.Text)
			}
		}
		if a.String() != old || b.String() != new {
			t.Fatalf("Diff(%q, %q) gives back %q, %q", old, new, a.String(), b.String())
		}
	})
}
