package markdown

import (
	"bytes"
	"slices"

	"ismsgen/generator/diag"
)

// htmlBlock reads the HTML that starts ls[0] (trimmed is that line
// without its indent) as a table, a list, a collapsible section or a
// paragraph, whichever its first tag opens, or leaves out alone a frame
// or a player that would take the paragraph under it with it
// (htmlembed.go), or a <br> that would; blankAbove says the line before
// ls[0] is blank, or there is none. n is the number of lines it read,
// out the Markdown to write over them (nil when it stays HTML) and f
// the warning that says so, without its line (none when nothing is
// lost).
func htmlBlock(ls [][]byte, trimmed []byte, blankAbove bool) (n int, out [][]byte, f Foreign) {
	switch {
	case opensTable(trimmed):
		n, table, spanned := htmlTable(ls)
		f := Foreign{Code: "html-table",
			Message: diag.Msg("an HTML table is shown as a table of its cells' text, links, pictures, code, bold, italics and line breaks; other formatting in it is left out"),
			Hint:    diag.Msg("write it as a pipe table, which shows the same everywhere: | a | b |, then | --- | --- |, one line per row")}
		if spanned {
			f.Message = diag.Msg("an HTML table is shown as a table of its cells' text, links, pictures, code, bold, italics and line breaks; a cell spanning rows or columns is shown in the first of them, the others left empty")
			f.Hint = diag.Msg("write it as a pipe table, which shows the same everywhere (one line per row: | a | b |, then | --- | --- |), with the text of a cell that spanned rows repeated in each row if readers need it there")
		}
		if table != nil {
			f.moved = pipeRowLines(ls, table)
		}
		return n, table, f
	case opensList(trimmed):
		n, list := htmlList(ls)
		var moved [][]int
		if items := itemLines(bytes.Join(ls[:n], []byte("\n"))); list != nil && written(list) == len(items) {
			moved = make([][]int, n)
			copy(moved, items) // a line an item, from the first
		}
		return n, list, Foreign{moved: moved, Code: "html-list",
			Message: diag.Msg("an HTML list is shown as a list of its items' text, links, pictures, code, bold, italics and line breaks; other formatting in it is left out"),
			Hint:    diag.Msg("write it as a Markdown list, which shows the same everywhere: one line per item, starting with - (or 1. for numbered items)")}
	case opensDetails(trimmed):
		n, lines := htmlDetails(ls)
		return n, lines, Foreign{Code: "html-details",
			Message: diag.Msg("a collapsible section (<details>) is shown open, its summary as a bold line: a page hides nothing"),
			Hint:    diag.Msg("write the summary as a bold line or a heading, and leave out <details> and </details>")}
	case opensEmbed(trimmed) != "":
		name := opensEmbed(trimmed)
		n, out := htmlEmbed(ls, name, blankAbove)
		return n, out, embedFound(0, name)
	case isBreak(trimmed) && tagEnd(trimmed) == len(trimmed):
		n, out := lineBreak(ls, blankAbove)
		return n, out, Foreign{} // no more than space: nothing to warn of
	case opensHeading(trimmed) != "":
		n, heading := htmlHeading(ls, opensHeading(trimmed))
		var moved [][]int
		if at := slices.IndexFunc(heading, func(l []byte) bool { return l != nil }); at >= 0 {
			moved = make([][]int, n)
			moved[at] = append([]int{at}, linkTagLines(bytes.Join(ls[:n], []byte("\n")))...)
		}
		return n, heading, Foreign{moved: moved, Code: "html-heading",
			Message: diag.Msg("an HTML heading is shown as a Markdown heading of its level, its text, links, pictures, code, bold and italics kept; other formatting in it is left out"),
			Hint:    diag.Msg("write it in Markdown: a line of # and its text (## for <h2>), {#id} after it for its own id")}
	case opensParagraph(trimmed) != "":
		n, para := htmlParagraph(ls, opensParagraph(trimmed))
		var moved [][]int
		if at := slices.IndexFunc(para, func(l []byte) bool { return l != nil }); at >= 0 {
			moved = make([][]int, n)
			moved[at] = append([]int{at}, linkTagLines(bytes.Join(ls[:n], []byte("\n")))...)
		}
		return n, para, Foreign{moved: moved, Code: "html-paragraph",
			Message: diag.Msg("an HTML paragraph is shown as a paragraph of its text, links, pictures, code, bold, italics and line breaks; other formatting in it is left out"),
			Hint:    diag.Msg("write it in Markdown, without the tags: a paragraph is its lines of text, followed by a blank line")}
	}
	return 0, nil, Foreign{}
}
