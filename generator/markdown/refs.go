package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"ismsgen/generator/diag"
)

var (
	// [text][label], and [text][] whose label is its text
	fullReference = regexp.MustCompile(`\[([^\[\]]+)\]\[([^\[\]]*)\]`)
	// [label]: address, in a block quote or a list item too
	referenceDefinition = regexp.MustCompile(`^[ \t>*+-]*\[([^\[\]]+)\]:`)
)

// undefinedReferences finds the reference links of a body whose label no
// definition in the body gives an address: "[text][label]" without a line
// "[label]: address" (a site generator adds such lines from a file of
// its own, or the author forgot). CommonMark shows them as text, the
// brackets and all. Code is left alone.
func undefinedReferences(body []byte) []Foreign {
	if !bytes.Contains(body, []byte("][")) {
		return nil
	}
	defined := map[string]bool{}
	type use struct {
		line        int
		text, label string
	}
	var uses []use
	var code fence // the fence of the open code block
	for n, line := range bytes.Split(body, []byte("\n")) {
		line = bytes.TrimSuffix(line, []byte("\r"))
		// Fences are followed as adapt follows them, not as lineScanner
		// does: after a '<' (in a table cell, "a < b", a here-document)
		// the scanner takes every line for text, code included, and a
		// warning about code would be wrong; a fence inside an HTML block
		// at worst hides a reference that is shown as text anyway.
		if code.holds(line) {
			continue
		}
		if f, ok := openFence(bytes.TrimLeft(line, " ")); ok && leadingSpaces(line) < 4 {
			code = f
			continue
		}
		if bytes.HasPrefix(line, []byte("    ")) || bytes.HasPrefix(line, []byte("\t")) {
			continue
		}
		if m := referenceDefinition.FindSubmatch(line); m != nil {
			defined[refKey(string(m[1]))] = true
			continue
		}
		masked, ok := bracketsOutOfCode(line)
		if !ok {
			continue
		}
		// the text and the label as written, code spans and all
		// ("[site `copyright`][]"): only brackets in code are no link's
		for _, m := range fullReference.FindAllSubmatchIndex(masked, -1) {
			text, label := string(line[m[2]:m[3]]), string(line[m[4]:m[5]])
			if label == "" {
				label = text
			}
			if strings.HasPrefix(label, "^") {
				continue // a footnote
			}
			uses = append(uses, use{n, text, label})
		}
	}
	var found []Foreign
	for _, u := range uses {
		if defined[refKey(u.label)] {
			continue
		}
		hint := diag.Msg("add a line [%s]: address (a web address, a path or a document id), or write the link as [text](address)", u.label)
		if looksLikeAddress(u.label) {
			// "[modules][#module]": the address, in the wrong brackets
			hint = diag.Msg("write the address in parentheses: [%s](%s)", u.text, u.label)
		}
		found = append(found, Foreign{Line: u.line, Code: "undefined-reference",
			Message: diag.Msg("the link [%s][%s] is shown as text, brackets and all: no line [%s]: … gives its address", u.text, u.label, u.label),
			Hint:    hint})
	}
	return found
}

// refKey is a reference label as CommonMark matches it: without regard
// to case or runs of white space.
func refKey(label string) string {
	return strings.ToLower(strings.Join(strings.Fields(label), " "))
}

// looksLikeAddress reports whether a reference label is an address
// written in square brackets: a fragment, a web address, a Markdown
// file's path.
func looksLikeAddress(label string) bool {
	if strings.ContainsAny(label, " \t") {
		return false
	}
	low := strings.ToLower(label)
	return strings.HasPrefix(label, "#") || strings.Contains(label, "://") ||
		strings.HasSuffix(low, ".md") || strings.Contains(low, ".md#")
}

// bracketsOutOfCode is line with each '[' and ']' in a code span
// written as a space, its length kept; ok is false when a code span
// does not close.
func bracketsOutOfCode(line []byte) (masked []byte, ok bool) {
	if bytes.IndexByte(line, '`') < 0 {
		return line, true
	}
	spans, ok := codeSpans(line)
	if !ok {
		return nil, false
	}
	masked = bytes.Clone(line)
	for _, sp := range spans {
		for i := sp[0]; i < sp[1]; i++ {
			if masked[i] == '[' || masked[i] == ']' {
				masked[i] = ' '
			}
		}
	}
	return masked, true
}
