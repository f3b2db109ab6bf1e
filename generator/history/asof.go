package history

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
)

// At returns the repository as it stood at the end of day: at the newest
// commit of the main line (first parents) whose committer date, on the
// committer's own clock, is on or before day. A commit made at 23:59 in
// Beijing belongs to that day in Beijing, whatever the time zone of the
// machine that builds: the same history gives the same site everywhere.
func (r *Repo) At(day model.Date) (*Repo, model.Commit, error) {
	out, err := r.run.output("log", "--first-parent", "--no-show-signature", "--format=%H%x1f%cI%x1f%e%x1f%aN", r.head, "--")
	if err != nil {
		return nil, model.Commit{}, err
	}
	var oldest model.Commit
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.SplitN(line, "\x1f", 4) // the author last: a name may hold the separator
		if len(f) != 4 {
			continue
		}
		when, err := commitTime(f[1])
		if err != nil {
			return nil, model.Commit{}, fmt.Errorf("commit %s: %v", f[0], err)
		}
		c := model.Commit{Hash: f[0], When: when, Author: authorName(f[3])}
		if !c.Date().After(day) {
			at := *r
			at.head, at.pinned, at.parents = c.Hash, true, &parentGraph{} // another head: other parents
			if r.gitDir != "" {
				// Authors as the day's .mailmap names them.
				at.names = r.run.mailmapOf(c.Hash, r.gitDir)
			}
			if err := at.author(&c, f[2]); err != nil {
				return nil, model.Commit{}, err
			}
			if folder := strings.TrimSuffix(r.prefix, "/"); folder != "" {
				// The site folder may have come into the repository later.
				if !r.holds(c.Hash, folder, "tree") {
					return nil, model.Commit{}, &DateError{Day: day, At: c, Folder: folder, Never: !r.holds(r.head, folder, "tree")}
				}
			}
			// So may its configuration, after the first documents.
			if !r.holds(c.Hash, r.prefix+"isms.toml", "blob") {
				return nil, model.Commit{}, &DateError{Day: day, At: c, NoConfig: true}
			}
			return &at, c, nil
		}
		if oldest.IsZero() || c.Date().Before(oldest.Date()) {
			oldest = c // the earliest date, which a wrong clock may have put on a later commit
		}
	}
	if oldest.IsZero() {
		return nil, model.Commit{}, &DateError{Day: day}
	}
	return nil, model.Commit{}, &DateError{Day: day, First: oldest, Shallow: r.shallow}
}

// author gives c, a commit of encoding enc (its %e), its author's name
// as r names it (see namer): through the .mailmap of r's head.
func (r *Repo) author(c *model.Commit, enc string) error {
	out, err := r.namer().output("log", "--no-walk", "--format=%aN", c.Hash, "--")
	if err != nil {
		return err
	}
	c.Author = authorName(strings.TrimSuffix(string(out), "\n"))
	if foreignEncoding(enc) {
		one := []model.Commit{*c}
		if err := r.rawAuthors(one, map[int32]string{0: enc}); err != nil {
			return err
		}
		*c = one[0]
	}
	return nil
}

// holds reports whether commit has path, a tree or a blob as kind says.
func (r *Repo) holds(commit, path, kind string) bool {
	out, err := r.run.output("cat-file", "-t", commit+":"+path)
	return err == nil && strings.TrimSpace(string(out)) == kind
}

// DateError says that no commit is dated on or before a day, or that
// the day's commit does not hold the site folder or its isms.toml.
type DateError struct {
	Day      model.Date
	First    model.Commit // the commit dated earliest
	Shallow  bool
	At       model.Commit // the day's commit, which has no Folder or no isms.toml
	Folder   string       // the site folder, relative to the repository
	NoConfig bool         // At has the folder but no isms.toml in it
	Never    bool         // no commit up to the head has Folder
}

func (e *DateError) Error() string { return e.Text().String() }

// Text is the error in a form a catalog puts in the site's language.
func (e *DateError) Text() diag.Text {
	switch {
	case e.Folder != "" && e.Never:
		return diag.Msg("the site folder %s is in no commit of the repository: commit it to build the site as of a day", e.Folder)
	case e.Folder != "":
		return diag.Msg("the site folder %s is not in the repository's commit %s of %s, the last on or before %s: the folder came into the repository later", e.Folder, e.At.Short(), e.At.Date(), e.Day)
	case e.NoConfig:
		return diag.Msg("the commit %s of %s, the last on or before %s, has no isms.toml: the site was set up later", e.At.Short(), e.At.Date(), e.Day)
	case e.First.IsZero():
		return diag.Msg("no commit of the site is dated on or before %s", e.Day)
	case e.Shallow:
		return diag.Msg("no commit of the site is dated on or before %s: this shallow clone's history starts on %s (git fetch --unshallow fetches the rest)", e.Day, e.First.Date())
	}
	return diag.Msg("no commit of the site is dated on or before %s: its history starts on %s", e.Day, e.First.Date())
}

