package i18n_test

import (
	"testing"

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
	if got := s.T("no.such.key"); got != "[no.such.key]" {
		t.Errorf("missing key renders as %q", got)
	}
}
