package history

import (
	"slices"
	"strings"

	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

// splitStrangers undoes the renames git found between two documents: git
// pairs a deleted file with an added one when they are at least half
// alike, and two forms made from one template are, so a commit that
// withdrew one document and added another made the new one the old
// one's successor (its old id a page saying it moved, its earlier
// versions the new one's) and left the withdrawn one no tombstone. A
// rename whose text changed its id and does not carry on the old text
// (see strangers) joined two documents: the added file's history starts
// there, and the deleted file's ends there, as if git had not paired
// them. Only the texts on both sides of a rename are read.
func (h *History) splitStrangers() error {
	l := h.log
	type rename struct {
		f *fileLog
		i int // f.revs[i] renamed the file: f.revs[i+1] is the old path's
	}
	var renames []rename
	var oids []string
	for _, f := range l.fileList() {
		for i := 0; i+1 < len(f.revs); i++ {
			rv := f.revs[i]
			if rv.old != "" && rv.blob != "" && rv.path != f.revs[i+1].path && isDocument(rv.path) && isDocument(f.revs[i+1].path) {
				renames = append(renames, rename{f, i})
				oids = append(oids, rv.old, rv.blob)
			}
		}
	}
	if len(renames) == 0 {
		return nil
	}
	texts, err := h.blobs.read(oids)
	if err != nil {
		return err
	}
	// Each file's oldest rename first (renames lists them from the
	// newest), so that a split leaves the indexes of the newer ones as
	// they were.
	for k := len(renames) - 1; k >= 0; k-- {
		old, now := readEarlierHeader(texts[2*k]), readEarlierHeader(texts[2*k+1])
		if !strangers(texts[2*k+1], old, now) {
			continue
		}
		f, i := renames[k].f, renames[k].i
		rv := f.revs[i]
		gone := &fileLog{revs: append([]rev{{commit: rv.commit, old: rv.old, path: f.revs[i+1].path}}, f.revs[i+1:]...)}
		f.revs = f.revs[: i+1 : i+1]
		f.revs[i].old = ""
		at, _ := slices.BinarySearchFunc(l.deleted, rv.commit, func(d *fileLog, c int32) int { return int(d.revs[0].commit - c) })
		l.deleted = slices.Insert(l.deleted, at, gone)
	}
	return nil
}

// strangers reports whether two texts a rename joined are different
// documents: their ids differ, and the new text (now, whose bytes are
// text) neither carries on the old one (carriesOn) nor keeps its title
// without naming it in supersedes.
func strangers(text []byte, old, now header) bool {
	if !(old.ok || old.yaml) || !(now.ok || now.yaml) || !validID(old.ID) || !validID(now.ID) || model.FoldID(old.ID) == model.FoldID(now.ID) {
		return false
	}
	if strings.EqualFold(strings.TrimSpace(old.Title), strings.TrimSpace(now.Title)) {
		return replaces(text, old.ID)
	}
	return !carriesOn(text, now, old)
}

// replaces reports whether a text's supersedes names id.
func replaces(text []byte, id string) bool {
	f := load.ParseText("", text)
	if f == nil {
		return false
	}
	for _, s := range strs(f.Meta["supersedes"]) {
		if model.FoldID(s) == model.FoldID(id) {
			return true
		}
	}
	return false
}

// splitReplaced does for a file's text replaced in place by another
// document's what splitStrangers does for a rename: a commit that gave
// the file another id, and a text that neither carries on the old one
// nor keeps its title (see strangers), withdrew one document and added
// another at the same path. Without it, the old id's page said the
// number had changed, and the new document was warned of a change
// after the approval of the old one's version. The file's history now
// starts at that commit, and the old document's ends there, deleted
// (a tombstone). It returns the walks started again, for readWalks.
// Only a walk of the file as the log holds it is split, before the
// withdrawn files are read (h.mu is taken).
func (h *History) splitReplaced(walks []*walk) ([]*walk, error) {
	type change struct {
		w *walk
		k int
	}
	var changes []change
	var oids []string
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.deleted != nil {
		return nil, nil // the withdrawn files were read: serve, after its first build
	}
	for _, w := range walks {
		k := w.idChange()
		if k <= 0 || h.log.files[w.d.Path] != w.f || w.f.revs[k-1].path != w.f.revs[k].path || w.f.revs[k-1].blob == "" || w.f.revs[k-1].old == "" {
			continue
		}
		changes = append(changes, change{w, k})
		oids = append(oids, w.f.revs[k-1].blob)
	}
	if len(changes) == 0 {
		return nil, nil
	}
	texts, err := h.blobs.read(oids)
	if err != nil {
		return nil, err
	}
	var again []*walk
	for i, c := range changes {
		w, k := c.w, c.k
		now, ok := w.headers[k-1]
		if !ok {
			now = readEarlierHeader(texts[i])
		}
		// The same version on both sides may be a document renumbered
		// and retitled in place, whose old id keeps its page on the
		// terms of a changed id (none while the document is withheld):
		// only a text of another version is taken for another document.
		if texts[i] == nil || now.Version == w.headers[k].Version || !strangers(texts[i], w.headers[k], now) {
			continue
		}
		f := w.f
		rv := f.revs[k-1]
		gone := &fileLog{revs: append([]rev{{commit: rv.commit, old: rv.old, path: f.revs[k].path}}, f.revs[k:]...)}
		f.revs = f.revs[:k:k]
		f.revs[k-1].old = ""
		at, _ := slices.BinarySearchFunc(h.log.deleted, rv.commit, func(d *fileLog, c int32) int { return int(d.revs[0].commit - c) })
		h.log.deleted = slices.Insert(h.log.deleted, at, gone)
		again = append(again, newWalk(w.d, f, w.dirty))
	}
	for _, w := range again {
		i := slices.IndexFunc(walks, func(x *walk) bool { return x.d == w.d })
		walks[i] = w
	}
	return again, nil
}
