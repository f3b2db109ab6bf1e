package markdown

import (
	"strings"
	"testing"
)

// TestEmbedBeforeText: a frame or a player closed on its lines with a
// paragraph right under it is left out alone, with a warning at its
// first line, and the paragraph is shown (after a <br> alone, without a
// warning: it is no more than space); written as CommonMark wants (a
// blank line after it), or in a way that swallows nothing, or indented
// in a list item or a block quote (TestEmbedInContainer), the body is as it was.
func TestEmbedBeforeText(t *testing.T) {
	const warned = "raw-html@2"
	for _, tc := range []struct {
		name, in, out string
		found         string // code@line of the warning, "" for none from Adapt
	}{
		{"an iframe on one line", "# 演示\n\n<iframe src=\"https://v.example/x\" width=\"600\"></iframe>\n后面的段落，见 [程序](ISMS-P-009)。\n\n另一段。\n",
			"# 演示\n\n\n后面的段落，见 [程序](ISMS-P-009)。\n\n另一段。\n", warned},
		{"an iframe closed on its next line", "# 演示\n\n<IFRAME src=\"x\">\n</iframe>\nText *after*.\n",
			"# 演示\n\n\n\nText *after*.\n", warned},
		{"an iframe closed by its own tag", "# 演示\n\n<iframe src=\"x\" />\nText.\n", "# 演示\n\n\nText.\n", warned},
		{"a player whose tag is alone on its line", "# 演示\n\n<video src=\"a.mp4\" controls>\n</video>\n- a list right under it\n",
			"# 演示\n\n\n\n- a list right under it\n", warned},
		{"an embed", "# 演示\n\n<embed src=\"a.pdf\">\nText.\n", "# 演示\n\n\nText.\n", warned},
		{"an iframe right under a paragraph, which it ends", "# 演示\n前文\n<iframe src=\"x\"></iframe>\nText.\n", "# 演示\n前文\n\nText.\n", warned},
		{"a <br> alone after a blank line: no more than space, not warned", "# 演示\n\n<br />\nText after a break.\n", "# 演示\n\n\nText after a break.\n", ""},

		{"a blank line after it, as CommonMark wants", "<iframe src=\"x\"></iframe>\n\nText.\n", "", ""},
		{"at the end of the body", "Text.\n\n<iframe src=\"x\"></iframe>\n", "", ""},
		{"more HTML under it", "<iframe src=\"x\"></iframe>\n<p>text</p>\n", "", ""},
		{"text after its closing tag on its line", "<iframe src=\"x\"></iframe> caption\nText.\n", "", ""},
		{"never closed", "<iframe src=\"x\">\nText.\n", "", ""},
		{"a player inline, its line a paragraph's", "<video src=\"a.mp4\"></video>\nText.\n", "", ""},
		{"bytes that are not UTF-8 before the closing tag", "# 演示\n\n<iframe src=\"\xbc\xbc\"></IFRAME>\nText.\n", "# 演示\n\n\nText.\n", warned},
		{"a player under a paragraph's line, in the paragraph", "Text.\n<video src=\"a.mp4\">\n</video>\nmore\n", "", ""},
		{"a <br> in a paragraph, a line break", "Text.\n<br>\nmore\n", "", ""},
		{"a <br> before a blank line", "<br>\n\nText.\n", "", ""},
		{"in code", "```html\n<iframe src=\"x\"></iframe>\ntext\n```\n", "", ""},
	} {
		body := adaptedAs(t, tc.name, tc.in, tc.out, tc.found)
		if tc.out == "" {
			continue
		}
		if strings.Count(string(body), "\n") != strings.Count(tc.in, "\n") {
			t.Errorf("%s: the lines moved", tc.name)
		}
		html := pageOf(body)
		after := strings.SplitN(tc.in, "\n", 5)[3:]
		if first := strings.TrimLeft(after[0], "- "); first == "</iframe>" || first == "</video>" {
			after = after[1:]
		}
		word := strings.Fields(strings.TrimLeft(after[0], "- "))[0]
		if !strings.Contains(html, strings.Trim(word, "*，")) || strings.Contains(html, "raw HTML") {
			t.Errorf("%s: the text under the element is not shown, or HTML is left: %s", tc.name, html)
		}
		_, _, _, foreign := ScanBody(body)
		if len(foreign) > 0 {
			t.Errorf("%s: the element is warned of twice: %v", tc.name, foreign[0].Message)
		}
	}
}
