package serve

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ismsgen"
	"ismsgen/generator"
	"ismsgen/generator/model"
)

// wait is how long a test waits for something that takes milliseconds.
const wait = 20 * time.Second

var testNow = model.Date{Year: 2026, Month: 11, Day: 25}

func testOptions(source string) Options {
	return Options{Log: testLog{}, Options: generator.Options{
		Source: source, Now: testNow,
		Defaults: generator.Defaults{Layouts: ismsgen.Layouts(), Assets: ismsgen.Assets(), I18n: ismsgen.I18n()},
	}}
}

// start serves the site in source on a free loopback port.
func start(t *testing.T, source string) (*Server, string) {
	t.Helper()
	return startWith(t, testOptions(source))
}

// startWith serves the site with opts on a free loopback port.
func startWith(t *testing.T, opts Options) (*Server, string) {
	t.Helper()
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
		if err := <-served; err != nil {
			t.Error(err)
		}
	})
	return srv, URL(l)
}

func replaceIn(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	writeFile(t, path, string(bytes.Replace(data, []byte(old), []byte(new), 1)))
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// get fetches a URL and returns its status and body.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// sse is one Server-Sent Event.
type sse struct {
	kind string
	data string
}

// reload and errors decode an event's data.
func (e sse) reload(t *testing.T) (pages []string, all bool) {
	pages, all, _ = e.reloadOfBuild(t)
	return pages, all
}

// reloadOfBuild is reload, with the number of the update it announces.
func (e sse) reloadOfBuild(t *testing.T) (pages []string, all bool, build int) {
	var m struct {
		Pages []string `json:"pages"`
		All   bool     `json:"all"`
		Build int      `json:"build"`
	}
	if err := json.Unmarshal([]byte(e.data), &m); err != nil {
		t.Fatal(err)
	}
	return m.Pages, m.All, m.Build
}

func (e sse) errors(t *testing.T) []Problem {
	var m struct {
		Errors []Problem `json:"errors"`
	}
	if err := json.Unmarshal([]byte(e.data), &m); err != nil {
		t.Fatal(err)
	}
	return m.Errors
}

// stream reads /__ismsgen/events.
type stream struct {
	events chan sse
	// seen is the last update whose reload reloadOf must skip: one
	// announced before the change a test waits for, such as the one the
	// background sends when it has made the previous change's site pages.
	seen int
}

func openEvents(t *testing.T, base string) *stream {
	t.Helper()
	resp, err := http.Get(strings.TrimSuffix(base, "/") + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	s := &stream{events: make(chan sse, 256)}
	go func() {
		defer resp.Body.Close()
		defer close(s.events)
		sc := bufio.NewScanner(resp.Body)
		var ev sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.kind = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			case line == "" && ev.kind != "":
				s.events <- ev
				ev = sse{}
			}
		}
	}()
	return s
}

// next returns the first event that match accepts, skipping others.
func (s *stream) next(t *testing.T, what string, match func(sse) bool) sse {
	t.Helper()
	timeout := time.After(wait)
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				t.Fatalf("the event stream ended while waiting for %s", what)
			}
			if match(ev) {
				return ev
			}
		case <-timeout:
			t.Fatalf("no %s within %s", what, wait)
		}
	}
}

// reloadOf waits for a reload event that names page (any, for "").
func (s *stream) reloadOf(t *testing.T, page string) {
	t.Helper()
	s.next(t, "the reload of "+page, func(ev sse) bool {
		if ev.kind != KindReload {
			return false
		}
		pages, all, build := ev.reloadOfBuild(t)
		if build <= s.seen {
			return false
		}
		if page == "" {
			return true
		}
		for _, p := range pages {
			if p == page {
				return true
			}
		}
		return all
	})
}

// settle waits for the background work of the rebuilds so far.
func settle(t testing.TB, srv *Server) {
	t.Helper()
	select {
	case <-srv.Settled():
	case <-time.After(wait):
		t.Fatalf("the server did not settle within %s", wait)
	}
}

// testLog shows serve's log in verbose test output.
type testLog struct{}

func (testLog) Write(p []byte) (int, error) {
	if testing.Verbose() {
		os.Stderr.Write(p)
	}
	return len(p), nil
}

// startWatched starts a server on site, without HTTP, whose log signals
// each line that contains what; it returns once the first build is done
// and the loop has finished with the files.
func startWatched(tb testing.TB, site, what string) (*Server, <-chan Event, <-chan struct{}) {
	tb.Helper()
	opts := testOptions(site)
	lines := make(chan struct{}, 1)
	opts.Log = lineWatch{what, lines}
	srv, err := New(opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { srv.Close() })
	events, cancel := srv.Subscribe()
	tb.Cleanup(cancel)
	settle(tb, srv)
	return srv, events, lines
}

// lineWatch is a log that signals each line containing what.
type lineWatch struct {
	what   string
	signal chan<- struct{}
}

func (w lineWatch) Write(p []byte) (int, error) {
	if strings.Contains(string(p), w.what) {
		select {
		case w.signal <- struct{}{}:
		default: // one is waiting already
		}
	}
	return len(p), nil
}
