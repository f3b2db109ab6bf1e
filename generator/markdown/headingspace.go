package markdown

import (
	"unicode"
	"unicode/utf8"
)

// headingWithoutSpace is the number of '#' that start line (trimmed),
// a heading written without a space after them, as Chinese documents
// written in Typora or for MkDocs often are ("#总则", "##1 目的",
// "###1.1范围"): one to six '#' and then a Chinese character, or a
// number and then one. It is 0 for anything else: "# x", "#include",
// "#123 fixed", a tag "#安全" needs no heading either way but is rare at
// the start of a line.
func headingWithoutSpace(line []byte) int {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n == len(line) {
		return 0
	}
	rest := line[n:]
	i := 0
	for i < len(rest) && ('0' <= rest[i] && rest[i] <= '9' || rest[i] == '.') {
		i++
	}
	if i > 0 {
		for i < len(rest) && rest[i] == ' ' {
			i++
		}
	}
	r, _ := utf8.DecodeRune(rest[i:])
	if !unicode.Is(unicode.Han, r) {
		return 0
	}
	return n
}
