package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"ismsgen/generator/diag"
)

// mdBookInclude is mdBook's directive that puts a file's text in its
// place ("{{#include arg.md}}", "{{#rustdoc_include main.rs:2:10}}",
// "{{#playground example.rs editable}}"), not escaped ("\{{#include …}}"
// is how mdBook's own books show it as written). Group 1 is the file.
var mdBookInclude = regexp.MustCompile(`(?:^|[^\\])\{\{[ \t]*#(?:include|rustdoc_include|playground)[ \t]+([^\s{}:]+)[^{}\n]*\}\}`)

// mdBookIncludes finds mdBook's include directives: mdBook replaces
// each by the text of a file, which a page here does not, so the file's
// text would be missing without a word. In a code block too, where
// mdBook books most often include a listing; not in a code span, where
// it is written to be read. One Foreign a line.
func mdBookIncludes(body []byte) []Foreign {
	if !bytes.Contains(body, []byte("{{")) {
		return nil
	}
	var found []Foreign
	for n, line := range bytes.Split(body, []byte("\n")) {
		if bytes.Index(line, []byte("{{")) < 0 {
			continue
		}
		text, ok := withoutCodeSpans(line)
		if !ok {
			text = line
		}
		m := mdBookInclude.FindSubmatchIndex(text)
		if m == nil {
			continue
		}
		tag := string(text[m[0]:m[1]])
		tag = tag[strings.Index(tag, "{{"):] // without the character before it
		file := string(text[m[2]:m[3]])
		found = append(found, Foreign{Line: n, Code: "template-tag",
			Message: diag.Msg("mdBook's %s is shown as written: the text of %s is not put in its place, as mdBook would (pages here run no preprocessors)", tag, file),
			Hint:    diag.Msg("copy the text of %s here, or link to it: [%s](%s)", file, file, file)})
	}
	return found
}
