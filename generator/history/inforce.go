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
// every document are read at once, and the last commit's only when the
// file may differ from it (else it is the file, which is docs[i]).
func (h *History) LastPublished(docs []*model.Document, publish func(class, status string) bool) ([]*Published, error) {
	var oids []string
	var who []int
	var revs []rev
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
		for _, r := range f.revs[min(from, len(f.revs)):] {
			if r.blob != "" {
				oids, who, revs = append(oids, r.blob), append(who, i), append(revs, r)
			}
		}
	}
	h.mu.Unlock()
	out := make([]*Published, len(docs))
	if len(oids) == 0 {
		return out, nil
	}
	// Each file's texts come newest first: the first accepted is its.
	err := h.blobs.stream(oids, func(k int, text []byte) {
		i, r := who[k], revs[k]
		if out[i] != nil {
			return
		}
		hd := readHeader(text)
		if !hd.ok || model.FoldID(hd.ID) != model.FoldID(docs[i].ID) || !publish(hd.Classification, hd.Status) {
			return
		}
		out[i] = &Published{Text: bytes.Clone(text), Version: &model.Version{Version: hd.Version, Commit: h.log.commit(r), Blob: r.blob, Path: r.path,
			Title: hd.Title, Status: hd.Status, Classification: hd.Classification, Effective: hd.Effective}}
	})
	if err != nil {
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
