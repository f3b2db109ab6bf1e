package history

import (
	"maps"
	"slices"

	"ismsgen/generator/model"
)

// handOver follows a document, not its file, past a commit in which two
// files traded their texts (their names swapped, or their contents: git
// sees two edits, not two renames): before that commit the document's
// history is the other file's. Without this, each document showed the
// other's earlier texts as its own, and both were warned of a change
// after approval. Two files trade texts when they trade ids and the
// text moved: the same bytes, or the title that came with the id.
// Ids renumbered with their texts in place (P-2 to P-3 and P-1 to P-2,
// or two numbers exchanged) stay with their files. It returns the walks
// started again on their document's own commits, for readWalks.
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
	byFile := map[*fileLog]*walk{}
	for _, w := range walks {
		byFile[w.f] = w
	}
	commits := map[int32]bool{}
	for _, c := range changes {
		commits[c.w.f.revs[c.k-1].commit] = true
	}
	// The other files changed in those commits, and their headers after
	// and before: the walks read most of them already.
	type other struct {
		f             *fileLog
		j             int // the rev of f that the commit made
		after, before header
	}
	var others []*other
	var oids []string
	var unread []*header
	headerOf := func(f *fileLog, i int, into *header) {
		if w := byFile[f]; w != nil {
			if hd, ok := w.headers[i]; ok {
				*into = hd
				return
			}
		}
		oids, unread = append(oids, f.revs[i].blob), append(unread, into)
	}
	// By path: a text copied to two files gives the same history every time.
	for _, p := range slices.Sorted(maps.Keys(h.log.files)) {
		f := h.log.files[p]
		for j := 0; j+1 < len(f.revs); j++ {
			if commits[f.revs[j].commit] && f.revs[j].blob != "" {
				o := &other{f: f, j: j}
				others = append(others, o)
				headerOf(f, j, &o.after)
				headerOf(f, j+1, &o.before)
			}
		}
	}
	texts, err := h.blobs.read(oids)
	if err != nil {
		return nil, err
	}
	for i, into := range unread {
		*into = readHeader(texts[i])
	}
	var again []*walk
	for _, c := range changes {
		revs := c.w.f.revs
		id, at := model.FoldID(c.w.d.ID), revs[c.k-1].commit
		was, title := c.w.headers[c.k], c.w.d.Title
		if hd, ok := c.w.headers[c.k-1]; ok {
			title = hd.Title
		}
		for _, o := range others {
			if o.f == c.w.f || o.f.revs[o.j].commit != at || !o.before.ok || !o.after.ok ||
				model.FoldID(o.before.ID) != id || model.FoldID(o.after.ID) != model.FoldID(was.ID) {
				continue // not the file that gave this one its id and took its old one
			}
			if revs[c.k-1].blob != o.f.revs[o.j+1].blob && (title != o.before.Title || title == was.Title) {
				continue // the ids moved, the texts stayed
			}
			f := &fileLog{revs: append(slices.Clone(revs[:c.k]), o.f.revs[o.j+1:]...)}
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
