package generator_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"ismsgen/generator"
	"ismsgen/generator/model"
	"ismsgen/generator/reports"
)

// The oracle: random sites of forms and records, with retention,
// actions and management-review records, written as files and analysed
// as check does; actions.json, records.json and the management-review-due
// warning are compared with what this file computes from the front
// matter it wrote, with time.Time arithmetic and nothing of the code
// under test.

// oracleDoc is what the oracle wrote into one file.
type oracleDoc struct {
	id, typ, status, class string
	approved, effective    time.Time // zero when not written
	retention              string    // "" when not written
	clauses                []string
	actions                []oracleAction
}

type oracleAction struct {
	id, owner   string
	due, closed time.Time // closed zero when open
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func iso(t time.Time) string { return t.Format(time.DateOnly) }

// addMonths adds n months and clamps to the end of the month, as
// docs/format.md says: time.AddDate would roll 2024-01-31 over into March.
func addMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(t.Day(), last)-1)
}

// addPeriod adds "N days|months|years" (singular too) to t.
func addPeriod(t time.Time, period string) time.Time {
	var n int
	var unit string
	if _, err := fmt.Sscanf(period, "%d %s", &n, &unit); err != nil {
		panic(period)
	}
	switch strings.TrimSuffix(unit, "s") {
	case "day":
		return t.AddDate(0, 0, n)
	case "month":
		return addMonths(t, n)
	case "year":
		return addMonths(t, 12*n)
	}
	panic(period)
}

func days(from, to time.Time) int { return int(to.Sub(from).Hours() / 24) }

func (d oracleDoc) date() time.Time {
	if !d.effective.IsZero() {
		return d.effective
	}
	return d.approved
}

func (d oracleDoc) published() bool {
	return d.class != "confidential" && (d.status == "approved" || d.status == "obsolete")
}

// randomSite makes one site: its files and what the oracle needs.
func randomSite(r *rand.Rand) (files map[string]string, docs []oracleDoc, cycle string) {
	dates := []time.Time{
		day(2020, 2, 29), day(2023, 2, 28), day(2024, 1, 31), day(2024, 2, 29), day(2025, 3, 31),
		day(2025, 8, 31), day(2025, 12, 6), day(2026, 1, 8), day(2026, 6, 6), day(2026, 10, 20), day(2026, 12, 6),
	}
	randDate := func() time.Time {
		if r.IntN(3) == 0 {
			return dates[r.IntN(len(dates))]
		}
		return day(2019, 1, 1).AddDate(0, 0, r.IntN(8*365))
	}
	retentions := []string{"", "30 days", "90 days", "1 year", "3 years", "6 months", "18 months", "1 month", "4 years", "permanent", "永久"}
	cycles := []string{"", "6 months", "12 months", "1 year", "18 months"}
	cycle = cycles[r.IntN(len(cycles))]
	files = map[string]string{}
	config := oracleConfig
	if cycle != "" {
		config = "management_review_cycle = " + strconv.Quote(cycle) + "\n" + config
	}
	files["isms.toml"] = config
	nActions := 0
	for i := range 4 + r.IntN(10) {
		d := oracleDoc{
			id:        fmt.Sprintf("R-%03d", i),
			typ:       []string{"record", "record", "form"}[r.IntN(3)],
			status:    []string{"approved", "approved", "approved", "obsolete", "draft"}[r.IntN(5)],
			class:     []string{"internal", "internal", "public", "confidential"}[r.IntN(4)],
			retention: retentions[r.IntN(len(retentions))],
		}
		if d.status != "draft" || r.IntN(2) == 0 {
			d.approved = randDate()
		}
		if !d.approved.IsZero() && r.IntN(3) == 0 {
			d.effective = d.approved.AddDate(0, 0, r.IntN(40))
		}
		if d.typ == "record" {
			d.clauses = [][]string{nil, {"9.3"}, {"9.2"}, {"9.3"}, {"9.2", "10.2"}}[r.IntN(5)]
			for range r.IntN(4) {
				a := oracleAction{id: fmt.Sprintf("A-%d", nActions), owner: []string{"isd", "hr"}[r.IntN(2)], due: randDate()}
				nActions++
				if r.IntN(2) == 0 {
					a.closed = randDate()
				}
				d.actions = append(d.actions, a)
			}
		}
		docs = append(docs, d)
		files[fmt.Sprintf("content/r%03d.md", i)] = d.file()
	}
	return files, docs, cycle
}

const oracleConfig = `title = "Oracle"
language = "en"
classification = "internal"
default_review_cycle = "12 months"

[[departments]]
id = "isd"
name = "Security"

[[departments]]
id = "hr"
name = "HR"
`

func (d oracleDoc) file() string {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\nid = %q\ntitle = \"Title %s\"\ntier = 3\ntype = %q\nversion = \"1.0\"\nstatus = %q\nowners = [\"isd\"]\nclassification = %q\n", d.id, d.id, d.typ, d.status, d.class)
	if d.status == "approved" || d.status == "obsolete" {
		b.WriteString("approver = \"CEO\"\n")
	}
	if !d.approved.IsZero() {
		fmt.Fprintf(&b, "approved = %s\n", iso(d.approved))
	}
	if !d.effective.IsZero() {
		fmt.Fprintf(&b, "effective = %s\n", iso(d.effective))
	}
	if d.retention != "" {
		fmt.Fprintf(&b, "retention = %q\n", d.retention)
	}
	if len(d.clauses) > 0 {
		fmt.Fprintf(&b, "clauses = [\"%s\"]\n", strings.Join(d.clauses, `", "`))
	}
	for _, a := range d.actions {
		fmt.Fprintf(&b, "\n[[actions]]\nid = %q\ntitle = \"Action %s\"\nsource = \"audit\"\nowner = %q\ndue = %s\n", a.id, a.id, a.owner, iso(a.due))
		if !a.closed.IsZero() {
			fmt.Fprintf(&b, "closed = %s\n", iso(a.closed))
		}
	}
	b.WriteString("+++\n\nBody.\n")
	return b.String()
}

