package generator

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

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
// gitLog waits for the git log (GitLog): only when a draft is under the
// ceiling is it called, and a build without one reads its history beside
// the rest.
func InForce(opts Options, cfg *model.Config, gitLog func() *history.History, docs *Documents) diag.List {
	withheld, diags := InForceOf(opts, cfg, gitLog, docs.Converted)
	docs.Files.Withheld = append(docs.Files.Withheld, withheld...)
	slices.Sort(docs.Files.Withheld)
	return diags
}

// InForceOf is InForce over some of the documents, converted (serve's
// saved files): it replaces them in converted and returns the paths of
// the files of their bundles that it leaves out (model.Files.Withheld).
func InForceOf(opts Options, cfg *model.Config, gitLog func() *history.History, converted []Converted) (withheld []string, diags diag.List) {
	if opts.Drafts || cfg == nil {
		return nil, nil
	}
	lopts := link.Options{Now: opts.Now, Ceiling: opts.Classification}
	pub := func(class, status string) bool { return published(cfg, lopts, class, status) }
	var drafts []*model.Document
	var at []int // their indexes in docs.Converted
	for i, c := range converted {
		if d := c.Doc; d.IsUnapproved() && d.ID != "" && pub(d.Classification, model.StatusApproved) {
			drafts, at = append(drafts, d), append(at, i) // else published, or withheld whatever its status
		}
	}
	if len(drafts) == 0 {
		return nil, nil
	}
	h := gitLog()
	if h == nil {
		return nil, nil // outside git: left out
	}
	found, err := h.LastPublished(drafts, pub)
	if err != nil {
		return nil, nil // Versions reports the history's errors
	}
	for k, p := range found {
		if p == nil {
			continue
		}
		d := drafts[k]
		shown, left, removed := fromGit(cfg, opts.Source, d, p, h)
		if shown.Doc == nil {
			continue
		}
		shown.Revision = converted[at[k]].Scan // the draft's own problems, at its lines
		converted[at[k]] = shown
		// The files of its bundle that the version does not publish are
		// known, as left out: a link to one, the draft's own or
		// another's, is its text, not a broken link.
		for _, a := range d.Attachments {
			if !slices.ContainsFunc(shown.Doc.Attachments, func(b model.Attachment) bool { return b.Path == a.Path }) &&
				!slices.ContainsFunc(left, func(b model.Attachment) bool { return b.Path == a.Path }) {
				withheld = append(withheld, a.Path)
			}
		}
		v := p.Version
		diags = append(diags, diag.New(d.Path, d.Line("status"), diag.Note, "", "build with --drafts to show this text to its reviewers",
			"status %q: the site shows version %s, the last published, from commit %s (%s); this text is published once approved",
			d.Status, v.Version, v.Commit.Short(), v.Commit.Date()))
		for _, a := range left {
			withheld = append(withheld, a.Path)
			diags = append(diags, diag.New(d.Path, d.Line("status"), diag.Note, "", diag.Msg("to keep it on the site meanwhile, give the new file another name and restore this one as it was (git checkout %s -- %s)", v.Commit.Short(), a.Path),
				"%s has changed since version %s: the site leaves it out, and shows the links to it as text, until this text is approved", a.Name, v.Version))
		}
		for _, a := range removed {
			withheld = append(withheld, a.Path)
			diags = append(diags, diag.New(d.Path, d.Line("status"), diag.Note, "", diag.Msg("to keep it on the site meanwhile, restore it as it was (git checkout %s -- %s)", v.Commit.Short(), a.Path),
				"%s was removed since version %s: the site shows the links to it as text until this text is approved", a.Name, v.Version))
		}
	}
	return withheld, diags
}

// fromGit converts the text of p in place of draft d, as if its file
// held it; nothing (Doc nil) when that text no longer passes: the
// document is then left out, as any draft. Withheld are the files of
// its page bundle that the text names but that no longer hold what they
// held at p's commit; removed those it names that git held then in the
// bundle's folder and that are gone from it (removed or renamed by the
// revision): links to them are text, not broken links.
func fromGit(cfg *model.Config, source string, d *model.Document, p *history.Published, h *history.History) (shown Converted, withheld, removed []model.Attachment) {
	f, diags := load.ParseDocument(d.Path, p.Text)
	if f == nil || diags.HasErrors() {
		return Converted{}, nil, nil
	}
	f.OwnBody()
	lines := &diskLines{gitKeys: f.Lines, gitBodyLine: f.BodyLine, gitBody: bodyLines(f.Body), status: d.Line("status"), readDraft: readDraft(source, d)}
	// The files of its page bundle that the text names, as they were
	// then: one the draft alone names, or changed, would be a trace of
	// it.
	var files []model.Attachment
	for _, a := range d.Attachments {
		if !f.Mentions(a.Name) {
			continue
		}
		if h.Unchanged(a.Path, p.Version, func() ([]byte, error) { return os.ReadFile(a.Source) }) {
			files = append(files, a)
		} else {
			withheld = append(withheld, a)
		}
	}
	// A text that names no classification has the default of its own
	// site (history: the isms.toml of its commit), which published it.
	then := cfg
	if _, named := f.Meta["classification"]; !named {
		then = cfg.WithDefaultClass(p.Version.Classification)
	}
	if dir, name := path.Split(d.Path); name == "index.md" {
		for _, q := range h.FilesAt(path.Clean(dir), p.Version) {
			a := model.Attachment{Path: q, Name: strings.TrimPrefix(q, dir)}
			if strings.EqualFold(path.Ext(q), ".md") || !f.Mentions(a.Name) {
				continue // a document of its own, or not named
			}
			if _, err := os.Lstat(filepath.Join(source, filepath.FromSlash(q))); os.IsNotExist(err) {
				removed = append(removed, a)
			}
		}
	}
	shown, diags = convert(then, &load.Doc{File: f, Attachments: files}, true)
	if diags.HasErrors() || model.FoldID(shown.Doc.ID) != model.FoldID(d.ID) {
		return Converted{}, nil, nil
	}
	if shown.Doc.Body == nil {
		shown.Doc.Body = []byte{} // kept: Documents.Body would read the draft
	}
	shown.Doc.FromGit = p.Version
	// Warned of where the controller edits it: at the key's line in the
	// file, else at the status line, by the note.
	shown.Doc.Lines = d.Lines.Over(shown.Doc.Lines, d.Line("status"))
	lines.keys = shown.Doc.Lines
	if shown.Scan != nil {
		shown.Scan.MoveLines(lines.at)
	}
	for i := range shown.Doc.Actions {
		shown.Doc.Actions[i].Line = lines.at(shown.Doc.Actions[i].Line)
	}
	for i := range shown.Doc.Applicability {
		shown.Doc.Applicability[i].Line = lines.at(shown.Doc.Applicability[i].Line)
	}
	return shown, withheld, removed
}
