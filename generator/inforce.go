package generator

import (
	"ismsgen/generator/diag"
	"ismsgen/generator/history"
	"ismsgen/generator/link"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

// InForce puts in place of each document whose file holds a draft or a
// review, which this build does not publish, the last text of it that
// git holds as published: that version is in force until the next one is
// approved (ISO/IEC 27001 7.5.3), and readers keep it. The draft leaves
// no trace; a note at its status line says which version the site shows.
// Only when a draft is under the ceiling does the build wait here for
// the git log: a build without one reads its history beside the rest.
func InForce(opts Options, cfg *model.Config, gitLog *later[*history.History], docs *Documents) diag.List {
	if opts.Drafts || cfg == nil {
		return nil
	}
	lopts := link.Options{Now: opts.Now, Ceiling: opts.Classification}
	pub := func(class, status string) bool { return published(cfg, lopts, class, status) }
	var diags diag.List
	var h *history.History
	for i, c := range docs.Converted {
		d := c.Doc
		if !d.IsUnapproved() || d.ID == "" || !pub(d.Classification, model.StatusApproved) {
			continue // published, or withheld whatever its status
		}
		if h == nil {
			if h, _ = gitLog.wait(); h == nil {
				return nil // outside git: left out
			}
		}
		v, text, err := h.LastPublished(d.Path, d.ID, pub)
		if err != nil || v == nil {
			continue // the history's own error is reported by Versions
		}
		f, d2 := load.ParseDocument(d.Path, text)
		if f == nil || d2.HasErrors() {
			continue
		}
		f.OwnBody()
		// The files of its page bundle that the text names: one the
		// draft alone names would be a trace of it.
		var files []model.Attachment
		for _, a := range d.Attachments {
			if f.Mentions(a.Name) {
				files = append(files, a)
			}
		}
		shown, d2 := convert(cfg, &load.Doc{File: f, Attachments: files}, true)
		if d2.HasErrors() || model.FoldID(shown.Doc.ID) != model.FoldID(d.ID) {
			continue // a text that no longer passes: the document is left out
		}
		if shown.Doc.Body == nil {
			shown.Doc.Body = []byte{} // kept: Documents.Body would read the draft
		}
		shown.Doc.FromGit = v
		docs.Converted[i] = shown
		diags = append(diags, diag.New(d.Path, d.Line("status"), diag.Note, "", "build with --drafts to show this text to its reviewers",
			"status %q: the site shows version %s, the last published, from commit %s (%s); this text is published once approved",
			d.Status, v.Version, v.Commit.Short(), v.Commit.Date()))
	}
	return diags
}
