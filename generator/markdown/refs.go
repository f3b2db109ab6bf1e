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
		text, ok := withoutCodeSpans(line)
		if !ok {
			continue
		}
		for _, m := range fullReference.FindAllSubmatch(text, -1) {
			label := string(m[2])
			if label == "" {
				label = string(m[1])
			}
			if strings.HasPrefix(label, "^") {
				continue // a footnote
			}
			uses = append(uses, use{n, string(m[1]), label})
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
