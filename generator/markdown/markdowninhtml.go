package markdown

import (
	"bytes"
	"iter"
	"regexp"
	"strings"
)

// markdownWrappers are the elements whose lines a "markdown" attribute
// may mark as a wrapper of Markdown: kramdown's markdown="1" (Jekyll),
// Python-Markdown's md_in_html (<div class="grid cards" markdown>, as
// Material for MkDocs writes its cards). <details> is read apart
// (htmldetails.go).
var markdownWrappers = map[string]bool{"div": true, "section": true, "article": true, "aside": true,
	"main": true, "header": true, "footer": true, "nav": true, "figure": true, "figcaption": true,
	"blockquote": true, "center": true, "span": true, "p": true}

// tagAttribute is one attribute of an opening tag: its name, and its
// value as written (quoted or not), if any.
var tagAttribute = regexp.MustCompile(`\s([A-Za-z_:][\w.:-]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+))?`)

// markdownInside is the name of the element whose opening tag trimmed
// (a whole line) is, when the tag says that what it holds is Markdown
// (a markdown attribute not "0"); else "".
func markdownInside(trimmed []byte) string {
	if len(trimmed) < 3 || trimmed[1] == '/' || bytes.HasSuffix(trimmed, []byte("/>")) || !loneTag.Match(trimmed) {
		return ""
	}
	name, _ := tagOf(trimmed)
	if !markdownWrappers[name] {
		return ""
	}
	for _, m := range tagAttribute.FindAllSubmatch(trimmed[1+len(name):len(trimmed)-1], -1) {
		if strings.EqualFold(string(m[1]), "markdown") {
			switch v := strings.ToLower(strings.Trim(string(m[2]), `"'`)); v {
			case "0", "off", "false":
				return ""
			}
			return name
		}
	}
	return ""
}

// markdownOneLine is the Markdown that an element marked as holding
// Markdown holds on its one line, trimmed, opening and closing tags and
// all ("<figcaption markdown>Our [plan], in *brief*</figcaption>", as
// Material for MkDocs writes a caption): nil when trimmed is no such
// line, or the element holds nothing. CommonMark reads the line as an
// HTML block, left out text and all.
func markdownOneLine(trimmed []byte) []byte {
	end := tagEnd(trimmed)
	if end <= 0 || end == len(trimmed) {
		return nil
	}
	name := markdownInside(trimmed[:end])
	closing := "</" + name + ">"
	if name == "" || len(trimmed) < end+len(closing) || !strings.EqualFold(string(trimmed[len(trimmed)-len(closing):]), closing) {
		return nil
	}
	inner := bytes.TrimSpace(trimmed[end : len(trimmed)-len(closing)])
	if len(inner) == 0 || indexLowerASCII(inner, "</"+name) >= 0 {
		return nil // nothing in it, or another element of its kind
	}
	return inner
}

// markdownWrapperEnd is the line of ls that closes the element name
// opened on ls[0], a line of its own ("</div>"), counting the same
// elements opened and closed on lines of their own within it and
// skipping fenced code; -1 when it is not closed so.
func markdownWrapperEnd(ls [][]byte, name string) int {
	depth := 0
	for j, t := range loneTagLines(ls) {
		switch tag, closing := tagOf(t); {
		case tag != name:
		case closing:
			depth--
			if depth == 0 {
				return j
			}
		case !bytes.HasSuffix(t, []byte("/>")):
			depth++
		}
	}
	return -1
}

// loneTagLines yields the lines of ls outside fenced code that hold a
// tag alone (loneTag), without the white space around it, with their
// indexes: the lines markdownWrapperEnd and closingLines count.
func loneTagLines(ls [][]byte) iter.Seq2[int, []byte] {
	return func(yield func(int, []byte) bool) {
		var code fence
		for j, line := range ls {
			line = bytes.TrimRight(line, "\r")
			if code.holds(line) {
				continue
			}
			if f, ok := openFence(bytes.TrimLeft(line, " ")); ok && indentOf(line) < 4 {
				code = f
				continue
			}
			t := bytes.TrimSpace(line)
			if len(t) < 3 || t[0] != '<' || !loneTag.Match(t) {
				continue
			}
			if !yield(j, t) {
				return
			}
		}
	}
}

// firstLine is the first line of text, without white space around it.
func firstLine(text []byte) []byte {
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	return bytes.TrimSpace(text)
}

// wrapperEnds finds, for each line that opens a wrapper of Markdown, the
// line that markdownWrapperEnd would, all in one pass over the lines:
// a scan from every opening tag to its end took the square of the
// lines, and 5,000 nested <div markdown="1"> a minute.
type wrapperEnds struct {
	end map[int]int // opening line → its closing line, -1 if none
}

// of is markdownWrapperEnd(ls[i:], name) when the table built at the
// first call knows line i and the line it names still closes the
// element; else that call itself.
func (w *wrapperEnds) of(ls [][]byte, i int, name string) int {
	if w.end == nil {
		w.end = closingLines(ls[i:], i)
	}
	e, ok := w.end[i]
	switch {
	case !ok:
		return markdownWrapperEnd(ls[i:], name)
	case e < 0:
		return -1
	}
	t := bytes.TrimSpace(bytes.TrimRight(ls[e], "\r"))
	if tag, closing := tagOf(t); closing && tag == name && loneTag.Match(t) {
		return e - i
	}
	return markdownWrapperEnd(ls[i:], name) // changed since
}

// closingLines pairs the opening and closing tags of the same element on
// lines of their own in ls (line numbers from first), skipping fenced
// code, as markdownWrapperEnd counts them; an element never closed ends
// at -1.
func closingLines(ls [][]byte, first int) map[int]int {
	ends := map[int]int{}
	open := map[string][]int{}
	for j, t := range loneTagLines(ls) {
		tag, closing := tagOf(t)
		if !markdownWrappers[tag] {
			continue
		}
		switch stack := open[tag]; {
		case closing && len(stack) > 0:
			ends[stack[len(stack)-1]] = first + j
			open[tag] = stack[:len(stack)-1]
		case !closing && !bytes.HasSuffix(t, []byte("/>")):
			open[tag] = append(stack, first+j)
			ends[first+j] = -1
		}
	}
	return ends
}
