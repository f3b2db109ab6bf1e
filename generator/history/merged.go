package history

import (
	"bytes"
	"strings"

	"ismsgen/generator/model"
)

// mergedVersions finds the versions that [[history]] names, that a
// walk's file never carried on the main line, and that no deleted file
// carried either (gone): those committed only on a branch that a merge
// joined to the main line (1.1 on a branch, 1.2 on the main line, the
// merge 1.3). The text of such a version is its newest on that branch,
// as for the main line (approved rather than a later draft), and is
// judged by the site's default classification at the merge. Git is
// asked only when a walk misses a version and its file changed in a
// merge: once for the main line's merges, once for each such merge.
func (h *History) mergedVersions(walks []*walk, gone map[string][]model.Version) (map[*walk]map[string]model.Version, error) {
	var need []*walk
	for _, w := range walks {
		if w.missing(gone) {
			need = append(need, w)
		}
	}
	if len(need) == 0 {
		return nil, nil
	}
	out, err := h.repo.run.output("rev-list", "--first-parent", "--merges", h.repo.head, "--")
	if err != nil || len(out) == 0 {
		return nil, err
	}
	merges := map[string]bool{}
	for _, m := range strings.Fields(string(out)) {
		merges[m] = true
	}
	// The branches' logs, one for each branch of each merge that changed
	// a file missing a version (an octopus merge joins several).
	branches := map[string][]*Log{}
	type source struct {
		w      *walk
		merge  model.Commit
		branch *Log
		revs   []rev // the file's on the branch, newest first
	}
	var sources []source
	for _, w := range need {
		for _, rv := range w.f.revs { // the newest merge first
			m := h.log.commit(rv)
			if !merges[m.Hash] || rv.blob == "" {
				continue
			}
			logs, ok := branches[m.Hash]
			if !ok {
				if logs, err = h.branchLogs(m.Hash); err != nil {
					return nil, err
				}
				branches[m.Hash] = logs
			}
			for _, b := range logs {
				if b.files[rv.path] != nil {
					sources = append(sources, source{w: w, merge: m, branch: b, revs: b.files[rv.path].revs})
				}
			}
		}
	}
	var oids []string
	for _, s := range sources {
		for _, r := range s.revs {
			if r.blob != "" {
				oids = append(oids, r.blob)
			}
		}
	}
	if len(oids) == 0 {
		return nil, nil
	}
	texts, err := h.blobs.read(oids)
	if err != nil {
		return nil, err
	}
	found := map[*walk]map[string]model.Version{}
	next := 0
	for _, s := range sources {
		for _, r := range s.revs {
			if r.blob == "" {
				continue
			}
			text := texts[next]
			next++
			hd := readEarlierHeader(text)
			if !hd.ok && !hd.yaml || !s.w.want[hd.Version] || s.w.has(hd.Version, gone) {
				continue
			}
			if found[s.w] == nil {
				found[s.w] = map[string]model.Version{}
			}
			if e, ok := found[s.w][hd.Version]; ok && !(unpublished(e.Status) && !unpublished(hd.Status)) {
				continue // a newer text of it, or an approved one
			}
			c := s.branch.commit(r)
			found[s.w][hd.Version] = model.Version{Version: hd.Version, Commit: c, Blob: r.blob, Path: r.path,
				Title: hd.Title, Status: hd.Status, Classification: h.classAt(hd.Classification, s.merge), Effective: hd.Effective, Approver: hd.Approver}
			h.keep(r.blob, bytes.Clone(text))
		}
	}
	return found, nil
}

// branchLogs are the logs of the content folder on the branches that
// merge joined to the main line: for each parent but the first, the
// commits of its first parents that the merge's first parent does not
// have. A branch a shallow clone does not hold has none.
func (h *History) branchLogs(merge string) ([]*Log, error) {
	out, err := h.repo.run.output("rev-parse", merge+"^@")
	if err != nil {
		return nil, err
	}
	parents := strings.Fields(string(out))
	var logs []*Log
	for _, p := range parents[min(1, len(parents)):] {
		out, err := h.repo.logRange([]string{p, "^" + parents[0]}, h.repo.contentSpec())
		if err != nil {
			if _, e := h.repo.run.output("rev-parse", "-q", "--verify", p+"^{commit}"); e != nil {
				continue // a shallow clone without the branch
			}
			return nil, err
		}
		l := &Log{files: map[string]*fileLog{}}
		if err := l.parse(out, map[string]*fileLog{}, h.repo.rel); err != nil {
			return nil, err
		}
		logs = append(logs, l)
	}
	return logs, nil
}

// missing reports whether the walk misses a version that [[history]]
// names, other than the current one, that no deleted file carried.
func (w *walk) missing(gone map[string][]model.Version) bool {
	for v := range w.want {
		if _, ok := w.found[v]; !ok && !w.has(v, gone) {
			return true
		}
	}
	return false
}

// has reports whether the walk found version v, on the main line or in
// a deleted file (gone).
func (w *walk) has(v string, gone map[string][]model.Version) bool {
	if _, ok := w.found[v]; ok {
		return true
	}
	for _, e := range gone[model.FoldID(w.d.ID)] {
		if e.Version == v {
			return true
		}
	}
	return false
}
