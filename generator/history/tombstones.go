package history

import (
	"slices"
	"strings"

	"ismsgen/generator/internal/par"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

// Tombstones lists the documents whose files were deleted and whose ids
// no document of docs has: one for each id, from its latest deletion,
// the most recent first. Publish decides which of them the site shows.
func (h *History) Tombstones(docs []*model.Document) ([]*model.Tombstone, error) {
	all, err := h.Withdrawals(docs)
	seen := map[string]bool{}
	return slices.DeleteFunc(all, func(t *model.Tombstone) bool {
		key := model.FoldID(t.ID)
		dup := seen[key]
		seen[key] = true
		return dup
	}), err
}

// Withdrawals lists every deletion of a document file whose id no
// document of docs has, the most recent first: Publish shows, of each
// id, the most recent this build may publish (a file above the ceiling
// that had the id and was deleted since does not hide the withdrawal
// its readers saw).
func (h *History) Withdrawals(docs []*model.Document) ([]*model.Tombstone, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.loadDeleted(); err != nil {
		return nil, err
	}
	taken := map[string]bool{}
	for _, d := range docs {
		taken[model.FoldID(d.ID)] = true
	}
	var out []*model.Tombstone
	for _, t := range h.deleted {
		if !taken[model.FoldID(t.ID)] {
			out = append(out, t)
		}
	}
	return out, nil
}

// loadDeleted reads h.deleted on first use; h.mu is held.
func (h *History) loadDeleted() error {
	if h.deleted != nil {
		return nil
	}
	var err error
	h.deleted, h.deletedLogs, err = h.readDeleted()
	return err
}

// readDeleted reads the last text of every document file deleted, the
// most recent deletion first, once; the files are returned beside.
func (h *History) readDeleted() ([]*model.Tombstone, []*fileLog, error) {
	out := []*model.Tombstone{}
	oids := make([]string, 0, len(h.log.deleted))
	var files []*fileLog
	for _, f := range h.log.deleted {
		if d := f.revs[0]; d.old != "" && strings.EqualFold(pathExt(d.path), ".md") {
			oids = append(oids, d.old)
			files = append(files, f)
		}
	}
	texts, err := h.blobs.read(oids)
	if err != nil {
		return nil, nil, err
	}
	headers := make([]header, len(texts))
	par.Each(len(texts), func(i int) { headers[i] = readHeader(texts[i]) })
	published, err := h.lastPublished(files, headers)
	if err != nil {
		return nil, nil, err
	}
	var logs []*fileLog
	var lasts [][]byte
	for i, f := range files {
		hd := headers[i]
		if !hd.ok || !validID(hd.ID) {
			continue
		}
		del := f.revs[0]
		last := model.Version{Version: hd.Version, Blob: del.old, Path: del.path, Title: hd.Title, Status: hd.Status, Classification: hd.Classification, Effective: hd.Effective, Approver: hd.Approver}
		if len(f.revs) > 1 {
			last.Commit = h.log.commit(f.revs[1])
		}
		text := texts[i]
		if p := published[i]; p != nil {
			hd, last, text = p.hd, p.version, p.text
		} else {
			// Named none: the default of the site that showed it last,
			// before the commit that deleted it.
			last.Classification = h.classBefore(hd.Classification, h.log.commit(del))
		}
		t := &model.Tombstone{ID: hd.ID, Title: hd.Title, Tier: hd.Tier, Withdrawn: h.log.commit(del), Last: last}
		listed(t, text)
		out = append(out, t)
		logs = append(logs, f)
		lasts = append(lasts, text)
		h.keep(last.Blob, text)
	}
	if err := h.changedTombs(out, logs, lasts); err != nil {
		return nil, nil, err
	}
	return out, logs, nil
}

// listed gives t what the lists of withdrawn documents show of its
// last text and filter it by: its type, owners and distribution, as
// validate reads them. Read for the deleted files alone, which are few:
// the header of every text leaves the lists out.
func listed(t *model.Tombstone, text []byte) {
	f := load.ParseText("", text)
	if f == nil {
		return
	}
	strs := func(key string) []string {
		list, _ := f.Meta[key].([]any)
		var out []string
		for _, item := range list {
			if s, ok := item.(string); ok && !slices.Contains(out, strings.TrimSpace(s)) {
				out = append(out, strings.TrimSpace(s))
			}
		}
		return out
	}
	t.Type, _ = f.Meta["type"].(string)
	if t.Type = strings.TrimSpace(t.Type); !slices.Contains(model.Types, t.Type) {
		t.Type = model.TierType(t.Tier)
	}
	t.Owners, t.Distribution = strs("owners"), strs("distribution")
	if _, ok := f.Meta["distribution"]; !ok {
		t.Distribution = t.Owners
	}
}

// earlierText is a text of a deleted file before its last one.
type earlierText struct {
	hd      header
	version model.Version
	text    []byte
}

// lastPublished finds, for each deleted file whose last text is a draft
// or in review (headers[i]), its newest earlier text that was not: a
// document drafted again and then deleted was withdrawn in the version
// in force, which its tombstone shows, under the id that text bore (a
// draft that gave the document a new id took it off the site, and the
// old id is the URL its readers had). It is nil for the others.
func (h *History) lastPublished(files []*fileLog, headers []header) ([]*earlierText, error) {
	var oids []string
	var from [][2]int // file, rev
	for i, f := range files {
		if headers[i].ok && unpublished(headers[i].Status) {
			for r := 2; r < len(f.revs); r++ { // revs[1] wrote the last text
				oids = append(oids, f.revs[r].blob)
				from = append(from, [2]int{i, r})
			}
		}
	}
	out := make([]*earlierText, len(files))
	if len(oids) == 0 {
		return out, nil
	}
	texts, err := h.blobs.read(oids)
	if err != nil {
		return nil, err
	}
	for k, text := range texts {
		i, rv := from[k][0], files[from[k][0]].revs[from[k][1]]
		if out[i] != nil || rv.blob == "" {
			continue // a newer one was found
		}
		hd := readHeader(text)
		if !hd.ok || unpublished(hd.Status) || !validID(hd.ID) {
			continue
		}
		out[i] = &earlierText{hd: hd, text: text, version: model.Version{Version: hd.Version, Commit: h.log.commit(rv), Blob: rv.blob, Path: rv.path,
			Title: hd.Title, Status: hd.Status, Classification: h.classAt(hd.Classification, h.log.commit(rv)), Effective: hd.Effective, Approver: hd.Approver}}
	}
	return out, nil
}

// validID reports whether an id can name a folder of the site: the
// syntax validate checks for current documents.
func validID(id string) bool {
	if id == "" || len(id) > 100 || id[0] == '.' || id[0] == '-' || strings.Contains(id, "..") {
		return false
	}
	return !strings.ContainsFunc(id, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-')
	})
}

