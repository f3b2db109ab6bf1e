package history

import "ismsgen/generator/model"

// LastPublished finds the newest text of the document file at path (as
// its commits hold it, renames followed) with the id id and a header
// that publish accepts: the version in force while the file holds a
// draft or a review. It is nil when git holds none.
func (h *History) LastPublished(path, id string, publish func(class, status string) bool) (*model.Version, []byte, error) {
	h.mu.Lock()
	f := h.log.files[path]
	h.mu.Unlock()
	if f == nil {
		return nil, nil, nil
	}
	var oids []string
	var revs []rev
	for _, r := range f.revs {
		if r.blob != "" {
			oids, revs = append(oids, r.blob), append(revs, r)
		}
	}
	texts, err := h.blobs.read(oids)
	if err != nil {
		return nil, nil, err
	}
	for i, r := range revs {
		hd := readHeader(texts[i])
		if !hd.ok || model.FoldID(hd.ID) != model.FoldID(id) || !publish(hd.Classification, hd.Status) {
			continue
		}
		return &model.Version{Version: hd.Version, Commit: h.log.commit(r), Blob: r.blob, Path: r.path,
			Title: hd.Title, Status: hd.Status, Classification: hd.Classification, Effective: hd.Effective}, texts[i], nil
	}
	return nil, nil, nil
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
