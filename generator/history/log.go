package history

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

// Log is the history of every file under the source's content folder:
// one `git log` of the whole folder, renames followed.
type Log struct {
	commits []model.Commit      // newest first
	foreign map[int32]string    // commits whose message claims an encoding other than UTF-8, and it (see rawAuthors)
	files   map[string]*fileLog // files at head, by path relative to the source
	deleted []*fileLog          // files deleted since, the most recent deletion first
	shallow bool                // the oldest commit is a shallow clone's boundary
}

// fileLog is one file's commits, newest first.
type fileLog struct {
	revs []rev
}

// rev is what one commit did to one file.
type rev struct {
	commit int32  // index in Log.commits
	blob   string // the file's blob after the commit; "" when the commit deleted it
	old    string // its blob before the commit; "" when the commit added it
	path   string // its path after the commit (before, when deleted), relative to the source
}

// logFormat starts each commit with a record separator, its hash, its
// committer date (strict ISO 8601, with the committer's offset), the
// encoding its message claims and its author's name; the raw changes
// follow.
const logFormat = "--format=%x1e%H%x1f%cI%x1f%e%x1f%aN"

// ReadLog reads the history of the content folder up to the repository's
// head commit, following the first parent of merges (the main line: what
// was published) and renames.
func (r *Repo) ReadLog() (*Log, error) {
	out, err := r.logOf(r.head, r.contentSpec())
	if err != nil {
		return nil, err
	}
	l := &Log{files: map[string]*fileLog{}}
	// track maps a path, as the commits met so far (from the newest) last
	// saw it, to its file.
	track := map[string]*fileLog{}
	if err := l.parse(out, track, r.rel); err != nil {
		return nil, fmt.Errorf("git log: %w", err)
	}
	if err := r.followMoves(l, track); err != nil {
		return nil, err
	}
	if err := r.rawAuthors(l.commits, l.foreign); err != nil {
		return nil, err
	}
	l.shallow = r.shallow
	return l, nil
}

// parse reads the output of ReadLog's command, older than the commits
// read so far; rel turns a path of the repository into one relative to
// the source. It reads from the start: an author's name and a path may
// hold any byte but NUL (the separators of the format too), so each
// part is found where the one before ends.
func (l *Log) parse(out []byte, track map[string]*fileLog, rel func(string) string) error {
	for len(out) > 0 {
		if out[0] != 0x1e {
			return fmt.Errorf("unexpected output %q", out[:min(len(out), 40)])
		}
		head, rest, _ := bytes.Cut(out[1:], []byte{0})
		hash, rest1, ok1 := strings.Cut(string(head), "\x1f")
		date, rest2, ok2 := strings.Cut(rest1, "\x1f")
		enc, author, ok3 := strings.Cut(rest2, "\x1f")
		if !ok1 || !ok2 || !ok3 {
			return fmt.Errorf("unexpected commit header %q", head)
		}
		when, err := commitTime(date)
		if err != nil {
			return fmt.Errorf("commit %s: %v", hash, err)
		}
		c := int32(len(l.commits))
		l.commits = append(l.commits, model.Commit{Hash: hash, When: when, Author: authorName(author)})
		if foreignEncoding(enc) {
			if l.foreign == nil {
				l.foreign = map[int32]string{}
			}
			l.foreign[c] = enc
		}
		if out, err = nextChanges(rest, func(status byte, old, blob, from, to string) {
			l.change(track, c, status, old, blob, rel(from), rel(to))
		}); err != nil {
			return fmt.Errorf("commit %s: %w", hash, err)
		}
	}
	return nil
}

// change records one raw change of commit c, met from the newest commit
// back: to is the path after the commit, from the path before.
func (l *Log) change(track map[string]*fileLog, c int32, status byte, old, blob, from, to string) {
	file := func(p string) *fileLog {
		f := track[p]
		if f == nil {
			f = &fileLog{}
			l.files[p] = f
		}
		return f
	}
	switch status {
	case 'D':
		// A file deleted here; a later file at the same path, if any,
		// was added after, and is another file.
		f := &fileLog{revs: []rev{{commit: c, old: old, path: from}}}
		l.deleted = append(l.deleted, f)
		track[from] = f
	case 'A', 'C':
		f := file(to)
		f.revs = append(f.revs, rev{commit: c, blob: blob, path: to})
		delete(track, to) // before this commit, nothing was there
	case 'R':
		f := file(to)
		f.revs = append(f.revs, rev{commit: c, blob: blob, old: old, path: to})
		delete(track, to)
		track[from] = f
	default: // M, T: modified
		f := file(to)
		f.revs = append(f.revs, rev{commit: c, blob: blob, old: old, path: to})
		track[to] = f
	}
}

