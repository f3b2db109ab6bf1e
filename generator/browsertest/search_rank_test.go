package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"ismsgen/generator/model"
	"ismsgen/internal/sitetest"
)

// rankCases are queries whose first results are fixed: a title or a
// procedure's name puts that document first, before forms that extend its
// name; a control id, in any form, finds the documents that implement it.
var rankCases = []searchCase{
	{query: "管理评审", first: "ISMS-P-009", top: []string{"ISMS-F-001"}},
	{query: "内部审核", first: "ISMS-P-004", top: []string{"ISMS-F-002"}},
	{query: "信息备份管理程序", first: "ISMS-P-007"},
	{query: "A.5.15", first: "ISMS-POL-002"},
	{query: "a.5.15", first: "ISMS-POL-002"},
	{query: "5.15", first: "ISMS-POL-002"},
	{query: "A.12.3.1", top: []string{"ISMS-P-007", "ISMS-F-006"}}, // 2013: replaced by 8.13
}

// controlOf is the control whose page the ranking cases' control ids name.
var controlOf = map[string]string{"A.5.15": "5.15", "a.5.15": "5.15", "5.15": "5.15", "A.12.3.1": "8.13"}

// TestSearchRanking runs the ranking cases on the search page of the
// sample (zh-CN) and of an English site from file://; a 2022 control id
// puts the control's page above the documents.
func TestSearchRanking(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	for _, c := range rankCases {
		tb.open(t, s.root+q(c.query))
		if err := tb.poll(resultsMatch, tabTimeout/4, "#search-results", c.first, c.topArg()); err != nil {
			t.Errorf("%q: want %q first and %q on top; the page shows %s (%v)", c.query, c.first, c.top, shown(t, tb, "#search-results"), err)
			continue
		}
		control := eval[string](t, tb, `document.querySelector("#search-results > li:first-child.search-control a")?.href || ""`)
		if want := controlOf[c.query]; !strings.HasSuffix(control, "/controls/"+want+"/") && !(want == "" && control == "") {
			t.Errorf("%q: the first result links to %q, want the page of control %q", c.query, control, want)
		}
	}

	// The header box's drop-down puts the control's page first too, and
	// Enter on it opens the page.
	for query, want := range controlOf {
		tb.open(t, s.root+"docs/ISMS-M-001/")
		tb.do(t, "type "+query, chromedp.SendKeys(chromedp.ID("site-search-q"), query))
		if err := tb.poll(`(q, want) => { const l = document.getElementById("site-search-list"), o = l && l.querySelector("[role=option]");
			return l && l.dataset.q === q && o && o.classList.contains("search-control") && o.dataset.href.endsWith("/controls/" + want + "/"); }`, tabTimeout/4, query, want); err != nil {
			t.Errorf("header box %q: the first option is not control %s's page: %s (%v)", query, want,
				eval[string](t, tb, `document.getElementById("site-search-list")?.innerText || "-"`), err)
			continue
		}
		tb.do(t, "ArrowDown", chromedp.KeyEvent(kb.ArrowDown))
		tb.follow(t, "Enter", press("Enter", "Enter", "\r", 13))
		if u := eval[string](t, tb, `location.pathname`); !strings.HasSuffix(u, "/controls/"+want+"/") && !strings.HasSuffix(u, "/controls/"+want+"/index.html") {
			t.Errorf("header box %q: Enter opened %s", query, u)
		}
	}

	en := buildSite(t, "../testdata/site", model.Date{Year: 2026, Month: 3, Day: 1})
	for _, c := range []searchCase{
		{query: "Backup Procedure", first: "SITE-P-001"},
		{query: "backup", first: "SITE-P-001", top: []string{"SITE-F-001"}},
		{query: "A.8.13", first: "SITE-P-001", top: []string{"SITE-F-001"}},
		{query: "back-up", first: "SITE-P-001", top: []string{"SITE-F-001"}}, // written backup
		{query: "Back-up Procedure", first: "SITE-P-001"},
		{query: "A.8.13-A.5.30", first: "SITE-P-001"}, // the controls it implements
	} {
		tb.open(t, fileURL(en, q(c.query)))
		if err := tb.poll(resultsMatch, tabTimeout/4, "#search-results", c.first, c.topArg()); err != nil {
			t.Errorf("English site %q: want %q first and %q on top; the page shows %s (%v)", c.query, c.first, c.top, shown(t, tb, "#search-results"), err)
		}
	}
}

