package reports

import (
	"strconv"
	"strings"
	"testing"

	"ismsgen/generator/model"
)

// testSite is a small published site with every case the document-control
// reports distinguish, linked by hand as the link stage would.
func testSite(t *testing.T) *model.Site {
	t.Helper()
	cfg := &model.Config{
		Title: "T", Language: "en", DueSoonDays: 30, DefaultReviewCycle: model.Cycle{N: 12, Unit: model.Months},
		Departments: []model.Department{{ID: "isd", Name: "Security"}, {ID: "hr", Name: "HR"}, {ID: "it", Name: "IT"}},
	}
	mk := func(id string, tier int, status, approved, effective string, owners, dist []string) *model.Document {
		return &model.Document{
			ID: id, Title: "Title " + id, Tier: tier, Type: model.TypeProcedure, Version: "1.0", Status: status,
			Approved: date(t, approved), Effective: date(t, effective), Owners: owners, Distribution: dist,
			Path: "content/" + strings.ToLower(id) + ".md", Lines: model.KeyLinesOf(map[string]int{"status": 7, "approved": 9}),
		}
	}
	all, isd, hr, it := []string{model.AllStaff}, []string{"isd"}, []string{"hr"}, []string{"it"}
	m1 := mk("M-1", 1, model.StatusApproved, "2026-01-10", "2026-01-10", isd, all)
	m1.Type, m1.Version = model.TypeManual, "3.0"
	m1.History = []model.Revision{{Version: "2.0", Date: date(t, "2025-01-01")}, {Version: "3.0", Date: date(t, "2026-01-10")}}
	m1.Training = []model.Training{{Title: "Induction", URL: "https://lms/1"}}
	pOld := mk("P-OLD", 2, model.StatusObsolete, "2020-01-01", "2020-01-01", it, it)
	pNew := mk("P-NEW", 2, model.StatusApproved, "2026-09-01", "2026-09-15", it, []string{"it", "isd"})
	pNew.Training = []model.Training{{Title: "Induction again", URL: "https://lms/1"}, {Title: "Logging", URL: "https://lms/2"}}
	pStale := mk("P-STALE", 2, model.StatusApproved, "2024-01-01", "2024-01-01", hr, hr)
	pRepl := mk("P-REPL", 2, model.StatusApproved, "2026-05-20", "2026-06-01", hr, hr)
	pSoon := mk("P-SOON", 2, model.StatusApproved, "2026-11-20", "2026-12-15", hr, hr)
	pOld2 := mk("P-OLD2", 2, model.StatusApproved, "2025-12-01", "2025-12-01", hr, hr)
	d1 := mk("D-1", 2, model.StatusDraft, "", "", hr, hr)
	r1 := mk("R-1", 2, model.StatusReview, "", "", hr, hr)
	r1.Version = "2.0-rc"
	r1.History = []model.Revision{{Version: "1.0", Date: date(t, "2026-11-10")}, {Version: "2.0-rc", Date: date(t, "2026-10-01")}}
	r2 := mk("R-2", 2, model.StatusReview, "", "", isd, isd)
	r3 := mk("R-3", 2, model.StatusReview, "", "", isd, isd)
	r3.History = []model.Revision{{Version: "0.9", Date: date(t, "2026-11-01")}}
	rec := mk("REC", 3, model.StatusApproved, "2026-02-01", "2026-02-01", isd, all)
	rec.Type = model.TypeRecord
	supersede := func(newer, older *model.Document) {
		newer.Graph.Supersedes = append(newer.Graph.Supersedes, older)
		older.Graph.SupersededBy = append(older.Graph.SupersededBy, newer)
	}
	supersede(pNew, pOld)
	supersede(pRepl, pStale)
	supersede(pSoon, pOld2)
	supersede(r2, pRepl) // in review: replaces nothing yet
	return model.NewSite(cfg, date(t, "2026-11-25"), true,
		[]*model.Document{d1, m1, pNew, pOld, pOld2, pRepl, pSoon, pStale, r1, r2, r3, rec})
}

func docIDs(docs []*model.Document) string {
	s := make([]string, len(docs))
	for i, d := range docs {
		s[i] = d.ID
	}
	return strings.Join(s, " ")
}

