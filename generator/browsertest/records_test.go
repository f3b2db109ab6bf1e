package browsertest

import (
	"bytes"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestManagementReviewHandout: the management-review input pack prints as
// the meeting's handout: no navigation, search or print button, every
// input with its flag, and it prints to PDF. On screen the print button
// shows (it needs JavaScript).
func TestManagementReviewHandout(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	tb.open(t, s.root+"management-review/")
	if !eval[bool](t, tb, `!document.querySelector("button[data-print]").hidden`) {
		t.Error("on screen, the print button is hidden")
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	shown := eval[map[string]bool](t, tb, `(() => {
		const shown = sel => { const e = document.querySelector(sel); return !!e && getComputedStyle(e).display !== "none" && e.getBoundingClientRect().height > 0; };
		return {header: shown(".site-header"), nav: shown(".site-nav"), button: shown("button[data-print]"),
			summary: shown(".mr-summary"), status: shown(".mr-status"), a: shown("#input-a"), g: shown("#input-g"), flag: shown(".mr-input--missing .mr-flag")};
	})()`)
	for _, sel := range []string{"header", "nav", "button"} {
		if shown[sel] {
			t.Errorf("print: the %s is shown", sel)
		}
	}
	for _, sel := range []string{"summary", "status", "a", "g", "flag"} {
		if !shown[sel] {
			t.Errorf("print: the %s is not shown", sel)
		}
	}
	pdf, err := chromedp.Run(tb.ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		t.Fatalf("print to PDF: %v", err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || len(pdf) < 2000 {
		t.Errorf("print to PDF: %d bytes", len(pdf))
	}
}
