package reports

import (
	"testing"

	"ismsgen/generator/model"
)

func date(t *testing.T, s string) model.Date {
	t.Helper()
	if s == "" {
		return model.Date{}
	}
	d, err := model.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func cycle(t *testing.T, s string) model.Cycle {
	t.Helper()
	if s == "" {
		return model.Cycle{}
	}
	c, err := model.ParseCycle(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The review computation of docs/format.md, "What the reports count",
// at a fixed --now of 2026-11-25 with a 30-day due-soon window.
func TestReviewOf(t *testing.T) {
	const now = "2026-11-25"
	type doc struct {
		tier                               int
		approved, lastReviewed, nextReview string
		cycle                              string
	}
	type config struct{ def, tier1, tier2 string }
	for _, tc := range []struct {
		name      string
		cfg       config
		doc       doc
		wantDate  string
		wantState State
		wantDays  int
		wantBasis Basis
		wantFrom  string // where the cycle came from
		wantLine  int
	}{
		{"next_review explicit", config{def: "12 months"}, doc{tier: 2, approved: "2026-01-01", nextReview: "2027-03-01"},
			"2027-03-01", OK, 96, FromNextReview, "", 12},
		{"next_review wins over last_reviewed and a cycle", config{def: "12 months"}, doc{tier: 2, approved: "2025-01-01", lastReviewed: "2026-11-01", nextReview: "2026-11-20", cycle: "6 months"},
			"2026-11-20", Overdue, -5, FromNextReview, "", 12},
		{"last_reviewed + document cycle", config{def: "24 months"}, doc{tier: 2, approved: "2024-01-01", lastReviewed: "2026-01-10", cycle: "12 months"},
			"2027-01-10", OK, 46, FromLastReviewed, "document", 11},
		{"approved + default cycle", config{def: "12 months"}, doc{tier: 2, approved: "2025-11-01"},
			"2026-11-01", Overdue, -24, FromApproved, "default", 10},
		{"document cycle beats the tier's", config{def: "12 months", tier2: "24 months"}, doc{tier: 2, approved: "2026-06-01", cycle: "3 months"},
			"2026-09-01", Overdue, -85, FromApproved, "document", 10},
		{"tier cycle beats the default", config{def: "12 months", tier1: "24 months"}, doc{tier: 1, approved: "2025-01-10"},
			"2027-01-10", OK, 46, FromApproved, "tier", 10},
		{"another tier's cycle does not apply", config{def: "12 months", tier1: "24 months"}, doc{tier: 2, approved: "2025-12-10"},
			"2026-12-10", DueSoon, 15, FromApproved, "default", 10},
		{"6 months from Aug 31 clamps to Feb 28", config{def: "6 months"}, doc{tier: 2, approved: "2026-08-31"},
			"2027-02-28", OK, 95, FromApproved, "default", 10},
		{"leap day + 1 year is Feb 28", config{}, doc{tier: 3, approved: "2024-02-29", cycle: "1 year"},
			"2025-02-28", Overdue, -635, FromApproved, "document", 10},
		{"11 months from Mar 31 reaches a leap day", config{}, doc{tier: 3, approved: "2023-03-31", cycle: "11 months"},
			"2024-02-29", Overdue, -1000, FromApproved, "document", 10},
		{"days cycle", config{def: "90 days"}, doc{tier: 2, approved: "2026-09-01"},
			"2026-11-30", DueSoon, 5, FromApproved, "default", 10},
		{"due exactly today is due soon, not overdue", config{}, doc{tier: 2, approved: "2026-01-01", nextReview: now},
			now, DueSoon, 0, FromNextReview, "", 12},
		{"due yesterday is overdue", config{}, doc{tier: 2, approved: "2026-01-01", nextReview: "2026-11-24"},
			"2026-11-24", Overdue, -1, FromNextReview, "", 12},
		{"last day of the due-soon window", config{}, doc{tier: 2, approved: "2026-01-01", nextReview: "2026-12-25"},
			"2026-12-25", DueSoon, 30, FromNextReview, "", 12},
		{"first day after the window is ok", config{}, doc{tier: 2, approved: "2026-01-01", nextReview: "2026-12-26"},
			"2026-12-26", OK, 31, FromNextReview, "", 12},
		{"window computed from last_reviewed + cycle", config{def: "12 months"}, doc{tier: 2, approved: "2025-01-01", lastReviewed: "2025-12-25"},
			"2026-12-25", DueSoon, 30, FromLastReviewed, "default", 11},
		{"missing: no cycle anywhere", config{}, doc{tier: 3, approved: "2026-01-01"},
			"", Missing, 0, NoBasis, "", 10},
		{"missing with a last review points at last_reviewed", config{tier1: "24 months"}, doc{tier: 3, approved: "2026-01-01", lastReviewed: "2026-02-01"},
			"", Missing, 0, NoBasis, "", 11},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := &model.Config{DueSoonDays: 30, DefaultReviewCycle: cycle(t, tc.cfg.def)}
			cfg.TierCycles[1], cfg.TierCycles[2] = cycle(t, tc.cfg.tier1), cycle(t, tc.cfg.tier2)
			lines := map[string]int{"approved": 10}
			if tc.doc.lastReviewed != "" {
				lines["last_reviewed"] = 11
			}
			if tc.doc.nextReview != "" {
				lines["next_review"] = 12
			}
			d := &model.Document{
				ID: "X-1", Tier: tc.doc.tier, Type: model.TypeProcedure, Status: model.StatusApproved,
				Approved: date(t, tc.doc.approved), LastReviewed: date(t, tc.doc.lastReviewed),
				NextReview: date(t, tc.doc.nextReview), ReviewCycle: cycle(t, tc.doc.cycle),
				Lines: model.KeyLinesOf(lines),
			}
			r := ReviewOf(cfg, date(t, now), d)
			if r.Date.String() != tc.wantDate || r.State != tc.wantState || r.Days != tc.wantDays {
				t.Errorf("got %s %s %d days, want %s %s %d days", r.Date, r.State, r.Days, tc.wantDate, tc.wantState, tc.wantDays)
			}
			if r.Basis != tc.wantBasis || r.CycleFrom != tc.wantFrom && tc.wantState != Missing {
				t.Errorf("basis %q, cycle from %q; want %q, %q", r.Basis, r.CycleFrom, tc.wantBasis, tc.wantFrom)
			}
			if r.Line != tc.wantLine {
				t.Errorf("line %d, want %d", r.Line, tc.wantLine)
			}
		})
	}
}

// An external document needs no approval, but its review date is
// counted as any other's: next_review, else last_reviewed or approved
// plus the cycle. The day it was obtained is not a review (SPEC, "Which
// documents a report counts"): without those, its review date is missing.
func TestReviewOfExternal(t *testing.T) {
	cfg := &model.Config{DueSoonDays: 30, DefaultReviewCycle: cycle(t, "12 months")}
	for _, tc := range []struct {
		name, approved, reviewed, acquired, wantDate string
		wantState                                    State
		wantBasis                                    Basis
		wantLine                                     int
	}{
		{"acquired alone: missing", "", "", "2025-11-20", "", Missing, NoBasis, 11},
		{"last_reviewed + cycle", "", "2025-12-01", "2025-11-20", "2026-12-01", DueSoon, FromLastReviewed, 11},
		{"approved + cycle", "2026-01-10", "", "2025-11-20", "2027-01-10", OK, FromApproved, 10},
		{"neither: missing", "", "", "", "", Missing, NoBasis, 0},
	} {
		d := &model.Document{ID: "EXT-1", Tier: 3, Type: model.TypeExternal, Status: model.StatusApproved,
			Approved: date(t, tc.approved), LastReviewed: date(t, tc.reviewed), External: model.External{Acquired: date(t, tc.acquired)},
			Lines: model.KeyLinesOf(map[string]int{"acquired": 9, "approved": 10, "last_reviewed": 11})}
		r := ReviewOf(cfg, date(t, "2026-11-25"), d)
		if r.Date.String() != tc.wantDate || r.State != tc.wantState || r.Basis != tc.wantBasis {
			t.Errorf("%s: got %s %s from %q, want %s %s from %q", tc.name, r.Date, r.State, r.Basis, tc.wantDate, tc.wantState, tc.wantBasis)
		}
		if tc.wantState != Missing && r.Line != tc.wantLine {
			t.Errorf("%s: line %d, want %d", tc.name, r.Line, tc.wantLine)
		}
	}
}

// Records, drafts, documents in review and obsolete documents are not
// subject to review, and Compute leaves them out of every review report.
func TestSubjectToReview(t *testing.T) {
	cfg := &model.Config{DueSoonDays: 30, DefaultReviewCycle: model.Cycle{N: 12, Unit: model.Months}}
	approved := model.Date{Year: 2020, Month: 1, Day: 1}
	mk := func(id, typ, status string) *model.Document {
		return &model.Document{ID: id, Tier: 2, Type: typ, Status: status, Approved: approved, Owners: []string{"isd"}}
	}
	docs := []*model.Document{
		mk("A-PROC", model.TypeProcedure, model.StatusApproved),
		mk("B-REC", model.TypeRecord, model.StatusApproved),
		mk("C-DRAFT", model.TypeProcedure, model.StatusDraft),
		mk("D-REVIEW", model.TypeProcedure, model.StatusReview),
		mk("E-OBS", model.TypeProcedure, model.StatusObsolete),
		mk("F-FORM", model.TypeForm, model.StatusApproved),
	}
	site := model.NewSite(cfg, model.Date{Year: 2026, Month: 11, Day: 25}, true, docs)
	data := Compute(site)
	var got []string
	for _, r := range data.Reviews {
		got = append(got, r.Doc.ID)
	}
	if len(got) != 2 || got[0] != "A-PROC" || got[1] != "F-FORM" {
		t.Errorf("subject to review: %v, want [A-PROC F-FORM]", got)
	}
	for _, d := range docs[1:5] {
		if data.ReviewOf(d) != nil {
			t.Errorf("%s has a review", d.ID)
		}
	}
	if !data.NeedsAttention() {
		t.Error("two overdue reviews do not need attention")
	}
	j := ReviewsDocument(site, data)
	if len(j.Documents) != 2 || j.Documents[0].Days == nil || *j.Documents[0].Days >= 0 {
		t.Errorf("reviews.json documents: %+v", j.Documents)
	}
}

// The urgency order: overdue (most overdue first), due soon (soonest
// first), missing, ok; ties by id. days is null in reviews.json when missing.
func TestUrgencyOrderAndMissingDays(t *testing.T) {
	cfg := &model.Config{DueSoonDays: 30}
	now := model.Date{Year: 2026, Month: 11, Day: 25}
	mk := func(id, next string) *model.Document {
		return &model.Document{ID: id, Tier: 2, Type: model.TypeProcedure, Status: model.StatusApproved,
			Approved: model.Date{Year: 2026, Month: 1, Day: 1}, NextReview: date(t, next)}
	}
	docs := []*model.Document{mk("A", "2027-06-01"), mk("B", ""), mk("C", "2026-12-01"), mk("D", "2026-01-01"), mk("E", "2026-11-01"), mk("F", "2026-12-01")}
	data := Compute(model.NewSite(cfg, now, false, docs))
	var got string
	for _, r := range data.Reviews {
		got += r.Doc.ID
	}
	if got != "DECFBA" {
		t.Errorf("order %s, want DECFBA", got)
	}
	j := ReviewsDocument(model.NewSite(cfg, now, false, docs), data)
	for _, r := range j.Documents {
		if (r.State == Missing) != (r.Days == nil) {
			t.Errorf("%s: state %s, days %v", r.ID, r.State, r.Days)
		}
	}
}