func withdrawnIDs(ws []Withdrawal) string {
	s := make([]string, len(ws))
	for i, w := range ws {
		s[i] = w.Doc.ID + "@" + w.Version + ":" + w.Date.String()
		if w.Scheduled {
			s[i] += "(scheduled)"
		}
		if w.Earlier {
			s[i] += "(earlier)"
		}
	}
	return strings.Join(s, " ")
}

func check(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s:\n got %s\nwant %s", what, got, want)
	}
}

func TestApprovals(t *testing.T) {
	a := Compute(testSite(t)).Approvals
	var pending []string
	for _, p := range a.Pending {
		pending = append(pending, p.Doc.ID+":"+p.Since.String())
	}
	check(t, "pending, longest waiting first", strings.Join(pending, " "), "R-1:2026-10-01 R-3:2026-11-01 R-2:")
	if a.Pending[0].Days != 55 {
		t.Errorf("R-1 waiting %d days, want 55", a.Pending[0].Days)
	}
	check(t, "drafts", docIDs(a.Drafts), "D-1")
	check(t, "not yet effective", docIDs(a.NotEffective), "P-SOON")
	var inForce []*model.Document
	for _, e := range a.InForce {
		inForce = append(inForce, e.Doc)
	}
	check(t, "in force, by tier and id", docIDs(inForce), "M-1 P-NEW P-OLD2 P-REPL REC")
	check(t, "obsolete", withdrawnIDs(a.Obsolete), "P-OLD@1.0:2026-09-15 P-STALE@1.0:2026-06-01")
}

func TestWithdrawn(t *testing.T) {
	data := Compute(testSite(t))
	check(t, "withdrawn, newest first", withdrawnIDs(data.Withdrawn),
		"P-OLD2@1.0:2026-12-15(scheduled) P-OLD@1.0:2026-09-15 P-STALE@1.0:2026-06-01 M-1@2.0:2026-01-10(earlier)")
	check(t, "P-OLD replaced by", docIDs(data.Withdrawn[1].ReplacedBy), "P-NEW")
	var superseded []string
	for _, d := range data.Diagnostics {
		if d.Code == "superseded-approved" {
			superseded = append(superseded, d.File+":"+strconv.Itoa(d.Line))
		}
	}
	check(t, "superseded but approved", strings.Join(superseded, " "), "content/p-stale.md:7")
}

func TestDistribution(t *testing.T) {
	data := Compute(testSite(t))
	if len(data.Distribution) != 3 {
		t.Fatalf("%d departments", len(data.Distribution))
	}
	for _, tc := range []struct {
		dept, current, upcoming, withdrawn string
		n                                  int
	}{
		{"isd", "1:M-1 2:P-NEW 3:REC", "", "M-1@2.0:2026-01-10(earlier)", 3},
		{"hr", "1:M-1 2:P-OLD2 P-REPL 3:REC", "P-SOON", "P-OLD2@1.0:2026-12-15(scheduled) P-STALE@1.0:2026-06-01 M-1@2.0:2026-01-10(earlier)", 4},
		{"it", "1:M-1 2:P-NEW 3:REC", "", "P-OLD@1.0:2026-09-15 M-1@2.0:2026-01-10(earlier)", 3},
	} {
		var dd *DeptDistribution
		for i := range data.Distribution {
			if data.Distribution[i].Dept.ID == tc.dept {
				dd = &data.Distribution[i]
			}
		}
		var tiers []string
		for _, td := range dd.Tiers {
			tiers = append(tiers, string(rune('0'+td.Tier))+":"+docIDs(td.Docs))
		}
		check(t, tc.dept+" current", strings.Join(tiers, " "), tc.current)
		check(t, tc.dept+" upcoming", docIDs(dd.Upcoming), tc.upcoming)
		check(t, tc.dept+" withdrawn", withdrawnIDs(dd.Withdrawn), tc.withdrawn)
		if dd.Current != tc.n {
			t.Errorf("%s holds %d, want %d", tc.dept, dd.Current, tc.n)
		}
	}
}

