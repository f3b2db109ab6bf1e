package render

import (
	"bytes"
	"html/template"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"

	"ismsgen/generator/internal/fast"
	"ismsgen/generator/link"
	"ismsgen/generator/model"
)

// linked runs the link stage over a site of four documents: the page
// X, whose body is body, with the attachment form.docx; ISMS-P-009, to
// link to, with the title title; and SECRET-1 and QZCANARY-9 (the canary
// of FuzzWithheld), drafts this build leaves out.
func linked(t testing.TB, body, title string) (*model.Site, *model.Document) {
	t.Helper()
	cfg := &model.Config{Levels: []string{"internal"}, Classification: "internal"}
	d := &model.Document{ID: "X", Path: "content/X/index.md", Body: []byte(body), BodyLine: 1, Classification: "internal",
		Attachments: []model.Attachment{{Name: "form.docx", Path: "content/X/form.docx"}}}
	target := &model.Document{ID: "ISMS-P-009", Path: "content/p.md", Title: title, Classification: "internal", Body: []byte("## 4 程序\n")}
	secret := &model.Document{ID: "SECRET-1", Path: "content/s.md", Title: "Secret", Classification: "internal", Status: model.StatusDraft}
	left := &model.Document{ID: canary, Path: "content/c.md", Title: "Canary", Classification: "internal", Status: model.StatusDraft}
	site, _ := link.Site(cfg, []*model.Document{target, secret, left, d}, nil, link.Options{}, nil)
	return site, d
}

func TestBody(t *testing.T) {
	b := newBodies("未发布文件")
	for _, tc := range []struct {
		name, md string
		want     []string // substrings of the HTML
		not      []string
	}{
		{"chinese heading ids, unique", "## 4 程序\n\n## 4 程序\n\n### 4.1 制定计划\n",
			[]string{`<h2 id="4-程序">`, `<h2 id="4-程序-1">`, `<h3 id="41-制定计划">`}, nil},
		{"empty id link gets the title, escaped", "[](ISMS-P-009)",
			[]string{`<a href="../../docs/ISMS-P-009/" class="doc-link" data-doc="ISMS-P-009">管理评审 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;程序&quot;</a>`}, []string{"<script>"}},
		{"id link keeps its text and fragment", "[评审](isms-p-009#4-程序)",
			[]string{`<a href="../../docs/ISMS-P-009/#4-%E7%A8%8B%E5%BA%8F" class="doc-link" data-doc="ISMS-P-009">评审</a>`}, nil},
		{"withheld link keeps its text only", "见[调查报告](SECRET-1)。",
			[]string{`<p>见调查报告。</p>`}, []string{"SECRET-1", "href"}},
		{"withheld empty link shows the placeholder", "见[](SECRET-1)。",
			[]string{`<p>见未发布文件。</p>`}, []string{"SECRET-1"}},
		{"raw html is dropped", "<script>alert(1)</script>\n\n<b onclick=x>b</b>",
			nil, []string{"<script>", "onclick"}},
		{"dangerous links become text", "[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](data:text/html,x) [d](vbscript:x)",
			[]string{"<p>a b c d</p>"}, []string{"href"}},
		{"code is highlighted with classes", "```go\nfunc main() {}\n```",
			[]string{`<pre class="chroma">`, `<span class="kd">func</span>`}, []string{"style="}},
		{"a code block's title shows above it, escaped; its language still highlights it", "```python title=\"backup <1>.py\"\nimport os\n```\n\n```sh 'run.sh'\nls\n```",
			[]string{"<p class=\"code-title\">backup &lt;1&gt;.py</p>\n<pre class=\"chroma\"><code><span class=\"line\"><span class=\"cl\"><span class=\"kn\">import</span>", "<p class=\"code-title\">run.sh</p>\n<pre class=\"chroma\">"}, []string{"<1>"}},
		{"a fence whose language is a no-break space is plain code", "```\u00a0\n<b>x</b>\n```",
			[]string{`<pre class="chroma"><code>&lt;b&gt;x&lt;/b&gt;`}, nil},
		{"unknown language is escaped plain code", "```nolang\n<b>x</b>\n```",
			[]string{`&lt;b&gt;x&lt;/b&gt;`}, nil},
		{"gfm table, strikethrough, tasks, footnote, definition list",
			"| a | b |\n| - | - |\n| 1 | 2 |\n\n~~old~~\n\n- [x] done\n\nnote[^1]\n\n[^1]: foot\n\nTerm\n: def\n",
			[]string{"<table>", "<del>old</del>", `type="checkbox"`, `class="footnotes"`, "<dt>Term</dt>"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site, d := linked(t, tc.md, `管理评审 <script>alert(1)</script> & "程序"`)
			got := string(b.render(site, d, d.Body, "../../").HTML)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in:\n%s", w, got)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(got, n) {
					t.Errorf("unexpected %q in:\n%s", n, got)
				}
			}
		})
	}
}