func pathExt(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 && !strings.Contains(p[i:], "/") {
		return p[i:]
	}
	return ""
}

// Publish keeps of the documents' earlier versions, and of tombs, what
// this build publishes: published says whether a text with this
// classification and status would be published (the ceiling and
// --drafts, as for the current documents); of several of one id, the
// first it may publish, the most recent. A tombstone's replacements
// are the published documents whose supersedes names it.
func Publish(site *model.Site, tombs []*model.Tombstone, published func(classification, status string) bool) {
	ok := func(v model.Version) bool {
		return published(v.Classification, v.Status)
	}
	for _, d := range site.Docs {
		if d.Versions != nil {
			v := *d.Versions // serve keeps the document's, for every build
			v.Earlier = nil
			for _, e := range d.Versions.Earlier {
				if !ok(e) {
					continue
				}
				if e.AsApproved != nil && !ok(*e.AsApproved) {
					e.AsApproved = nil // still changed after approval, but its approved text is not this build's
				}
				v.Earlier = append(v.Earlier, e)
			}
			if a := v.AsApproved; a != nil && !ok(*a) {
				v.AsApproved = nil
			}
			d.Versions = &v
		}
	}
	site.Tombstones = nil
	shown := map[string]bool{}
	for _, t := range tombs {
		if !ok(t.Last) || t.Last.Status == model.StatusDraft || t.Last.Status == model.StatusReview || site.Doc(t.ID) != nil || shown[model.FoldID(t.ID)] {
			continue // never published, not in this build, or withdrawn again since
		}
		shown[model.FoldID(t.ID)] = true
		ts := *t // the history keeps its own, for the next build
		ts.ReplacedBy = nil
		for _, d := range site.Docs {
			if d.Status == model.StatusApproved && slices.ContainsFunc(d.Supersedes, func(id string) bool { return strings.EqualFold(id, t.ID) }) {
				ts.ReplacedBy = append(ts.ReplacedBy, d)
			}
		}
		ts.Listed = &model.Document{ID: t.ID, Title: t.Title, Tier: t.Tier, Type: t.Type, Version: t.Last.Version, Status: model.StatusObsolete,
			Classification: t.Last.Classification, Owners: t.Owners, Distribution: t.Distribution}
		ts.Listed.KeepURL()
		site.Tombstones = append(site.Tombstones, &ts)
	}
	slices.SortFunc(site.Tombstones, func(a, b *model.Tombstone) int { return strings.Compare(a.ID, b.ID) })
}

// DeletedIDs returns the ids that the deleted files' earlier texts bore
// other than their last (a document renumbered, then withdrawn): the
// pages of what changed in other documents may name them, and an id
// that no document, tombstone or old id's page of the build has must
// not appear (the withdrawn document may have been confidential).
func (h *History) DeletedIDs() ([]string, error) {
	h.mu.Lock()
	if err := h.loadDeleted(); err != nil {
		h.mu.Unlock()
		return nil, err
	}
	var oids []string
	for _, f := range h.deletedLogs {
		if f == nil {
			continue
		}
		for _, rv := range f.revs[1:] {
			if rv.blob != "" && isDocument(rv.path) {
				oids = append(oids, rv.blob)
			}
		}
	}
	h.mu.Unlock()
	return h.idsIn(oids)
}

// idsIn returns the valid ids of the texts oids, read once each.
func (h *History) idsIn(oids []string) ([]string, error) {
	if len(oids) == 0 {
		return nil, nil
	}
	slices.Sort(oids)
	oids = slices.Compact(oids)
	texts, err := h.blobs.read(oids)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, text := range texts {
		if hd := readHeader(text); hd.ok && validID(hd.ID) {
			ids = append(ids, hd.ID)
		}
	}
	return ids, nil
}
