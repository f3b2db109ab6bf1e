package generator_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ismsgen/generator"
)

// reportGoldenFiles are report pages and exports of testdata/site compared
// with testdata/golden (see TestReportGolden). Names under drafts/ come
// from a build with --drafts.
var reportGoldenFiles = []string{
	"approvals/index.html",
	"reviews/index.html",
	"distribution/index.html",
	"distribution/hr/index.html",
	"owners/hr/index.html",
	"owners/isd/index.html",
	"training/index.html",
	"reviews.json",
	"reviews.csv",
	"register.csv",
	"reviews.ics",
	"owners/hr/reviews.ics",
	"feed.xml",
	"records/index.html",
	"external/index.html",
	"actions/index.html",
	"management-review/index.html",
	"docs/SITE-R-002/index.html",
	"records.json",
	"records.csv",
	"actions.json",
	"actions.csv",
	"management-review.json",
	"training.csv",
	"training.json",
	"distribution/hr/withdrawn/index.html",
	"owners/isd/reviews.ics",
	"drafts/actions/index.html",
	"drafts/approvals/index.html",
	"drafts/owners/hr/index.html",
	"drafts/docs/SITE-P-005/index.html",
}

const draftsPrefix = "drafts/"

func TestReportGolden(t *testing.T) {
	out := readTree(t, build(t, "testdata/site", generator.Options{}))
	withDrafts := readTree(t, build(t, "testdata/site", generator.Options{Drafts: true}))
	for _, name := range reportGoldenFiles {
		tree, file := out, name
		if rest, ok := strings.CutPrefix(name, draftsPrefix); ok {
			tree, file = withDrafts, rest
		}
		got, ok := tree[file]
		if !ok {
			t.Errorf("%s was not written", name)
			continue
		}
		compareGolden(t, name, got)
	}
}

// compareGolden compares got with testdata/golden/<name>, or rewrites the
// golden file with -update.
func compareGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	got = assetHash.ReplaceAll(got, []byte("$1-HASH.$2"))
	golden := filepath.Join("testdata/golden", filepath.FromSlash(name))
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./generator -run Golden -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (run go test ./generator -run Golden -update and review the diff):\n%s", name, golden, firstDiff(want, got))
	}
}

// Nothing above the classification ceiling and no unpublished draft
// appears in any report page or export.
func TestReportsLeakNothing(t *testing.T) {
	out := readTree(t, build(t, "testdata/site", generator.Options{}))
	for name, data := range out {
		if !isReportFile(name) {
			continue
		}
		for _, secret := range []string{"SITE-R-009", "Confidential Incident", "Confidential follow-up", "SEC-1", "SITE-P-002", "Draft Access Policy", "SITE-P-005", "Supplier Security"} {
			if bytes.Contains(data, []byte(secret)) {
				t.Errorf("%s contains %q", name, secret)
			}
		}
	}
}

func isReportFile(name string) bool {
	for _, prefix := range []string{"approvals/", "reviews/", "distribution/", "owners/", "training/", "records/", "external/", "actions/", "management-review/"} {
		if strings.HasPrefix(name, prefix) {
			return true
		}
	}
	switch name {
	case "reviews.json", "reviews.csv", "register.csv", "reviews.ics", "feed.xml",
		"records.json", "records.csv", "actions.json", "actions.csv", "management-review.json",
		"training.csv", "training.json":
		return true
	}
	return false
}

// The note that review states follow today's date is on the report pages
// whose review states the browser's script brings up to date, and only
// there: on the pages of actions, records and distribution, whose states
// it leaves as built, the note says they stay so.
func TestAsOfNoteWhereStatesFollowToday(t *testing.T) {
	for _, opts := range []generator.Options{{}, {Drafts: true}} {
		out := readTree(t, build(t, "testdata/site", opts))
		live, fixed := 0, 0
		for name, data := range out {
			if !bytes.Contains(data, []byte(`class="report-asof"`)) {
				continue
			}
			follows := bytes.Contains(data, []byte("review states are brought up to today")) // report.asof_note
			updated := bytes.Contains(data, []byte("data-review-date=")) || bytes.Contains(data, []byte("data-overdue-after="))
			switch {
			case follows && !updated:
				t.Errorf("%s says review states follow today's date, and has none the script updates", name)
			case !follows && updated:
				t.Errorf("%s has review states the script updates, and does not say so", name)
			case follows:
				live++
			default:
				fixed++
				if !bytes.Contains(data, []byte("build the site again to bring them up to date")) { // report.asof_fixed
					t.Errorf("%s does not say its states stay as built", name)
				}
			}
		}
		if live == 0 || fixed == 0 {
			t.Errorf("drafts %v: %d pages whose states follow today, %d whose states stay as built", opts.Drafts, live, fixed)
		}
	}
}
