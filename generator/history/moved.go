package history

import (
	"cmp"
	"slices"
	"strings"

	"ismsgen/generator/model"
)

// oldIDs lists the ids the walk's file had before a commit changed its
// id, the most recent change first, one for each id: from the front
// matter of every commit's text. An id changed in the file on disk and
// not yet committed is no change (as a deletion not yet committed makes
// no tombstone).
func (h *History) oldIDs(w *walk) []model.OldID {
	revs := w.f.revs
	newer := model.FoldID(w.d.ID)
	if hd, ok := w.headers[0]; ok && hd.ok && validID(hd.ID) {
		newer = model.FoldID(hd.ID) // the last commit's, when the file differs from it
	}
	seen := map[string]bool{model.FoldID(w.d.ID): true}
	var out []model.OldID
	for i := 1; i < len(revs); i++ {
		hd, ok := w.headers[i]
		if !ok || !hd.ok || !validID(hd.ID) {
			continue
		}
		key := model.FoldID(hd.ID)
		if key == newer {
			continue
		}
		newer = key
		if seen[key] {
			continue
		}
		seen[key] = true
		last := lastPublishedAs(w, i)
		hd = w.headers[last]
		out = append(out, model.OldID{ID: hd.ID, Changed: h.log.commit(revs[i-1]), Last: model.Version{
			Version: hd.Version, Commit: h.log.commit(revs[last]), Blob: revs[last].blob, Path: revs[last].path,
			Title: hd.Title, Status: hd.Status, Classification: h.classAt(hd.Classification, h.log.commit(revs[last])), Effective: hd.Effective, Approver: hd.Approver,
		}})
	}
	return out
}

// lastPublishedAs is the rev of the newest text, from rev i back, that
// carried rev i's id and was not a draft or in review, as long as the
// file kept that id; i when there is none. A document drafted and then
// renumbered left its old number in the version in force, which the
// old number's page shows.
func lastPublishedAs(w *walk, i int) int {
	key := model.FoldID(w.headers[i].ID)
	for j := i; j < len(w.f.revs); j++ {
		hd, ok := w.headers[j]
		if !ok || !hd.ok || !validID(hd.ID) {
			continue
		}
		if model.FoldID(hd.ID) != key {
			break
		}
		if !unpublished(hd.Status) {
			return j
		}
	}
	return i
}

// PublishMoved gives the site the pages of the ids that documents had
// before a commit changed them (model.Moved), after Publish. docs are
// all the documents of the set, published or not, and tombs the
// withdrawn documents (Tombstones): an id one of them has keeps no such
// page. When several files had an id, the most recent change decides;
// its page is published as a tombstone is (the old text's
// classification and status, see Publish) and only when the document
// now is published too: a withheld document leaves no trace.
func PublishMoved(site *model.Site, docs []*model.Document, tombs []*model.Tombstone, published func(classification, status string) bool) {
	taken := map[string]bool{}
	for _, d := range docs {
		taken[model.FoldID(d.ID)] = true
	}
	for _, t := range tombs {
		taken[model.FoldID(t.ID)] = true
	}
	type candidate struct {
		d  *model.Document
		id model.OldID
	}
	var all []candidate
	for _, d := range docs {
		if d.Versions == nil {
			continue
		}
		for _, o := range d.Versions.OldIDs {
			if !taken[model.FoldID(o.ID)] {
				all = append(all, candidate{d, o})
			}
		}
	}
	// The most recent change first; the same commit, by the documents'
	// paths: the same history gives the same pages.
	slices.SortStableFunc(all, func(a, b candidate) int {
		if c := b.id.Changed.When.Compare(a.id.Changed.When); c != 0 {
			return c
		}
		return cmp.Compare(a.d.Path, b.d.Path)
	})
	site.Moved = nil
	for _, c := range all {
		key := model.FoldID(c.id.ID)
		if taken[key] {
			continue
		}
		taken[key] = true
		last := c.id.Last
		if site.Doc(c.d.ID) != c.d || !published(last.Classification, last.Status) || last.Status == model.StatusDraft || last.Status == model.StatusReview {
			continue // never published, or not in this build
		}
		m := &model.Moved{ID: c.id.ID, Title: last.Title, Changed: c.id.Changed, Doc: c.d}
		for i, e := range c.d.Versions.Earlier { // what this build shows of them
			if e.Blob == last.Blob && model.VersionFolder(e.Version) != "" {
				m.Last = &c.d.Versions.Earlier[i]
				break
			}
		}
		site.Moved = append(site.Moved, m)
	}
	slices.SortFunc(site.Moved, func(a, b *model.Moved) int { return strings.Compare(a.ID, b.ID) })
}