// quickBodyCases are bodies for the two renderings of a body to agree on:
// id links found, left out and with fragments, attachments, dangerous
// links and code.
var quickBodyCases = []string{
	"## 4 程序\n\n见[评审](isms-p-009#4-程序)与[](ISMS-P-009)，[调查](SECRET-1)、[](SECRET-1)。\n",
	"- [表格](form.docx) [外部](https://example.com/a?b=c)\n- [a](javascript:x) [](vbscript:x) [b](JavaScript:y)\n",
	"| a | b |\n| - | :-: |\n| [x](ISMS-P-009) | **粗** |\n\n```go\nfunc main() {}\n```\n\n```\n<b>\n```\n",
	"## 见\n\n[程序](../p.md#4-程序)、[](../p.md)、[表](form.docx)、[无](../p.md#nope)、[见](#见)、[他](#4-程序)、[密](../s.md)。\n",
	"```python title=\"backup.py\"\nx = 1\n```\n\n~~~ sh 'run.sh'\ny\n~~~\n\n```go title=\n```\n",
}

// sameBody fails the test when the quick rendering of src takes it and
// differs from goldmark's; it reports whether the quick one took it.
func sameBody(t *testing.T, b *bodies, src string) bool {
	t.Helper()
	site, d := linked(t, src, `管理评审 <script> & "程序"`)
	got, ok := quickBody(b, site, d, []byte(src), "../../", "")
	if !ok {
		return false
	}
	if want := goldmarkBody(b, site, d, []byte(src), "../../", ""); !reflect.DeepEqual(got, want) {
		t.Errorf("%q:\n%+v\nwant\n%+v", src, got, want)
	}
	return true
}

func TestQuickBody(t *testing.T) {
	b := newBodies("未发布文件")
	for _, src := range quickBodyCases {
		if !sameBody(t, b, src) {
			t.Errorf("%q: the quick rendering did not take it", src)
		}
	}
}

func FuzzQuickBody(f *testing.F) {
	for _, src := range quickBodyCases {
		f.Add(src)
	}
	b := newBodies("未发布文件")
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 2000 {
			return
		}
		sameBody(t, b, src)
	})
}

// FuzzDangerous: the shortcut for plain URLs gives the general answer.
func FuzzDangerous(f *testing.F) {
	for _, s := range []string{
		"../../docs/ISMS-P-001/", "https://example.org/a?b=c", "#scope", "javascript:alert(1)",
		"JavaScript:x", "vbscript:x", "DATA:text/html,x", "file:///etc", "data:image/png;base64,AA",
		"java\tscript:x", "&#106;avascript:x", "\\javascript:x", "java%73cript:x", "JAVASCR\u0130PT:x",
		"javascript", "mailto:a@example.org",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, dest string) {
		if got, want := dangerous(dest), dangerousAnyURL(dest); got != want {
			t.Errorf("dangerous(%q) = %v, the general case says %v", dest, got, want)
		}
	})
}

// TestLexerFor: a fence's language word finds chroma's lexer by name,
// alias or file extension; no word, plain-text words and words chroma
// does not know are plain text, without chroma's slow guessing.
func TestLexerFor(t *testing.T) {
	for lang, want := range map[string]string{
		"go": "Go", "golang": "Go", "py": "Python", "python": "Python", "yml": "YAML", "sh": "Bash",
		"": "", "text": "", "txt": "", "plaintext": "", "none": "", "no-such-language": "", "console-of-mine": "",
	} {
		got := ""
		if l := lexerFor(lang); l != nil {
			got = l.Config().Name
		}
		if got != want {
			t.Errorf("lexerFor(%q) = %q, want %q", lang, got, want)
		}
	}
	plain := string(highlighted("no-such-language", []byte("a < b\n")))
	if plain != "<pre class=\"chroma\"><code>a &lt; b\n</code></pre>\n" {
		t.Errorf("an unknown language: %q", plain)
	}
}

