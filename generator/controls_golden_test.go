package generator_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"ismsgen/generator"
)

// controlGoldenFiles are the Annex A and SoA pages and soa.csv of
// testdata/site, compared with testdata/golden (see TestControlGolden).
var controlGoldenFiles = []string{
	"controls/index.html",
	"controls/8.30/index.html",
	"soa/index.html",
	"clauses/index.html",
	"soa.csv",
}

func TestControlGolden(t *testing.T) {
	compareTree(t, readTree(t, build(t, "testdata/site", generator.Options{})), controlGoldenFiles)
}

// The control pages and soa.csv count only published documents: neither
// the draft SITE-P-002 (which claims 5.1) nor the confidential SITE-R-009
// (5.24) appears, and both controls are gaps. With --drafts, the draft
// implements 5.1.
func TestControlsCountPublishedOnly(t *testing.T) {
	out := readTree(t, build(t, "testdata/site", generator.Options{}))
	for name, data := range out {
		if !strings.HasPrefix(name, "controls/") && !strings.HasPrefix(name, "soa/") && !strings.HasPrefix(name, "clauses/") && name != "soa.csv" {
			continue
		}
		for _, secret := range []string{"SITE-R-009", "Confidential Incident", "SITE-P-002", "Draft Access Policy"} {
			if bytes.Contains(data, []byte(secret)) {
				t.Errorf("%s contains %q", name, secret)
			}
		}
	}
	rows := soaRows(t, out["soa.csv"])
	if got := rows["5.1"][7] + "|" + rows["5.24"][7]; got != "|" {
		t.Errorf("implementing documents of 5.1 and 5.24: %q, want none", got)
	}
	gaps := string(out["controls/index.html"])
	gaps = gaps[strings.Index(gaps, `id="gaps"`):strings.Index(gaps, `id="inconsistent"`)]
	for _, id := range []string{"5.1", "5.24"} {
		if !strings.Contains(gaps, `controls/`+id+`/"`) {
			t.Errorf("controls/ does not list %s as a gap", id)
		}
	}

	drafts := soaRows(t, readTree(t, build(t, "testdata/site", generator.Options{Drafts: true}))["soa.csv"])
	if got := drafts["5.1"][7]; got != "SITE-P-002" {
		t.Errorf("with --drafts, 5.1 is implemented by %q, want SITE-P-002", got)
	}
}

// soaRows reads soa.csv back with encoding/csv, keyed by control id.
func soaRows(t *testing.T, data []byte) map[string][]string {
	t.Helper()
	body, ok := bytes.CutPrefix(data, []byte("\ufeff"))
	if !ok {
		t.Fatal("soa.csv has no byte-order mark")
	}
	if bytes.Contains(bytes.ReplaceAll(body, []byte("\r\n"), nil), []byte("\n")) {
		t.Error("soa.csv has a line that does not end in CRLF")
	}
	recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 94 {
		t.Fatalf("soa.csv has %d records, want a header and 93 controls", len(recs))
	}
	rows := map[string][]string{}
	for _, r := range recs[1:] {
		rows[r[0]] = r
	}
	if got := rows["5.24"][6]; got != "'=Incident register" {
		t.Errorf("5.24 implementation = %q, want the formula neutralised", got)
	}
	return rows
}
