package serve

import (
	"encoding/json"
	"sync"

	"ismsgen/generator/diag"
)

// Event is what serve tells open pages after a rebuild, as the Server-Sent
// Event of the same kind on /__ismsgen/events.
type Event struct {
	Kind string // "reload" or "errors"
	// Build is the number of the site update the event belongs to.
	Build int
	// Pages (reload) are the URL paths of the pages whose content changed
	// ("/", "/docs/ISMS-P-009/", "/404.html"); All says every page did.
	Pages []string
	All   bool
	// Errors (errors) is every error of the failed rebuild; empty when a
	// rebuild succeeded after a failure, which removes the overlay.
	Errors []Problem
}

// MarshalJSON is the data of the event's Server-Sent Event:
// {"build", "pages", "all"} for reload, {"build", "errors"} for errors.
func (e Event) MarshalJSON() ([]byte, error) {
	if e.Kind == KindErrors {
		errs := e.Errors
		if errs == nil {
			errs = []Problem{}
		}
		return json.Marshal(struct {
			Build  int       `json:"build"`
			Errors []Problem `json:"errors"`
		}{e.Build, errs})
	}
	pages := e.Pages
	if pages == nil {
		pages = []string{}
	}
	return json.Marshal(struct {
		Build int      `json:"build"`
		Pages []string `json:"pages"`
		All   bool     `json:"all"`
	}{e.Build, pages, e.All})
}

// Event kinds.
const (
	KindReload = "reload"
	KindErrors = "errors"
)

// Problem is one diagnostic as the overlay shows it: "file:line: message",
// in the site's language.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
	Text    string `json:"text"` // the whole "file:line: message"
}

func problems(l diag.List, c *diag.Catalog) []Problem {
	out := []Problem{}
	for _, d := range l {
		out = append(out, problem(d, c))
	}
	return out
}

func problem(d diag.Diagnostic, c *diag.Catalog) Problem {
	return Problem{File: d.File, Line: d.Line, Message: c.Message(d), Hint: c.Hint(d), Text: c.Line(d)}
}

// hub hands events to every subscriber and remembers the current errors
// for those that subscribe later.
type hub struct {
	mu     sync.Mutex
	subs   map[chan Event]bool
	errors []Problem   // of the last rebuild; empty when it succeeded
	warns  *warningSet // of the last good rebuild
	closed bool
}

func newHub() *hub { return &hub{subs: map[chan Event]bool{}, errors: []Problem{}} }

// subscribe returns a channel of events and a function that ends the
// subscription. The channel is closed when the hub closes, or when the
// subscriber falls too far behind (it then reconnects and catches up).
func (h *hub) subscribe() (<-chan Event, func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	ch := make(chan Event, 64)
	if h.closed {
		close(ch)
		return ch, func() {}
	}
	h.subs[ch] = true
	return ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.subs[ch] {
			delete(h.subs, ch)
			close(ch)
		}
	}
}

// publish sends ev to every subscriber; an errors event also becomes the
// current errors.
func (h *hub) publish(ev Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if ev.Kind == KindErrors {
		h.errors = ev.Errors
	}
	for ch := range h.subs {
		select {
		case ch <- ev:
		default: // too slow: drop it; it reconnects and reloads
			delete(h.subs, ch)
			close(ch)
		}
	}
}

// current returns the errors of the last rebuild.
func (h *hub) current() []Problem {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.errors
}

// setWarnings makes s the warnings of the site served.
func (h *hub) setWarnings(s *warningSet) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.warns = s
}

// warnings calls f with the warnings of the site served (nil before the
// first good rebuild), under the hub's lock: a set works out what a
// browser may see of it once, when first asked.
func (h *hub) warnings(f func(s *warningSet)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	f(h.warns)
}

// close ends every subscription.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for ch := range h.subs {
		close(ch)
	}
	h.subs = map[chan Event]bool{}
}
