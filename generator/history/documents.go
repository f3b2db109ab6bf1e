package history

import (
	"bytes"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/par"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
	"ismsgen/generator/validate"
)

// reviewKeys may change without a new version: a review that changes
// nothing else is recorded by its dates alone. Every other key is
// controlled as the body is: a changed retention period, or an action
// added or closed, changes the record that was approved.
var reviewKeys = []string{"last_reviewed", "next_review"}

// walk follows one document's file back through its commits, reading
// the front matter of each and keeping only the texts it needs: those
// of the run of commits that carry the current approved version, and
// the last text of each other version that [[history]] names.
type walk struct {
	d     *model.Document
	f     *fileLog
	dirty bool // the file on disk may differ from its last commit

	next    int  // the next rev to read
	opaque  bool // a text read is not text (see opaque): git holds it encrypted
	inRun   bool // every rev read so far carries the current version, approved or (between approvals) not yet
	set     int  // the oldest approved rev of that run; -1 when none
	want    map[string]bool
	found   map[string]int // version → the newest rev that carries it
	headers map[int]header // of the revs read
	texts   map[int][]byte // of the revs of the run, and of those found
	earlier approvedRun    // the run of approved texts of an earlier version found, being read
	changed map[string]approvedRun
	// approvals is, for each earlier version found approved, the
	// oldest approved rev of its run.
	approvals map[string]int
	err       error        // a text kept that could not be read back
	files     []bundleFile // the files of its page bundle that git holds, published as its attachments
}

// bundleFile is a file of a document's page bundle, and its commits.
type bundleFile struct {
	name string // its path in the bundle (model.Attachment.Name)
	f    *fileLog
}

// Documents gives each document of docs its Versions, and warns of the
// approved texts changed without a new version. Documents whose file is
// in no commit get none.
func (h *History) Documents(docs []*model.Document) (diag.List, error) {
	moved, err := h.movedOnDisk(docs)
	if err != nil {
		return nil, err
	}
	var walks []*walk
	h.mu.Lock()
	for _, d := range docs {
		f, dirty := h.log.files[d.Path], h.dirty[d.Path]
		if f == nil && moved[d] != nil {
			f, dirty = moved[d], true
		}
		if f == nil || len(f.revs) == 0 {
			d.Versions = nil
			continue
		}
		if d.FromGit != nil {
			f, dirty = f.upTo(h, d.FromGit), false
		}
		w := newWalk(d, f, dirty)
		if d.FromGit == nil {
			for _, a := range d.Attachments {
				if f := h.log.files[a.Path]; f != nil && len(f.revs) > 0 {
					w.files = append(w.files, bundleFile{name: a.Name, f: f})
				}
			}
		}
		walks = append(walks, w)
	}
	h.mu.Unlock()
	if err := h.readWalks(walks); err != nil {
		return nil, err
	}
	traded, err := h.handOver(walks)
	if err != nil {
		return nil, err
	}
	if err := h.readWalks(traded); err != nil {
		return nil, err
	}
	replaced, err := h.splitReplaced(walks)
	if err != nil {
		return nil, err
	}
	if err := h.readWalks(replaced); err != nil {
		return nil, err
	}
	diags := make([]diag.List, len(walks))
	errs := make([]error, len(walks))
	// The texts compared are read first, all at once.
	if err := h.readCompared(walks); err != nil {
		return nil, err
	}
	gone, err := h.goneVersions(walks)
	if err != nil {
		return nil, err
	}
	merged, err := h.mergedVersions(walks, gone)
	if err != nil {
		return nil, err
	}
	onBranch, err := h.mergedApprovals(walks)
	if err != nil {
		return nil, err
	}
	par.Each(len(walks), func(i int) { diags[i], errs[i] = h.finish(walks[i], gone, merged[walks[i]], onBranch[walks[i]]) })
	var out diag.List
	var opaque []string
	var unreadable []*walk
	for i, w := range walks {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out.Add(diags[i]...)
		if w.opaque {
			opaque = append(opaque, w.d.Path)
		} else if w.unreadable() {
			unreadable = append(unreadable, w)
		}
	}
	out = append(out, opaqueNote(opaque)...)
	// Texts that are text but no document, of a file that a filter
	// passed through when they were committed: the filter's (a
	// scrambling clean filter), as the attributes of their own commits
	// say, not today's.
	var texts []textAt
	for _, w := range unreadable {
		texts = append(texts, w.unreadTexts(h)...)
	}
	then, err := h.repo.filtersThen(texts)
	if err != nil {
		return nil, err
	}
	filtered := map[string]string{}
	var plain []string
	for _, w := range unreadable {
		for _, t := range w.unreadTexts(h) {
			if name, ok := then[t]; ok {
				filtered[w.d.Path] = name // the newest text's filter
				break
			}
		}
		if _, ok := filtered[w.d.Path]; !ok {
			plain = append(plain, w.d.Path)
		}
	}
	out = append(out, scrambledNote(filtered)...)
	return append(out, noFrontMatterNote(plain)...), nil
}

