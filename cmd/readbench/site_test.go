package main

import "testing"

func TestKindOf(t *testing.T) {
	for path, want := range map[string]string{
		"":                                   "",
		"docs/ISMS-P-0001/":                  "docs/*/",
		"register/":                          "register/",
		"register/docs-12.html":              "register/*-N.html",
		"approvals/in-force-3.html":          "approvals/*-N.html",
		"distribution/hr/current-2.html":     "distribution/*/*-N.html",
		"clauses/clause-9.1-3.html":          "clauses/*-N.html",
		"management-review/b-changed-7.html": "management-review/*-N.html",
		"controls/5.15/":                     "controls/*/",
		"tiers/3/docs-40.html":               "tiers/*/*-N.html",
		"404.html":                           "404.html",
	} {
		if got := kindOf(path); got != want {
			t.Errorf("kindOf(%q) = %q, want %q", path, got, want)
		}
	}
}
