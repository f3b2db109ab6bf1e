package markdown

import (
	"bytes"
	"regexp"

	"ismsgen/generator/diag"
)

// A path with spaces in a link ("[表](附件/申请 表.docx)") is no link in
// CommonMark, which shows it as text, brackets and all; Typora, MkDocs
// and pandoc read it as the path it is. spacedPath is such a link's
// destination: words with spaces that end in a file's extension (and
// a fragment), no quotes (a title), and parentheses only in pairs, as in
// a file's name ("需求文档 (PRD).md").
var spacedPath = regexp.MustCompile(`\]\(([^()<>\s"'](?:[^()<>"'\n]|\([^()<>"'\n]*\))*?[ \t](?:[^()<>"'\n]|\([^()<>"'\n]*\))*?\.[A-Za-z0-9]{1,5}(?:#[^()\s"']*)?)\)`)

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
// is left alone.
func angleSpacedPaths(body []byte) ([]byte, []Foreign) {
	if !mayHaveSpacedPath(body) {
		return body, nil // most bodies: no split into lines, no regexp
	}
	var found []Foreign
	body = textLines(body, mayHaveSpacedPath, func(n int, line []byte, spans [][2]int) []byte {
		ms := spacedPath.FindAllSubmatchIndex(line, -1)
		for j := len(ms) - 1; j >= 0; j-- {
			start, end := ms[j][2], ms[j][3]
			if inSpan(spans, start) {
				continue
			}
			dest := string(line[start:end])
			line = append(append(append(append(line[:start:start], '<'), line[start:end]...), '>'), line[end:]...)
			if ScriptURL(dest) {
				continue // shown as its text whatever is written: its own warning (unsafe-link) says what to do
			}
			found = append(found, Foreign{Line: n, Code: "path-spaces",
				Message: diag.Msg("the path %q has spaces: it is read as one path here, but CommonMark and GitHub show the link as text", dest),
				Hint:    diag.Msg("write it in angle brackets, (<%s>), or with %%20 for each space", dest)})
		}
		return line
	})
	return body, found
}
