package generator_test

import (
	"fmt"
	"slices"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
	"ismsgen/internal/sitetest"
)

// A closed action none of whose documents changed after it was raised is
// a warning (action-doc-unchanged), found with the git history: a commit
// on the day the action was raised counts as a change; open actions and
// documents outside git are not judged.
func TestActionDocUnchanged(t *testing.T) {
	r := gitfixture.New(t)
	write := r.MustWrite
	commit := func(when string) { r.MustCommit(when, "Alice Example", "change") }
	policy := func(id, body string) string {
		return fmt.Sprintf("+++\nid = %q\ntitle = \"Policy %s\"\ntier = 2\nversion = \"1.0\"\nstatus = \"approved\"\nowners = [\"isd\"]\napprover = \"CEO\"\napproved = 2026-01-05\n+++\n%s\n", id, id, body)
	}
	write("isms.toml", "default_review_cycle = \"12 months\"\n\n[[departments]]\nid = \"isd\"\nname = \"Security\"\n")
	for _, id := range []string{"P-1", "P-2", "P-3", "P-4"} {
		write("content/"+id+".md", policy(id, "First text."))
	}
	write("content/audit.md", `+++
id = "R-1"
title = "Audit"
tier = 3
type = "record"
version = "1.0"
status = "approved"
owners = ["isd"]
approver = "CISO"
approved = 2026-03-01
clauses = ["9.2"]

[[actions]]
id = "A-1"
title = "Its document never changed"
source = "nonconformity"
owner = "isd"
documents = ["P-1"]
due = 2026-04-01
closed = 2026-03-20

[[actions]]
id = "A-2"
title = "Its document changed later"
source = "nonconformity"
owner = "isd"
documents = ["P-1", "P-2"]
due = 2026-04-01
closed = 2026-03-20

[[actions]]
id = "A-3"
title = "Its document changed that day"
source = "nonconformity"
owner = "isd"
documents = ["P-3"]
due = 2026-04-01
closed = 2026-03-20

[[actions]]
id = "A-4"
title = "Still open"
source = "nonconformity"
owner = "isd"
documents = ["P-1"]
due = 2026-12-31

[[actions]]
id = "A-5"
title = "Its document is not in git yet"
source = "nonconformity"
owner = "isd"
documents = ["P-5"]
due = 2026-04-01
closed = 2026-03-20
+++
Findings.
`)
	commit("2026-01-05T10:00:00+08:00")
	write("content/P-3.md", policy("P-3", "Reviewed the same day."))
	commit("2026-03-01T18:00:00+08:00")
	write("content/P-2.md", policy("P-2", "Second text."))
	commit("2026-03-15T10:00:00+08:00")
	write("content/P-5.md", policy("P-5", "Not committed."))

	warnings := func(dir string) []string {
		t.Helper()
		res, err := generator.Check(generator.Options{Source: dir, Now: model.Date{Year: 2026, Month: 6, Day: 1}, Defaults: defaults()})
		if err != nil || res.Diagnostics.HasErrors() {
			t.Fatalf("%v %v", err, res.Diagnostics.Errors())
		}
		var out []string
		for _, d := range res.Diagnostics.Warnings() {
			if d.Code == "action-doc-unchanged" {
				out = append(out, d.String())
			}
		}
		return out
	}
	want := []string{"content/audit.md:14: warning: action A-1 is closed, but P-1 did not change after it was raised on 2026-03-01"}
	if got := warnings(r.Dir); !slices.Equal(got, want) {
		t.Errorf("in git:\n got %q\nwant %q", got, want)
	}
	// Outside git nothing is judged.
	if got := warnings(sitetest.Copy(t, r.Dir)); len(got) != 0 {
		t.Errorf("outside git: %q", got)
	}
}
