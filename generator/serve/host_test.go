package serve

import (
	"bufio"
	"io"
	"ismsgen/internal/sitetest"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Only Host headers that name the address serve listens on are accepted:
// the address as bound, and localhost, 127.0.0.1 and [::1] for loopback,
// with the port or without it (as browsers send it for port 80). Any
// other name — one an attacker pointed at 127.0.0.1 (DNS rebinding) —
// is refused, however it is spelled.
func TestHostsAllowed(t *testing.T) {
	loopback, _, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer loopback.Close()
	port := portOf(loopback)
	h := hostsOf(loopback)
	for _, tc := range []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:" + port, true},
		{"127.0.0.1", true},
		{"localhost:" + port, true},
		{"LocalHost:" + port, true},
		{"localhost", true},
		{"[::1]:" + port, true},
		{"[::1]", true},

		{"", false},
		{"evil.example:" + port, false},
		{"evil.example", false},
		{"127.0.0.1:1", false},             // another port
		{"localhost:" + port + "0", false}, // another port
		{"localhost.:" + port, false},      // a name looked up in DNS
		{"localhost.evil.example:" + port, false},
		{"127.0.0.1.nip.io:" + port, false},
		{"127.1:" + port, false},
		{"2130706433:" + port, false},
		{"0x7f.0.0.1:" + port, false},
		{"::1", false}, // IPv6 without brackets
		{"[::ffff:127.0.0.1]:" + port, false},
		{"127.0.0.1:" + port + "@evil.example", false},
		{"evil.example#@127.0.0.1:" + port, false},
		{"[::1%25lo]:" + port, false},
	} {
		if got := h.allow(tc.host); got != tc.ok {
			t.Errorf("Host %q on %s: allowed %v, want %v", tc.host, loopback.Addr(), got, tc.ok)
		}
	}

	// The name given in --addr is accepted as well.
	named, _, err := Listen("localhost:0")
	if err != nil {
		t.Fatal(err)
	}
	defer named.Close()
	if h := hostsOf(named); !h.allow("localhost:"+portOf(named)) || h.allow("evil.example:"+portOf(named)) {
		t.Errorf("listening on localhost: %+v", h)
	}

	// Listening on every interface: this computer's name and addresses.
	all, _, err := Listen("0.0.0.0:0")
	if err != nil {
		t.Fatal(err)
	}
	defer all.Close()
	h = hostsOf(all)
	port = portOf(all)
	name, _ := os.Hostname()
	for host, ok := range map[string]bool{
		"127.0.0.1:" + port:    true,
		"localhost:" + port:    true,
		name + ":" + port:      name != "",
		"evil.example:" + port: false,
		"192.0.2.77:" + port:   false, // TEST-NET-1: not this computer's
	} {
		if got := h.allow(host); got != ok {
			t.Errorf("Host %q on %s: allowed %v, want %v", host, all.Addr(), got, ok)
		}
	}
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil {
			if host := net.JoinHostPort(n.IP.String(), port); !h.allow(host) {
				t.Errorf("Host %q (an address of this computer) refused on %s", host, all.Addr())
			}
		}
	}
}

func portOf(l net.Listener) string {
	_, port, _ := net.SplitHostPort(l.Addr().String())
	return port
}

