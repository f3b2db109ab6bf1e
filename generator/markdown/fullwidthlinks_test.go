package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// A link written with a full-width parenthesis, as a Chinese input
// method types it, is read as the link, with a warning at its line; a
// bracket and a parenthesis that name nothing stay text, and so does
// code.
func TestFullWidthLinks(t *testing.T) {
	for _, tc := range []struct{ in, want, warning string }{
		{"见《[访问控制策略]（ISMS-POL-002）》。", "见《[访问控制策略](ISMS-POL-002)》。", "1: the link [访问控制策略]（ISMS-POL-002） is written with a full-width parenthesis, which CommonMark shows as text: it is read as the link it is meant to be (write its parentheses half-width: [访问控制策略](ISMS-POL-002))"},
		{"见[记录控制](ISMS-P-002）第 4 章", "见[记录控制](ISMS-P-002)第 4 章", "1: the link [记录控制](ISMS-P-002） is written"},
		{"[表]（../tier3/form.docx）", "[表](../tier3/form.docx)", "1: the link"},
		{"[](ISMS-P-002#4-程序）", "[](ISMS-P-002#4-程序)", "1: the link"},
		{"见 ![流程] (img/flow.png)。", "见 ![流程](img/flow.png)。", "1: the picture ![流程] (img/flow.png) has a space between ] and (, which CommonMark shows as text: it is shown as the picture it is meant to be (leave out the space: ![流程](img/flow.png))"},
		{"[注]（见附件）", "[注]（见附件）", ""},
		{"[1]（2020年）", "[1]（2020年）", ""},
		{"`[x]（ISMS-P-002）`", "`[x]（ISMS-P-002）`", ""},
		{"[x](ISMS-P-002)（见）", "[x](ISMS-P-002)（见）", ""},
		{"支持 [[两步验证]]（2FA）与 [[a]] (ISMS-P-002)", "支持 [[两步验证]]（2FA）与 [[a]] (ISMS-P-002)", "1: the wiki link [[两步验证]] is shown as text, brackets and all: pages link only what a Markdown link names (write [两步验证](path/两步验证.md), the path from this document, or [两步验证](ID) with the document's id)\n1: the wiki link [[a]] is shown"},
	} {
		body := "# T\n" + tc.in + "\n"
		got, found := Adapt([]byte(body))
		if want := "# T\n" + tc.want + "\n"; string(got) != want {
			t.Errorf("%q: got %q, want %q", tc.in, got, want)
		}
		var warnings []string
		for _, f := range found {
			warnings = append(warnings, fmt.Sprintf("%d: %s (%s)", f.Line, f.Message, f.Hint))
		}
		w := strings.Join(warnings, "\n")
		if tc.warning == "" && w != "" || !strings.Contains(w, tc.warning) {
			t.Errorf("%q: warnings %q, want %q", tc.in, w, tc.warning)
		}
	}
}
