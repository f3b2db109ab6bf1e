package generator

import (
	"ismsgen/generator/diag"
	"ismsgen/generator/history"
	"ismsgen/generator/link"
)

// deletedFileHints gives a broken link to a file that git had, a bundle's
// form or a picture deleted since, the hint of its deletion: the link
// stage, which knows only the files of now, suggested linking to another
// document. Documents' files get the hints of goneHints and of the
// tombstones, and renamed files those of renamedHints, which run after
// it and know more.
func deletedFileHints(h *history.History, diags diag.List) {
	for i := range diags {
		_, full, ok := link.BrokenPath(diags[i])
		if !ok {
			continue
		}
		c, uncommitted, ok := h.DeletedFile(full)
		switch {
		case !ok:
		case uncommitted:
			diags[i].SetHint(diag.Msg("%s is deleted (not yet committed): restore it from git, or remove the link", full))
		default:
			diags[i].SetHint(diag.Msg("%s was deleted in commit %s (%s, %s): restore it from git, or remove the link", full, c.Short(), c.Date(), c.Author))
		}
	}
}
