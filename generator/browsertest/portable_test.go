package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// styled is a JavaScript expression: the stylesheet applies (the header has
// the brand colour, not the browser's default transparent background).
const styled = `(() => { const h = document.querySelector(".site-header"); return !!h && getComputedStyle(h).backgroundColor !== "rgba(0, 0, 0, 0)"; })()`

// checkPages opens the home page, a document page and the search page of
// the site at base (a file:// URL or an http URL under a sub-path; at
// makes a page's URL) and checks that each is styled, runs its script, and finds
// documents; and that no request leaves the site.
func checkPages(t *testing.T, tb *tab, base string, at func(path string) string) {
	t.Helper()
	for _, p := range []string{"", "docs/ISMS-P-009/", "tiers/2/", "register/", "404.html"} {
		u := at(p)
		tb.reset()
		tb.open(t, u)
		if title := eval[string](t, tb, `document.title`); title == "" || strings.Contains(title, "Index of") || strings.Contains(title, "404") && p != "404.html" {
			t.Errorf("%s: title %q", u, title)
		}
		if !eval[bool](t, tb, styled) {
			t.Errorf("%s: the stylesheet did not load", u)
		}
		// The 404 page has no script: it stands alone (TestNotFoundAtDepth).
		if p != "404.html" && !eval[bool](t, tb, `!!document.querySelector("#site-search-q[role=combobox]")`) {
			t.Errorf("%s: the page script did not run (the header box is no combobox)", u)
		}
		errs, reqs := tb.recorded()
		for _, e := range errs {
			t.Errorf("%s: %s", u, e)
		}
		for _, r := range offsite(reqs, base) {
			t.Errorf("%s requests %s, outside the site", u, r)
		}
	}

	// Search from the search page.
	u := at(q("备份"))
	tb.reset()
	tb.open(t, u)
	if err := tb.poll(resultsMatch, tabTimeout/4, "#search-results", "", "ISMS-F-006"); err != nil {
		t.Fatalf("%s: the page shows %s (%v)", u, shown(t, tb, "#search-results"), err)
	}
	// A result opens its document.
	tb.follow(t, u+": click the first result", chromedp.Click(chromedp.CSS(`#search-results a[href*="docs/"]`)))
	if !eval[bool](t, tb, `!!document.querySelector(".doc-meta") && `+styled) {
		t.Errorf("%s: the first result opens %s, not a styled document page", u, eval[string](t, tb, `location.href`))
	}

	// Search from the header box of a document page: Enter goes to the
	// search page with the query.
	tb.open(t, at("docs/ISMS-P-009/"))
	tb.follow(t, "submit the header box", chromedp.SendKeys(chromedp.ID("site-search-q"), "VPN\n"))
	if err := tb.poll(resultsMatch, tabTimeout/4, "#search-results", "", "ISMS-G-001"); err != nil {
		t.Errorf("submitting VPN in the header box opens %s, which shows %s (%v)",
			eval[string](t, tb, `location.href`), shown(t, tb, "#search-results"), err)
	}
	errs, reqs := tb.recorded()
	for _, e := range errs {
		t.Errorf("searching: %s", e)
	}
	for _, r := range offsite(reqs, base) {
		t.Errorf("searching requests %s, outside the site", r)
	}
}

// TestFileURL: the site works when opened from the disk or a file share.
func TestFileURL(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	checkPages(t, tb, fileURL(s.dir, ""), func(p string) string { return fileURL(s.dir, p) })

	// The site's own links lead to pages, not to folder listings.
	tb.open(t, fileURL(s.dir, ""))
	for _, link := range []string{".site-nav a[href]", "main a[href^='docs/']"} {
		tb.follow(t, "follow "+link, chromedp.Click(chromedp.CSS(link)))
		if !eval[bool](t, tb, styled) {
			t.Errorf("from file://, the link %s opens %s, which is not a page of the site", link, eval[string](t, tb, `location.href`))
		}
		tb.open(t, fileURL(s.dir, ""))
	}
}

// TestSubPath: the site works under any path prefix.
func TestSubPath(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	checkPages(t, tb, s.sub, func(p string) string { return s.sub + p })
	// Every same-site request stayed under the prefix.
	tb.reset()
	tb.open(t, s.sub+"docs/ISMS-P-009/")
	tb.do(t, "focus the header box", chromedp.Focus(chromedp.ID("site-search-q")))
	tb.do(t, "type", chromedp.SendKeys(chromedp.ID("site-search-q"), "备份"))
	if err := tb.poll(resultsMatch, tabTimeout/4, "#site-search-list", "", "ISMS-F-006"); err != nil {
		t.Errorf("header box under %s: %s (%v)", prefix, shown(t, tb, "#site-search-list"), err)
	}
	_, reqs := tb.recorded()
	for _, r := range reqs {
		if !strings.HasPrefix(r, s.sub) {
			t.Errorf("under %s the page requests %s", prefix, r)
		}
	}
	// The links of the drop-down stay under the prefix too.
	bad := eval[[]string](t, tb, `[...document.querySelectorAll("#site-search-list a")].map(a => a.href).filter(h => !h.startsWith(`+jsString(s.sub)+`))`)
	if len(bad) > 0 {
		t.Errorf("drop-down links outside %s: %q", prefix, bad)
	}
}
