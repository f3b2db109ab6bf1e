package serve

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"ismsgen/generator"
	"net/http"
	"net/url"
	"strconv"

	"ismsgen/generator/internal/safefile"
	"path"
	"strings"
	"time"
)

// The URLs serve adds to the site; no site page can have them, because
// document ids and department ids cannot start with "_".
const (
	ScriptPath = "/__ismsgen/reload.js"
	EventsPath = "/__ismsgen/events"
	ErrorsPath = "/__ismsgen/errors"
	// WarningsPath answers with the warnings of the site served as JSON,
	// those of one page's document with ?page=/docs/<id>/; WarningsPage
	// lists them all for a person.
	WarningsPath = "/__ismsgen/warnings"
	WarningsPage = "/__ismsgen/warnings/"
)

//go:embed reload.js
var reloadJS []byte

// Handler serves the site from memory, with the reload script added to
// every HTML page, and the event stream, script and errors of serve.
// Every response has an explicit Content-Type and nosniff. It does not
// check the Host header: Serve does.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	switch r.URL.Path {
	case ScriptPath:
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		_, _ = w.Write(reloadJS)
		return
	case EventsPath:
		s.events(w, r)
		return
	case ErrorsPath:
		h.Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(struct {
			Build  int       `json:"build"`
			Errors []Problem `json:"errors"`
		}{s.store.current(), s.hub.current()})
		return
	case WarningsPath:
		h.Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(s.warningsOf(r.URL.Query().Get("page")))
		return
	case WarningsPage:
		s.warningsPage(w)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	key := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if strings.HasSuffix(r.URL.Path, "/") {
		key = strings.TrimPrefix(key+"/index.html", "/")
	}
	e, build, ok := s.store.get(key)
	if !ok && !strings.HasSuffix(r.URL.Path, "/") {
		if _, _, dir := s.store.get(key + "/index.html"); dir {
			// The cleaned key, not the path as sent: "//host/docs/X"
			// must not become a redirect to another site.
			target := &url.URL{Path: "/" + key + "/", RawQuery: r.URL.RawQuery}
			http.Redirect(w, r, target.String(), http.StatusMovedPermanently)
			return
		}
	}
	status := http.StatusOK
	if !ok {
		if s.store.empty() {
			s.errorPage(w)
			return
		}
		status = http.StatusNotFound
		key = "404.html"
		if e, build, ok = s.store.get(key); !ok {
			http.NotFound(w, r)
			return
		}
	}
	ctype := contentType(key, e.from != "")
	h.Set("Content-Type", ctype)
	if ctype == octetStream {
		h.Set("Content-Disposition", "attachment")
	}

	if e.from != "" {
		s.serveFile(w, r, e)
		return
	}
	data := e.data
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, build)
	}
	h.Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// serveFile serves an attachment from the document's page bundle: the
// bytes its page lists, read without following a symbolic link. A file
// changed since (the rebuild that follows has not yet replaced the page)
// or gone is not served.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, e entry) {
	data, err := safefile.Read(e.from, e.size, e.sum)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	http.ServeContent(w, r, path.Base(e.from), time.Time{}, bytes.NewReader(data))
}

// inject adds the reload script before </body>; build is the site update
// the page belongs to, so that a page that missed a reload notices.
func inject(page []byte, build int) []byte {
	tag := fmt.Sprintf(`<script src="%s" data-build="%d"></script>`, ScriptPath, build)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// events streams Server-Sent Events: hello (the server and the build of
// the site it serves), then reload and errors events as rebuilds finish.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	ch, cancel := s.hub.subscribe()
	defer cancel()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 500\n\n")
	// The page says which it is and which build it shows: it is stale
	// only if it changed since.
	stale := false
	if page := r.URL.Query().Get("page"); page != "" {
		built, _ := strconv.Atoi(r.URL.Query().Get("build"))
		key := strings.TrimPrefix(page, "/")
		if key == "" || strings.HasSuffix(key, "/") {
			key += "index.html"
		}
		stale = s.store.changedSince(key, built)
	}
	sendEvent(w, "hello", struct {
		Server string `json:"server"`
		Build  int    `json:"build"`
		Stale  bool   `json:"stale"`
	}{s.id, s.store.current(), stale})
	if errs := s.hub.current(); len(errs) > 0 {
		sendEvent(w, KindErrors, Event{Kind: KindErrors, Build: s.store.current(), Errors: errs})
	}
	flusher.Flush()
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		select {
		case ev, ok := <-ch:
			if !ok {
				return
			}
			sendEvent(w, ev.Kind, ev)
			flusher.Flush()
		case <-ping.C:
			fmt.Fprint(w, ": ping\n\n")
			flusher.Flush()
		case <-r.Context().Done():
			return
		}
	}
}

func sendEvent(w http.ResponseWriter, kind string, v any) {
	data, _ := json.Marshal(v)
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", kind, data)
}

// errorPage is every page while there is no good site yet: the errors of
// the first build, and the script that reloads when they are fixed.
func (s *Server) errorPage(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	opts := s.eng.opts
	c := generator.Messages(opts.Defaults, generator.Language(opts.Source))
	_ = errorTemplate.Execute(w, struct {
		Lang, Title, Heading, Text string
		Errors                     []Problem
		Script                     string
	}{c.Lang(), c.Sprintf("ismsgen serve: the site has errors"), c.Sprintf("The site has errors"),
		c.Sprintf("Fix them and this page reloads by itself."), s.hub.current(), ScriptPath})
}

var errorTemplate = template.Must(template.New("errors").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'">
<title>{{.Title}}</title>
</head>
<body>
<h1>{{.Heading}}</h1>
<p>{{.Text}}</p>
<ul>{{range .Errors}}<li><code>{{.Text}}</code>{{with .Hint}}<br>{{.}}{{end}}</li>{{end}}</ul>
<script src="{{.Script}}" data-build="0"></script>
</body>
</html>
`))
