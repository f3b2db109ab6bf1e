package history

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/safefile"
	"ismsgen/generator/internal/wholefile"
	"ismsgen/generator/model"
)

// History is what the history stage read of one repository for one
// build: the log of the content folder, the files that may differ from
// the head commit, and the texts of the earlier versions found.
type History struct {
	repo   *Repo
	source string
	log    *Log
	blobs  *blobs
	extra  []*blobs   // more readers of texts, for the reading of many at once (see readers)
	ahead  *readAhead // the texts the walks will read, until Documents takes them
	most   int        // the most readers a reading has been shared among (for the tests)
	done   int        // how many texts were read ahead, or by readers closed since
	loose  int        // how many of them were read from loose objects (for the tests)

	mu       sync.Mutex
	dirty    map[string]bool   // paths (relative to the source) that may differ from the head commit
	filtered map[string]string // paths that a git filter passes through, and its name (see dropFiltered)
	texts    *store            // earlier versions' texts, by blob id, for their pages

	defaults thenDefaults // the default classification at each commit (see classAt)
	byFolder folderIndex  // the files by folder (see FilesAt)

	deleted     []*model.Tombstone // every document file deleted, read once (see Tombstones)
	deletedLogs []*fileLog         // the files of deleted, in its order
}

// Read reads the history of the content folder of source, held in repo
// (see Open), and starts the reader of earlier texts. Close it when the
// pages are made.
func Read(repo *Repo, source string) (*History, diag.List, error) {
	var notes diag.List
	log, err := repo.ReadLog()
	if err != nil {
		return nil, notes, err
	}
	h := &History{repo: repo, source: source, log: log, texts: newStore(), dirty: map[string]bool{}}
	if !repo.pinned {
		if h.dirty, err = repo.changedFiles(); err != nil {
			return nil, notes, err
		}
		dropUntouched(source, log, h.dirty)
		if err = h.dropFiltered(); err != nil {
			return nil, notes, err
		}
		notes.Add(filteredNote(h.filtered)...)
		sparse, err := repo.outsideSparse()
		if err != nil {
			return nil, notes, err
		}
		notes.Add(sparseNote(sparse)...)
		subs, err := repo.contentSubmodules()
		if err != nil {
			return nil, notes, err
		}
		notes.Add(submoduleNote(subs)...)
	}
	if h.blobs, err = repo.openBlobs(); err != nil {
		return nil, notes, err
	}
	if err = h.splitStrangers(); err != nil {
		h.Close()
		return nil, notes, err
	}
	if err = h.joinRewrites(); err != nil {
		h.Close()
		return nil, notes, err
	}
	// The texts the documents' walks will read are read now, beside the
	// reading of the documents; failing that, the readers they will be
	// shared among are started now.
	if h.ahead = repo.startReadAhead(log, h.dirty); h.ahead == nil {
		earlier := 0
		for _, f := range log.files {
			earlier += len(f.revs) - 1
		}
		if _, err = h.readers(earlier); err != nil {
			h.Close()
			return nil, notes, err
		}
	}
	if log.shallow {
		oldest := log.Oldest()
		notes.Notef("", "fetch the whole history (git fetch --unshallow) to publish every earlier version", "the repository is a shallow clone whose history stops at commit %s of %s: versions before it are missing", oldest.Short(), oldest.Date())
	}
	return h, notes, nil
}

// changedFiles lists the files of the content folder that may differ
// from the head commit: changed, staged, or only touched (git compares
// the files' status, not their bytes, and writes nothing).
func (r *Repo) changedFiles() (map[string]bool, error) {
	out, err := r.run.output("diff-index", "-z", "--name-only", "--no-renames", r.head, "--", r.contentSpec())
	if err != nil {
		return nil, err
	}
	dirty := map[string]bool{}
	for _, p := range strings.Split(string(out), "\x00") {
		if rel := r.rel(p); rel != "" {
			dirty[rel] = true
		}
	}
	return dirty, nil
}

// Touched records that the files at paths (relative to the source) may
// have changed since Read: serve calls it for the files saved.
func (h *History) Touched(paths ...string) {
	var docs []string
	for _, p := range paths {
		if strings.EqualFold(pathExt(p), ".md") {
			docs = append(docs, p)
		}
	}
	filtered, _ := h.repo.filters(docs) // a document of a filter is taken as committed, as dropFiltered says
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, p := range paths {
		if _, ok := filtered[p]; !ok {
			h.dirty[p] = true
		}
	}
}

