package browsertest

import (
	"bytes"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
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
