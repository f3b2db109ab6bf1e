package render

import (
	"bytes"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"ismsgen"
	"ismsgen/generator/i18n"
	"ismsgen/generator/internal/fast"
	"ismsgen/generator/model"
	"ismsgen/generator/reports"
)

func parseBuiltin(t *testing.T, layouts fs.FS) *templates {
	t.Helper()
	s, err := i18n.Load(ismsgen.I18n(), "en")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &model.Config{Language: "en", Departments: []model.Department{{ID: "it", Name: "IT & <Ops>"}}}
	tpl, err := parseTemplates(layouts, ismsgen.Layouts(), cfg, s)
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}

// Each row writer writes what its template writes, byte for byte, for
// rows with every state and with the bytes the escapers change; with the
// built-in layouts every kind of list whose cells it knows has one.
func TestRowWritersMatchTemplates(t *testing.T) {
	defer fast.Set(true)()
	tpl := parseBuiltin(t, ismsgen.Layouts())
	writers := tpl.rows["register.html"]
	for _, kind := range listKinds {
		known := true
		for k := range strings.SplitSeq(kind, ",") {
			known = known && (cellWriters[k] != nil || withdrawalCells[k] != nil || recordCells[k] != nil)
		}
		if known != (writers["list-row:"+kind] != nil) {
			t.Errorf("%s: a writer %v, want %v (is every cell of the kind one the writers know?)", kind, !known, known)
		}
	}
	owners := [][]string{{"it"}, {"it", "x&y"}, {"x&y"}}
	kept := []model.Retention{{}, {Permanent: true}, {Period: model.Cycle{N: 3, Unit: model.Years}}}
	doc := func(id, title, status string) *model.Document {
		d := &model.Document{ID: id, Title: title, Version: "1.0+<b>", Status: status, Type: "policy", Owners: owners[len(id)%3], Kept: kept[len(id)%3],
			Author: "A'uthor", Approved: model.Date{Year: 2026, Month: 1, Day: 2}, Effective: model.Date{Year: 2026, Month: 2, Day: 3}}
		d.KeepURL()
		return d
	}
	a, b := doc("ISMS-P-001", `Access <control> & "more" +x`, "approved"), doc("A+B:c", "Tïtle", `draft"><x`)
	date := model.Date{Year: 2027, Month: 3, Day: 4}
	var rs []ListRow
	for _, d := range []*model.Document{a, b, doc("", "", "obsolete")} {
		for _, rv := range []*reports.Review{nil, {State: reports.Overdue, Date: date, Days: -12}, {State: reports.Missing},
			{State: reports.DueSoon, Date: date, Days: 5}, {State: "o<k", Days: 0}} {
			rs = append(rs, ListRow{Doc: d, Review: rv})
		}
		for _, w := range []*reports.Withdrawal{{Version: "0.9<", Earlier: true}, {Version: "1", Date: date, Scheduled: true, ReplacedBy: []*model.Document{a, b}},
			{ReplacedBy: []*model.Document{}}, {Date: date}} {
			rs = append(rs, ListRow{Doc: d, Withdrawal: w})
		}
		for _, rec := range []*reports.Record{nil, {From: date, Disposal: date, State: reports.PastDisposal, Days: -30},
			{From: date, State: reports.Kept}, {State: "o<k", Disposal: date, Days: 7}} {
			rs = append(rs, ListRow{Doc: d, Record: rec})
		}
		for _, src := range []*reports.InputSource{nil, {Kind: "record", Date: date}, {Kind: "withdrawn"}, {Kind: "x<y%s", Date: date}} {
			rs = append(rs, ListRow{Doc: d, Source: src})
		}
	}
	page, err := tpl.pages["register.html"].Clone()
	if err != nil {
		t.Fatal(err)
	}
	for name, w := range writers {
		for _, rel := range []string{"", "../../", "javascript:x/", "a b/%zz&+/"} {
			for i := range rs {
				var want, got bytes.Buffer
				if err := page.ExecuteTemplate(&want, name, Rows{Rel: rel, Kind: strings.TrimPrefix(name, "list-row:"), Rows: rs[i]}); err != nil {
					t.Fatal(err)
				}
				if !w.write(&got, rel, &rs[i]) {
					t.Fatalf("%s: row %d not written", name, i)
				}
				if got.String() != want.String() {
					t.Errorf("%s, rel %q, row %d:\n got %s\nwant %s", name, rel, i, got.String(), want.String())
				}
			}
		}
	}
}

// A site that defines a cell of its own gets its rows from its templates.
func TestRowWritersLeaveOwnCells(t *testing.T) {
	defer fast.Set(true)()
	own := fstest.MapFS{"partials/zz-own.html": {Data: []byte(`{{define "list-cell-version"}}<td>v{{.Rows.Doc.Version}}</td>{{end}}`)}}
	err := fs.WalkDir(ismsgen.Layouts(), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(ismsgen.Layouts(), p)
		own[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	tpl := parseBuiltin(t, own)
	w := tpl.rows["register.html"]
	if w["list-row:"+colsRegister] != nil {
		t.Error("a writer for the register, whose version cell the site defines")
	}
	if w["list-row:"+colsWithdrawn] == nil {
		t.Error("no writer for the withdrawn documents, whose cells are the built-in ones")
	}
}

// A text cache gives what its function gives, for more arguments than it
// keeps, while renderers read and fill it at once (go test -race).
func TestTextCache(t *testing.T) {
	c := textCache[string]{f: func(s string) string { return "<" + s + ">" }}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i := range 2 * maxTexts {
				arg := strconv.Itoa(i % (maxTexts + 10))
				if got := c.get(arg); got != "<"+arg+">" {
					t.Errorf("get(%q) = %q", arg, got)
				}
			}
		})
	}
	wg.Wait()
	if n := len(*c.made.Load()); n > maxTexts {
		t.Errorf("%d texts kept, want at most %d", n, maxTexts)
	}
}