// TestSearchHighlight: the search page has one search box, styled like
// the rest of the page, and a match stands out from the snippet around
// it (background) and can be read (text), in the light and dark schemes.
func TestSearchHighlight(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	for _, scheme := range []string{"light", "dark"} {
		if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		}); err != nil {
			t.Fatal(err)
		}
		tb.open(t, s.root+q("备份"))
		if err := tb.poll(`() => document.querySelector("#search-results .search-snippet mark")`, tabTimeout/3); err != nil {
			t.Fatalf("%s: no match marked: %v", scheme, err)
		}
		got := eval[map[string]float64](t, tb, `(() => {
			const rgb = (c) => c.match(/[\d.]+/g).slice(0, 4).map(Number);
			const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
				.reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
			const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
			// The colour behind an element: the first ancestor's that is not transparent.
			const behind = (e) => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length < 4 || c[3] > 0) return c; } return [255, 255, 255]; };
			const mark = document.querySelector("#search-results .search-snippet mark"), ms = getComputedStyle(mark);
			const boxes = [...document.querySelectorAll("input[type=search], input:not([type])")].filter(i => i.getClientRects().length && i.getBoundingClientRect().height > 0);
			const box = boxes[0], bs = box && getComputedStyle(box);
			return {
				text: ratio(rgb(ms.color), behind(mark)),
				stand: ratio(behind(mark), behind(mark.parentElement)),
				weight: Number(ms.fontWeight),
				boxes: boxes.length,
				radius: bs ? parseFloat(bs.borderTopLeftRadius) : 0,
				pad: bs ? parseFloat(bs.paddingLeft) : 0,
			};
		})()`)
		if got["text"] < 4.5 {
			t.Errorf("%s: a match's text has a contrast of %.2f with its background, want 4.5 or more", scheme, got["text"])
		}
		if got["stand"] < 1.5 {
			t.Errorf("%s: a match's background has a contrast of %.2f with the snippet's, want 1.5 or more", scheme, got["stand"])
		}
		if got["weight"] < 600 {
			t.Errorf("%s: a match has weight %v", scheme, got["weight"])
		}
		if got["boxes"] != 1 {
			t.Errorf("%s: the search page shows %v search boxes, want 1", scheme, got["boxes"])
		}
		if got["radius"] == 0 || got["pad"] < 4 {
			t.Errorf("%s: the search box looks unstyled (radius %v, padding %v)", scheme, got["radius"], got["pad"])
		}
	}
}

// TestSearchSnippets: a snippet keeps the blocks of the text apart (a
// heading and its text, the cells of a table) and shows character
// references as the page does, never as written ("&amp;").
func TestSearchSnippets(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	tb.open(t, s.root+q("填写说明"))
	if err := tb.poll(resultsMatch, tabTimeout/4, "#search-results", "", "ISMS-F-001"); err != nil {
		t.Fatalf("填写说明: the page shows %s (%v)", shown(t, tb, "#search-results"), err)
	}
	snippet := func(id string) string {
		return eval[string](t, tb, `[...document.querySelectorAll("#search-results .search-result")].find(li => li.querySelector(".search-id")?.textContent === `+jsString(id)+`)?.querySelector(".search-snippet").textContent || ""`)
	}
	if got := snippet("ISMS-F-001"); !strings.Contains(got, "3 表单栏目 · 栏目 · 填写说明 · 评审目的") {
		t.Errorf("the snippet of ISMS-F-001 runs its heading and cells together: %q", got)
	}

	site := sitetest.Copy(t, "../testdata/site")
	f := filepath.Join(site, "content", "tier1", "site-m-001.md")
	body, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	body = append(body, "\n## 9 Records &amp; forms\n\n| Version | Date | Author |\n| --- | --- | --- |\n| 1.0 | 2026-01-05 | Quality &amp; Risk |\n\nZebra &amp; kiwi &#169; notes.\n"...)
	if err := os.WriteFile(f, body, 0o644); err != nil {
		t.Fatal(err)
	}
	en := buildSite(t, site, model.Date{Year: 2026, Month: 3, Day: 1})
	for query, want := range map[string]string{
		"quality": "1.0 · 2026-01-05 · Quality & Risk",
		"zebra":   "Zebra & kiwi © notes.",
		"forms":   "9 Records & forms · Version · Date · Author",
	} {
		tb.open(t, fileURL(en, q(query)))
		if err := tb.poll(resultsMatch, tabTimeout/4, "#search-results", "SITE-M-001", ""); err != nil {
			t.Errorf("%s: the page shows %s (%v)", query, shown(t, tb, "#search-results"), err)
			continue
		}
		if got := snippet("SITE-M-001"); !strings.Contains(got, want) || strings.Contains(got, "&amp;") || strings.Contains(got, "&#") {
			t.Errorf("%s: snippet %q, want it to hold %q", query, got, want)
		}
	}
}
