package browsertest

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// offsite returns the requests that leave the site: over HTTP any host but
// the test server's, from file:// any scheme but file:; data: URLs are
// always fine.
func offsite(requests []string, base string) []string {
	b, err := url.Parse(base)
	if err != nil {
		panic(err)
	}
	var bad []string
	for _, r := range requests {
		u, err := url.Parse(r)
		switch {
		case err != nil:
			bad = append(bad, r)
		case u.Scheme == "data":
		case b.Scheme == "file":
			if u.Scheme != "file" {
				bad = append(bad, r)
			}
		case u.Scheme != b.Scheme || u.Host != b.Host:
			bad = append(bad, r)
		}
	}
	return bad
}

// TestPagesAreClean opens a page of every kind, at the root and under a
// sub-path, and fails on anything the page logs as an error (console
// errors, uncaught exceptions, CSP violations, failed loads) and on any
// request to another host.
func TestPagesAreClean(t *testing.T) {
	t.Parallel()
	tb := newTab(t)
	s := sampleSite(t)
	pages := pageTypes(t, s.dir)
	for _, base := range []string{s.root, s.sub} {
		for _, p := range pages {
			u := base + p.path
			tb.reset()
			tb.open(t, u)
			// Let the page script finish its work: the search page loads
			// the index and shows results, other pages are done at load.
			if strings.HasPrefix(p.path, "search/") {
				if err := tb.poll(`() => (document.getElementById("search-status")?.textContent || "").match(/\d/)`, tabTimeout/3); err != nil {
					t.Errorf("%s: the search page shows no result count: %v", u, err)
				}
			}
			// A round trip: events sent before it have arrived.
			eval[chromedp.Void](t, tb, `0`)
			errs, reqs := tb.recorded()
			for _, e := range errs {
				t.Errorf("%s (%s): %s", p.name, u, e)
			}
			for _, r := range offsite(reqs, base) {
				t.Errorf("%s (%s) requests %s, outside the site", p.name, u, r)
			}
			if len(reqs) == 0 {
				t.Fatalf("%s (%s): no request was recorded: the recorder is broken", p.name, u)
			}
			// The 404 page's style is inline: it stands alone at any depth.
			if p.path != "404.html" && !strings.Contains(strings.Join(reqs, "\n"), "/assets/") {
				t.Errorf("%s (%s) loads nothing from assets/: %q", p.name, u, reqs)
			}
		}
	}

	// The recorder itself: an error logged by a script, an image that the
	// Content-Security-Policy blocks, and a request to another host (a
	// TEST-NET address, which goes nowhere) are all caught.
	tb.reset()
	tb.open(t, s.root)
	eval[chromedp.Void](t, tb, `console.error("self-test"); document.body.appendChild(Object.assign(document.createElement("img"), {src: "http://192.0.2.1/x.png"}))`)
	if err := tb.poll(`() => true`, tabTimeout/4); err != nil { // a round trip
		t.Fatal(err)
	}
	errs, reqs := tb.recorded()
	joined := strings.Join(errs, "\n")
	if !strings.Contains(joined, "self-test") || !strings.Contains(joined, "Content Security Policy") {
		t.Errorf("the recorder missed the console error or the CSP violation: %q", errs)
	}
	if bad := offsite(reqs, s.root); len(bad) != 1 || bad[0] != "http://192.0.2.1/x.png" {
		t.Errorf("the recorder missed the request to another host: offsite(%q) = %q", reqs, bad)
	}
}

// An axeViolation is one failed axe-core rule.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
		HTML    string `json:"html"`
	} `json:"nodes"`
}

// axeInstall makes every page that the tab opens from now on load axe-core
// before its own scripts. The script comes through the DevTools protocol,
// which the page's Content-Security-Policy does not govern, and it is sent
// once per tab rather than once per page.
func axeInstall(t *testing.T, tb *tab, src string) {
	t.Helper()
	if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		t.Fatal(err)
	}
}