// A request for another host is answered 421 with a short explanation,
// on every path: the pages, the events, the errors, the script.
func TestHostRefused(t *testing.T) {
	_, base := start(t, sitetest.Sample(t))
	for _, p := range []string{"", "docs/ISMS-P-009/", "documents.json", "__ismsgen/errors", "__ismsgen/events", "__ismsgen/reload.js", "no/such/page"} {
		for host, want := range map[string]int{"evil.example:1313": 421, "localhost": 200} {
			req, err := http.NewRequest("GET", base+p, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Host = host
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			var body string
			if resp.StatusCode == 421 {
				b, _ := io.ReadAll(resp.Body)
				body = string(b)
			}
			resp.Body.Close()
			if p == "no/such/page" && want == 200 {
				want = 404
			}
			if resp.StatusCode != want {
				t.Errorf("GET /%s, Host %s: %d, want %d", p, host, resp.StatusCode, want)
			}
			if want != 421 {
				continue
			}
			if !strings.Contains(body, "answers only requests addressed to 127.0.0.1:") || !strings.Contains(body, `"evil.example:1313"`) || strings.Contains(body, "ISMS") {
				t.Errorf("GET /%s, Host %s: body %q", p, host, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "text/plain; charset=utf-8" || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("GET /%s, Host %s: Content-Type %q, nosniff %q", p, host, ct, resp.Header.Get("X-Content-Type-Options"))
			}
		}
	}
}

// rawGet sends a request line as written, which Go's client would clean,
// and returns the response.
func rawGet(t *testing.T, addr, target, host string) *http.Response {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if _, err := io.WriteString(c, "GET "+target+" HTTP/1.1\r\nHost: "+host+"\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// Nothing outside the site is served, however the path is written:
// dot-dot segments raw or encoded, encoded slashes, backslashes, NUL,
// an absolute URL; and a path that starts with "//" is not redirected to
// another site.
func TestPathsStayInTheSite(t *testing.T) {
	site := sitetest.Sample(t)
	const canary = "CANARY-outside-the-site-41c9"
	writeFile(t, filepath.Join(site, "secret.txt"), canary)
	writeFile(t, filepath.Join(filepath.Dir(site), "secret.txt"), canary)
	_, base := start(t, site)
	addr := strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/")
	for _, target := range []string{
		"/../secret.txt",
		"/../../secret.txt",
		"/docs/../../secret.txt",
		"/docs/ISMS-F-007/../../../secret.txt",
		"/docs/ISMS-F-007/%2e%2e/%2e%2e/%2e%2e/secret.txt",
		"/docs/ISMS-F-007/..%2f..%2f..%2fsecret.txt",
		"/docs/ISMS-F-007/..%2F..%2F..%2Fcontent%2Ftier2%2Fisms-p-009.md",
		"/docs/ISMS-F-007/..\\..\\..\\secret.txt",
		"/docs/ISMS-F-007/..%5c..%5c..%5csecret.txt",
		"/secret.txt%00.html",
		"/docs/ISMS-F-007/access-request-form.docx%00",
		"/content/tier2/isms-p-009.md",
		"/isms.toml",
		"/./secret.txt",
		"//secret.txt",
		"/%2e%2e/secret.txt",
		"http://" + addr + "/../secret.txt",
		"/etc/passwd",
		"/../../../../../../etc/passwd",
	} {
		resp := rawGet(t, addr, target, addr)
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode == 200 || strings.Contains(string(body), canary) || strings.Contains(string(body), "root:x:0") || strings.Contains(string(body), "+++") {
			t.Errorf("GET %s: %d, %d bytes", target, resp.StatusCode, len(body))
		}
	}
	for target, want := range map[string]string{
		"//docs/ISMS-P-009":                  "/docs/ISMS-P-009/", // not to the host "docs"
		"/\\evil.example/../docs/ISMS-P-009": "/docs/ISMS-P-009/",
		"/docs/ISMS-P-009?x=1":               "/docs/ISMS-P-009/?x=1",
		"/docs/./ISMS-P-009":                 "/docs/ISMS-P-009/",
	} {
		resp := rawGet(t, addr, target, addr)
		if loc := resp.Header.Get("Location"); resp.StatusCode != 301 || loc != want {
			t.Errorf("GET %s: %d to %q, want 301 to %q", target, resp.StatusCode, loc, want)
		}
	}
	// An absolute URL names its host: it must be the server's.
	if resp := rawGet(t, addr, "http://evil.example/docs/ISMS-P-009/", addr); resp.StatusCode != 421 {
		t.Errorf("an absolute URL of another host: %d, want 421", resp.StatusCode)
	}
}

// Every file serve sends has an explicit Content-Type from a fixed list
// (the build's own types, and for attachments the list the build
// publishes by) and nosniff: an attachment without an extension, or of a
// type not on the list, is a download, never HTML.
func TestContentTypes(t *testing.T) {
	for _, tc := range []struct {
		key        string
		attachment bool
		want       string
	}{
		{"index.html", false, "text/html; charset=utf-8"},
		{"docs/X/index.html", false, "text/html; charset=utf-8"},
		{"assets/main-ABC.css", false, "text/css; charset=utf-8"},
		{"assets/main-ABC.js", false, "text/javascript; charset=utf-8"},
		{"documents.json", false, "application/json"},
		{"register.csv", false, "text/csv; charset=utf-8"},
		{"reviews.ics", false, "text/calendar; charset=utf-8"},
		{"feed.xml", false, "application/xml; charset=utf-8"},
		{"docs/X/form.docx", true, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{"docs/X/img/PLAN.PNG", true, "image/png"},
		{"docs/X/notes.txt", true, "text/plain; charset=utf-8"},
		{"docs/X/evil", true, octetStream},
		{"docs/X/page.html", true, octetStream},
		{"docs/X/page.htm", true, octetStream},
		{"docs/X/data.xml", true, octetStream},
		{"docs/X/logo.svg", true, octetStream},
		{"docs/X/app.js", true, octetStream},
		{"docs/X/report.html.", true, octetStream},
		{"docs/X/x.php.txt", true, octetStream},
		{"docs/X/unknown.qqq", true, octetStream},
	} {
		if got := contentType(tc.key, tc.attachment); got != tc.want {
			t.Errorf("contentType(%q, %v) = %q, want %q", tc.key, tc.attachment, got, tc.want)
		}
	}
}

// Every file of a served site, and the files serve adds, come with an
// explicit Content-Type and nosniff; only pages are HTML. An attachment
// whose content is HTML but whose name has no extension is not.
func TestServedTypes(t *testing.T) {
	site := sitetest.Sample(t)
	writeFile(t, filepath.Join(site, "content", "tier3", "ISMS-F-007", "evil"), "<html><script>alert(1)</script></html>")
	srv, base := start(t, site)
	settle(t, srv)
	srv.store.mu.RLock()
	var keys []string
	for k := range srv.store.files {
		keys = append(keys, k)
	}
	srv.store.mu.RUnlock()
	handler := checkHost(hosts{names: map[string]bool{"localhost": true}}, srv.Handler())
	for _, k := range append(keys, "__ismsgen/reload.js", "__ismsgen/errors", "no/such/page") {
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, httptest.NewRequest("GET", "http://localhost/"+k, nil))
		ct := rec.Header().Get("Content-Type")
		if ct == "" || rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: Content-Type %q, nosniff %q", k, ct, rec.Header().Get("X-Content-Type-Options"))
		}
		if strings.HasPrefix(ct, "text/html") != (strings.HasSuffix(k, ".html") || k == "no/such/page") {
			t.Errorf("%s: Content-Type %q", k, ct)
		}
	}
	resp, err := http.Get(base + "docs/ISMS-F-007/evil")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	// Published (as a download) or, as the build skips such files, not
	// (the 404 page).
	if ct := resp.Header.Get("Content-Type"); resp.StatusCode == 200 && ct != octetStream || resp.StatusCode != 200 && resp.StatusCode != 404 || strings.Contains(string(body), "alert(1)") {
		t.Errorf("an attachment without an extension: %d, %q", resp.StatusCode, ct)
	}
	t.Logf("an attachment without an extension: %d, %s", resp.StatusCode, resp.Header.Get("Content-Type"))
}
