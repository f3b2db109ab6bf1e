package link

import (
	"slices"
	"strings"
	"testing"
)

// A reference in the front matter to a document this build leaves out
// is warned at its key's line, as a body link to one is: the page shows
// nothing of it. One to a published document, or to none this build
// knows of (validate reports that), is not.
func TestWithheldReferences(t *testing.T) {
	a := strings.Replace(doc("A", "approved", "internal", ""), "+++\n", `+++
parent = "B"
related = ["C", "D"]
supersedes = ["C"]
`, 1)
	rec := `+++
id = "R"
title = "Audit report"
tier = 3
type = "record"
version = "1"
status = "approved"
owners = ["hr"]
approver = "x"
approved = 2025-01-01

[[actions]]
id = "CA-1"
title = "Fix it"
source = "audit"
documents = ["D", "C"]
owner = "hr"
due = 2025-03-01
evidence = "B"
+++
`
	_, got := site(t, Options{}, a,
		doc("B", "draft", "internal", ""),
		doc("C", "approved", "confidential", ""),
		doc("D", "approved", "internal", ""),
		rec)
	want := []string{
		`content/a.md:2: warning: parent = "B" names a document this build leaves out: the page does not show it`,
		`content/a.md:3: warning: related = "C" names a document this build leaves out: the page does not show it`,
		`content/a.md:4: warning: supersedes = "C" names a document this build leaves out: the page does not show it`,
		`content/e.md:`,
	}
	for _, w := range want[:3] {
		if !slices.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, strings.Join(got, "\n"))
		}
	}
	var actions []string
	for _, g := range got {
		if strings.HasPrefix(g, want[3]) {
			actions = append(actions, g)
		}
	}
	if len(actions) != 2 || !strings.Contains(actions[0]+actions[1], "action CA-1 names C, a document this build leaves out") ||
		!strings.Contains(actions[0]+actions[1], "the evidence of action CA-1 is B, a document this build leaves out") {
		t.Errorf("the action's warnings: got\n%s", strings.Join(actions, "\n"))
	}
	if strings.Contains(strings.Join(got, "\n"), "names D") {
		t.Error("a reference to a published document is warned")
	}
}
