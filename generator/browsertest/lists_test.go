package browsertest

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"ismsgen"
	"ismsgen/generator"
	"ismsgen/internal/corpus"
)

// The lists are tested on a generated site of listDocs documents (with
// drafts), whose register, approvals and department lists have several
// pages.
const listDocs = 350

var (
	listOnce sync.Once
	listed   *site
	listErr  string
)

// listSite builds the generated site once and serves it on loopback.
func listSite(t *testing.T) *site {
	t.Helper()
	needBrowser(t)
	listOnce.Do(func() {
		dir, err := os.MkdirTemp("", "ismsgen-lists-")
		if err != nil {
			listErr = err.Error()
			return
		}
		listTemp = dir // removed by closeLists when the tests end
		src, dest := filepath.Join(dir, "src"), filepath.Join(dir, "public")
		if _, err := corpus.Generate(src, corpus.Options{Docs: listDocs}); err != nil {
			listErr = err.Error()
			return
		}
		if err := addActions(src, 60); err != nil {
			listErr = err.Error()
			return
		}
		res, err := generator.Build(generator.Options{
			Source: src, Dest: dest, Now: now, Drafts: true,
			Defaults: generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()},
		})
		if err == nil && res.Diagnostics.HasErrors() {
			err = fmt.Errorf("%v", res.Diagnostics.Errors())
		}
		if err != nil {
			listErr = "build the generated site: " + err.Error()
			return
		}
		srv := httptest.NewServer(http.FileServer(http.Dir(dest)))
		listed = &site{dir: dest, root: srv.URL + "/", server: srv}
	})
	if listed == nil {
		t.Fatal(listErr)
	}
	return listed
}

var listTemp string

