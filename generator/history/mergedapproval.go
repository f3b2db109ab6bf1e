package history

import (
	"bytes"

	"ismsgen/generator/model"
)

// branchApproval is the approval of a current version that reached the
// main line in a merge, found on the merged branch: the branch commit
// that approved it, and when the text the merge brought differs from
// the one approved, the first commit that changed it (on the branch, or
// the merge itself) and the text as approved just before.
type branchApproval struct {
	set        model.Commit
	changedIn  model.Commit // zero when the approved text is the merged one
	asApproved *model.Version
}

// mergedApprovals finds, for each walk whose current version the main
// line first carries in a merge (the run's oldest approved rev is the
// merge, and the rev before it carries another version), that version's
// approval on the merged branch: an edit committed there after the
// approval, the version not raised, reached the main line with the
// merge, where the main line's walk saw the version set already
// changed. Git is asked only when such a merge exists.
func (h *History) mergedApprovals(walks []*walk) (map[*walk]branchApproval, error) {
	var need []*walk
	for _, w := range walks {
		if w.set < 0 || w.f.revs[w.set].blob == "" {
			continue
		}
		if hd, ok := w.headers[w.set+1]; ok && hd.ok && hd.Version == w.d.Version {
			continue // the main line carried the version before the merge
		}
		need = append(need, w)
	}
	if len(need) == 0 {
		return nil, nil
	}
	g, err := h.repo.graph()
	if err != nil {
		return nil, err
	}
	wanted := map[string]bool{}
	var merges []*walk
	for _, w := range need {
		if c := h.log.commit(w.f.revs[w.set]).Hash; len(g[c]) > 1 {
			wanted[c] = true
			merges = append(merges, w)
		}
	}
	if len(merges) == 0 {
		return nil, nil
	}
	branches, err := h.branchLogs(g, wanted)
	if err != nil {
		return nil, err
	}
	// The merges' texts, which the walks keep only when compared.
	var oids []string
	for _, w := range merges {
		oids = append(oids, w.f.revs[w.set].blob)
	}
	mergedTexts, err := h.blobs.read(oids)
	if err != nil {
		return nil, err
	}
	found := map[*walk]branchApproval{}
	for k, w := range merges {
		rv := w.f.revs[w.set]
		merge := h.log.commit(rv)
		for _, b := range branches[merge.Hash] {
			f := b.files[rv.path]
			if f == nil {
				continue
			}
			a, ok, err := h.branchApproval(w, b, f.revs, merge, mergedTexts[k])
			if err != nil {
				return nil, err
			}
			if ok {
				found[w] = a
				break
			}
		}
	}
	return found, nil
}

// branchApproval reads a branch's revs of w's file (newest first): the
// run that carries the current version, from the newest back to its
// oldest approved text, which is compared with the merge's text
// (merged).
func (h *History) branchApproval(w *walk, b *Log, revs []rev, merge model.Commit, merged []byte) (branchApproval, bool, error) {
	var oids []string
	for _, r := range revs {
		if r.blob == "" {
			break
		}
		oids = append(oids, r.blob)
	}
	all, err := h.blobs.read(oids)
	if err != nil {
		return branchApproval{}, false, err
	}
	var run []rev
	var texts [][]byte
	for i, t := range all {
		if hd := readHeader(t); !hd.ok || hd.Version != w.d.Version {
			break
		}
		run, texts = append(run, revs[i]), append(texts, t)
	}
	approval := -1
	for i := range run {
		if readHeader(texts[i]).Status == model.StatusApproved {
			approval = i // the oldest approved, read last
		}
	}
	if approval < 0 {
		return branchApproval{}, false, nil
	}
	a := branchApproval{set: b.commit(run[approval])}
	approved := texts[approval]
	if sameDocument(approved, merged) {
		return a, true, nil
	}
	// The first text after the approval that changed it; else the merge.
	a.changedIn = merge
	at := 0
	for i := approval - 1; i >= 0; i-- {
		if !sameBetweenApprovals(approved, texts[i]) {
			a.changedIn, at = b.commit(run[i]), i+1
			break
		}
	}
	for at < approval && !sameDocument(approved, texts[at]) {
		at++ // only put back into review: the text as approved is older
	}
	hd := readHeader(texts[at])
	h.keep(run[at].blob, bytes.Clone(texts[at]))
	a.asApproved = &model.Version{Version: w.d.Version, Commit: b.commit(run[at]), Blob: run[at].blob, Path: run[at].path,
		Title: hd.Title, Status: hd.Status, Classification: h.classAt(hd.Classification, merge), Effective: hd.Effective, Approver: hd.Approver}
	return a, true, nil
}
