package generator_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"

	"ismsgen/generator"
)

// The machine-readable report files of the golden site (language en) and
// of the sample (zh-CN), each read back with a real parser and compared
// with documents.json and reviews.json.

type documentsFile struct {
	Generated string `json:"generated"`
	Documents []struct {
		ID          string  `json:"id"`
		Title       string  `json:"title"`
		Version     string  `json:"version"`
		Status      string  `json:"status"`
		URL         string  `json:"url"`
		Effective   *string `json:"effective"`
		NextReview  *string `json:"next_review"`
		ReviewState *string `json:"review_state"`
	} `json:"documents"`
}

type reviewsFile struct {
	Now         string `json:"now"`
	DueSoonDays int    `json:"due_soon_days"`
	Documents   []struct {
		ID         string   `json:"id"`
		Title      string   `json:"title"`
		URL        string   `json:"url"`
		Owners     []string `json:"owners"`
		NextReview *string  `json:"next_review"`
		State      string   `json:"state"`
		Days       *int     `json:"days"`
	} `json:"documents"`
}

// actionsFile is actions.json as docs/format.md gives it.
type actionsFile struct {
	Now     string `json:"now"`
	Actions []struct {
		ID        string   `json:"id"`
		Title     string   `json:"title"`
		Source    string   `json:"source"`
		Record    string   `json:"record"`
		Owner     string   `json:"owner"`
		Documents []string `json:"documents"`
		Due       string   `json:"due"`
		Closed    *string  `json:"closed"`
		State     string   `json:"state"`
		Days      *int     `json:"days"`
	} `json:"actions"`
}

// decodeJSON decodes data into v; reviews.json and actions.json are
// declared whole above, so for them unknown fields are errors.
func decodeJSON(t *testing.T, data []byte, v any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	switch v.(type) {
	case *reviewsFile, *actionsFile:
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		t.Fatal(err)
	}
}

// readCSV checks the spreadsheet conventions (BOM, CRLF) and parses the file.
func readCSV(t *testing.T, name string, data []byte) [][]string {
	t.Helper()
	body, ok := bytes.CutPrefix(data, []byte("\xef\xbb\xbf"))
	if !ok {
		t.Fatalf("%s has no UTF-8 byte-order mark", name)
	}
	if bytes.Count(body, []byte("\n")) != bytes.Count(body, []byte("\r\n")) || !bytes.HasSuffix(body, []byte("\r\n")) {
		t.Errorf("%s: every line must end in CRLF", name)
	}
	r := csv.NewReader(bytes.NewReader(body))
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for i, rec := range records {
		for _, cell := range rec {
			if cell != "" && strings.ContainsRune("=+@\t\r", rune(cell[0])) {
				t.Errorf("%s row %d: cell %q could run as a formula", name, i, cell)
			}
			if strings.HasPrefix(cell, "-") && strings.Trim(cell, "-0123456789") != "" {
				t.Errorf("%s row %d: cell %q could run as a formula", name, i, cell)
			}
		}
	}
	return records
}

// unformula undoes the apostrophe that neutralises a formula.
func unformula(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func checkCSVAgainstJSON(t *testing.T, out map[string][]byte, baseURL string, header []string) {
	t.Helper()
	var docs documentsFile
	decodeJSON(t, out["documents.json"], &docs)
	register := readCSV(t, "register.csv", out["register.csv"])
	if len(register) != len(docs.Documents)+1 {
		t.Fatalf("register.csv has %d rows, documents.json %d documents", len(register)-1, len(docs.Documents))
	}
	for i, want := range header {
		if register[0][i] != want {
			t.Errorf("register.csv column %d is %q, want %q", i, register[0][i], want)
		}
	}
	for i, d := range docs.Documents {
		row := register[i+1]
		got := []string{row[0], unformula(row[1]), row[4], row[12], row[14], row[18]}
		want := []string{d.ID, d.Title, d.Version, str(d.Effective), str(d.NextReview), baseURL + d.URL}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("register.csv row %d:\n got %q\nwant %q", i+1, got, want)
		}
	}

	var reviews reviewsFile
	decodeJSON(t, out["reviews.json"], &reviews)
	rows := readCSV(t, "reviews.csv", out["reviews.csv"])
	if len(rows) != len(reviews.Documents)+1 {
		t.Fatalf("reviews.csv has %d rows, reviews.json %d documents", len(rows)-1, len(reviews.Documents))
	}
	for i, r := range reviews.Documents {
		row := rows[i+1]
		days := ""
		if r.Days != nil {
			days = strconv.Itoa(*r.Days)
		}
		got := []string{row[0], unformula(row[1]), row[6], row[8], row[9]}
		want := []string{r.ID, r.Title, str(r.NextReview), days, baseURL + r.URL}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("reviews.csv row %d:\n got %q\nwant %q", i+1, got, want)
		}
	}
}

