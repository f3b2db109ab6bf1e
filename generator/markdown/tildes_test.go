package markdown

import (
	"bytes"
	"strconv"
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

// TestCitations: a pandoc citation in brackets is warned at its line,
// once a line, naming the first; a link, a picture, a reference's
// definition, an e-mail address, a mention without brackets, escaped
// brackets and code are not citations.
func TestCitations(t *testing.T) {
	in := strings.Join([]string{
		"这是对 Knuth 的引用[@knuth1997]。",                                           // 0
		"Lamport[see @lamport1994, p. 310; @knuth1997] and [-@iso27001].",      // 1
		"[@a](x.md) ![@b](c.png) [mail](mailto:a@b.example) a@b.example @team", // 2
		"[@ref]: https://example.com/r",                                        // 3
		"`[@code]` \\[@escaped]",                                               // 4
		"```",                                                                  // 5
		"[@fenced]",                                                            // 6
		"```",                                                                  // 7
		"- 条目 [参考 @gb2019; 同时 @lamport1994, p. 310]", // 8
		"[user@host]", // 9
	}, "\n") + "\n"
	_, found := Adapt([]byte(in))
	var got []string
	for _, f := range found {
		if f.Code == "citation" {
			got = append(got, strconv.Itoa(f.Line)+" "+f.Message.String())
		}
	}
	want := []string{
		"0 the citation [@knuth1997] is shown as written: pages make no citations and no list of references from a bibliography, as pandoc does",
		"1 the citation [see @lamport1994, p. 310; @knuth1997] is shown as written: pages make no citations and no list of references from a bibliography, as pandoc does",
		"8 the citation [参考 @gb2019; 同时 @lamport1994, p. 310] is shown as written: pages make no citations and no list of references from a bibliography, as pandoc does",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("citations\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestAbbreviations: Python-Markdown's abbreviations are shown as lines
// of a list, a warning at the first of each block of them; one in code,
// indented as code or escaped stays as written.
func TestAbbreviations(t *testing.T) {
	in := "ISMS 由 CISO 负责。\n\n*[ISMS]: 信息安全管理体系\n*[CISO]:   Chief Information Security Officer  \n\ntext\n\n*[SoA]: 适用性声明\n\n```\n*[X]: code\n```\n    *[Y]: code\n\\*[Z]: text\n"
	want := "ISMS 由 CISO 负责。\n\n- **ISMS**: 信息安全管理体系\n- **CISO**: Chief Information Security Officer\n\ntext\n\n- **SoA**: 适用性声明\n\n```\n*[X]: code\n```\n    *[Y]: code\n\\*[Z]: text\n"
	body, found := Adapt([]byte(in))
	if string(body) != want {
		t.Errorf("adapted\n%q\nwant\n%q", body, want)
	}
	var got []string
	for _, f := range found {
		got = append(got, f.Code+"@"+strconv.Itoa(f.Line)+" "+f.Hint.String())
	}
	if strings.Join(got, "|") != "abbreviation@2 write the abbreviations as a list (- **ISMS**: 信息安全管理体系) or a table, or spell the word out where it is first used|abbreviation@7 write the abbreviations as a list (- **SoA**: 适用性声明) or a table, or spell the word out where it is first used" {
		t.Errorf("found %q", got)
	}
}
