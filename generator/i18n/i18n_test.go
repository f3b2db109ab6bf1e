package i18n_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"ismsgen"
	"ismsgen/generator/i18n"
)

// Every key of every language must exist in every other language.
func TestLanguagesHaveTheSameKeys(t *testing.T) {
	sets := map[string]*i18n.Strings{}
	for _, lang := range i18n.Languages {
		s, err := i18n.Load(ismsgen.I18n(), lang)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Keys()) == 0 {
			t.Fatalf("%s has no strings", lang)
		}
		sets[lang] = s
	}
	for lang, s := range sets {
		for other, o := range sets {
			for _, k := range s.Keys() {
				if !o.Has(k) {
					t.Errorf("key %q is in %s but missing from %s", k, lang, other)
				}
			}
		}
	}
}

func TestPlaceholders(t *testing.T) {
	s, err := i18n.Load(ismsgen.I18n(), "en")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.T("review.days_overdue", 12); got != "12 days overdue" {
		t.Errorf("T = %q", got)
	}
	// A count of one takes the key's ".one" form; other counts, and keys
	// without one, do not.
	for _, tc := range []struct {
		key  string
		n    any
		want string
	}{
		{"review.days_left", 1, "1 day left"},
		{"review.days_overdue", 1, "1 day overdue"},
		{"action.days_left", -1, "-1 day left"},
		{"approvals.days", 1, "1 day"},
		{"reviews.due_soon", 1, "Due within 1 day"}, // due_soon_days = 1
		{"records.due_within", 1, "Disposal due within 1 day"},
		{"review.days_left", 0, "0 days left"},
		{"review.days_left", 2, "2 days left"},
		{"review.days_left", "1", "1 days left"}, // a string is no count
		{"training.version", 1, "(version 1)"},   // no ".one" form
	} {
		if got := s.T(tc.key, tc.n); got != tc.want {
			t.Errorf("T(%q, %#v) = %q, want %q", tc.key, tc.n, got, tc.want)
		}
	}
	if got := s.T("no.such.key"); got != "[no.such.key]" {
		t.Errorf("missing key renders as %q", got)
	}
}

// T substitutes placeholders exactly as a strings.Replacer of "{0}", "{1}"…
// would: once, left to right, the inserted text never read again.
func TestPlaceholderEdges(t *testing.T) {
	cases := []string{
		"{0} and {1}", "{{0}}", "{0", "{}", "{01} {1}", "{2} out of range", "{0}{0}{1}",
		"no placeholders", "", "{", "}{0}{", "中文{0}说明{1}。", "{-1} {1x} {0}",
	}
	args := []any{"{1}", 7}
	var b strings.Builder
	for i, c := range cases {
		fmt.Fprintf(&b, "k%d = %q\n", i, c)
	}
	s, err := i18n.Load(fstest.MapFS{"xx.toml": {Data: []byte(b.String())}}, "xx")
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		want := strings.NewReplacer("{0}", "{1}", "{1}", "7").Replace(c)
		if got := s.T(fmt.Sprintf("k%d", i), args...); got != want {
			t.Errorf("T(%q) = %q, want %q", c, got, want)
		}
	}
}
