package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// TestTildes: two tildes on either side strike text through; a single
// tilde is text, as written: a range in Chinese text ("1~3 年") and
// pandoc's subscript (H~2~O) are shown as written, not struck through.
func TestTildes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"保存期限 1~3 年，审核周期 6~12 个月。", "<p>保存期限 1~3 年，审核周期 6~12 个月。</p>"},
		{"保存期限1~3年，审核周期6~12个月。", "<p>保存期限1~3年，审核周期6~12个月。</p>"},
		{"H~2~O and ~one~", "<p>H~2~O and ~one~</p>"},
		{"~~废止~~ and a~~b~~c", "<p><del>废止</del> and a<del>b</del>c</p>"},
		{"a ~~~ b ~~~ c", "<p>a ~~~ b ~~~ c</p>"},
		{"| a |\n| - |\n| 1~2 ~~x~~ |", "<td>1~2 <del>x</del></td>"},
	} {
		md := New()
		var html bytes.Buffer
		body := []byte(tc.in + "\n")
		_ = md.Renderer().Render(&html, body, Parse(md, body))
		if !strings.Contains(html.String(), tc.want) {
			t.Errorf("%q: rendered\n%s\nwant %q in it", tc.in, html.String(), tc.want)
		}
	}
}
