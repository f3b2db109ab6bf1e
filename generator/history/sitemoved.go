package history

import (
	"strings"
)

// followMoves reads on past a commit that moved the content folder into
// its place from elsewhere in the repository (a site moved into a
// larger repository's isms/ folder): git, asked about the content
// folder alone, sees the move as files added, and the history before it
// would be lost. When the oldest commit read renamed files into the
// content folder from one other folder with the same layout, the log of
// that folder from the commit's parent continues the files' history.
func (r *Repo) followMoves(l *Log, track map[string]*fileLog) error {
	for hop := 0; hop < 8 && len(l.commits) > 0; hop++ {
		c := int32(len(l.commits) - 1)
		oldest := l.commits[c].Hash
		if _, err := r.run.output("rev-parse", "-q", "--verify", oldest+"^"); err != nil {
			return nil // the first commit, or a shallow clone's boundary
		}
		out, err := r.run.output("diff-tree", "-z", "-r", "-M", "--raw", "--no-abbrev", "--no-commit-id", "--no-ext-diff", oldest+"^", oldest)
		if err != nil {
			return err
		}
		dir := "" // the old content folder, with its slash
		moves := map[string]string{}
		err = parseChanges(out, func(status byte, old, _, from, to string) {
			rt := r.rel(to)
			sub, ok := strings.CutPrefix(rt, "content/")
			if status != 'R' || !ok || strings.HasPrefix(from, r.prefix+"content/") || !strings.HasSuffix(from, "/"+sub) {
				return
			}
			if d := strings.TrimSuffix(from, sub); dir == "" || d == dir {
				dir, moves[rt] = d, old
			}
		})
		if err != nil || len(moves) == 0 {
			return err
		}
		// The files the move added are the older files renamed.
		for _, f := range l.fileList() {
			if rv := &f.revs[len(f.revs)-1]; rv.commit == c && moves[rv.path] != "" && rv.old == "" {
				rv.old = moves[rv.path]
				track[rv.path] = f
			}
		}
		out, err = r.logOf(oldest+"^", ":(literal)"+strings.TrimSuffix(dir, "/"))
		if err != nil {
			return err
		}
		rel := func(p string) string {
			if sub, ok := strings.CutPrefix(p, dir); ok {
				return "content/" + sub
			}
			return ""
		}
		if err := l.parse(out, track, rel); err != nil {
			return err
		}
		if int32(len(l.commits)-1) == c {
			return nil
		}
	}
	return nil
}

// fileList is every file of the log, at head and deleted.
func (l *Log) fileList() []*fileLog {
	out := append([]*fileLog{}, l.deleted...)
	for _, f := range l.files {
		out = append(out, f)
	}
	return out
}