// addActions gives the first n records of the generated site at src an
// action each (the generator writes none): open, overdue and closed,
// from every source, for the actions list.
func addActions(src string, n int) error {
	paths, err := filepath.Glob(filepath.Join(src, "content", "tier3", "ISMS-R-*.md"))
	if err != nil {
		return err
	}
	sources := []string{"nonconformity", "management-review", "audit", "incident", "other"}
	owners := []string{"it", "hr", "finance", "legal", "ops"}
	for i, p := range paths[:min(n, len(paths))] {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		action := fmt.Sprintf("\n[[actions]]\nid = \"CA-%03d\"\ntitle = \"纠正措施 %d\"\nsource = %q\nowner = %q\ndue = 2026-%02d-15\nclause = \"10.2\"\n",
			i, i, sources[i%len(sources)], owners[i%len(owners)], 1+i%12)
		if i%3 == 0 {
			action += fmt.Sprintf("closed = 2026-%02d-01\nevidence = \"https://tickets.example.com/%d\"\n", 1+i%10, i)
		}
		s := string(data)
		end := strings.Index(s[3:], "\n+++") + 3
		if err := os.WriteFile(p, []byte(s[:end]+"\n"+action+s[end:]), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func closeLists() {
	if listed != nil {
		listed.server.Close()
	}
	if listTemp != "" {
		os.RemoveAll(listTemp)
	}
}

// registerIDs is every id of documents.json, in order.
func registerIDs(t *testing.T, dir string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "documents.json"))
	if err != nil {
		t.Fatal(err)
	}
	var v struct{ Documents []struct{ ID string } }
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range v.Documents {
		ids = append(ids, d.ID)
	}
	return ids
}

// rowIDs is a JavaScript expression: the ids of the rows the register shows.
const rowIDs = `[...document.querySelectorAll("#list-docs tbody tr td.doc-id")].map(td => td.textContent)`

// TestListWithoutJavaScript: without JavaScript the register shows its
// first page and links to the others, and following "next" reaches the
// last document.
func TestListWithoutJavaScript(t *testing.T) {
	t.Parallel()
	s := listSite(t)
	tb := newTab(t)
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	want := registerIDs(t, s.dir)
	tb.open(t, s.root+"register/")
	if eval[bool](t, tb, `!!document.querySelector("#list-docs .list-tools")`) {
		t.Error("without JavaScript the filters show")
	}
	var got []string
	for page := 1; ; page++ {
		ids := eval[[]string](t, tb, rowIDs)
		if len(ids) == 0 || len(ids) > 100 {
			t.Fatalf("page %d shows %d rows", page, len(ids))
		}
		got = append(got, ids...)
		if !eval[bool](t, tb, `!!document.querySelector("#list-docs .pager a[rel=next]")`) {
			break
		}
		tb.follow(t, "next page", chromedp.Click(chromedp.CSS(`#list-docs .pager a[rel=next]`)))
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the register's pages show %d documents, documents.json has %d", len(got), len(want))
	}
}

// TestListFilterSortAndAddress: a filter narrows the list, the address
// keeps the state and restores it, a column heading sorts, and paging
// in place reaches the last row; from http and from file://.
func TestListFilterSortAndAddress(t *testing.T) {
	t.Parallel()
	s := listSite(t)
	for _, at := range []struct{ name, base string }{{"http", s.root}, {"file", ""}} {
		t.Run(at.name, func(t *testing.T) {
			tb := newTab(t)
			u := at.base + "register/"
			if at.base == "" {
				u = fileURL(s.dir, "register/")
			}
			tb.open(t, u)
			// A text filter narrows the list to the documents whose id or title holds it.
			tb.do(t, "type a filter", chromedp.SendKeys(chromedp.ID("docs-q"), "ISMS-P-00"))
			if err := tb.poll(`() => { const ids = `+rowIDs+`; return ids.length > 0 && ids.length < 100 && ids.every(id => id.includes("ISMS-P-00")); }`, tabTimeout/3); err != nil {
				t.Fatalf("the text filter: rows %v (%v)", eval[[]string](t, tb, rowIDs), err)
			}
			// A department narrows it further.
			dept := eval[string](t, tb, `(() => { const s = document.getElementById("docs-dept"); s.value = s.options[1].value; s.dispatchEvent(new Event("change")); return s.options[1].textContent; })()`)
			if err := tb.poll(`(dept) => { const cells = [...document.querySelectorAll("#list-docs tbody td:nth-child(5)")]; return cells.length > 0 && cells.every(td => td.textContent.includes(dept)); }`, tabTimeout/3, dept); err != nil {
				t.Fatalf("the department filter %s: %v", dept, err)
			}
			filtered := eval[[]string](t, tb, rowIDs)
			// The address follows the typing a moment later: wait until it
			// holds the whole filter.
			if err := tb.poll(`() => location.href.includes("docs.q=ISMS-P-00") && location.href.includes("docs.dept=")`, tabTimeout/3); err != nil {
				t.Fatalf("the address %s does not hold the filters (%v)", eval[string](t, tb, `location.href`), err)
			}
			href := eval[string](t, tb, `location.href`)
			// The address restores them.
			tb.open(t, href)
			if err := tb.poll(`(want) => JSON.stringify(`+rowIDs+`) === want && document.getElementById("docs-q").value === "ISMS-P-00"`, tabTimeout/3, jsonString(filtered)); err != nil {
				t.Fatalf("opening %s shows %v, not %v (%v)", href, eval[[]string](t, tb, rowIDs), filtered, err)
			}
			// The title heading sorts, then sorts the other way.
			for _, dir := range []string{"ascending", "descending"} {
				tb.do(t, "sort by title", chromedp.Click(chromedp.CSS(`#list-docs th[data-col=title] button`)))
				if err := tb.poll(`(dir) => {
					const th = document.querySelector("#list-docs th[data-col=title]");
					const t = [...document.querySelectorAll("#list-docs tbody td:nth-child(2)")].map(td => td.textContent);
					const c = new Intl.Collator(document.documentElement.lang, {numeric: true});
					return th.getAttribute("aria-sort") === dir && t.length > 1 && t.every((x, i) => !i || c.compare(t[i-1], x) * (dir === "ascending" ? 1 : -1) <= 0);
				}`, tabTimeout/3, dir); err != nil {
					t.Fatalf("sorting by title, %s: %v", dir, err)
				}
			}
			// Without filters, paging in place reaches the last document.
			tb.open(t, u)
			tb.do(t, "sort by id", chromedp.Click(chromedp.CSS(`#list-docs th[data-col=id] button`)))
			if err := tb.poll(`() => document.querySelector("#list-docs th[data-col=id]").getAttribute("aria-sort") === "ascending"`, tabTimeout/3); err != nil {
				t.Fatal(err)
			}
			want := registerIDs(t, s.dir)
			last := eval[string](t, tb, `[...document.querySelectorAll("#list-docs .pager a")].filter(a => /^\d+$/.test(a.textContent)).pop().textContent`)
			tb.do(t, "the last page", chromedp.Click(chromedp.CSS(`#list-docs .pager li:nth-last-child(2) a`)))
			if err := tb.poll(`(p) => location.search.includes("docs.p=" + p) && document.activeElement.classList.contains("list-range")`, tabTimeout/3, last); err != nil {
				t.Fatalf("page %s: %v", last, err)
			}
			ids := eval[[]string](t, tb, rowIDs)
			slices.SortFunc(want, func(a, b string) int { return compareNumeric(a, b) })
			if len(ids) == 0 || ids[len(ids)-1] != want[len(want)-1] {
				t.Errorf("the last page ends with %v, want %s", ids[max(0, len(ids)-3):], want[len(want)-1])
			}
			errs, _ := tb.recorded()
			for _, e := range errs {
				t.Error(e)
			}
		})
	}
}

// compareNumeric compares as Intl.Collator with numeric does for ids:
// runs of digits by value.
func compareNumeric(a, b string) int {
	for a != "" && b != "" {
		da, db := digits(a), digits(b)
		if da > 0 && db > 0 {
			x, y := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if len(x) != len(y) {
				return len(x) - len(y)
			}
			if c := strings.Compare(x, y); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if c := strings.Compare(strings.ToLower(a[:1]), strings.ToLower(b[:1])); c != 0 {
			return c
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func digits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

func jsonString(v any) string {
	data, _ := json.Marshal(v)
	return string(data)
}

// TestListKeyboard: the filters, the sort buttons and the pager work
// from the keyboard.
func TestListKeyboard(t *testing.T) {
	t.Parallel()
	s := listSite(t)
	tb := newTab(t)
	tb.open(t, s.root+"approvals/")
	// Tab from the filter box reaches the next filter; typing filters.
	tb.do(t, "focus the filter", chromedp.Focus(chromedp.ID("in-force-q")))
	tb.do(t, "type", chromedp.KeyEvent("ISMS-F"), chromedp.KeyEvent(kb.Tab))
	if id := eval[string](t, tb, `document.activeElement.closest(".list-tools") ? document.activeElement.id || document.activeElement.className : ""`); id == "" {
		t.Errorf("Tab from the filter box leaves the filters")
	}
	if err := tb.poll(`() => { const ids = [...document.querySelectorAll("#list-in-force td.doc-id")].map(td => td.textContent); return ids.length > 0 && ids.every(id => id.includes("ISMS-F")); }`, tabTimeout/3); err != nil {
		t.Fatalf("typing in the filter: %v", err)
	}
	// Enter on a sort button sorts.
	tb.do(t, "focus the version heading", chromedp.Focus(chromedp.CSS(`#list-in-force th[data-col=version] button`)))
	tb.do(t, "press Enter", chromedp.KeyEvent(kb.Enter))
	if err := tb.poll(`() => document.querySelector("#list-in-force th[data-col=version]").getAttribute("aria-sort") === "ascending"`, tabTimeout/3); err != nil {
		t.Fatalf("Enter on the version heading: %v", err)
	}
	// Enter on a page link shows that page and moves the focus to it.
	if eval[bool](t, tb, `!!document.querySelector("#list-in-force .pager a[rel=next]")`) {
		tb.do(t, "focus next", chromedp.Focus(chromedp.CSS(`#list-in-force .pager a[rel=next]`)))
		tb.do(t, "press Enter", chromedp.KeyEvent(kb.Enter))
		if err := tb.poll(`() => location.search.includes("in-force.p=2") && document.activeElement === document.querySelector("#list-in-force .list-range")`, tabTimeout/3); err != nil {
			t.Fatalf("Enter on the next page link: %v", err)
		}
	}
}

// TestListPrint: "print the whole list" prints every row; printing a page
// without it says which page it is, and hides the filters and the pager.
func TestListPrint(t *testing.T) {
	t.Parallel()
	s := listSite(t)
	tb := newTab(t)
	tb.open(t, s.root+"register/")
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	shown := eval[map[string]bool](t, tb, `(() => {
		const shown = sel => { const e = document.querySelector(sel); return !!e && getComputedStyle(e).display !== "none"; };
		return {note: shown("#list-docs .list-print-note"), pager: shown("#list-docs .pager"), tools: shown("#list-docs .list-tools")};
	})()`)
	if !shown["note"] || shown["pager"] || shown["tools"] {
		t.Errorf("printing one page: %v, want the note without the pager and the filters", shown)
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "screen"}); err != nil {
		t.Fatal(err)
	}
	total := len(registerIDs(t, s.dir))
	tb.do(t, "print the whole list", chromedp.Evaluate[chromedp.Void](`window.print = () => { window.printedRows = document.querySelectorAll("#list-docs tbody tr").length; }`),
		chromedp.Click(chromedp.CSS(`#list-docs .list-print`)))
	if err := tb.poll(`(n) => window.printedRows === n`, tabTimeout/3, total); err != nil {
		t.Fatalf("printing the whole list printed %v rows, want %d (%v)", eval[any](t, tb, `window.printedRows`), total, err)
	}
}

// canonicalRows is a JavaScript function: the rows of a list as text,
// cell by cell: class, label, text, links and the classes of the spans.
const canonicalRows = `(sel) => [...document.querySelectorAll(sel + " tbody tr")].map(tr => [...tr.cells].map(td => [
	td.className, td.dataset.label, td.textContent.replace(/\s+/g, " ").trim(),
	[...td.querySelectorAll("a")].map(a => a.getAttribute("href") + " " + (a.rel || "")).join(","),
	[...td.querySelectorAll("span")].map(s => s.className + " " + (s.dataset.reviewDate ?? "-")).join(","),
].join("¦")).join("‖")).join("\n")`

// TestListRowsAsTemplate: the rows the script makes from lists/*.js are
// the rows the template makes, for every kind of list.
func TestListRowsAsTemplate(t *testing.T) {
	t.Parallel()
	s := listSite(t)
	tb := newTab(t)
	pages := []string{"register/", "tiers/2/", "approvals/", "reviews/", "distribution/", "training/", "controls/5.1/",
		"records/", "actions/", "management-review/"}
	if more, err := filepath.Glob(filepath.Join(s.dir, "management-review", "*-1.html")); err == nil && len(more) > 0 {
		pages = append(pages, "management-review/"+filepath.Base(more[0]))
	}
	for _, sub := range []string{"distribution", "owners"} {
		entries, err := os.ReadDir(filepath.Join(s.dir, sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() {
				pages = append(pages, sub+"/"+e.Name()+"/")
				break
			}
		}
	}
	kinds := map[string]bool{}
	for _, p := range pages {
		tb.open(t, s.root+p)
		lists := eval[[]string](t, tb, `[...document.querySelectorAll(".list[data-list]")].map(l => l.dataset.list)`)
		for _, id := range lists {
			sel := "#list-" + id
			want := eval[string](t, tb, "("+canonicalRows+")("+jsString(sel)+")")
			kinds[eval[string](t, tb, `[...document.querySelectorAll(`+jsString(sel+" th")+`)].map(th => th.dataset.col).join(",")`)] = true
			// An empty filter shows the list's first page, made by the
			// script: it replaces the rows, and with them the mark.
			tb.do(t, "filter by nothing", chromedp.Evaluate[chromedp.Void](`(() => { document.querySelector(`+jsString(sel+" tbody tr")+`).dataset.old = "1"; const q = document.getElementById(`+jsString(id+"-q")+`); q.value = " "; q.dispatchEvent(new Event("input")); })()`))
			if err := tb.poll(`(sel) => { const tr = document.querySelector(sel + " tbody tr"); return tr && tr.dataset.old === undefined; }`, tabTimeout/3, sel); err != nil {
				t.Fatalf("%s %s: the script did not show the rows: %v", p, id, err)
			}
			got := eval[string](t, tb, "("+canonicalRows+")("+jsString(sel)+")")
			if got != want {
				gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
				for i := range min(len(gl), len(wl)) {
					if gl[i] != wl[i] {
						t.Errorf("%s %s row %d:\nscript   %s\ntemplate %s", p, id, i+1, gl[i], wl[i])
						break
					}
				}
				if len(gl) != len(wl) {
					t.Errorf("%s %s: the script shows %d rows, the template %d", p, id, len(gl), len(wl))
				}
			}
		}
		errs, _ := tb.recorded()
		for _, e := range errs {
			t.Errorf("%s: %s", p, e)
		}
	}
	t.Logf("%d kinds of list: %v", len(kinds), kinds)
}

// TestListOnAPhone: on a phone a list's rows are cards, and each cell
// shows its column's heading (lists/labels.css), in the rows the page
// script makes too.
func TestListOnAPhone(t *testing.T) {
	t.Parallel()
	s := listSite(t)
	tb := newTab(t)
	tb.do(t, "emulate a phone", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile))
	labelled := `(sel) => {
		const heads = [...document.querySelectorAll(sel + " thead th")].map(th => th.textContent.trim());
		const rows = [...document.querySelectorAll(sel + " tbody tr")];
		return rows.length > 0 && rows.every(tr => [...tr.cells].every((td, i) =>
			getComputedStyle(td, "::before").content === JSON.stringify(heads[i])));
	}`
	for _, p := range []string{"register/", "actions/", "training/"} {
		tb.open(t, s.root+p)
		for _, id := range eval[[]string](t, tb, `[...document.querySelectorAll(".list[data-list]")].map(l => l.dataset.list)`) {
			sel := "#list-" + id
			if !eval[bool](t, tb, "("+labelled+")("+jsString(sel)+")") {
				t.Errorf("%s %s: a cell on a phone does not show its column's heading", p, id)
			}
			// On a phone the headings, which sort, are hidden: the order is
			// chosen in the filters; the rows the script makes are
			// labelled the same.
			tb.do(t, "order", chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById(`+jsString(id+"-sort")+`); s.value = s.options[1].value; s.dispatchEvent(new Event("change")); })()`))
			if err := tb.poll(`(sel) => document.querySelector(sel + " thead th").getAttribute("aria-sort") === "ascending"`, tabTimeout/3, sel); err != nil {
				t.Fatalf("%s %s: choosing the order: %v", p, id, err)
			}
			if !eval[bool](t, tb, `getComputedStyle(document.getElementById(`+jsString(id+"-sort")+`).closest("label")).display !== "none"`) {
				t.Errorf("%s %s: the order cannot be chosen on a phone", p, id)
			}
			if !eval[bool](t, tb, "("+labelled+")("+jsString(sel)+")") {
				t.Errorf("%s %s: a cell the script made does not show its column's heading on a phone", p, id)
			}
		}
	}
}

// TestListAddressEditedByHand: an address edited by hand, or kept from
// an earlier site, shows the list as the nearest address that makes
// sense, says so in the filters and the address, and throws nothing: a
// page number that is not a whole page, below the first or past the
// last; a filter value or an order the list does not offer; a malformed
// fragment.
func TestListAddressEditedByHand(t *testing.T) {
	t.Parallel()
	s := listSite(t)
	tb := newTab(t)
	last := (len(registerIDs(t, s.dir)) + 99) / 100
	// shown opens the register at query and returns what the script
	// shows, once it has shown it (the pager's range gets a tabindex).
	type view struct {
		Rows    []string
		Search  string
		Current string
		Hrefs   []string
		Filters map[string]string
	}
	shown := func(query string) view {
		t.Helper()
		tb.open(t, s.root+"register/"+query)
		if err := tb.poll(`() => document.querySelector("#list-docs .list-range").hasAttribute("tabindex")`, tabTimeout/3); err != nil {
			t.Fatalf("register/%s: the script did not show the list: %v", query, err)
		}
		return eval[view](t, tb, `({
			rows: `+rowIDs+`,
			search: location.search,
			current: document.querySelector("#list-docs .pager a[aria-current=page]")?.textContent ?? "",
			hrefs: [...document.querySelectorAll("#list-docs .pager a")].map(a => a.getAttribute("href")),
			filters: Object.fromEntries([...document.querySelectorAll("#list-docs .list-tools [name]")].map(c => [c.name, c.value])),
		})`)
	}
	for _, c := range []struct{ edited, as string }{
		{"?docs.p=2.5", "?docs.p=2"},
		{"?docs.p=-1", "?docs.p=1"},
		{"?docs.p=x", "?docs.p=1"},
		{"?docs.p=999", fmt.Sprintf("?docs.p=%d", last)},
		{"?docs.dept=no-such&docs.tier=9&docs.status=x&docs.review=x&docs.type=x&docs.source=x&docs.sort=nope", "?docs.p=1"},
		{"?docs.q=ISMS-P&docs.dept=no-such&docs.sort=a-due", "?docs.q=ISMS-P"},
		{"?docs.p=2&docs.p=3", "?docs.p=2"},
		{"?docs.q=++ISMS-P+", "?docs.q=ISMS-P"},
		{"?docs.q=+", "?docs.p=1"},
		{"?docs.q=ISMS%0A-P%0D", "?docs.q=ISMS-P"},
	} {
		want, got := shown(c.as), shown(c.edited)
		if !slices.Equal(got.Rows, want.Rows) || got.Current != want.Current {
			t.Errorf("register/%s shows page %q %v…, want page %q %v… as %s", c.edited, got.Current, got.Rows[:min(3, len(got.Rows))], want.Current, want.Rows[:min(3, len(want.Rows))], c.as)
		}
		if got.Search != want.Search {
			t.Errorf("register/%s: the address becomes %q, want %q", c.edited, got.Search, want.Search)
		}
		if !maps.Equal(got.Filters, want.Filters) {
			t.Errorf("register/%s: the filters show %v, want %v", c.edited, got.Filters, want.Filters)
		}
		for _, h := range got.Hrefs {
			if !regexp.MustCompile(`[?&]docs\.p=[1-9][0-9]*(&|#|$)`).MatchString(h) {
				t.Errorf("register/%s: a page link %q", c.edited, h)
			}
		}
	}
	// A malformed escape in the fragment is no exception.
	for _, p := range []string{"register/#%E0%A4%A", "actions/#%"} {
		tb.open(t, s.root+p)
		if err := tb.poll(`() => document.readyState === "complete"`, tabTimeout/3); err != nil {
			t.Fatal(err)
		}
	}
	errs, _ := tb.recorded()
	for _, e := range errs {
		t.Error(e)
	}
}

// TestListLaterPageAddress: on a list's later page (docs-2.html, where
// "next" leads before the script has shown the list), the address of
// the page shown in place, the first included, opens that page again.
func TestListLaterPageAddress(t *testing.T) {
	t.Parallel()
	s := listSite(t)
	tb := newTab(t)
	tb.open(t, s.root+"register/docs-2.html")
	tb.do(t, "sort by title", chromedp.Click(chromedp.CSS(`#list-docs th[data-col=title] button`)))
	if err := tb.poll(`() => document.querySelector("#list-docs th[data-col=title]").getAttribute("aria-sort") === "ascending"`, tabTimeout/3); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"1", "2"} {
		tb.do(t, "page "+page, chromedp.Click(chromedp.CSS(`#list-docs .pager a:not([rel])[href*="docs.p=`+page+`"]`)))
		if err := tb.poll(`(p) => document.querySelector("#list-docs .pager a[aria-current=page]")?.textContent === p`, tabTimeout/3, page); err != nil {
			t.Fatalf("page %s: %v", page, err)
		}
		want, href := eval[[]string](t, tb, rowIDs), eval[string](t, tb, `location.href`)
		tb.open(t, href)
		if err := tb.poll(`(want) => JSON.stringify(`+rowIDs+`) === want`, tabTimeout/3, jsonString(want)); err != nil {
			t.Errorf("page %s of the sorted list, at %s, opens again as %v…, not %v… (%v)", page, href, eval[[]string](t, tb, rowIDs)[:3], want[:3], err)
		}
	}
}

// TestListPagerWords: the pager the script makes names "previous" and
// "next" in the site's words, as the page's own pager does, on any page
// of the list (the first page's own pager has no "previous" to copy, the
// last page's no "next").
func TestListPagerWords(t *testing.T) {
	t.Parallel()
	s := listSite(t)
	tb := newTab(t)
	last := (len(registerIDs(t, s.dir)) + 99) / 100
	tb.open(t, s.root+fmt.Sprintf("register/docs-%d.html", last))
	want := eval[[]string](t, tb, `[document.querySelector("#list-docs .pager-prev a").textContent, "", ""]`)
	tb.open(t, s.root+"register/docs-2.html")
	want[1] = eval[string](t, tb, `document.querySelector("#list-docs .pager-next a").textContent`)
	for _, p := range []string{"register/?docs.p=2", fmt.Sprintf("register/docs-%d.html?docs.p=2", last)} {
		tb.open(t, s.root+p)
		if err := tb.poll(`() => document.querySelector("#list-docs .list-range").hasAttribute("tabindex")`, tabTimeout/3); err != nil {
			t.Fatalf("%s: the script did not show the list: %v", p, err)
		}
		got := eval[[]string](t, tb, `[document.querySelector("#list-docs .pager-prev a")?.textContent, document.querySelector("#list-docs .pager-next a")?.textContent]`)
		if got[0] != want[0] || got[1] != want[1] {
			t.Errorf("%s: the pager says %q and %q, want %q and %q", p, got[0], got[1], want[0], want[1])
		}
	}
}

// TestListPagerNewTab: a page link of the pager the script makes, clicked
// with Ctrl, Shift or Meta (or the middle button), opens its address in a
// new tab or window as a link does; a plain click shows the page in place.
func TestListPagerNewTab(t *testing.T) {
	t.Parallel()
	s := listSite(t)
	tb := newTab(t)
	tb.open(t, s.root+"register/?docs.p=2")
	if err := tb.poll(`() => document.querySelector("#list-docs .list-range").hasAttribute("tabindex")`, tabTimeout/3); err != nil {
		t.Fatalf("the script did not show the list: %v", err)
	}
	for _, click := range []string{"{ctrlKey: true}", "{shiftKey: true}", "{metaKey: true}", "{button: 1}"} {
		// The test's own listener, after the page's, sees whether they
		// cancelled the click, and cancels it so that no tab opens.
		cancelled := eval[bool](t, tb, `(() => {
			let prevented;
			document.addEventListener("click", e => { prevented = e.defaultPrevented; e.preventDefault(); }, {once: true});
			document.querySelector("#list-docs .pager-next a").dispatchEvent(new MouseEvent("click", Object.assign({bubbles: true, cancelable: true}, `+click+`)));
			return prevented;
		})()`)
		if cancelled {
			t.Errorf("a click %s on the next page link is cancelled: it does not open a new tab", click)
		}
	}
	if p := eval[string](t, tb, `document.querySelector("#list-docs .pager a[aria-current=page]").textContent`); p != "2" {
		t.Errorf("after the clicks that open new tabs, the list shows page %s, want 2", p)
	}
}

// TestListReviewFilterToday: read after the build, a list's review states
// are brought up to the reader's date (reviewstate.ts), and the filter by
// review state goes by the states the rows show.
func TestListReviewFilterToday(t *testing.T) {
	t.Parallel()
	s := listSite(t)
	tb := newTab(t)
	// The reader's clock: half a year after the build.
	if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `{
		const fixed = Date.UTC(2027, 5, 1, 12), D = Date;
		globalThis.Date = class extends D { constructor(...a) { a.length ? super(...a) : super(fixed); } static now() { return fixed; } };
	}`}); err != nil {
		t.Fatal(err)
	}
	tb.open(t, s.root+"register/")
	states := eval[[]string](t, tb, `[...document.querySelector("#list-docs .list-tools [name=review]").options].map(o => o.value).filter(v => v)`)
	if len(states) < 4 {
		t.Fatalf("the review filter offers %v", states)
	}
	seen := 0
	for _, state := range states {
		// The range is said again when the list is shown.
		tb.do(t, "filter by "+state, chromedp.Evaluate[chromedp.Void](`(() => {
			document.querySelector("#list-docs .list-range").textContent = "";
			const r = document.getElementById("docs-review"); r.value = `+jsString(state)+`; r.dispatchEvent(new Event("change"));
		})()`))
		if err := tb.poll(`() => document.querySelector("#list-docs .list-range").textContent !== ""`, tabTimeout/3); err != nil {
			t.Fatalf("filter by %s: %v", state, err)
		}
		shows := eval[[]string](t, tb, `[...new Set([...document.querySelectorAll("#list-docs tbody .review-state")].map(s => [...s.classList].find(c => c.startsWith("review-state--")).slice(14)))]`)
		if len(shows) > 1 || (len(shows) == 1 && shows[0] != state) {
			t.Errorf("filtered by review state %s, the rows show %v", state, shows)
		}
		seen += len(shows)
	}
	if seen < 2 {
		t.Errorf("the filters by review state showed rows of %d states; the test shows nothing", seen)
	}
}

