package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"ismsgen/generator/model"
)

// fixClock makes every page the tab opens from now on see the given local
// date (at noon) as today: Date.now() and new Date() are replaced before
// the page's scripts run. The script comes through the DevTools protocol,
// so the page's Content-Security-Policy does not apply to it.
func fixClock(t *testing.T, tb *tab, d model.Date) {
	t.Helper()
	src := fmt.Sprintf(`(() => {
	const Real = Date, fixed = new Real(%d, %d, %d, 12, 0, 0).getTime();
	class FixedDate extends Real {
		constructor(...a) { if (a.length) super(...a); else super(fixed); }
		static now() { return fixed; }
	}
	globalThis.Date = FixedDate;
})();`, d.Year, d.Month-1, d.Day)
	if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		t.Fatal(err)
	}
}

// TestReviewStateFollowsTheClock: a page built on 2026-01-10 says a review
// due 2026-03-01 is fine; read on 2026-11-25, the page itself says it is
// overdue (document control: a printed or cached page must not claim a
// review is in order after its date).
func TestReviewStateFollowsTheClock(t *testing.T) {
	t.Parallel()
	needBrowser(t)
	dir := buildSite(t, "testdata/stale", model.Date{Year: 2026, Month: 1, Day: 10})
	html, err := os.ReadFile(filepath.Join(dir, "docs", "TEST-P-001", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), `review-state--ok" data-review-date="2026-03-01">正常`) {
		t.Fatalf("built on 2026-01-10, the page does not show the review of 2026-03-01 as 正常 (ok)")
	}
	const sel = `.doc-meta .review-state[data-review-date="2026-03-01"]`
	state := func(tb *tab) (class, label, whole string) {
		r := eval[[]string](t, tb, `(() => { const e = document.querySelector(`+jsString(sel)+`); return e ? [e.className, e.firstChild.textContent.trim(), e.textContent] : ["", "", ""]; })()`)
		return r[0], r[1], r[2]
	}
	for _, c := range []struct {
		today       model.Date
		class, text string
		banner      bool // the "review overdue" banner shows
	}{
		{model.Date{Year: 2026, Month: 1, Day: 10}, "review-state--ok", "正常", false},
		{model.Date{Year: 2026, Month: 2, Day: 20}, "review-state--due_soon", "即将到期", false},
		{model.Date{Year: 2026, Month: 11, Day: 25}, "review-state--overdue", "评审逾期", true},
	} {
		tb := newTab(t)
		fixClock(t, tb, c.today)
		tb.open(t, fileURL(dir, "docs/TEST-P-001/"))
		if got := eval[string](t, tb, `new Date().toISOString().slice(0, 10)`); !strings.HasPrefix(got, fmt.Sprintf("%04d-%02d", c.today.Year, c.today.Month)) {
			t.Fatalf("the fixed clock does not work: the page's date is %s", got)
		}
		class, text, whole := state(tb)
		if !strings.Contains(" "+class+" ", " "+c.class+" ") || strings.Count(class, "review-state--") != 1 || text != c.text {
			t.Errorf("read on %s: the review state is %q %q, want class %s and %q", c.today, class, text, c.class, c.text)
		}
		// The label and the date stay apart, as the build wrote them.
		if want := c.text + " 2026-03-01"; whole != want {
			t.Errorf("read on %s: the review state reads %q, want %q", c.today, whole, want)
		}
		banner := eval[bool](t, tb, `(() => { const b = document.querySelector(".banner--overdue"); return !!b && !b.hidden && b.getBoundingClientRect().height > 0; })()`)
		if banner != c.banner {
			t.Errorf("read on %s: overdue banner shown = %v, want %v", c.today, banner, c.banner)
		}
		errs, _ := tb.recorded()
		for _, e := range errs {
			t.Error(e)
		}
	}
}
