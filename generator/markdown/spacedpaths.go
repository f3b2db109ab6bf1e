package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"ismsgen/generator/diag"
)

// A path with spaces in a link ("[表](附件/申请 表.docx)") is no link in
// CommonMark, which shows it as text, brackets and all; Typora, MkDocs
// and pandoc read it as the path it is. spacedPath is such a link's
// destination: words with spaces, no quotes (a title), and parentheses
// only in pairs, as in a file's name ("需求文档 (PRD).md"), that end in
// a file's extension (and a fragment) or in a '/', a folder's path
// ("forms/some folder/"); or an address with spaces after its host
// ("https://host/Shared Documents/a"), which a browser asks for with
// each space as %20.
var spacedPath = regexp.MustCompile(`\]\((` + spacedDest + `)\)`)

// spacedDest is the destination of spacedPath.
const spacedDest = `(?:[^()<>\s"']` + spacedWords + `(?:\.[A-Za-z0-9]{1,5}(?:#[^()\s"']*)?|/)|` +
	`[A-Za-z][A-Za-z0-9+.-]*://[^()<>\s"']+` + spacedWords + `(?:[^()<>\s"']|\([^()<>"'\n]*\)))`

// spacedWords is the rest of a destination with spaces, up to its end:
// a space or a tab among text and parentheses in pairs.
const spacedWords = `(?:[^()<>"'\n]|\([^()<>"'\n]*\))*?[ \t](?:[^()<>"'\n]|\([^()<>"'\n]*\))*?`

// spacedBare is a destination with spaces that spacedPath leaves, a
// path with no extension and no '/' at its end ("forms/some folder"),
// and its fragment: it is read as a path only when it names a file or a
// folder beside the document, for prose in a link's parentheses looks
// the same ("[1](TCP/IP 协议)").
var spacedBare = regexp.MustCompile(`\]\(([^()<>\s"'#]` + bareWords + `[^()<>\s"'#])(#[^()<>"'\n]*)?\)`)

// bareWords is the middle of a spacedBare destination: a space or a tab
// among text and parentheses in pairs, no '#'.
const bareWords = `(?:[^()<>"'\n#]|\([^()<>"'\n#]*\))*?[ \t](?:[^()<>"'\n#]|\([^()<>"'\n#]*\))*?`

// spacedAddress is a destination spacedPath finds that is an address.
var spacedAddress = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://`)

// mayHaveSpacedPath reports whether b may hold what spacedPath finds: a
// "](" whose destination, up to the first ')' that closes no '(' of its
// own, or to the first of "' or a line's end, does not start with white
// space, holds a space or a tab and ends at that ')'. It reads b once,
// without the regexp.
func mayHaveSpacedPath(b []byte) bool {
	for {
		i := bytes.Index(b, []byte("]("))
		if i < 0 {
			return false
		}
		b = b[i+2:]
		if len(b) == 0 || b[0] == ' ' || b[0] == '\t' {
			continue
		}
		if end := destinationEnd(b); end >= 0 && bytes.ContainsAny(b[:end], " \t") {
			return true
		}
	}
}

// destinationEnd is the index of the ')' that ends the destination at the
// start of b, a '(' and ')' within it in pairs; -1 when a quotation
// mark or a line's end comes first (a fragment may hold < and >).
func destinationEnd(b []byte) int {
	depth := 0
	for k, c := range b {
		switch c {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return k
			}
			depth--
		case '"', '\'', '\n':
			return -1
		}
	}
	return -1
}