// unreadTexts are the texts the walk read without front matter that it
// reads, the newest first.
func (w *walk) unreadTexts(h *History) []textAt {
	var texts []textAt
	for i := range w.f.revs {
		if hd, ok := w.headers[i]; ok && !hd.ok && !hd.yaml {
			rv := w.f.revs[i]
			texts = append(texts, textAt{commit: h.log.commit(rv).Hash, path: rv.path})
		}
	}
	return texts
}

// unreadable reports whether the walk misses a version that [[history]]
// names and read a text of its file without front matter that it reads.
func (w *walk) unreadable() bool {
	missing := false
	for v := range w.want {
		if w.d.Versions.Of(v) == nil {
			missing = true
		}
	}
	if !missing {
		return false
	}
	for _, hd := range w.headers {
		if !hd.ok && !hd.yaml {
			return true
		}
	}
	return false
}

// newWalk starts the walk of document d back through the commits of f.
func newWalk(d *model.Document, f *fileLog, dirty bool) *walk {
	w := &walk{d: d, f: f, dirty: dirty, set: -1, want: map[string]bool{}, found: map[string]int{},
		headers: map[int]header{}, texts: map[int][]byte{}}
	for _, r := range d.History {
		if r.Version != "" && r.Version != d.Version {
			w.want[r.Version] = true
		}
	}
	w.inRun = d.Status == model.StatusApproved
	if !w.dirty && w.inRun {
		// The last commit's text is the file on disk: its version and
		// status are the document's.
		w.set, w.next = 0, 1
	}
	if !w.dirty && !w.inRun {
		w.next = 1
	}
	return w
}

