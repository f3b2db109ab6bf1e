package markdown

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	"ismsgen/generator/diag"
)

// MyST (Sphinx's Markdown) writes its directives as fenced code whose
// info string names the directive in braces: "```{note}", "```{image}
// img/a.png", "```{code-block} python". CommonMark shows each as a code
// block of its source, options and all: a note looks like code and a
// picture is not shown. mystDirective reads the admonitions as block
// quotes under their title, a picture or a figure as its picture (and
// caption), and a code block as the code in its language under its
// caption; a table of contents (toctree) and reStructuredText (eval-rst)
// stay code, with a warning that says what to write; any other
// directive stays code.

// mystFence is a fence's info string that names a directive: its name
// and its argument.
var mystFence = regexp.MustCompile("^(?:`{3,}|~{3,})[ \\t]*\\{([A-Za-z][\\w-]*)\\}[ \\t]*(.*)$")

// mystOption is a directive's option line, ":alt: Diagram".
var mystOption = regexp.MustCompile(`^[ \t]*:([\w-]+):[ \t]*(.*)$`)

// mystAdmonitions are the directives shown as a block quote.
var mystAdmonitions = map[string]bool{"note": true, "tip": true, "hint": true, "important": true, "warning": true,
	"caution": true, "attention": true, "danger": true, "error": true, "seealso": true, "admonition": true}

// mystDirective rewrites the directive whose fence opens ls[0], at the
// margin, in place; n is the number of lines it took (0 when it is not
// one it reads, or never closed; -1 for a code block, whose lines are
// to be read again as a fenced code block) and f its warning, without
// its line (a warning with n 0: the directive stays code).
func mystDirective(ls [][]byte, lang string) (n int, f Foreign) {
	open := bytes.TrimRight(ls[0], " \t\r")
	m := mystFence.FindSubmatch(open)
	if m == nil {
		return 0, Foreign{}
	}
	name, arg := strings.ToLower(string(m[1])), strings.TrimSpace(string(m[2]))
	fence, _ := openFence(open)
	end := -1
	for j := 1; j < len(ls); j++ {
		if fence.closedBy(bytes.TrimRight(ls[j], "\r")) {
			end = j
			break
		}
	}
	if end < 0 {
		return 0, Foreign{}
	}
	// the options at the top of its body
	options := map[string]string{}
	body := 1
	for ; body < end; body++ {
		o := mystOption.FindSubmatch(ls[body])
		if o == nil {
			break
		}
		options[string(o[1])] = strings.TrimSpace(string(o[2]))
	}
	written := string(bytes.TrimSpace(open))
	switch {
	case mystAdmonitions[name]:
		// the argument of "admonition" is its title; of any other, the
		// first words of its text
		title, first := arg, ""
		if name != "admonition" || arg == "" {
			title, first = kindTitle(name, lang), arg
		}
		ls[0] = bold(title, true)
		if first != "" {
			ls[0] = append(append(ls[0], ' '), first...)
		}
		for j := 1; j < end; j++ {
			if j < body || len(bytes.TrimSpace(ls[j])) == 0 {
				ls[j] = []byte(">")
			} else {
				ls[j] = append([]byte("> "), ls[j]...)
			}
		}
		ls[end] = nil
		return end + 1, adapted(0, false, written, title)
	case (name == "image" || name == "figure") && arg != "":
		alt := options["alt"]
		ls[0] = []byte("![" + strings.ReplaceAll(alt, "]", `\]`) + "](<" + arg + ">)")
		if label := options["name"]; mystLabel.MatchString(label) {
			// its target, as "(label)=" is, not its text: {ref}`label`
			// leads to it
			ls[0] = append([]byte(`<span id="`+label+`"></span>`), ls[0]...)
		}
		for j := 1; j < body; j++ {
			ls[j] = nil
		}
		ls[end] = nil // a figure's caption and legend, its body, stay as text
		return end + 1, Foreign{Code: "myst-directive",
			Message: diag.Msg("the MyST directive %s is shown as its picture, its caption as text; its options are left out", written),
			Hint:    diag.Msg("write the picture in Markdown, ![%s](%s), and its caption as a line of text", alt, arg)}
	case (name == "code-block" || name == "code" || name == "sourcecode") && body < end && !strings.HasPrefix(arg, "{"):
		info := string(bytes.Repeat([]byte{fence.char}, fence.length)) + arg
		if caption := options["caption"]; caption != "" {
			info += ` title="` + strings.ReplaceAll(caption, `"`, `'`) + `"`
		}
		// the fence opens on the last line before the code, the
		// options' lines above it left empty
		for j := 0; j < body-1; j++ {
			ls[j] = nil
		}
		ls[body-1] = []byte(info)
		return -1, Foreign{Code: "myst-directive",
			Message: diag.Msg("the MyST directive %s is shown as a code block in its language, under its caption; its other options are left out", written),
			Hint:    diag.Msg("write a fenced code block, ```%s, with the code in it", strings.TrimSpace(arg))}
	case name == "toctree":
		// its entries stay as code, to be read; what they made (a list
		// of links to the documents named) is not made
		var links []string
		for j := body; j < end; j++ {
			if entry := strings.TrimSpace(string(ls[j])); entry != "" {
				links = append(links, tocLink(entry))
			}
		}
		if len(links) == 0 {
			links = []string{"- [text](path.md)"}
		}
		return 0, Foreign{Code: "myst-directive",
			Message: diag.Msg("the MyST directive %s is shown as code: the table of contents it makes (links to the documents it names) is not made", written),
			Hint:    diag.Msg("write a list of links in its place: %s", strings.Join(links, " "))}
	case name == "eval-rst":
		return 0, Foreign{Code: "myst-directive",
			Message: diag.Msg("the MyST directive %s is shown as code: the reStructuredText in it is not read", written),
			Hint:    diag.Msg("write what it holds in Markdown instead (a note as > **Note:** …, a table as a pipe table, a link as [text](path))")}
	}
	return 0, Foreign{}
}

