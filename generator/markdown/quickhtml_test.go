package markdown

import (
	"bytes"
	"reflect"
	"testing"
	"unsafe"

	"github.com/yuin/goldmark/util"
)

// plainCode renders a code block as goldmark's own renderer does.
func plainCode(info, code []byte) []byte {
	lang := info
	if info != nil {
		lang = FenceLanguage(info)
	}
	var b bytes.Buffer
	b.WriteString("<pre><code")
	if lang != nil {
		b.WriteString(` class="language-`)
		b.Write(util.EscapeHTML(lang))
		b.WriteByte('"')
	}
	b.WriteByte('>')
	b.Write(util.EscapeHTML(code))
	b.WriteString("</code></pre>\n")
	return b.Bytes()
}

// renderSameAsGoldmark fails the test when QuickRender takes src and
// writes other HTML, headings or text than goldmark; it reports whether
// QuickRender took it.
func renderSameAsGoldmark(t *testing.T, src []byte) bool {
	t.Helper()
	var got bytes.Buffer
	heads, plain, ok := QuickRender(&got, src, QuickOptions{Code: plainCode})
	if !ok {
		return false
	}
	root := Parse(nil, src)
	var want bytes.Buffer
	if err := shared.Renderer().Render(&want, src, root); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("%q: HTML\n%s\nwant\n%s", src, got.String(), want.String())
	}
	if wantHeads := Headings(root, src); !reflect.DeepEqual(heads, wantHeads) {
		t.Errorf("%q: headings %+v, want %+v", src, heads, wantHeads)
	}
	if wantPlain := PlainText(root, src); plain != wantPlain {
		t.Errorf("%q: text %q, want %q", src, plain, wantPlain)
	}
	// Without the text, the same HTML, and no headings or text.
	var html bytes.Buffer
	heads, plain, ok = QuickRender(&html, src, QuickOptions{Code: plainCode, NoText: true})
	if !ok || html.String() != got.String() || heads != nil || plain != "" {
		t.Errorf("%q: with NoText, took %v, headings %+v, text %q, HTML\n%s\nwant\n%s", src, ok, heads, plain, html.String(), got.String())
	}
	return true
}

// renderCases are bodies QuickRender must take (true) or leave to goldmark.
var renderCases = []struct {
	src  string
	take bool
}{
	{"**注意：**请勿外传。（**括号**）与“**引号**”，中文**强调**文字。\n", false},
	{"**bold** and *em*。**粗体**，后 “**引号**” **甲**、**乙**\n", true},
	{"", true},
	{"# 标题\n\n正文 [x](ISMS-P-1) 与 [y](ISMS-P-2#范围)。\n第二行 \"引号\" > 大于\n\n## 1 目的 / Purpose\n\n1. 第一 [a](A)\n2. 第二\n\n- 项 `code [no](N)` 后\n- [b](B)(c) [d][e] [f]\n", true},
	{"| 角色 / Role | 职责 | 频率 |\n| --- | :--- | :---: |\n| CISO | **评审** | 每月 |\n| HR |\n| a | b | c | d |\n\n|x|\n|-:|\n", true},
	{"## 2 范围\n\n相关控制见 **访问控制**，配置项 `max_login_attempts`。\n\n```yaml\nkey: \"v\" # <x> & y\n```\n\n~~~\nplain\n~~~\n", true},
	{"```go\nunclosed\n", true},
	{"- a\n* b\n+ c\n3. d\n4) e\n\n- f\n\n# h\n- g\n```\nx\n```\n", true},
	{"[](ISMS-P-1) [x](https://example.com/a?b=c) [y](form.docx)\n", true},
	{"#5 not a heading\n\n####### seven\n", true},
	{"- a\n\n- b\n", false},   // loose
	{"para\n- item\n", false}, // may interrupt
	{"- item\nlazy\n", false}, // lazy continuation
	{"a  \nb\n", false},       // hard break
	{"a *b*c\n", false},       // a run that may open and close
	{"a *em* _em_ **st** __st__。\n", true},
	{"**编号**：x\u3000\u3000**来源**：y\n", true},
	{"*a **b** c*\n", false},         // nested
	{"a**b**\n", false},              // intraword
	{"~~old~~\n", false},             // strikethrough
	{"see www.example.com\n", false}, // linkify
	{"mail a@b.cn\n", false},         // linkify
	{"x[^1]\n\n[^1]: note\n", false}, // footnote
	{"Term\n: def\n", false},         // definition list
	{"a | b\n- | -\n", false},        // a table the quick path does not start
	{"| a |\n| - |\ntext\n", false},  // a table's lazy row
	{"| a | b |\n| - |\n", false},    // header and delimiter differ
	{"- [ ] task\n", false},          // task list
	{"# closed #\n", false},          // closing sequence
	{"a &amp; b\n", false},           // entity
	{"a\tb\n", false},                // tab
	{"![i](i.png)\n", false},         // image
	{"Title\n===\n", false},          // setext
	{"> quote\n", false},             // block quote
	{"    code\n", false},            // indented code
	{"[r]: /u\n\n[r]\n", false},      // reference definition
	{"`` a ``\n", false},             // padded code span
	{"[a](b c)\n", false},            // title or space
	{"x]\n", false},                  // stray bracket
	{"**a **b**\n", false},           // nested runs
	{"\u00a0\n# h\n", true},          // no-break space is text
	{"```\u00a0\n<b>\n```\n", true},  // no-break space language word
	{"| `a|b` |\n| - |\n", false},    // a pipe in a code span splits the cell
	{"**粗体**。**Bold** x\n", true},    // closers before punctuation and space
	{"- **a**\n1. `b`\n## c\n", true},
	{"## [c](C)\n", false}, // a heading with a link: its id is made from its text (linkHeadings)
}

func TestQuickRender(t *testing.T) {
	for _, c := range renderCases {
		if took := renderSameAsGoldmark(t, []byte(c.src)); took != c.take {
			t.Errorf("%q: took %v, want %v", c.src, took, c.take)
		}
	}
}

// TestQuickRenderTakesTheSample checks QuickRender on every document of
// the sample site, and that it takes most of them.
func TestQuickRenderTakesTheSample(t *testing.T) {
	takesMostOfTheSample(t, "QuickRender", renderSameAsGoldmark)
}

func FuzzQuickRender(f *testing.F) {
	for _, c := range renderCases {
		f.Add(c.src)
	}
	for _, c := range quickCases {
		f.Add(c.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 2000 {
			return
		}
		renderSameAsGoldmark(t, []byte(src))
	})
}

// TestQuickRenderHeadingsOwnTheirText checks that a heading's text is not
// a slice of the body's text: the search index keeps the headings of
// every document to the end of a build, and would keep every text with
// them.
func TestQuickRenderHeadingsOwnTheirText(t *testing.T) {
	var out bytes.Buffer
	heads, plain, ok := QuickRender(&out, []byte("# 标题\n\n正文。\n\n## 第二\n"), QuickOptions{Code: plainCode})
	if !ok || len(heads) != 2 {
		t.Fatalf("took %v, %d headings", ok, len(heads))
	}
	start := uintptr(unsafe.Pointer(unsafe.StringData(plain)))
	for _, h := range heads {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(h.Text))); p >= start && p < start+uintptr(len(plain)) {
			t.Errorf("heading %q is a slice of the body's text", h.Text)
		}
	}
}
