package render

import (
	"testing"

	"ismsgen/generator/model"
)

// mask hides the ids of left-out documents in text shown as written, in
// every form a link may give them, and nothing else.
func TestMask(t *testing.T) {
	site := model.NewSite(&model.Config{}, model.Date{}, false, nil)
	site.LeftOut = map[string]bool{"QZ-1": true}
	r := &renderer{in: Input{Site: site}, bodies: newBodies("[withheld]")}
	for in, want := range map[string]string{
		`related = ["QZ-1", "ISMS-P-009"]`:            `related = ["[withheld]", "ISMS-P-009"]`,
		"[](QZ-1) [x](qz-1#part) [y][r]\n[r]: QZ-1\n": "[]([withheld]) [x]([withheld]#part) [y][r]\n[r]: [withheld]\n",
		`[a](QZ&#45;1) [b](QZ\-1) [c](QZ%2D1) <QZ-1>`: `[a]([withheld]) [b]([withheld]) [c]([withheld]) <[withheld]>`,
		"See QZ-1. And QZ-1-draft, QZ-10, XQZ-1.":     "See [withheld]. And QZ-1-draft, QZ-10, XQZ-1.",
		"version = \"1.1\"\nid = \"ISMS-P-009\"":      "version = \"1.1\"\nid = \"ISMS-P-009\"",
	} {
		if got := r.mask(in); got != want {
			t.Errorf("mask(%q) = %q, want %q", in, got, want)
		}
	}
}