func TestReportCSVMatchesJSON(t *testing.T) {
	out := readTree(t, build(t, "testdata/site", generator.Options{}))
	checkCSVAgainstJSON(t, out, "https://isms.example.com/golden/", []string{"Document no.", "Title", "Tier", "Type", "Version"})
	// The injection attempt in SITE-F-002's title is neutralised and quoted.
	if !bytes.Contains(out["register.csv"], []byte(`"'=HYPERLINK(""https://evil.example"") Sign-in, Sheet"`)) {
		t.Error("register.csv does not neutralise the formula in SITE-F-002's title")
	}
}

func TestSampleCSVHasChineseHeaders(t *testing.T) {
	out := readTree(t, build(t, "..", generator.Options{}))
	checkCSVAgainstJSON(t, out, "https://isms.example.com/", []string{"文件编号", "文件名称", "层级", "类型", "版本", "状态"})
	rows := readCSV(t, "reviews.csv", out["reviews.csv"])
	if rows[0][7] != "评审状态" || rows[1][7] != "评审逾期" {
		t.Errorf("reviews.csv is not in Chinese: %q / %q", rows[0], rows[1])
	}
}

// checkICS parses a calendar with go-ical, re-encodes it (which checks
// the required and unique properties of RFC 5545) and checks the line
// format: CRLF, at most 75 octets, no split UTF-8 character.
// An owner's calendar also holds the due date of each of its open actions.
func checkICS(t *testing.T, name string, data []byte, reviews reviewsFile, actions actionsFile, owner string) {
	t.Helper()
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		if len(line) > 75 || !utf8.ValidString(line) || strings.ContainsAny(line, "\r\n") {
			t.Errorf("%s line %d: %q (%d octets)", name, i+1, line, len(line))
		}
	}
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := ical.NewEncoder(io.Discard).Encode(cal); err != nil {
		t.Errorf("%s is not a valid calendar: %v", name, err)
	}
	if v := cal.Props.Get(ical.PropVersion); v == nil || v.Value != "2.0" {
		t.Errorf("%s: VERSION %v", name, v)
	}
	want := map[string]string{} // UID → review date
	for _, r := range reviews.Documents {
		if r.NextReview == nil || owner != "" && !strings.Contains(strings.Join(r.Owners, " "), owner) {
			continue
		}
		want[r.ID] = strings.ReplaceAll(*r.NextReview, "-", "")
	}
	for _, a := range actions.Actions {
		if owner != "" && a.Owner == owner && a.State != "closed" {
			want["action-"+a.ID] = strings.ReplaceAll(a.Due, "-", "")
		}
	}
	events := cal.Events()
	if len(events) != len(want) {
		t.Errorf("%s has %d events, want %d", name, len(events), len(want))
	}
	uids := map[string]bool{}
	for _, e := range events {
		uid, err := e.Props.Text(ical.PropUID)
		if err != nil || uids[uid] || !strings.HasSuffix(uid, "@ismsgen") {
			t.Errorf("%s: bad or repeated UID %q (%v)", name, uid, err)
		}
		uids[uid] = true
		id, summaryID := "", ""
		if rest, ok := strings.CutPrefix(uid, "action-"); ok {
			summaryID = strings.TrimSuffix(rest, "@ismsgen")
			id = "action-" + summaryID
		} else {
			id = uid[:strings.Index(uid, "-"+versionOf(uid))]
			summaryID = id
		}
		start := e.Props.Get(ical.PropDateTimeStart)
		if start.ValueType() != ical.ValueDate || start.Value != want[id] {
			t.Errorf("%s: %s starts %s (%s), want the date %s", name, uid, start.Value, start.ValueType(), want[id])
		}
		if stamp, err := e.Props.DateTime(ical.PropDateTimeStamp, time.UTC); err != nil || stamp.Format("2006-01-02") != reviews.Now {
			t.Errorf("%s: %s DTSTAMP %v %v", name, uid, stamp, err)
		}
		if summary, _ := e.Props.Text(ical.PropSummary); !strings.Contains(summary, summaryID) {
			t.Errorf("%s: %s summary %q", name, uid, summary)
		}
	}
}

// versionOf takes the version from a UID <id>-<version>@ismsgen whose id
// has the form PREFIX-X-NNN (as in the golden site and the sample).
func versionOf(uid string) string {
	s := strings.TrimSuffix(uid, "@ismsgen")
	return s[strings.LastIndex(s, "-")+1:]
}

