package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// Emphasis beside Chinese punctuation is read as Chinese editors show
// it; Latin text keeps CommonMark's reading.
func TestCJKEmphasis(t *testing.T) {
	for _, tc := range []struct{ md, html string }{
		{"**注意：**请勿外传。", "<strong>注意：</strong>请勿外传。"},
		{"中文**强调**文字，（**括号**）与“**引号**”。", "中文<strong>强调</strong>文字，（<strong>括号</strong>）与“<strong>引号</strong>”。"},
		{"请**「保密」**处理，*斜体：*后", "请<strong>「保密」</strong>处理，<em>斜体：</em>后"},
		{"**Note:**text stays", "**Note:**text stays"},
		{"**云安全态势管理 (CSPM)**：通过检测", "<strong>云安全态势管理 (CSPM)</strong>：通过检测"},
		{"**A (B)**。后，*(x)*，", "<strong>A (B)</strong>。后，<em>(x)</em>，"},
		{"a * b * c and 2*3*4", "a * b * c and 2<em>3</em>4"},
		{"__注意：__请", "__注意：__请"},
	} {
		var out bytes.Buffer
		src := []byte(tc.md)
		if err := shared.Renderer().Render(&out, src, Parse(nil, src)); err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSuffix(strings.TrimPrefix(out.String(), "<p>"), "</p>\n"); got != tc.html {
			t.Errorf("%s:\ngot  %s\nwant %s", tc.md, got, tc.html)
		}
	}
}
