package generator

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/history"
	"ismsgen/generator/link"
	"ismsgen/generator/model"
)

// GitLog reads the history of the source's content folder from git (the
// documents' earlier versions, tombstones), unless opts says not to. It
// is nil outside git, or when the history cannot be read; the notes say
// why. Close it when the pages are made.
func GitLog(opts Options) (*history.History, diag.List) {
	if opts.NoHistory {
		return nil, nil
	}
	repo, notes := opts.repo, diag.List(nil)
	if repo == nil {
		if repo, notes = history.Open(opts.Source); repo == nil {
			return nil, notes
		}
	}
	h, d, err := history.Read(repo, opts.Source)
	notes.Add(d...)
	if err != nil {
		notes.Notef("", "", "cannot read the git history (%v): built without the documents' history", err)
		return nil, notes
	}
	return h, notes
}

// closeLog closes the history once it has been read.
func closeLog(l *later[*history.History]) {
	h, _ := l.wait()
	h.Close()
}

// Versions gives each document its earlier versions from h, and the
// site what this build publishes of them and of the tombstones (see
// DocumentVersions and Withdrawn).
func Versions(opts Options, h *history.History, converted []Converted, site *model.Site, diags diag.List) diag.List {
	if h == nil {
		return diags
	}
	diags = append(diags, DocumentVersions(h, converted)...)
	if diags.HasErrors() {
		deletedFileHints(h, diags)
		goneHints(h, converted, diags)
		diags = oldIDHints(h, converted, diags)
		renamedHints(opts, h, converted, diags)
	}
	diags = Withdrawn(opts, h, converted, site, diags)
	diags = append(diags, revisionsUnpublished(opts, converted, site)...)
	if n, wrong, later := h.OutOfOrder(); n > 0 {
		diags.Notef("", "set the clock of the machines that commit; git keeps the dates as they were written",
			"%d commit(s) of content/ are dated after a commit built on them, such as %s of %s before %s of %s: a clock set wrong when they were made; the pages show their dates as written, and a site --as-of a day between the two holds their changes",
			n, wrong.Short(), wrong.Date(), later.Short(), later.Date())
	}
	h.LetGo() // a build reads no more history than this
	return diags
}

// DocumentVersions gives each converted document its earlier versions
// and returns the warnings of texts changed after approval: serve calls
// it for the files it reads again, whose history alone is read.
func DocumentVersions(h *history.History, converted []Converted) diag.List {
	if h == nil {
		return nil
	}
	diags, err := h.Documents(docsOf(converted))
	if err != nil {
		for _, c := range converted {
			c.Doc.Versions = nil
		}
		return failedHistory(err)
	}
	return diags
}

// Withdrawn keeps of the site's earlier versions, of the withdrawn
// documents (tombstones) and of the documents' old ids what this build
// publishes: what the ceiling and --drafts allow, as for documents. It
// returns diags without the warnings of supersedes naming a withdrawn
// document or an old id, which git knows.
func Withdrawn(opts Options, h *history.History, converted []Converted, site *model.Site, diags diag.List) diag.List {
	if h == nil || site == nil {
		return diags
	}
	// A withdrawn document's URL keeps its tombstone until a document
	// this build publishes takes its id again: a draft or a document
	// above the ceiling that took it leaves no trace, nor takes the
	// tombstone away.
	tombs, err := h.Withdrawals(site.Docs)
	if err != nil {
		return append(diags, failedHistory(err)...)
	}
	reused, err := h.ReusedIDs(docsOf(converted))
	if err != nil {
		return append(diags, failedHistory(err)...)
	}
	diags = append(diags, reused...)
	lopts := link.Options{Now: opts.Now, Drafts: opts.Drafts, Ceiling: opts.Classification}
	pub := func(class, status string) bool { return published(site.Config, lopts, class, status) }
	history.Publish(site, tombs, pub)
	history.PublishMoved(site, docsOf(converted), tombs, pub)
	head, err := h.HeadIDs()
	if err != nil {
		return append(diags, failedHistory(err)...)
	}
	gone, err := h.DeletedIDs()
	if err != nil {
		return append(diags, failedHistory(err)...)
	}
	head = append(head, gone...)
	leaveOutGitIDs(site, converted, tombs, head)
	site.Renamed = map[string]string{}
	for old, r := range h.Renames() {
		site.Renamed[old] = r.To
	}
	return slices.DeleteFunc(diags, func(d diag.Diagnostic) bool {
		return d.Code == "supersedes-unknown" && (slices.ContainsFunc(site.Tombstones, func(t *model.Tombstone) bool {
			return strings.Contains(d.Message, strconv.Quote(t.ID))
		}) || slices.ContainsFunc(site.Moved, func(m *model.Moved) bool {
			return strings.Contains(d.Message, strconv.Quote(m.ID))
		}))
	})
}

