package generator

import (
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

// Versions gives each document its earlier versions from h (and the
// warnings of texts changed after approval), and the site, when there is
// one, what this build publishes of them and of the tombstones: what the
// ceiling and --drafts allow, as for documents.
func Versions(opts Options, h *history.History, converted []Converted, site *model.Site) diag.List {
	if h == nil {
		return nil
	}
	docs := make([]*model.Document, len(converted))
	for i, c := range converted {
		docs[i] = c.Doc
	}
	diags, err := h.Documents(docs)
	var tombs []*model.Tombstone
	if err == nil && site != nil {
		tombs, err = h.Tombstones(docs)
	}
	if err != nil {
		var notes diag.List
		notes.Notef("", "", "cannot read the git history (%v): built without the documents' history", err)
		for _, d := range docs {
			d.Versions = nil
		}
		return notes
	}
	if site != nil {
		lopts := link.Options{Now: opts.Now, Drafts: opts.Drafts, Ceiling: opts.Classification}
		history.Publish(site, tombs, func(class, status string) bool { return published(site.Config, lopts, class, status) })
	}
	return diags
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
