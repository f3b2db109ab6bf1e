package serve

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"ismsgen/generator"
	"ismsgen/generator/diag"
)

// Options configure a Server.
type Options struct {
	// Source, Drafts, Now (zero: today, also after midnight),
	// Classification, BaseURL and Defaults as for a build; Dest is not
	// used: serve writes nothing.
	generator.Options
	// Log receives one line per rebuild, with the errors of a failed one;
	// nil discards them.
	Log io.Writer
}

// Server builds a site into memory, serves it and keeps it up to date.
//
//	srv, err := serve.New(opts)      // the first build, then watching
//	l, _ := net.Listen("tcp", "127.0.0.1:0")
//	go srv.Serve(l)                  // the site is at serve.URL(l)
//	defer srv.Close()
type Server struct {
	id    string // tells open pages that the server was restarted
	store *store
	hub   *hub
	eng   *engine
	watch *watcher

	idle      chan chan struct{} // see settle
	done      chan struct{}
	loopDone  chan struct{}
	workDone  chan struct{}
	closeOnce sync.Once

	mu      sync.Mutex
	servers []*http.Server
	closed  bool
}

// New builds the site once and starts watching its files. A site with
// content errors is not an error here: the server starts, shows the errors
// on every page and builds again when they are fixed. The error is for a
// source that is not a folder, or a watcher that cannot start.
func New(opts Options) (*Server, error) {
	if info, err := os.Stat(opts.Source); err != nil || !info.IsDir() {
		return nil, diag.Usagef("--source %s is not a folder", opts.Source)
	}
	if _, _, err := generator.Config(opts.Options); err != nil {
		return nil, err // a flag that does not fit the site
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	var id [8]byte
	_, _ = rand.Read(id[:])
	s := &Server{
		id: hex.EncodeToString(id[:]), store: newStore(), hub: newHub(),
		idle: make(chan chan struct{}), done: make(chan struct{}), loopDone: make(chan struct{}), workDone: make(chan struct{}),
	}
	s.eng = newEngine(opts.Options, opts.Log, s.store, s.hub)
	w, err := newWatcher(opts.Source, func(err error) {
		fmt.Fprintf(opts.Log, "  %s\n", generator.Messages(opts.Defaults, generator.Language(opts.Source)).Sprintf("watching: %v", err))
	})
	if err != nil {
		return nil, fmt.Errorf("cannot watch %s: %w", opts.Source, err)
	}
	s.watch = w
	s.eng.rebuild(changes{full: true}) // events during it wait in the watcher
	go s.loop(opts.Now.IsZero())
	go s.work()
	return s, nil
}

// loop runs the rebuilds, one at a time.
func (s *Server) loop(daily bool) {
	defer close(s.loopDone)
	midnight := time.NewTimer(untilTomorrow())
	if !daily {
		midnight.Stop()
	}
	for {
		select {
		case ch := <-s.watch.batches:
			s.eng.rebuild(ch)
		case res := <-s.eng.results:
			s.eng.siteDone(res)
			s.eng.answerIdle()
		case reply := <-s.idle:
			s.eng.waiting = append(s.eng.waiting, reply)
			s.eng.answerIdle()
		case <-midnight.C:
			s.eng.rebuild(changes{}) // a new day: review states change
			midnight.Reset(untilTomorrow())
		case <-s.done:
			for _, reply := range s.eng.waiting {
				close(reply)
			}
			return
		}
	}
}

// Settled returns a channel that is closed when the rebuilds started so
// far are complete, including the list and report pages, the search index
// and the machine-readable files that follow a document's page in the
// background (changes the watcher has not handed over yet are not waited
// for: wait for their reload event first). Close closes it too.
func (s *Server) Settled() <-chan struct{} {
	reply := make(chan struct{})
	go func() {
		select {
		case s.idle <- reply:
		case <-s.done:
			close(reply)
		}
	}()
	return reply
}

// work runs the background site jobs.
func (s *Server) work() {
	defer close(s.workDone)
	for {
		select {
		case j := <-s.eng.jobs:
			res := j.run()
			select {
			case s.eng.results <- res:
			case <-s.done:
				return
			}
		case <-s.done:
			return
		}
	}
}

func untilTomorrow() time.Duration {
	now := time.Now()
	y, m, d := now.Date()
	return time.Date(y, m, d+1, 0, 0, 1, 0, now.Location()).Sub(now)
}

// Serve serves the site on l until Close; it may be called for several
// listeners. It answers only requests whose Host header names the
// address l listens on (421 otherwise): see hostsOf.
func (s *Server) Serve(l net.Listener) error {
	srv := &http.Server{Handler: checkHost(hostsOf(l), s.Handler()), ReadHeaderTimeout: 10 * time.Second}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		l.Close()
		return http.ErrServerClosed
	}
	s.servers = append(s.servers, srv)
	s.mu.Unlock()
	if err := srv.Serve(l); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// URL is the address of the site served on l, ending in "/".
func URL(l net.Listener) string { return "http://" + l.Addr().String() + "/" }

// Subscribe returns the events that open pages receive, from now on, and
// a function that ends the subscription. The channel is closed by Close.
func (s *Server) Subscribe() (<-chan Event, func()) { return s.hub.subscribe() }

// Errors returns the errors of the last rebuild; none when it succeeded.
func (s *Server) Errors() []Problem { return s.hub.current() }

// Close stops watching, ends the event streams and shuts the listeners
// down; it waits for a rebuild under way to finish.
func (s *Server) Close() error {
	var err error
	s.closeOnce.Do(func() {
		close(s.done)
		<-s.loopDone
		<-s.workDone
		s.watch.close()
		s.hub.close()
		s.mu.Lock()
		s.closed = true
		servers := s.servers
		s.mu.Unlock()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		for _, srv := range servers {
			err = errors.Join(err, srv.Shutdown(ctx))
		}
	})
	return err
}