// axeRun runs axe-core on the page open in the tab (see axeInstall), with
// the given rules only, or all of them when rules is empty.
func axeRun(t *testing.T, tb *tab, rules ...string) []axeViolation {
	t.Helper()
	if !eval[bool](t, tb, `typeof window.axe === "object"`) {
		t.Fatal("axe-core is not loaded in the page")
	}
	opts := `{resultTypes: ["violations"]}`
	if len(rules) > 0 {
		list, _ := json.Marshal(rules)
		opts = `{resultTypes: ["violations"], runOnly: {type: "rule", values: ` + string(list) + `}}`
	}
	raw := eval[[]byte](t, tb, `axe.run(document, `+opts+`).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help,
		nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary || "", html: n.html.slice(0, 160)})),
	})))`, chromedp.EvalAwaitPromise)
	var vs []axeViolation
	if err := json.Unmarshal(raw, &vs); err != nil {
		t.Fatalf("axe results: %v", err)
	}
	return vs
}

// TestAxe audits a page of every kind with axe-core, with every rule in the
// light colour scheme and the colour rules in the dark one: no violation of
// impact serious or critical; the others are logged.
func TestAxe(t *testing.T) {
	t.Parallel()
	needBrowser(t)
	src, err := axeSource()
	if err != nil {
		missing(t, err.Error())
	}
	s := sampleSite(t)
	pages := pageTypes(t, s.dir)
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			t.Parallel()       // a tab each: the two cores audit at once
			var rules []string // all
			if scheme == "dark" {
				rules = []string{"color-contrast", "link-in-text-block"}
			}
			// Each page is an audit of a few seconds, more on a busy machine.
			tb := newTabTimeout(t, tabTimeout+time.Duration(len(pages))*5*time.Second)
			axeInstall(t, tb, src)
			_, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range pages {
				u := s.root + p.path
				tb.open(t, u)
				if strings.HasPrefix(p.path, "search/") {
					if err := tb.poll(`() => document.querySelector("#search-results .search-snippet mark")`, tabTimeout/3); err != nil {
						t.Errorf("%s: no search result with a snippet: %v", u, err)
					}
				}
				axeReport(t, scheme+", "+p.name+" ("+p.path+")", axeRun(t, tb, rules...))
			}

			// The header box with its drop-down open.
			tb.open(t, s.root+"docs/ISMS-P-009/")
			tb.do(t, "type in the header box", chromedp.SendKeys(chromedp.ID("site-search-q"), "备份"))
			if err := tb.poll(resultsMatch, tabTimeout/4, "#site-search-list", "", "ISMS-F-006"); err != nil {
				t.Errorf("the header drop-down shows %s (%v)", shown(t, tb, "#site-search-list"), err)
			}
			tb.do(t, "ArrowDown", press("ArrowDown", "ArrowDown", "", 40))
			axeReport(t, scheme+", header drop-down open", axeRun(t, tb, rules...))

			if scheme == "light" {
				// The audit itself: an image without a text alternative is caught.
				eval[chromedp.Void](t, tb, `document.querySelector("main").appendChild(document.createElement("img")).src = "data:image/gif;base64,R0lGODlhAQABAAAAACw="`)
				found := false
				for _, v := range axeRun(t, tb) {
					found = found || v.ID == "image-alt"
				}
				if !found {
					t.Errorf("axe did not catch an image without alt: the audit does not work")
				}
			}
		})
	}
}

// axeReport fails the test on violations of impact serious or critical,
// and logs the others.
func axeReport(t *testing.T, what string, vs []axeViolation) {
	t.Helper()
	serious := 0
	for _, v := range vs {
		if v.Impact == "serious" || v.Impact == "critical" {
			serious++
		}
	}
	t.Logf("axe %s: %d violations, %d serious or critical", what, len(vs), serious)
	for _, v := range vs {
		report := t.Logf
		if v.Impact == "serious" || v.Impact == "critical" {
			report = t.Errorf
		}
		for i, n := range v.Nodes {
			if i == 5 {
				report("  … %d more", len(v.Nodes)-i)
				break
			}
			report("axe %s: %s [%s] %s: %s\n    %s", what, v.ID, v.Impact, v.Help, n.Target, n.HTML)
		}
	}
}

