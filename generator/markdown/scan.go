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
	util.Prioritized(linklessParagraphs{}, 1000), // after link reference definitions and tables
)))

// ParseForLinks parses a body for what the link stage reads: its links
// (*ast.Link, with their positions) and its headings' ids. Every
// paragraph without a '[' is left with no text, so that no time goes
// into the inline parsing of text that cannot hold a link: a link starts
// with a '[' in its own paragraph (an entity for '[' is text, not
// syntax). The blocks and headings are those Parse gives; the tree is of
// no other use.
func ParseForLinks(body []byte) ast.Node {
	return Parse(forLinks, body)
}

// linklessParagraphs empties the paragraphs without a '[' as they close.
type linklessParagraphs struct{}

func (linklessParagraphs) Transform(p *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	lines := p.Lines()
	if lines.Len() == 0 {
		return
	}
	for i := range lines.Len() {
		seg := lines.At(i)
		if bytes.IndexByte(seg.Value(src), '[') >= 0 {
			return
		}
	}
	if mayTakeParagraph(src, lines.At(lines.Len()-1).Stop) {
		return
	}
	p.SetLines(text.NewSegments())
}

// mayTakeParagraph reports whether the line after a paragraph that ends
// at stop could make it a setext heading ("===", "---") or a definition
// term (": …"): those take the paragraph's text, which must then stay.
// Container markers ('>') and indentation before it are skipped; list
// markers ('-') make it keep the text too, which is only slower.
func mayTakeParagraph(src []byte, stop int) bool {
	rest := src[min(stop, len(src)):]
	if stop > 0 && stop <= len(src) && src[stop-1] != '\n' {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			return false
		}
		rest = rest[i+1:]
	}
	for len(rest) > 0 && (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '>') {
		rest = rest[1:]
	}
	return len(rest) > 0 && (rest[0] == '=' || rest[0] == '-' || rest[0] == ':')
}
