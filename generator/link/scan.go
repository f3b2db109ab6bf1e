package link

import (
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/markdown"
	"ismsgen/generator/model"
)

// Scanned is what one body holds for the link stage: its links and
// images, in body order, but those left as written (https:, mailto:),
// and its heading and HTML anchors. An id in angle brackets ("<ISMS-P-009>") is a
// link to it. It depends only on the body and where it
// starts, so that serve can keep it while the file is unchanged.
type Scanned struct {
	refs     []ref
	anchors  map[string]bool
	html     []markdown.AnchorAt // its HTML anchors (<a name>), at their lines in the file
	foreign  diag.List           // what the page leaves out (raw HTML), at its line
	fileURLs []ref               // file: links, shown as their text: warned of by check, whose hint may name the set's file
}

// ref is one link or image of a body, as written.
type ref struct {
	dest  string
	line  int
	image bool // ![alt](dest)
}

// Scan reads one document's body (markdown.ScanBody) and collects its
// links and images, at their lines, its heading anchors, and a warning
// for each piece of raw HTML its page leaves out.
func Scan(d *model.Document) *Scanned {
	s := &Scanned{anchors: map[string]bool{}}
	links, ids, html, foreign := markdown.ScanBody(d.Body)
	written := writtenAt(d)
	for _, f := range foreign {
		s.foreign.Warnf(d.Path, d.BodyLine+written(f.Line, -1), f.Code, f.Hint, "%s", f.Message)
	}
	for _, id := range ids {
		s.anchors[id] = true
	}
	for _, a := range html {
		a.Line += d.BodyLine
		s.html = append(s.html, a)
	}
	seen := map[int]int{} // by line, the links read on it so far
	for _, l := range links {
		line := written(l.Line, seen[l.Line])
		seen[l.Line]++
		image := l.Kind == markdown.KindImage
		if !image && markdown.ScriptURL(l.Dest) && fileURL(l.Dest) {
			s.fileURLs = append(s.fileURLs, ref{dest: l.Dest, line: d.BodyLine + line})
		} else if !image && markdown.ScriptURL(l.Dest) {
			// render shows it as its text: say so, or a share's file://
			// address is lost without a word.
			s.foreign.Warnf(d.Path, d.BodyLine+line, "unsafe-link",
				diag.Msg("link to a web address (https://…), or put the file in the document's page bundle (ID/index.md) and link to it by its path"),
				"the link %q is shown as its text: pages do not link to file:, javascript:, vbscript: or data: addresses", l.Dest)
		} else if image && markdown.ScriptURL(l.Dest) && !markdown.RasterData(l.Dest) {
			// render shows its alternative text alone: say so, or the
			// picture is lost without a word
			s.foreign.Warnf(d.Path, d.BodyLine+line, "unsafe-link",
				diag.Msg("save the picture in the document's page bundle (ID/index.md, with the picture in ID/img/) and show it from there"),
				"the image %q is shown as its text: pages show no picture from a file:, javascript: or vbscript: address, nor a data: one other than a PNG, GIF, JPEG or WebP picture", l.Dest)
		}
		if l.Dest == "" || markdown.ScriptURL(l.Dest) || external(l.Dest) && !(image && remote(l.Dest)) {
			continue // left as written, or shown as text (see render)
		}
		s.refs = append(s.refs, ref{dest: l.Dest, line: d.BodyLine + line, image: image})
	}
	return s
}

// writtenAt is where a link of d's body was written: the line of the
// k-th link read on a line (k from 0) of an HTML table's row, shown on
// one line, is the line of the k-th link of the row; that of anything
// else on it (k < 0) the row's first (model.Document.LinkLines).
func writtenAt(d *model.Document) func(line, k int) int {
	return func(line, k int) int {
		at, ok := d.LinkLines[line]
		switch {
		case !ok:
			return line
		case k >= 0 && k+1 < len(at):
			return at[k+1]
		}
		return at[0]
	}
}

// MoveLines puts what s holds at the lines at gives for those it was
// scanned at: a document shown from git (model.Document.FromGit) is
// warned of at the lines of its file on disk.
func (s *Scanned) MoveLines(at func(line int) int) {
	for i := range s.refs {
		s.refs[i].line = at(s.refs[i].line)
	}
	for i := range s.html {
		s.html[i].Line = at(s.html[i].Line)
	}
	for i := range s.fileURLs {
		s.fileURLs[i].line = at(s.fileURLs[i].line)
	}
	for i := range s.foreign {
		s.foreign[i].Line = at(s.foreign[i].Line)
	}
}

// fileURL reports whether dest is a file: address ("file:///C:/x.md"),
// which the page shows as its text.
func fileURL(dest string) bool {
	t := strings.TrimLeft(dest, " \t")
	return len(t) > 5 && strings.EqualFold(t[:5], "file:")
}

// fileURLWarning warns of the file: address r, shown as its text; when
// the set holds the file it names (the author's own copy of the set,
// "file:///Users/me/isms/docs/x.md"), the hint is the relative path.
func fileURLWarning(d *model.Document, r ref, rs *resolver, problems *diag.List) {
	hint := diag.Msg("link to a web address (https://…), or put the file in the document's page bundle (ID/index.md) and link to it by its path")
	if local := rs.files.local(d, r.dest); local != "" {
		hint = diag.Msg("link to the file of this site by its path relative to this document: [text](%s)", local)
	}
	problems.Warnf(d.Path, r.line, "unsafe-link", hint,
		"the link %q is shown as its text: pages do not link to file:, javascript:, vbscript: or data: addresses", r.dest)
}