func TestReviewsICS(t *testing.T) {
	for _, site := range []string{"testdata/site", ".."} {
		out := readTree(t, build(t, site, generator.Options{}))
		var reviews reviewsFile
		decodeJSON(t, out["reviews.json"], &reviews)
		var actions actionsFile
		decodeJSON(t, out["actions.json"], &actions)
		checkICS(t, site+" reviews.ics", out["reviews.ics"], reviews, actions, "")
		for name, data := range out {
			if dept, ok := strings.CutSuffix(strings.TrimPrefix(name, "owners/"), "/reviews.ics"); ok && strings.HasPrefix(name, "owners/") {
				checkICS(t, site+" "+name, data, reviews, actions, dept)
			}
		}
	}
	out := readTree(t, build(t, "testdata/site", generator.Options{}))
	cal, _ := ical.NewDecoder(bytes.NewReader(out["reviews.ics"])).Decode()
	for _, e := range cal.Events() {
		if uid, _ := e.Props.Text(ical.PropUID); uid == "SITE-P-006-1.0@ismsgen" {
			if s, _ := e.Props.Text(ical.PropSummary); s != "Review due: SITE-P-006 Remote Work; Travel, and Home Office" {
				t.Errorf("escaped summary reads back as %q", s)
			}
		}
	}
}

// Atom (RFC 4287), checked with encoding/xml: the namespace, the required
// elements of the feed and of each entry, RFC 3339 dates, unique ids,
// newest first.
type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"http://www.w3.org/2005/Atom id"`
	Title   string   `xml:"http://www.w3.org/2005/Atom title"`
	Updated string   `xml:"http://www.w3.org/2005/Atom updated"`
	Author  []struct {
		Name string `xml:"http://www.w3.org/2005/Atom name"`
	} `xml:"http://www.w3.org/2005/Atom author"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"http://www.w3.org/2005/Atom link"`
	Entries []struct {
		ID      string `xml:"http://www.w3.org/2005/Atom id"`
		Title   string `xml:"http://www.w3.org/2005/Atom title"`
		Updated string `xml:"http://www.w3.org/2005/Atom updated"`
		Links   []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"http://www.w3.org/2005/Atom link"`
		Summary string `xml:"http://www.w3.org/2005/Atom summary"`
	} `xml:"http://www.w3.org/2005/Atom entry"`
}

func TestFeedIsAtom(t *testing.T) {
	for _, site := range []string{"testdata/site", ".."} {
		out := readTree(t, build(t, site, generator.Options{Drafts: true}))
		var feed atomFeed
		dec := xml.NewDecoder(bytes.NewReader(out["feed.xml"]))
		dec.Strict = true
		if err := dec.Decode(&feed); err != nil {
			t.Fatalf("%s feed.xml: %v", site, err)
		}
		if feed.ID == "" || feed.Title == "" || len(feed.Author) == 0 || feed.Author[0].Name == "" {
			t.Errorf("%s: feed lacks id, title or author: %+v", site, feed)
		}
		if _, err := time.Parse(time.RFC3339, feed.Updated); err != nil {
			t.Errorf("%s: feed updated: %v", site, err)
		}
		var docs documentsFile
		decodeJSON(t, out["documents.json"], &docs)
		want := map[string]string{} // entry id → effective date of approved, effective documents
		for _, d := range docs.Documents {
			if d.Status == "approved" && d.Effective != nil && str(d.Effective) <= docs.Generated {
				want["urn:ismsgen:"+d.ID+":"+d.Version] = str(d.Effective)
			}
		}
		if len(feed.Entries) != min(len(want), 50) {
			t.Errorf("%s: %d entries, want %d", site, len(feed.Entries), min(len(want), 50))
		}
		seen, last := map[string]bool{}, "9999"
		for _, e := range feed.Entries {
			updated, err := time.Parse(time.RFC3339, e.Updated)
			if err != nil || e.Title == "" || seen[e.ID] || want[e.ID] != updated.Format("2006-01-02") {
				t.Errorf("%s: entry %s (%s, %q): %v", site, e.ID, e.Updated, e.Title, err)
			}
			if e.Updated > last {
				t.Errorf("%s: entry %s is newer than the one before it", site, e.ID)
			}
			seen[e.ID], last = true, e.Updated
			if len(e.Links) != 1 || !strings.HasPrefix(e.Links[0].Href, "https://isms.example.com/") {
				t.Errorf("%s: entry %s links %+v", site, e.ID, e.Links)
			}
		}
	}
}
