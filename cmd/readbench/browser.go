package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// pageTimeout bounds one page or query: a page of an earlier version at
// 50,000 documents took most of a minute to load.
const pageTimeout = 3 * time.Minute

// browser is one headless Chromium for all the measurements.
type browser struct {
	ctx    context.Context
	cancel func()
	runs   int // each page and query is measured this many times; the median counts
}

func startBrowser(path string) (*browser, error) {
	if path == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("chromium not found (apt-get install -y chromium, or -chromium PATH): %v", err)
	}
	profile, err := os.MkdirTemp("", "readbench-chromium-")
	if err != nil {
		return nil, err
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path), chromedp.UserDataDir(profile), chromedp.Headless, chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("lang", "zh-CN"), chromedp.WindowSize(1280, 900))
	ctx, cancel := chromedp.NewContext(alloc)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		os.RemoveAll(profile)
		return nil, fmt.Errorf("start %s: %v", path, err)
	}
	return &browser{ctx: ctx, cancel: func() { cancel(); cancelAlloc(); os.RemoveAll(profile) }}, nil
}

func (b *browser) close() { b.cancel() }

// tab opens a new tab with the cache disabled, counting the bytes it
// receives; cancel closes it.
func (b *browser) tab() (ctx context.Context, received *atomic.Int64, cancel func(), err error) {
	tabCtx, cancelTab := chromedp.NewContext(b.ctx)
	if err := chromedp.Do(tabCtx); err != nil { // opens the tab, with no timeout
		cancelTab()
		return nil, nil, nil, err
	}
	ctx, cancelTimeout := context.WithTimeout(tabCtx, pageTimeout)
	cancel = func() { cancelTimeout(); cancelTab() }
	received = new(atomic.Int64)
	err = chromedp.Listen(tabCtx, func(ev any) {
		if e, ok := ev.(*network.EventLoadingFinished); ok {
			received.Add(int64(e.EncodedDataLength))
		}
	})
	if err == nil {
		_, err = chromedp.Call(ctx, network.Enable, network.EnableParams{})
	}
	if err == nil {
		_, err = chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
	}
	if err != nil {
		cancel()
		return nil, nil, nil, err
	}
	return ctx, received, cancel, nil
}

// pageRun is one page opened in a new tab.
type pageRun struct {
	htmlPage
	mode      string
	load, fcp float64 // ms from navigation start
	nodes     int
	err       string
}

// loadPage opens u and reads its load event, first contentful paint and
// number of nodes.
func (b *browser) loadPage(u string) (pageRun, error) {
	var r pageRun
	ctx, _, cancel, err := b.tab()
	if err != nil {
		return r, err
	}
	defer cancel()
	err = chromedp.Do(ctx, chromedp.Navigate(u),
		chromedp.Poll[chromedp.Void](`(() => { const n = performance.getEntriesByType("navigation")[0]; return n && n.loadEventEnd > 0 && performance.getEntriesByName("first-contentful-paint").length > 0; })()`,
			chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		return r, err
	}
	m, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Load, FCP float64
		Nodes     int
	}](`(() => {
		const n = performance.getEntriesByType("navigation")[0], f = performance.getEntriesByName("first-contentful-paint")[0];
		let nodes = 0;
		for (const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL); w.nextNode();) nodes++;
		return {load: n.loadEventEnd, fcp: f ? f.startTime : -1, nodes};
	})()`))
	r.load, r.fcp, r.nodes = m.Load, m.FCP, m.Nodes
	return r, err
}

// query is a search to run.
type query struct{ name, text string }

// searchRun is one search: the time to its first result, the bytes
// received meanwhile and the number of results.
type searchRun struct {
	ms    float64
	bytes int64
	hits  int
}

// queryRun is a query searched from a fresh load and typed, from file:// or over http.
type queryRun struct {
	query
	mode         string
	fresh, typed searchRun
	err          string
}

// firstResult, run in the page before its scripts, records when the
// search page first shows a result.
const firstResult = `new MutationObserver(() => {
	if (window.readbenchFirst === undefined && document.querySelector("#search-results .search-id")) {
		window.readbenchFirst = performance.now();
	}
}).observe(document, {subtree: true, childList: true});`

