package reports

import (
	"os"
	"strings"
	"testing"

	"ismsgen/generator/diag"
	"ismsgen/generator/i18n"
	"ismsgen/generator/model"
)

func TestRecordOf(t *testing.T) {
	cfg := &model.Config{DueSoonDays: 30}
	for _, tc := range []struct {
		name                      string
		approved, effective, keep string
		now                       string
		disposal                  string
		state                     RecordState
		days                      int
	}{
		{"kept", "2025-03-01", "", "3 years", "2026-12-06", "2028-03-01", Kept, 451},
		{"from the effective date", "2025-03-01", "2025-04-01", "3 years", "2026-12-06", "2028-04-01", Kept, 482},
		{"disposal today", "2023-12-06", "", "3 years", "2026-12-06", "2026-12-06", DisposalDue, 0},
		{"disposal yesterday", "2023-12-05", "", "3 years", "2026-12-06", "2026-12-05", PastDisposal, -1},
		{"disposal at the end of the window", "2024-01-05", "", "3 years", "2026-12-06", "2027-01-05", DisposalDue, 30},
		{"disposal the day after the window", "2024-01-06", "", "3 years", "2026-12-06", "2027-01-06", Kept, 31},
		{"disposal on a leap day", "2020-02-29", "", "4 years", "2024-02-29", "2024-02-29", DisposalDue, 0},
		{"a leap day plus a year clamps", "2024-02-29", "", "1 year", "2025-03-01", "2025-02-28", PastDisposal, -1},
		{"days across a leap day", "2024-02-28", "", "1 day", "2024-02-29", "2024-02-29", DisposalDue, 0},
		{"months clamp to the month's end", "2024-01-31", "", "1 month", "2024-01-31", "2024-02-29", DisposalDue, 29},
		{"kept for 0 days: disposal on its own date", "2025-01-01", "2025-02-01", "0 days", "2025-02-01", "2025-02-01", DisposalDue, 0},
		{"kept for 0 months, a day later", "2025-02-01", "", "0 months", "2025-02-02", "2025-02-01", PastDisposal, -1},
		{"permanent", "2020-01-01", "", "permanent", "2026-12-06", "", Permanent, 0},
		{"永久", "2020-01-01", "", "永久", "2026-12-06", "", Permanent, 0},
		{"no retention", "2020-01-01", "", "", "2026-12-06", "", NoRetention, 0},
		{"no date to count from", "", "", "3 years", "2026-12-06", "", Kept, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &model.Document{ID: "R", Type: model.TypeRecord, Approved: date(t, tc.approved), Effective: date(t, tc.effective)}
			if tc.keep != "" {
				var ok bool
				if d.Kept, ok = model.ParseRetention(tc.keep); !ok {
					t.Fatalf("retention %q", tc.keep)
				}
			}
			r := RecordOf(cfg, date(t, tc.now), d)
			if r.Disposal.String() != tc.disposal || r.State != tc.state || r.Days != tc.days {
				t.Errorf("got %s %s %d, want %s %s %d", r.Disposal, r.State, r.Days, tc.disposal, tc.state, tc.days)
			}
		})
	}
}

func TestActionOf(t *testing.T) {
	now := "2026-12-06"
	for _, tc := range []struct {
		name        string
		due, closed string
		state       ActionState
		days        int
	}{
		{"due today is not overdue", "2026-12-06", "", ActionOpen, 0},
		{"due yesterday", "2026-12-05", "", ActionOverdue, -1},
		{"due tomorrow", "2026-12-07", "", ActionOpen, 1},
		{"closed today", "2026-11-30", "2026-12-06", ActionClosed, 0},
		{"closed late", "2026-11-30", "2026-12-03", ActionClosed, 0},
		{"closed early", "2027-01-31", "2026-11-03", ActionClosed, 0},
		{"to be closed after --now: open", "2026-12-31", "2026-12-07", ActionOpen, 25},
		{"to be closed after --now, and overdue", "2026-11-30", "2026-12-07", ActionOverdue, -6},
		{"overdue across a leap day", "2024-02-28", "", ActionOverdue, -1012}, // 366 + 365 + 281 days
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := model.NewSite(&model.Config{}, date(t, now), false, nil)
			a := ActionOf(site, &model.Document{ID: "R"}, &model.Action{ID: "A", Due: date(t, tc.due), Closed: date(t, tc.closed)})
			if a.State != tc.state || a.Days != tc.days {
				t.Errorf("got %s %d, want %s %d", a.State, a.Days, tc.state, tc.days)
			}
		})
	}
}

// recordDoc is a published record for the management-review tests.
func recordDoc(t *testing.T, id, approved string, clauses ...string) *model.Document {
	return &model.Document{
		ID: id, Title: "Title " + id, Tier: 3, Type: model.TypeRecord, Status: model.StatusApproved,
		Approved: date(t, approved), Effective: date(t, approved), Clauses: clauses, Path: "content/" + strings.ToLower(id) + ".md",
		Lines: model.KeyLinesOf(map[string]int{"approved": 9, "clauses": 12}),
	}
}

