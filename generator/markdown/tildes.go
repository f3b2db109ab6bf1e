package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Text is struck through between two tildes on either side ("~~废止~~"),
// as pandoc, MkDocs, markdown-it (VuePress, VitePress) and Typora read
// it; GFM also strikes through text between single tildes, and Chinese
// text writes a range with one: "保存 1~3 年，复核周期 6~12 个月" struck
// through "3 年，复核周期 6", a retention period shown as withdrawn. A
// single tilde is text here, as written. (H~2~O, pandoc's and MkDocs's
// subscript, is shown as written too, no longer with the 2 struck
// through.)

// doubleTildes is GFM's strikethrough with two tildes only.
type doubleTildes struct{}

func (doubleTildes) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(tildeRuns{}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500)))
}

// tildeRuns leaves a single tilde to be text, and gives a run of two to
// goldmark's strikethrough parser.
type tildeRuns struct{}

func (tildeRuns) Trigger() []byte { return []byte{'~'} }

func (tildeRuns) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if block.PrecendingCharacter() != '~' && (len(line) < 2 || line[1] != '~') {
		return nil // one tilde alone: text
	}
	return extension.NewStrikethroughParser().Parse(parent, block, pc)
}

func (tildeRuns) CloseBlock(parent ast.Node, pc parser.Context) {}
