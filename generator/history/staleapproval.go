package history

import (
	"ismsgen/generator/diag"
	"ismsgen/generator/model"
	"ismsgen/generator/validate"
)

// staleApproval warns of an approved document whose version was changed
// while its approved date stayed the previous version's: the newest
// committed text with another version, published, had the same date.
// The walk read the headers of those texts already. Two versions
// approved on one day (a correction approved the afternoon after the
// morning's version) share the date rightly: the commit that first
// approved the version is of that day.
func staleApproval(h *History, w *walk) diag.List {
	d := w.d
	if d.Status != model.StatusApproved || d.Approved.IsZero() || d.Version == "" {
		return nil
	}
	approvedIn := -1 // the oldest commit that approved the current version, so far
	for i := range w.f.revs {
		hd, ok := w.headers[i]
		if !ok || hd.ok && (hd.Version == d.Version || validate.SpelledAlike(hd.Version, d.Version)) {
			// the file on disk, or the current version's texts ("V1.1" respelled "1.1" too)
			if !ok && i == 0 && !w.dirty || ok && hd.Status == model.StatusApproved {
				approvedIn = i
			}
			continue
		}
		if !hd.ok || unpublished(hd.Status) || hd.Approved != d.Approved {
			return nil
		}
		if approvedIn >= 0 && h.log.commit(w.f.revs[approvedIn]).Date() == d.Approved {
			return nil // approved again that day
		}
		var diags diag.List
		diags.Warnf(d.Path, d.Line("approved"), "approval-date-stale",
			"set approved to the day this version was approved",
			"approved is %s, the date of version %s, but the version is now %s: the new version's approval date was not written",
			d.Approved, hd.Version, d.Version)
		return diags
	}
	return nil
}
