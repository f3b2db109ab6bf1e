package history

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"ismsgen/generator/diag"
)

// contentSubmodules lists the submodules of the head commit in the
// content folder (a supplier's documents kept in a repository of their
// own), relative to the source. Without a .gitmodules in the work tree
// there are none to look for, and git is not asked.
func (r *Repo) contentSubmodules() ([]string, error) {
	if _, err := os.Lstat(filepath.Join(r.top, ".gitmodules")); err != nil {
		return nil, nil
	}
	out, err := r.run.output("ls-tree", "-r", "-z", r.head, "--", r.contentSpec())
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, entry := range bytes.Split(out, []byte{0}) {
		if meta, path, ok := bytes.Cut(entry, []byte{'\t'}); ok && bytes.HasPrefix(meta, []byte("160000 ")) {
			if rel := r.rel(string(path)); rel != "" {
				paths = append(paths, rel)
			}
		}
	}
	return paths, nil
}

// submoduleNote is the note of the submodules in the content folder,
// whose files are another repository's: the history of their documents
// is not read.
func submoduleNote(paths []string) diag.List {
	if len(paths) == 0 {
		return nil
	}
	var notes diag.List
	notes.Notef("", "keep the documents in the site's own repository (git rm --cached the submodule, then commit its files) to publish their earlier versions and what changed",
		"%d git submodule(s) in content/ (%s), each a repository of its own: the history of their documents is not read, so their earlier versions, changes and changed-after-approval are not shown",
		len(paths), strings.Join(paths, ", "))
	return notes
}

// submoduleLeftOutNote is the note of the submodules in the content
// folder of the site of a day, which leaves out their files: git's
// commit names the submodule's commit, not its files.
func submoduleLeftOutNote(paths []string) diag.List {
	if len(paths) == 0 {
		return nil
	}
	var notes diag.List
	notes.Notef("", "keep the documents in the site's own repository (git rm --cached the submodule, then commit its files) to build them as of a day",
		"%d git submodule(s) in content/ (%s), each a repository of its own: the site as of the day leaves out their files",
		len(paths), strings.Join(paths, ", "))
	return notes
}
