package history

import (
	"bytes"

	"ismsgen/generator/model"
)

// approvedRun is the run of commits in which a file carried an earlier
// version, approved, read newest first from the one whose text that
// version's page shows (last) back to the one that approved it
// (approval). Its texts are kept only while it is read, and only when
// it is longer than one commit: the last text is then compared with the
// one approved, as finish compares the current version's.
type approvedRun struct {
	version        string // "" when no run is being read
	last, approval int    // revs
	texts          map[int][]byte

	// When the last text is not the one approved: the first rev that
	// changed it, and the text as approved (the rev before that, at).
	changedIn, at int
}

// extend takes rev i of w's walk when it carries the run's version,
// approved or (between two approvals, as walk.take's run) in review or
// draft, and reports whether it did; else it ends the run.
func (r *approvedRun) extend(h *History, w *walk, i int, text []byte, hd header) bool {
	if !hd.ok || hd.Version != r.version || hd.Status != model.StatusApproved && !unpublished(hd.Status) {
		r.end(h, w)
		return false
	}
	if r.texts == nil {
		// The last text was kept for its page when it was found.
		last, ok := w.texts[r.last]
		if !ok {
			t, found, err := h.texts.get(w.f.revs[r.last].blob)
			if err != nil || !found {
				w.err = err
				r.version = ""
				return true
			}
			last = t
		}
		r.texts = map[int][]byte{r.last: last}
	}
	r.texts[i] = bytes.Clone(text)
	if hd.Status == model.StatusApproved {
		r.approval = i
	}
	if w.next == len(w.f.revs) {
		r.end(h, w)
	}
	return true
}

// end ends the run once its approval is read: when the last text is not
// the approved one (the review dates aside), w.changed records what
// changed and the text as approved, kept for its page.
func (r *approvedRun) end(h *History, w *walk) {
	if r.version == "" {
		return
	}
	defer func() { *r = approvedRun{} }()
	if w.approvals == nil {
		w.approvals = map[string]int{}
	}
	if _, ok := w.approvals[r.version]; !ok {
		w.approvals[r.version] = r.approval
	}
	if r.approval == r.last || sameDocument(r.texts[r.approval], r.texts[r.last]) {
		return
	}
	changedIn, at := firstChange(r.texts, r.approval, r.last)
	if changedIn < 0 {
		changedIn = r.last
	}
	h.keep(w.f.revs[at].blob, r.texts[at])
	if w.changed == nil {
		w.changed = map[string]approvedRun{}
	}
	w.changed[r.version] = approvedRun{version: r.version, last: r.last, approval: r.approval, changedIn: changedIn, at: at}
}

// changedAfterApproval gives e, the earlier version of w's rev i, what
// changed after its approval, when its text did.
func (h *History) changedAfterApproval(w *walk, i int, e *model.Version) {
	c, ok := w.changed[e.Version]
	if !ok || c.last != i {
		return
	}
	revs := w.f.revs
	rv, hd := revs[c.at], w.headers[c.at]
	at := h.log.commit(rv)
	e.Since, e.ChangedIn = h.log.commit(revs[c.approval]), h.log.commit(revs[c.changedIn])
	e.AsApproved = &model.Version{Version: e.Version, Commit: at, Blob: rv.blob, Path: rv.path,
		Title: hd.Title, Status: hd.Status, Classification: h.classAt(hd.Classification, at), Effective: hd.Effective, Approver: hd.Approver}
}
