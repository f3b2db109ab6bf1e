package generator_test

import (
	"strings"
	"testing"

	"ismsgen/generator"
	"ismsgen/generator/internal/gitfixture"
	"ismsgen/generator/model"
)

// A commit dated more than a day after a commit built on it (a clock
// set a year ahead) gets one note naming both: the pages show its date
// as written, and a site --as-of a day between them holds its changes,
// which went without a word. Commits a few hours apart across midnight
// in other time zones are in order.
func TestHistoryCommitDatedAfterALaterOne(t *testing.T) {
	r := gitfixture.New(t)
	r.MustWrite("isms.toml", "title = \"T\"\nlanguage = \"en\"\n[[departments]]\nid = \"isd\"\n")
	r.MustWrite("content/p1.md", filterDoc("1.0", "Text.", "1.0"))
	r.MustCommit("2026-01-01T23:30:00+08:00", "Author", "1.0")
	r.MustWrite("content/p1.md", filterDoc("1.0", "Text, amended.", "1.0"))
	r.MustCommit("2026-01-01T11:00:00-05:00", "Author", "across midnight, in order")
	_, res := historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 1}})
	if notes := notesAbout(res, "dated after a commit built on them"); len(notes) != 0 {
		t.Errorf("notes %q for commits in order", notes)
	}
	r.MustWrite("content/p1.md", filterDoc("1.1", "Text two.", "1.0", "1.1"))
	wrong := r.MustCommit("2027-06-01T10:00:00+08:00", "Author", "a clock a year ahead")
	r.MustWrite("content/p1.md", filterDoc("1.2", "Text three.", "1.0", "1.1", "1.2"))
	later := r.MustCommit("2026-02-01T10:00:00+08:00", "Author", "the clock right again")
	_, res = historyBuild(t, r.Dir, generator.Options{Now: model.Date{Year: 2026, Month: 3, Day: 1}})
	want := "1 commit(s) of content/ are dated after a commit built on them, such as " + wrong[:10] + " of 2027-06-01 before " + later[:10] + " of 2026-02-01"
	if notes := notesAbout(res, "dated after a commit built on them"); len(notes) != 1 || !strings.Contains(notes[0], want) {
		t.Errorf("notes %q, want one that says %q", notes, want)
	}
}
