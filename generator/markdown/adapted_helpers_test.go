package markdown

import (
	"bytes"
	"strconv"
	"strings"
)

// foundAt lists found as code@line, in order: what the table tests of
// Adapt compare with what they want.
func foundAt(found []Foreign) string {
	codes := make([]string, len(found))
	for i, f := range found {
		codes[i] = f.Code + "@" + strconv.Itoa(f.Line)
	}
	return strings.Join(codes, " ")
}

// pageOf renders an adapted body as a page shows it.
func pageOf(body []byte) string {
	md := New()
	var html bytes.Buffer
	_ = md.Renderer().Render(&html, body, Parse(md, body))
	return html.String()
}
