package generator

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/history"
	"ismsgen/generator/link"
	"ismsgen/generator/model"
)

// renamedHints gives a broken link to a path that a file had before a
// commit renamed it (link.BrokenPath) the hint of where the file is now
// and the link to write: the link stage, which knows only the files of
// now, suggested the nearest of those, or nothing.
func renamedHints(opts Options, h *history.History, converted []Converted, diags diag.List) {
	var renames map[string]model.Rename
	var byPath map[string]*model.Document
	for i := range diags {
		dest, full, ok := link.BrokenPath(diags[i])
		if !ok {
			continue
		}
		if renames == nil { // the first broken path: nearly always none
			renames, byPath = h.Renames(), map[string]*model.Document{}
			for _, c := range converted {
				byPath[c.Doc.Path] = c.Doc
			}
		}
		old, r, ok := renamedFrom(renames, full)
		if !ok {
			continue
		}
		if _, err := os.Lstat(filepath.Join(opts.Source, filepath.FromSlash(r.To))); err != nil {
			continue // gone from disk since, or moved again: no hint of a file that is not there
		}
		to := r.To
		rel := link.PathFrom(diags[i].File, to)
		if old != full { // a folder's page: the link names the folder
			rel = link.PathFrom(diags[i].File, path.Dir(to)) + "/"
		}
		byID := ""
		if d := byPath[r.To]; d != nil {
			byID = d.ID
		}
		if _, frag, ok := strings.Cut(dest, "#"); ok {
			rel += "#" + frag
			if byID != "" {
				byID += "#" + frag // a heading of the document, as the path named it
			}
		}
		if byID != "" {
			diags[i].SetHint(diag.Msg("%s was renamed to %s in commit %s (%s): link to the document by its id, [](%s), or by its new path, %q", old, r.To, r.Commit.Short(), r.Commit.Date(), byID, rel))
		} else {
			diags[i].SetHint(diag.Msg("%s was renamed to %s in commit %s (%s): link to it by its new path, %q", old, r.To, r.Commit.Short(), r.Commit.Date(), rel))
		}
	}
}

// renamedFrom finds the rename of full, a path as a link resolved it: the
// file's, or for a folder the rename of its index.md or README.md.
func renamedFrom(renames map[string]model.Rename, full string) (string, model.Rename, bool) {
	for _, p := range []string{full, full + "/index.md", full + "/README.md"} {
		if r, ok := renames[p]; ok {
			return p, r, true
		}
	}
	return "", model.Rename{}, false
}
