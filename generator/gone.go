package generator

import (
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/history"
	"ismsgen/generator/link"
	"ismsgen/generator/model"
)

// goneHints gives a broken link to a document whose file is moved or
// deleted on disk and not yet committed the hint of what became of it:
// check is run before the commit, and until then no rename or deletion
// in git explains the link, so the link stage suggested the nearest of
// today's names, another document. A link to the path of a file moved
// with its id is told the id and the new path; a link to a deleted
// file, or to its id, that the file is deleted. It runs before the hints
// of what git's commits renamed or withdrew, which know more.
func goneHints(h *history.History, converted []Converted, diags diag.List) {
	var gone map[string]string // path in the head commit → its id
	var byID map[string]*model.Document
	read := func() bool {
		if byID == nil {
			byID = map[string]*model.Document{}
			for _, c := range converted {
				byID[model.FoldID(c.Doc.ID)] = c.Doc
			}
			gone, _ = h.GoneFromDisk() // without it, the link stage's hint stands
		}
		return len(gone) > 0
	}
	for i := range diags {
		if dest, full, ok := link.BrokenPath(diags[i]); ok {
			if !read() {
				continue
			}
			old, id, ok := goneFrom(gone, full)
			if !ok {
				continue
			}
			d := byID[model.FoldID(id)]
			if d == nil {
				diags[i].SetHint(diag.Msg("%s, the file of %s in the last commit, is deleted (not yet committed): remove the link, or link to the document that replaces it", old, id))
				continue
			}
			rel, ref := link.PathFrom(diags[i].File, d.Path), d.ID
			if old != full { // a folder's page: the link names the folder
				rel = link.PathFrom(diags[i].File, path.Dir(d.Path)) + "/"
			}
			if _, frag, ok := strings.Cut(dest, "#"); ok {
				rel, ref = rel+"#"+frag, ref+"#"+frag
			}
			diags[i].SetHint(diag.Msg("%s was moved to %s (not yet committed): link to the document by its id, [](%s), or by its new path, %q", old, d.Path, ref, rel))
			continue
		}
		id, isBroken := strings.CutPrefix(diags[i].Message, "broken link: no document has the id ")
		if id, err := strconv.Unquote(id); isBroken && err == nil && diags[i].Severity == diag.Error && read() {
			for _, p := range slices.Sorted(maps.Keys(gone)) {
				if was := gone[p]; model.FoldID(was) == model.FoldID(id) && byID[model.FoldID(id)] == nil {
					diags[i].SetHint(diag.Msg("%s, the file of %s in the last commit, is deleted (not yet committed): remove the link, or link to the document that replaces it", p, was))
					break
				}
			}
		}
	}
}

// goneFrom finds the file gone from disk that full, a path as a link
// resolved it, names: the file, or for a folder its index.md or
// README.md.
func goneFrom(gone map[string]string, full string) (string, string, bool) {
	for _, p := range []string{full, full + "/index.md", full + "/README.md"} {
		if id, ok := gone[p]; ok {
			return p, id, true
		}
	}
	return "", "", false
}