// TestPhoneWidth opens a page of every kind on a 375 px wide phone: nothing
// may make the page wider than the screen (wide tables scroll in their own
// box or become cards), and axe-core finds nothing serious there either: a
// table that scrolls in its box must take the keyboard's focus to be
// scrolled without a mouse, which it need not on a wide screen.
func TestPhoneWidth(t *testing.T) {
	t.Parallel()
	s := sampleSite(t)
	pages := pageTypes(t, s.dir)
	tb := newTabTimeout(t, tabTimeout+time.Duration(len(pages))*5*time.Second)
	src, noAxe := axeSource()
	if noAxe == nil {
		axeInstall(t, tb, src)
	}
	tb.do(t, "emulate a phone", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile))
	for _, p := range pages {
		u := s.root + p.path
		tb.open(t, u)
		if strings.HasPrefix(p.path, "search/") {
			if err := tb.poll(`() => document.querySelector("#search-results .search-snippet mark")`, tabTimeout/3); err != nil {
				t.Errorf("%s: no search result with a snippet: %v", u, err)
			}
		}
		if w := measure(t, tb); w.tooWide() {
			t.Errorf("%s (%s) is %d px wide on a 375 px phone (innerWidth %d, clientWidth %d); too wide:\n  %s",
				p.name, u, w.Scroll, w.Inner, w.Client, strings.Join(w.Culprit, "\n  "))
		}
		if noAxe == nil {
			axeReport(t, "375 px, "+p.name+" ("+p.path+")", axeRun(t, tb))
		}
	}
	if noAxe != nil {
		t.Logf("no audit with axe-core at 375 px: %v", noAxe)
	}

	// A box takes the focus while it scrolls, and no longer once the
	// window is wide enough for it: a table that fits is no stop for Tab.
	tb.open(t, s.root+"docs/ISMS-P-009/")
	if n := eval[int](t, tb, `document.querySelectorAll(".table-wrap[tabindex='0']").length`); n == 0 {
		t.Errorf("375 px: no table box of docs/ISMS-P-009/ takes the focus")
	}
	tb.do(t, "a wide window", chromedp.EmulateViewport(1280, 900))
	if err := tb.poll(`() => document.querySelectorAll("[tabindex='0']:not(a, button, input, select, textarea, summary, main)").length === 0`, tabTimeout/4); err != nil {
		t.Errorf("1280 px: boxes that fit still take the focus: %v", eval[[]string](t, tb, `[...document.querySelectorAll("[tabindex='0']")].map(e => e.outerHTML.slice(0, 60))`))
	}
	tb.do(t, "a phone again", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile))

	// The check itself: a 600 px wide box is caught.
	eval[chromedp.Void](t, tb, `document.querySelector("main").appendChild(document.createElement("div")).style.width = "600px"`)
	if w := measure(t, tb); !w.tooWide() || len(w.Culprit) == 0 {
		t.Errorf("a 600 px box on a 375 px phone was not caught: %+v", w)
	}
}

// A width is how wide a page is, and what sticks out.
type width struct {
	Scroll  int      `json:"scroll"`
	Inner   int      `json:"inner"`
	Client  int      `json:"client"`
	Culprit []string `json:"culprit"`
}

func (w width) tooWide() bool {
	return w.Scroll > w.Inner || w.Scroll > 375 || w.Client > 375 || len(w.Culprit) > 0
}

// measure measures the page open in the tab.
func measure(t *testing.T, tb *tab) width {
	t.Helper()
	return eval[width](t, tb, `(() => {
		const root = document.documentElement, vw = root.clientWidth, culprit = [];
		// Elements that stick out to the right, and are not inside a box
		// that scrolls or clips them.
		for (const el of document.body.querySelectorAll("*")) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.right <= vw + 0.5) continue;
			let clipped = false;
			for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
				if (getComputedStyle(a).overflowX !== "visible") { clipped = true; break; }
			}
			if (clipped) continue;
			if (culprit.length < 6) culprit.push(el.tagName.toLowerCase() + (el.className ? "." + String(el.className).trim().split(/\s+/).join(".") : "") + " right=" + Math.round(r.right) + ": " + (el.textContent || "").trim().slice(0, 40));
		}
		return {scroll: root.scrollWidth, inner: window.innerWidth, client: vw, culprit};
	})()`)
}
