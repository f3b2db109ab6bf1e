package history

import (
	"bytes"
	"fmt"
	"slices"
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
// merge: once for the commits' parents, once for the branches' logs.
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
	g, err := h.repo.graph()
	if err != nil {
		return nil, err
	}
	// The merges of the main line that changed a file missing a version.
	wanted := map[string]bool{}
	for _, w := range need {
		for _, rv := range w.f.revs {
			if c := h.log.commit(rv).Hash; len(g[c]) > 1 && rv.blob != "" {
				wanted[c] = true
			}
		}
	}
	if len(wanted) == 0 {
		return nil, nil
	}
	branches, err := h.branchLogs(g, wanted)
	if err != nil {
		return nil, err
	}
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
			if !wanted[m.Hash] || rv.blob == "" {
				continue
			}
			for _, b := range branches[m.Hash] {
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

// graph is the parents of every commit up to the head, by hash; a
// shallow clone's oldest commits have none. It is read once a Repo: the
// callers only read it.
func (r *Repo) graph() (map[string][]string, error) {
	p := r.parents
	p.once.Do(func() { p.g, p.err = r.readGraph() })
	return p.g, p.err
}

func (r *Repo) readGraph() (map[string][]string, error) {
	out, err := r.run.longOutput("rev-list", "--parents", r.head, "--")
	if err != nil {
		return nil, err
	}
	g := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			g[f[0]] = f[1:]
		}
	}
	return g, nil
}

// branchLogs are the logs of the content folder on the branches that
// the merges wanted joined to the main line: for each parent of a merge
// but the first, the commits of its first parents that the merge's
// first parent does not have (git log --first-parent M^2 ^M^1), and so
// for the branches merged into those, each commit in one log. They
// are read with one git command for all the merges: the branches'
// commits are found in g, from the oldest commit of the main line up,
// each merge's first parent having every commit met before it.
func (h *History) branchLogs(g map[string][]string, wanted map[string]bool) (map[string][]*Log, error) {
	var main []string // the main line, the newest first
	for c := h.repo.head; c != ""; {
		main = append(main, c)
		if ps := g[c]; len(ps) > 0 {
			c = ps[0]
		} else {
			c = ""
		}
	}
	seen := map[string]bool{} // the commits of the main line's commits met so far
	chains := map[string][][]string{}
	left := len(wanted)
	for i := len(main) - 1; i >= 0 && left > 0; i-- {
		c := main[i]
		if wanted[c] {
			left--
			// The branches' first parents, then those of the branches
			// merged into them (a feature merged into develop), each
			// commit in one chain.
			taken := map[string]bool{}
			for tips := slices.Clone(g[c][1:]); len(tips) > 0; {
				var chain []string
				for x := tips[0]; x != "" && !seen[x] && !taken[x]; {
					ps, ok := g[x]
					if !ok {
						break // a shallow clone without the branch
					}
					taken[x] = true
					chain = append(chain, x)
					x = ""
					if len(ps) > 0 {
						x = ps[0]
						tips = append(tips, ps[1:]...)
					}
				}
				tips = tips[1:]
				if len(chain) > 0 {
					chains[c] = append(chains[c], chain)
				}
			}
		}
		for stack := []string{c}; len(stack) > 0; {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !seen[x] {
				seen[x] = true
				stack = append(stack, g[x]...)
			}
		}
	}
	var all []string
	for _, cs := range chains {
		for _, chain := range cs {
			all = append(all, chain...)
		}
	}
	if len(all) == 0 {
		return nil, nil
	}
	out, err := h.repo.logCommits(all, h.repo.contentSpec())
	if err != nil {
		return nil, err
	}
	recs, err := records(out)
	if err != nil {
		return nil, fmt.Errorf("git log: %w", err)
	}
	logs := map[string][]*Log{}
	for m, cs := range chains {
		for _, chain := range cs {
			var b []byte
			for _, c := range chain {
				b = append(b, recs[c]...)
			}
			l := &Log{files: map[string]*fileLog{}}
			if err := l.parse(b, map[string]*fileLog{}, h.repo.rel); err != nil {
				return nil, fmt.Errorf("git log: %w", err)
			}
			if err := h.repo.rawAuthors(l.commits, l.foreign); err != nil {
				return nil, err
			}
			logs[m] = append(logs[m], l)
		}
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
