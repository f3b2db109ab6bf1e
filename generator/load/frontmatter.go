package load

import (
	"bytes"
	"errors"
	"hash/maphash"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/BurntSushi/toml"

	"ismsgen/generator/diag"
	"ismsgen/generator/internal/fast"
	"ismsgen/generator/internal/wholefile"
	"ismsgen/generator/markdown"
	"ismsgen/generator/model"
)

// File is one parsed TOML file: a document's front matter with its body, or
// isms.toml (no body).
type File struct {
	Path     string         // relative to the source, forward slashes
	Meta     map[string]any // the decoded TOML, untyped
	Lines    model.KeyLines // key path ("history.0.date") → line in the file
	Body     []byte         // Markdown after the closing +++
	BodyLine int            // line of the file where Body starts
	// LinkLines maps a line of Body whose links were written on other
	// lines (an HTML table's row) to those lines (markdown.LinkLines).
	LinkLines map[int][]int
}

var fence = []byte("+++")

// ParseDocument splits and decodes one Markdown document. The opening +++
// is line 1; a UTF-8 byte-order mark and CRLF line endings are accepted.
// The Body may share src's bytes: a caller that keeps it for long gives
// it bytes of its own (OwnBody), so that the rest of the file can go.
func ParseDocument(path string, src []byte) (*File, diag.List) { return ParseDocumentIn(path, src, "") }

// ParseDocumentIn is ParseDocument for a site in the language lang, the
// language of what the body shows in place of what other tools write
// (markdown.AdaptIn); "" for English.
func ParseDocumentIn(path string, src []byte, lang string) (*File, diag.List) {
	return parseDocument(path, src, lang, nil)
}

// parseDocument is ParseDocumentIn for a file whose folder's files
// exists knows (markdown.AdaptAt; nil when unknown).
func parseDocument(path string, src []byte, lang string, exists func(string) bool) (*File, diag.List) {
	var diags diag.List
	fm, body, bodyLine, ok := splitDocument(path, src, &diags)
	if !ok {
		return nil, diags
	}
	inFrontMatter := conflicts(path, fm, 2, false, &diags)
	conflicts(path, body, bodyLine, true, &diags)
	if inFrontMatter {
		return nil, diags // its TOML errors are the conflict's
	}
	f := &File{Path: path, BodyLine: bodyLine}
	f.Body, f.LinkLines = showBody(path, body, bodyLine, lang, exists, &diags)
	f.Meta, f.Lines = decodeTOML(path, fm, 1, &diags)
	if f.Meta == nil {
		return nil, diags
	}
	inertValues(path, f.Meta, f.Lines, &diags)
	return f, diags
}

// ParseText is ParseDocument for a text whose warnings no one reads (an
// earlier version's, from git): the same Meta and Body, without the line
// of each key or the findings of the body, which were a third of the
// time of ParseDocument. It is nil for a text ParseDocument gives none.
func ParseText(path string, src []byte) *File {
	var diags diag.List
	fm, body, bodyLine, ok := splitDocument(path, src, &diags)
	if !ok {
		return nil
	}
	if conflictLines(fm, false) != nil {
		return nil // as ParseDocument
	}
	f := &File{Path: path, Body: markdown.AdaptText(limitBody(path, body, bodyLine, &diags)), BodyLine: bodyLine}
	if f.Meta = decodeMeta(path, fm, 1, &diags); f.Meta == nil {
		return nil
	}
	inertValues(path, f.Meta, model.KeyLines{}, nil)
	return f
}

// ParseFrontMatter is ParseText's Meta for a text its caller has split
// itself: fm is the front matter, the lines between the +++ lines of a
// text that is UTF-8 and has LF line ends alone. An earlier version's
// page shows its body as written, and needs only the front matter
// converted: adapting the body was a third of ParseText's time. It is
// nil when ParseText gives no file.
func ParseFrontMatter(path string, fm string) map[string]any {
	var diags diag.List
	if strings.Contains(fm, "<<<<<<<") && conflictLines([]byte(fm), false) != nil {
		return nil // as ParseDocument
	}
	// The strings of the values are slices of fm (when the fast path
	// reads it), which the caller holds anyway.
	meta := decodeMetaOf(path, source{text: []byte(fm), of: fm}, 1, &diags)
	if meta != nil {
		inertValues(path, meta, model.KeyLines{}, nil)
	}
	return meta
}