// Checkout writes the source folder as the repository's commit holds it
// into dir: every file, with the bytes of the commit (git's attributes
// and filters are not applied; a Git LFS pointer is the file when the
// repository's LFS store holds it), but no symbolic link (under content/,
// warned of as load warns of one today) or submodule, and
// no document file that a git filter passes through whose bytes in git
// are no document (encrypted, scrambled): leftOut lists them (relative
// to the source), and the note says so, once, rather than an error of
// the day for each.
func (r *Repo) Checkout(dir string) (leftOut []string, note diag.List, err error) {
	spec := r.head
	if r.prefix != "" {
		spec += ":" + strings.TrimSuffix(r.prefix, "/")
	}
	out, err := r.run.output("ls-tree", "-r", "-z", "--full-tree", spec)
	if err != nil {
		return nil, nil, err
	}
	var paths, oids, links, subs []string
	var modes []os.FileMode
	for _, entry := range bytes.Split(out, []byte{0}) {
		meta, path, ok := bytes.Cut(entry, []byte{'\t'})
		if !ok {
			continue
		}
		f := strings.Fields(string(meta))
		if len(f) == 3 && f[0] == "120000" && strings.HasPrefix(string(path), "content/") {
			links = append(links, string(path))
		}
		if len(f) == 3 && f[0] == "160000" && strings.HasPrefix(string(path), "content/") {
			subs = append(subs, string(path))
		}
		if len(f) != 3 || f[1] != "blob" || (f[0] != "100644" && f[0] != "100755") {
			continue // a symbolic link (120000) or a submodule
		}
		mode := os.FileMode(0o644)
		if f[0] == "100755" {
			mode = 0o755
		}
		paths, oids, modes = append(paths, string(path)), append(oids, f[2]), append(modes, mode)
	}
	// content/ even when the commit has no file in it: git keeps no
	// empty folder, and a day after every document was withdrawn has
	// a site, of their tombstones.
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		return nil, nil, err
	}
	b, err := r.openBlobs()
	if err != nil {
		return nil, nil, err
	}
	defer b.close()
	// Each file is copied to its own as git gives it, but for the
	// documents (read whole: a filter may have scrambled them) and the
	// files small enough to be Git LFS pointers: the attachments of a
	// day are never held in memory all at once, as large as they are
	// and as few bytes as git may keep them in.
	texts := make([][]byte, len(paths))
	err = b.each(oids, func(i, size int, body io.Reader) error {
		p := paths[i]
		if !filepath.IsLocal(p) {
			return nil
		}
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if size <= maxPointer || isDocument(p) && size <= maxBlob {
			text := make([]byte, size)
			_, err := io.ReadFull(body, text)
			texts[i] = text
			return err
		}
		return writeFrom(full, modes[i], body)
	})
	if err != nil {
		return nil, nil, err
	}
	store := r.fromLFS(paths, texts)
	unread, err := r.filteredUnread(paths, texts)
	if err != nil {
		return nil, nil, err
	}
	for i, p := range paths {
		if texts[i] == nil {
			continue
		}
		if _, ok := unread[p]; ok {
			continue // its folder stays: content/ of a site all encrypted
		}
		full := filepath.Join(dir, filepath.FromSlash(p))
		if oid, size, ok := lfsPointer(texts[i]); ok && store != "" {
			copied, err := copyLFS(full, modes[i], store, oid, size)
			if err != nil {
				return nil, nil, err
			}
			if copied {
				continue
			}
		}
		if err := os.WriteFile(full, texts[i], modes[i]); err != nil {
			return nil, nil, err
		}
	}
	notes := leftOutNote(unread)
	notes.Add(submoduleLeftOutNote(subs)...)
	for _, p := range links {
		// As load warns of one in today's files.
		notes.Warnf(p, 0, "symlink", "replace the link with the file itself; links could reach outside content/", "symbolic link not followed")
	}
	return slices.Sorted(maps.Keys(unread)), notes, nil
}

// filteredUnread are the document files of paths (relative to the
// source), with the bytes git holds of them (texts), that a git filter
// passes through and whose bytes have no front matter ismsgen reads,
// with the filter's name.
func (r *Repo) filteredUnread(paths []string, texts [][]byte) (map[string]string, error) {
	var docs []string
	text := map[string][]byte{}
	for i, p := range paths {
		if isDocument(p) && texts[i] != nil {
			docs = append(docs, p)
			text[p] = texts[i]
		}
	}
	filtered, err := r.filters(docs)
	if err != nil {
		return nil, err
	}
	for p := range filtered {
		if hd := readEarlierHeader(text[p]); hd.ok || hd.yaml {
			delete(filtered, p)
		}
	}
	return filtered, nil
}
