package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Issue 24: what gets in the way of an employee who reads a policy on a
// phone, prints it, or follows its references.

// setWidth makes the tab a window of the given width (a phone at 375).
func setWidth(t *testing.T, tb *tab, width int64) {
	t.Helper()
	mobile := width < 600
	if _, err := chromedp.Call(tb.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: width, Height: 740, DeviceScaleFactor: 1, Mobile: mobile,
	}); err != nil {
		t.Fatal(err)
	}
}

// screenshot saves the page as a PNG under $ISMSGEN_SCREENSHOTS, when it
// is set, for a person to look at; tests never compare them.
func screenshot(t *testing.T, tb *tab, name string) {
	t.Helper()
	dir := os.Getenv("ISMSGEN_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// On a 375 px phone the header folds behind a menu button, the control
// block is compact, a table in a document scrolls sideways instead of
// crushing its cells, and the register's cards name their fields.
func TestPhone(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	setWidth(t, tb, 375)
	tb.open(t, s.root+"docs/ISMS-P-009/")
	got := eval[map[string]float64](t, tb, `(() => {
		const h = document.querySelector(".site-header").getBoundingClientRect().height;
		const nav = document.querySelector(".site-nav").getBoundingClientRect().height;
		const body = document.querySelector(".doc-body").getBoundingClientRect().top + scrollY;
		return {header: h, nav, body};
	})()`)
	if got["header"] > 130 || got["nav"] != 0 {
		t.Errorf("phone: the header is %.0f px high and its navigation %.0f px; want ≤ 130 and folded", got["header"], got["nav"])
	}
	if got["body"] > 900 {
		t.Errorf("phone: the procedure's text starts %.0f px down; want within 900 px", got["body"])
	}
	screenshot(t, tb, "document-375")
	// The menu button opens the navigation.
	tb.do(t, "open the menu", chromedp.Click(chromedp.CSS(".menu-toggle")))
	if h := eval[float64](t, tb, `document.querySelector(".site-nav").getBoundingClientRect().height`); h < 100 {
		t.Errorf("phone: the opened menu is %.0f px high", h)
	}
	if e := eval[string](t, tb, `document.querySelector(".menu-toggle").getAttribute("aria-expanded")`); e != "true" {
		t.Errorf("phone: the menu button says aria-expanded=%q", e)
	}
	screenshot(t, tb, "menu-375")

	// A table in a document keeps readable cells and scrolls.
	tb.open(t, s.root+"docs/ISMS-P-001/")
	cells := eval[map[string]float64](t, tb, `(() => {
		const t = document.querySelector(".doc-body table");
		if (!t) return {};
		const narrow = Math.min(...[...t.querySelectorAll("td")].map(td => td.getBoundingClientRect().width));
		return {narrow, scroll: t.scrollWidth, client: t.clientWidth, page: document.documentElement.scrollWidth};
	})()`)
	if len(cells) == 0 {
		t.Fatal("ISMS-P-001 has no table in its text")
	}
	if cells["narrow"] < 60 {
		t.Errorf("phone: a table cell in the document is %.0f px wide: crushed", cells["narrow"])
	}
	if cells["page"] > 380 {
		t.Errorf("phone: the page is %.0f px wide: the table pushes it sideways instead of scrolling", cells["page"])
	}

	// The register's cards name each value's field.
	tb.open(t, s.root+"register/")
	label := eval[string](t, tb, `getComputedStyle(document.querySelector(".doc-table td:nth-child(3)"), "::before").content`)
	if !strings.Contains(label, "版本") {
		t.Errorf("phone: a register card shows its version without the field's name (::before %q)", label)
	}
	screenshot(t, tb, "register-375")
	tb.open(t, s.root+q("管理评审"))
	if err := tb.poll(`() => (document.getElementById("search-status")?.textContent || "").match(/\d/)`, tabTimeout/3); err != nil {
		t.Errorf("phone: the search page shows no result count: %v", err)
	}
	screenshot(t, tb, "search-375")
}

// The document page lists each related document once, with how it is
// related; a 相关培训 heading only over courses; the acknowledgement
// button in a section of its own; breadcrumbs of tier and id only.
func TestDocumentPage(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	setWidth(t, tb, 1280)
	for _, id := range []string{"ISMS-P-009", "ISMS-M-001", "ISMS-P-001", "ISMS-F-006"} {
		tb.open(t, s.root+"docs/"+id+"/")
		got := eval[map[string]any](t, tb, `(() => {
			const ids = [...document.querySelectorAll(".doc-relations .doc-id")].map(e => e.textContent);
			const training = document.getElementById("training-heading");
			return {
				ids, distinct: new Set(ids).size,
				trainingWithoutCourse: !!training && !training.parentElement.querySelector(".training-list li"),
				crumbs: [...document.querySelectorAll(".breadcrumb li")].length,
			};
		})()`)
		if ids, _ := got["ids"].([]any); float64(len(ids)) != got["distinct"] {
			t.Errorf("%s: the related documents repeat: %v", id, ids)
		}
		if got["trainingWithoutCourse"] == true {
			t.Errorf("%s: a training heading without a course", id)
		}
		if got["crumbs"] != 3.0 {
			t.Errorf("%s: %v breadcrumbs, want 3 (home, tier, id)", id, got["crumbs"])
		}
	}
	tb.open(t, s.root+"docs/ISMS-P-009/")
	if w := eval[float64](t, tb, `document.querySelector(".menu-toggle").getBoundingClientRect().width`); w != 0 {
		t.Errorf("1280 px: the phone's menu button shows")
	}
	screenshot(t, tb, "document-1280")
	tb.open(t, s.root+"register/")
	screenshot(t, tb, "register-1280")
	tb.open(t, s.root+q("管理评审"))
	if err := tb.poll(`() => (document.getElementById("search-status")?.textContent || "").match(/\d/)`, tabTimeout/3); err != nil {
		t.Errorf("the search page shows no result count: %v", err)
	}
	screenshot(t, tb, "search-1280")
}

// A printed document is a controlled copy: a running head with its
// number, title and version on every page, the uncontrolled-copy notice
// in the running foot rather than alone at the end, no acknowledgement
// button and no lists of related documents, and each reference followed
// by the number of the document it names.
func TestPrintedCopy(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	tb.open(t, s.root+"docs/ISMS-P-009/")
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	got := eval[map[string]any](t, tb, `(async () => {
		const style = sel => { const e = document.querySelector(sel); return e ? getComputedStyle(e) : null; };
		const sheet = document.querySelector('style[media=print]');
		const link = document.querySelector(".doc-body a.doc-link");
		return {
			print: sheet ? sheet.textContent : "",
			// A style the page's policy refused has no rules.
			applied: !!(sheet && sheet.sheet && sheet.sheet.cssRules.length),
			footer: style(".site-footer")?.display || "",
			ack: style(".doc-ack")?.display || "none", relations: style(".doc-relations")?.display || "none",
			ref: link ? getComputedStyle(link, "::after").content : "", refDoc: link ? link.dataset.doc : "",
		};
	})()`, chromedp.EvalAwaitPromise)
	print, _ := got["print"].(string)
	if got["applied"] != true {
		t.Error("print: the page's Content-Security-Policy refuses its print style")
	}
	for _, want := range []string{`@top-left { content: "文件编号：ISMS-P-009"`, `@top-center { content: "管理评审程序"`, `@top-right { content: "版本：2.1"`,
		`@bottom-left { content: "打印件为非受控副本`, `counter(page) " / " counter(pages)`} {
		if !strings.Contains(print, want) {
			t.Errorf("print: the page's print stylesheet lacks %q:\n%s", want, print)
		}
	}
	for _, k := range []string{"footer", "ack", "relations"} {
		if got[k] != "none" {
			t.Errorf("print: the %s prints (display %v)", k, got[k])
		}
	}
	if ref, _ := got["ref"].(string); got["refDoc"] == "" || !strings.Contains(ref, got["refDoc"].(string)) {
		t.Errorf("print: a reference prints as %q, without the number %v", ref, got["refDoc"])
	}
	if dir := os.Getenv("ISMSGEN_SCREENSHOTS"); dir != "" {
		pdf, err := chromedp.Run(tb.ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "document-print.pdf"), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		setWidth(t, tb, 375)
		screenshot(t, tb, "document-print-375")
		setWidth(t, tb, 1280)
		screenshot(t, tb, "document-print-1280")
	}
}

// Search lands on the section that matched, marks the matches plainly,
// shows one search box, and takes a control id in either form to the
// control's page.
func TestSearchForReaders(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	tb.open(t, s.root+q("评审输入"))
	if err := tb.poll(`() => document.querySelector("#search-results .search-title")`, tabTimeout/3); err != nil {
		t.Fatalf("no results: %v", err)
	}
	got := eval[map[string]any](t, tb, `(() => {
		const a = [...document.querySelectorAll("#search-results a.search-title")].find(a => a.href.includes("ISMS-P-009"));
		const mark = document.querySelector("#search-results mark");
		const boxes = [...document.querySelectorAll("input[type=search]")].filter(i => i.getBoundingClientRect().height > 0);
		return {href: a ? a.href : "", weight: mark ? getComputedStyle(mark).fontWeight : "", boxes: boxes.length};
	})()`)
	href, _ := got["href"].(string)
	if !strings.Contains(href, "ISMS-P-009/#") {
		t.Errorf("the result for ISMS-P-009 opens %q, not the section that matched", href)
	}
	if got["weight"] != "600" {
		t.Errorf("a match is marked with weight %v", got["weight"])
	}
	if got["boxes"] != 1.0 {
		t.Errorf("the search page shows %v search boxes", got["boxes"])
	}
	// The section exists on the page it opens.
	if href != "" {
		tb.open(t, href)
		if !eval[bool](t, tb, `!!document.getElementById(decodeURIComponent(location.hash.slice(1)))`) {
			t.Errorf("%s: no element with the fragment's id", href)
		}
	}
	for _, query := range []string{"A.5.15", "5.15", "a5.15"} {
		tb.open(t, s.root+q(query))
		if err := tb.poll(`() => document.querySelector("#search-results .search-control a")?.href.endsWith("/controls/5.15/")`, tabTimeout/3); err != nil {
			t.Errorf("%s: no result for the control's page: %v", query, err)
		}
	}
}
