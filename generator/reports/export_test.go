package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"ismsgen"
	"ismsgen/generator/i18n"
	"ismsgen/generator/model"
)

func TestSafeCell(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"=SUM(A1:A2)", "'=SUM(A1:A2)"},
		{"+1", "'+1"},
		{"-1+1", "'-1+1"},
		{"@cmd", "'@cmd"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"-12", "-12"}, // a number, not a formula
		{"-", "'-"},
		{"a=b", "a=b"},
		{"管理评审", "管理评审"},
	} {
		if got := safeCell(tc.in); got != tc.want {
			t.Errorf("safeCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSpreadsheetCSV(t *testing.T) {
	out := spreadsheetCSV([]string{"文件编号", "Title"}, [][]string{
		{"A-1", `Quote " and, comma`},
		{"=cmd", "two\nlines"},
	})
	if !bytes.HasPrefix(out, []byte("\xef\xbb\xbf")) {
		t.Fatal("no byte-order mark")
	}
	want := "\xef\xbb\xbf文件编号,Title\r\nA-1,\"Quote \"\" and, comma\"\r\n'=cmd,\"two\r\nlines\"\r\n"
	if string(out) != want {
		t.Errorf("got  %q\nwant %q", out, want)
	}
	recs, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil || len(recs) != 3 || recs[1][1] != `Quote " and, comma` || recs[2][0] != "'=cmd" {
		t.Errorf("read back %q, %v", recs, err)
	}
}

func TestICSTextAndFolding(t *testing.T) {
	if got, want := icsText("a\\b;c,d\ne\rf\x01g"), `a\\b\;c\,d\nefg`; got != want {
		t.Errorf("icsText = %q, want %q", got, want)
	}
	long := "SUMMARY:" + strings.Repeat("信息安全管理评审", 12) + "abc"
	var w icsWriter
	w.line(long)
	w.line("SHORT:x")
	out := w.String()
	if !strings.HasSuffix(out, "\r\nSHORT:x\r\n") {
		t.Errorf("lines do not end in CRLF: %q", out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	for i, l := range lines {
		if len(l) > 75 {
			t.Errorf("line %d has %d octets", i, len(l))
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a character: %q", i, l)
		}
		if i > 0 && i < len(lines)-1 && !strings.HasPrefix(l, " ") {
			t.Errorf("continuation line %d does not start with a space", i)
		}
	}
	if unfolded := strings.ReplaceAll(out, "\r\n ", ""); !strings.HasPrefix(unfolded, long+"\r\n") {
		t.Errorf("unfolding does not give the line back: %q", unfolded)
	}
	for n := 70; n <= 80; n++ { // every cut position near the limit, ASCII
		var a icsWriter
		a.line(strings.Repeat("x", n))
		for _, l := range strings.Split(strings.TrimSuffix(a.String(), "\r\n"), "\r\n") {
			if len(l) > 75 {
				t.Errorf("%d: line of %d octets", n, len(l))
			}
		}
	}
}

func TestURNPart(t *testing.T) {
	for in, want := range map[string]string{"ISMS-P-009": "ISMS-P-009", "2.1": "2.1", "3.0 rc": "3.0%20rc", "v:1/草": "v%3A1%2F%E8%8D%89"} {
		if got := urnPart(in); got != want {
			t.Errorf("urnPart(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFeedWithoutBaseURL(t *testing.T) {
	strs, err := i18n.Load(ismsgen.I18n(), "en")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &model.Config{Title: `A & <B>`, Language: "en"}
	now := model.Date{Year: 2026, Month: 11, Day: 25}
	var docs []*model.Document
	for i := range 60 {
		eff := now.AddDays(-i)
		docs = append(docs, &model.Document{ID: fmt.Sprintf("D-%02d", i), Title: `x < y & "z"`, Version: "1 rc",
			Type: model.TypeProcedure, Status: model.StatusApproved, Approved: eff, Effective: eff})
	}
	docs = append(docs,
		&model.Document{ID: "FUTURE", Title: "f", Version: "1", Status: model.StatusApproved, Effective: now.AddDays(1)},
		&model.Document{ID: "OLD", Title: "o", Version: "1", Status: model.StatusObsolete, Effective: now},
		&model.Document{ID: "DRAFT", Title: "d", Version: "1", Status: model.StatusDraft})
	out := feed(model.NewSite(cfg, now, true, docs), labels{s: strs, cfg: cfg})
	var feed struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Links   []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Entries []struct {
			ID    string `xml:"id"`
			Title string `xml:"title"`
			Link  struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(out, &feed); err != nil {
		t.Fatal(err)
	}
	if feed.ID != "urn:ismsgen:feed" || feed.Title != "A & <B>: newly effective documents" || feed.Updated != "2026-11-25T00:00:00Z" {
		t.Errorf("feed %q %q %q", feed.ID, feed.Title, feed.Updated)
	}
	if len(feed.Links) != 2 || feed.Links[0].Href != "feed.xml" || feed.Links[1].Href != "./" {
		t.Errorf("feed links %+v", feed.Links)
	}
	if len(feed.Entries) != feedLimit {
		t.Fatalf("%d entries, want %d", len(feed.Entries), feedLimit)
	}
	first, last := feed.Entries[0], feed.Entries[feedLimit-1]
	if first.ID != "urn:ismsgen:D-00:1%20rc" || first.Link.Href != "docs/D-00/" || first.Title != `D-00 x < y & "z" 1 rc` || last.ID != "urn:ismsgen:D-49:1%20rc" {
		t.Errorf("entries from %+v to %+v", first, last)
	}
}

// While a document's new version is approved but not yet effective (or,
// with --drafts, a draft), the feed keeps announcing the version in
// force, which git holds: the document dropped out of the feed until
// the new version took effect.
func TestFeedAnnouncesTheVersionInForce(t *testing.T) {
	strs, err := i18n.Load(ismsgen.I18n(), "en")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &model.Config{Title: "T", Language: "en"}
	now := model.Date{Year: 2026, Month: 2, Day: 15}
	d := &model.Document{ID: "P-1", Title: "Access control", Version: "1.1", Type: model.TypeProcedure, Status: model.StatusApproved,
		Approver: "CISO", Approved: model.Date{Year: 2026, Month: 2, Day: 1}, Effective: model.Date{Year: 2026, Month: 3, Day: 1},
		History: []model.Revision{{Version: "1.0", Summary: "First issue", Material: true}, {Version: "1.1", Summary: "MFA", Material: true}},
		Versions: &model.Versions{Earlier: []model.Version{{Version: "1.0", Title: "Access control (old)", Status: model.StatusApproved,
			Effective: model.Date{Year: 2026, Month: 1, Day: 10}, Approver: "CEO"}}}}
	out := string(feed(model.NewSite(cfg, now, false, []*model.Document{d}), labels{s: strs, cfg: cfg}))
	for _, want := range []string{"<id>urn:ismsgen:P-1:1.0</id>", "<title>P-1 Access control (old) 1.0</title>", "<updated>2026-01-10T00:00:00Z</updated>",
		"<summary>Version 1.0, effective 2026-01-10, approved by CEO. First issue</summary>"} {
		if !strings.Contains(out, want) {
			t.Errorf("feed lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, ":1.1<") {
		t.Errorf("feed announces 1.1 before it takes effect:\n%s", out)
	}
}
