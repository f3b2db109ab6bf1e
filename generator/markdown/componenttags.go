package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"ismsgen/generator/diag"
)

// Sets written for VitePress, VuePress or Docusaurus use their
// components in the text: <Badge text="beta"/>, <template #title>. A
// page here runs none, and shows such a tag as the text its author
// wrote; a warning at its line says so, once a line. A tag of a
// component that an import line names is left to the import's warning.

var (
	// one tag, opening, closing or self-closing, its name and attributes
	someTag = regexp.MustCompile(`<(/?)([A-Za-z][\w.-]*)((?:\s[^<>]*?)?)(/?)>`)
	// an attribute with a value, or a Vue directive (#title, @click, :prop, v-if)
	componentAttr = regexp.MustCompile(`(?:^|\s)(?:[#@:][\w-]|v-[\w-]|[\w:.-]+\s*=)`)
	// an attribute whose name CommonMark takes for none: the tag is text
	notHTMLAttr = regexp.MustCompile(`(?:^|\s)[#@]`)
)

// componentTags finds the lines of body's text that hold a component's
// tag; imported are the names that import lines of the body give.
func componentTags(body []byte, imported map[string]bool) []Foreign {
	if bytes.IndexByte(body, '<') < 0 {
		return nil
	}
	var found []Foreign
	proseLines(body, '<', func(n int, text []byte) {
		for _, m := range someTag.FindAllSubmatchIndex(text, -1) {
			closing, selfClosing := m[3] > m[2], m[9] > m[8]
			name, attrs := string(text[m[4]:m[5]]), text[m[6]:m[7]]
			if imported[name] || !isComponent(name, attrs, closing, selfClosing, body) {
				continue
			}
			tag := string(text[m[0]:m[1]])
			found = append(found, Foreign{Line: n, Code: "component-tag",
				Message: diag.Msg("the tag %s is shown as text: it is a component of a site generator (VitePress, VuePress, Docusaurus), not Markdown, and pages here run none", tag),
				Hint:    diag.Msg("write in Markdown what it shows (a badge's text, a slot's title as a bold line), or leave the tag out")})
			return
		}
		// a tag that goes on to later lines (<Tabs values={[, then
		// its tabs and ]}>), shown as text as one on its line is
		if m := jsxOpen.FindSubmatch(bytes.TrimSpace(text)); m != nil && bytes.IndexByte(text, '>') < 0 {
			name, attrs := string(m[1]), bytes.TrimSpace(text)[len(m[0]):]
			if !imported[name] && isComponent(name, append([]byte(" "), attrs...), false, false, body) {
				found = append(found, Foreign{Line: n, Code: "component-tag",
					Message: diag.Msg("the tag %s is shown as text: it is a component of a site generator (VitePress, VuePress, Docusaurus), not Markdown, and pages here run none", string(bytes.TrimSpace(text))+" …>"),
					Hint:    diag.Msg("write in Markdown what it shows (a badge's text, a slot's title as a bold line), or leave the tag out")})
			}
		}
	})
	return found
}

// isComponent reports whether a tag of name and attrs is a component's
// that a page shows as text: a name that is not HTML's, capitalized
// (Badge, TabItem; not ID or URL, written for a value to fill in) or
// with attributes, or HTML's with attributes CommonMark takes for none
// (<template #title>). A name alone in angle brackets (<Name>) is a
// component's only when the body closes it too.
func isComponent(name string, attrs []byte, closing, selfClosing bool, body []byte) bool {
	if htmlElements[strings.ToLower(name)] {
		return !closing && notHTMLAttr.Match(attrs)
	}
	if componentAttr.Match(attrs) {
		return true
	}
	capitalized := 'A' <= name[0] && name[0] <= 'Z' && strings.ToUpper(name) != name
	switch {
	case !capitalized || len(bytes.TrimSpace(attrs)) > 0:
		return false // <your name>, <Server IP>: a value to fill in
	case closing || selfClosing:
		return true
	}
	return bytes.Contains(body, []byte("</"+name+">"))
}

// importedComponents are the names that the import lines of body give
// (import Badge from './Badge.vue'), in <script setup> or as MDX's.
func importedComponents(body []byte) map[string]bool {
	if !bytes.Contains(body, []byte("import ")) {
		return nil
	}
	names := map[string]bool{}
	for _, line := range bytes.Split(body, []byte("\n")) {
		if t := bytes.TrimSpace(line); mdxImport.Match(t) {
			for _, name := range importedNames(t) {
				names[name] = true
			}
		}
	}
	return names
}
