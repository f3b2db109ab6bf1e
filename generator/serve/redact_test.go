package serve

import (
	"bytes"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// syncLog is serve's log, read by the test while the loop writes it.
type syncLog struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *syncLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

const redactConfig = "title = \"Preview\"\nlanguage = \"en\"\n\n[[departments]]\nid = \"isd\"\nname = \"Information Security\"\n"

func redactDoc(id, title, extra, body string) string {
	return fmt.Sprintf("+++\nid = %q\ntitle = %q\ntier = 2\nversion = \"1.0\"\nstatus = \"approved\"\nowners = [\"isd\"]\napprover = \"CEO\"\napproved = 2026-01-10\n%s+++\n%s", id, title, extra, body)
}

// The browser learns nothing of a document serve leaves out (a draft
// without --drafts, one above the ceiling) from the errors of a failed
// rebuild, as it learns nothing from the pages: an error in its file, or
// one that cannot be read, is a neutral line in the overlay, the event
// stream, /__ismsgen/errors and the error page of a first build; a hint
// that names it is left out. The terminal shows every error as it is, and
// the errors of published documents stay as they are.
func TestErrorsNameNoLeftOutDocument(t *testing.T) {
	site := t.TempDir()
	writeFile(t, filepath.Join(site, "isms.toml"), redactConfig)
	pub := filepath.Join(site, "content", "tier2", "pub.md")
	conf := filepath.Join(site, "content", "tier2", "QZKC-001", "index.md")
	draft := filepath.Join(site, "content", "tier2", "qzkd.md")
	writeFile(t, pub, redactDoc("H-P-001", "Published", "", "See [it](H-P-001).\n"))
	writeFile(t, conf, redactDoc("QZKC-001", "qzkc title", "classification = \"confidential\"\n", "qzkc body\n"))
	writeFile(t, filepath.Join(site, "content", "tier2", "QZKC-001", "qzkc.txt"), "qzkc\n")
	writeFile(t, draft, strings.Replace(redactDoc("QZKD-001", "qzkd title", "", "qzkd body\n"), "approved\"", "draft\"", 1))

	// A first build that fails shows its errors on every page.
	replaceIn(t, conf, "+++\nqzkc body", "qzkc_key = \"qzkc value\"\n+++\nqzkc body")
	log := &syncLog{}
	opts := testOptions(site)
	opts.Log = log
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	base := serveOn(t, srv)
	neutral := "an error in a document this preview leaves out (a draft, one above the classification ceiling, or one whose front matter cannot be read yet): the terminal running ismsgen serve shows it"
	status, page := get(t, base+"docs/H-P-001/")
	if status != 503 || !strings.Contains(page, neutral) {
		t.Errorf("the error page of the first build: %d\n%s", status, page)
	}
	if strings.Contains(strings.ToLower(page), "qzk") {
		t.Errorf("the error page names a left-out document:\n%s", page)
	}
	if !strings.Contains(log.String(), `content/tier2/QZKC-001/index.md:11: unknown key "qzkc_key"`) {
		t.Errorf("the terminal does not show the error:\n%s", log)
	}
	events := openEvents(t, base)
	replaceIn(t, conf, "qzkc_key = \"qzkc value\"\n", "")
	events.next(t, "a full reload", func(ev sse) bool { _, all := ev.reload(t); return ev.kind == KindReload && all })

	for _, c := range []struct {
		what, file, old, new string
		want                 string // the error's text; "" for the neutral line
	}{
		{"an error in a confidential document", conf, "+++\nqzkc body", "qzkc_key = 1\n+++\nqzkc body", ""},
		{"a draft that cannot be read", draft, "title = \"qzkd title\"", "title = \"qzkd", ""},
		{"a hint that names a draft", pub, "[it](H-P-001)", "[it](QZKD-01)", `content/tier2/pub.md:11: broken link: no document has the id "QZKD-01"`},
		{"a hint that names a draft's file", pub, "[it](H-P-001)", "[it](qzkd.mb)", `content/tier2/pub.md:11: broken link: "qzkd.mb" names content/tier2/qzkd.mb, which does not exist`},
		{"a published document that cannot be read", pub, "title = \"Published\"", "title = \"Published", "content/tier2/pub.md:3: "},
	} {
		replaceIn(t, c.file, c.old, c.new)
		ev := events.next(t, c.what, func(ev sse) bool { return ev.kind == KindErrors && len(ev.errors(t)) > 0 })
		got := ev.errors(t)
		switch {
		case len(got) != 1:
			t.Errorf("%s: %+v", c.what, got)
		case c.want == "" && (got[0] != Problem{Message: neutral, Text: neutral}):
			t.Errorf("%s: %+v, want the neutral line", c.what, got[0])
		case c.want != "" && !strings.HasPrefix(got[0].Text, c.want):
			t.Errorf("%s: %+v, want %s", c.what, got[0], c.want)
		}
		_, endpoint := get(t, base+"__ismsgen/errors")
		for _, text := range []string{ev.data, endpoint} {
			for _, s := range []string{"QZKC-001", "QZKD-001", "qzkc", "qzkd title", "qzkd body", `"qzkd.md`, "qzkc.txt"} {
				if strings.Contains(strings.ToLower(text), strings.ToLower(s)) {
					t.Errorf("%s: the browser is told %q:\n%s", c.what, s, text)
				}
			}
		}
		replaceIn(t, c.file, c.new, c.old)
		events.next(t, "errors cleared", func(ev sse) bool { return ev.kind == KindErrors && len(ev.errors(t)) == 0 })
	}
}

// serveOn serves srv on a free loopback port until the test ends.
func serveOn(t *testing.T, srv *Server) string {
	t.Helper()
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
	return URL(l)
}
