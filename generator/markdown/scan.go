package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// forLinks is New with linklessParagraphs: see ParseForLinks.
var forLinks = New(goldmark.WithParserOptions(parser.WithParagraphTransformers(
	util.Prioritized(linklessParagraphs{}, 50), // before link reference definitions and tables
)))

// ParseForLinks parses a body for what the link stage reads: its links
// (*ast.Link and *ast.Image, with their positions, and the raw HTML of
// AngleID) and its headings' ids. Every paragraph without a '[' or a '<'
// gives way to an empty block as it closes, before link reference
// definitions and tables are looked for in it, so that no time goes into
// text that cannot hold a link: a link starts with a '[' (or a '<') in
// its own paragraph (an entity for '[' is text, not syntax). The links and
// headings are those Parse gives; the tree is of no other use.
func ParseForLinks(body []byte) ast.Node {
	return Parse(forLinks, body)
}

// linklessParagraphs puts an empty text block in the place of each
// paragraph without a '[' or a '<' as it closes. The block keeps the place: a list
// item with no child would end at the next blank line, and the blank
// line before the paragraph is the block's.
type linklessParagraphs struct{}

func (linklessParagraphs) Transform(p *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	lines := p.Lines()
	if lines.Len() == 0 {
		return
	}
	for i := range lines.Len() {
		seg := lines.At(i)
		if bytes.IndexByte(seg.Value(src), '[') >= 0 || bytes.IndexByte(seg.Value(src), '<') >= 0 {
			return // a link, an image, or perhaps a <ISMS-P-009> (AngleID)
		}
	}
	if mayTakeParagraph(src, lines.At(lines.Len()-1).Stop) {
		return
	}
	empty := ast.NewTextBlock()
	empty.SetBlankPreviousLines(p.HasBlankPreviousLines())
	p.Parent().ReplaceChild(p.Parent(), p, empty)
}

// mayTakeParagraph reports whether what follows a paragraph that ends at
// stop could take its text: the next line as a setext underline (a line
// of only '=' or only '-'), or the next line that is not blank as the
// description of a definition list, whose term the paragraph then is
// (": …", after blank lines too). Such a paragraph must keep its text.
// Container markers ('>') and indentation are skipped, which only keeps
// more paragraphs than needed; the next item of a "-" list takes nothing.
func mayTakeParagraph(src []byte, stop int) bool {
	rest := src[min(stop, len(src)):]
	if stop > 0 && stop <= len(src) && src[stop-1] != '\n' {
		_, after, found := bytes.Cut(rest, []byte{'\n'})
		if !found {
			return false
		}
		rest = after
	}
	// Only the lines up to the first that is not blank are read, one by
	// one: a lineScanner would look for a '<' to the end of the body,
	// for every paragraph of it.
	for n := 0; len(rest) > 0; n++ {
		text, after, _ := bytes.Cut(rest, []byte{'\n'})
		rest = after
		next := n == 0
		line := bytes.TrimLeft(text, " \t>")
		line = bytes.TrimRight(line, " \t\r")
		switch {
		case len(line) == 0:
			continue // a blank line: a description may still follow
		case line[0] == ':':
			return true
		default:
			return next && (line[0] == '=' || line[0] == '-') && len(bytes.Trim(line, string(line[:1]))) == 0
		}
	}
	return false
}
