package markdown

import (
	"bytes"
	"regexp"

	"ismsgen/generator/diag"
)

// pandoc cites a source in brackets, by the key of its entry in a
// bibliography ("[@iso27001]", "[see @knuth1997, p. 33; @lamport1994]",
// "[-@knuth1997]") and, with citeproc, writes the citation in a style
// in its place and the list of references at the end of the document.
// A page here has neither: the key is shown as written, and the
// reference it stood for is lost; a warning at its line says so.

var (
	// text in brackets on one line, not a link's nor a reference's:
	// what follows the ']' is checked apart
	bracketed = regexp.MustCompile(`\[([^\[\]\n]*)\]`)
	// a citation's key among a bracket's text: "@key", "-@key", after
	// the start, a space or a ';'
	citationKey = regexp.MustCompile(`(?:^|[\s;])-?@[\pL\pN_][\pL\pN_:.#$%&+?<>~/-]*`)
)

// citations finds the lines of body's text that hold a pandoc citation,
// one Foreign a line, naming its first.
func citations(body []byte) []Foreign {
	if !bytes.Contains(body, []byte("@")) {
		return nil
	}
	var found []Foreign
	proseLines(body, '@', func(n int, text []byte) {
		for _, m := range bracketed.FindAllSubmatchIndex(text, -1) {
			if m[1] < len(text) && (text[m[1]] == '(' || text[m[1]] == '[' || text[m[1]] == ':') || m[0] > 0 && (text[m[0]-1] == '\\' || text[m[0]-1] == '!') {
				continue // a link, a picture, a reference's definition, or escaped
			}
			if !citationKey.Match(text[m[2]:m[3]]) {
				continue
			}
			cite := string(text[m[0]:m[1]])
			found = append(found, Foreign{Line: n, Code: "citation",
				Message: diag.Msg("the citation %s is shown as written: pages make no citations and no list of references from a bibliography, as pandoc does", cite),
				Hint:    diag.Msg("write the reference itself in place of the key (the author, title and year, or a link), or as a footnote [^1] with the reference as its text")})
			return
		}
	})
	return found
}
