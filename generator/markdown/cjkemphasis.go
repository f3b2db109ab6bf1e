package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Chinese is written without spaces, and its punctuation is full width:
// "**注意：**请勿外传" means 注意： in bold, as Typora, MkDocs and most
// editors show it. CommonMark takes a "**" after punctuation and before
// a letter for an opening run only, so the page showed the asterisks.
// cjkEmphasis reads "*" runs as CommonMark does, except that full-width
// punctuation counts as a letter beside them: Chinese text takes
// emphasis as a word does inside ("a**b**c"). "_" is left as it is.
type cjkEmphasis struct{}

func (cjkEmphasis) Trigger() []byte { return []byte{'*'} }

func (cjkEmphasis) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	n := 0
	for n < len(line) && line[n] == '*' {
		n++
	}
	if n == 0 {
		return nil
	}
	after := ' '
	if n < len(line) {
		after = util.ToRune(line, n)
	}
	spaceBefore, spaceAfter := util.IsSpaceRune(before), util.IsSpaceRune(after)
	left, right := flanking(spaceBefore, spaceAfter, util.IsPunctRune(before), util.IsPunctRune(after))
	// Full-width punctuation as a letter only adds to what CommonMark
	// allows: "**管理 (CSPM)**：" still closes after ")".
	cjkLeft, cjkRight := flanking(spaceBefore, spaceAfter, flankPunct(before), flankPunct(after))
	left, right = left || cjkLeft, right || cjkRight
	d := parser.NewDelimiter(left, right, n, '*', starDelimiters{})
	d.Segment = segment.WithStop(segment.Start + n)
	block.Advance(n)
	pc.PushDelimiter(d)
	return d
}

// flanking is CommonMark's left- and right-flanking of a delimiter run
// from what is before and after it.
func flanking(spaceBefore, spaceAfter, punctBefore, punctAfter bool) (left, right bool) {
	left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore)
	right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter)
	return left, right
}

// flankPunct reports whether r counts as punctuation beside a "*" run:
// as CommonMark has it, but for the full-width punctuation of Chinese,
// Japanese and Korean ("：", "，", "（", "。"), which counts as a letter.
func flankPunct(r rune) bool {
	return util.IsPunctRune(r) && !fullWidthPunct(r)
}

func fullWidthPunct(r rune) bool {
	return 0x3000 <= r && r <= 0x303F || 0xFF00 <= r && r <= 0xFFEF || 0xFE30 <= r && r <= 0xFE4F
}

// starDelimiters match "*" runs into emphasis, as goldmark's do.
type starDelimiters struct{}

func (starDelimiters) IsDelimiter(b byte) bool { return b == '*' }

func (starDelimiters) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (starDelimiters) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }
