package markdown

import (
	"bytes"

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