// ParseFrontMatterOf is ParseFrontMatter for a caller that wants the
// values of keys alone (an earlier version's page shows a few fields):
// nil when ParseFrontMatter is, else its values of keys, and perhaps of
// others. With the fast paths on, the values of the other keys are read
// as closely, but not made: they were most of the allocations of the
// front matters of the earlier versions.
func ParseFrontMatterOf(path, fm string, keys map[string]bool) map[string]any {
	if !fast.On() || strings.Contains(fm, "<<<<<<<") {
		return ParseFrontMatter(path, fm)
	}
	// fm's bytes are read, never written: no copy of them.
	meta, ok := decodeSimpleOf(source{text: unsafe.Slice(unsafe.StringData(fm), len(fm)), of: fm, keep: keys})
	if !ok {
		return ParseFrontMatter(path, fm) // toml.Decode's, of every key
	}
	inertValues(path, meta, model.KeyLines{}, nil)
	return meta
}

// OwnBody gives the body bytes of its own, apart from the file it was
// read from.
func (f *File) OwnBody() { f.Body = bytes.Clone(f.Body) }

// ReadBody reads the body of the document at rel under root again, as
// ParseDocument gave it, with the fingerprint of the file's bytes: the
// body is that of the file read before only if the fingerprint is that
// read's Doc.Sum (a file that no longer splits into front matter and body
// has none). A large build lets the bodies go after the link stage and
// reads each again to render its page.
func ReadBody(root, rel, lang string) ([]byte, uint64, error) {
	body, _, sum, err := ReadBodyInto(nil, root, rel, lang)
	return body, sum, err
}

// ReadBodyInto is ReadBody reading the file into buf's room when it fits
// there; file is the room the file was read into, buf's or new, which
// the caller may give to the next ReadBodyInto once it is done with the
// body (a part of it, or bytes made from it).
func ReadBodyInto(buf []byte, root, rel, lang string) (body, file []byte, sum uint64, err error) {
	src, err := wholefile.ReadInto(buf, filepath.Join(root, filepath.FromSlash(rel)), MaxFileSize)
	if err != nil {
		return nil, buf, 0, err
	}
	body, _ = bodyOf(rel, src, lang, beside(root, rel))
	return body, src, maphash.Bytes(sumSeed, src), nil
}

// bodyOf is the body that ParseDocument gives for src, if it splits,
// without its warnings, which were given when the file was first read.
func bodyOf(path string, src []byte, lang string, exists func(string) bool) ([]byte, bool) {
	var diags diag.List
	_, body, bodyLine, ok := splitDocument(path, src, &diags)
	if !ok {
		return nil, false
	}
	return markdown.AdaptTextAt(limitBody(path, body, bodyLine, &diags), lang, exists), true
}

// showBody is the body as the link and render stages read it: within
// goldmark's limits (limitBody), and with what other tools write and
// CommonMark cannot show made fit to show (markdown.Adapt), with a
// warning at each place — at the first only, for the kinds a set written
// for another tool has on every page (admonitions, for one).
func showBody(path string, body []byte, bodyLine int, lang string, exists func(string) bool, diags *diag.List) ([]byte, map[int][]int) {
	body, found := markdown.AdaptAt(limitBody(path, body, bodyLine, diags), lang, exists)
	lines := map[string]map[int]bool{} // by format, the lines that have it
	for _, f := range found {
		if lines[f.Message.Format] == nil {
			lines[f.Message.Format] = map[int]bool{}
		}
		lines[f.Message.Format][f.Line] = true
	}
	for _, f := range found {
		if !groupedCodes[f.Code] {
			diags.Warnf(path, bodyLine+f.Line, f.Code, f.Hint, "%s", f.Message)
			continue
		}
		switch n := len(lines[f.Message.Format]); {
		case n == 2:
			diags.Warnf(path, bodyLine+f.Line, f.Code, f.Hint, "%s (and on %d more line)", f.Message, n-1)
		case n > 2:
			diags.Warnf(path, bodyLine+f.Line, f.Code, f.Hint, "%s (and on %d more lines)", f.Message, n-1)
		case n == 1:
			diags.Warnf(path, bodyLine+f.Line, f.Code, f.Hint, "%s", f.Message)
		}
		delete(lines, f.Message.Format) // said once
	}
	return body, markdown.LinkLines(found)
}

