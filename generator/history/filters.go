package history

import (
	"bytes"
	"fmt"
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
// git, though text, have no front matter ismsgen reads, and passed
// through a filter (its name) when they were committed, once for the
// build: git holds what the filter made of them.
func scrambledNote(filtered map[string]string) diag.List {
	if len(filtered) == 0 {
		return nil
	}
	paths := slices.Sorted(maps.Keys(filtered))
	var notes diag.List
	notes.Notef("", "ismsgen reads the texts as git stores them and runs no filter: their earlier versions are published only from a repository that stores them readable",
		"%d document file(s) passed through a git filter when texts of theirs were committed (filter=%s for %s first, as the .gitattributes of those commits said), and git holds those texts without front matter ismsgen reads: their earlier versions, changes and changed-after-approval are not shown",
		len(paths), filtered[paths[0]], paths[0])
	return notes
}

// noFrontMatterNote is the note of the documents of paths that miss a
// version their [[history]] names, of which git holds texts without
// front matter that no filter named in their commits' attributes
// accounts for (texts from before the documents had front matter), once
// for the build: the versions only those texts carried have no page,
// and nothing said so.
func noFrontMatterNote(paths []string) diag.List {
	if len(paths) == 0 {
		return nil
	}
	slices.Sort(paths)
	var notes diag.List
	notes.Notef("", "nothing to change: git keeps the texts as they were, and the [[history]] entries still say what changed",
		"git holds texts of %d document file(s) (%s first) without front matter ismsgen reads, though the .gitattributes of the commits that wrote them named no filter (texts from before the front matter, say): the versions of [[history]] that only such texts carried have no page under v/",
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

// textAt names a text of a file as a commit wrote it: the commit's hash
// and the file's path in it, relative to the source.
type textAt struct{ commit, path string }

// filtersThen returns, of texts, those of which their own commit's
// attributes name a filter, with its name: git stored each as the
// filter that its commit's .gitattributes named made it, whatever the
// attributes say today (a folder encrypted then and stored readable
// since, or the other way round). The texts whose commits hold the same
// .gitattributes files above their paths are asked of git together:
// one git cat-file finds those files for every text, and one check-attr
// of a commit (see checkAttr) answers for each set of them, which is
// one for the whole history unless .gitattributes changed; never one
// for each text or each commit.
func (r *Repo) filtersThen(texts []textAt) (map[textAt]string, error) {
	if len(texts) == 0 {
		return nil, nil
	}
	// The .gitattributes that may bear on each text: one in each folder
	// above its path, up to the top of the repository.
	var queries, dirs []string
	asked := map[string]int{}
	files := make([][]int, len(texts))
	for i, t := range texts {
		full := r.prefix + t.path
		if strings.ContainsAny(full, "\n") || strings.Contains(t.commit, "\n") {
			files[i] = nil // a line of cat-file's; asked alone below
			continue
		}
		dir := ""
		for {
			q := t.commit + ":" + dir + ".gitattributes"
			k, ok := asked[q]
			if !ok {
				k = len(queries)
				asked[q] = k
				queries, dirs = append(queries, q), append(dirs, dir)
			}
			files[i] = append(files[i], k)
			slash := strings.IndexByte(full[len(dir):], '/')
			if slash < 0 {
				break
			}
			dir = full[:len(dir)+slash+1]
		}
	}
	found := make([]string, len(queries))
	if len(queries) > 0 {
		out, err := r.run.longOutputIn([]byte(strings.Join(queries, "\n")+"\n"), "cat-file", "--batch-check=%(objectname)")
		if err != nil {
			return nil, err
		}
		lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		if len(lines) != len(queries) {
			return nil, fmt.Errorf("git cat-file: %d answers to %d questions", len(lines), len(queries))
		}
		for k, line := range lines {
			if !strings.HasSuffix(line, " missing") && !strings.HasSuffix(line, " ambiguous") {
				found[k] = line
			}
		}
	}
	// The texts by the folders above them and the .gitattributes each
	// holds: each set asked of the first commit that holds it.
	type set struct {
		commit string
		paths  []string
		texts  []int
	}
	var sets []*set
	byKey := map[string]*set{}
	for i, t := range texts {
		key := "\x00" + t.commit + "\x00" + t.path // a text asked alone
		if files[i] != nil {
			var b strings.Builder
			for _, k := range files[i] {
				b.WriteString(dirs[k] + "\x00" + found[k] + "\x00")
			}
			key = b.String()
		}
		s := byKey[key]
		if s == nil {
			s = &set{commit: t.commit}
			byKey[key] = s
			sets = append(sets, s)
		}
		s.texts = append(s.texts, i)
		if !slices.Contains(s.paths, r.prefix+t.path) {
			s.paths = append(s.paths, r.prefix+t.path)
		}
	}
	filtered := map[textAt]string{}
	for _, s := range sets {
		at := *r
		at.head, at.pinned = s.commit, true
		out, err := at.checkAttr(s.paths, "filter")
		if err != nil {
			return nil, err
		}
		name := map[string]string{}
		f := strings.Split(string(out), "\x00") // path NUL attribute NUL value NUL, for each path
		for i := 0; i+2 < len(f); i += 3 {
			if value := f[i+2]; value != "unspecified" && value != "unset" {
				name[f[i]] = value
			}
		}
		for _, i := range s.texts {
			if value, ok := name[r.prefix+texts[i].path]; ok {
				filtered[texts[i]] = value
			}
		}
	}
	return filtered, nil
}
