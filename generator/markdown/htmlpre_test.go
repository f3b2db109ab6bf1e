package markdown

import (
	"strings"
	"testing"
)

// A <pre> block is shown as a fenced code block of its text, in the
// lines it took: its tags' lines, or the blank lines beside it, hold the
// fences; entities are read and tags inside left out.
func TestPreAsFencedCode(t *testing.T) {
	for _, tc := range []struct{ name, in, out, found string }{
		{"tags on lines of their own",
			"Run:\n<pre>\nif a &lt; b &amp;&amp; c\n  <b>x</b> <stdio.h>\n</pre>\nafter\n",
			"Run:\n```\nif a < b && c\n  x <stdio.h>\n```\nafter\n", "html-pre@1"},
		{"pre and code with a language, text on the tags' lines, blank lines beside",
			"a\n\n<pre><code class=\"language-bash\">make &gt; log\n<span class=\"k\">echo</span> ```\n</code></pre>\n\n<PRE>x</PRE>\n\nb\n",
			"a\n````bash\nmake > log\necho ```\n````\n```\nx\n```\nb\n", "html-pre@2 html-pre@6"},
		{"text on a tag's line and no blank line beside it: left out with its warning",
			"a\n<pre>x\ny</pre>\nb\n<pre>z</pre> and more\n",
			"a\n<pre>x\ny</pre>\nb\n<pre>z</pre> and more\n", ""},
		{"in a list item, indented with its text",
			"1. Run:\n\n   <pre>\n   make\n     all\n   </pre>\n2. Next\n",
			"1. Run:\n\n   ```\n      make\n        all\n   ```\n2. Next\n", "html-pre@2"},
		{"in code, nothing", "```\n<pre>\nx\n</pre>\n```\n", "```\n<pre>\nx\n</pre>\n```\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, found := Adapt([]byte(tc.in))
			if string(out) != tc.out {
				t.Errorf("got\n%q\nwant\n%q", out, tc.out)
			}
			if strings.Count(string(out), "\n") != strings.Count(tc.in, "\n") {
				t.Errorf("the number of lines changed")
			}
			var got []string
			for _, f := range found {
				got = append(got, f.Code+"@"+itoa(f.Line))
			}
			if strings.Join(got, " ") != tc.found {
				t.Errorf("found %v, want %s", got, tc.found)
			}
		})
	}
}