func BenchmarkHighlightNoLanguage(b *testing.B) {
	code := []byte("$ ismsgen build\nbuilt 39 documents\n")
	for b.Loop() {
		highlighted("", code)
	}
}

// TestHighlightBounded: a block chroma knows is highlighted up to
// maxHighlighted bytes; a larger one is plain, so that no block costs a
// build more than its size allows (chroma's own clock is off, for the
// same pages from every build).
func TestHighlightBounded(t *testing.T) {
	small := []byte("package main\n\nfunc main() {}\n")
	if got := string(highlighted("go", small)); !strings.Contains(got, `<span class="kd">func</span>`) {
		t.Errorf("a small Go block is not highlighted: %q", got)
	}
	large := bytes.Repeat(small, maxHighlighted/len(small)+1)
	if got := string(highlighted("go", large)); strings.Contains(got, "<span") || !strings.HasPrefix(got, `<pre class="chroma"><code>package main`) {
		t.Errorf("a Go block of %d bytes is highlighted: %.80q", len(large), got)
	}
	for _, tc := range []struct {
		name, lang, code string
		want             bool
	}{
		{"a line at the bound", "yaml", "key: " + strings.Repeat("0", maxHighlightedLine-5) + "\n", true},
		{"a line over the bound", "yaml", "a: b\nkey: " + strings.Repeat("0", maxHighlightedLine) + "\n", false},
		{"a long last line without a newline", "yaml", "a: b\nkey: " + strings.Repeat("0", maxHighlightedLine), false},
		{"Java within its bound", "java", strings.Repeat("int a = 1;\n", 2<<10/11), true},
		{"Java over its bound", "java", strings.Repeat("int a = 1;\n", 2<<10/11+1), false},
		{"a language chroma knows, not highlighted", "al", "codeunit 50100 X { }\n", false},
	} {
		if got := strings.Contains(string(highlighted(tc.lang, []byte(tc.code))), "<span"); got != tc.want {
			t.Errorf("%s: highlighted %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestHighlightedLanguagesExist: every language highlighted is one of
// chroma's lexers by name, so that none is left plain by a misspelling
// or by a lexer that chroma renamed.
func TestHighlightedLanguagesExist(t *testing.T) {
	names := map[string]bool{}
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		names[l.Config().Name] = true
	}
	for name := range highlightedLanguages {
		if !names[name] {
			t.Errorf("%q is not a chroma lexer", name)
		}
	}
}

// TestHighlightMergesTokens: adjacent tokens of one class make one span
// (PowerShell's lexer gives a here-string a token per character); a
// block whose neighbouring tokens differ in class comes out as chroma's
// formatter writes it.
func TestHighlightMergesTokens(t *testing.T) {
	line := func(cells string) string { return `<span class="line"><span class="cl">` + cells + `</span></span>` }
	for _, tc := range []struct {
		lang, code, want string
		asChroma         bool // the same as chroma's formatter gives, tokens unmerged
	}{
		{"powershell", "$a = @\"\nHello $name\n\"@\n",
			line(`<span class="nv">$a</span> <span class="p">=</span> <span class="sh">@&#34;`+"\n</span>") +
				line(`<span class="sh">Hello </span><span class="nv">$name</span><span class="sh">`+"\n</span>") +
				line(`<span class="sh">&#34;@</span>`+"\n"), false},
		{"powershell", "@'\nab\n'@\n",
			line(`<span class="sh">@&#39;`+"\n</span>") + line(`<span class="sh">ab`+"\n</span>") + line(`<span class="sh">&#39;@</span>`+"\n"), false},
		{"go", "x := \"a\" // b\n",
			line(`<span class="nx">x</span><span class="w"> </span><span class="o">:=</span><span class="w"> </span><span class="s">&#34;a&#34;</span><span class="w"> </span><span class="c1">// b</span><span class="w">` + "\n</span>"), true},
	} {
		want := `<pre class="chroma"><code>` + tc.want + `</code></pre>`
		if got := string(highlighted(tc.lang, []byte(tc.code))); got != want {
			t.Errorf("%s %q:\n%s\nwant:\n%s", tc.lang, tc.code, got, want)
		}
		if tc.asChroma {
			var raw bytes.Buffer
			it, err := lexerFor(tc.lang).Tokenise(nil, tc.code)
			if err != nil || formatter.Format(&raw, styles.Fallback, it) != nil || raw.String() != want {
				t.Errorf("%s %q: chroma's formatter gives\n%s\nwant:\n%s", tc.lang, tc.code, raw.String(), want)
			}
		}
	}
}

// quickBody and goldmarkBody are quick and goldmark with the HTML in
// the Body, as render gives it.
func quickBody(b *bodies, site *model.Site, d *model.Document, src []byte, rel, files string) (Body, bool) {
	var out bytes.Buffer
	body, ok := b.quick(&out, site, d, src, rel, files, false)
	body.HTML = template.HTML(out.String())
	return body, ok
}

func goldmarkBody(b *bodies, site *model.Site, d *model.Document, src []byte, rel, files string) Body {
	var out bytes.Buffer
	body := b.goldmark(&out, site, d, src, rel, files)
	body.HTML = template.HTML(out.String())
	return body
}

// TestRenderPage: a page's body read in place from its buffer is the
// body render gives, with the fast paths on and off, for a body quick
// takes and one it leaves to goldmark; once released, its buffer makes
// the next body, and a body render copied out stays as it was.
func TestRenderPage(t *testing.T) {
	b := newBodies("未发布文件")
	for _, on := range []bool{true, false} {
		restore := fast.Set(on)
		for _, src := range append(quickBodyCases, "> 引用\n>\n> 第二段 [程序](ISMS-P-009)\n") {
			site, d := linked(t, src, "管理评审")
			want := b.render(site, d, []byte(src), "../../")
			kept := strings.Clone(string(want.HTML))
			got := b.renderPage(site, d, []byte(src), "../../")
			if got.HTML != want.HTML || !reflect.DeepEqual(got.Headings, want.Headings) || got.Text != want.Text {
				t.Errorf("fast paths %v: %q: renderPage\n%+v\nwant\n%+v", on, src, got, want)
			}
			if (got.room != nil) != on {
				t.Errorf("fast paths %v: the HTML is read in place: %v", on, got.room != nil)
			}
			got.release()
			got.release() // a second time does nothing
			if on && got.HTML != "" {
				t.Errorf("HTML read in place, after release: %q", got.HTML)
			}
			for range 3 { // the room given back is used again
				next := b.renderPage(site, d, []byte("其他 **正文**\n"), "../../")
				next.release()
			}
			if string(want.HTML) != kept {
				t.Errorf("render's copy changed after renderPage's room was used again")
			}
		}
		restore()
	}
}

// BenchmarkHighlightWorst highlights, in every language highlighted,
// text that keeps chroma's rules trying and failing (a character or two
// repeated, in lines at the bound, up to the block's bound) and reports
// the slowest block: what one code block can cost a build at most, as
// far as these patterns find.
func BenchmarkHighlightWorst(b *testing.B) {
	lexerTable() // chroma's clock off, as in a build: else a match is cut at 250 ms
	patterns := []string{"0", "a", " ", "\"", "'", "\\", "/", "*", "-", "#", "<", "(", "{", "[", "$", "@", ".", ":", "=", "`", "%", "!", "&", "|", "0x", "a ", "a.", "/*", "<!", "${", "1e", "--", "a="}
	var worst time.Duration
	worstOf := ""
	for b.Loop() {
		for name := range highlightedLanguages {
			lexer := lexers.Get(name)
			limit := maxHighlighted
			if n := highlightedLanguages[name]; n > 0 {
				limit = n
			}
			for _, p := range patterns {
				for _, end := range []string{"", "x", "'", ":"} {
					line := strings.Repeat(p, (maxHighlightedLine-len(end))/len(p)) + end + "\n"
					code := []byte(strings.Repeat(line, limit/len(line)))
					if !highlightable(lexer, code) {
						b.Fatalf("%s: %d bytes of %q are not highlightable", name, len(code), line)
					}
					start := time.Now()
					it, err := chroma.Coalesce(lexer).Tokenise(nil, string(code))
					if err != nil || formatter.Format(io.Discard, styles.Fallback, it) != nil {
						b.Fatalf("%s: %v", name, err)
					}
					if d := time.Since(start); d > worst {
						worst, worstOf = d, name+" "+strconv.Quote(p+end)
					}
				}
			}
		}
	}
	b.ReportMetric(float64(worst.Milliseconds()), "worst-ms/block")
	b.Log("slowest:", worstOf)
}
