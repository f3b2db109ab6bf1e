package link

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"ismsgen/generator/diag"
	"ismsgen/generator/markdown"
	"ismsgen/generator/model"
)

// target is what one link of a body names, whether or not this build
// publishes it: the link stage then decides what the link becomes.
type target struct {
	ref
	kind     targetKind
	doc      *model.Document   // toDoc: the document; toAttachment: the bundle's document
	file     *model.Attachment // toAttachment, toLoose
	fragment string            // as written, unescaped, without '#'
	path     string            // toWithheld: the file's path, relative to the source
	local    string            // toRemoteImage: a file of the set of the same name, relative to the document
}

type targetKind uint8

const (
	toDoc targetKind = iota + 1
	toAttachment
	toLoose
	toUnpublishable // a file never published
	toWithheld      // a file of a document shown from git that the draft changed
	toUnread        // a Markdown file with errors of its own
	toRemoteImage   // an image on another host
	toNothing       // a link of a past day's text (Options.Past) that names nothing: its text, its error the caller's
)

// resolver resolves the links of the bodies against the documents (by
// id) and the files under content/ (by path).
type resolver struct {
	all    map[string]*model.Document // by model.FoldID
	failed map[string]bool            // the ids of the documents that could not be read (Options.Failed)
	files  *files
	past   bool // Options.Past
}

