package history

import "ismsgen/generator/model"

// Renames is what became of the paths that files of the head commit had
// before a commit renamed them: old path → the file's path now, both
// relative to the source. A path renamed several times names the file's
// path at head; a path two files once had, the most recent rename. A
// link left to an old path can then say where the file went.
func (h *History) Renames() map[string]model.Rename {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := map[string]model.Rename{}
	newest := map[string]int32{} // the commit of each old path's rename (a smaller index is newer)
	for now, f := range h.log.files {
		for i := 1; i < len(f.revs); i++ {
			old, renamed := f.revs[i].path, f.revs[i-1]
			if old == "" || old == renamed.path || old == now {
				continue
			}
			if c, ok := newest[old]; ok && c <= renamed.commit {
				continue
			}
			newest[old] = renamed.commit
			out[old] = model.Rename{To: now, Commit: h.log.commit(renamed)}
		}
	}
	return out
}
