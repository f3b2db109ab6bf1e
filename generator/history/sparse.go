package history

import (
	"slices"
	"strings"

	"ismsgen/generator/diag"
)

// outsideSparse lists the document files (relative to the source) of
// the head commit that a sparse checkout left out of the work tree
// (git's skip-worktree): the build does not see them. Git is asked for
// them only in a sparse checkout.
func (r *Repo) outsideSparse() ([]string, error) {
	out, _ := r.run.output("config", "--bool", "core.sparseCheckout")
	if strings.TrimSpace(string(out)) != "true" {
		return nil, nil
	}
	out, err := r.run.output("ls-files", "-z", "-t", "--", r.contentSpec())
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, entry := range strings.Split(string(out), "\x00") {
		if p, ok := strings.CutPrefix(entry, "S "); ok && isDocument(p) {
			if rel := r.rel(p); rel != "" {
				paths = append(paths, rel)
			}
		}
	}
	slices.Sort(paths)
	return paths, nil
}

// sparseNote is the note of the document files a sparse checkout left
// out, once for the build.
func sparseNote(paths []string) diag.List {
	if len(paths) == 0 {
		return nil
	}
	var notes diag.List
	notes.Notef("", "build from a full checkout (git sparse-checkout disable) to publish them",
		"%d document file(s) of the last commit are outside this sparse checkout (%s first): they are not built",
		len(paths), paths[0])
	return notes
}