// tocLink is a toctree's entry ("intro", "Usage <usage>", "https://…")
// as an item of a Markdown list of links.
func tocLink(entry string) string {
	text, target := entry, entry
	if i := strings.LastIndexByte(entry, '<'); i > 0 && strings.HasSuffix(entry, ">") {
		text, target = strings.TrimSpace(entry[:i]), entry[i+1:len(entry)-1]
	}
	if !strings.Contains(target, "://") && path.Ext(target) == "" {
		target += ".md"
	}
	return "- [" + text + "](" + target + ")"
}

// mystLabel is a MyST target's label, as "(label)=" writes it.
var mystLabel = regexp.MustCompile(`^[A-Za-z0-9_][\w.:-]*$`)

// mystRole is MyST's role that links: {ref}`label`, {ref}`text <label>`,
// {doc}`path`, {doc}`text <path>`.
var mystRole = regexp.MustCompile("\\{(ref|doc)\\}`([^`<>\\n]*?)[ \\t]*(?:<([^`<>\\n]+)>)?`")

// mystRoles returns body with each MyST role that links written as the
// Markdown link it stands for ({ref}`access-rules` as
// [Access rules](#access-rules), the text of the heading with that id,
// or [access-rules](#access-rules) when there is none; {doc}`text <../b>`
// as [text](../b)),
// and a Foreign a line; CommonMark shows the role as its name and code.
func mystRoles(body []byte) ([]byte, []Foreign) {
	if !bytes.Contains(body, []byte("}`")) {
		return body, nil
	}
	var found []Foreign
	var headings map[string]string // the text of each heading with an id of its own, once a role needs it
	body = textLines(body, holding("}`"), func(n int, line []byte, spans [][2]int) []byte {
		var edits []edit
		for _, m := range mystRole.FindAllSubmatchIndex(line, -1) {
			if inSpan(spans, m[0]) || m[0] > 0 && line[m[0]-1] == '\\' {
				continue
			}
			role, text, target := string(line[m[2]:m[3]]), strings.TrimSpace(string(line[m[4]:m[5]])), ""
			if m[6] >= 0 {
				target = strings.TrimSpace(string(line[m[6]:m[7]]))
			} else {
				target, text = text, ""
			}
			if target == "" {
				continue
			}
			dest := target
			if role == "ref" {
				dest = "#" + target
			}
			if text == "" && role == "ref" {
				// the heading the label is on, as Sphinx shows it; the
				// label itself when it is on none of this document's
				text = target
				if headings == nil {
					headings = labelledHeadings(body)
				}
				if h, ok := headings[target]; ok {
					text = h
				}
			}
			link := "[" + strings.NewReplacer("[", `\[`, "]", `\]`).Replace(text) + "](<" + dest + ">)"
			edits = append(edits, edit{m[0], m[1], []byte(link)})
			if len(edits) == 1 {
				found = append(found, Foreign{Line: n, Code: "myst-directive",
					Message: diag.Msg("the MyST role %s is read as the link %s", string(line[m[0]:m[1]]), link),
					Hint:    diag.Msg("write the link in Markdown: %s", link)})
			}
		}
		return spliced(line, edits)
	})
	return body, found
}

// labelledHeading is a heading with an id of its own, as a MyST target
// above it is written by adapt ("## Access rules {#access-rules}"): its
// text and its id.
var labelledHeading = regexp.MustCompile(`^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]+\{#([^{}\s]+)\}[ \t]*$`)

// labelledHeadings maps the id of each heading of body that has one of
// its own to the heading's text; code is left alone.
func labelledHeadings(body []byte) map[string]string {
	m := map[string]string{}
	textLines(body, holding("{#"), func(_ int, line []byte, _ [][2]int) []byte {
		if h := labelledHeading.FindSubmatch(bytes.TrimRight(line, "\r")); h != nil && len(h[1]) > 0 {
			if _, ok := m[string(h[2])]; !ok {
				m[string(h[2])] = string(h[1])
			}
		}
		return line
	})
	return m
}
