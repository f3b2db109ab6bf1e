package history

import (
	"maps"
	"slices"

	"ismsgen/generator/model"
)

// handOver follows a document, not its file, past a commit in which two
// files traded ids (their names swapped, or their texts: git sees two
// edits, not two renames): before that commit the document's history
// is the other file's, whose text had the document's id. Without this,
// each document showed the other's earlier texts as its own, and both
// were warned of a change after approval. It returns the walks started
// again on their document's own commits, for readRounds.
func (h *History) handOver(walks []*walk) ([]*walk, error) {
	type change struct {
		w *walk
		k int // the rev of w's file before the commit that gave it its id
	}
	var changes []change
	for _, w := range walks {
		if k := w.idChange(); k > 0 {
			changes = append(changes, change{w, k})
		}
	}
	if len(changes) == 0 {
		return nil, nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	// The files changed in the commits of those changes, and the texts
	// they had before: the walks read most of them already.
	byFile := map[*fileLog]*walk{}
	for _, w := range walks {
		byFile[w.f] = w
	}
	commits := map[int32]bool{}
	for _, c := range changes {
		commits[c.w.f.revs[c.k-1].commit] = true
	}
	type before struct {
		f *fileLog
		j int // the rev of f before the commit
	}
	var candidates []before
	var oids []string
	var unread []int
	// By path: a text copied to two files gives the same history every time.
	for _, p := range slices.Sorted(maps.Keys(h.log.files)) {
		f := h.log.files[p]
		for j := 0; j+1 < len(f.revs); j++ {
			if !commits[f.revs[j].commit] {
				continue
			}
			candidates = append(candidates, before{f, j + 1})
			if w := byFile[f]; w == nil || !hasHeader(w, j+1) {
				unread = append(unread, len(candidates)-1)
				oids = append(oids, f.revs[j+1].blob)
			}
		}
	}
	texts, err := h.blobs.read(oids)
	if err != nil {
		return nil, err
	}
	read := map[int]header{}
	for i, n := range unread {
		read[n] = readHeader(texts[i])
	}
	var again []*walk
	for _, c := range changes {
		id, at := model.FoldID(c.w.d.ID), c.w.f.revs[c.k-1].commit
		for n, b := range candidates {
			hd, ok := read[n]
			if !ok {
				hd = byFile[b.f].headers[b.j]
			}
			if b.f == c.w.f || b.f.revs[b.j-1].commit != at || !hd.ok || model.FoldID(hd.ID) != id {
				continue
			}
			f := &fileLog{revs: append(slices.Clone(c.w.f.revs[:c.k]), b.f.revs[b.j:]...)}
			again = append(again, newWalk(c.w.d, f, c.w.dirty))
			break
		}
	}
	for _, w := range again {
		i := slices.IndexFunc(walks, func(x *walk) bool { return x.d == w.d })
		walks[i] = w
	}
	return again, nil
}

// idChange is the first rev, from the newest, whose text has another
// valid id than the document's, when the rev after it has the
// document's: the commit between them gave the file its id. 0 when
// there is none.
func (w *walk) idChange() int {
	id := model.FoldID(w.d.ID)
	for k := 1; k < len(w.f.revs); k++ {
		hd, ok := w.headers[k]
		if !ok || !hd.ok || !validID(hd.ID) || model.FoldID(hd.ID) == id {
			continue
		}
		if prev, ok := w.headers[k-1]; ok && model.FoldID(prev.ID) != id {
			return 0 // the document's id came in a later change
		}
		return k
	}
	return 0
}

func hasHeader(w *walk, i int) bool {
	_, ok := w.headers[i]
	return ok
}
