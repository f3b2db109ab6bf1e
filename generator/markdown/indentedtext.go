package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"ismsgen/generator/diag"
)

// Chinese documents indent a paragraph's first line by two characters
// (首行缩进), and authors who type four spaces for them get what
// CommonMark makes of text indented by four spaces after a blank line:
// a code block, the policy's sentences in fixed-width type. A block
// indented so whose every line starts with a Chinese character or
// Chinese punctuation is no code: it is shown as the paragraphs it is,
// its indent left out, with a warning. A line whose words are set
// apart by runs of spaces ("年    月    日" under a signature) is laid
// out by them, as code keeps it: such a block stays code.

// indentedProse is how many of ls, from an indented code block's first
// line, the block takes when it is Chinese text (its lines indented by
// code or more, the blank lines between them); 0 when it is not.
func indentedProse(ls [][]byte, code int) int {
	n := 0
	for k, l := range ls {
		l = bytes.TrimRight(l, " \t\r")
		switch {
		case len(l) == 0:
			continue
		case visualIndent(l) < code:
			return n
		case !chineseStart(bytes.TrimLeft(l, " \t")) || bytes.Contains(bytes.TrimLeft(l, " \t"), []byte("  ")):
			return 0
		}
		n = k + 1
	}
	return n
}

// visualIndent is the column at which line's text starts, a tab taking
// it to the next multiple of four.
func visualIndent(line []byte) int {
	col := 0
	for _, c := range line {
		switch c {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col
		}
	}
	return col
}

// chineseStart reports whether text starts with a Han character or with
// the punctuation Chinese text opens with (“ 「 《 （ and the full-width
// forms).
func chineseStart(text []byte) bool {
	r, _ := utf8.DecodeRune(text)
	return unicode.Is(unicode.Han, r) || 0x3000 <= r && r <= 0x303f || 0xff00 <= r && r <= 0xffef || r == '“' || r == '‘'
}

// mayIndentProse reports whether line (rest of a body from a line's
// start) is indented by four columns or more before a character that is
// not ASCII, as indented Chinese text is: mayAdapt's test.
func mayIndentProse(rest []byte) bool {
	text := bytes.TrimLeft(rest, " \t")
	return len(text) > 0 && text[0] >= utf8.RuneSelf && visualIndent(rest[:len(rest)-len(text)]) >= 4
}

// indentedProseFound is the Foreign of Chinese text indented as code at
// line at.
func indentedProseFound(at int) Foreign {
	return Foreign{Line: at, Code: "indented-text",
		Message: diag.Msg("text indented by four spaces or more after a blank line is shown as a paragraph: CommonMark and GitHub show it as a code block, in fixed-width type"),
		Hint:    diag.Msg("remove the spaces before it: a paragraph needs no indent of its first line")}
}
