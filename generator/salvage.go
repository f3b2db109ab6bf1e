package generator

import (
	"path"
	"slices"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/filetype"
	"ismsgen/generator/link"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
	"ismsgen/generator/validate"
)

// Salvage checks the rest of a document whose front matter has TOML
// syntax errors (load.Salvage), so that its author fixes every mistake
// of the file in one round. Only what is written wrong is reported: a
// finding at a line of the front matter that names the key the line
// sets (a value of the wrong type, an unknown key, an unknown
// department) or quotes a value the line holds (an unknown clause or
// control, an action's unknown document). What is missing (a required key, the approver of an
// approved document) may be the syntax errors' doing, a key on a line
// in error or swallowed by it, and is reported once they are fixed. The
// document stays out of the site, as its syntax errors keep it out.
func Salvage(cfg *model.Config, source, path string) diag.List {
	diags, _ := salvage(cfg, source, path, nil)
	return diags
}

// salvaged is a document read again past its syntax errors, kept until
// every file is read so that the ids it names and the links of its body
// can be checked (checkSalvaged), with the rule that keeps only what its
// front matter wrote wrong.
type salvaged struct {
	doc        *model.Document
	scan       *link.Scanned
	writtenBad func(diag.Diagnostic) bool
}

// salvage reads the document at path again past its syntax errors;
// attachments are the files of its page bundle (load.Listing.Bundles),
// which its links may name.
func salvage(cfg *model.Config, source, path string, attachments []string) (diag.List, *salvaged) {
	s := load.Salvage(source, path, cfg.Language)
	if s == nil {
		return nil, nil
	}
	s.Doc.Attachments = bundled(path, attachments)
	doc, found := validate.Document(cfg, s.Doc)
	writtenBad := func(d diag.Diagnostic) bool {
		key := s.Keys[d.Line]
		return !s.Emptied[d.Line] && key != "" && (strings.Contains(d.Message, key) || quotesLine(d.Message, s.Text[d.Line]))
	}
	diags := slices.DeleteFunc(append(s.Diags, found...), func(d diag.Diagnostic) bool { return !writtenBad(d) })
	if doc == nil {
		return diags, nil
	}
	return diags, &salvaged{doc, link.Scan(doc), writtenBad}
}

// bundled are the files of a page bundle that a page may publish, by
// their paths: what a link of the bundle's own document may name.
func bundled(doc string, names []string) []model.Attachment {
	var out []model.Attachment
	for _, name := range names {
		if filetype.Check(name).Problem == filetype.OK {
			out = append(out, model.Attachment{Name: name, Path: path.Join(path.Dir(doc), name)})
		}
	}
	return out
}

// checkSalvaged reports the ids that the salvaged documents name and no
// document read has (failed: the ids of the files that could not be
// read), as the set's checks report them of the documents read, and the
// links of their bodies that name nothing among the documents and
// files (those in no page bundle).
func checkSalvaged(list []*salvaged, converted []Converted, files *model.Files, failed []string) diag.List {
	if len(list) == 0 {
		return nil
	}
	docs := make([]*model.Document, len(converted))
	for i, c := range converted {
		docs[i] = c.Doc
	}
	failedIDs := map[string]bool{}
	for _, id := range failed {
		failedIDs[model.FoldID(id)] = true
	}
	var diags diag.List
	bodies := make([]link.Body, len(list))
	for i, s := range list {
		diags.Add(slices.DeleteFunc(validate.SalvagedReferences(s.doc, docs, failedIDs), func(d diag.Diagnostic) bool { return !s.writtenBad(d) })...)
		bodies[i] = link.Body{Doc: s.doc, Scan: s.scan}
	}
	diags.Add(link.Unpublished(docs, files, failedIDs, bodies)...)
	return diags
}

// quotesLine says whether message quotes, "…", a string that line
// holds in quotes.
func quotesLine(message, line string) bool {
	for rest := message; ; {
		start := strings.IndexByte(rest, '"')
		if start < 0 {
			return false
		}
		end := strings.IndexByte(rest[start+1:], '"')
		if end < 0 {
			return false
		}
		if quoted := rest[start : start+end+2]; len(quoted) > 2 && strings.Contains(line, quoted) {
			return true
		}
		rest = rest[start+end+2:]
	}
}
