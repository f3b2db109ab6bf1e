package history

import (
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// ReusedIDs warns of each document of docs whose id was a withdrawn
// document's: a file deleted after that id was published, and a file of
// another title added with the id in a later commit, or not committed
// yet (check warns before the commit). The new document
// takes the withdrawn one's URL, and every link and reference to it;
// its tombstone and last text are no longer shown. A document put back
// under its id keeps its title, and is not warned of; nor is a file
// that a commit deleted while another took its id (a rename git did not
// find). Read from the deleted files' last texts, which the tombstones
// read already.
func (h *History) ReusedIDs(docs []*model.Document) (diag.List, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.loadDeleted(); err != nil {
		return nil, err
	}
	var diags diag.List
	for _, d := range docs {
		added := int32(-1) // a file not committed yet: after every commit
		if f := h.log.files[d.Path]; f != nil && len(f.revs) > 0 {
			added = f.revs[len(f.revs)-1].commit // the commits are newest first
		} else if d.Versions != nil {
			continue // a file git holds under another path (moved on disk)
		}
		for i, t := range h.deleted { // the most recent deletion first
			del := h.deletedLogs[i]
			if del == nil || model.FoldID(t.ID) != model.FoldID(d.ID) || del.revs[0].commit <= added {
				continue
			}
			if !unpublished(t.Last.Status) && !strings.EqualFold(strings.TrimSpace(t.Title), strings.TrimSpace(d.Title)) {
				c := t.Withdrawn
				diags.Warnf(d.Path, d.Line("id"), "id-reused",
					"give this document an id of its own: the number of a withdrawn document is not used again (if this is the withdrawn document put back, give it its title again)",
					"id %s was the id of another document, version %s, withdrawn in commit %s (%s, %s): this one takes its URL and every link to it, and its tombstone and last text are no longer shown",
					d.ID, t.Last.Version, c.Short(), c.Date(), c.Author)
			}
			break
		}
	}
	return diags, nil
}
