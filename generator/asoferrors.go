package generator

import (
	"path"
	"slices"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/link"
	"ismsgen/generator/model"
	"ismsgen/generator/validate"
)

// pastDay is the day and commit of a build --as-of. Its files are a
// past commit's, which no edit can change: a content error in them does
// not stop the build, as it would stop a build of today's files, but is
// warned of (as-of-error) with what the site of that day does about it.
// A document with an error of its own is left out, as a document that
// cannot be read is; a link that names nothing is its text alone. The
// site of a day is evidence of what was then in force (ISO/IEC 27001
// 7.5.3): a slip in one file that day must not leave an audit without
// any of it, and nobody can fix the past to build it. The day's
// isms.toml and layouts are still errors: without them there is no site.
type pastDay struct {
	day     model.Date
	commit  model.Commit
	leftOut []string // the ids of the files left out of the commit's, as Documents.Failed holds them (see history.Repo.Checkout)
}

// pastHint is the hint of every as-of-error.
const pastHint = "nothing to change in the past, which git keeps as it was; check that today's file builds (ismsgen check)"

// leaveOutFaulty takes out of docs the documents whose files have
// errors (in diags, from reading them) and makes those errors warnings:
// the site of that day leaves them out, as it leaves out those that
// cannot be read. A draft shown by its version in force (InForce) stays:
// its errors are the draft's, which the site does not show.
func (p *pastDay) leaveOutFaulty(docs *Documents, diags diag.List) diag.List {
	if p == nil || !diags.HasErrors() {
		return diags
	}
	faulty := map[string]bool{}
	for _, d := range diags {
		if d.Severity == diag.Error && isDocumentFile(d.File) {
			faulty[d.File] = true
		}
	}
	drafts := map[string]bool{}
	docs.Converted = slices.DeleteFunc(docs.Converted, func(c Converted) bool {
		if !faulty[c.Doc.Path] {
			return false
		}
		if c.Doc.FromGit != nil {
			drafts[c.Doc.Path] = true
			return false
		}
		if c.Doc.ID != "" {
			docs.Failed = append(docs.Failed, c.Doc.ID)
		}
		docs.Failed = append(docs.Failed, model.FileID(c.Doc.Path))
		return true
	})
	return p.demote(diags, faulty, drafts, false)
}

// demote makes the errors of diags at the files of files warnings
// as-of-error, which say that the document is left out, or for links
// (links) that the link's text is shown alone; at the files of drafts,
// shown by their versions in force, that the site shows that version.
func (p *pastDay) demote(diags diag.List, files, drafts map[string]bool, links bool) diag.List {
	for i, d := range diags {
		if d.Severity != diag.Error || !files[d.File] {
			continue
		}
		var w diag.Diagnostic
		switch {
		case drafts[d.File]:
			w = diag.New(d.File, d.Line, diag.Warning, "as-of-error", pastHint, "the site as of %s shows the version in force, not this draft: in commit %s the draft had this error: %v", p.day, p.commit.Short(), d.Text())
		case links:
			w = diag.New(d.File, d.Line, diag.Warning, "as-of-error", pastHint, "the site as of %s shows the link's text alone: in commit %s it was an error: %v", p.day, p.commit.Short(), d.Text())
		default:
			w = diag.New(d.File, d.Line, diag.Warning, "as-of-error", pastHint, "the site as of %s leaves the document out: in commit %s the file had this error: %v", p.day, p.commit.Short(), d.Text())
		}
		w.Col = d.Col
		diags[i] = w
	}
	return diags
}

// isDocumentFile reports whether a diagnostic's file is a document's.
func isDocumentFile(file string) bool {
	return strings.HasPrefix(file, "content/") && strings.EqualFold(path.Ext(file), ".md")
}

// linkPast is Link for the documents of a past day: a link that names
// nothing is its text alone, with a warning, and a document that the
// rules across documents find at fault (an id another document has, a
// parent that does not exist) is left out, with the same warning, until
// the set has no error at any document.
func (p *pastDay) linkPast(opts Options, cfg *model.Config, docs *Documents) (*model.Site, diag.List) {
	var out diag.List
	for {
		site, set, links := linkParts(opts, cfg, docs.Converted, &docs.Files, true, docs.Failed...)
		faulty := map[string]bool{}
		for _, d := range set {
			if d.Severity == diag.Error && isDocumentFile(d.File) {
				faulty[d.File] = true
			}
		}
		if len(faulty) == 0 {
			linked, drafts := map[string]bool{}, map[string]bool{}
			for _, d := range links {
				linked[d.File] = true
			}
			for _, c := range docs.Converted {
				if c.Doc.FromGit != nil {
					drafts[c.Doc.Path] = true // its errors are its draft's (see Options.Revised)
				}
			}
			set.Add(p.demote(links, linked, drafts, true)...)
			out.Add(set...)
			if out.HasErrors() {
				return nil, out
			}
			return site, out
		}
		before := len(docs.Converted)
		atFaulty := slices.DeleteFunc(slices.Clone(set), func(d diag.Diagnostic) bool { return !faulty[d.File] })
		out.Add(p.leaveOutFaulty(docs, atFaulty)...)
		if len(docs.Converted) == before {
			// errors at no document read: nothing to leave out
			return nil, append(out, set...)
		}
	}
}

// linkParts is Link's work, with the diagnostics of the rules across
// documents (set) apart from those of the links (links); past is
// link.Options.Past.
func linkParts(opts Options, cfg *model.Config, converted []Converted, files *model.Files, past bool, failed ...string) (site *model.Site, set, links diag.List) {
	docs := make([]*model.Document, len(converted))
	scans := make(map[*model.Document]*link.Scanned, len(converted))
	var revised map[*model.Document]*link.Scanned
	for i, c := range converted {
		docs[i], scans[c.Doc] = c.Doc, c.Scan
		if c.Revision != nil {
			if revised == nil {
				revised = map[*model.Document]*link.Scanned{}
			}
			revised[c.Doc] = c.Revision
		}
	}
	failedIDs := map[string]bool{} // validate.Set adds to it
	for _, id := range failed {
		failedIDs[model.FoldID(id)] = true
	}
	docs, set = validate.Set(slices.Clip(docs), failedIDs)
	site, links = link.Site(cfg, docs, files, link.Options{Now: opts.Now, Drafts: opts.Drafts, Ceiling: opts.Classification, Failed: failedIDs, Revised: revised, Past: past}, scans)
	return site, set, links
}