// logOf runs ReadLog's command from commit on the files of pathspec.
// A merge shows what it changed on the main line: its diff with its
// first parent. Git before 2.31 has no --diff-merges; there -m with
// --first-parent says the same (log.diffMerges, which a later git reads
// for -m, is set to match).
func (r *Repo) logOf(commit, pathspec string) ([]byte, error) {
	return r.logRange([]string{commit}, pathspec)
}

// logRange is logOf from the revisions revs ("M^2", "^M^1": the
// commits of a branch that merge M joined to the main line) on the
// files of pathspecs.
func (r *Repo) logRange(revs []string, pathspecs ...string) ([]byte, error) {
	return r.logIn(nil, revs, pathspecs...)
}

// logCommits is the log of the commits named, in their order, each
// alone (no walk to its parents), on the files of pathspecs: those that
// change none of them are left out.
func (r *Repo) logCommits(commits []string, pathspecs ...string) ([]byte, error) {
	stdin := []byte(strings.Join(commits, "\n") + "\n")
	return r.logIn(stdin, []string{"--stdin", "--no-walk=unsorted"}, pathspecs...)
}

// logIn is logRange with stdin as git's standard input.
func (r *Repo) logIn(stdin []byte, revs []string, pathspecs ...string) ([]byte, error) {
	args := []string{"log", "-z", "--raw", "-M", "-l5000", "--no-abbrev", "--no-ext-diff", "--no-color", "--first-parent"}
	tail := append(append(append([]string{logFormat}, revs...), "--"), pathspecs...)
	out, err := r.namer().longOutputIn(stdin, append(append(args, "--diff-merges=first-parent"), tail...)...)
	var ge *gitError
	if errors.As(err, &ge) && strings.Contains(ge.msg, "--diff-merges") {
		return r.namer().longOutputIn(stdin, append(append(append([]string{"-c", "log.diffMerges=first-parent"}, args...), "-m"), tail...)...)
	}
	return out, err
}

// records splits the output of a log of ReadLog's format into its
// commits' records, by hash.
func records(out []byte) (map[string][]byte, error) {
	recs := map[string][]byte{}
	for len(out) > 0 {
		if out[0] != 0x1e {
			return nil, fmt.Errorf("unexpected output %q", out[:min(len(out), 40)])
		}
		head, rest, _ := bytes.Cut(out[1:], []byte{0})
		hash, _, _ := strings.Cut(string(head), "\x1f")
		next, err := nextChanges(rest, func(byte, string, string, string, string) {})
		if err != nil {
			return nil, fmt.Errorf("commit %s: %w", hash, err)
		}
		recs[hash] = out[:len(out)-len(next)]
		out = next
	}
	return recs, nil
}

// parseChanges reads `git log -z --raw` entries:
// ":old-mode new-mode old-blob new-blob STATUS\0path\0" and, for renames
// and copies, a second path.
func parseChanges(raw []byte, fn func(status byte, old, blob, from, to string)) error {
	rest, err := nextChanges(raw, fn)
	if err == nil && len(rest) > 0 {
		err = fmt.Errorf("unexpected raw change %q", rest[:min(len(rest), 40)])
	}
	return err
}

// nextChanges reads the raw entries of one commit (see parseChanges)
// and returns what follows them: the next commit, or nothing.
func nextChanges(raw []byte, fn func(status byte, old, blob, from, to string)) ([]byte, error) {
	for {
		raw = bytes.TrimLeft(raw, "\n\x00")
		if len(raw) == 0 || raw[0] != ':' {
			return raw, nil
		}
		meta, rest, ok := bytes.Cut(raw, []byte{0})
		if !ok {
			return nil, fmt.Errorf("truncated raw change")
		}
		f := strings.Fields(string(meta[1:]))
		if len(f) != 5 || f[4] == "" {
			return nil, fmt.Errorf("unexpected raw change %q", meta)
		}
		status := f[4][0]
		old, blob := f[2], f[3]
		if strings.Trim(old, "0") == "" {
			old = ""
		}
		if strings.Trim(blob, "0") == "" {
			blob = ""
		}
		var from, to []byte
		if from, rest, ok = bytes.Cut(rest, []byte{0}); !ok {
			return nil, fmt.Errorf("truncated raw change")
		}
		to = from
		if status == 'R' || status == 'C' {
			if to, rest, ok = bytes.Cut(rest, []byte{0}); !ok {
				return nil, fmt.Errorf("truncated raw change")
			}
		}
		fn(status, old, blob, string(from), string(to))
		raw = rest
	}
}

