package reports

import (
	"testing"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// A date by which something has happened, after the build's date, is a
// warning at its line; dates meant to lie ahead are not.
func TestFutureDates(t *testing.T) {
	now := model.Date{Year: 2026, Month: 6, Day: 1}
	tomorrow, today := model.Date{Year: 2026, Month: 6, Day: 2}, now
	lines := model.NewKeyLines([]model.KeyLine{
		{Key: "approved", Line: 3}, {Key: "last_reviewed", Line: 4}, {Key: "acquired", Line: 5},
		{Key: "actions.1.closed", Line: 9}, {Key: "history.1.date", Line: 12}, {Key: "history.2.date", Line: 15},
	})
	for _, tc := range []struct {
		name string
		doc  model.Document
		want []string
	}{
		{"approved tomorrow", model.Document{Approved: tomorrow},
			[]string{"x.md:3: warning: approved 2026-06-02 is after the build's date, 2026-06-01"}},
		{"approved today", model.Document{Approved: today}, nil},
		{"reviewed tomorrow", model.Document{Approved: today, LastReviewed: tomorrow},
			[]string{"x.md:4: warning: last_reviewed 2026-06-02 is after the build's date, 2026-06-01"}},
		{"acquired tomorrow", model.Document{External: model.External{Acquired: tomorrow}},
			[]string{"x.md:5: warning: acquired 2026-06-02 is after the build's date, 2026-06-01"}},
		{"an action closed tomorrow, at its closed line", model.Document{Actions: []model.Action{{Closed: today, Line: 6}, {Closed: tomorrow, Line: 7}}},
			[]string{"x.md:9: warning: closed 2026-06-02 is after the build's date, 2026-06-01"}},
		{"a version made tomorrow", model.Document{Version: "1.1", History: []model.Revision{{Version: "1.0", Date: today}, {Version: "1.1", Date: tomorrow}}},
			[]string{`x.md:12: warning: [[history]] entry 2, version "1.1": date 2026-06-02 is after the build's date, 2026-06-01`}},
		{"the next version's entry, written ahead", model.Document{Version: "1.0", History: []model.Revision{{Version: "0.9"}, {Version: "1.0", Date: today}, {Version: "1.1", Date: tomorrow}}}, nil},
		{"ahead as meant", model.Document{Approved: today, Effective: tomorrow, NextReview: tomorrow, Actions: []model.Action{{Due: tomorrow}}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.doc
			d.ID, d.Path, d.Lines = "X", "x.md", lines
			var diags diag.List
			futureDates(model.NewSite(&model.Config{}, now, false, []*model.Document{&d}), &diags)
			var got []string
			for _, x := range diags {
				got = append(got, x.String())
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("got %q, want %q", got[i], tc.want[i])
				}
			}
		})
	}
}
