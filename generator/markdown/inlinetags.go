package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"ismsgen/generator/diag"
)

// inlineTag is a template tag of Hugo ("{{< param x >}}", "{{% x %}}")
// or of Jekyll and GitBook ("{% data variables.x %}"), or a variable of
// theirs ("{{ site.title }}", "{{ .Title }}"), in a line of text. A
// word alone in braces ("{{value}}") is left alone: authors write it
// for a value to fill in, as they mean it to be read.
var (
	inlineTag = regexp.MustCompile(`\{\{[<%][^{}\n]*?[>%]\}\}|\{%[^{}\n]*?%\}|\{\{-?[ \t]*(?:\.[A-Za-z_]|[A-Za-z_]\w*\.[A-Za-z_])[\w.]*[ \t]*-?\}\}`)
	// Mustache's sections ("{{#controls}}", "{{^controls}}",
	// "{{/controls}}") and its unescaped variable ("{{&url}}"): what
	// they show or hide, or the value they stand for, is the template's
	// to decide, and no page here runs it.
	mustacheTag = regexp.MustCompile(`\{\{[#^/&][ \t]*[A-Za-z_][\w.-]*[ \t]*\}\}`)
	// "- ", "  * ", "1. ": a list item's marker and the spaces after it
	listMarker = regexp.MustCompile(`^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+`)
)

// inlineTemplateTags finds the template tags that a line of body's text
// holds among other text (adapt leaves out a line that is only a tag):
// the generator they were written for put something in their place, a
// page here shows them as written. One Foreign a line, naming its first
// tag. Code is left alone: fenced and indented code blocks, code spans.
func inlineTemplateTags(body []byte) []Foreign {
	if !bytes.Contains(body, []byte("{%")) && !bytes.Contains(body, []byte("{{")) {
		return nil
	}
	var found []Foreign
	proseLines(body, '{', func(n int, text []byte) {
		if tag := inlineTag.Find(text); tag != nil {
			f := Foreign{Line: n, Code: "template-tag",
				Message: diag.Msg("the template tag %s is shown as written: pages here run no templates (it is written for Hugo, GitBook or Jekyll, which put something in its place)", string(tag)),
				Hint:    diag.Msg("write in its place what it stands for: a name, an address, a link as [text](path)")}
			if def, written := taggedDefinition(text); def != "" {
				f.Message = diag.Msg("the link definition %s is shown as written, and the links that use it as text: its address holds a template tag with spaces, and pages here run no templates", def)
				f.Hint = diag.Msg("write the address out, the tag replaced by what it stands for: %s", written)
			} else if link, written := taggedLink(text); link != "" {
				f.Message = diag.Msg("the link %s is shown as written, not as a link: its address holds a template tag with spaces, and pages here run no templates", link)
				f.Hint = diag.Msg("write the address out, the tag replaced by what it stands for: %s", written)
			}
			found = append(found, f)
		} else if tag := mustacheTag.Find(text); tag != nil {
			found = append(found, Foreign{Line: n, Code: "template-tag",
				Message: diag.Msg("the Mustache tag %s is shown as written: pages here run no templates (Mustache shows the text between {{#name}} and {{/name}} only when name is set, and puts a value in place of {{&name}})", string(tag)),
				Hint:    diag.Msg("remove the tag, and write in its place the text the page should show")})
		}
	})
	return found
}

// proseLines calls f with the text of each line of body that a page
// shows as text and that holds the byte c, without its code spans: not
// in fenced or indented code blocks, nor in an HTML block (left out
// whole, with a warning of its own), nor a line whose code span does
// not close.
func proseLines(body []byte, c byte, f func(n int, text []byte)) {
	var code fence      // the fence of the open code block
	item := -1          // the column of the text of the list item above, or -1
	html := false       // in an HTML block
	blankBefore := true // the line before is blank, or there is none
	for n, line := range bytes.Split(body, []byte("\n")) {
		line = bytes.TrimSuffix(line, []byte("\r"))
		if code.holds(line) {
			continue
		}
		indent := leadingSpaces(line)
		if f, ok := openFence(bytes.TrimLeft(line, " ")); ok && indent-max(item, 0) < 4 {
			code = f.in(item)
			continue
		}
		afterBlank := blankBefore
		blankBefore = len(bytes.TrimSpace(line)) == 0
		if html || indent < 4 && htmlStart(line[indent:], afterBlank) {
			// An HTML block, left out whole to its blank line with a
			// warning of its own: nothing in it is shown as written.
			html = !blankBefore
			continue
		}
		if m := listMarker.FindIndex(line); m != nil {
			item = m[1]
		} else if indent == 0 && len(bytes.TrimSpace(line)) > 0 {
			item = -1
		}
		// An indented line is code, unless it goes on with a list item's
		// text ("    To see …" below "  * Logs").
		if indent-max(item, 0) >= 4 || bytes.HasPrefix(line, []byte("\t")) || bytes.IndexByte(line, c) < 0 {
			continue
		}
		if text, ok := withoutCodeSpans(line); ok {
			f(n, text)
		}
	}
}

// htmlStart reports whether text, a line without its indentation,
// starts an HTML block as CommonMark reads one: a comment, a tag of a
// block element ("<div", "</li>"), or, after a blank line (it cannot
// break a paragraph), one whole tag of another element alone on the
// line ("<a href=…>").
func htmlStart(text []byte, afterBlank bool) bool {
	if len(text) < 2 || text[0] != '<' {
		return false
	}
	if bytes.HasPrefix(text, []byte("<!--")) {
		return true
	}
	name, _ := tagOf(text)
	return blockElements[name] || afterBlank && htmlElements[name] && loneTag.Match(bytes.TrimSpace(text))
}