// commitTime parses a committer date in git's strict ISO 8601 (%cI).
// Git writes the zone a commit holds, which a broken tool may have made
// one that time.Parse refuses ("+99:99", "+518:00": fsck's
// badTimezone); git shows the clock of such a commit, and so does this.
//
// A commit whose committer line holds no date git reads ("committer c
// <c> garbage", "-5", a date without its zone) has none: git writes the
// placeholder %cI itself (or nothing, as for %ct). Such a commit is dated
// as git dates one whose time it cannot hold, at the Unix epoch, and
// taken as a commit of a clock set wrong, rather than leaving the whole
// history unread (and with it every changed-after-approval warning).
func commitTime(s string) (time.Time, error) {
	if s == "%cI" || s == "" {
		return time.Unix(0, 0).UTC(), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err == nil || len(s) < 20 {
		return t, err
	}
	wall, werr := time.Parse("2006-01-02T15:04:05", s[:19])
	hh, mm, ok := strings.Cut(s[20:], ":")
	h, herr := strconv.Atoi(hh)
	m, merr := strconv.Atoi(mm)
	if werr != nil || !ok || herr != nil || merr != nil || h < 0 || m < 0 || s[19] != '+' && s[19] != '-' {
		return t, err
	}
	offset := h*3600 + m*60
	if s[19] == '-' {
		offset = -offset
	}
	return time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), 0, time.FixedZone("", offset)), nil
}

// foreignEncoding reports whether a commit's encoding header names
// another encoding than UTF-8.
func foreignEncoding(enc string) bool {
	e := strings.ToLower(enc)
	return e != "" && e != "utf-8" && e != "utf8"
}

// rawAuthors gives the commits whose messages claim another encoding
// than UTF-8 (i18n.commitEncoding=GBK) the names their authors wrote
// when those are UTF-8: git turns a name from the encoding claimed into
// UTF-8, which garbles one written in UTF-8 all the same (a terminal in
// UTF-8 under commitEncoding=GBK), though git log shows it as written.
// Git writes a commit's own bytes when asked for its own encoding.
func (r *Repo) rawAuthors(commits []model.Commit, foreign map[int32]string) error {
	byEnc := map[string][]int32{}
	for c, enc := range foreign {
		byEnc[enc] = append(byEnc[enc], c)
	}
	for enc, cs := range byEnc {
		var in bytes.Buffer
		for _, c := range cs {
			in.WriteString(commits[c].Hash + "\n")
		}
		out, err := r.namer().longOutputIn(in.Bytes(), "log", "--stdin", "--no-walk=unsorted", "--encoding="+enc, "--format=%H%x1f%aN%x00")
		if err != nil {
			return err
		}
		raw := map[string]string{}
		for _, rec := range strings.Split(string(out), "\x00") {
			hash, name, ok := strings.Cut(strings.TrimLeft(rec, "\n"), "\x1f")
			if ok && utf8.ValidString(name) {
				raw[hash] = name
			}
		}
		for _, c := range cs {
			if name, ok := raw[commits[c].Hash]; ok {
				commits[c].Author = authorName(name)
			}
		}
	}
	return nil
}

// authorName is a commit's author as pages and messages show it: a
// dash for none; a control character (an escape sequence a terminal
// would obey, one of the log's separators), a bidi override (which turns
// the text after it around on the page) or a byte that is not UTF-8
// becomes U+FFFD: what a front-matter value may not hold either.
func authorName(name string) string {
	if strings.TrimSpace(name) == "" {
		return "—" // a commit made without a name: not "(2026-02-25, )"
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || load.Invisible(r) {
			return utf8.RuneError
		}
		return r
	}, strings.ToValidUTF8(name, string(utf8.RuneError)))
}

// commit returns the commit of a rev.
func (l *Log) commit(rv rev) model.Commit { return l.commits[rv.commit] }

// Oldest is the oldest commit read: where a shallow clone's history stops.
func (l *Log) Oldest() model.Commit {
	if len(l.commits) == 0 {
		return model.Commit{}
	}
	return l.commits[len(l.commits)-1]
}

// OutOfOrder is how many commits read are dated more than a day after a
// commit made later on the main line (one built on them), and of those
// the one dated latest with the first later commit dated before it: a
// clock set wrong when it was made, or a date set by hand. The pages
// show its date as written, and a build --as-of a day between the two
// dates holds its changes. A day's leeway lets machines' clocks differ.
func (h *History) OutOfOrder() (n int, wrong, later model.Commit) {
	if h == nil || len(h.log.commits) == 0 {
		return 0, model.Commit{}, model.Commit{}
	}
	earliest := h.log.commits[0] // of the commits made after the one looked at
	for _, c := range h.log.commits[1:] {
		if c.When.Sub(earliest.When) > 24*time.Hour {
			n++
			if wrong.IsZero() || c.When.After(wrong.When) {
				wrong, later = c, earliest
			}
		}
		if c.When.Before(earliest.When) {
			earliest = c
		}
	}
	return n, wrong, later
}
