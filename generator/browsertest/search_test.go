package browsertest

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// A searchCase is a query and the documents it must find.
type searchCase struct {
	query string
	first string   // the document that must rank first ("" = any)
	top   []string // documents that must be among the first len(top)+1 (+1 for first)
}

var searchCases = []searchCase{
	// Chinese: both documents with 备份 in the title come first.
	{query: "备份", top: []string{"ISMS-F-006", "ISMS-P-007"}},
	// English, in Chinese documents.
	{query: "VPN", top: []string{"ISMS-G-001", "ISMS-M-002", "ISMS-S-002"}},
	// A whole id.
	{query: "ISMS-P-009", first: "ISMS-P-009"},
	// Part of an id: the document it names, not every id with 002 in it.
	{query: "PR-002", first: "ISMS-PR-002"},
	// Lower case and full-width forms fold.
	{query: "ｉｓｍｓ-ｐ-００９", first: "ISMS-P-009"},
	// A word with hyphens: as written, joined or its words apart
	// (ISO/IEC 27001); around Chinese, a hyphen separates.
	{query: "clear-desk", first: "ISMS-G-002"},
	{query: "ISO-27001", top: []string{"ISMS-M-001", "ISMS-SOA-001", "ISMS-EXT-001"}},
	{query: "信息-安全", first: "ISMS-POL-001"},
	// A leading hyphen excludes nothing: there is no exclusion.
	{query: "-备份", top: []string{"ISMS-F-006", "ISMS-P-007"}},
}

// resultsMatch is a JavaScript predicate: the list sel shows the results
// of the query now in its search box (not of a shorter query typed on the
// way, whose results can still be replaced), the first is first (when given), and every id of top is among the first
// len(top) (+1 with first).
const resultsMatch = `(sel, first, top) => {
	const list = document.querySelector(sel), box = list && (document.querySelector('[aria-controls="' + list.id + '"]') || document.getElementById("search-page-q"));
	if (!list || (box && list.dataset.q !== box.value.trim())) return false;
	top = top ? top.split(" ") : [];
	const ids = [...document.querySelectorAll(sel + " .search-id")].map(e => e.textContent.trim());
	if (!ids.length || (first && ids[0] !== first)) return false;
	const head = ids.slice(0, top.length + (first ? 1 : 0));
	return top.every(id => head.includes(id));
}`

