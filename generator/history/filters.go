package history

import (
	"bytes"
	"maps"
	"slices"
	"strings"

	"ismsgen/generator/diag"
)

// filters returns, of paths (relative to the source), those for which
// the repository's attributes name a filter (filter=crypt, as git-crypt
// sets it, or a keyword filter), with its name: git stores such a file
// as its clean filter makes it, so the file on disk is not the text git
// holds, and ismsgen runs no filter to compare them.
func (r *Repo) filters(paths []string) (map[string]string, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	full := make([]string, len(paths))
	for i, p := range paths {
		full[i] = r.prefix + p
	}
	out, err := r.checkAttr(full, "filter")
	if err != nil {
		return nil, err
	}
	// path NUL attribute NUL value NUL, for each path
	f := strings.Split(string(out), "\x00")
	found := map[string]string{}
	for i := 0; i+2 < len(f); i += 3 {
		if value := f[i+2]; value != "unspecified" && value != "unset" {
			if rel := r.rel(f[i]); rel != "" {
				found[rel] = value
			}
		}
	}
	return found, nil
}

// filteredNote is the note of the files that differ from the head
// commit only by their status, as far as git tells without its filter,
// and that pass through one: they are taken as their last commit's text.
func filteredNote(filtered map[string]string) diag.List {
	if len(filtered) == 0 {
		return nil
	}
	paths := make([]string, 0, len(filtered))
	for p := range filtered {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	var notes diag.List
	notes.Notef("", "commit the changes to have them compared; if the files are encrypted (git-crypt), their earlier texts are published only from a repository that stores them readable",
		"%d document file(s) pass through a git filter (filter=%s for %s): git holds what the filter makes of them, not the files, and ismsgen runs no filter, so changes to them not yet committed are not compared with their approved text",
		len(paths), filtered[paths[0]], paths[0])
	return notes
}

// opaque reports whether a text git holds is not text: an encrypted
// file (git-crypt writes "\x00GITCRYPT\x00" and the cipher) or any other
// with a NUL byte where git looks for one.
func opaque(text []byte) bool {
	return bytes.IndexByte(text[:min(len(text), 8000)], 0) >= 0
}

// opaqueNote is the note of the documents whose texts in git are not
// text (see opaque), once for the build.
func opaqueNote(paths []string) diag.List {
	if len(paths) == 0 {
		return nil
	}
	slices.Sort(paths)
	var notes diag.List
	notes.Notef("", "ismsgen reads the texts as git stores them and runs no filter: their earlier versions are published only from a repository that stores them readable",
		"git holds %d document(s) (%s first) as bytes that are not text, encrypted as git-crypt stores them or binary: their earlier versions, changes and changed-after-approval are not shown",
		len(paths), paths[0])
	return notes
}

// scrambledNote is the note of the documents of filtered whose texts in
// git, though text, have no front matter ismsgen reads, once for the
// build: git holds what the filter makes of them.
func scrambledNote(filtered map[string]string) diag.List {
	if len(filtered) == 0 {
		return nil
	}
	paths := slices.Sorted(maps.Keys(filtered))
	var notes diag.List
	notes.Notef("", "ismsgen reads the texts as git stores them and runs no filter: their earlier versions are published only from a repository that stores them readable",
		"%d document file(s) pass through a git filter (filter=%s for %s first) and git holds them as texts without front matter ismsgen reads: their earlier versions, changes and changed-after-approval are not shown",
		len(paths), filtered[paths[0]], paths[0])
	return notes
}

// noFrontMatterNote is the note of the documents of paths that miss a
// version their [[history]] names, of which git holds texts without
// front matter that no filter of today's attributes accounts for (a
// filter dropped from .gitattributes since, or texts from before the
// documents had front matter), once for the build: the versions only
// those texts carried have no page, and nothing said so.
func noFrontMatterNote(paths []string) diag.List {
	if len(paths) == 0 {
		return nil
	}
	slices.Sort(paths)
	var notes diag.List
	notes.Notef("", "nothing to change: git keeps the texts as they were, and the [[history]] entries still say what changed",
		"git holds texts of %d document file(s) (%s first) without front matter ismsgen reads, as a git filter named then or a text from before the front matter would be: the versions of [[history]] that only such texts carried have no page under v/",
		len(paths), paths[0])
	return notes
}

// leftOutNote is the note of the document files of a site as of a day
// that a git filter passes through and whose bytes in git are no
// document: the site leaves them out.
func leftOutNote(filtered map[string]string) diag.List {
	if len(filtered) == 0 {
		return nil
	}
	paths := slices.Sorted(maps.Keys(filtered))
	var notes diag.List
	notes.Notef("", "ismsgen reads the texts as git stores them and runs no filter: the site as of a day shows them only from a repository that stores them readable",
		"%d document file(s) pass through a git filter (filter=%s for %s first) and git holds them as bytes without front matter ismsgen reads: the site as of the day leaves them out",
		len(paths), filtered[paths[0]], paths[0])
	return notes
}
