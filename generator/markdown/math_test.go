package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// LaTeX math between lines $$, or between $$ and $$ in a line, is shown
// as written, as its warning says:
// a "[x](y)" in it is no link (a broken one, an error), a "\\" keeps both
// backslashes, "_" and "*" emphasise nothing; math never closed, cut by
// a blank line or by a line of Markdown (a "$$" that closes a block
// above), is left as it was.
func TestMathShownAsWritten(t *testing.T) {
	for _, tc := range []struct{ name, in, shown string }{
		{"a block", "$$\n\\Gamma \\vdash [\\lambda x.b](a) \\\\\n*p*_i_ < q & r\n$$\n",
			"<p>$$\n\\Gamma \\vdash [\\lambda x.b](a) \\\\\n*p*_i_ &lt; q &amp; r\n$$</p>\n"},
		{"one line", "Text.\n\n$$[a](b) * c *$$\n", "<p>Text.</p>\n<p>$$[a](b) * c *$$</p>\n"},
		{"opened on the line of its first formula", "$$ f(x) = *y*\n  z_1 $$\n", "<p>$$ f(x) = *y*\nz_1 $$</p>\n"},
		{"in a list item, indented as its text", "- Context:\n    $$\n    [x](y)\n  $$\n", "<ul>\n<li>Context:\n$$\n[x](y)\n$$</li>\n</ul>\n"},
		{"a list item before the next $$: a block closed above, left as it was", "$$\n- **a**\n$$\n", "<p>$$</p>\n<ul>\n<li><strong>a</strong>\n$$</li>\n</ul>\n"},
		{"in a line of a list item: each $$…$$ as written, code spans as code",
			"- rule $$ [[S]](f)(x) $$ and $$a_1 * b_2$$, `$$[c](d)$$`\n- price $$5\n",
			"<ul>\n<li>rule $$ [[S]](f)(x) $$ and $$a_1 * b_2$$, <code>$$[c](d)$$</code></li>\n<li>price $$5</li>\n</ul>\n"},
		{"never closed", "$$\n[a](b)\n\nText.\n", "<p>$$\n<a href=\"b\">a</a></p>\n<p>Text.</p>\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body, _ := Adapt([]byte(tc.in))
			if bytes.Count(body, []byte("\n")) != strings.Count(tc.in, "\n") {
				t.Errorf("lines changed: %q", body)
			}
			var html bytes.Buffer
			if err := New().Convert(body, &html); err != nil {
				t.Fatal(err)
			}
			if html.String() != tc.shown {
				t.Errorf("shown as\n%q\nwant\n%q", html.String(), tc.shown)
			}
			renderSameAsGoldmark(t, body)
		})
	}
}