// resolve finds what r, a link of d's body, names. A link that names
// nothing is an error at its line (ok false); a path written with
// backslashes, or in another case than the file's name, is read as meant
// and warned about.
func (rs *resolver) resolve(d *model.Document, r ref, problems *diag.List) (t target, ok bool) {
	t.ref = r
	if r.image && remote(r.dest) {
		t.kind = toRemoteImage
		if near := rs.files.named(d, r.dest); near != "" {
			t.local = near
		}
		return t, true
	}
	u := unescape(r.dest)
	if frag, ok := strings.CutPrefix(u, "#"); ok {
		t.kind, t.doc, t.fragment = toDoc, d, frag
		return t, true
	}
	written, frag, _ := strings.Cut(u, "#")
	split := markdown.SplitTarget
	if r.image {
		split = markdown.ImageID // "fig1.png" is a file
	}
	id, _, isID := split(r.dest)
	if isID {
		if doc := rs.all[model.FoldID(id)]; doc != nil {
			t.kind, t.doc, t.fragment = toDoc, doc, frag
			return t, true
		}
	}
	p, _, _ := strings.Cut(written, "?")
	if strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) || drive(p) {
		rs.rootAbsolute(d, r, p, problems)
		return t, false
	}
	f, found := rs.files.lookup(path.Dir(d.Path), p)
	if !found && strings.Contains(r.dest, `\`) {
		// A Windows path: "..\tier2\x.md" (whose "\." CommonMark reads
		// as an escaped '.') means "../tier2/x.md".
		raw, _, _ := strings.Cut(r.dest, "#")
		raw, _, _ = strings.Cut(raw, "?")
		slashed := unescape(strings.ReplaceAll(raw, `\`, "/"))
		if wf, ok := rs.files.lookup(path.Dir(d.Path), slashed); ok {
			problems.Warnf(d.Path, r.line, "windows-path", diag.Msg("write '/' between folders, as web addresses do: %q", slashed), "the path %q is written with backslashes: it is read as %q", r.dest, slashed)
			f, found = wf, true
		}
	}
	switch {
	case isID && rs.failed[model.FoldID(id)] && (!found || f.caseDiffs):
		// Its own errors are reported at its file. A file named as the
		// id (isms-p-010.md for ISMS-P-010) is that document, not a
		// path written in another case.
		t.kind = toUnread
		return t, true
	case !found && isID && path.Ext(p) == "":
		if near := rs.files.nearest(d, path.Join(path.Dir(d.Path), p+".md")); !strings.ContainsAny(id, "0123456789") && strings.EqualFold(path.Ext(near), ".md") {
			// a page named as docsify and others link to it, without
			// .md ("theme" for themes.md)
			if frag != "" {
				near += "#" + frag
			}
			problems.Errorf(d.Path, r.line, diag.Msg("did you mean %q?", near), "broken link: no document has the id %q", id)
			return t, false
		}
		problems.Errorf(d.Path, r.line, brokenHint, "broken link: no document has the id %q", id)
		return t, false
	case !found:
		rs.broken(d, r, f.path, problems)
		return t, false
	case f.noPage:
		hint := "add an index.md (or README.md) to the folder, or link to one of its files"
		problems.Errorf(d.Path, r.line, hint, "broken link: %q names the folder %s, which holds no index.md or README.md", r.dest, f.path)
		return t, false
	case f.caseDiffs:
		problems.Warnf(d.Path, r.line, "path-case", diag.Msg("write the name as the file is named: %q", relative(path.Dir(d.Path), f.path)), "the path %q names %s in another case: it is read so here, but a web server or git would find nothing", r.dest, f.path)
	}
	t.fragment = frag
	switch f.entry.kind {
	case isDoc:
		t.kind, t.doc = toDoc, f.entry.doc
		if _, query, _ := strings.Cut(written, "?"); query != "" {
			// "policy.md?foo=bar": the page is a file, the same whatever
			// the query; docsify's ?id= was made a fragment before
			problems.Warnf(d.Path, r.line, "link-query", diag.Msg("link to the document without the query: [text](%s)", relative(path.Dir(d.Path), f.path)+fragmentOf(frag)),
				"the query %q of the link %q is left out: the link goes to the document %s, whose page a query does not change", "?"+query, r.dest, t.doc.ID)
		}
	case isAttachment:
		t.kind, t.doc, t.file = toAttachment, f.entry.doc, f.entry.file
		fileQuery(d, r, written, f.path, frag, problems)
	case isLoose:
		t.kind, t.file = toLoose, f.entry.file
		fileQuery(d, r, written, f.path, frag, problems)
	case isUnpublishable:
		t.kind = toUnpublishable
	case isWithheld:
		t.kind, t.path = toWithheld, f.path
	default:
		t.kind = toUnread
	}
	return t, true
}

// fileQuery warns of the query of r, a link to the file at full: the
// file is published as it is, and its link without the query ("?v=2",
// GitHub's "?raw=true"), since a query changes nothing a static site
// serves and a page opened from disk may find no file by it.
func fileQuery(d *model.Document, r ref, written, full, frag string, problems *diag.List) {
	_, query, _ := strings.Cut(written, "?")
	if query == "" {
		return
	}
	hint := diag.Msg("link to the file without the query: [text](%s)", relative(path.Dir(d.Path), full)+fragmentOf(frag))
	if r.image {
		hint = diag.Msg("show the picture without the query: ![text](%s)", relative(path.Dir(d.Path), full))
	}
	problems.Warnf(d.Path, r.line, "link-query", hint,
		"the query %q of the link %q is left out: the link goes to the file %s, which a query does not change", "?"+query, r.dest, full)
}

// broken reports a path that names nothing under content/ (full, as
// resolved), with the nearest existing file as the hint.
func (rs *resolver) broken(d *model.Document, r ref, full string, problems *diag.List) {
	var hint any = "link to a document by its id, e.g. [Access control policy](ISMS-P-009), or to a file under content/ by its path relative to this document"
	if i := strings.Index(r.dest, "://"); i > 0 && webScheme(r.dest[:i]) != "" {
		// "(<(https://…)>)", "<https://…>": an address in other marks,
		// read as a path
		addr := webScheme(r.dest[:i]) + strings.TrimRight(r.dest[i:], ")>]\"' ")
		hint = diag.Msg("write the web address alone between the link's parentheses: [text](%s)", addr)
	} else if hostLike(r.dest) {
		// "github.com/org/x", "www.example.com": an address without
		// its scheme, read as a path
		hint = diag.Msg("write the web address whole, with https://: [text](%s)", "https://"+r.dest)
	} else if before, after, ok := strings.Cut(r.dest, "＃"); ok {
		// a Chinese input method's ＃ where the heading's # belongs
		hint = diag.Msg("write the # before the heading half-width: %q", before+"#"+after)
	} else if tag := placeholder.FindString(r.dest); tag != "" {
		// Mustache's {{&url}}, a shell's or JavaScript's ${base}: a
		// template that fills in the address, which no page here runs
		hint = diag.Msg("the address holds a template's placeholder, %s, which pages here do not fill in: write the address it stands for, [text](https://…)", tag)
	} else if near := rs.files.nearest(d, full); near != "" {
		if _, frag, ok := strings.Cut(r.dest, "#"); ok && frag != "" && strings.EqualFold(path.Ext(near), ".md") {
			near += "#" + frag // a heading of the document meant
		}
		hint = diag.Msg("did you mean %q?", near)
	} else if dir := hiddenDir(full); strings.ContainsAny(r.dest, "[]*?|^${} ") && (dir == "" || !rs.files.skipped[dir]) {
		// "[a-z]([-a-z]*[a-z])": a pattern, not a path, that CommonMark
		// reads as a link
		hint = diag.Msg("if %q is not meant as a link, write the text as code (`…`) or escape its first bracket (\\[)", r.dest)
	}
	if !model.ContentPath(full) {
		problems.Errorf(d.Path, r.line, hint, "broken link: %q points outside content/, where nothing is published", r.dest)
		return
	}
	if dir := hiddenDir(full); dir != "" && rs.files.skipped[dir] {
		// GitBook keeps a space's pictures in .gitbook/assets/, docsify
		// and others in _images/ or _media/: the file may well be there,
		// but nothing in such a folder is read. (A folder that is not
		// there is no reason: the path names nothing.)
		if path.Base(dir)[0] == '_' {
			if _, ok := hint.(string); ok {
				hint = "rename the folder without the '_', and the links to it"
			}
			problems.Errorf(d.Path, r.line, hint, "broken link: %q names %s, in the folder %s, which is not read: folders whose names start with '_' are left out", r.dest, full, dir)
			return
		}
		if _, ok := hint.(string); ok {
			hint = "move the file to a folder whose name does not start with '.', and link to it there"
		}
		problems.Errorf(d.Path, r.line, hint, "broken link: %q names %s, in the folder %s, which is not read: folders whose names start with '.' are left out", r.dest, full, dir)
		return
	}
	problems.Errorf(d.Path, r.line, hint, brokenPath, r.dest, full)
}

// placeholder is a template's placeholder in an address: {{…}}, {%…%},
// ${…} or <%…%>.
var placeholder = regexp.MustCompile(`\{\{[^{}]*\}\}?|\{%[^{}]*%\}|\$\{[^{}]*\}|<%[^<>]*%>`)

// brokenPath is the message of a link to a path under content/ that
// names nothing: the path as written, and as resolved from the source.
const brokenPath = "broken link: %q names %s, which does not exist"

// BrokenPath reports whether d is the error of a link to a path under
// content/ that names nothing, and gives the path as written and as
// resolved from the source: the history stage knows whether a file had
// that path before a commit renamed it.
func BrokenPath(d diag.Diagnostic) (dest, full string, ok bool) {
	t := d.Text()
	if d.Severity != diag.Error || t.Format != brokenPath || len(t.Args) != 2 {
		return "", "", false
	}
	return fmt.Sprint(t.Args[0]), fmt.Sprint(t.Args[1]), true
}

// PathFrom is the path to write in a link from the document at doc to
// the file at file, both relative to the source.
func PathFrom(doc, file string) string { return relative(path.Dir(doc), file) }

// hiddenDir is the first folder of p (a path below the source) whose
// name starts with '.' or '_' ("content/.gitbook", "content/_images"),
// which load does not read, or "".
func hiddenDir(p string) string {
	for i := 0; i < len(p); {
		j := strings.IndexByte(p[i:], '/')
		if j < 0 {
			return ""
		}
		if p[i] == '.' || p[i] == '_' {
			return p[:i+j]
		}
		i += j + 1
	}
	return ""
}

// rootAbsolute reports a path from the root of a web server ("/docs/x/")
// or of a disk ("C:\x"): the site must work under any path prefix. The
// hint names the id link when the path leads to a document.
func (rs *resolver) rootAbsolute(d *model.Document, r ref, p string, problems *diag.List) {
	var hint any = "link to a document by its id, e.g. [Access control policy](ISMS-P-009), or to a file by its path relative to this document"
	p = strings.ReplaceAll(p, `\`, "/")
	trimmed := strings.Trim(p, "/")
	var doc *model.Document
	var file string
	if rest, ok := strings.CutPrefix(trimmed, "docs/"); ok {
		id, _, _ := strings.Cut(rest, "/")
		doc = rs.all[model.FoldID(id)]
	}
	// The path from the source, from content/, from the folder whose
	// files another generator serves from the root (VitePress's public/,
	// Hugo's and Docusaurus's static/), or from a folder of the site it
	// was written for ("/docs/tier2/x.md", where docs/ became content/;
	// "/zh-cn/docs/x.html", the page Hexo made of docs/x.md): the first
	// that names a file.
	for rest := strings.Split(trimmed, "#")[0]; rest != "" && doc == nil && file == "" && !drive(p); {
		for _, base := range []string{".", contentDir, contentDir + "/public", contentDir + "/static"} {
			f, ok := rs.files.lookup(base, rest)
			if stem, found := cutPageExt(rest); !ok && found {
				f, ok = rs.files.lookup(base, stem+".md")
			}
			if ok && !f.noPage && doc == nil && file == "" {
				switch f.entry.kind {
				case isDoc:
					doc = f.entry.doc
				case isAttachment, isLoose, isUnpublishable, isWithheld, isUnread:
					// a file not published (an SVG, a document with
					// errors) has warnings of its own: the path is
					// still the one to write
					file = f.path
				}
			}
		}
		_, rest, _ = strings.Cut(rest, "/")
	}
	if doc == nil && file == "" && !drive(p) {
		// The address of the page that another site made of the file
		// ("/site-policy/terms/x" for .../terms/x.md), or its page for
		// another document ("/guide/x.html"): one document whose file
		// has that name.
		switch base := path.Base(trimmed); strings.ToLower(path.Ext(base)) {
		case "", ".md", ".html", ".htm":
			doc = rs.files.docNamed(base)
		}
		hint = "link to a document by its id, e.g. [Access control policy](ISMS-P-009), to a file by its path relative to this document, or to a page of another site by its full address (https://…)"
	}
	switch {
	case doc != nil && doc != d:
		id, rel := doc.ID, relative(path.Dir(d.Path), doc.Path)
		if _, frag, _ := strings.Cut(unescape(r.dest), "#"); frag != "" {
			id, rel = id+"#"+frag, rel+"#"+frag
		}
		hint = diag.Msg("link by the id instead, [text](%s), or by the path from this document, %q", id, rel)
	case file != "":
		hint = diag.Msg("write the path relative to this document instead: %q", relative(path.Dir(d.Path), file))
	}
	problems.Errorf(d.Path, r.line, hint, "the link %q starts at the root of a web server or disk: the site must work under any path prefix", r.dest)
}

// cutPageExt is p without the extension .html or .htm of the page that
// another generator made of a Markdown file, and whether it had one.
func cutPageExt(p string) (string, bool) {
	switch ext := path.Ext(p); strings.ToLower(ext) {
	case ".html", ".htm":
		return strings.TrimSuffix(p, ext), true
	}
	return p, false
}

// drive reports whether p starts with a Windows drive: "C:\", "d:/".
func drive(p string) bool {
	return len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') && ('a' <= p[0]|0x20 && p[0]|0x20 <= 'z')
}

// webScheme is "https" or "http" when before (the text before "://")
// ends in one, after marks such as "(" or "<"; else "".
func webScheme(before string) string {
	low := strings.ToLower(before)
	for _, scheme := range []string{"https", "http"} {
		if strings.HasSuffix(low, scheme) && strings.TrimLeft(low[:len(low)-len(scheme)], "(<[\"' ") == "" && len(low) > len(scheme) {
			return scheme
		}
	}
	return ""
}

// hostName matches a web host's name as a path's first part: words and
// dots, ending in a common top-level domain.
var hostName = regexp.MustCompile(`(?i)^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|io|dev|cn|edu|gov|co|info|me|app)$`)

// hostLike reports whether dest starts with a web host's name, as an
// address written without https:// does.
func hostLike(dest string) bool {
	first, _, _ := strings.Cut(dest, "/")
	return hostName.MatchString(first)
}

// fragmentOf is frag as a link writes it after its path: "#" and frag,
// or nothing.
func fragmentOf(frag string) string {
	if frag == "" {
		return ""
	}
	return "#" + frag
}
