package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"ismsgen/generator/diag"
)

// Sets written for GitHub, MkDocs or Typora draw diagrams from fenced
// code ("```mermaid") and typeset LaTeX math between lines "$$": pages
// here run no script to do either, so the code and the math show as
// written, with a warning at the first of each in a document.

// diagramLanguages are the fence languages that stand for a diagram.
var diagramLanguages = map[string]bool{"mermaid": true, "plantuml": true, "puml": true, "dot": true, "graphviz": true, "flow": true, "flowchart": true, "sequence": true}

// diagramFence is the language of a fence opening line (trimmed) that
// draws a diagram, or "".
func diagramFence(trimmed []byte) string {
	info := bytes.TrimLeft(trimmed, "`~")
	info = bytes.TrimLeft(info, " \t{.")
	end := bytes.IndexAny(info, " \t}\r\n")
	if end >= 0 {
		info = info[:end]
	}
	if lang := string(bytes.ToLower(info)); diagramLanguages[lang] {
		return lang
	}
	return ""
}

// diagramFound is the Foreign of a diagram's fence at line at.
func diagramFound(at int, lang string) Foreign {
	return Foreign{Line: at, Code: "diagram",
		Message: diag.Msg("the %s diagram is shown as its source code: pages draw no diagrams", lang),
		Hint:    diag.Msg("save the diagram as a picture in the document's page bundle and show it with ![what it shows](img/diagram.png); keep its source beside it")}
}

// mathFound is the Foreign of a block of LaTeX math opened at line at.
func mathFound(at int) Foreign {
	return Foreign{Line: at, Code: "math",
		Message: diag.Msg("the LaTeX math between lines $$ is shown as written: pages typeset no math"),
		Hint:    diag.Msg("write the formula in plain text or as code (`risk = likelihood × impact`), or show a picture of it")}
}

// mathEnd is the line of ls that ends the block of math that opens at
// ls[i], a line "$$…": i itself for "$$x$$", else the next line that
// ends in "$$" before a blank one; -1 when there is none, or a line
// before it starts as Markdown does (a list item, a heading, a quote:
// the "$$" may close a block above), and the block is left as it is.
func mathEnd(ls [][]byte, i int) int {
	trimmed := bytes.TrimSpace(ls[i])
	if len(trimmed) > 2 && bytes.HasSuffix(trimmed[2:], []byte("$$")) {
		return i
	}
	for j := i + 1; j < len(ls); j++ {
		t := bytes.TrimSpace(ls[j])
		switch {
		case len(t) == 0, markdownStart.Match(t):
			return -1
		case bytes.HasSuffix(t, []byte("$$")):
			return j
		}
	}
	return -1
}

// markdownStart matches the start of a line of Markdown that math seldom
// starts with: a list item's marker, a heading's, a block quote's.
var markdownStart = regexp.MustCompile(`^([-*+] |[0-9]+[.)] |#{1,6} |>)`)

// literal is line with each ASCII punctuation character escaped, so that
// CommonMark shows it as written.
func literal(line []byte) []byte {
	out := make([]byte, 0, len(line)+len(line)/2)
	for _, c := range bytes.TrimRight(line, "\r") {
		if c < 0x80 && strings.IndexByte(asciiPunctuation, c) >= 0 {
			out = append(out, '\\')
		}
		out = append(out, c)
	}
	return out
}

// asciiPunctuation are the characters CommonMark lets a backslash escape.
const asciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// inlineMath shows each "$$…$$" in a line of text as written (literal),
// as math between lines $$ is, with a warning at its line: in a list
// item's text most often, where "[a](b)" in a formula was a link and "_"
// emphasised. Code and code spans are left alone.
func inlineMath(body []byte) ([]byte, []Foreign) {
	if !bytes.Contains(body, []byte("$$")) {
		return body, nil
	}
	var found []Foreign
	body = textLines(body, holding("$$"), func(n int, line []byte, spans [][2]int) []byte {
		var out []byte
		last := 0
		for i := 0; i < len(line); {
			open := bytes.Index(line[i:], []byte("$$"))
			if open < 0 {
				break
			}
			open += i
			end := bytes.Index(line[open+2:], []byte("$$"))
			if end < 0 {
				break
			}
			end += open + 2
			if inSpan(spans, open) || inSpan(spans, end) || end == open+2 {
				i = open + 2
				continue
			}
			out = append(append(out, line[last:open]...), literal(line[open:end+2])...)
			last, i = end+2, end+2
		}
		if out == nil {
			return line
		}
		found = append(found, Foreign{Line: n, Code: "math",
			Message: diag.Msg("the LaTeX math $$…$$ in the line is shown as written: pages typeset no math"),
			Hint:    diag.Msg("write the formula in plain text or as code (`risk = likelihood × impact`), or show a picture of it")})
		return append(out, line[last:]...)
	})
	return body, found
}