// beside reports whether a path from the folder of the document rel
// under root names a file or a folder (a symbolic link too: the link
// stage says what is wrong with one), its names in this case or in
// another ("../Tier 2" for "tier 2", which the link stage warns of): a
// link's path with spaces and no extension is read as a path only when
// it does (markdown.AdaptAt).
func beside(root, rel string) func(string) bool {
	dir := filepath.Join(root, filepath.FromSlash(path.Dir(rel)))
	return func(p string) bool {
		if p == "" || strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\x00\\") {
			return false
		}
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(p))); err == nil {
			return true
		}
		full := path.Join(path.Dir(rel), p)
		return full != ".." && !strings.HasPrefix(full, "../") && existsFolded(root, full)
	}
}

// existsFolded reports whether the path p below root names a file or a
// folder when each of its names may differ in case from the name on disk.
func existsFolded(root, p string) bool {
	cur := root
	for _, name := range strings.Split(p, "/") {
		if _, err := os.Lstat(filepath.Join(cur, name)); err == nil {
			cur = filepath.Join(cur, name)
			continue
		}
		entries, err := os.ReadDir(cur)
		if err != nil {
			return false
		}
		i := slices.IndexFunc(entries, func(e os.DirEntry) bool { return strings.EqualFold(e.Name(), name) })
		if i < 0 {
			return false
		}
		cur = filepath.Join(cur, entries[i].Name())
	}
	return true
}

// firstFilledLine is the number of src's first line that is not blank
// (0 when none is).
func firstFilledLine(src []byte) int {
	for i, l := range bytes.Split(src, []byte("\n")) {
		if len(bytes.TrimSpace(l)) > 0 {
			return i + 1
		}
	}
	return 0
}

// splitDocument splits a document file into its front matter and body;
// bodyLine is the line of the file where the body starts.
func splitDocument(path string, src []byte, diags *diag.List) (fm, body []byte, bodyLine int, ok bool) {
	src, ok = normalise(path, src, diags)
	if !ok {
		return nil, nil, 0, false
	}
	if len(bytes.TrimSpace(src)) == 0 {
		diags.Errorf(path, 1, "start the file with a line +++, the TOML front matter (id, title, tier, …), a closing +++ and then the Markdown body", "the file is empty")
		return nil, nil, 0, false
	}
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if !bytes.Equal(bytes.TrimRight(first, " \t"), fence) && marker(first, '<') && conflicts(path, src, 1, false, diags) {
		return nil, nil, 0, false // a merge conflict from the first line: the front matter's fence is in it
	}
	if !bytes.Equal(bytes.TrimRight(first, " \t"), fence) {
		if bytes.Equal(bytes.TrimRight(first, " \t"), []byte("---")) {
			dashedFrontMatter(path, src, diags)
			return nil, nil, 0, false
		}
		if n := firstFilledLine(src); n > 1 && bytes.Equal(bytes.TrimSpace(bytes.Split(src, []byte("\n"))[n-1]), fence) {
			diags.Errorf(path, n, "delete the blank lines above it", "the front matter opens on line %d: the line +++ must be the first line of the file", n)
			return nil, nil, 0, false
		}
		if isLFSPointer(src) {
			diags.Errorf(path, 1, "fetch the file (git lfs pull; in CI, check the repository out with LFS) and build again",
				"the file is a Git LFS pointer, not the document: this checkout did not fetch the files kept in Git LFS")
			return nil, nil, 0, false
		}
		diags.Errorf(path, 1, "the first line must be +++, then the TOML front matter, then a closing +++", "the file does not start with front matter (a line +++)")
		return nil, nil, 0, false
	}
	// Find the closing fence: a line that is exactly +++.
	line := 2
	off := 0
	for {
		if off >= len(rest) {
			if n, l := nearClose(rest); n > 0 {
				diags.Errorf(path, n+1, "write the line as +++ alone", "the front matter opened with +++ on line 1 is closed with %q, not with a line +++", l)
				return nil, nil, 0, false
			}
			diags.Errorf(path, 1, "add a line +++ after the last front-matter key", "the front matter opened here is never closed")
			return nil, nil, 0, false
		}
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		if end < 0 {
			l, end = rest[off:], len(rest)-off
		} else {
			l = rest[off : off+end]
		}
		if bytes.Equal(bytes.TrimRight(l, " \t"), fence) {
			break
		}
		off += end + 1
		line++
	}
	body = []byte{}
	if next := off + len(fence); next < len(rest) {
		body = bytes.TrimPrefix(bytes.TrimLeft(rest[next:], " \t"), []byte("\n"))
	}
	return rest[:off], body, line + 1, true
}