// loneTag is a line that is one opening or closing tag, its attributes
// as CommonMark reads them: <template #title> is text.
var loneTag = regexp.MustCompile(`^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>` + "`" + `]+|'[^']*'|"[^"]*"))?)*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)$`)

// blockElements are the elements whose tag starts an HTML block
// wherever it stands (CommonMark's kinds 1 and 6).
var blockElements = func() map[string]bool {
	m := map[string]bool{}
	for _, name := range strings.Fields(`address article aside base basefont blockquote body caption center col
		colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset
		h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol
		optgroup option p param pre script search section style summary table tbody td textarea tfoot
		th thead title tr track ul`) {
		m[name] = true
	}
	return m
}()

// linkWithSpaces is a link or a picture whose address holds spaces,
// which CommonMark does not read as one: [x](http://host/{{< param "b" >}}/y).
var linkWithSpaces = regexp.MustCompile(`!?\[([^\[\]\n]*)\]\(([^()\n]*[ \t][^()\n]*)\)`)

// taggedLink finds in text the first link whose address a template tag
// with spaces keeps from being read as one: link is the link as written
// ("" when there is none), written the link with each tag replaced by
// the name it stands for.
func taggedLink(text []byte) (link, written string) {
	for _, m := range linkWithSpaces.FindAllSubmatchIndex(text, -1) {
		dest := text[m[4]:m[5]]
		outside := inlineTag.ReplaceAll(dest, []byte("x"))
		if bytes.Equal(outside, dest) || bytes.ContainsAny(bytes.TrimSpace(outside), " \t") {
			continue // no tag, or spaces of its own
		}
		dest = inlineTag.ReplaceAllFunc(bytes.TrimSpace(dest), tagName)
		link = string(text[m[0]:m[1]])
		written = link[:m[4]-m[0]] + strings.TrimPrefix(string(dest), `\`) + ")"
		return strings.Replace(link, `](\<`, `](<`, 1), written
	}
	return "", ""
}

// taggedDefinition is a link reference definition whose address holds a
// template tag with spaces ("[ref]: {{% param "url" %}}", "[ref]: <{{<
// param url >}}>"): CommonMark reads none (or, in angle brackets, a path
// that names nothing), and it is shown as written, the links that use it
// as text, as a link's is. def is the definition as written ("" when
// text is none), written the definition with each tag replaced by the
// name it stands for.
func taggedDefinition(text []byte) (def, written string) {
	m := taggedDef.FindSubmatchIndex(text)
	if m == nil {
		return "", ""
	}
	dest := text[m[4]:m[5]]
	if !spacedTag(dest) {
		return "", ""
	}
	def = strings.Replace(string(bytes.TrimSpace(text)), `]: \<`, `]: <`, 1)
	dest = inlineTag.ReplaceAllFunc(bytes.TrimPrefix(dest, []byte(`\`)), tagName)
	return def, string(text[m[2]:m[3]]) + " " + string(dest)
}

// taggedDef is a link reference definition: its label and colon, and
// the rest of its line ("\<" when an angle bracket was escaped by
// taggedDests).
var taggedDef = regexp.MustCompile(`^ {0,3}(\[[^\[\]\n]+\]:)[ \t]*(\S.*?)[ \t]*$`)

// spacedTag reports whether dest holds a template tag with spaces in it.
func spacedTag(dest []byte) bool {
	for _, tag := range inlineTag.FindAll(dest, -1) {
		if bytes.ContainsAny(tag, " \t") {
			return true
		}
	}
	return false
}

// taggedAngle is an address in angle brackets, of a link or of a
// reference's definition: "](<{{% param "url" %}}>)", "[ref]: <{{< param
// url >}}>".
var taggedAngle = regexp.MustCompile(`(?:\]\(|^ {0,3}\[[^\[\]\n]+\]:[ \t]*)<([^<>\n]*)>`)

// taggedDests returns body with the '<' of each address in angle
// brackets that holds a template tag with spaces escaped: CommonMark
// reads it as a path ("{{% param "url" %}}") that names nothing, a
// broken-link error, where the same address without brackets is shown
// as written with a warning (inlineTemplateTags) that says what to
// write. Escaped, it is shown as written too, with that warning.
func taggedDests(body []byte) []byte {
	if !bytes.Contains(body, []byte("<{{")) && !bytes.Contains(body, []byte("<{%")) {
		return body
	}
	return textLines(body, holding("<{"), func(_ int, line []byte, spans [][2]int) []byte {
		var edits []edit
		for _, m := range taggedAngle.FindAllSubmatchIndex(line, -1) {
			lt := m[2] - 1
			if inSpan(spans, lt) || !spacedTag(line[m[2]:m[3]]) {
				continue
			}
			edits = append(edits, edit{lt, lt + 1, []byte(`\<`)})
		}
		return spliced(line, edits)
	})
}

// tagName is the name a template tag stands for: its last word, without
// quotes or a leading path ({{< param "branch" >}} and {{ .Site.Params.branch }}
// stand for branch).
func tagName(tag []byte) []byte {
	inner := bytes.Trim(tag, "{}<>%- \t")
	words := bytes.Fields(inner)
	if len(words) == 0 {
		return nil
	}
	name := bytes.Trim(words[len(words)-1], `"'`)
	if i := bytes.LastIndexByte(name, '.'); i >= 0 && i < len(name)-1 {
		name = name[i+1:]
	}
	return name
}
