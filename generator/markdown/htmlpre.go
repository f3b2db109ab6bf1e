package markdown

import (
	"bytes"
	"html"
	"regexp"
	"strings"

	"ismsgen/generator/diag"
)

// A block of preformatted text, <pre> (often <pre><code
// class="language-x">), is how sets converted from HTML write code.
// Raw HTML is not shown, and the block went with its text: it becomes a
// fenced code block of its text, entities read (&lt; is <) and the tags
// within it (<code>, a highlighter's <span>) left out. The fences take
// the lines of the tags <pre> and </pre> when those hold no text, else
// the blank line above or below, so that the number of lines stays.

// preTag is <pre …> or <code …> at the start of a line's text.
var preTag = regexp.MustCompile(`(?i)^<(?:pre|code)(?:\s[^<>]*)?>`)

// preClose is </code> or </pre> at the end of a line's text.
var preClose = regexp.MustCompile(`(?i)</(?:pre|code)[ \t]*>$`)

// preLanguage is the language a class names: language-x or lang-x.
var preLanguage = regexp.MustCompile(`(?i)\bclass=["']?[^"'<>]*?\blang(?:uage)?-([A-Za-z0-9_+#.-]+)`)

// anyTag is one HTML tag, opening or closing.
var anyTag = regexp.MustCompile(`</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>`)

// preFence reads the <pre> block whose first line is ls[i] and writes
// it as a fenced code block: from is the first line it writes over (i,
// or the blank line above), out the lines to write from there, lang the
// language the block names. out is nil when it cannot be written so in
// as many lines (text right after </pre>, no </pre>, text on the line of
// a tag and no blank line beside it): the block stays HTML, left out
// with its warning.
func preFence(ls [][]byte, i int) (from int, out [][]byte, lang string) {
	j := i
	for j < len(ls) && !bytes.Contains(bytes.ToLower(ls[j]), []byte("</pre")) {
		j++
	}
	if j == len(ls) {
		return 0, nil, ""
	}
	first := bytes.TrimRight(ls[i], " \t\r")
	pad := leadingSpaces(first)
	head := first[pad:]
	for {
		m := preTag.Find(head)
		if m == nil {
			break
		}
		if l := preLanguage.FindSubmatch(m); l != nil && lang == "" {
			lang = string(l[1])
		}
		head = head[len(m):]
	}
	lines := [][]byte{head}
	for k := i + 1; k <= j; k++ {
		lines = append(lines, bytes.TrimRight(ls[k], "\r"))
	}
	last := bytes.TrimRight(lines[len(lines)-1], " \t")
	if !bytes.HasSuffix(bytes.ToLower(last), []byte("</pre>")) {
		return 0, nil, "" // text after </pre>, or a second block
	}
	for m := preClose.Find(last); m != nil; m = preClose.Find(last) {
		last = bytes.TrimRight(last[:len(last)-len(m)], " \t")
	}
	lines[len(lines)-1] = last
	for k, l := range lines {
		lines[k] = []byte(html.UnescapeString(string(withoutTags(l))))
	}
	opens, closes := i, j
	if len(bytes.TrimSpace(lines[0])) > 0 {
		if i == 0 || len(bytes.TrimSpace(ls[i-1])) > 0 {
			return 0, nil, ""
		}
		opens = i - 1
	} else {
		lines = lines[1:]
	}
	if len(lines) > 0 && len(bytes.TrimSpace(lines[len(lines)-1])) > 0 {
		if j+1 >= len(ls) || len(bytes.TrimSpace(ls[j+1])) > 0 {
			return 0, nil, ""
		}
		closes = j + 1
	} else if len(lines) > 0 {
		lines = lines[:len(lines)-1]
	}
	fence := bytes.Repeat([]byte("`"), max(3, longestRun(lines, '`')+1))
	indent := bytes.Repeat([]byte(" "), pad)
	out = append(out, append(append(append([]byte{}, indent...), fence...), lang...))
	for _, l := range lines {
		if len(l) > 0 {
			l = append(append([]byte{}, indent...), l...)
		}
		out = append(out, l)
	}
	out = append(out, append(append([]byte{}, indent...), fence...))
	if len(out) != closes-opens+1 {
		return 0, nil, "" // cannot be: every line is accounted for
	}
	return opens, out, lang
}

// withoutTags is line without the HTML tags in it; a word in angle
// brackets that names no element is text, and stays.
func withoutTags(line []byte) []byte {
	return anyTag.ReplaceAllFunc(line, func(tag []byte) []byte {
		if name, _ := tagOf(tag); htmlElements[name] {
			return nil
		}
		return tag
	})
}

// longestRun is the length of the longest run of c in lines.
func longestRun(lines [][]byte, c byte) int {
	longest := 0
	for _, l := range lines {
		run := 0
		for _, d := range l {
			if d == c {
				run++
				longest = max(longest, run)
			} else {
				run = 0
			}
		}
	}
	return longest
}

// preFound is the Foreign of a <pre> block at line at shown as code.
func preFound(at int, lang string) Foreign {
	return Foreign{Line: at, Code: "html-pre",
		Message: diag.Msg("an HTML block of preformatted text (<pre>) is shown as a code block of its text, its tags left out"),
		Hint:    diag.Msg("write it as a fenced code block: a line of %s, its lines as they are (< rather than &lt;, without tags), then a line of ```", strings.TrimSpace("```"+lang))}
}
