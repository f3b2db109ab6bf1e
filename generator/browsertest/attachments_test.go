package browsertest

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"ismsgen"
	"ismsgen/generator"
	"ismsgen/generator/internal/filetype"
	"ismsgen/generator/serve"
)

// ran is the title a payload's script gives its page.
const ran = "ISMSGEN-SCRIPT-RAN"

// payload is an attachment's content: a web page (HTML and XHTML at once)
// whose script, event handlers and image each tell the beacon server and
// set the page title, if any of them runs.
func payload(beacon, name string) string {
	hit := fmt.Sprintf("document.title='%s';new Image().src='%s/ran?%s'", ran, beacon, name)
	return `<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title>inert</title>` +
		`<script>` + hit + `</script></head><body>` +
		`<img src="x" onerror="` + hit + `"/><svg xmlns="http://www.w3.org/2000/svg" onload="` + hit + `"/>` +
		`<p>attachment</p></body></html>`
}

// TestAttachmentsRunNoScript publishes one attachment of every type the
// allow-list admits, each holding a web page with script, and opens each
// in the browser the ways a reader can: from ismsgen serve, from a plain
// web server (Go's file server, which guesses a type it does not know
// from the content, as some servers do) and from file://. No script may
// run: the page title stays, and the beacon hears nothing.
func TestAttachmentsRunNoScript(t *testing.T) {
	needBrowser(t)
	var mu sync.Mutex
	var heard []string
	beacon := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		heard = append(heard, r.URL.RawQuery)
		mu.Unlock()
	}))
	defer beacon.Close()

	site := t.TempDir()
	writeTestFile(t, filepath.Join(site, "isms.toml"), "title = \"Attachments\"\nlanguage = \"en\"\n\n[[departments]]\nid = \"isd\"\nname = \"Information Security\"\n")
	writeTestFile(t, filepath.Join(site, "content", "F-1", "index.md"), "+++\nid = \"F-1\"\ntitle = \"Forms\"\ntier = 3\ntype = \"form\"\nversion = \"1\"\nstatus = \"approved\"\nowners = [\"isd\"]\napprover = \"CEO\"\napproved = 2026-01-10\n+++\nForms.\n")
	var names []string
	for _, ext := range filetype.Extensions() {
		name := "file" + ext
		names = append(names, name)
		writeTestFile(t, filepath.Join(site, "content", "F-1", name), payload(beacon.URL, name))
	}
	dest := buildSite(t, site, now)
	for _, n := range names {
		if _, err := os.Stat(filepath.Join(dest, "docs", "F-1", n)); err != nil {
			t.Fatalf("%s was not published: %v", n, err)
		}
	}

	srv, err := serve.New(serve.Options{Options: generator.Options{
		Source: site, Now: now,
		Defaults: generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()},
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(l)
	files := httptest.NewServer(http.FileServer(http.Dir(dest)))
	defer files.Close()

	tb := newTab(t)
	for _, way := range []struct {
		name string
		at   func(name string) string
	}{
		{"ismsgen serve", func(n string) string { return serve.URL(l) + "docs/F-1/" + n }},
		{"a file server", func(n string) string { return files.URL + "/docs/F-1/" + n }},
		{"file://", func(n string) string { return fileURL(dest, "docs/F-1/"+n) }},
	} {
		for _, n := range names {
			u := way.at(n)
			// A download ends the navigation with an error and leaves the
			// page before it, whose title is not ran either.
			_, _ = chromedp.Run(tb.ctx, chromedp.Navigate(u))
			title, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.title`))
			if err != nil && !contextLost(err) {
				t.Fatalf("%s: %v", u, err)
			}
			if title == ran {
				t.Errorf("%s, %s: the attachment's script ran", way.name, n)
			}
		}
	}
	// The beacon hears a handler that ran after the title was read (its
	// request is sent as soon as the handler runs).
	tb.do(t, "open the beacon", chromedp.Navigate(beacon.URL+"/done"))
	mu.Lock()
	defer mu.Unlock()
	for _, q := range heard {
		if q != "" {
			t.Errorf("a script or handler of %s ran", q)
		}
	}
}

func writeTestFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