// dropFiltered takes out of dirty the files that a git filter passes
// through (see Repo.filters), which are on disk: their bytes are not
// the text git holds, which ismsgen cannot compare them with, and every
// such file listed would be warned of as changed after approval. They
// are taken as their last commit's text; filteredNote says so once.
func (h *History) dropFiltered() error {
	var paths []string
	for p := range h.dirty {
		if !strings.EqualFold(pathExt(p), ".md") {
			continue // a file of a page bundle: its bytes are compared as published (see Unchanged)
		}
		if _, err := os.Lstat(filepath.Join(h.source, filepath.FromSlash(p))); err == nil {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	filtered, err := h.repo.filters(paths)
	if err != nil {
		return err
	}
	for p := range filtered {
		delete(h.dirty, p)
	}
	h.filtered = filtered
	return nil
}

// Text returns the text of an earlier version (model.Version.Blob).
func (h *History) Text(blob string) ([]byte, error) {
	if h == nil {
		return nil, errors.New("no git history was read")
	}
	if t, ok, err := h.texts.get(blob); ok || err != nil {
		return t, err
	}
	texts, err := h.blobs.read([]string{blob})
	if err != nil {
		return nil, err
	}
	if texts[0] == nil {
		return nil, errors.New("the repository does not have the text of blob " + blob)
	}
	return texts[0], nil
}

// textString is Text as a string, read once.
func (h *History) textString(blob string) (string, error) {
	if h == nil {
		return "", errors.New("no git history was read")
	}
	if t, ok, err := h.texts.getString(blob); ok || err != nil {
		return t, err
	}
	text, err := h.Text(blob)
	return string(text), err
}

// perReader is the fewest texts worth a git process of their own: a
// process starts in a few milliseconds, and reads about 300 texts in
// that time. (A variable for the tests.)
var perReader = 2000

// readers returns the readers of texts among which to share n texts:
// the first, and for a large n as many more as there are cores besides
// (at most three), each a git process of its own. git reads and
// inflates one object at a time; the build waits for the history
// before it renders anything.
func (h *History) readers(n int) ([]*blobs, error) {
	want := min(runtime.GOMAXPROCS(0), 4, max(1, n/perReader)) - 1
	h.mu.Lock()
	defer h.mu.Unlock()
	for len(h.extra) < want {
		b, err := h.repo.openBlobs()
		if err != nil {
			return nil, err
		}
		h.extra = append(h.extra, b)
	}
	return append([]*blobs{h.blobs}, h.extra[:want]...), nil
}

// closeExtra ends the readers besides the first once their texts are
// read: serve keeps the history open, and needs one reader for a file
// saved.
func (h *History) closeExtra() {
	h.mu.Lock()
	extra := h.extra
	h.extra = nil
	h.mu.Unlock()
	for _, b := range extra {
		b.close()
		h.mu.Lock()
		h.done += b.n
		h.mu.Unlock()
	}
}

// LetGo lets go of the log once every document has its versions and the
// tombstones are known: a build holds what it keeps to the end, and the
// memory limit of its rendering is a multiple of that. Documents finds no
// history after it.
func (h *History) LetGo() {
	if a := h.takeAhead(); a != nil {
		a.close()
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.log.files, h.log.deleted, h.dirty = map[string]*fileLog{}, nil, map[string]bool{}
	h.deletedLogs = make([]*fileLog, len(h.deletedLogs))
}

// TextsRead is how many texts were read from the repository so far.
func (h *History) TextsRead() int {
	h.mu.Lock()
	readers := append([]*blobs{h.blobs}, h.extra...)
	n := h.done
	h.mu.Unlock()
	for _, b := range readers {
		b.mu.Lock()
		n += b.n
		b.mu.Unlock()
	}
	return n
}

// Close ends the reader of earlier texts.
func (h *History) Close() {
	if h != nil && h.blobs != nil {
		h.blobs.close()
		h.closeExtra()
		if a := h.takeAhead(); a != nil {
			a.close()
		}
		h.texts.close()
	}
}

// working reads the file at rel in the source folder as it is now, as
// load reads it: a symbolic link that took its place is not followed.
func (h *History) working(rel string) ([]byte, error) {
	data, err := wholefile.Read(filepath.Join(h.source, filepath.FromSlash(rel)), maxBlob)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, err
}

// workingString is working as a string, read once; ok is false when
// the file is gone.
func (h *History) workingString(rel string) (text string, ok bool, err error) {
	// Opened as load opens it (as CurrentIn does): a file swapped for a
	// symbolic link since is not followed out of content/.
	f, err := safefile.Open(filepath.Join(h.source, filepath.FromSlash(rel)))
	if errors.Is(err, fs.ErrNotExist) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	defer f.Close()
	var size int64
	if fi, err := f.Stat(); err == nil {
		size = fi.Size()
	}
	text, err = readString(io.LimitReader(f, maxBlob+1), size)
	if err == nil && len(text) > maxBlob {
		return "", false, errors.New(rel + ": the file is larger than a document may be")
	}
	return text, err == nil, err
}

// keep keeps an earlier version's text for its pages.
func (h *History) keep(blob string, text []byte) { h.texts.put(blob, text) }

// sameText reports whether two texts of a document say the same but
// for bytes that change nothing (line endings, a byte-order mark) or
// that git writes into the file on checkout: "$Id$" expanded to
// "$Id: <blob> $" where .gitattributes sets ident.
func sameText(a, b []byte) bool {
	norm := func(t []byte) []byte {
		t = bytes.TrimPrefix(t, []byte("\xef\xbb\xbf"))
		t = bytes.ReplaceAll(t, []byte("\r\n"), []byte("\n"))
		if bytes.Contains(t, []byte("$Id: ")) {
			t = expandedIdent.ReplaceAll(t, []byte("$$Id$$"))
		}
		return t
	}
	return bytes.Equal(norm(a), norm(b))
}

// expandedIdent is "$Id$" as git's ident attribute expands it.
var expandedIdent = regexp.MustCompile(`\$Id: [0-9a-f]{40}(?:[0-9a-f]{24})? \$`)
