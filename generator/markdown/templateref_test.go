package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// TestTemplateTagInDefinition: a link reference definition whose address
// holds a template tag with spaces is shown as written with a warning at
// its line that names the definition and the address to write, as a link
// whose address holds one is; in angle brackets, which CommonMark reads
// as a path (a broken link), too. A tag without spaces is a path, as in a
// link; in code, nothing is done.
func TestTemplateTagInDefinition(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		line     int    // of the warning, -1 for none naming a definition or link
		message  string // a part of it
		hint     string // a part of it
		shown    string // a part of the page
	}{
		{"a definition", "See [portal][ref].\n\n[ref]: {{% param \"url\" %}}\n", 2,
			`the link definition [ref]: {{% param "url" %}} is shown as written`, "[ref]: url", "[ref]: {{% param &quot;url&quot; %}}"},
		{"a definition with a path after the tag", "[a][r]\n\n  [r]: {{< param \"base\" >}}/guide.md\n", 2,
			"the link definition [r]: {{< param \"base\" >}}/guide.md", "[r]: base/guide.md", "[r]: {{&lt; param"},
		{"a definition in angle brackets", "[a][r]\n\n[r]: <{{% param \"url\" %}}>\n", 2,
			"the link definition [r]: <{{% param \"url\" %}}>", "[r]: <url>", "[r]: &lt;{{% param &quot;url&quot; %}}&gt;"},
		{"a link in angle brackets", "Go [there](<{{< param url >}}>) now.\n", 0,
			"the link [there](<{{< param url >}}>) is shown as written", "[there](<url>)", "[there](&lt;{{&lt; param url &gt;}}&gt;)"},
		{"a link", "Go [there]({{% param \"url\" %}}) now.\n", 0,
			"the link [there]({{% param \"url\" %}}) is shown as written", "[there](url)", "[there]({{% param"},
		{"a tag without spaces: a path, as in a link", "[a][r]\n\n[r]: <{{%param%}}>\n", -1, "", "", `href="%7B%7B%25param%25%7D%7D"`},
		{"in code", "`[r]: <{{% param \"url\" %}}>`\n", -1, "", "", "<code>[r]: &lt;{{% param"},
	} {
		body, found := Adapt([]byte(tc.in))
		var got *Foreign
		for i, f := range found {
			if m := f.Message.String(); strings.Contains(m, "link definition") || strings.Contains(m, "the link") {
				got = &found[i]
			}
		}
		switch {
		case tc.line < 0 && got != nil:
			t.Errorf("%s: warned %q", tc.name, got.Message)
		case tc.line >= 0 && got == nil:
			t.Errorf("%s: no warning of the link in %v", tc.name, found)
		case got != nil && (got.Line != tc.line || !strings.Contains(got.Message.String(), tc.message) || !strings.Contains(got.Hint.String(), tc.hint)):
			t.Errorf("%s: warned at %d %q, hint %q; want %d %q, %q", tc.name, got.Line, got.Message, got.Hint, tc.line, tc.message, tc.hint)
		}
		md := New()
		var html bytes.Buffer
		_ = md.Renderer().Render(&html, body, Parse(md, body))
		if !strings.Contains(html.String(), tc.shown) {
			t.Errorf("%s: the page\n%s\nlacks %q", tc.name, html.String(), tc.shown)
		}
		if tc.line >= 0 && strings.Contains(html.String(), "<a ") {
			t.Errorf("%s: a link is made: %s", tc.name, html.String())
		}
	}
}
