package markdown

import (
	"bytes"
	"strings"

	"ismsgen/generator/diag"
)

// unclosedFence finds a fenced code block opened at the margin that no
// line closes: CommonMark (and GitHub) shows the rest of the document
// as its code, the text after the opening fence (its "info string")
// not at all. A fence in a list item or a block quote ends with it, so
// only one at the margin counts.
func unclosedFence(body []byte) []Foreign {
	if !bytes.Contains(body, []byte("```")) && !bytes.Contains(body, []byte("~~~")) {
		return nil
	}
	var code fence
	open := -1
	var opening []byte
	ls := bytes.Split(body, []byte("\n"))
	for n, line := range ls {
		line = bytes.TrimSuffix(line, []byte("\r"))
		if code.char != 0 {
			if code.closedBy(line) {
				code, open = fence{}, -1
			}
			continue
		}
		indent := leadingSpaces(line)
		if f, ok := openFence(line[indent:]); ok && indent < 4 {
			code = f
			if indent == 0 {
				open, opening = n, line
			}
		}
	}
	if open < 0 {
		return nil
	}
	if len(bytes.TrimSpace(bytes.Join(ls[open+1:], nil))) == 0 {
		return nil // the last line: nothing after it to take
	}
	shown := string(bytes.TrimSpace(opening))
	if r := []rune(shown); len(r) > 40 {
		shown = string(r[:40]) + "…"
	}
	closing := strings.Repeat(string(code.char), code.length)
	msg := diag.Msg("the code block opened by %s is never closed: the rest of the document is shown as code", shown)
	if info := bytes.Fields(bytes.TrimLeft(opening, string(code.char))); len(info) > 1 {
		// "~~~See the wiki": words, not a language, that no page shows
		msg = diag.Msg("the code block opened by %s is never closed: the rest of the document is shown as code, and the text after the fence not at all", shown)
	}
	return []Foreign{{Line: open, Code: "unclosed-fence", Message: msg,
		Hint: diag.Msg("close it with a line %s where the code ends", closing)}}
}