// oracleRecord and oracleActionOut are the expected rows of records.json
// and actions.json, formatted as the test compares them.
func expectRecords(docs []oracleDoc, now time.Time, dueSoon int) []string {
	var out []string
	for _, d := range docs {
		if !d.published() {
			continue
		}
		state, disposal := "", "null"
		switch {
		case d.retention == "permanent" || d.retention == "永久":
			state = "permanent"
		case d.retention == "":
			state = "no_retention"
		case d.date().IsZero():
			state = "kept"
		default:
			at := addPeriod(d.date(), d.retention)
			disposal = iso(at)
			switch n := days(now, at); {
			case n < 0:
				state = "past_disposal"
			case n <= dueSoon:
				state = "disposal_due"
			default:
				state = "kept"
			}
		}
		out = append(out, fmt.Sprintf("%s %s %s %s", d.id, d.typ, disposal, state))
	}
	slices.Sort(out)
	return out
}

func expectActions(docs []oracleDoc, now time.Time) []string {
	var out []string
	for _, d := range docs {
		if !d.published() {
			continue
		}
		for _, a := range d.actions {
			state, n := "open", strconv.Itoa(days(now, a.due))
			switch {
			case !a.closed.IsZero() && !a.closed.After(now):
				state, n = "closed", "null"
			case a.due.Before(now):
				state = "overdue"
			}
			out = append(out, fmt.Sprintf("%s %s %s %s %s", a.id, d.id, a.owner, state, n))
		}
	}
	slices.Sort(out)
	return out
}

// expectReviewDue applies the rule for management-review-due of
// docs/format.md, "What the reports count".
func expectReviewDue(docs []oracleDoc, now time.Time, cycle string) bool {
	if cycle == "" {
		cycle = "12 months"
	}
	var last time.Time
	found := false
	counts := func(d oracleDoc) bool {
		return d.published() && d.typ == "record" && !d.date().IsZero() && !d.date().After(now)
	}
	for _, d := range docs {
		if counts(d) && slices.Contains(d.clauses, "9.3") && (!found || d.date().After(last)) {
			last, found = d.date(), true
		}
	}
	if !found || addPeriod(last, cycle).Before(now) {
		return true
	}
	for _, d := range docs {
		if counts(d) && slices.Contains(d.clauses, "9.2") && d.date().After(last) {
			return true
		}
	}
	return false
}

func TestRecordsOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(22, 2026))
	nows := []time.Time{day(2026, 12, 6), day(2024, 2, 29), day(2025, 12, 6), day(2026, 1, 8), day(2027, 3, 1)}
	sites := 200
	for i := range sites {
		files, docs, cycle := randomSite(r)
		now := nows[i%len(nows)]
		t.Run(fmt.Sprintf("site %d, now %s", i, iso(now)), func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			// The analysis, not the whole build: the files come from what
			// it computed (the golden files check their bytes).
			res, err := generator.Check(generator.Options{Source: dir, Now: model.DateOf(now), Defaults: defaults()})
			if err != nil || res.Site == nil {
				t.Fatalf("%v %v", err, res.Diagnostics.Errors())
			}
			site, data, diags := res.Site, res.Reports, res.Diagnostics
			out := map[string][]byte{}
			out["records.json"], _ = json.Marshal(reports.RecordsDocument(site, data))
			out["actions.json"], _ = json.Marshal(reports.ActionsDocument(site, data))

			var recs struct {
				Records []struct {
					ID, Type, State string
					Disposal        *string
				}
			}
			if err := json.Unmarshal(out["records.json"], &recs); err != nil {
				t.Fatal(err)
			}
			var gotRecs []string
			for _, x := range recs.Records {
				disposal := "null"
				if x.Disposal != nil {
					disposal = *x.Disposal
				}
				gotRecs = append(gotRecs, fmt.Sprintf("%s %s %s %s", x.ID, x.Type, disposal, x.State))
			}
			slices.Sort(gotRecs)
			if want := expectRecords(docs, now, 30); !slices.Equal(gotRecs, want) {
				t.Errorf("records.json:\n got %q\nwant %q", gotRecs, want)
			}

			var acts actionsFile
			decodeJSON(t, out["actions.json"], &acts)
			var gotActs []string
			for _, a := range acts.Actions {
				n := "null"
				if a.Days != nil {
					n = strconv.Itoa(*a.Days)
				}
				gotActs = append(gotActs, fmt.Sprintf("%s %s %s %s %s", a.ID, a.Record, a.Owner, a.State, n))
			}
			slices.Sort(gotActs)
			if want := expectActions(docs, now); !slices.Equal(gotActs, want) {
				t.Errorf("actions.json:\n got %q\nwant %q", gotActs, want)
			}

			due := false
			for _, d := range diags.Warnings() {
				due = due || d.Code == "management-review-due"
			}
			if want := expectReviewDue(docs, now, cycle); due != want {
				t.Errorf("management-review-due %v, want %v (cycle %q)", due, want, cycle)
			}
		})
	}
}