// TestListStatusAnnouncesCounts: the list's status (a live region) says
// how many rows match as a filter narrows the list, and the whole list's
// range once the filter is emptied, so that a screen reader hears both.
func TestListStatusAnnouncesCounts(t *testing.T) {
	t.Parallel()
	s := listSite(t)
	tb := newTab(t)
	tb.open(t, s.root+"register/")
	if role := eval[string](t, tb, `document.querySelector("#list-docs .list-status").getAttribute("role")`); role != "status" {
		t.Fatalf("the list's status has role %q", role)
	}
	tb.do(t, "type a filter", chromedp.SendKeys(chromedp.ID("docs-q"), "ISMS-P-00"))
	total := len(registerIDs(t, s.dir))
	if err := tb.poll(`(n) => { const s = document.querySelector("#list-docs .list-status").textContent; return s.includes(String(n)) && /\d/.test(s.replace(String(n), "")); }`, tabTimeout/3, total); err != nil {
		t.Fatalf("filtered, the status says %q (%v)", eval[string](t, tb, `document.querySelector("#list-docs .list-status").textContent`), err)
	}
	tb.do(t, "empty the filter", chromedp.Evaluate[chromedp.Void](`(() => { const q = document.getElementById("docs-q"); q.value = ""; q.dispatchEvent(new Event("input")); })()`))
	if err := tb.poll(`() => { const s = document.querySelector("#list-docs .list-status").textContent; return s !== "" && s === document.querySelector("#list-docs .list-range").textContent; }`, tabTimeout/3); err != nil {
		t.Errorf("with the filter emptied, the status says %q, the range %q (%v)", eval[string](t, tb, `document.querySelector("#list-docs .list-status").textContent`), eval[string](t, tb, `document.querySelector("#list-docs .list-range").textContent`), err)
	}
}