func TestOwners(t *testing.T) {
	data := Compute(testSite(t))
	hr := data.Owners[1]
	if hr.Dept.ID != "hr" {
		t.Fatalf("owners out of isms.toml order: %v", hr.Dept)
	}
	var todo []string
	for _, r := range hr.ToDo {
		todo = append(todo, r.Doc.ID+":"+string(r.State))
	}
	check(t, "hr to do", strings.Join(todo, " "), "P-STALE:overdue P-OLD2:due_soon")
	var pending []*model.Document
	for _, p := range hr.Pending {
		pending = append(pending, p.Doc)
	}
	check(t, "hr pending", docIDs(pending), "R-1")
	check(t, "hr drafts", docIDs(hr.Drafts), "D-1")
	var owned []*model.Document
	for _, e := range hr.Owned {
		owned = append(owned, e.Doc)
	}
	check(t, "hr owns", docIDs(owned), "D-1 P-OLD2 P-REPL P-SOON P-STALE R-1")
	if got := hr.Totals; got.Overdue != 1 || got.DueSoon != 1 || got.Missing != 0 || got.OK != 2 || got.Total() != 4 {
		t.Errorf("hr totals %+v", got)
	}
	if !hr.HasCalendar() || hr.CalendarPath() != "owners/hr/reviews.ics" || len(hr.Reviews(data)) != 4 {
		t.Errorf("hr calendar: %v %s %d", hr.HasCalendar(), hr.CalendarPath(), len(hr.Reviews(data)))
	}
	var withTotals []string
	for _, tot := range data.OwnerTotals {
		withTotals = append(withTotals, tot.Dept.ID)
	}
	check(t, "departments with totals", strings.Join(withTotals, " "), "isd hr it")
}

// Issue 24: training by course, with the documents and the departments
// under each, rather than nearly the same courses for every department.
func TestTraining(t *testing.T) {
	data := Compute(testSite(t))
	tr := data.Training
	check(t, "documents with training", docIDs(tr.Docs), "M-1 P-NEW")
	var got []string
	for _, c := range tr.Courses {
		var depts []string
		for _, d := range c.Depts {
			depts = append(depts, d.ID)
		}
		got = append(got, c.Title+"="+docIDs(c.Docs)+" to "+strings.Join(depts, ","))
	}
	check(t, "courses", strings.Join(got, "; "), "Induction=M-1 P-NEW to isd,hr,it; Logging=P-NEW to isd,it")
	j := TrainingDocument(data)
	if len(j.Courses) != 2 || j.Courses[0].Documents[0].Version == "" || j.Courses[1].Departments[0].Name == "" {
		t.Errorf("training.json: %+v", j.Courses)
	}
}

func TestPreviousVersion(t *testing.T) {
	for _, tc := range []struct {
		current string
		history []string
		want    string
	}{
		{"3.0", []string{"1.0", "2.0", "3.0"}, "2.0"},
		{"1.2", []string{"1.0", "1.2"}, "1.0"},
		{"1.0", []string{"1.0"}, ""},
		{"1.0", nil, ""},
		{"2.0", []string{"1.0"}, "1.0"},                  // the current version has no entry yet
		{"2.0", []string{"1.0", "2.0", "2.0"}, "1.0"},    // repeated entries for one version
		{"2.0", []string{"1.0", "2.0", "2.1-rc"}, "1.0"}, // an entry after the current version is not earlier
	} {
		d := &model.Document{Version: tc.current}
		for _, v := range tc.history {
			d.History = append(d.History, model.Revision{Version: v})
		}
		if got := previousVersion(d); got != tc.want {
			t.Errorf("%s after %v: previous %q, want %q", tc.current, tc.history, got, tc.want)
		}
	}
}

// Issue 24: a department's page lists the withdrawals of the last
// recent_withdrawals (and those to come); the rest are on the full list.
func TestRecentWithdrawals(t *testing.T) {
	site := testSite(t)
	site.Config.RecentWithdrawals = model.Cycle{N: 6, Unit: model.Months}
	data := Compute(site)
	for _, dd := range data.Distribution {
		if dd.Dept.ID == "hr" {
			check(t, "hr recent", withdrawnIDs(dd.Recent), "P-OLD2@1.0:2026-12-15(scheduled) P-STALE@1.0:2026-06-01")
			check(t, "hr all", withdrawnIDs(dd.Withdrawn), "P-OLD2@1.0:2026-12-15(scheduled) P-STALE@1.0:2026-06-01 M-1@2.0:2026-01-10(earlier)")
		}
	}
}