// nearClose finds the line of rest (1-based) that was meant to close a
// front matter that no line +++ closes: the first line ---, or one that
// starts with +++ and has more on it; 0 when there is none.
func nearClose(rest []byte) (int, string) {
	for n, l := range bytes.Split(rest, []byte("\n")) {
		t := bytes.TrimRight(l, " \t")
		if bytes.Equal(t, []byte("---")) || bytes.HasPrefix(t, fence) {
			return n + 1, string(t)
		}
	}
	return 0, ""
}

// limitBody caps what would cost goldmark too much time in body, whose
// first line is line bodyLine of the file, and warns where it did.
func limitBody(path string, body []byte, bodyLine int, diags *diag.List) []byte {
	// Absurdly deep nesting costs goldmark quadratic time per line, and so
	// do link destinations that run on without end; cap them here, once,
	// so that the link and render stages see the same body (see
	// markdown.LimitNesting and markdown.LimitLinks, which Limit does in
	// one reading).
	body, limited := markdown.Limit(inertBody(path, body, bodyLine, diags))
	// One warning per kind, at its first line: a hostile file could have
	// a million such lines.
	count := map[string]int{}
	for _, l := range limited {
		count[l.Message.Format]++
	}
	for _, l := range limited {
		n := count[l.Message.Format]
		if n == 0 {
			continue
		}
		count[l.Message.Format] = 0
		switch {
		case n == 2:
			diags.Warnf(path, bodyLine+l.Line, "markdown-limit", l.Hint, "%s (and on %d more line)", l.Message, n-1)
		case n > 2:
			diags.Warnf(path, bodyLine+l.Line, "markdown-limit", l.Hint, "%s (and on %d more lines)", l.Message, n-1)
		default:
			diags.Warnf(path, bodyLine+l.Line, "markdown-limit", l.Hint, "%s", l.Message)
		}
	}
	return body
}

// groupedCodes are the kinds of markdown.Adapt's warnings given once per
// document, at their first line.
var groupedCodes = map[string]bool{"admonition": true, "content-tab": true, "diagram": true, "fenced-div": true, "heading-space": true, "indented-text": true, "latex": true, "lettered-list": true, "math": true, "mdx-import": true, "path-spaces": true, "template-tag": true, "toc-marker": true, "wiki-link": true}

// ParseConfig decodes isms.toml.
func ParseConfig(path string, src []byte) (*File, diag.List) {
	var diags diag.List
	src, ok := normalise(path, src, &diags)
	if !ok {
		return nil, diags
	}
	if conflicts(path, src, 1, false, &diags) {
		return nil, diags
	}
	f := &File{Path: path}
	f.Meta, f.Lines = decodeTOML(path, src, 0, &diags)
	if f.Meta == nil {
		return nil, diags
	}
	inertValues(path, f.Meta, f.Lines, &diags)
	return f, diags
}

