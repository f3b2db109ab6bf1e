package history

import (
	"bytes"
	"strings"

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

// atMerge is a version whose approved run on the main line starts at a
// merge (rev i of w's file).
type atMerge struct {
	w       *walk
	i       int
	version string
}

// mergedApprovals finds, for each version whose approved run on the
// main line starts in a merge (the current version's, or an earlier
// one's: the run's oldest approved rev is the merge, and the rev before
// it carries another version), that version's approval on the merged
// branch: an edit committed there after the approval, the version not
// raised, reached the main line with the merge, where the main line's
// walk saw the version set already changed. Git is asked for the
// parents of the runs' first commits, and for the branches only when
// one of them is a merge.
func (h *History) mergedApprovals(walks []*walk) (map[*walk]map[string]branchApproval, error) {
	var runs []atMerge
	var hashes []string
	asked := map[string]bool{}
	for _, w := range walks {
		add := func(i int, version string) {
			if i < 0 || w.f.revs[i].blob == "" {
				return
			}
			if hd, ok := w.headers[i+1]; ok && hd.ok && hd.Version == version {
				return // the main line carried the version before
			}
			runs = append(runs, atMerge{w, i, version})
			if c := h.log.commit(w.f.revs[i]).Hash; !asked[c] {
				asked[c] = true
				hashes = append(hashes, c)
			}
		}
		add(w.set, w.d.Version)
		for v, i := range w.approvals {
			add(i, v)
		}
	}
	if len(runs) == 0 {
		return nil, nil
	}
	isMerge, err := h.repo.merges(hashes)
	if err != nil {
		return nil, err
	}
	wanted := map[string]bool{}
	var merged []atMerge
	for _, m := range runs {
		if c := h.log.commit(m.w.f.revs[m.i]).Hash; isMerge[c] {
			wanted[c] = true
			merged = append(merged, m)
		}
	}
	if len(merged) == 0 {
		return nil, nil
	}
	g, err := h.repo.graph()
	if err != nil {
		return nil, err
	}
	branches, err := h.branchLogs(g, wanted)
	if err != nil {
		return nil, err
	}
	// The merges' texts, which the walks keep only when compared.
	var oids []string
	for _, m := range merged {
		oids = append(oids, m.w.f.revs[m.i].blob)
	}
	mergedTexts, err := h.blobs.read(oids)
	if err != nil {
		return nil, err
	}
	found := map[*walk]map[string]branchApproval{}
	for k, m := range merged {
		rv := m.w.f.revs[m.i]
		merge := h.log.commit(rv)
		for _, b := range branches[merge.Hash] {
			f := b.files[rv.path]
			if f == nil {
				continue
			}
			a, ok, err := h.branchApproval(m.version, b, f.revs, merge, mergedTexts[k])
			if err != nil {
				return nil, err
			}
			if ok {
				if found[m.w] == nil {
					found[m.w] = map[string]branchApproval{}
				}
				found[m.w][m.version] = a
				break
			}
		}
	}
	return found, nil
}

// merges reports which of the commits named have more than one parent.
func (r *Repo) merges(hashes []string) (map[string]bool, error) {
	stdin := []byte(strings.Join(hashes, "\n") + "\n")
	out, err := r.run.longOutputIn(stdin, "rev-list", "--no-walk=unsorted", "--parents", "--stdin")
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) > 2 {
			m[f[0]] = true
		}
	}
	return m, nil
}

// branchApproval reads a branch's revs of a file (newest first): the
// run that carries version, from the newest back to its
// oldest approved text, which is compared with the merge's text
// (merged).
func (h *History) branchApproval(version string, b *Log, revs []rev, merge model.Commit, merged []byte) (branchApproval, bool, error) {
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
		if hd := readHeader(t); !hd.ok || hd.Version != version {
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
	a.asApproved = &model.Version{Version: version, Commit: b.commit(run[at]), Blob: run[at].blob, Path: run[at].path,
		Title: hd.Title, Status: hd.Status, Classification: h.classAt(hd.Classification, merge), Effective: hd.Effective, Approver: hd.Approver}
	return a, true, nil
}
