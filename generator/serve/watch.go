package serve

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

// Debouncing: a batch of changes is handed over once the files have been
// quiet for quiet (an editor's save — write a temporary file, rename it
// over the document, set its mode — is one batch), or maxWait after its
// first event when they never are.
const (
	quiet   = 20 * time.Millisecond
	maxWait = 250 * time.Millisecond
)

// watched are the folders under the source that serve watches, with every
// folder below them; isms.toml is watched through the source folder.
var watched = []string{load.ContentDir, "layouts", "assets"}

// watcher turns file-system events into batches of changes.
type watcher struct {
	fs      *fsnotify.Watcher
	root    string
	batches chan changes
	warn    func(error)
	done    chan struct{}
	stopped chan struct{}
}

func newWatcher(root string, warn func(error)) (*watcher, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fw, root: root, batches: make(chan changes), warn: warn, done: make(chan struct{}), stopped: make(chan struct{})}
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, dir := range watched {
		w.addTree(filepath.Join(root, dir))
	}
	go w.run()
	return w, nil
}

// addTree watches dir and every folder below it that load would read
// (not hidden ones); a missing dir is fine.
func (w *watcher) addTree(dir string) {
	_ = filepath.WalkDir(dir+string(filepath.Separator), func(p string, e fs.DirEntry, err error) error {
		if err != nil || !e.IsDir() {
			return nil
		}
		p = filepath.Clean(p)
		if p != dir && strings.HasPrefix(e.Name(), ".") {
			return filepath.SkipDir
		}
		if err := w.fs.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			w.warn(err)
		}
		return nil
	})
}

func (w *watcher) close() {
	close(w.done)
	<-w.stopped
	w.fs.Close()
}

// run collects events into a pending batch and hands it over when the
// files are quiet and the server has finished the previous rebuild.
func (w *watcher) run() {
	defer close(w.stopped)
	var pending changes
	var first time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	ready := false
	for {
		var out chan changes
		if ready && !pending.empty() {
			out = w.batches
		}
		select {
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			c := w.classify(ev)
			if c.empty() {
				continue
			}
			if pending.empty() {
				first = time.Now()
			}
			pending.merge(c)
			ready = false
			timer.Reset(min(quiet, max(maxWait-time.Since(first), 0)))
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				pending.merge(changes{full: true, reread: true})
				ready = false
				timer.Reset(quiet)
				continue
			}
			w.warn(err)
		case <-timer.C:
			ready = true
		case out <- pending:
			pending, ready = changes{}, false
		case <-w.done:
			return
		}
	}
}

// classify says what an event changes: isms.toml, layouts/ or assets/
// rebuild everything; a path under content/ is a document, an attachment
// or a folder. New folders are watched at once.
func (w *watcher) classify(ev fsnotify.Event) changes {
	if ev.Op == fsnotify.Chmod {
		return changes{}
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return changes{}
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	if rel == model.ConfigFile {
		return changes{full: true}
	}
	known := false
	for _, dir := range watched {
		known = known || top == dir
	}
	if !known || hidden(rel) {
		return changes{}
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			w.addTree(ev.Name)
		} else if err == nil && rel == top && info.Mode()&fs.ModeSymlink != 0 {
			w.addTree(ev.Name) // content/ as a link to the document set
		}
	}
	if top != load.ContentDir {
		return changes{full: true}
	}
	return changes{paths: map[string]bool{rel: true}}
}

// hidden reports whether a path has a part that starts with '.', which
// load never reads (an editor's swap and backup files, .git).
func hidden(rel string) bool {
	for part := range strings.SplitSeq(rel, "/") {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	return false
}
