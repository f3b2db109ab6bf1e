package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// compose types text through an input method, as a Chinese reader does:
// the pinyin being composed (each of spelling, in turn), then the
// characters chosen.
func compose(t *testing.T, tb *tab, chosen string, spelling ...string) {
	t.Helper()
	for _, s := range spelling {
		n := int64(len([]rune(s)))
		if _, err := chromedp.Call(tb.ctx, input.ImeSetComposition, input.ImeSetCompositionParams{Text: s, SelectionStart: n, SelectionEnd: n}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := chromedp.Call(tb.ctx, input.InsertText, input.InsertTextParams{Text: chosen}); err != nil {
		t.Fatal(err)
	}
}

// TestSearchInputMethod: the pinyin an input method composes is no
// query: the results page and the header box search, and say, only what
// is chosen.
func TestSearchInputMethod(t *testing.T) {
	t.Parallel()
	s := sampleSite(t)
	tb := newTab(t)
	tb.open(t, s.root+"search/")
	// Every query the page puts in its address, as it does at once.
	tb.do(t, "focus the box", chromedp.Evaluate[chromedp.Void](`(() => {
		window.queries = [];
		const replace = history.replaceState.bind(history);
		history.replaceState = (s, t, u) => { window.queries.push(new URL(u, location.href).searchParams.get("q")); replace(s, t, u); };
		document.getElementById("search-page-q").focus();
	})()`))
	compose(t, tb, "备份", "bei", "bei'fen")
	if err := tb.poll(resultsMatch, tabTimeout/4, "#search-results", "", "ISMS-F-006 ISMS-P-007"); err != nil {
		t.Fatalf("after choosing 备份, the page shows %s (%v)", shown(t, tb, "#search-results"), err)
	}
	if qs := eval[[]string](t, tb, `window.queries.filter(q => q !== "备份")`); len(qs) > 0 {
		t.Errorf("the page searched what the input method was composing: %q", qs)
	}
	// The header box's drop-down shows what is chosen.
	tb.open(t, s.root+"docs/ISMS-P-009/")
	tb.do(t, "focus the header box", chromedp.Focus(chromedp.ID("site-search-q")))
	compose(t, tb, "备份", "bei", "bei'fen")
	if err := tb.poll(resultsMatch, tabTimeout/4, "#site-search-list", "", "ISMS-F-006"); err != nil {
		t.Errorf("after choosing 备份, the drop-down shows %s (%v)", shown(t, tb, "#site-search-list"), err)
	}
}

// TestListFilterInputMethod: a list's text filter filters by the
// characters chosen with an input method.
func TestListFilterInputMethod(t *testing.T) {
	t.Parallel()
	s := listSite(t)
	tb := newTab(t)
	tb.open(t, s.root+"register/")
	tb.do(t, "focus the filter", chromedp.Focus(chromedp.ID("docs-q")))
	compose(t, tb, "管理", "guan", "guan'li")
	if err := tb.poll(`() => location.search.includes("docs.q=" + encodeURIComponent("管理")) && document.querySelector("#list-docs .list-status").textContent !== ""`, tabTimeout/3); err != nil {
		t.Fatalf("after choosing 管理: the address %s, the status %q (%v)", eval[string](t, tb, `location.search`), eval[string](t, tb, `document.querySelector("#list-docs .list-status").textContent`), err)
	}
	// The rows follow the address and the status as the list is drawn
	// again: on a busy machine, a moment later.
	const titles = `[...document.querySelectorAll("#list-docs tbody td:nth-child(2)")].map(td => td.textContent)`
	if err := tb.poll(`() => { const t = `+titles+`; return t.length > 0 && t.every(s => s.includes("管理")); }`, tabTimeout/3); err != nil {
		shown := eval[[]string](t, tb, titles)
		if len(shown) == 0 {
			t.Fatalf("filtered by 管理, the list shows no row (%v)", err)
		}
		for _, title := range shown {
			if !strings.Contains(title, "管理") {
				t.Errorf("filtered by 管理, the list shows %q (%v)", title, err)
				break
			}
		}
	}
}

// TestHeaderSearchKeysWhileComposing: while an input method composes,
// the arrow keys and Enter are the input method's (choosing and
// committing characters): the header box's drop-down leaves them be.
func TestHeaderSearchKeysWhileComposing(t *testing.T) {
	t.Parallel()
	s := sampleSite(t)
	tb := newTab(t)
	tb.open(t, s.root+"docs/ISMS-P-009/")
	tb.do(t, "type PR-002", chromedp.SendKeys(chromedp.ID("site-search-q"), "PR-002"))
	if err := tb.poll(resultsMatch, tabTimeout/4, "#site-search-list", "ISMS-PR-002", ""); err != nil {
		t.Fatalf("typing PR-002: the drop-down shows %s (%v)", shown(t, tb, "#site-search-list"), err)
	}
	tb.do(t, "ArrowDown", press("ArrowDown", "ArrowDown", "", 40))
	for _, key := range []string{"ArrowDown", "ArrowUp", "Enter", "Escape"} {
		taken := eval[bool](t, tb, `(() => {
			const e = new KeyboardEvent("keydown", {key: `+jsString(key)+`, isComposing: true, bubbles: true, cancelable: true});
			return !document.getElementById("site-search-q").dispatchEvent(e);
		})()`)
		if taken {
			t.Errorf("%s while composing: the drop-down takes the key from the input method", key)
		}
	}
}
