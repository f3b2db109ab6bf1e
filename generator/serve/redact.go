package serve

import (
	"path"
	"strconv"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/link"
	"ismsgen/generator/load"
	"ismsgen/generator/model"
)

// What the browser learns of a failed rebuild. The terminal that runs
// serve prints every error as it is; the overlay, the event stream and
// /__ismsgen/errors go to a browser, another person's when serve listens
// beyond loopback, and must name nothing of a document this preview
// leaves out (a draft without --drafts, one above the ceiling), as no
// page does. An error in such a document's file, or whose message names
// it, is one neutral line; a hint that names it is left out.

// leftOut is what the browser must not be told: the files, bundle
// folders and ids of the documents this preview leaves out.
type leftOut struct {
	files   map[string]bool
	folders []string // "content/…/ID/" of left-out bundles
	ids     []string
}

// leftOut finds the documents of the current files that this preview
// leaves out. A document that could not be converted is taken as left
// out unless the last good site published its file.
func (e *engine) leftOut() leftOut {
	w := leftOut{files: map[string]bool{}}
	opts := link.Options{Drafts: e.opts.Drafts, Ceiling: e.opts.Classification}
	for _, p := range e.paths {
		f := e.files[p]
		id := ""
		switch {
		case f.conv.Doc != nil && e.g != nil && e.g.cfg != nil:
			if link.Published(e.g.cfg, opts, f.conv.Doc) {
				continue
			}
			id = f.conv.Doc.ID
		case e.shown[p]:
			continue
		default:
			id = load.SalvageID(e.opts.Source, p)
		}
		w.files[p] = true
		if strings.HasSuffix(p, "/index.md") {
			w.folders = append(w.folders, strings.TrimSuffix(p, "index.md"))
		}
		if id != "" {
			w.ids = append(w.ids, id)
		}
	}
	return w
}

// in reports whether the file is, or is in the bundle of, a left-out
// document.
func (w leftOut) in(file string) bool {
	if w.files[file] {
		return true
	}
	for _, dir := range w.folders {
		if strings.HasPrefix(file, dir) {
			return true
		}
	}
	return false
}

// named reports whether a text names a left-out document: its id (in any
// case, as a whole word of an id) or its file.
func (w leftOut) named(text string) bool {
	for p := range w.files {
		if strings.Contains(text, p) {
			return true
		}
	}
	folded := model.FoldID(text)
	for _, id := range w.ids {
		id = model.FoldID(id)
		for i := 0; ; {
			j := strings.Index(folded[i:], id)
			if j < 0 {
				break
			}
			j += i
			if end := j + len(id); (j == 0 || !idByte(folded[j-1])) && (end == len(folded) || !idByte(folded[end])) {
				return true
			}
			i = j + 1
		}
	}
	return false
}

func idByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
}

// shownProblems is problems, less what the browser must not be told.
func (e *engine) shownProblems(errs diag.List, c *diag.Catalog) []Problem {
	out := problems(errs, c)
	w := e.leftOut()
	if len(w.files) == 0 {
		return out
	}
	for i, p := range out {
		out[i] = w.redact(p, c, diag.Msg("an error in a document this preview leaves out (a draft, one above the classification ceiling, or one whose front matter cannot be read yet): the terminal running ismsgen serve shows it"))
	}
	return out
}

// redact is p as a browser may see it: the neutral line when p is in, or
// names, a left-out document; without its hint when only that names one.
func (w leftOut) redact(p Problem, c *diag.Catalog, neutral diag.Text) Problem {
	if len(w.files) == 0 {
		return p
	}
	if w.in(p.File) || w.named(p.Text) || w.named(p.Message) || w.quotedFrom(p.File, p.Message) || w.linkedFrom(p.File, p.Message) {
		text := c.Text(neutral)
		return Problem{Message: text, Text: text}
	}
	if w.named(p.Hint) || w.quotedFrom(p.File, p.Hint) || w.linkedFrom(p.File, p.Hint) {
		p.Hint = ""
	}
	return p
}

// quotedFrom reports whether text quotes a path that, read from the
// folder of file as a link of that file is, is a left-out document's
// file or a file of its bundle: the nearest file that a broken link's
// hint proposes ("did you mean "draft.md"?") is written that way, not as
// the path under content/ that named looks for.
func (w leftOut) quotedFrom(file, text string) bool {
	if file == "" {
		return false
	}
	dir := path.Dir(file)
	for i := strings.IndexByte(text, '"'); i >= 0; {
		rest := text[i:]
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			q = `"`
		} else if s, err := strconv.Unquote(q); err == nil {
			s, _, _ = strings.Cut(s, "#")
			if target := path.Join(dir, s); s != "" && (w.in(target) || w.in(target+"/")) {
				return true
			}
		}
		j := strings.IndexByte(rest[len(q):], '"')
		if j < 0 {
			break
		}
		i += len(q) + j
	}
	return false
}

// linkedFrom is quotedFrom for the destinations of the Markdown links
// that text writes ("[text](draft.md)", "[text](<a b/draft.md>)"): a
// hint that proposes a link names the file that way, the relative path
// of a file: address's file among them.
func (w leftOut) linkedFrom(file, text string) bool {
	if file == "" {
		return false
	}
	dir := path.Dir(file)
	for rest := text; ; {
		i := strings.Index(rest, "](")
		if i < 0 {
			return false
		}
		rest = rest[i+2:]
		dest, close := rest, ")"
		if strings.HasPrefix(dest, "<") {
			dest, close = dest[1:], ">"
		}
		if j := strings.Index(dest, close); j >= 0 {
			dest = dest[:j]
		}
		dest, _, _ = strings.Cut(dest, "#")
		if target := path.Join(dir, dest); dest != "" && (w.in(target) || w.in(target+"/")) {
			return true
		}
	}
}
