package browsertest

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"ismsgen"
	"ismsgen/generator"
	"ismsgen/generator/model"
)

// now is the build date of the sample site in these tests.
var now = model.Date{Year: 2026, Month: 11, Day: 25}

// repoRoot is the repository root: the sample site's source.
const repoRoot = "../.."

// prefix is the sub-path under which the sub-path server publishes the site.
const prefix = "/intranet/isms/"

// tabTimeout bounds everything one test does in its tab.
const tabTimeout = 45 * time.Second

var (
	// browser is the context of the one browser that every test shares; nil
	// when there is none, and noBrowser says why.
	browser   context.Context
	noBrowser string
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	defer closeSample()
	defer closeLists()
	defer closeEnglish()
	path, why := chromiumPath()
	if path == "" {
		noBrowser = why
		return m.Run()
	}
	profile, err := os.MkdirTemp("", "ismsgen-chromium-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(profile)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoSandbox, // root in containers and CI
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil { // starts the browser, with no timeout
		noBrowser = fmt.Sprintf("cannot start %s: %v", path, err)
	} else {
		browser = ctx
	}
	return m.Run()
}

// chromiumPath finds Chromium: $ISMSGEN_CHROMIUM, else the first browser on
// $PATH or at Debian's path.
func chromiumPath() (path, why string) {
	if p := os.Getenv("ISMSGEN_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", "ISMSGEN_CHROMIUM: " + err.Error()
		}
		return p, ""
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, ""
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", ""
	}
	return "", "Chromium not found (apt-get install chromium, or set ISMSGEN_CHROMIUM)"
}

// missing skips the test when something the test needs is not installed,
// and fails it in CI, where .ci/run installs everything.
func missing(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("CI: %s", why)
	}
	t.Skip(why)
}

// axeSource is axe.min.js, read once.
var axeSource = sync.OnceValues(func() (string, error) {
	p := os.Getenv("ISMSGEN_AXE")
	if p == "" {
		p = filepath.Join(repoRoot, ".cache", "node_modules", "axe-core", "axe.min.js")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return "", fmt.Errorf("axe-core not installed (npm install --prefix .cache axe-core@4, or set ISMSGEN_AXE): %v", err)
	}
	return string(data), nil
})

// ---- the site ----

// buildSite builds source into a new temporary folder and fails the test on
// any error.
func buildSite(t testing.TB, source string, date model.Date) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(generator.Options{
		Source: source, Dest: dest, Now: date,
		Defaults: generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()},
	})
	if err != nil {
		t.Fatalf("build %s: %v", source, err)
	}
	if res.Diagnostics.HasErrors() {
		var b bytes.Buffer
		res.Diagnostics.Print(&b, nil)
		t.Fatalf("build %s:\n%s", source, b.String())
	}
	return dest
}

// A site is the sample site, built once, and the servers that publish it.
type site struct {
	dir    string // the output folder
	root   string // http://127.0.0.1:port/ : the site at the root
	sub    string // http://127.0.0.1:port/intranet/isms/ : the site under a sub-path
	server *httptest.Server
}

var (
	sampleOnce sync.Once
	sample     *site
	sampleErr  string
	sampleTemp string
)

// closeSample stops the servers and removes the sample's output.
func closeSample() {
	if sample != nil {
		sample.server.Close()
	}
	if sampleTemp != "" {
		os.RemoveAll(sampleTemp)
	}
}

// sampleSite builds the sample site (once for the test binary) and serves it
// on loopback, both at / and under /intranet/isms/.
func sampleSite(t *testing.T) *site {
	t.Helper()
	sampleOnce.Do(func() {
		dir, err := os.MkdirTemp("", "ismsgen-browsertest-")
		if err != nil {
			sampleErr = err.Error()
			return
		}
		sampleTemp = dir // removed by closeSample when the tests end
		dest := filepath.Join(dir, "public")
		res, err := generator.Build(generator.Options{
			Source: repoRoot, Dest: dest, Now: now,
			Defaults: generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()},
		})
		if err == nil && res.Diagnostics.HasErrors() {
			var b bytes.Buffer
			res.Diagnostics.Print(&b, nil)
			err = fmt.Errorf("%s", b.String())
		}
		if err != nil {
			sampleErr = "build the sample site: " + err.Error()
			return
		}
		files := http.FileServer(http.Dir(dest))
		mux := http.NewServeMux()
		mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), files))
		mux.Handle("/", files)
		srv := httptest.NewServer(mux) // loopback
		sample = &site{dir: dest, root: srv.URL + "/", sub: srv.URL + prefix, server: srv}
	})
	if sample == nil {
		t.Fatal(sampleErr)
	}
	return sample
}

// fileURL is the file:// URL of a page of the output folder dir; path is
// site-relative ("docs/X/", "search/?q=…"), and a folder means its
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
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	return u.String() + query
}

// q makes the search page's path for a query.
func q(query string) string { return "search/?q=" + url.QueryEscape(query) }

// A pageType is one kind of page and the path of an example of it.
type pageType struct {
	name string
	path string // relative to the site root, as a link in the site would have it
}