// oldIDHints gives a broken link to an id that git knows, a document's
// old id or a withdrawn document's, the hint of what became of it: the
// link stage, which knows only the ids of now, suggested the nearest of
// those, another document. A broken link to the file of a withdrawn
// document gets the same hint. A build with errors has no site, and
// Withdrawn leaves the warnings of supersedes naming such an id to it:
// it drops them too.
func oldIDHints(h *history.History, converted []Converted, diags diag.List) diag.List {
	hints := map[string]diag.Text{} // the broken link's message, its id folded → its hint
	broken := func(id string) string { return fmt.Sprintf("broken link: no document has the id %q", model.FoldID(id)) }
	deleted := map[string]diag.Text{} // the path of a withdrawn document's file → its hint
	docs := docsOf(converted)
	if tombs, err := h.Tombstones(docs); err == nil {
		for _, t := range tombs {
			hints[broken(t.ID)] = diag.Msg("%s was withdrawn on %s (its file was deleted): remove the link, or link to the document that replaces it", t.ID, t.Withdrawn.Date())
			for _, d := range docs {
				if slices.ContainsFunc(d.Supersedes, func(id string) bool { return model.FoldID(id) == model.FoldID(t.ID) }) {
					hints[broken(t.ID)] = diag.Msg("%s was withdrawn on %s (its file was deleted), replaced by %s: link to that, [](%s)", t.ID, t.Withdrawn.Date(), d.ID, d.ID)
					break
				}
			}
			if _, ok := deleted[t.Last.Path]; !ok && t.Last.Path != "" { // the most recent deletion first
				deleted[t.Last.Path] = diag.Msg("%s was the file of %s. %s", t.Last.Path, t.ID, hints[broken(t.ID)])
			}
		}
	}
	for _, d := range docs {
		if d.Versions == nil {
			continue
		}
		for _, o := range d.Versions.OldIDs { // the most recent change first
			if _, ok := hints[broken(o.ID)]; !ok {
				hints[broken(o.ID)] = diag.Msg("%s is the document now numbered %s (its number changed on %s): link to it by its new id, [](%s)", o.ID, d.ID, o.Changed.Date(), d.ID)
			}
		}
	}
	for i := range diags {
		if _, full, ok := link.BrokenPath(diags[i]); ok {
			// a path to the file of a document deleted since (a
			// renamed file's is renamedHints')
			if hint, ok := deleted[full]; ok {
				diags[i].SetHint(hint)
			}
			continue
		}
		id, isBroken := strings.CutPrefix(diags[i].Message, "broken link: no document has the id ")
		if id, err := strconv.Unquote(id); isBroken && err == nil && diags[i].Severity == diag.Error {
			if hint, ok := hints[broken(id)]; ok {
				diags[i].SetHint(hint)
			}
		}
	}
	return slices.DeleteFunc(diags, func(d diag.Diagnostic) bool {
		if d.Code != "supersedes-unknown" {
			return false
		}
		for msg := range hints {
			if id, _ := strconv.Unquote(strings.TrimPrefix(msg, "broken link: no document has the id ")); strings.Contains(model.FoldID(d.Message), strconv.Quote(id)) {
				return true
			}
		}
		return false
	})
}

// leaveOutGitIDs adds to the site's left-out ids those that only git
// knows and that this build gives no page: a document deleted while a
// draft or above the ceiling, an old id of a withheld document, an id of
// the head commit changed or deleted on disk (head). The pages
// that show earlier texts as written mask them like the set's own.
func leaveOutGitIDs(site *model.Site, converted []Converted, tombs []*model.Tombstone, head []string) {
	if site.LeftOut == nil {
		site.LeftOut = map[string]bool{}
	}
	shown := map[string]bool{}
	for _, t := range site.Tombstones {
		shown[model.FoldID(t.ID)] = true
	}
	for _, m := range site.Moved {
		shown[model.FoldID(m.ID)] = true
	}
	add := func(id string) {
		if key := model.FoldID(id); !shown[key] && site.Doc(id) == nil {
			site.LeftOut[key] = true
		}
	}
	for _, t := range tombs {
		add(t.ID)
	}
	for _, id := range head {
		add(id)
	}
	for _, c := range converted {
		if v := c.Doc.Versions; v != nil {
			for _, o := range v.OldIDs {
				add(o.ID)
			}
		}
	}
}

// revisionsUnpublished warns of each document that a draft or a review
// takes off the site although an earlier version of it, in git, was
// published (revision-unpublished): readers lose the version in force
// while the next one is prepared.
func revisionsUnpublished(opts Options, converted []Converted, site *model.Site) diag.List {
	if opts.Drafts || site == nil {
		return nil
	}
	var diags diag.List
	lopts := link.Options{Now: opts.Now, Ceiling: opts.Classification}
	for _, c := range converted {
		d := c.Doc
		if d.Versions == nil || d.Status != model.StatusDraft && d.Status != model.StatusReview ||
			!published(site.Config, lopts, d.Classification, model.StatusApproved) {
			continue // published, or withheld whatever its status
		}
		candidates := slices.Clone(d.Versions.Earlier)
		if a := d.Versions.Approved; a != nil {
			candidates = append(candidates, *a) // the newest, whether or not [[history]] names it
		}
		for i := len(candidates) - 1; i >= 0; i-- {
			v := candidates[i]
			if !published(site.Config, lopts, v.Classification, v.Status) {
				continue
			}
			diags.Warnf(d.Path, d.Line("status"), "revision-unpublished",
				"keep the version in force on the site until the next one is approved (ISO/IEC 27001 7.5.3): prepare the revision on a git branch, and build with --drafts for its reviewers",
				"status %q takes %s off the site, and with it version %s (commit %s, %s), which readers worked to", d.Status, d.ID, v.Version, v.Commit.Short(), v.Commit.Date())
			break
		}
	}
	return diags
}

func docsOf(converted []Converted) []*model.Document {
	docs := make([]*model.Document, len(converted))
	for i, c := range converted {
		docs[i] = c.Doc
	}
	return docs
}

func failedHistory(err error) diag.List {
	var notes diag.List
	notes.Notef("", "", "cannot read the git history (%v): built without the documents' history", err)
	return notes
}

// published reports whether a text with this classification and status
// is published, as link.Published decides for a document.
func published(cfg *model.Config, opts link.Options, class, status string) bool {
	if class == "" {
		class = cfg.DefaultClassification
	}
	if cfg.Level(class) < 0 {
		return false // a level no longer defined: never published
	}
	if status == "" {
		status = model.StatusDraft
	}
	return link.Published(cfg, opts, &model.Document{Classification: class, Status: status})
}