// angleSpacedPaths returns body with each link destination that
// spacedPath finds written in angle brackets ("](<附件/申请 表.docx>)"),
// which CommonMark reads as one path, and a Foreign at each line; code
// is left alone. So is each that spacedBare finds and exists (see
// AdaptAt) says names a file or a folder.
func angleSpacedPaths(body []byte, exists func(string) bool) ([]byte, []Foreign) {
	if !mayHaveSpacedPath(body) {
		return body, nil // most bodies: no split into lines, no regexp
	}
	var found []Foreign
	body = textLines(body, mayHaveSpacedPath, func(n int, line []byte, spans [][2]int) []byte {
		ms := spacedPath.FindAllSubmatchIndex(line, -1)
		var edits []edit
		for j := len(ms) - 1; j >= 0; j-- {
			start, end := ms[j][2], ms[j][3]
			if inSpan(spans, start) {
				continue
			}
			dest := string(line[start:end])
			if inlineTag.MatchString(dest) {
				// "{{ site.repo_url }}/blob/x": a template tag's spaces,
				// not a path's: the link stays text, as its template-tag
				// warning says, with the address to write
				continue
			}
			edits = append(edits, edit{start, end, []byte("<" + dest + ">")})
			if ScriptURL(dest) {
				continue // shown as its text whatever is written: its own warning (unsafe-link) says what to do
			}
			f := Foreign{Line: n, Code: "path-spaces",
				Message: diag.Msg("the path %q has spaces: it is read as one path here, but CommonMark and GitHub show the link as text", dest),
				Hint:    diag.Msg("write it in angle brackets, (<%s>), or with %%20 for each space", dest)}
			if spacedAddress.MatchString(dest) {
				f.Message = diag.Msg("the address %q has spaces: it is read as one address here, each space as %%20, but CommonMark and GitHub show the link as text", dest)
				f.Hint = diag.Msg("write each space as %%20: %s", strings.NewReplacer(" ", "%20", "\t", "%09").Replace(dest))
			}
			found = append(found, f)
		}
		line = spliced(line, edits)
		if exists != nil {
			line = angleBarePaths(n, line, exists, &found)
		}
		return line
	})
	return body, found
}

// angleBarePaths is line n with each destination that spacedBare finds
// and that names a file or a folder written in angle brackets, and a
// Foreign of each in found.
func angleBarePaths(n int, line []byte, exists func(string) bool, found *[]Foreign) []byte {
	spans, _ := codeSpans(line)
	ms := spacedBare.FindAllSubmatchIndex(line, -1)
	var edits []edit
	for j := len(ms) - 1; j >= 0; j-- {
		start, end := ms[j][2], ms[j][1]-1
		if inSpan(spans, start) || !exists(string(line[ms[j][2]:ms[j][3]])) {
			continue
		}
		dest := string(line[start:end])
		edits = append(edits, edit{start, end, []byte("<" + dest + ">")})
		*found = append(*found, Foreign{Line: n, Code: "path-spaces",
			Message: diag.Msg("the path %q has spaces: it is read as one path here, but CommonMark and GitHub show the link as text", dest),
			Hint:    diag.Msg("write it in angle brackets, (<%s>), or with %%20 for each space", dest)})
	}
	return spliced(line, edits)
}

// "[表](<附件/申请 表.docx)", an angle bracket opened and not closed, is
// text in CommonMark, brackets and all; the author meant the path in
// angle brackets. openAngle is such a destination: no quotes, no other
// angle bracket, parentheses only in pairs, up to a title in quotes or
// the ')' that ends it.
var openAngle = regexp.MustCompile(`\]\(<((?:[^()<>"'\n]|\([^()<>"'\n]*\))+?)[ \t]*(?:[ \t]"[^"\n]*"|[ \t]'[^'\n]*')?[ \t]*\)`)

// closedAngles returns body with a '>' written where each destination
// that openAngle finds ends, and a Foreign at each line; code is left
// alone.
func closedAngles(body []byte) ([]byte, []Foreign) {
	if !bytes.Contains(body, []byte("](<")) {
		return body, nil // most bodies: no split into lines, no regexp
	}
	var found []Foreign
	body = textLines(body, holding("](<"), func(n int, line []byte, spans [][2]int) []byte {
		ms := openAngle.FindAllSubmatchIndex(line, -1)
		var edits []edit
		for j := len(ms) - 1; j >= 0; j-- {
			start, end := ms[j][2], ms[j][3]
			if inSpan(spans, start) {
				continue
			}
			dest := string(line[start:end])
			edits = append(edits, edit{end, end, []byte(">")})
			found = append(found, Foreign{Line: n, Code: "open-angle",
				Message: diag.Msg("the link's destination (<%s) has no > to close its <, which CommonMark shows as text, brackets and all: it is read as (<%s>)", dest, dest),
				Hint:    diag.Msg("close it: (<%s>)", dest)})
		}
		return spliced(line, edits)
	})
	return body, found
}