func TestManagementReviewDue(t *testing.T) {
	const cfgPath = "content" // a finding about the set as a whole
	for _, tc := range []struct {
		name string
		now  string
		docs []*model.Document
		want string // the warning, or "" when none
	}{
		{"no review", "2026-12-06", []*model.Document{recordDoc(t, "AUD", "2026-10-20", "9.2")},
			cfgPath + ": warning: management review due: no published record with clause 9.3 is dated on or before 2026-12-06"},
		{"a review dated after --now does not count", "2026-12-06", []*model.Document{recordDoc(t, "MR", "2026-12-18", "9.3")},
			cfgPath + ": warning: management review due: no published record with clause 9.3 is dated on or before 2026-12-06"},
		{"within the cycle", "2026-12-06", []*model.Document{recordDoc(t, "MR", "2026-01-08", "9.3")}, ""},
		{"the cycle ends on --now: not yet due", "2027-01-08", []*model.Document{recordDoc(t, "MR", "2026-01-08", "9.3")}, ""},
		{"the cycle ended yesterday", "2027-01-09", []*model.Document{recordDoc(t, "MR", "2026-01-08", "9.3")},
			"content/mr.md:9: warning: management review due: the last one, MR, is dated 2026-01-08, and management_review_cycle (12 months) ran out on 2027-01-08"},
		{"a cycle of one year is said in the singular", "2027-01-09", []*model.Document{recordDoc(t, "MR", "2026-01-08", "9.3")},
			"content/mr.md:9: warning: management review due: the last one, MR, is dated 2026-01-08, and management_review_cycle (1 year) ran out on 2027-01-08"},
		{"an audit after the last review", "2026-12-06", []*model.Document{recordDoc(t, "MR", "2026-01-08", "9.3"), recordDoc(t, "AUD", "2026-10-20", "9.2")},
			"content/aud.md:12: warning: management review due: internal audit AUD (2026-10-20) is dated after the last management review, MR (2026-01-08)"},
		{"an audit on the day of the review", "2026-12-06", []*model.Document{recordDoc(t, "MR", "2026-10-20", "9.3"), recordDoc(t, "AUD", "2026-10-20", "9.2")}, ""},
		{"an audit before the review", "2026-12-06", []*model.Document{recordDoc(t, "AUD", "2026-10-20", "9.2"), recordDoc(t, "MR", "2026-11-20", "9.3")}, ""},
		{"a sub-clause counts", "2026-12-06", []*model.Document{recordDoc(t, "MR", "2026-01-08", "9.3.3"), recordDoc(t, "AUD", "2026-10-20", "9.2.2")},
			"content/aud.md:12: warning: management review due: internal audit AUD (2026-10-20) is dated after the last management review, MR (2026-01-08)"},
		{"the latest review counts", "2026-12-06", []*model.Document{recordDoc(t, "MR1", "2025-01-08", "9.3"), recordDoc(t, "AUD", "2025-10-20", "9.2"), recordDoc(t, "MR2", "2025-12-20", "9.3")}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := &model.Config{DueSoonDays: 30, ManagementReviewCycle: model.Cycle{N: 12, Unit: model.Months}}
			if strings.Contains(tc.name, "one year") {
				cfg.ManagementReviewCycle = model.Cycle{N: 1, Unit: model.Years}
			}
			site := model.NewSite(cfg, date(t, tc.now), false, tc.docs)
			var diags diag.List
			managementReview(site, &Data{Now: site.Now}, &diags)
			got := ""
			for _, d := range diags {
				got += d.String()
			}
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// The cycle in the management-review-due warning is said in the site's
// language, not in the canonical English of the JSON files.
func TestManagementReviewDueCycleInChinese(t *testing.T) {
	zh, err := i18n.Messages(os.DirFS("../../i18n"), "zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		cycle model.Cycle
		want  string
	}{
		{model.Cycle{N: 6, Unit: model.Months}, "应进行管理评审：上一次为 MR（2026-01-08），管理评审周期（6 个月）已于 2026-07-08 届满"},
		{model.Cycle{N: 1, Unit: model.Years}, "应进行管理评审：上一次为 MR（2026-01-08），管理评审周期（1 年）已于 2027-01-08 届满"},
		{model.Cycle{N: 300, Unit: model.Days}, "应进行管理评审：上一次为 MR（2026-01-08），管理评审周期（300 天）已于 2026-11-04 届满"},
	} {
		cfg := &model.Config{DueSoonDays: 30, ManagementReviewCycle: tc.cycle}
		site := model.NewSite(cfg, date(t, "2027-06-01"), false, []*model.Document{recordDoc(t, "MR", "2026-01-08", "9.3")})
		var diags diag.List
		managementReview(site, &Data{Now: site.Now}, &diags)
		if len(diags) != 1 || zh.Message(diags[0]) != tc.want {
			t.Errorf("%s: got %v, want %q", tc.cycle, diags, tc.want)
		}
	}
}
