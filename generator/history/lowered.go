package history

import (
	"slices"

	"ismsgen/generator/diag"
	"ismsgen/generator/model"
	"ismsgen/generator/validate"
)

// versionLowered warns of an approved document whose version went down
// below one its file was approved with before (a version raise undone
// with git revert, an older text restored), and of a version approved
// again for another text after a different version came between (the
// number raised once more after such a revert): readers and auditors
// take the higher number for the newer text, and one number for one
// text. Only the texts of the document's own id count; versions that
// are not dotted numbers are not compared. The walk read the headers of
// those texts already.
func versionLowered(h *History, w *walk) diag.List {
	d := w.d
	if d.Status != model.StatusApproved || d.Version == "" {
		return nil
	}
	cur, ok := validate.VersionNumbers(d.Version)
	if !ok {
		return nil
	}
	first, blob := 1, w.f.revs[0].blob // the last commit is the file on disk
	if w.dirty {
		first, blob = 0, ""
	}
	between := "" // a lower version approved since the current one's run began
	for i := first; i < len(w.f.revs); i++ {
		hd, ok := w.headers[i]
		if !ok || !hd.ok || hd.Status != model.StatusApproved || model.FoldID(hd.ID) != model.FoldID(d.ID) {
			continue
		}
		n, ok := validate.VersionNumbers(hd.Version)
		if !ok {
			continue
		}
		rv := w.f.revs[i]
		c := h.log.commit(rv)
		var diags diag.List
		switch order := slices.Compare(n, cur); {
		case order > 0:
			diags.Warnf(d.Path, d.Line("version"), "version-lowered",
				diag.Msg("publish this text as a version above %q (%q, say), with a [[history]] entry that says what changed back: a git revert does not take back a version that was published", hd.Version, validate.NextVersion(hd.Version)),
				"version %q is lower than version %q, approved before it in commit %s (%s, %s): a version number only goes up",
				d.Version, hd.Version, c.Short(), c.Date(), c.Author)
			return diags
		case order < 0:
			between = hd.Version
		case between != "" && rv.blob != blob:
			diags.Warnf(d.Path, d.Line("version"), "version-reused",
				diag.Msg("number this text above %q (%q, say), with a [[history]] entry: %s stays the number of the text approved in %s", d.Version, validate.NextVersion(d.Version), hd.Version, c.Short()),
				"version %q was approved before for another text, in commit %s (%s, %s), and version %q came after it: one number names two texts",
				d.Version, c.Short(), c.Date(), c.Author, between)
			return diags
		}
	}
	return nil
}
