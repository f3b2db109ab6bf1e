package history

import (
	"bytes"
	"regexp"
	"slices"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer/html"

	"ismsgen/generator/markdown"
)

// sameRendering reports whether two bodies that differ only in white
// space show the same: Markdown makes one paragraph break of several
// blank lines, and a list item of "-   item" as of "- item", so such an
// edit changes nothing a reader sees. The bodies are rendered as written
// (raw HTML kept) and compared with each run of white space made one
// space, but in preformatted text and code, where white space shows.
func sameRendering(a, b []byte) bool {
	if !slices.EqualFunc(bytes.Fields(a), bytes.Fields(b), bytes.Equal) {
		return false // a word changed, or two words joined: not white space alone
	}
	md := markdown.New(goldmark.WithRendererOptions(html.WithUnsafe()))
	var ha, hb bytes.Buffer
	if md.Convert(a, &ha) != nil || md.Convert(b, &hb) != nil {
		return false
	}
	return bytes.Equal(spaced(ha.Bytes()), spaced(hb.Bytes()))
}

// preformatted is an element whose white space shows.
var preformatted = regexp.MustCompile(`(?is)<(pre|code|textarea)\b.*?</(pre|code|textarea)>`)

var whiteRun = regexp.MustCompile(`[ \t\r\n]+`)

// spaced is rendered HTML with each run of white space outside
// preformatted elements made one space, as a browser shows it.
func spaced(h []byte) []byte {
	var out []byte
	for {
		loc := preformatted.FindIndex(h)
		if loc == nil {
			return append(out, whiteRun.ReplaceAll(h, []byte(" "))...)
		}
		out = append(out, whiteRun.ReplaceAll(h[:loc[0]], []byte(" "))...)
		out = append(out, h[loc[0]:loc[1]]...)
		h = h[loc[1]:]
	}
}
