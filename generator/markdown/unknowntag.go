package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// unknownTagLine is a block parser tried before goldmark's HTML blocks:
// a line that CommonMark takes for the start of an HTML block because it
// is one tag alone ("<your name>", an id "<ISMS-P-009>"), but whose tag
// names no HTML element, starts a paragraph instead. As an HTML block,
// the lines after it up to a blank line were shown as written, links and
// all: the id of a document the build leaves out was on the page, and a
// link to a published one was no link. In a paragraph the tag is inline
// raw HTML, which angleText shows as text or AngleID as a link.
type unknownTagLine struct{}

func (unknownTagLine) Trigger() []byte { return []byte{'<'} }

func (unknownTagLine) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	if !unknownTagAlone(bytes.TrimSpace(line)) {
		return nil, parser.NoChildren
	}
	return paragraphs.Open(parent, reader, pc)
}

func (unknownTagLine) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return paragraphs.Continue(node, reader, pc)
}

func (unknownTagLine) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	paragraphs.Close(node, reader, pc)
}

func (unknownTagLine) CanInterruptParagraph() bool { return false } // as an HTML block of its kind
func (unknownTagLine) CanAcceptIndentedLine() bool { return false }

var paragraphs = parser.NewParagraphParser()

// unknownTagAlone reports whether line is one tag, opening or closing,
// whose name is no HTML element.
func unknownTagAlone(line []byte) bool {
	if len(line) < 3 || line[len(line)-1] != '>' || bytes.IndexByte(line[1:len(line)-1], '>') >= 0 || bytes.IndexByte(line[1:], '<') >= 0 {
		return false
	}
	name, _ := tagOf(line)
	return name != "" && !htmlElements[name]
}