// pageTypes lists one page of every kind the build at dir has. The list
// grows by itself: every top-level section with an index.html is in it,
// with its first sub-page (distribution/<dept>/, owners/<dept>/,
// controls/<id>/, …).
func pageTypes(t *testing.T, dir string) []pageType {
	t.Helper()
	exists := func(p string) bool {
		if strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p)))
		return err == nil
	}
	var pages []pageType
	add := func(name, path string) {
		for _, p := range pages {
			if p.path == path {
				return
			}
		}
		pages = append(pages, pageType{name, path})
	}
	for _, p := range []pageType{
		{"home", ""},
		{"document", "docs/ISMS-P-009/"},
		{"document with attachments", "docs/ISMS-F-006/"},
		{"obsolete document", "docs/ISMS-PR-001/"},
		{"statement of applicability document", "docs/ISMS-SOA-001/"},
		{"tier", "tiers/2/"},
		{"register", "register/"},
		{"search", "search/"},
		{"404", "404.html"},
	} {
		if exists(p.path) {
			add(p.name, p.path)
		} else if p.name == "home" || p.name == "document" || p.name == "search" {
			t.Fatalf("the build has no %s page %q", p.name, p.path)
		}
	}
	for i := range pages {
		if pages[i].path == "search/" {
			pages[i].path = q("备份")
		}
	}
	sections, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sections {
		name := s.Name()
		if !s.IsDir() || name == "assets" || name == "docs" || name == "search" || name == "tiers" {
			continue
		}
		if exists(name + "/") {
			add(name, name+"/")
		}
		if name == "controls" && exists("controls/5.1/") {
			add("controls/<id>", "controls/5.1/")
			continue
		}
		subs, err := os.ReadDir(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		sort.Slice(subs, func(i, j int) bool { return subs[i].Name() < subs[j].Name() })
		for _, sub := range subs {
			if sub.IsDir() && exists(name+"/"+sub.Name()+"/") {
				add(name+"/<"+sub.Name()+">", name+"/"+sub.Name()+"/")
				break
			}
		}
	}
	return pages
}

// ---- tabs ----

// A tab is a browser tab of its own for one test, recording what the page
// logs and requests.
type tab struct {
	ctx context.Context

	mu       sync.Mutex
	errors   []string // console errors, uncaught exceptions, browser log errors
	requests []string // every URL requested
}

// needBrowser skips or fails the test when there is no browser.
func needBrowser(t *testing.T) {
	t.Helper()
	if browser == nil {
		missing(t, noBrowser)
	}
}

// newTab opens a tab in the shared browser; it closes with the test.
func newTab(t *testing.T) *tab {
	t.Helper()
	return newTabTimeout(t, tabTimeout)
}

// newTabTimeout is newTab with its own bound on what the test does in it,
// for a test that goes through many pages.
func newTabTimeout(t *testing.T, timeout time.Duration) *tab {
	t.Helper()
	needBrowser(t)
	tabCtx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	if err := chromedp.Do(tabCtx); err != nil { // opens the tab, with no timeout
		t.Fatalf("open a tab: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(tabCtx, timeout)
	t.Cleanup(cancelTimeout)
	tb := &tab{ctx: ctx}
	err := chromedp.Listen(tabCtx, func(ev any) {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var parts []string
				for _, a := range ev.Args {
					if a.Value != nil {
						parts = append(parts, string(a.Value))
					} else {
						parts = append(parts, a.Description)
					}
				}
				tb.errors = append(tb.errors, "console."+string(ev.Type)+": "+strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				msg += " " + d.Exception.Description
			}
			tb.errors = append(tb.errors, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
		case *log.EventEntryAdded:
			if e := ev.Entry; e != nil && e.Level == log.EntryLevelError {
				tb.errors = append(tb.errors, fmt.Sprintf("log (%s): %s %s", e.Source, e.Text, e.URL))
			}
		case *network.EventRequestWillBeSent:
			if ev.Request != nil {
				tb.requests = append(tb.requests, ev.Request.URL)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// reset forgets what was recorded so far.
func (tb *tab) reset() {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.errors, tb.requests = nil, nil
}

// recorded returns what was recorded since the last reset.
func (tb *tab) recorded() (errors, requests []string) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.errors...), append([]string(nil), tb.requests...)
}

// do runs the actions in the tab and fails the test on an error.
func (tb *tab) do(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// open navigates to u and waits for the load event.
func (tb *tab) open(t *testing.T, u string) {
	t.Helper()
	tb.do(t, "open "+u, chromedp.Navigate(u))
}

// follow runs an action that leads to another page (a click, a key) and
// waits for that page to load.
func (tb *tab) follow(t *testing.T, what string, action chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, tabTimeout/3)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, action)); err != nil {
		t.Fatalf("%s: no page loaded: %v", what, err)
	}
}

// eval evaluates a JavaScript expression and decodes its value.
func eval[T any](t *testing.T, tb *tab, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		t.Fatalf("evaluate %s: %v", firstLine(expr), err)
	}
	return v
}

// poll waits until the JavaScript function, called with args, returns a
// truthy value; it reports whether it did within the timeout.
// A navigation while it polls (a reload that serve sends, say) destroys
// the page's JavaScript context under the poll: it polls again in the new
// page, within the same timeout.
func (tb *tab) poll(fn string, timeout time.Duration, args ...any) error {
	deadline := time.Now().Add(timeout)
	for {
		_, err := chromedp.Run(tb.ctx, chromedp.PollFunction[chromedp.Void](fn,
			chromedp.WithPollingArgs(args...), chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil || !contextLost(err) || time.Now().After(deadline) {
			return err
		}
	}
}

// contextLost reports whether err says that the JavaScript context an
// evaluation ran in went away with its page.
func contextLost(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "Cannot find context with specified id") ||
		strings.Contains(msg, "Execution context was destroyed") ||
		strings.Contains(msg, "Inspected target navigated or closed")
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	if len(s) > 80 {
		s = s[:80] + " …"
	}
	return s
}