// freshSearch opens the search page at u (search/?q=…) in a new tab and
// measures the time from navigation start to the first result.
func (b *browser) freshSearch(u string) (searchRun, error) {
	var r searchRun
	ctx, received, cancel, err := b.tab()
	if err != nil {
		return r, err
	}
	defer cancel()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: firstResult}); err != nil {
		return r, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(u),
		chromedp.Poll[chromedp.Void](`window.readbenchFirst !== undefined`, chromedp.WithPollingTimeout(time.Minute))); err != nil {
		return r, err
	}
	r.bytes = received.Load()
	if r.ms, err = chromedp.Run(ctx, chromedp.Evaluate[float64](`window.readbenchFirst`)); err != nil {
		return r, err
	}
	status, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("search-status")?.textContent || ""`))
	r.hits = firstNumber(status)
	return r, err
}

// typedSearch opens the page at u, types q into the header's search box
// and measures the time from the input to the first result in its list.
func (b *browser) typedSearch(u, q string) (searchRun, error) {
	var r searchRun
	ctx, received, cancel, err := b.tab()
	if err != nil {
		return r, err
	}
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		return r, err
	}
	before := received.Load()
	r.ms, err = chromedp.Run(ctx, chromedp.Evaluate[float64](`new Promise((resolve) => {
		const input = document.getElementById("site-search-q"), q = `+jsString(q)+`, t0 = performance.now();
		const done = () => {
			const list = document.getElementById("site-search-list");
			if (list && list.dataset.q === q && list.querySelector(".search-id")) resolve(performance.now() - t0);
		};
		new MutationObserver(done).observe(document.body, {subtree: true, childList: true, attributes: true});
		input.focus();
		input.value = q;
		input.dispatchEvent(new Event("input", {bubbles: true}));
	})`, chromedp.EvalAwaitPromise))
	r.bytes = received.Load() - before
	return r, err
}

// filterRun is the first use of a list's text filter.
type filterRun struct {
	mode  string
	ms    float64
	rows  int
	bytes int64
	err   string
}

// filterList opens the register at u and types text into its filter: the
// time until the rows shown all hold it (the list's data loads then).
func (b *browser) filterList(u, text string) (filterRun, error) {
	var r filterRun
	ctx, received, cancel, err := b.tab()
	if err != nil {
		return r, err
	}
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		return r, err
	}
	if has, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.getElementById("docs-q")`)); err != nil || !has {
		return r, fmt.Errorf("the register has no filter")
	}
	before := received.Load()
	m, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		MS   float64
		Rows int
	}](`new Promise((resolve) => {
		const input = document.getElementById("docs-q"), text = `+jsString(text)+`, t0 = performance.now();
		const done = () => {
			const ids = [...document.querySelectorAll("#list-docs tbody td.doc-id")].map((td) => td.textContent);
			if (ids.length && ids.every((id) => id.includes(text))) resolve({ms: performance.now() - t0, rows: ids.length});
		};
		new MutationObserver(done).observe(document.querySelector("#list-docs tbody"), {childList: true});
		input.value = text;
		input.dispatchEvent(new Event("input", {bubbles: true}));
	})`, chromedp.EvalAwaitPromise))
	r.ms, r.rows, r.bytes = m.MS, m.Rows, received.Load()-before
	return r, err
}

// fileURL is the file:// URL of a page of the output folder dir; path is
// site-relative ("register/", "search/?q=…"), and a folder means its
// index.html, as a file share has no directory index.
func fileURL(dir, path string) string {
	query := ""
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path, query = path[:i], path[i:]
	}
	if path == "" || strings.HasSuffix(path, "/") {
		path += "index.html"
	}
	abs, err := filepath.Abs(filepath.Join(dir, filepath.FromSlash(path)))
	if err != nil {
		panic(err)
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String() + query
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// firstNumber is the first run of digits in s (commas skipped), 0 for none.
func firstNumber(s string) int {
	n, seen := 0, false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n, seen = n*10+int(r-'0'), true
		case r == ',' && seen:
		case seen:
			return n
		}
	}
	return n
}