// shown returns the ids that the result list sel shows, for messages.
func shown(t *testing.T, tb *tab, sel string) string {
	t.Helper()
	return eval[string](t, tb, `[...document.querySelectorAll(`+jsString(sel+" .search-id")+`)].map(e => e.textContent.trim()).join(" ") + " | status: " + (document.getElementById("search-status")?.textContent || "-")`)
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// topArg is top as resultsMatch takes it: the ids separated by spaces.
func (c searchCase) topArg() string { return strings.Join(c.top, " ") }

// TestSearchPage: search/?q= finds the expected documents, and every result
// links to its document.
func TestSearchPage(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	for _, c := range searchCases {
		u := s.root + q(c.query)
		tb.open(t, u)
		if err := tb.poll(resultsMatch, tabTimeout/4, "#search-results", c.first, c.topArg()); err != nil {
			t.Errorf("%s: want %q first and %q on top; the page shows %s (%v)", u, c.first, c.top, shown(t, tb, "#search-results"), err)
			continue
		}
		if v := eval[string](t, tb, `document.getElementById("search-page-q").value`); v != c.query {
			t.Errorf("%s: the search box holds %q", u, v)
		}
		if v := eval[string](t, tb, `document.getElementById("site-search-q").value`); v != c.query {
			t.Errorf("%s: the header search box holds %q", u, v)
		}
		status := eval[string](t, tb, `document.getElementById("search-status").textContent`)
		if !strings.ContainsAny(status, "0123456789") {
			t.Errorf("%s: the status %q has no count", u, status)
		}
		// Every result's link goes to its document's page (to the
		// section that matched, when a heading is above the match).
		bad := eval[[]string](t, tb, `[...document.querySelectorAll("#search-results .search-id")].map(e => e.closest("li")).filter(li => {
			const a = li.querySelector("a[href]"), id = li.querySelector(".search-id").textContent.trim();
			return !a || !a.href.split("#")[0].endsWith("/docs/" + id + "/");
		}).map(li => li.innerText)`)
		if len(bad) > 0 {
			t.Errorf("%s: results that do not link to docs/<id>/: %q", u, bad)
		}
	}

	// The form on the search page searches without leaving it.
	tb.open(t, s.root+"search/")
	// Submitting may reload the page (a plain form) or not (the script):
	// either way the results appear.
	tb.do(t, "search from the page's form",
		chromedp.SendKeys(chromedp.ID("search-page-q"), "PR-002\n"),
		chromedp.WaitVisible(chromedp.CSS("#search-results .search-id")),
	)
	if err := tb.poll(resultsMatch, tabTimeout/4, "#search-results", "ISMS-PR-002", ""); err != nil {
		t.Errorf("searching PR-002 with the form: the page shows %s (%v)", shown(t, tb, "#search-results"), err)
	}
	if loc := eval[string](t, tb, `location.search`); loc != "?q=PR-002" {
		t.Errorf("after a search with the form, location.search = %q, want ?q=PR-002 (a link to the results)", loc)
	}
}

// TestHeaderSearch: typing in the header box shows the same documents in its
// drop-down, on any page.
func TestHeaderSearch(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	for _, c := range searchCases {
		tb.open(t, s.root+"docs/ISMS-M-001/")
		tb.do(t, "type "+c.query, chromedp.SendKeys(chromedp.ID("site-search-q"), c.query))
		if err := tb.poll(resultsMatch, tabTimeout/4, "#site-search-list", c.first, c.topArg()); err != nil {
			t.Errorf("header box %q: want %q first and %q on top; the drop-down shows %s (%v)", c.query, c.first, c.top, shown(t, tb, "#site-search-list"), err)
			continue
		}
		state := eval[map[string]string](t, tb, `(() => {
			const i = document.getElementById("site-search-q"), l = document.getElementById("site-search-list");
			return {expanded: i.getAttribute("aria-expanded"), controls: i.getAttribute("aria-controls"), role: i.getAttribute("role"),
				listRole: l.getAttribute("role"), hidden: String(l.hidden || l.getBoundingClientRect().height === 0)};
		})()`)
		want := map[string]string{"expanded": "true", "controls": "site-search-list", "role": "combobox", "listRole": "listbox", "hidden": "false"}
		for k, v := range want {
			if state[k] != v {
				t.Errorf("header box %q: %s = %q, want %q", c.query, k, state[k], v)
			}
		}
	}
}

// TestSearchKeyboard: "/" focuses the header box, the arrow keys move the
// active option (aria-activedescendant), Enter opens its page, and Escape
// closes the drop-down.
func TestSearchKeyboard(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	tb.open(t, s.root)

	tb.do(t, "press /", press("/", "Slash", "/", 191))
	if id := eval[string](t, tb, `document.activeElement.id`); id != "site-search-q" {
		t.Fatalf(`"/" focuses %q, want the header search box`, id)
	}
	if v := eval[string](t, tb, `document.getElementById("site-search-q").value`); v != "" {
		t.Errorf(`"/" was typed into the box: %q`, v)
	}
	// Keys go to the focused box: no click.
	tb.do(t, "type PR-002", chromedp.KeyEvent("PR-002"))
	if err := tb.poll(resultsMatch, tabTimeout/4, "#site-search-list", "ISMS-PR-002", ""); err != nil {
		t.Fatalf("typing PR-002: the drop-down shows %s (%v)", shown(t, tb, "#site-search-list"), err)
	}
	n := eval[int](t, tb, `document.querySelectorAll("#site-search-list [role=option]").length`)

	active := func() (id, selected, text string) {
		t.Helper()
		r := eval[[]string](t, tb, `(() => {
			const i = document.getElementById("site-search-q"), id = i.getAttribute("aria-activedescendant") || "";
			const o = id && document.getElementById(id);
			return [id, o ? o.getAttribute("aria-selected") : "", o ? (o.querySelector(".search-id") || o.closest("li").querySelector(".search-id")).textContent.trim() : "",
				String(document.querySelectorAll('#site-search-list [aria-selected="true"]').length)];
		})()`)
		if r[3] != "1" && r[0] != "" {
			t.Errorf("%s options are aria-selected, want 1", r[3])
		}
		return r[0], r[1], r[2]
	}
	if id, _, _ := active(); id != "" {
		t.Errorf("before any arrow key, aria-activedescendant = %q", id)
	}
	tb.do(t, "ArrowDown", chromedp.KeyEvent(kb.ArrowDown))
	first, sel, text := active()
	if first == "" || sel != "true" || text != "ISMS-PR-002" {
		t.Fatalf("ArrowDown: active option %q (aria-selected %q, %q), want the first, ISMS-PR-002", first, sel, text)
	}
	if n > 1 {
		tb.do(t, "ArrowDown", chromedp.KeyEvent(kb.ArrowDown))
		second, sel, _ := active()
		if second == first || second == "" || sel != "true" {
			t.Errorf("second ArrowDown: active option %q (aria-selected %q), want the second", second, sel)
		}
		tb.do(t, "ArrowUp", chromedp.KeyEvent(kb.ArrowUp))
		if id, _, _ := active(); id != first {
			t.Errorf("ArrowUp: active option %q, want %q", id, first)
		}
	}
	if id := eval[string](t, tb, `document.activeElement.id`); id != "site-search-q" {
		t.Errorf("the arrow keys moved the focus to %q; it stays in the box", id)
	}

	// Escape closes the drop-down; ArrowDown opens it again.
	tb.do(t, "Escape", chromedp.KeyEvent(kb.Escape))
	if e := eval[string](t, tb, `document.getElementById("site-search-q").getAttribute("aria-expanded")`); e != "false" {
		t.Errorf("after Escape, aria-expanded = %q", e)
	}
	tb.do(t, "ArrowDown", chromedp.KeyEvent(kb.ArrowDown))
	if e := eval[string](t, tb, `document.getElementById("site-search-q").getAttribute("aria-expanded")`); e != "true" {
		t.Errorf("ArrowDown after Escape: aria-expanded = %q", e)
	}
	if id, _, text := active(); id == "" || text != "ISMS-PR-002" {
		t.Fatalf("ArrowDown after Escape: active option %q (%q), want ISMS-PR-002", id, text)
	}

	// Enter opens the active result's page.
	tb.follow(t, "Enter", press("Enter", "Enter", "\r", 13))
	if loc := eval[string](t, tb, `location.href`); loc != s.root+"docs/ISMS-PR-002/" {
		t.Errorf("Enter opened %s, want %sdocs/ISMS-PR-002/", loc, s.root)
	}
}

// press presses and releases a printable key as a keyboard does: the
// character is typed only if the page does not cancel the keydown event.
// (chromedp.KeyEvent sends the character as an event of its own, which a
// cancelled keydown cannot stop.)
func press(key, code, text string, keyCode int64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: key, Code: code, Text: text, UnmodifiedText: text,
			WindowsVirtualKeyCode: keyCode, NativeVirtualKeyCode: keyCode}
		if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, down); err != nil {
			return err
		}
		up := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: key, Code: code, WindowsVirtualKeyCode: keyCode, NativeVirtualKeyCode: keyCode}
		_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, up)
		return err
	})
}

