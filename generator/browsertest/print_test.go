package browsertest

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"ismsgen/generator/history/demo"
	"ismsgen/generator/model"
)

// TestPrint: a printed document is a controlled copy: no header, navigation
// or search; the document control block shows; and it prints to PDF.
func TestPrint(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	tb.open(t, s.root+"docs/ISMS-P-009/")
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	hidden := eval[map[string]bool](t, tb, `(() => {
		const shown = sel => { const e = document.querySelector(sel); return !!e && getComputedStyle(e).display !== "none" && e.getBoundingClientRect().height > 0; };
		return {header: shown(".site-header"), nav: shown(".site-nav"), search: shown(".site-search"), skip: shown(".skip-link"),
			meta: shown(".doc-meta"), body: shown(".doc-body"), title: shown(".doc-header h1"), history: shown("#history-heading")};
	})()`)
	for _, sel := range []string{"header", "nav", "search", "skip"} {
		if hidden[sel] {
			t.Errorf("print: the %s is shown", sel)
		}
	}
	for _, sel := range []string{"meta", "body", "title", "history"} {
		if !hidden[sel] {
			t.Errorf("print: the %s is not shown", sel)
		}
	}
	// A reference prints with its document number in the parentheses of
	// Chinese text (TestEnglishPrintedReference: of English text).
	if after := eval[string](t, tb, `(() => { const a = document.querySelector(".doc-body a[data-doc]"); return a ? getComputedStyle(a, "::after").content : "no link"; })()`); !strings.HasPrefix(after, `"（ISMS-`) {
		t.Errorf("print: a reference is followed by %s, want its number in （）", after)
	}
	if d := eval[string](t, tb, `getComputedStyle(document.querySelector(".site-header")).display`); d != "none" {
		t.Errorf("print: .site-header has display %q, want none", d)
	}
	pdf, err := chromedp.Run(tb.ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		t.Fatalf("print to PDF: %v", err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || len(pdf) < 2000 {
		t.Errorf("print to PDF: %d bytes, starting %q", len(pdf), pdf[:min(len(pdf), 8)])
	}
}

// TestPrintListsHideControls: a printed list, or the search results,
// shows no control: no box, select or button, no pager, no tabs to other
// lists; the column headings print as headings, without the marks that
// say they sort (the order the list is in stays marked).
func TestPrintListsHideControls(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := listSite(t)
	for _, p := range []string{"register/?docs.sort=title", "tiers/2/", "approvals/", "records/", q("ISMS")} {
		tb.open(t, s.root+p)
		if err := tb.poll(`() => document.querySelector(".list-tools, #search-results .search-more")`, tabTimeout/3); err != nil {
			t.Fatalf("%s: no tools: %v", p, err)
		}
		if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		shown := eval[[]string](t, tb, `[...document.querySelectorAll("main button:not(.list-sort), main input, main select, main nav, main .pager, main form")]
			.filter(e => e.getClientRects().length > 0).map(e => e.outerHTML.slice(0, 80))`)
		for _, e := range shown {
			t.Errorf("%s: printed: %s", p, e)
		}
		marks := eval[[]string](t, tb, `[...document.querySelectorAll("th .list-sort")].map(b => b.closest("th").getAttribute("aria-sort") + " " + getComputedStyle(b, "::after").content)`)
		for _, m := range marks {
			if m != "ascending \" ↑\"" && m != "descending \" ↓\"" && !strings.HasSuffix(m, " none") {
				t.Errorf("%s: a heading prints with the mark %s", p, m)
				break
			}
		}
		if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "screen"}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPrintRunningHead: every printed page of a document, of an earlier
// version, of what changed in one, of a withdrawn document and of the
// Statement of Applicability carries at its head the document's number,
// title and which text it is, and at its foot what the copy is worth, as
// a controlled copy printed from Word does: an earlier version printed
// with no such head was a copy that nothing marked as superseded after
// its first page.
func TestPrintRunningHead(t *testing.T) {
	t.Parallel()
	needBrowser(t)
	if _, err := exec.LookPath("git"); err != nil {
		missing(t, "git is not installed")
	}
	source := filepath.Join(t.TempDir(), "site")
	if err := demo.Write(source); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(source, "isms.toml")
	data, err := os.ReadFile(config)
	if err != nil || !strings.Contains(string(data), `language = "zh-CN"`) {
		t.Fatalf("the demonstration's isms.toml sets no language (%v)", err)
	}
	if err := os.WriteFile(config, []byte(strings.Replace(string(data), `language = "zh-CN"`, `language = "en"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := buildSite(t, source, model.Date{Year: 2026, Month: 3, Day: 2})
	srv := httptest.NewServer(http.FileServer(http.Dir(dest)))
	defer srv.Close()
	sample := sampleSite(t)
	tb := newTabTimeout(t, 4*tabTimeout) // seven pages printed, on a busy machine
	for _, tc := range []struct {
		url  string
		want []string // on every printed page
	}{
		{srv.URL + "/docs/ISMS-P-001/", []string{"Document no.: ISMS-P-001", "Version: 1.2", "Printed copies are uncontrolled"}},
		{srv.URL + "/docs/ISMS-P-001/v/1.1/", []string{"Document no.: ISMS-P-001", "Version: 1.1 (superseded)", "Superseded version"}},
		{srv.URL + "/docs/ISMS-P-001/changes/1.1/", []string{"Document no.: ISMS-P-001", "Changes from version 1.0 to 1.1", "Printed copies are uncontrolled"}},
		{srv.URL + "/docs/ISMS-P-001/since-approval/", []string{"Document no.: ISMS-P-001", "Changes to version 1.2 since its approval", "Printed copies are uncontrolled"}},
		{srv.URL + "/docs/ISMS-P-009/", []string{"Document no.: ISMS-P-009", "Withdrawn: 2025-10-01", "Withdrawn document"}},
		{srv.URL + "/docs/ISMS-P-009/v/1.0/", []string{"Document no.: ISMS-P-009", "Version: 1.0 (withdrawn)", "Withdrawn document"}},
		{sample.root + "soa/", []string{"ISMS-SOA-001", "2.1"}},
	} {
		tb.open(t, tc.url)
		if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		pdf, err := chromedp.Run(tb.ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
		if err != nil {
			t.Fatalf("%s: print to PDF: %v", tc.url, err)
		}
		pages := pdfPages(pdf)
		if len(pages) == 0 {
			t.Fatalf("%s: no page in the PDF", tc.url)
		}
		for i, text := range pages {
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("%s: printed page %d of %d has no %q:\n%s", tc.url, i+1, len(pages), w, firstLines(text, 8))
				}
			}
		}
		if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "screen"}); err != nil {
			t.Fatal(err)
		}
	}
}

// firstLines is the first n lines of s.
func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], " | ")
}

// TestPrintListsKeepNumbers: a printed list keeps each document number on
// one line, and within the page: on A4 the register's columns are
// narrow, and "ISMS-M-001" broke after its hyphens into "ISMS-" and
// "M-001".
func TestPrintListsKeepNumbers(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	// A4 less the margins of print.css is 178 mm, 673 CSS px.
	tb.do(t, "a page as wide as A4's text", chromedp.EmulateViewport(673, 950))
	for _, p := range []string{"register/", "records/", "actions/", "reviews/"} {
		tb.open(t, s.root+p)
		if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		// The lines a number takes: the distinct tops of its text's boxes.
		broken := eval[[]string](t, tb, `[...document.querySelectorAll("main .doc-id")].filter(e => {
			const r = document.createRange(); r.selectNodeContents(e);
			return new Set([...r.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.top))).size > 1;
		}).map(e => e.textContent.trim())`)
		if len(broken) > 0 {
			t.Errorf("%s prints document numbers over two lines: %q", p, broken[:min(5, len(broken))])
		}
		if w := eval[int](t, tb, `document.documentElement.scrollWidth`); w > 673 {
			t.Errorf("%s prints %d px wide, wider than A4's 673", p, w)
		}
		if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "screen"}); err != nil {
			t.Fatal(err)
		}
	}
}
