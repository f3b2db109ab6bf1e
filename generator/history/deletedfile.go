package history

import "ismsgen/generator/model"

// DeletedFile tells of p, a path relative to the source that is not on
// disk, whether the head commit has it (deleted on disk, not yet
// committed: uncommitted), else the most recent commit that deleted it;
// ok is false when git never had a file there, and for a document's
// file, whose hints say more (see the tombstones).
func (h *History) DeletedFile(p string) (c model.Commit, uncommitted, ok bool) {
	if isDocument(p) {
		return model.Commit{}, false, false
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if f := h.log.files[p]; f != nil && len(f.revs) > 0 && f.revs[0].blob != "" && h.dirty[p] {
		return model.Commit{}, true, true
	}
	for _, f := range h.log.deleted { // the most recent deletion first
		if len(f.revs) > 0 && f.revs[0].blob == "" && f.revs[0].path == p {
			return h.log.commit(f.revs[0]), false, true
		}
	}
	return model.Commit{}, false, false
}
