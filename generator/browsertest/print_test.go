package browsertest

import (
	"bytes"
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
