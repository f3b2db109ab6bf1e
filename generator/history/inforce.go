package history

import (
	"bytes"

	"ismsgen/generator/model"
)

// Published is the version in force of a document whose file holds a
// draft or a review: the newest text of its file that has its id and
// that the build would publish, with the commit that holds it.
type Published struct {
	Version *model.Version
	Text    []byte
}

// LastPublished finds, for each document of docs, the newest text of its
// file (as its commits hold it, renames followed) with its id and a
// header that publish accepts; nil where git holds none. The texts of
// every document are read at once (the loose objects' here, the others
// by git), and the last commit's only when the file may differ from it
// (else it is the file, which is docs[i]).
func (h *History) LastPublished(docs []*model.Document, publish func(class, status string) bool) ([]*Published, error) {
	type text struct {
		doc, pos int // pos: the rev's place in its file's revs, the newest first
		rev      rev
	}
	var wanted []text
	h.mu.Lock()
	for i, d := range docs {
		f := h.log.files[d.Path]
		if f == nil {
			continue
		}
		from := 1
		if h.dirty[d.Path] {
			from = 0
		}
		for k := from; k < len(f.revs); k++ {
			if f.revs[k].blob != "" {
				wanted = append(wanted, text{i, k, f.revs[k]})
			}
		}
	}
	h.mu.Unlock()
	out := make([]*Published, len(docs))
	if len(wanted) == 0 {
		return out, nil
	}
	pos := make([]int, len(docs)) // of the text in out
	// The newest text accepted is the document's, whatever the order
	// in which the texts are read.
	consider := func(t text, body []byte) {
		if out[t.doc] != nil && pos[t.doc] < t.pos {
			return
		}
		hd := readHeader(body)
		if !hd.ok || model.FoldID(hd.ID) != model.FoldID(docs[t.doc].ID) || !publish(hd.Classification, hd.Status) {
			return
		}
		pos[t.doc] = t.pos
		out[t.doc] = &Published{Text: bytes.Clone(body), Version: &model.Version{Version: hd.Version, Commit: h.log.commit(t.rev), Blob: t.rev.blob, Path: t.rev.path,
			Title: hd.Title, Status: hd.Status, Classification: hd.Classification, Effective: hd.Effective}}
	}
	// The loose objects are read here (see looseObjects), the others by
	// git.
	var oids []string
	var byGit []text
	loose := h.repo.loose()
	for _, t := range wanted {
		if out[t.doc] != nil && pos[t.doc] < t.pos {
			continue // a newer text is the document's
		}
		if loose != nil {
			if body, ok := loose.read(t.rev.blob); ok {
				consider(t, body)
				continue
			}
		}
		oids, byGit = append(oids, t.rev.blob), append(byGit, t)
	}
	if len(oids) == 0 {
		return out, nil
	}
	if err := h.blobs.stream(oids, func(k int, body []byte) { consider(byGit[k], body) }); err != nil {
		return nil, err
	}
	return out, nil
}

// upTo is f as it stood at the commit of v: its revs from that one on.
// A document shown from git (model.Document.FromGit) has the history of
// that text, as if the file still held it.
func (f *fileLog) upTo(h *History, v *model.Version) *fileLog {
	for i, r := range f.revs {
		if r.blob == v.Blob && h.log.commit(r).Hash == v.Commit.Hash {
			return &fileLog{revs: f.revs[i:]}
		}
	}
	return f
}
