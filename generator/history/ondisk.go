package history

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"ismsgen/generator/model"
)

// movedOnDisk finds the history of documents moved to another file and
// not yet committed (a plain mv, or a staged git mv): for a document
// whose file no commit holds, the file of the head commit that is gone
// from disk and whose last committed text has the document's id. Git
// sees such a move only once it is committed; until then the document
// would lose its earlier versions. Only files that differ from the head
// commit are read, so a clean work tree reads nothing.
func (h *History) movedOnDisk(docs []*model.Document) (map[*model.Document]*fileLog, error) {
	h.mu.Lock()
	orphans := map[string]*model.Document{} // by folded id
	for _, d := range docs {
		if h.log.files[d.Path] == nil {
			orphans[model.FoldID(d.ID)] = d
		}
	}
	var gone []string
	if len(orphans) > 0 {
		for p := range h.dirty {
			if f := h.log.files[p]; f != nil && len(f.revs) > 0 && f.revs[0].blob != "" && strings.EqualFold(pathExt(p), ".md") {
				if _, err := os.Lstat(filepath.Join(h.source, filepath.FromSlash(p))); os.IsNotExist(err) {
					gone = append(gone, p)
				}
			}
		}
	}
	slices.Sort(gone)
	oids := make([]string, len(gone))
	files := make([]*fileLog, len(gone))
	for i, p := range gone {
		files[i] = h.log.files[p]
		oids[i] = files[i].revs[0].blob
	}
	h.mu.Unlock()
	if len(gone) == 0 {
		return nil, nil
	}
	texts, err := h.blobs.read(oids)
	if err != nil {
		return nil, err
	}
	moved := map[*model.Document]*fileLog{}
	for i, text := range texts {
		hd := readHeader(text)
		if d := orphans[model.FoldID(hd.ID)]; hd.ok && hd.ID != "" && d != nil && moved[d] == nil {
			moved[d] = files[i]
		}
	}
	return moved, nil
}

// HeadIDs returns the ids in the head commit's texts of the files that
// differ on disk (deleted or changed, not yet committed): git alone knows
// them now, and the pages of what changed may show them, which must not
// name a document the build leaves out.
func (h *History) HeadIDs() ([]string, error) {
	h.mu.Lock()
	var oids []string
	for p := range h.dirty {
		if f := h.log.files[p]; f != nil && len(f.revs) > 0 && f.revs[0].blob != "" && strings.EqualFold(pathExt(p), ".md") {
			oids = append(oids, f.revs[0].blob)
		}
	}
	h.mu.Unlock()
	return h.idsIn(oids)
}

// GoneFromDisk returns, by path, the ids in the head commit's texts of
// the Markdown files that are gone from disk (deleted or moved, not yet
// committed): a link left to such a path is broken now, and until the
// commit git alone can say whose file it was.
func (h *History) GoneFromDisk() (map[string]string, error) {
	h.mu.Lock()
	var paths, oids []string
	for p := range h.dirty {
		if f := h.log.files[p]; f != nil && len(f.revs) > 0 && f.revs[0].blob != "" && strings.EqualFold(pathExt(p), ".md") {
			if _, err := os.Lstat(filepath.Join(h.source, filepath.FromSlash(p))); os.IsNotExist(err) {
				paths = append(paths, p)
			}
		}
	}
	slices.Sort(paths)
	for _, p := range paths {
		oids = append(oids, h.log.files[p].revs[0].blob)
	}
	h.mu.Unlock()
	if len(paths) == 0 {
		return nil, nil
	}
	texts, err := h.blobs.read(oids)
	if err != nil {
		return nil, err
	}
	gone := map[string]string{}
	for i, text := range texts {
		if hd := readHeader(text); hd.ok && validID(hd.ID) {
			gone[paths[i]] = hd.ID
		}
	}
	return gone, nil
}
