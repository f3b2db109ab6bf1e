package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// overflowingRows warns of a row exactly when goldmark shows fewer of
// its cells than it has text in.
func TestOverflowingRowsAsGoldmark(t *testing.T) {
	for _, body := range []string{
		"| a | b |\n|---|:-:|\n| 1 | 2 | 3 |\n| 1 | 2 | |\n|x|y\\|z|\n",
		"text\n| a |\n| - |\n| 1 | 2 |\n- x | y\n",
		"a | b\n--|--\n1 | 2 | `3|4`\n",
		"| a |\n|---|\n\n| 1 | 2 |\n",
	} {
		warned := map[int]bool{}
		for _, f := range overflowingRows([]byte(body)) {
			warned[f.Line] = true
		}
		lines := bytes.Split([]byte(body), []byte("\n"))
		src := []byte(body)
		_ = ast.Walk(Parse(nil, src), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			row, ok := n.(*east.TableRow)
			if !entering || !ok {
				return ast.WalkContinue, nil
			}
			line := bytes.Count(src[:row.Pos()], []byte("\n"))
			shown := row.ChildCount()
			cells := tableCells(lines[line])
			dropped := len(cells) > shown && !allBlank(cells[shown:])
			if dropped != warned[line] {
				t.Errorf("%q line %d: goldmark shows %d of %d cells; warned %v", body, line, shown, len(cells), warned[line])
			}
			delete(warned, line)
			return ast.WalkContinue, nil
		})
		for line := range warned {
			t.Errorf("%q: line %d warned of, but it is no table row to goldmark", body, line)
		}
	}
}