// normalise drops a byte-order mark, turns CRLF and CR into LF and checks
// UTF-8.
func normalise(path string, src []byte, diags *diag.List) ([]byte, bool) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(src) {
		bad := 0
		for bad < len(src) {
			r, size := utf8.DecodeRune(src[bad:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			bad += size
		}
		before := src[:bad]
		line := 1 + bytes.Count(before, []byte("\n")) + bytes.Count(before, []byte("\r")) - bytes.Count(before, []byte("\r\n"))
		diags.Errorf(path, line, encodingHint(src, bad), "the file is not valid UTF-8 text")
		return nil, false
	}
	if bytes.IndexByte(src, '\r') >= 0 {
		// CRLF (Windows) and a CR alone (classic Mac OS, and some
		// exports) both end a line.
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	return src, true
}

// decodeTOML parses TOML text whose first line is line lineOffset+1 of the
// file: with decodeSimple when it can, unless the fast paths are off, and
// otherwise with BurntSushi/toml.
func decodeTOML(path string, text []byte, lineOffset int, diags *diag.List) (map[string]any, model.KeyLines) {
	meta := decodeMeta(path, text, lineOffset, diags)
	if meta == nil {
		return nil, model.KeyLines{}
	}
	return meta, model.NewKeyLines(keyLines(text, lineOffset))
}

// decodeMeta is decodeTOML without the line of each key.
func decodeMeta(path string, text []byte, lineOffset int, diags *diag.List) map[string]any {
	return decodeMetaOf(path, source{text: text}, lineOffset, diags)
}

// decodeMetaOf is decodeMeta of src's text, its strings src's.
func decodeMetaOf(path string, src source, lineOffset int, diags *diag.List) map[string]any {
	text := src.text
	if fast.On() {
		if meta, ok := decodeSimpleOf(src); ok {
			return meta
		}
	}
	meta := map[string]any{}
	if line, msg := tomlGuard(text); line >= 0 {
		diags.Errorf(path, lineOffset+line+1, "front matter and isms.toml need two or three levels: keys, [[history]] tables and lists of strings", "%s", msg)
		return nil
	}
	if _, err := toml.NewDecoder(bytes.NewReader(text)).Decode(&meta); err != nil {
		syntaxErrors(path, text, lineOffset, err, diags)
		return nil
	}
	return meta
}

// moreSyntaxErrors is how many errors of one text syntaxErrors reports.
const moreSyntaxErrors = 20

// syntaxErrors reports err, the first error of a TOML text, and the
// errors after it: each line reported is read again as empty, as long
// as the text has errors that are not the knock-on of an emptied line
// (a key or a table defined twice). A date written 2025/05/10 is most
// often written so on every date line: the author fixes them all at once.
// When the text parses with those lines emptied, it returns that text
// and the lines (1-based in text), so that the rest can be checked.
func syntaxErrors(path string, text []byte, lineOffset int, err error, diags *diag.List) (repaired []byte, emptied map[int]bool) {
	text = bytes.Clone(text)
	emptied = map[int]bool{}
	for n := 0; err != nil && n < moreSyntaxErrors; n++ {
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			diags.Errorf(path, lineOffset+1, "check the TOML syntax", "invalid TOML: %v", err)
			return nil, nil
		}
		if n > 0 && strings.HasPrefix(pe.Message, "Key '") {
			return nil, nil // "already defined", "already created": maybe the emptied line's doing
		}
		line := pe.Position.Line
		if emptied[line] {
			return nil, nil // at a line read as empty: the knock-on of an earlier error
		}
		if msg, h := dateProblem(lineOf(text, line)); !h.IsZero() {
			diags.Errorf(path, lineOffset+line, h, "%s", msg)
		} else {
			var msg, hint diag.Text
			line, msg, hint = tomlProblem(text, lineOffset, pe)
			diags.Errorf(path, lineOffset+line, hint, "%s", msg)
		}
		if emptied[line] {
			return nil, nil
		}
		emptied[line] = true
		text = emptyLine(text, line)
		_, err = toml.NewDecoder(bytes.NewReader(text)).Decode(&map[string]any{})
	}
	if err != nil {
		return nil, nil
	}
	return text, emptied
}

// emptyLine is text with line n (1-based) emptied, its line end kept.
func emptyLine(text []byte, n int) []byte {
	start := 0
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(text[start:], '\n')
		if j < 0 {
			return text
		}
		start += j + 1
	}
	end := bytes.IndexByte(text[start:], '\n')
	if end < 0 {
		end = len(text) - start
	}
	return append(text[:start:start], text[start+end:]...)
}