// TestSearchNoResult: a query that finds nothing says so, quoting the
// query as typed, on the results page and in the header box's drop-down,
// whatever characters it holds ("$&" is no replacement pattern).
func TestSearchNoResult(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	for _, query := range []string{"zzqxw", "$&", "zzqxw$'", "$$ zzqxw", "$`(.*)[zzqxw]+?"} {
		quoted := "“" + query + "”"
		tb.open(t, s.root+q(query))
		if err := tb.poll(`(quoted) => document.getElementById("search-status").textContent.includes(quoted)`, tabTimeout/4, quoted); err != nil {
			t.Errorf("search/?q=%s: the status says %q, want the query quoted, %s (%v)", query, eval[string](t, tb, `document.getElementById("search-status").textContent`), quoted, err)
		}
		tb.open(t, s.root+"docs/ISMS-M-001/")
		tb.do(t, "type "+query, chromedp.SendKeys(chromedp.ID("site-search-q"), query))
		if err := tb.poll(`(quoted) => document.querySelector(".site-search-foot").textContent.includes(quoted)`, tabTimeout/4, quoted); err != nil {
			t.Errorf("header box %q: the drop-down says %q, want the query quoted, %s (%v)", query, eval[string](t, tb, `document.querySelector(".site-search-foot").textContent`), quoted, err)
		}
	}
	errs, _ := tb.recorded()
	for _, e := range errs {
		t.Error(e)
	}
}

// TestSearchAddressLineBreak: an address whose query holds a line break
// (a link copied from a mail) searches what the search box shows, which
// drops it, and says so in the address.
func TestSearchAddressLineBreak(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	tb.open(t, s.root+q("PR-\n002"))
	if err := tb.poll(resultsMatch, tabTimeout/4, "#search-results", "ISMS-PR-002", ""); err != nil {
		t.Errorf("the page shows %s for the box's %q (%v)", shown(t, tb, "#search-results"), eval[string](t, tb, `document.getElementById("search-page-q").value`), err)
	}
	if loc := eval[string](t, tb, `location.search`); loc != "?q=PR-002" {
		t.Errorf("the address becomes %s, want ?q=PR-002", loc)
	}
}

// TestSearchShowMoreFocus: "show more" moves the focus to the first
// result it adds, from the keyboard, also below a control's entry (a
// query that names an Annex A control lists the control first).
func TestSearchShowMoreFocus(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := listSite(t)
	for _, query := range []string{"ISMS", "5.15"} {
		tb.open(t, s.root+q(query))
		if err := tb.poll(`() => document.querySelector("#search-results .search-more button")`, tabTimeout/4); err != nil {
			t.Fatalf("%s: no \"show more\": %s (%v)", query, shown(t, tb, "#search-results"), err)
		}
		before := eval[int](t, tb, `document.querySelectorAll("#search-results .search-id").length`)
		tb.do(t, "focus show more", chromedp.Focus(chromedp.CSS(`#search-results .search-more button`)))
		tb.do(t, "press Enter", chromedp.KeyEvent(kb.Enter))
		if err := tb.poll(`(n) => document.querySelectorAll("#search-results .search-id").length > n && document.activeElement.closest("li")`, tabTimeout/4, before); err != nil {
			t.Fatalf("%s: show more: %v", query, err)
		}
		got := eval[int](t, tb, `[...document.querySelectorAll("#search-results .search-result:not(.search-control)")].indexOf(document.activeElement.closest("li"))`)
		if got != before {
			t.Errorf("%s: after show more the focus is on result %d, want the first added, %d", query, got+1, before+1)
		}
	}
}