// goneVersions gives, by folded id, the versions that deleted document
// files carried, when a walk wants a version its own file never had (a
// document deleted and written again): each file's last text, and for
// the ids some walk misses a version of, its earlier texts too; the
// most recent deletion first, each file's newest text first.
func (h *History) goneVersions(walks []*walk) (map[string][]model.Version, error) {
	missing := map[string]bool{} // folded ids
	for _, w := range walks {
		if len(w.found) < len(w.want) {
			missing[model.FoldID(w.d.ID)] = true
		}
	}
	if len(missing) == 0 {
		return nil, nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.loadDeleted(); err != nil {
		return nil, err
	}
	// The earlier texts of the deleted files whose last text has an id
	// missing a version (revs[1] wrote the last text).
	var oids []string
	var from [][2]int // index in h.deleted, rev
	for i, t := range h.deleted {
		if f := h.deletedLogs[i]; f != nil && missing[model.FoldID(t.ID)] {
			for r := 2; r < len(f.revs); r++ {
				oids = append(oids, f.revs[r].blob)
				from = append(from, [2]int{i, r})
			}
		}
	}
	texts, err := h.blobs.read(oids)
	if err != nil {
		return nil, err
	}
	earlier := make([][]model.Version, len(h.deleted))
	for k, text := range texts {
		i, f := from[k][0], h.deletedLogs[from[k][0]]
		rv := f.revs[from[k][1]]
		hd := readEarlierHeader(text)
		if !hd.ok && !hd.yaml || hd.Version == "" || model.FoldID(hd.ID) != model.FoldID(h.deleted[i].ID) {
			continue
		}
		earlier[i] = append(earlier[i], model.Version{Version: hd.Version, Commit: h.log.commit(rv), Blob: rv.blob, Path: rv.path,
			Title: hd.Title, Status: hd.Status, Classification: h.classAt(hd.Classification, h.log.commit(rv)), Effective: hd.Effective, Approver: hd.Approver})
		h.keep(rv.blob, text)
	}
	gone := map[string][]model.Version{}
	for i, t := range h.deleted { // the most recent deletion first
		key := model.FoldID(t.ID)
		gone[key] = append(append(gone[key], t.Last), earlier[i]...)
	}
	return gone, nil
}

// take records the text of the next rev, whose bytes are take's for the
// call only (blobs.stream): the texts that finish compares are copied,
// and that of a version found goes to its page's store at once.
func (w *walk) take(h *History, text []byte, hd header) {
	i := w.next
	w.next++
	w.headers[i] = hd
	if !hd.ok && !hd.yaml && opaque(text) {
		w.opaque = true
	}
	if w.inRun {
		// The run goes on through texts of the same version in draft or
		// review: a version put back into review and approved again
		// under its number was set by its first approval, and what
		// changed since is a change after approval (the number names
		// another text, that nobody is asked to acknowledge again).
		// So does it through texts that spell the version otherwise
		// ("V1.0" before "1.0"): respelling raises nothing.
		if hd.ok && (hd.Version == w.d.Version || validate.SpelledAlike(hd.Version, w.d.Version)) && (hd.Status == model.StatusApproved || unpublished(hd.Status)) {
			if hd.Status == model.StatusApproved {
				w.set = i
			}
			w.texts[i] = bytes.Clone(text)
			return
		}
		w.inRun = false
	}
	if w.earlier.version != "" && w.earlier.extend(h, w, i, text, hd) {
		return
	}
	if w.want[hd.Version] {
		// The newest text of the version, unless it is a draft or in
		// review (the next version being written before its number was
		// raised) and an older one was approved: that is the text
		// readers worked to.
		if j, ok := w.found[hd.Version]; !ok || unpublished(w.headers[j].Status) && !unpublished(hd.Status) {
			w.found[hd.Version] = i
			h.keep(w.f.revs[i].blob, text)
			if i == 0 {
				w.texts[i] = bytes.Clone(text) // the last commit's, which finish compares
			}
			if hd.ok && hd.Status == model.StatusApproved {
				w.earlier = approvedRun{version: hd.Version, last: i, approval: i}
			}
		}
	}
	if w.next == len(w.f.revs) {
		w.earlier.end(h, w)
	}
}

// unpublished reports whether a text of this status is published only
// with --drafts (no status at all reads as a draft).
func unpublished(status string) bool {
	return status == "" || status == model.StatusDraft || status == model.StatusReview
}

// lastApproved is the newest text read that was approved, for a
// document that is now a draft or in review; nil otherwise. The walk of
// such a document reads the header of every commit but the last one's
// when that is the file on disk.
func (w *walk) lastApproved(h *History) *model.Version {
	if w.d.Status != model.StatusDraft && w.d.Status != model.StatusReview {
		return nil
	}
	for i := range w.f.revs {
		if hd, ok := w.headers[i]; ok && hd.ok && hd.Status == model.StatusApproved {
			r := w.f.revs[i]
			return &model.Version{Version: hd.Version, Commit: h.log.commit(r), Blob: r.blob, Path: r.path,
				Title: hd.Title, Status: hd.Status, Classification: h.classAt(hd.Classification, h.log.commit(r)), Effective: hd.Effective, Approver: hd.Approver}
		}
	}
	return nil
}

// readWalks reads the texts the walks need, every walk's in its order:
// every commit's from the walk's first (see walk.next), for the ids the
// file had (see oldIDs), though only those of the run and of the
// versions wanted are kept. Each text is taken (its header read, kept
// or let go) as soon as git gives it: neither git nor the build waits
// for the other between rounds, and the texts let go are never held all
// at once. The walks are shared among up to one reader per core, each a
// git process of its own (see readers).
func (h *History) readWalks(walks []*walk) error {
	if a := h.takeAhead(); a != nil {
		if err := a.take(h, walks); err != nil {
			return err
		}
	}
	total := 0
	for _, w := range walks {
		total += len(w.f.revs) - w.next
	}
	if total == 0 {
		return nil
	}
	readers, err := h.readers(total)
	if err != nil {
		return err
	}
	h.mu.Lock()
	h.most = max(h.most, len(readers))
	h.mu.Unlock()
	// Contiguous shares of the walks, of about as many texts each.
	errs := make([]error, len(readers))
	var wg sync.WaitGroup
	from := 0
	for k, b := range readers {
		var oids []string
		var who []*walk
		for ; from < len(walks) && (k == len(readers)-1 || len(oids) < total/len(readers)); from++ {
			w := walks[from]
			for r := w.next; r < len(w.f.revs); r++ {
				oids = append(oids, w.f.revs[r].blob)
				who = append(who, w)
			}
		}
		wg.Go(func() {
			errs[k] = b.stream(oids, func(i int, text []byte) { who[i].take(h, text, readEarlierHeader(text)) })
		})
	}
	wg.Wait()
	h.closeExtra()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// readCompared reads the texts that finish compares and the walks did
// not read: the last commit's, when the file on disk was not read.
func (h *History) readCompared(walks []*walk) error {
	var oids []string
	var who []*walk
	for _, w := range walks {
		if w.set > 0 && w.texts[0] == nil || w.dirty && w.texts[0] == nil {
			oids = append(oids, w.f.revs[0].blob)
			who = append(who, w)
		}
	}
	if len(oids) == 0 {
		return nil
	}
	texts, err := h.blobs.read(oids)
	if err != nil {
		return err
	}
	for i, w := range who {
		w.texts[0] = texts[i]
	}
	return nil
}

// finish makes the document's Versions from what its walk read, and the
// warning of a text changed after approval.
func (h *History) finish(w *walk, gone map[string][]model.Version, merged map[string]model.Version, onBranch map[string]branchApproval) (diag.List, error) {
	if w.err != nil {
		return nil, w.err
	}
	var diags diag.List
	d, revs := w.d, w.f.revs
	v := &model.Versions{Current: h.log.commit(revs[0])}
	v.Shallow = h.log.shallow && revs[len(revs)-1].commit == int32(len(h.log.commits)-1)
	if w.set >= 0 {
		v.Set = h.log.commit(revs[w.set])
		v.SetOrEarlier = v.Shallow && w.set == len(revs)-1
	}
	seen := map[string]bool{}
	for _, r := range d.History {
		i, ok := w.found[r.Version]
		if seen[r.Version] || r.Version == d.Version {
			continue
		}
		if !ok {
			// A file deleted and written again: the newest text of a
			// deleted file that carried this version is still its.
			for _, e := range gone[model.FoldID(d.ID)] {
				if e.Version == r.Version {
					seen[r.Version] = true
					v.Earlier = append(v.Earlier, e)
					break
				}
			}
			// A version committed only on a branch that was merged.
			if e, ok := merged[r.Version]; ok && !seen[r.Version] {
				seen[r.Version] = true
				v.Earlier = append(v.Earlier, e)
			}
			continue
		}
		seen[r.Version] = true
		hd := w.headers[i]
		e := model.Version{
			Version: r.Version, Commit: h.log.commit(revs[i]), Blob: revs[i].blob, Path: revs[i].path,
			Title: hd.Title, Status: hd.Status, Classification: h.classAt(hd.Classification, h.log.commit(revs[i])), Effective: hd.Effective, Approver: hd.Approver,
		}
		h.changedAfterApproval(w, i, &e)
		if b := onBranch[r.Version]; !b.changedIn.IsZero() {
			// Changed on the branch that brought it, before the merge.
			e.Since, e.ChangedIn, e.AsApproved = b.set, b.changedIn, b.asApproved
		}
		if hd.ok && unpublished(hd.Status) {
			v.Drafts = append(v.Drafts, r.Version) // the newest published text is found first (see take)
		}
		v.Earlier = append(v.Earlier, e)
		h.keep(revs[i].blob, w.texts[i])
	}
	for _, r := range d.History {
		if r.Version != "" && r.Version != d.Version && !seen[r.Version] && !slices.Contains(v.Untracked, r.Version) {
			v.Untracked = append(v.Untracked, r.Version)
		}
	}
	// Two versions whose names differ only in case would be one folder
	// where the site is copied to Windows or a Mac: the current version
	// keeps its folder, then the oldest.
	folders := map[string]string{strings.ToLower(d.Version): d.Version}
	kept := v.Earlier[:0]
	for _, e := range v.Earlier {
		key := strings.ToLower(e.Version)
		if other, ok := folders[key]; ok && model.VersionFolder(e.Version) != "" {
			diags.Warnf(d.Path, historyLine(d, e.Version), "version-name", "name each version differently in more than case (V1.0 and v1.0 are one name to Windows)",
				"versions %q and %q differ only in case, which Windows and macOS take for one folder: %q has no page", other, e.Version, e.Version)
			continue
		}
		folders[key] = e.Version
		kept = append(kept, e)
	}
	v.Earlier = kept
	v.OldIDs = h.oldIDs(w)
	v.Approved = w.lastApproved(h)
	d.Versions = v
	diags.Add(h.unreadNotes(w)...)
	diags.Add(staleApproval(h, w)...)
	diags.Add(versionLowered(h, w)...)
	// A version git holds whose name cannot name a folder has no page.
	warned := map[string]bool{}
	for i, r := range d.History {
		if v.Of(r.Version) != nil && model.VersionFolder(r.Version) == "" && !warned[r.Version] {
			warned[r.Version] = true
			diags.Warnf(d.Path, d.Line(fmt.Sprintf("history.%d.version", i)), "version-name", versionNameHint,
				"version %q cannot name a folder of the site: its text has no page under v/ and its changes none under changes/", r.Version)
		}
	}
	if len(v.Earlier) > 0 && d.Version != "" && model.VersionFolder(d.Version) == "" {
		diags.Warnf(d.Path, d.Line("version"), "version-name", versionNameHint,
			"version %q cannot name a folder of the site: its changes have no page under changes/", d.Version)
	}
	if w.set < 0 {
		return diags, nil
	}
	// The files of its page bundle are the document's too: one changed
	// since the commit that set the version changed what was approved.
	for _, b := range w.files {
		if rv, ok := changedSince(b.f, revs[w.set].commit); ok {
			c := h.log.commit(rv)
			v.FilesChanged = append(v.FilesChanged, model.FileChange{Name: b.name, ChangedIn: c})
			diags.Warnf(d.Path, d.Line("version"), "changed-after-approval",
				"raise version and add a [[history]] entry for the change (material = false for a correction that needs no new acknowledgement), or restore the file as it was approved",
				"the attached file %s changed in commit %s (%s, %s) after version %s was approved in commit %s (%s), but the version was not raised",
				b.name, c.Short(), c.Date(), c.Author, d.Version, v.Set.Short(), v.Set.Date())
		}
	}
	// The current text: the file on disk when it differs from the last
	// commit, else the last commit's.
	current, uncommitted := w.texts[0], false
	if w.dirty {
		disk, err := h.working(d.Path)
		if err != nil {
			return nil, err
		}
		if disk != nil && !sameText(disk, w.texts[0]) {
			current, uncommitted = disk, true
		}
	}
	if b := onBranch[d.Version]; !b.changedIn.IsZero() {
		// Changed on the branch that brought the version, before the
		// merge: the first change after its approval there.
		v.Set, v.ChangedIn, v.AsApproved = b.set, b.changedIn, b.asApproved
		warnChangedAfterApproval(&diags, d, v)
		return diags, nil
	}
	if current == nil || w.set == 0 && !uncommitted || sameDocument(w.texts[w.set], current) {
		return diags, nil
	}
	changedIn, at := firstChange(w.texts, w.set, 0)
	if changedIn >= 0 {
		v.ChangedIn = h.log.commit(revs[changedIn])
	}
	v.AsApproved = h.asApproved(d, revs[at], w.texts[at])
	if v.ChangedIn.IsZero() {
		v.ChangedUncommitted = true
		diags.Warnf(d.Path, d.Line("version"), "changed-after-approval",
			"raise version and add a [[history]] entry for the change (material = false for a correction that needs no new acknowledgement), or restore the approved text",
			"the file differs from the text of version %s approved in commit %s (%s), in changes not yet committed, but the version was not raised",
			d.Version, v.Set.Short(), v.Set.Date())
		return diags, nil
	}
	warnChangedAfterApproval(&diags, d, v)
	return diags, nil
}

// changedSince returns the first commit after commit set (an index of
// the log; later commits have lower ones) that left file f other than
// set left it, when its last commit did: changed, or added since. A
// file changed and restored since is as it was.
func changedSince(f *fileLog, set int32) (rev, bool) {
	approved := "" // its blob at set; none when it came later
	for _, rv := range f.revs {
		if rv.commit >= set {
			approved = rv.blob
			break
		}
	}
	if f.revs[0].blob == approved {
		return rev{}, false
	}
	for i := len(f.revs) - 1; i >= 0; i-- {
		if rv := f.revs[i]; rv.commit < set && rv.blob != approved {
			return rv, true
		}
	}
	return rev{}, false
}

// warnChangedAfterApproval names the commit that changed the current
// version's text after the one that approved it.
func warnChangedAfterApproval(diags *diag.List, d *model.Document, v *model.Versions) {
	diags.Warnf(d.Path, d.Line("version"), "changed-after-approval",
		"raise version and add a [[history]] entry for the change (material = false for a correction that needs no new acknowledgement), or restore the approved text",
		"the text changed in commit %s (%s, %s) after version %s was approved in commit %s (%s), but the version was not raised",
		v.ChangedIn.Short(), v.ChangedIn.Date(), v.ChangedIn.Author, d.Version, v.Set.Short(), v.Set.Date())
}

// asApproved is the current version's text as approved, kept for its
// page: the text of rev, the last commit before the change.
func (h *History) asApproved(d *model.Document, r rev, text []byte) *model.Version {
	hd := readHeader(text) // the walk may not have read rev's header
	h.keep(r.blob, text)
	return &model.Version{
		Version: d.Version, Commit: h.log.commit(r), Blob: r.blob, Path: r.path,
		Title: hd.Title, Status: hd.Status, Classification: h.classAt(hd.Classification, h.log.commit(r)), Effective: hd.Effective, Approver: hd.Approver,
	}
}

const versionNameHint = `write the version with letters, digits, "." and "-" ("1.0-2" for "1.0/2"), or live without its page`

// historyLine is the line of the last [[history]] entry naming version.
func historyLine(d *model.Document, version string) int {
	for i := len(d.History) - 1; i >= 0; i-- {
		if d.History[i].Version == version {
			return d.Line(fmt.Sprintf("history.%d.version", i))
		}
	}
	return d.Line("version")
}

// sameDocument reports whether two texts of a document have the same
// body and front matter, the review dates aside.
func sameDocument(a, b []byte) bool { return sameBut(a, b, reviewKeys) }

// firstChange finds, among the texts of a run from rev approval (the
// oldest approved) to rev last (newer revs have lower numbers), the
// first that changed the approved text: its rev, -1 when none did, and
// at, the rev of the text as approved just before it (else last). A
// text only put back into review or draft changed nothing.
func firstChange(texts map[int][]byte, approval, last int) (changedIn, at int) {
	approved := texts[approval]
	changedIn, at = -1, last
	for i := approval - 1; i >= last; i-- {
		if !sameBetweenApprovals(approved, texts[i]) {
			changedIn, at = i, i+1
			break
		}
	}
	for at < approval && !sameDocument(approved, texts[at]) {
		at++ // only put back into review: the text as approved is older
	}
	return changedIn, at
}

// sameBetweenApprovals is sameDocument for a text of a version put back
// into review or draft between two of its approvals: that status alone
// changes nothing the readers were given.
func sameBetweenApprovals(a, b []byte) bool { return sameBut(a, b, statusAndReviewKeys) }

var statusAndReviewKeys = append([]string{"status"}, reviewKeys...)

// sameBut is sameDocument with the front-matter keys ignored given.
func sameBut(a, b []byte, ignored []string) bool {
	if sameText(a, b) {
		return true
	}
	fa, fb := load.ParseText("", a), load.ParseText("", b)
	if fa == nil || fb == nil {
		return false
	}
	if !bytes.Equal(fa.Body, fb.Body) && !bytes.Equal(inert(fa.Body), inert(fb.Body)) && !sameRendering(fa.Body, fb.Body) {
		return false
	}
	ma, mb := maps.Clone(fa.Meta), maps.Clone(fb.Meta)
	for _, k := range ignored {
		delete(ma, k)
		delete(mb, k)
	}
	respelled(ma, mb)
	return reflect.DeepEqual(ma, mb) || reflect.DeepEqual(sameDates(ma), sameDates(mb))
}

// respelled gives b's front matter a's spelling of its version and of
// its [[history]] entries' versions where the two spell one version
// otherwise ("V1.0" and "1.0"): a respelling changes nothing approved.
func respelled(a, b map[string]any) {
	same := func(x, y map[string]any) {
		if vx, ok := x["version"].(string); ok {
			if vy, ok := y["version"].(string); ok && validate.SpelledAlike(vx, vy) {
				y["version"] = vx
			}
		}
	}
	same(a, b)
	ha, okA := a["history"].([]map[string]any)
	hb, okB := b["history"].([]map[string]any)
	if !okA || !okB || len(ha) != len(hb) {
		return
	}
	hb = slices.Clone(hb)
	for i := range hb {
		hb[i] = maps.Clone(hb[i])
		same(ha[i], hb[i])
	}
	b["history"] = hb
}

// sameDates is a front-matter value with its dates written as the
// format also accepts them, quoted ("2026-01-05"): a commit that quotes
// a date, or stops quoting it, changes no value.
func sameDates(v any) any {
	switch v := v.(type) {
	case time.Time:
		if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 && v.Nanosecond() == 0 {
			return v.Format(time.DateOnly)
		}
		return v
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = sameDates(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = sameDates(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = sameDates(e)
		}
		return out
	}
	return v
}

// inert is a body less the white space that no page shows: spaces and
// tabs at the ends of lines (but two spaces that break a line, before
// a line of text), and blank lines at its start and end, which editors
// trim and add on saving.
func inert(body []byte) []byte {
	lines := bytes.Split(bytes.TrimRight(body, " \t\n"), []byte("\n"))
	for len(lines) > 1 && len(bytes.TrimLeft(lines[0], " \t")) == 0 {
		lines = lines[1:] // blank lines before the first line of text
	}
	for i, l := range lines {
		t := bytes.TrimRight(l, " \t")
		if bytes.HasSuffix(l, []byte("  ")) && i+1 < len(lines) && len(bytes.TrimSpace(lines[i+1])) > 0 {
			t = append(t[:len(t):len(t)], "  "...)
		}
		lines[i] = t
	}
	return bytes.Join(lines, []byte("\n"))
}
